//! Backslash escapes in string literals, as Python reads them.

/// Decodes the escapes of a string literal's body; the error names the bad escape.
pub fn unescape(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(esc) = chars.next() else {
            return Err("\\".into());
        };
        match esc {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' | '\'' | '"' => out.push(esc),
            'x' | 'u' | 'U' => {
                let width = match esc {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(width).collect();
                let code = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == width);
                match code.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => return Err(format!("\\{esc}{hex}")),
                }
            }
            other => return Err(format!("\\{other}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn decodes_python_escapes() {
        assert_eq!(unescape(r"a\nb\t\\\x41\u00e9").unwrap(), "a\nb\t\\Aé");
        assert_eq!(unescape(r"\q").unwrap_err(), r"\q");
        assert_eq!(unescape(r"\x4").unwrap_err(), r"\x4");
    }
}
