//! Drawing a figure on a canvas with matplotlib's default look: the subplot grid
//! (`figure.subplot.*`), autoscaled limits, outward ticks with their labels, axis labels,
//! titles, the marks clipped to their axes, and legends.

use super::canvas::{Canvas, Label, Pen, Point, Rect};
use super::color::{Rgba, BLACK, WHITE};
use super::figure::{Axes, Figure, LineStyle, Mark, Marker};
use super::legend;
use super::simplify::{self, simplify};
use super::text::{self, HAlign, VAlign};
use super::ticks;

/// matplotlib's rcParams defaults, in points.
const FONT: f64 = 10.0;
const TITLE_FONT: f64 = 12.0;
const TITLE_PAD: f64 = 6.0;
const TICK_LENGTH: f64 = 3.5;
const TICK_PAD: f64 = 3.5;
const TICK_WIDTH: f64 = 0.8;
const SPINE_WIDTH: f64 = 0.8;
const LABEL_PAD: f64 = 4.0;
const MARGIN: f64 = 0.05;
const MARKER_SIZE: f64 = 6.0;
/// `figure.subplot.left/right/bottom/top/wspace/hspace`.
const SUBPLOT: (f64, f64, f64, f64, f64, f64) = (0.125, 0.9, 0.11, 0.88, 0.2, 0.2);

/// Points to pixels at a figure's dpi.
#[derive(Clone, Copy)]
pub struct Scale {
    pub dpi: f64,
}

impl Scale {
    pub fn px(&self, points: f64) -> f64 {
        points * self.dpi / 72.0
    }
}

/// The figure's size in pixels.
pub fn pixel_size(figure: &Figure) -> (f64, f64) {
    ((figure.size.0 * figure.dpi).round(), (figure.size.1 * figure.dpi).round())
}

pub fn draw(figure: &Figure, canvas: &mut dyn Canvas) {
    let (width, height) = pixel_size(figure);
    let scale = Scale { dpi: figure.dpi };
    canvas.fill_rect(Rect { left: 0.0, top: 0.0, right: width, bottom: height }, WHITE);
    for axes in &figure.axes {
        draw_axes(axes, cell(axes, width, height), scale, canvas);
    }
    if let Some(title) = &figure.suptitle {
        let label = Label {
            size: scale.px(TITLE_FONT),
            color: BLACK,
            halign: HAlign::Center,
            valign: VAlign::Top,
            vertical: false,
        };
        canvas.text(title, (width / 2.0, height * 0.02), &label);
    }
}

/// The pixel rectangle of an axes' cell in its grid.
fn cell(axes: &Axes, width: f64, height: f64) -> Rect {
    let (left, right, bottom, top, wspace, hspace) = SUBPLOT;
    let (rows, cols) = (axes.rows.max(1) as f64, axes.cols.max(1) as f64);
    let cell_w = (right - left) / (cols + wspace * (cols - 1.0));
    let cell_h = (top - bottom) / (rows + hspace * (rows - 1.0));
    let (row, col) = ((axes.index / axes.cols.max(1)) as f64, (axes.index % axes.cols.max(1)) as f64);
    let x0 = left + col * cell_w * (1.0 + wspace);
    let y_top = top - row * cell_h * (1.0 + hspace);
    Rect {
        left: x0 * width,
        right: (x0 + cell_w) * width,
        top: (1.0 - y_top) * height,
        bottom: (1.0 - (y_top - cell_h)) * height,
    }
}

