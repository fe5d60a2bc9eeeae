//! Text in figures: DejaVu Sans (matplotlib's default face) embedded in the binary, so a
//! PNG has its labels on a machine with no fonts installed. Layout is measured here for
//! both writers, so an SVG's labels sit where the PNG's do.

use ab_glyph::{Font, FontRef, Glyph, PxScale, ScaleFont};
use std::sync::OnceLock;

static DEJAVU_SANS: &[u8] = include_bytes!("font/DejaVuSans.ttf");

/// The families an SVG asks its viewer for: the one laid out with, then matplotlib's
/// fallbacks (DejaVu Sans's metrics are Bitstream Vera's).
pub const FAMILY: &str = "DejaVu Sans, Bitstream Vera Sans, sans-serif";

fn font() -> &'static FontRef<'static> {
    static FONT: OnceLock<FontRef<'static>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(DEJAVU_SANS).expect("the embedded font parses"))
}

/// How a text's anchor point relates to the text, as matplotlib's `ha`/`va`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VAlign {
    Top,
    Center,
    Baseline,
    Bottom,
}

/// A string measured at a size: its advance width and its line's extent above and below
/// the baseline (matplotlib measures a line by "lp", so every label of a size is as
/// tall as every other).
#[derive(Clone, Copy, Debug)]
pub struct Metrics {
    pub width: f64,
    pub ascent: f64,
    pub descent: f64,
}

impl Metrics {
    pub fn height(&self) -> f64 {
        self.ascent + self.descent
    }

    /// The baseline's offset below the anchor for a vertical alignment.
    pub fn baseline_offset(&self, valign: VAlign) -> f64 {
        match valign {
            VAlign::Top => self.ascent,
            VAlign::Center => (self.ascent - self.descent) / 2.0,
            VAlign::Baseline => 0.0,
            VAlign::Bottom => -self.descent,
        }
    }

    /// The start of the text along its direction for a horizontal alignment.
    pub fn start_offset(&self, halign: HAlign) -> f64 {
        match halign {
            HAlign::Left => 0.0,
            HAlign::Center => -self.width / 2.0,
            HAlign::Right => -self.width,
        }
    }
}

/// The scale at which one em is `size` pixels (ab_glyph scales by the font's height,
/// ascent to descent, not by the em).
fn scale(size: f64) -> PxScale {
    let font = font();
    PxScale::from(size as f32 * font.height_unscaled() / font.units_per_em().unwrap_or(2048.0))
}

/// The glyphs of `text` laid out on a baseline at y = 0, starting at x = 0.
fn layout(text: &str, size: f64) -> (Vec<Glyph>, f64) {
    let scaled = font().as_scaled(scale(size));
    let mut glyphs = Vec::with_capacity(text.len());
    let mut x = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            x += scaled.kern(previous, id);
        }
        glyphs.push(id.with_scale_and_position(scale(size), ab_glyph::point(x, 0.0)));
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    (glyphs, x as f64)
}

/// How far a glyph's ink reaches above (or below) the baseline, in ems.
fn ink_extent(c: char, above: bool) -> f64 {
    let font = font();
    let Some(outline) = font.outline(font.glyph_id(c)) else { return 0.0 };
    // Outline bounds are in font units, y up, with the top edge in `min` and the
    // bottom edge in `max`.
    let extent = if above { outline.bounds.min.y } else { -outline.bounds.max.y };
    extent as f64 / font.units_per_em().unwrap_or(2048.0) as f64
}

pub fn measure(text: &str, size: f64) -> Metrics {
    let (_, width) = layout(text, size);
    Metrics { width, ascent: ink_extent('l', true) * size, descent: ink_extent('p', false) * size }
}

/// Rasterises `text` into `coverage` (row-major, `width` wide): the baseline's start at
/// `origin`, running right, or up the page when `vertical` (a y label).
pub fn rasterise(
    text: &str,
    size: f64,
    origin: (f64, f64),
    vertical: bool,
    coverage: &mut [u8],
    width: usize,
) {
    let height = coverage.len() / width.max(1);
    let (glyphs, _) = layout(text, size);
    for glyph in glyphs {
        let Some(outline) = font().outline_glyph(glyph) else { continue };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, c| {
            // (u, v): along the text and down from the baseline, in pixels.
            let u = bounds.min.x as f64 + gx as f64;
            let v = bounds.min.y as f64 + gy as f64;
            let (x, y) = if vertical { (origin.0 + v, origin.1 - u) } else { (origin.0 + u, origin.1 + v) };
            let (x, y) = (x.floor(), y.floor());
            if x < 0.0 || y < 0.0 || x >= width as f64 || y >= height as f64 {
                return;
            }
            let cell = &mut coverage[y as usize * width + x as usize];
            *cell = (*cell).max((c.clamp(0.0, 1.0) * 255.0).round() as u8);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_scale_linearly_and_digits_share_a_width() {
        let ten = measure("0123", 10.0);
        let twenty = measure("0123", 20.0);
        assert!((twenty.width - 2.0 * ten.width).abs() < 0.5);
        // DejaVu's digits are 0.636 em wide.
        assert!((ten.width - 4.0 * 6.36).abs() < 0.2, "{}", ten.width);
        assert!((measure("8", 10.0).width - measure("1", 10.0).width).abs() < 1e-6);
        assert!(ten.ascent > 7.0 && ten.ascent < 8.0 && ten.descent > 1.5 && ten.descent < 2.5, "{ten:?}");
    }

    #[test]
    fn rasterised_text_lands_right_of_and_above_its_baseline() {
        let (w, h) = (60, 30);
        let mut coverage = vec![0u8; w * h];
        rasterise("Ag", 14.0, (5.0, 20.0), false, &mut coverage, w);
        let inked: Vec<(usize, usize)> =
            (0..w * h).filter(|&i| coverage[i] > 128).map(|i| (i % w, i / w)).collect();
        assert!(!inked.is_empty());
        assert!(inked.iter().all(|&(x, _)| x >= 5));
        assert!(inked.iter().any(|&(_, y)| y < 20) && inked.iter().any(|&(_, y)| y > 20));
    }
}
