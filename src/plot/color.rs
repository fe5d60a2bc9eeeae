//! Colours as matplotlib names them: the default cycle ("C0".."C9", tab10), the one-letter
//! base colours, "tab:" and common CSS names, "#rrggbb[aa]", "#rgb", and grey levels
//! written as a number in a string ("0.8").

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f64,
}

impl Rgba {
    pub const fn rgb(hex: u32) -> Rgba {
        Rgba { r: (hex >> 16) as u8, g: (hex >> 8) as u8, b: hex as u8, a: 1.0 }
    }

    pub fn with_alpha(self, alpha: f64) -> Rgba {
        Rgba { a: alpha.clamp(0.0, 1.0), ..self }
    }

    /// `#rrggbb`, as SVG writes a colour (the alpha goes in an opacity attribute).
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    pub fn from_unit(r: f64, g: f64, b: f64, a: f64) -> Rgba {
        let byte = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        Rgba { r: byte(r), g: byte(g), b: byte(b), a: a.clamp(0.0, 1.0) }
    }
}

pub const WHITE: Rgba = Rgba::rgb(0xffffff);
pub const BLACK: Rgba = Rgba::rgb(0x000000);

/// matplotlib's default property cycle (`axes.prop_cycle`, the tab10 palette).
pub const CYCLE: [Rgba; 10] = [
    Rgba::rgb(0x1f77b4),
    Rgba::rgb(0xff7f0e),
    Rgba::rgb(0x2ca02c),
    Rgba::rgb(0xd62728),
    Rgba::rgb(0x9467bd),
    Rgba::rgb(0x8c564b),
    Rgba::rgb(0xe377c2),
    Rgba::rgb(0x7f7f7f),
    Rgba::rgb(0xbcbd22),
    Rgba::rgb(0x17becf),
];

const TAB_NAMES: [&str; 10] =
    ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"];

/// The one-letter base colours, as matplotlib defines them.
const BASE: [(char, u32); 8] = [
    ('b', 0x0000ff),
    ('g', 0x008000),
    ('r', 0xff0000),
    ('c', 0x00bfbf),
    ('m', 0xbf00bf),
    ('y', 0xbfbf00),
    ('k', 0x000000),
    ('w', 0xffffff),
];

const CSS: [(&str, u32); 24] = [
    ("black", 0x000000),
    ("white", 0xffffff),
    ("red", 0xff0000),
    ("green", 0x008000),
    ("blue", 0x0000ff),
    ("cyan", 0x00ffff),
    ("magenta", 0xff00ff),
    ("yellow", 0xffff00),
    ("orange", 0xffa500),
    ("purple", 0x800080),
    ("brown", 0xa52a2a),
    ("pink", 0xffc0cb),
    ("olive", 0x808000),
    ("navy", 0x000080),
    ("teal", 0x008080),
    ("gray", 0x808080),
    ("grey", 0x808080),
    ("lightgray", 0xd3d3d3),
    ("lightgrey", 0xd3d3d3),
    ("darkgray", 0xa9a9a9),
    ("darkgrey", 0xa9a9a9),
    ("lightblue", 0xadd8e6),
    ("darkblue", 0x00008b),
    ("darkred", 0x8b0000),
];

/// A colour from its name, or `None` if matplotlib would not know it either.
pub fn parse(name: &str) -> Option<Rgba> {
    let name = name.trim();
    if let Some(index) = name.strip_prefix('C').and_then(|n| n.parse::<usize>().ok()) {
        return Some(CYCLE[index % CYCLE.len()]);
    }
    if let Some(tab) = name.strip_prefix("tab:") {
        return TAB_NAMES.iter().position(|t| *t == tab || (tab == "grey" && *t == "gray")).map(|i| CYCLE[i]);
    }
    if let Some(hex) = name.strip_prefix('#') {
        return parse_hex(hex);
    }
    let mut chars = name.chars();
    if let (Some(letter), None) = (chars.next(), chars.next()) {
        return BASE.iter().find(|(c, _)| *c == letter).map(|(_, v)| Rgba::rgb(*v));
    }
    if let Ok(level) = name.parse::<f64>() {
        return (0.0..=1.0).contains(&level).then(|| Rgba::from_unit(level, level, level, 1.0));
    }
    let lower = name.to_ascii_lowercase();
    CSS.iter().find(|(n, _)| *n == lower).map(|(_, v)| Rgba::rgb(*v))
}

fn parse_hex(hex: &str) -> Option<Rgba> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
    match hex.len() {
        3 => Some(Rgba { r: digit(0, 1)? * 17, g: digit(1, 1)? * 17, b: digit(2, 1)? * 17, a: 1.0 }),
        6 | 8 => {
            let a = if hex.len() == 8 { digit(6, 2)? as f64 / 255.0 } else { 1.0 };
            Some(Rgba { r: digit(0, 2)?, g: digit(2, 2)?, b: digit(4, 2)?, a })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_as_matplotlib_resolves_them() {
        assert_eq!(parse("C1"), Some(Rgba::rgb(0xff7f0e)));
        assert_eq!(parse("C10"), Some(Rgba::rgb(0x1f77b4)));
        assert_eq!(parse("tab:green"), Some(Rgba::rgb(0x2ca02c)));
        assert_eq!(parse("r"), Some(Rgba::rgb(0xff0000)));
        assert_eq!(parse("g"), Some(Rgba::rgb(0x008000)));
        assert_eq!(parse("#abc"), Some(Rgba::rgb(0xaabbcc)));
        assert_eq!(parse("#11223380").map(|c| (c.b, (c.a * 255.0).round())), Some((0x33, 128.0)));
        assert_eq!(parse("0.8").map(|c| c.hex()), Some("#cccccc".into()));
        assert_eq!(parse("Orange"), Some(Rgba::rgb(0xffa500)));
        assert_eq!(parse("chartreuse-ish"), None);
        assert_eq!(parse("1.5"), None);
        assert_eq!(parse("#12345"), None);
    }
}
