//! What the renderer draws with: a few primitives in pixel coordinates (y down), written
//! once for the PNG rasteriser and once for the SVG writer.

use super::color::Rgba;
use super::text::{HAlign, VAlign};

pub type Point = (f64, f64);

/// A rectangle by its left, top, right and bottom edges, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    pub fn contains(&self, (x, y): Point) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// A stroke's width, colour and dash pattern (on-off lengths in pixels; empty: solid).
/// Solid lines end square past their last point (matplotlib's "projecting" cap), dashed
/// ones end flat.
pub struct Pen<'a> {
    pub color: Rgba,
    pub width: f64,
    pub dashes: &'a [f64],
}

/// A label: its size in pixels, colour and how its anchor point relates to it.
pub struct Label {
    pub size: f64,
    pub color: Rgba,
    pub halign: HAlign,
    pub valign: VAlign,
    /// Running up the page, as a y-axis label.
    pub vertical: bool,
}

pub trait Canvas {
    fn fill_rect(&mut self, rect: Rect, color: Rgba);
    fn fill_polygon(&mut self, points: &[Point], color: Rgba);
    fn fill_circle(&mut self, center: Point, radius: f64, color: Rgba);
    fn stroke(&mut self, points: &[Point], closed: bool, pen: &Pen);
    fn text(&mut self, text: &str, at: Point, label: &Label);
    /// Confines what is drawn next to `rect`, or lifts the confinement.
    fn clip(&mut self, rect: Option<Rect>);
}
