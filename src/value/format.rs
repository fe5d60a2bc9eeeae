//! Python's format-spec mini-language, for f-strings and `format(x, spec)`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::repr::float_repr;
use super::Value;
use crate::tensor::scalar::Scalar;

/// The largest width or precision a spec may ask for.
const MAX_WIDTH: usize = 100_000;

/// Digits after the point past which every f64 writes only zeros (its exact decimal
/// expansion ends by 2^-1074, and has at most 767 significant digits); Rust's
/// formatter panics on precisions beyond u16, so more are padded on.
const EXACT_DIGITS: usize = 1100;

#[derive(Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_negative_zero: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

/// `default_kind` is the type a spec without one means (`s` for strings), which the
/// grouping check sees.
fn parse(spec: &str, type_name: &str, default_kind: Option<char>) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_negative_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    // `0` pads with zeros unless a fill was given (and then it starts the width).
    if s.fill.is_none() && i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        chars[start..*i].iter().collect::<String>()
    };
    let width = digits(&mut i);
    if !width.is_empty() {
        s.width = width.parse().map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let precision = digits(&mut i);
        if precision.is_empty() {
            return Err("Format specifier missing precision".into());
        }
        s.precision =
            Some(precision.parse().map_err(|_| "Too many decimal digits in format string".to_string())?);
    }
    // Python accepts up to sys.maxsize; tl refuses sizes that could only exhaust memory.
    if s.width > MAX_WIDTH || s.precision.is_some_and(|p| p > MAX_WIDTH) {
        return Err("Too many decimal digits in format string".into());
    }
    if chars.len() > i + 1 {
        return Err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"));
    }
    s.kind = chars.get(i).copied().or(default_kind);
    if let Some(sep) = s.grouping {
        // PEP 378 and 515: `,` for decimal presentations, `_` also for b, o, x, X.
        let allowed = match s.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            _ => false,
        };
        if !allowed {
            let kind = s.kind.unwrap_or('\0');
            let kind = if (' '..'\u{7f}').contains(&kind) && kind != ' ' {
                format!("'{kind}'")
            } else {
                format!("'\\x{:x}'", kind as u32)
            };
            return Err(format!("Cannot specify '{sep}' with {kind}."));
        }
    }
    Ok(s)
}

/// Formats a value by a spec; the error is Python's message.
pub fn format_value(value: &Value, spec_text: &str) -> Result<String, String> {
    match value {
        Value::Str(s) => format_str(s, &parse(spec_text, "str", Some('s'))?),
        Value::Bool(b) if spec_text.is_empty() => Ok(if *b { "True" } else { "False" }.into()),
        Value::Bool(b) => format_int(*b as i64, &parse(spec_text, "bool", None)?, "bool"),
        Value::Int(i) => format_int(*i, &parse(spec_text, "int", None)?, "int"),
        Value::Float(x) => format_float(*x, &parse(spec_text, "float", None)?),
        // PyTorch formats a 0-d tensor as its element.
        Value::Tensor(t) if t.ndim() == 0 => match t.item() {
            Ok(Scalar::Bool(b)) => format_value(&Value::Bool(b), spec_text),
            Ok(Scalar::Int(i)) => format_value(&Value::Int(i), spec_text),
            Ok(Scalar::Float(x)) => format_value(&Value::Float(x), spec_text),
            Err(e) => Err(e.message),
        },
        other => Err(format!("unsupported format string passed to {}.__format__", other.type_name())),
    }
}

fn unknown_code(code: char, type_name: &str) -> String {
    format!("Unknown format code '{code}' for object of type '{type_name}'")
}

/// What a string spec may not ask for, in the order CPython checks.
fn format_str(s: &str, spec: &Spec) -> Result<String, String> {
    if let Some(code) = spec.kind.filter(|&k| k != 's') {
        return Err(unknown_code(code, "str"));
    }
    let refused = match spec.sign {
        Some(' ') => Some("Space not allowed in string format specifier"),
        Some(_) => Some("Sign not allowed in string format specifier"),
        None if spec.no_negative_zero => {
            Some("Negative zero coercion (z) not allowed in string format specifier")
        }
        None if spec.alternate => Some("Alternate form (#) not allowed in string format specifier"),
        None if spec.align == Some('=') => Some("'=' alignment not allowed in string format specifier"),
        None => None,
    };
    if let Some(message) = refused {
        return Err(message.into());
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(String::new(), text, spec, '<'))
}

