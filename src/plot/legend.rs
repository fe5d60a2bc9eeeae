//! The legend: one row per labelled mark (a line segment, a patch or a marker, then the
//! label) in a white, rounded, light-grey-edged box, placed at a named location or, for
//! "best", where it covers the fewest data points and line segments (matplotlib's rule).

use super::canvas::{Canvas, Label, Pen, Point, Rect};
use super::color::{Rgba, BLACK, WHITE};
use super::figure::{Axes, LineStyle, Location, Mark};
use super::render::{dashes, draw_marker, Scale, Transform};
use super::text::{self, HAlign, VAlign};

/// matplotlib's `legend.*` defaults, in units of the legend's font size (10pt).
const FONT: f64 = 10.0;
const BORDER_PAD: f64 = 0.4;
const LABEL_SPACING: f64 = 0.5;
const HANDLE_LENGTH: f64 = 2.0;
const HANDLE_HEIGHT: f64 = 0.7;
const HANDLE_TEXT_PAD: f64 = 0.8;
const BORDER_AXES_PAD: f64 = 0.5;
const ROUNDING: f64 = 0.2;

pub fn draw(axes: &Axes, transform: &Transform, location: Location, scale: Scale, canvas: &mut dyn Canvas) {
    let mut entries: Vec<(&Mark, &str)> = axes.marks.iter().filter_map(|m| Some((m, m.label()?))).collect();
    entries.sort_by_key(|(mark, _)| mark.legend_rank());
    if entries.is_empty() {
        return;
    }
    let em = scale.px(FONT);
    let row = text::measure("lp", em).height().max(HANDLE_HEIGHT * em);
    let widest = entries.iter().map(|(_, label)| text::measure(label, em).width).fold(0.0, f64::max);
    let size = (
        em * (2.0 * BORDER_PAD + HANDLE_LENGTH + HANDLE_TEXT_PAD) + widest,
        em * 2.0 * BORDER_PAD + row * entries.len() as f64 + em * LABEL_SPACING * (entries.len() - 1) as f64,
    );
    let place = if location == Location::Best { best(axes, transform, size, em) } else { location };
    let frame = placed(transform.frame, place, size, em);
    let corners = rounded(frame, ROUNDING * em);
    canvas.fill_polygon(&corners, WHITE.with_alpha(0.8));
    canvas.stroke(&corners, true, &Pen { color: Rgba::rgb(0xcccccc), width: scale.px(1.0), dashes: &[] });
    let label =
        Label { size: em, color: BLACK, halign: HAlign::Left, valign: VAlign::Center, vertical: false };
    for (i, (mark, text)) in entries.iter().enumerate() {
        let middle = frame.top + em * BORDER_PAD + row / 2.0 + i as f64 * (row + em * LABEL_SPACING);
        let handle = (frame.left + em * BORDER_PAD, frame.left + em * (BORDER_PAD + HANDLE_LENGTH));
        draw_handle(mark, handle, middle, em, scale, canvas);
        canvas.text(text, (handle.1 + em * HANDLE_TEXT_PAD, middle), &label);
    }
}

/// A mark's sample: `span` is the handle's left and right edge, `middle` its row's centre.
fn draw_handle(mark: &Mark, span: (f64, f64), middle: f64, em: f64, scale: Scale, canvas: &mut dyn Canvas) {
    let centre = ((span.0 + span.1) / 2.0, middle);
    match mark {
        Mark::Line(line) => {
            if line.style != LineStyle::None {
                let width = scale.px(line.width);
                let pattern = dashes(line.style, width);
                let pen = Pen { color: line.color, width, dashes: &pattern };
                canvas.stroke(&[(span.0, middle), (span.1, middle)], false, &pen);
            }
            if let Some(marker) = line.marker {
                draw_marker(marker, centre, scale.px(6.0), line.color, scale, canvas);
            }
        }
        Mark::Bars(bars) => {
            let half = HANDLE_HEIGHT * em / 2.0;
            canvas.fill_rect(
                Rect { left: span.0, right: span.1, top: middle - half, bottom: middle + half },
                bars.color,
            );
        }
        Mark::Points(points) => draw_marker(
            points.marker,
            centre,
            scale.px(points.area.max(0.0).sqrt()),
            points.color,
            scale,
            canvas,
        ),
    }
}