/// Data coordinates to pixels for one axes.
pub struct Transform {
    pub frame: Rect,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Transform {
    pub fn apply(&self, x: f64, y: f64) -> Point {
        let fx = (x - self.x.0) / (self.x.1 - self.x.0);
        let fy = (y - self.y.0) / (self.y.1 - self.y.0);
        (self.frame.left + fx * self.frame.width(), self.frame.bottom - fy * self.frame.height())
    }
}

/// The extent of the data along one axis, and the values autoscaling must not pass.
fn extent(axes: &Axes, horizontal: bool) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi, mut sticky) = (f64::INFINITY, f64::NEG_INFINITY, Vec::new());
    let mut take = |v: f64| {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    };
    for mark in &axes.marks {
        match mark {
            Mark::Line(line) => (if horizontal { &line.xs } else { &line.ys }).iter().for_each(|&v| take(v)),
            Mark::Points(points) => {
                (if horizontal { &points.xs } else { &points.ys }).iter().for_each(|&v| take(v))
            }
            Mark::Bars(bars) => {
                for i in 0..bars.lefts.len() {
                    if horizontal {
                        take(bars.lefts[i]);
                        take(bars.lefts[i] + bars.widths[i]);
                    } else {
                        take(bars.bottoms[i]);
                        take(bars.bottoms[i] + bars.heights[i]);
                        sticky.push(bars.bottoms[i]);
                    }
                }
            }
        }
    }
    (lo, hi, sticky)
}

fn limits(axes: &Axes, horizontal: bool) -> (f64, f64) {
    let (lo, hi, sticky) = extent(axes, horizontal);
    let auto = if lo > hi { (0.0, 1.0) } else { ticks::autoscale(lo, hi, MARGIN, &sticky) };
    let fixed = if horizontal { axes.xlim } else { axes.ylim };
    let limits = (fixed.0.unwrap_or(auto.0), fixed.1.unwrap_or(auto.1));
    if limits.0 == limits.1 {
        ticks::autoscale(limits.0, limits.1, 0.0, &[])
    } else {
        limits
    }
}

fn draw_axes(axes: &Axes, frame: Rect, scale: Scale, canvas: &mut dyn Canvas) {
    let transform = Transform { frame, x: limits(axes, true), y: limits(axes, false) };
    let font = scale.px(FONT);
    let x_ticks = axis_ticks(transform.x, frame.width(), scale, true);
    let y_ticks = axis_ticks(transform.y, frame.height(), scale, false);
    // Patches and collections, then the grid, then lines, as matplotlib stacks them.
    draw_marks(axes, 0, &transform, scale, canvas);
    if axes.grid {
        draw_grid(&transform, &x_ticks.0, &y_ticks.0, scale, canvas);
    }
    draw_marks(axes, 1, &transform, scale, canvas);
    let spine = Pen { color: BLACK, width: scale.px(SPINE_WIDTH), dashes: &[] };
    let corners = [
        (frame.left, frame.bottom),
        (frame.left, frame.top),
        (frame.right, frame.top),
        (frame.right, frame.bottom),
    ];
    canvas.stroke(&corners, true, &spine);

    let tick = Pen { color: BLACK, width: scale.px(TICK_WIDTH), dashes: &[] };
    let (length, pad) = (scale.px(TICK_LENGTH), scale.px(TICK_PAD));
    let tick_label = |halign, valign| Label { size: font, color: BLACK, halign, valign, vertical: false };
    let mut lowest = frame.bottom + length + pad;
    for (value, text) in x_ticks.0.iter().zip(&x_ticks.1) {
        let (x, _) = transform.apply(*value, transform.y.0);
        canvas.stroke(&[(x, frame.bottom), (x, frame.bottom + length)], false, &tick);
        canvas.text(text, (x, frame.bottom + length + pad), &tick_label(HAlign::Center, VAlign::Top));
        lowest = lowest.max(frame.bottom + length + pad + text::measure(text, font).height());
    }
    if let Some(multiplier) = &x_ticks.2 {
        canvas.text(multiplier, (frame.right, lowest), &tick_label(HAlign::Right, VAlign::Top));
    }
    let mut leftmost = frame.left - length - pad;
    for (value, text) in y_ticks.0.iter().zip(&y_ticks.1) {
        let (_, y) = transform.apply(transform.x.0, *value);
        canvas.stroke(&[(frame.left, y), (frame.left - length, y)], false, &tick);
        canvas.text(text, (frame.left - length - pad, y), &tick_label(HAlign::Right, VAlign::Center));
        leftmost = leftmost.min(frame.left - length - pad - text::measure(text, font).width);
    }
    if let Some(multiplier) = &y_ticks.2 {
        canvas.text(multiplier, (frame.left, frame.top - pad), &tick_label(HAlign::Left, VAlign::Bottom));
    }
    let center = ((frame.left + frame.right) / 2.0, (frame.top + frame.bottom) / 2.0);
    if !axes.xlabel.is_empty() {
        let label = tick_label(HAlign::Center, VAlign::Top);
        canvas.text(&axes.xlabel, (center.0, lowest + scale.px(LABEL_PAD)), &label);
    }
    if !axes.ylabel.is_empty() {
        let label = Label { vertical: true, ..tick_label(HAlign::Center, VAlign::Bottom) };
        canvas.text(&axes.ylabel, (leftmost - scale.px(LABEL_PAD), center.1), &label);
    }
    if !axes.title.is_empty() {
        let label = Label { size: scale.px(TITLE_FONT), ..tick_label(HAlign::Center, VAlign::Baseline) };
        canvas.text(&axes.title, (center.0, frame.top - scale.px(TITLE_PAD)), &label);
    }
    if let Some(location) = axes.legend {
        legend::draw(axes, &transform, location, scale, canvas);
    }
}