fn format_int(i: i64, spec: &Spec, type_name: &str) -> Result<String, String> {
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(i as f64, spec);
    }
    if !matches!(kind, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(unknown_code(kind, type_name));
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_negative_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let magnitude = i.unsigned_abs();
    let (digits, prefix) = match kind {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        'c' => {
            if spec.sign.is_some() {
                return Err("Sign not allowed with integer format specifier 'c'".into());
            }
            if spec.alternate {
                return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
            }
            let c = u32::try_from(i).ok().and_then(char::from_u32).ok_or("%c arg not in range(0x110000)")?;
            return Ok(pad(String::new(), c.to_string(), spec, '>'));
        }
        _ => (magnitude.to_string(), ""),
    };
    let mut sign = sign_text(i < 0, spec);
    if spec.alternate {
        sign.push_str(prefix);
    }
    let every = if matches!(kind, 'd' | 'n') { 3 } else { 4 };
    let digits = grouped(digits, "", &sign, every, spec);
    Ok(pad(sign, digits, spec, '>'))
}

fn format_float(x: f64, spec: &Spec) -> Result<String, String> {
    if !matches!(spec.kind, None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) {
        return Err(unknown_code(spec.kind.unwrap_or(' '), "float"));
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    let mut magnitude = x.abs();
    let upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    let body = if !magnitude.is_finite() {
        let text = if magnitude.is_nan() { "nan" } else { "inf" };
        let text = if upper { text.to_uppercase() } else { text.to_string() };
        if spec.kind == Some('%') {
            text + "%"
        } else {
            text
        }
    } else {
        let body = match spec.kind {
            Some('f' | 'F') => point_if_alternate(fixed(magnitude, spec.precision.unwrap_or(6)), spec),
            Some('e' | 'E') => exponential(magnitude, spec.precision.unwrap_or(6), spec.alternate),
            // `n` is `g` in the C locale, which tl always uses.
            Some('g' | 'G' | 'n') => general(magnitude, spec.precision.unwrap_or(6), spec.alternate, false),
            Some('%') => {
                magnitude *= 100.0;
                point_if_alternate(fixed(magnitude, spec.precision.unwrap_or(6)), spec) + "%"
            }
            _ if spec.precision.is_some() => {
                general(magnitude, spec.precision.unwrap_or(6), spec.alternate, true)
            }
            _ => point_if_alternate(float_repr(magnitude), spec),
        };
        if upper {
            body.to_uppercase()
        } else {
            body
        }
    };
    let is_zero = x.is_finite() && body.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let negative = negative && !(spec.no_negative_zero && is_zero);
    let sign = sign_text(negative, spec);
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let body = grouped(body[..split].to_string(), &body[split..], &sign, 3, spec);
    Ok(pad(sign, body, spec, '>'))
}

/// `x` with `precision` digits after the point, exact to the last one.
fn fixed(x: f64, precision: usize) -> String {
    let mut text = format!("{:.*}", precision.min(EXACT_DIGITS), x);
    text.extend(std::iter::repeat_n('0', precision.saturating_sub(EXACT_DIGITS)));
    text
}

/// `x` as a mantissa with `precision` digits after the point, and its exponent.
fn scientific(x: f64, precision: usize) -> (String, i32) {
    let text = format!("{:.*e}", precision.min(EXACT_DIGITS), x);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let mut mantissa = mantissa.to_string();
    mantissa.extend(std::iter::repeat_n('0', precision.saturating_sub(EXACT_DIGITS)));
    (mantissa, exp.parse().unwrap_or(0))
}

/// `{:e}` with Python's two-digit exponent.
fn exponential(x: f64, precision: usize, alternate: bool) -> String {
    let (mantissa, exp) = scientific(x, precision);
    let point = if alternate && precision == 0 { "." } else { "" };
    format!("{mantissa}{point}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// The `g` presentation, and the one with no type but a precision (`repr_style`),
/// which keeps one digit after the point and turns scientific one power sooner.
fn general(x: f64, precision: usize, alternate: bool, repr_style: bool) -> String {
    let p = precision.max(1);
    let (_, exp) = scientific(x, p - 1);
    let limit = if repr_style { p as i32 - 1 } else { p as i32 };
    let positional = (-4..limit).contains(&exp);
    let text = if positional {
        fixed(x, (p as i32 - 1 - exp).max(0) as usize)
    } else {
        exponential(x, p - 1, alternate)
    };
    if alternate {
        return with_point(text);
    }
    let (mantissa, exponent) = match text.find('e') {
        Some(at) => (&text[..at], &text[at..]),
        None => (text.as_str(), ""),
    };
    let mut mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        mantissa.to_string()
    };
    if repr_style && exponent.is_empty() && !mantissa.contains('.') {
        mantissa.push_str(".0");
    }
    format!("{mantissa}{exponent}")
}

/// `#`'s promise: a decimal point even with no digits after it (`2.`, `5.e-324`).
fn with_point(text: String) -> String {
    if text.contains('.') {
        return text;
    }
    let at = text.find('e').unwrap_or(text.len());
    format!("{}.{}", &text[..at], &text[at..])
}

fn point_if_alternate(text: String, spec: &Spec) -> String {
    if spec.alternate {
        with_point(text)
    } else {
        text
    }
}

fn sign_text(negative: bool, spec: &Spec) -> String {
    match (negative, spec.sign) {
        (true, _) => "-".into(),
        (false, Some('+')) => "+".into(),
        (false, Some(' ')) => " ".into(),
        _ => String::new(),
    }
}

/// A number's `digits` followed by the rest of its text, grouped as the spec asks. Under
/// zero padding the grouping takes in the padding zeros too (`0,001,234.5`), as CPython's
/// does: they fill what the sign, `rest` and the width leave.
fn grouped(digits: String, rest: &str, sign: &str, every: usize, spec: &Spec) -> String {
    let Some(sep) = spec.grouping.filter(|_| !digits.is_empty()) else { return digits + rest };
    let zero_padded = fill_and_align(spec, '>') == ('0', '=');
    let taken = sign.chars().count() + rest.chars().count();
    let min_width = if zero_padded { spec.width.saturating_sub(taken) } else { 0 };
    let digits: Vec<char> = digits.chars().collect();
    let (mut remaining, mut min_width) = (digits.len(), min_width as isize);
    let mut groups: Vec<String> = Vec::new();
    // CPython's `InsertThousandsGrouping`, right to left.
    loop {
        let size = remaining.max(min_width.max(1) as usize).min(every);
        let taken = remaining.min(size);
        let zeros = "0".repeat(size - taken);
        groups.push(zeros + &digits[remaining - taken..remaining].iter().collect::<String>());
        remaining -= taken;
        min_width -= size as isize;
        if remaining == 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string()) + rest
}

/// The padding character and alignment: `0` before the width pads with zeros, and
/// numbers then put them after the sign.
fn fill_and_align(spec: &Spec, default_align: char) -> (char, char) {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && default_align == '>' { '=' } else { default_align });
    (fill, align)
}

/// Pads `sign` + `body` to the spec's width by its alignment.
fn pad(sign: String, body: String, spec: &Spec, default_align: char) -> String {
    let (fill, align) = fill_and_align(spec, default_align);
    let len = sign.chars().count() + body.chars().count();
    if len >= spec.width {
        return sign + &body;
    }
    let gap = spec.width - len;
    let fill_n = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => sign + &body + &fill_n(gap),
        '^' => fill_n(gap / 2) + &sign + &body + &fill_n(gap - gap / 2),
        '=' => sign + &fill_n(gap) + &body,
        _ => fill_n(gap) + &sign + &body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn f(x: f64, spec: &str) -> String {
        format_value(&Value::Float(x), spec).unwrap()
    }

    fn i(n: i64, spec: &str) -> String {
        format_value(&Value::Int(n), spec).unwrap()
    }

    #[test]
    fn float_specs_match_python() {
        assert_eq!(f(1.23456, ".4f"), "1.2346");
        assert_eq!(f(1.23456, "8.2f"), "    1.23");
        assert_eq!(f(0.000123, ".3e"), "1.230e-04");
        assert_eq!(f(1234567.0, ",.1f"), "1,234,567.0");
        assert_eq!(f(0.256, ".1%"), "25.6%");
        assert_eq!(f(123.456, ".3g"), "123");
        assert_eq!(f(0.0001234, "g"), "0.0001234");
        assert_eq!(f(1e-5, "g"), "1e-05");
        assert_eq!(f(1.0, ".8"), "1.0");
        assert_eq!(f(123.456, ".3"), "1.23e+02");
        assert_eq!(f(2.5, "<6"), "2.5   ");
        assert_eq!(f(-2.5, "08.2f"), "-0002.50");
        assert_eq!(f(2.5, "^7"), "  2.5  ");
        assert_eq!(f(2.5, "+"), "+2.5");
        assert_eq!(f(f64::INFINITY, ".2f"), "inf");
    }

    #[test]
    fn int_and_str_specs_match_python() {
        assert_eq!(i(42, "5d"), "   42");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(5, ".2f"), "5.00");
        assert_eq!(i(-5, "05"), "-0005");
        assert_eq!(format_value(&Value::str("ab"), ">4").unwrap(), "  ab");
        assert_eq!(format_value(&Value::str("ab"), "*^6").unwrap(), "**ab**");
        assert_eq!(
            format_value(&Value::Float(1.5), "d").unwrap_err(),
            "Unknown format code 'd' for object of type 'float'"
        );
    }

    #[test]
    fn precisions_beyond_rusts_formatter_are_exact() {
        let text = f(1.0, ".65536f");
        assert_eq!(text.len(), 65538);
        assert!(text.starts_with("1.000") && text.ends_with('0'));
        assert_eq!(f(0.1, ".1100f"), fixed(0.1, 1100));
        assert!(f(0.1, ".2000f").starts_with("0.1000000000000000055511151231257827"));
        assert_eq!(f(1.5, ".70000e").len(), 70006);
        assert!(f(1.5, ".70000e").ends_with("0e+00"));
        assert_eq!(f(1.5, ".70000g"), "1.5");
        assert_eq!(f(1.5, "#.70000g").len(), 70001);
        assert_eq!(f(0.5, ".65536%").len(), 65540);
        assert_eq!(f(1.0, "100000").len(), 100_000);
        assert_eq!(
            format_value(&Value::Float(1.0), ".100001f").unwrap_err(),
            "Too many decimal digits in format string"
        );
    }

    /// Specs built from the mini-language's pieces, with widths and precisions up to
    /// past the largest one accepted.
    fn spec() -> impl Strategy<Value = String> {
        let size = prop_oneof![0usize..20, 65_530usize..65_540, Just(MAX_WIDTH), Just(MAX_WIDTH + 1)];
        (
            "(.?[<>^=])?[+ -]?z?#?0?",
            prop::option::of(size.clone()),
            "[,_]?",
            prop::option::of(size),
            "[bcdeEfFgGnosxX%]?",
            "[a-z{}.]?",
        )
            .prop_map(|(head, width, grouping, precision, kind, tail)| {
                let width = width.map_or(String::new(), |w| w.to_string());
                let precision = precision.map_or(String::new(), |p| format!(".{p}"));
                format!("{head}{width}{grouping}{precision}{kind}{tail}")
            })
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            any::<f64>().prop_map(Value::Float),
            prop::sample::select(vec![
                0.0,
                -0.0,
                f64::MAX,
                f64::MIN_POSITIVE,
                5e-324,
                f64::NAN,
                f64::INFINITY
            ])
            .prop_map(Value::Float),
            any::<i64>().prop_map(Value::Int),
            any::<bool>().prop_map(Value::Bool),
            "[a-zé]{0,3}".prop_map(|s| Value::str(&s)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn no_spec_panics(value in value(), spec in spec()) {
            let _ = format_value(&value, &spec);
        }

        #[test]
        fn no_random_text_panics(value in value(), spec in "\\PC{0,12}") {
            let _ = format_value(&value, &spec);
        }
    }
}