/// The legend's box for a location inside the axes' frame.
fn placed(frame: Rect, location: Location, (w, h): (f64, f64), em: f64) -> Rect {
    let pad = BORDER_AXES_PAD * em;
    let (fx, fy) = location.anchor();
    let left = frame.left + pad + fx * (frame.width() - 2.0 * pad - w);
    let top = frame.top + pad + (1.0 - fy) * (frame.height() - 2.0 * pad - h);
    Rect { left, top, right: left + w, bottom: top + h }
}

/// The first location, in matplotlib's order, whose box covers the least: data points
/// inside it, line segments crossing it and bars overlapping it.
fn best(axes: &Axes, transform: &Transform, size: (f64, f64), em: f64) -> Location {
    let mut points: Vec<Point> = Vec::new();
    let mut segments: Vec<(Point, Point)> = Vec::new();
    let mut bars: Vec<Rect> = Vec::new();
    for mark in &axes.marks {
        match mark {
            Mark::Line(line) => {
                let pixels: Vec<Point> =
                    line.xs.iter().zip(&line.ys).map(|(&x, &y)| transform.apply(x, y)).collect();
                segments.extend(pixels.windows(2).map(|w| (w[0], w[1])));
                points.extend(pixels);
            }
            Mark::Points(p) => points.extend(p.xs.iter().zip(&p.ys).map(|(&x, &y)| transform.apply(x, y))),
            Mark::Bars(b) => {
                for i in 0..b.lefts.len() {
                    let (x0, y0) = transform.apply(b.lefts[i], b.bottoms[i]);
                    let (x1, y1) = transform.apply(b.lefts[i] + b.widths[i], b.bottoms[i] + b.heights[i]);
                    bars.push(Rect {
                        left: x0.min(x1),
                        right: x0.max(x1),
                        top: y0.min(y1),
                        bottom: y0.max(y1),
                    });
                }
            }
        }
    }
    let badness = |place: Location| {
        let area = placed(transform.frame, place, size, em);
        points.iter().filter(|&&p| area.contains(p)).count()
            + segments.iter().filter(|&&(a, b)| crosses(&area, a, b)).count()
            + bars.iter().filter(|b| b.overlaps(&area)).count()
    };
    let mut choice = (Location::UpperRight, usize::MAX);
    for place in Location::PLACES {
        let bad = badness(place);
        if bad < choice.1 {
            choice = (place, bad);
            if bad == 0 {
                break;
            }
        }
    }
    choice.0
}

/// Whether segment a-b passes through the rectangle (Liang-Barsky clipping).
fn crosses(rect: &Rect, a: Point, b: Point) -> bool {
    if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
        return false;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in
        [(-dx, a.0 - rect.left), (dx, rect.right - a.0), (-dy, a.1 - rect.top), (dy, rect.bottom - a.1)]
    {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 <= t1
}

/// The outline of a rectangle with rounded corners, as a polygon.
fn rounded(r: Rect, radius: f64) -> Vec<Point> {
    let radius = radius.min(r.width() / 2.0).min(r.height() / 2.0);
    let corners = [
        (r.right - radius, r.top + radius, -90.0),
        (r.right - radius, r.bottom - radius, 0.0),
        (r.left + radius, r.bottom - radius, 90.0),
        (r.left + radius, r.top + radius, 180.0),
    ];
    let mut outline = Vec::with_capacity(4 * 5);
    for (cx, cy, start) in corners {
        for step in 0..=4 {
            let angle = (start + step as f64 * 22.5f64).to_radians();
            outline.push((cx + radius * angle.cos(), cy + radius * angle.sin()));
        }
    }
    outline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cross_rectangles_they_pass_through() {
        let r = Rect { left: 0.0, top: 0.0, right: 10.0, bottom: 10.0 };
        assert!(crosses(&r, (-5.0, 5.0), (15.0, 5.0)));
        assert!(crosses(&r, (5.0, 5.0), (6.0, 6.0)));
        assert!(!crosses(&r, (-5.0, -5.0), (-1.0, 20.0)));
        assert!(!crosses(&r, (11.0, 0.0), (20.0, 10.0)));
    }
}
