//! What a figure holds once `plt` has recorded it: axes on a grid, and in each the marks
//! drawn (lines, bars, points), its labels, limits and legend. Sizes are in points, as
//! matplotlib's are; the renderer turns them into pixels at the figure's dpi.

use super::color::Rgba;

pub struct Figure {
    /// Width and height in inches.
    pub size: (f64, f64),
    pub dpi: f64,
    pub suptitle: Option<String>,
    pub axes: Vec<Axes>,
}

/// One axes, in cell `index` (0-based, row-major) of a `rows` x `cols` grid.
pub struct Axes {
    pub rows: usize,
    pub cols: usize,
    pub index: usize,
    pub title: String,
    pub xlabel: String,
    pub ylabel: String,
    pub xlim: (Option<f64>, Option<f64>),
    pub ylim: (Option<f64>, Option<f64>),
    pub marks: Vec<Mark>,
    pub legend: Option<Location>,
    pub grid: bool,
}

pub enum Mark {
    Line(Line),
    Bars(Bars),
    Points(Points),
}

impl Mark {
    /// matplotlib's drawing order: patches and collections (zorder 1), then lines (2).
    pub fn zorder(&self) -> u8 {
        u8::from(matches!(self, Mark::Line(_)))
    }

    /// matplotlib's legend order: lines, patches, collections, containers.
    pub fn legend_rank(&self) -> u8 {
        match self {
            Mark::Line(_) => 0,
            Mark::Bars(b) if !b.container => 1,
            Mark::Points(_) => 2,
            Mark::Bars(_) => 3,
        }
    }

    pub fn label(&self) -> Option<&str> {
        match self {
            Mark::Line(l) => l.label.as_deref(),
            Mark::Bars(b) => b.label.as_deref(),
            Mark::Points(p) => p.label.as_deref(),
        }
    }
}

pub struct Line {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub color: Rgba,
    pub width: f64,
    pub style: LineStyle,
    pub marker: Option<Marker>,
    pub label: Option<String>,
}

/// Rectangles standing on `bottoms` (a histogram's or `bar`'s).
pub struct Bars {
    pub lefts: Vec<f64>,
    pub widths: Vec<f64>,
    pub heights: Vec<f64>,
    pub bottoms: Vec<f64>,
    pub color: Rgba,
    pub edge: Option<Rgba>,
    pub label: Option<String>,
    /// Made by `bar` (a container, listed last in a legend) rather than `hist`.
    pub container: bool,
}

pub struct Points {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub color: Rgba,
    /// Marker area in points squared (scatter's `s`).
    pub area: f64,
    pub marker: Marker,
    pub label: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
    DashDot,
    None,
}

impl LineStyle {
    pub fn parse(name: &str) -> Option<LineStyle> {
        Some(match name {
            "-" | "solid" => LineStyle::Solid,
            "--" | "dashed" => LineStyle::Dashed,
            ":" | "dotted" => LineStyle::Dotted,
            "-." | "dashdot" => LineStyle::DashDot,
            "" | " " | "None" | "none" => LineStyle::None,
            _ => return None,
        })
    }

