//! The PNG writer: tiny-skia rasterises anti-aliased paths onto a pixmap; text is the
//! embedded font's coverage, painted through a mask.

use super::canvas::{Canvas, Label, Pen, Point, Rect};
use super::color::Rgba;
use super::text;
use tiny_skia::{
    FillRule, IntSize, LineCap, LineJoin, Mask, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform,
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
        let (width, height) = (self.pixmap.width(), self.pixmap.height());
        let metrics = text::measure(content, label.size);
        let along = metrics.start_offset(label.halign);
        let across = metrics.baseline_offset(label.valign);
        let origin = if label.vertical { (x + across, y - along) } else { (x + along, y + across) };
        let mut coverage = vec![0u8; width as usize * height as usize];
        text::rasterise(content, label.size, origin, label.vertical, &mut coverage, width as usize);
        let Some(size) = IntSize::from_wh(width, height) else { return };
        let Some(mask) = Mask::from_vec(coverage, size) else { return };
        let whole = tiny_skia::Rect::from_xywh(0.0, 0.0, width as f32, height as f32);
        if let Some(whole) = whole {
            self.pixmap.fill_rect(whole, &paint(label.color), Transform::identity(), Some(&mask));
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