/// The axes' marks of one zorder, clipped to the frame.
fn draw_marks(axes: &Axes, zorder: u8, transform: &Transform, scale: Scale, canvas: &mut dyn Canvas) {
    let mut marks = axes.marks.iter().filter(|m| m.zorder() == zorder).peekable();
    if marks.peek().is_none() {
        return;
    }
    canvas.clip(Some(transform.frame));
    for mark in marks {
        draw_mark(mark, transform, scale, canvas);
    }
    canvas.clip(None);
}

/// An axis's tick values, their labels and the multiplier, if any.
fn axis_ticks(
    view: (f64, f64),
    length_px: f64,
    scale: Scale,
    horizontal: bool,
) -> (Vec<f64>, Vec<String>, Option<String>) {
    let length_pt = length_px * 72.0 / scale.dpi;
    let values = ticks::locate(view.0, view.1, ticks::bins_for(length_pt, FONT, horizontal));
    let (texts, multiplier) = ticks::labels(&values, view);
    (values, texts, multiplier)
}

fn draw_grid(transform: &Transform, xs: &[f64], ys: &[f64], scale: Scale, canvas: &mut dyn Canvas) {
    let pen = Pen { color: Rgba::rgb(0xb0b0b0), width: scale.px(0.8), dashes: &[] };
    let frame = transform.frame;
    for &x in xs {
        let (px, _) = transform.apply(x, transform.y.0);
        canvas.stroke(&[(px, frame.top), (px, frame.bottom)], false, &pen);
    }
    for &y in ys {
        let (_, py) = transform.apply(transform.x.0, y);
        canvas.stroke(&[(frame.left, py), (frame.right, py)], false, &pen);
    }
}

/// A line's dash pattern in pixels: matplotlib scales the pattern by the line width.
pub fn dashes(style: LineStyle, width: f64) -> Vec<f64> {
    style.dashes().iter().map(|d| d * width).collect()
}