    /// On-off lengths in multiples of the line width (matplotlib's `lines.*_pattern`).
    pub fn dashes(self) -> &'static [f64] {
        match self {
            LineStyle::Dashed => &[3.7, 1.6],
            LineStyle::Dotted => &[1.0, 1.65],
            LineStyle::DashDot => &[6.4, 1.6, 1.0, 1.6],
            LineStyle::Solid | LineStyle::None => &[],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Marker {
    Circle,
    Point,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Plus,
    Cross,
}

impl Marker {
    pub fn parse(name: &str) -> Option<Marker> {
        Some(match name {
            "o" => Marker::Circle,
            "." => Marker::Point,
            "s" => Marker::Square,
            "D" => Marker::Diamond,
            "^" => Marker::TriangleUp,
            "v" => Marker::TriangleDown,
            "+" => Marker::Plus,
            "x" => Marker::Cross,
            _ => return None,
        })
    }

    /// Whether the marker is drawn as strokes (no fill).
    pub fn stroked(self) -> bool {
        matches!(self, Marker::Plus | Marker::Cross)
    }
}

/// A format string such as `"r--"`, `"o"` or `"k.-"`: colour letter, marker and line
/// style, each optional. Without a line style but with a marker, no line is drawn.
pub fn parse_format(fmt: &str) -> Option<(Option<char>, Option<Marker>, Option<LineStyle>)> {
    let mut rest = fmt;
    let mut style = None;
    for pattern in ["--", "-.", "-", ":"] {
        if let Some(at) = rest.find(pattern) {
            style = LineStyle::parse(pattern);
            rest = &fmt[..at];
            let tail = &fmt[at + pattern.len()..];
            return finish(&format!("{rest}{tail}"), style);
        }
    }
    finish(rest, style)
}

fn finish(rest: &str, style: Option<LineStyle>) -> Option<(Option<char>, Option<Marker>, Option<LineStyle>)> {
    let (mut color, mut marker) = (None, None);
    for c in rest.chars() {
        if "bgrcmykw".contains(c) && color.is_none() {
            color = Some(c);
        } else if let (Some(m), None) = (Marker::parse(&c.to_string()), marker) {
            marker = Some(m);
        } else {
            return None;
        }
    }
    let style = style.or(if marker.is_some() { Some(LineStyle::None) } else { None });
    Some((color, marker, style))
}

/// Where a legend goes, by matplotlib's location codes; `Best` picks the one covering
/// the least data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Location {
    Best,
    UpperRight,
    UpperLeft,
    LowerLeft,
    LowerRight,
    Right,
    CenterLeft,
    CenterRight,
    LowerCenter,
    UpperCenter,
    Center,
}

impl Location {
    pub const PLACES: [Location; 10] = [
        Location::UpperRight,
        Location::UpperLeft,
        Location::LowerLeft,
        Location::LowerRight,
        Location::Right,
        Location::CenterLeft,
        Location::CenterRight,
        Location::LowerCenter,
        Location::UpperCenter,
        Location::Center,
    ];

    pub fn parse(name: &str) -> Option<Location> {
        if name == "best" {
            return Some(Location::Best);
        }
        let names = [
            "upper right",
            "upper left",
            "lower left",
            "lower right",
            "right",
            "center left",
            "center right",
            "lower center",
            "upper center",
            "center",
        ];
        names.iter().position(|n| *n == name).map(|i| Location::PLACES[i])
    }

    /// Where in the axes the legend box sits: 0 = left/bottom, 0.5 = centre, 1 = right/top.
    pub fn anchor(self) -> (f64, f64) {
        match self {
            Location::Best | Location::UpperRight => (1.0, 1.0),
            Location::UpperLeft => (0.0, 1.0),
            Location::LowerLeft => (0.0, 0.0),
            Location::LowerRight => (1.0, 0.0),
            Location::Right | Location::CenterRight => (1.0, 0.5),
            Location::CenterLeft => (0.0, 0.5),
            Location::LowerCenter => (0.5, 0.0),
            Location::UpperCenter => (0.5, 1.0),
            Location::Center => (0.5, 0.5),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_strings_split_as_matplotlib_splits_them() {
        assert_eq!(parse_format("r--"), Some((Some('r'), None, Some(LineStyle::Dashed))));
        assert_eq!(parse_format("o"), Some((None, Some(Marker::Circle), Some(LineStyle::None))));
        assert_eq!(parse_format("k.-"), Some((Some('k'), Some(Marker::Point), Some(LineStyle::Solid))));
        assert_eq!(parse_format("-."), Some((None, None, Some(LineStyle::DashDot))));
        assert_eq!(parse_format(""), Some((None, None, None)));
        assert_eq!(parse_format("q"), None);
    }

    #[test]
    fn locations_parse_by_name() {
        assert_eq!(Location::parse("best"), Some(Location::Best));
        assert_eq!(Location::parse("center"), Some(Location::Center));
        assert_eq!(Location::parse("upper left"), Some(Location::UpperLeft));
        assert_eq!(Location::parse("middle"), None);
    }
}
