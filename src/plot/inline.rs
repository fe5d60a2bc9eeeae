//! Drawing a PNG inside the terminal, for `plt.show()` in the REPL: the kitty graphics
//! protocol (kitty, WezTerm, Ghostty, Konsole) or iTerm2's inline images, when the
//! terminal says it is one of those.

use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Protocol {
    Kitty,
    ITerm,
}

/// The protocol the terminal described by these environment variables understands.
pub fn protocol(var: impl Fn(&str) -> Option<String>) -> Option<Protocol> {
    let term = var("TERM").unwrap_or_default();
    let program = var("TERM_PROGRAM").unwrap_or_default();
    if var("KITTY_WINDOW_ID").is_some() || term == "xterm-kitty" || program == "ghostty" {
        Some(Protocol::Kitty)
    } else if program == "iTerm.app"
        || program == "WezTerm"
        || var("LC_TERMINAL").as_deref() == Some("iTerm2")
    {
        Some(Protocol::ITerm)
    } else {
        None
    }
}

/// The escape sequences that show `png` in a terminal speaking `protocol`.
pub fn escape_sequence(png: &[u8], protocol: Protocol) -> String {
    let data = base64(png);
    match protocol {
        Protocol::ITerm => format!("\x1b]1337;File=inline=1;size={}:{data}\x07\n", png.len()),
        Protocol::Kitty => {
            // Payloads travel in chunks of at most 4096 bytes; m=1 says more follow.
            let chunks: Vec<&str> =
                data.as_bytes().chunks(4096).map(|c| std::str::from_utf8(c).unwrap_or("")).collect();
            let mut out = String::new();
            for (i, chunk) in chunks.iter().enumerate() {
                let more = u8::from(i + 1 < chunks.len());
                let head = if i == 0 { "a=T,f=100," } else { "" };
                out.push_str(&format!("\x1b_G{head}m={more};{chunk}\x1b\\"));
            }
            out.push('\n');
            out
        }
    }
}

/// Shows `png` in this terminal if it can; whether it did.
pub fn show(png: &[u8]) -> bool {
    let Some(protocol) = protocol(|name| std::env::var(name).ok()) else { return false };
    let mut stdout = std::io::stdout();
    stdout.write_all(escape_sequence(png, protocol).as_bytes()).and_then(|_| stdout.flush()).is_ok()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn terminals_are_recognised_from_their_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(protocol(env(&[("TERM", "xterm-kitty")])), Some(Protocol::Kitty));
        assert_eq!(protocol(env(&[("TERM_PROGRAM", "iTerm.app")])), Some(Protocol::ITerm));
        assert_eq!(protocol(env(&[("TERM", "xterm-256color")])), None);
    }

    #[test]
    fn kitty_payloads_are_chunked() {
        let sequence = escape_sequence(&[7u8; 6000], Protocol::Kitty);
        assert_eq!(sequence.matches("\x1b_G").count(), 2);
        assert!(sequence.starts_with("\x1b_Ga=T,f=100,m=1;"));
        assert!(sequence.contains("\x1b_Gm=0;"));
    }
}