fn draw_mark(mark: &Mark, transform: &Transform, scale: Scale, canvas: &mut dyn Canvas) {
    match mark {
        Mark::Line(line) => {
            let width = scale.px(line.width);
            if line.style != LineStyle::None {
                let pattern = dashes(line.style, width);
                let pen = Pen { color: line.color, width, dashes: &pattern };
                // Dense lines are simplified as matplotlib simplifies them, which also
                // keeps drawing 10^5 points fast.
                let dense = line.xs.len() >= simplify::MIN_POINTS;
                let mut stroke = |run: &[Point]| {
                    if dense {
                        canvas.stroke(&simplify(run, simplify::THRESHOLD), false, &pen)
                    } else {
                        canvas.stroke(run, false, &pen)
                    }
                };
                // NaN and infinite points break the line, as in matplotlib.
                let mut run: Vec<Point> = Vec::new();
                for (&x, &y) in line.xs.iter().zip(&line.ys) {
                    if x.is_finite() && y.is_finite() {
                        run.push(transform.apply(x, y));
                    } else if !run.is_empty() {
                        stroke(&run);
                        run.clear();
                    }
                }
                if !run.is_empty() {
                    stroke(&run);
                }
            }
            if let Some(marker) = line.marker {
                for (&x, &y) in line.xs.iter().zip(&line.ys) {
                    if x.is_finite() && y.is_finite() {
                        draw_marker(
                            marker,
                            transform.apply(x, y),
                            scale.px(MARKER_SIZE),
                            line.color,
                            scale,
                            canvas,
                        );
                    }
                }
            }
        }
        Mark::Bars(bars) => {
            for i in 0..bars.lefts.len() {
                let (x0, y0) = transform.apply(bars.lefts[i], bars.bottoms[i]);
                let (x1, y1) =
                    transform.apply(bars.lefts[i] + bars.widths[i], bars.bottoms[i] + bars.heights[i]);
                // Edges snapped to whole pixels, as matplotlib snaps rectilinear paths, so
                // neighbouring bars meet without an anti-aliased seam.
                let rect = Rect {
                    left: x0.min(x1).round(),
                    right: x0.max(x1).round(),
                    top: y0.min(y1).round(),
                    bottom: y0.max(y1).round(),
                };
                canvas.fill_rect(rect, bars.color);
                if let Some(edge) = bars.edge {
                    let corners = [
                        (rect.left, rect.bottom),
                        (rect.left, rect.top),
                        (rect.right, rect.top),
                        (rect.right, rect.bottom),
                    ];
                    canvas.stroke(&corners, true, &Pen { color: edge, width: scale.px(1.0), dashes: &[] });
                }
            }
        }
        Mark::Points(points) => {
            let diameter = scale.px(points.area.max(0.0).sqrt());
            for (&x, &y) in points.xs.iter().zip(&points.ys) {
                if x.is_finite() && y.is_finite() {
                    draw_marker(points.marker, transform.apply(x, y), diameter, points.color, scale, canvas);
                }
            }
        }
    }
}

/// A marker `size` pixels across centred on `at` (matplotlib's `markersize`), plus the
/// 1pt edge matplotlib strokes around filled markers in their face colour.
pub fn draw_marker(marker: Marker, at: Point, size: f64, color: Rgba, scale: Scale, canvas: &mut dyn Canvas) {
    let (x, y) = at;
    let r = size / 2.0 + if marker.stroked() { 0.0 } else { scale.px(0.5) };
    match marker {
        Marker::Circle => canvas.fill_circle(at, r, color),
        Marker::Point => canvas.fill_circle(at, r / 2.0, color),
        Marker::Square => {
            let s = r * 0.9;
            canvas.fill_rect(Rect { left: x - s, top: y - s, right: x + s, bottom: y + s }, color)
        }
        Marker::Diamond => {
            canvas.fill_polygon(&[(x, y - r), (x + r * 0.7, y), (x, y + r), (x - r * 0.7, y)], color)
        }
        Marker::TriangleUp => canvas.fill_polygon(&[(x, y - r), (x + r, y + r), (x - r, y + r)], color),
        Marker::TriangleDown => canvas.fill_polygon(&[(x, y + r), (x + r, y - r), (x - r, y - r)], color),
        Marker::Plus | Marker::Cross => {
            let pen = Pen { color, width: scale.px(1.0), dashes: &[] };
            let (a, b) = if marker == Marker::Plus {
                ([(x - r, y), (x + r, y)], [(x, y - r), (x, y + r)])
            } else {
                ([(x - r, y - r), (x + r, y + r)], [(x - r, y + r), (x + r, y - r)])
            };
            canvas.stroke(&a, false, &pen);
            canvas.stroke(&b, false, &pen);
        }
    }
}
