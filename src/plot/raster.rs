//! The PNG writer: tiny-skia rasterises anti-aliased paths onto a pixmap; text is the
//! embedded font's coverage, blended onto the image.

use super::canvas::{Canvas, Label, Pen, Point, Rect};
use super::color::Rgba;
use super::text;
use tiny_skia::{
    FillRule, LineCap, LineJoin, Mask, Paint, PathBuilder, Pixmap, PremultipliedColorU8, Stroke, StrokeDash,
    Transform,
};

pub struct Raster {
    pixmap: Pixmap,
    clip: Option<Mask>,
}

fn paint(color: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.r, color.g, color.b, (color.a * 255.0).round() as u8);
    paint.anti_alias = true;
    paint
}

fn path(points: &[Point], closed: bool) -> Option<tiny_skia::Path> {
    let mut builder = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    builder.move_to(first.0 as f32, first.1 as f32);
    for p in rest {
        builder.line_to(p.0 as f32, p.1 as f32);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

/// `color` painted over a premultiplied pixel with opacity `alpha` (source-over).
fn blend(under: PremultipliedColorU8, color: Rgba, alpha: f64) -> PremultipliedColorU8 {
    let mix = |top: u8, bottom: u8| (top as f64 * alpha + bottom as f64 * (1.0 - alpha)).round() as u8;
    let a = mix(255, under.alpha());
    let channel = |top: u8, bottom: u8| mix(top, bottom).min(a);
    PremultipliedColorU8::from_rgba(
        channel(color.r, under.red()),
        channel(color.g, under.green()),
        channel(color.b, under.blue()),
        a,
    )
    .unwrap_or(under)
}

impl Raster {
    /// A white canvas; `None` if the size is zero or absurd.
    pub fn new(width: u32, height: u32) -> Option<Raster> {
        let mut pixmap = Pixmap::new(width, height)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        Some(Raster { pixmap, clip: None })
    }

    pub fn png(&self) -> Result<Vec<u8>, String> {
        self.pixmap.encode_png().map_err(|e| e.to_string())
    }
}

impl Canvas for Raster {
    fn fill_rect(&mut self, r: Rect, color: Rgba) {
        if let Some(rect) =
            tiny_skia::Rect::from_ltrb(r.left as f32, r.top as f32, r.right as f32, r.bottom as f32)
        {
            self.pixmap.fill_rect(rect, &paint(color), Transform::identity(), self.clip.as_ref());
        }
    }

    fn fill_polygon(&mut self, points: &[Point], color: Rgba) {
        if let Some(p) = path(points, true) {
            self.pixmap.fill_path(
                &p,
                &paint(color),
                FillRule::Winding,
                Transform::identity(),
                self.clip.as_ref(),
            );
        }
    }

    fn fill_circle(&mut self, (x, y): Point, radius: f64, color: Rgba) {
        if let Some(p) = PathBuilder::from_circle(x as f32, y as f32, radius as f32) {
            self.pixmap.fill_path(
                &p,
                &paint(color),
                FillRule::Winding,
                Transform::identity(),
                self.clip.as_ref(),
            );
        }
    }

    fn stroke(&mut self, points: &[Point], closed: bool, pen: &Pen) {
        let Some(p) = path(points, closed) else { return };
        let dash = if pen.dashes.is_empty() {
            None
        } else {
            StrokeDash::new(pen.dashes.iter().map(|&d| d as f32).collect(), 0.0)
        };
        let stroke = Stroke {
            width: pen.width as f32,
            line_cap: if dash.is_none() { LineCap::Square } else { LineCap::Butt },
            line_join: LineJoin::Round,
            dash,
            ..Stroke::default()
        };
        self.pixmap.stroke_path(&p, &paint(pen.color), &stroke, Transform::identity(), self.clip.as_ref());
    }

    fn text(&mut self, content: &str, (x, y): Point, label: &Label) {
        let metrics = text::measure(content, label.size);
        let along = metrics.start_offset(label.halign);
        let across = metrics.baseline_offset(label.valign);
        // The glyphs' coverage is gathered over the text's box only (room for any ascent,
        // descent and overhang), then blended onto the image.
        let (pad, size) = (label.size, label.size);
        let (left, top, width, height, origin) = if label.vertical {
            let (baseline, start) = (x + across, y - along);
            let (left, top) = ((baseline - 1.5 * size).floor(), (start - metrics.width - pad).floor());
            (left, top, 2.5 * size, metrics.width + 2.0 * pad, (baseline - left, start - top))
        } else {
            let (start, baseline) = (x + along, y + across);
            let (left, top) = ((start - pad).floor(), (baseline - 1.5 * size).floor());
            (left, top, metrics.width + 2.0 * pad, 2.5 * size, (start - left, baseline - top))
        };
        let (width, height) = (width.ceil().max(1.0) as usize, height.ceil().max(1.0) as usize);
        let mut coverage = vec![0u8; width * height];
        text::rasterise(content, label.size, origin, label.vertical, &mut coverage, width);
        let (image_w, image_h) = (self.pixmap.width() as i64, self.pixmap.height() as i64);
        let pixels = self.pixmap.pixels_mut();
        for (i, &c) in coverage.iter().enumerate().filter(|(_, &c)| c > 0) {
            let (px, py) = (left as i64 + (i % width) as i64, top as i64 + (i / width) as i64);
            if px < 0 || py < 0 || px >= image_w || py >= image_h {
                continue;
            }
            let pixel = &mut pixels[(py * image_w + px) as usize];
            *pixel = blend(*pixel, label.color, c as f64 / 255.0 * label.color.a);
        }
    }

    fn clip(&mut self, rect: Option<Rect>) {
        self.clip = rect.and_then(|r| {
            let mut mask = Mask::new(self.pixmap.width(), self.pixmap.height())?;
            let area = PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(
                r.left as f32,
                r.top as f32,
                r.right as f32,
                r.bottom as f32,
            )?);
            mask.fill_path(&area, FillRule::Winding, false, Transform::identity());
            Some(mask)
        });
    }
}
