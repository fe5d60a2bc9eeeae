//! The SVG writer: one element per primitive, coordinates rounded to hundredths of a
//! pixel, so the same figure always gives the same text (the golden tests compare it).

use super::canvas::{Canvas, Label, Pen, Point, Rect};
use super::color::Rgba;
use super::text::{self, HAlign};
use std::fmt::Write;

pub struct Svg {
    body: String,
    width: f64,
    height: f64,
    clips: usize,
    clipped: bool,
}

/// A number as SVG gets it: at most two decimals, no trailing zeros, no "-0".
fn num(v: f64) -> String {
    let text = format!("{:.2}", v);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

fn points(points: &[Point]) -> String {
    points.iter().map(|&(x, y)| format!("{},{}", num(x), num(y))).collect::<Vec<_>>().join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `fill="#rrggbb"` plus an opacity attribute when the colour is not opaque.
fn paint(attribute: &str, color: Rgba) -> String {
    let mut text = format!("{attribute}=\"{}\"", color.hex());
    if color.a < 1.0 {
        write!(text, " {attribute}-opacity=\"{}\"", num(color.a)).unwrap();
    }
    text
}

impl Svg {
    pub fn new(width: f64, height: f64) -> Svg {
        Svg { body: String::new(), width, height, clips: 0, clipped: false }
    }

    pub fn finish(mut self) -> String {
        self.clip(None);
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n{}</svg>\n",
            self.body,
            w = num(self.width),
            h = num(self.height),
        )
    }
}

impl Canvas for Svg {
    fn fill_rect(&mut self, r: Rect, color: Rgba) {
        writeln!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>",
            num(r.left),
            num(r.top),
            num(r.width()),
            num(r.height()),
            paint("fill", color)
        )
        .unwrap();
    }

    fn fill_polygon(&mut self, pts: &[Point], color: Rgba) {
        writeln!(self.body, "<polygon points=\"{}\" {}/>", points(pts), paint("fill", color)).unwrap();
    }

    fn fill_circle(&mut self, (x, y): Point, radius: f64, color: Rgba) {
        writeln!(
            self.body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>",
            num(x),
            num(y),
            num(radius),
            paint("fill", color)
        )
        .unwrap();
    }

    fn stroke(&mut self, pts: &[Point], closed: bool, pen: &Pen) {
        let element = if closed { "polygon" } else { "polyline" };
        let mut style = format!(
            "fill=\"none\" {} stroke-width=\"{}\" stroke-linejoin=\"round\"",
            paint("stroke", pen.color),
            num(pen.width)
        );
        if pen.dashes.is_empty() {
            style.push_str(" stroke-linecap=\"square\"");
        } else {
            let dashes: Vec<String> = pen.dashes.iter().map(|&d| num(d)).collect();
            write!(style, " stroke-dasharray=\"{}\"", dashes.join(",")).unwrap();
        }
        writeln!(self.body, "<{element} points=\"{}\" {style}/>", points(pts)).unwrap();
    }

    fn text(&mut self, content: &str, (x, y): Point, label: &Label) {
        let metrics = text::measure(content, label.size);
        let anchor = match label.halign {
            HAlign::Left => "start",
            HAlign::Center => "middle",
            HAlign::Right => "end",
        };
        let shift = metrics.baseline_offset(label.valign);
        let (bx, by, rotate) = if label.vertical {
            (x + shift, y, format!(" transform=\"rotate(-90 {} {})\"", num(x + shift), num(y)))
        } else {
            (x, y + shift, String::new())
        };
        writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" {}{rotate}>{}</text>",
            num(bx),
            num(by),
            text::FAMILY,
            num(label.size),
            paint("fill", label.color),
            escape(content)
        )
        .unwrap();
    }

    fn clip(&mut self, rect: Option<Rect>) {
        if self.clipped {
            self.body.push_str("</g>\n");
            self.clipped = false;
        }
        if let Some(r) = rect {
            self.clips += 1;
            writeln!(
                self.body,
                "<clipPath id=\"clip{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n<g clip-path=\"url(#clip{})\">",
                self.clips,
                num(r.left),
                num(r.top),
                num(r.width()),
                num(r.height()),
                self.clips
            )
            .unwrap();
            self.clipped = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.2345), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(640.0), "640");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
