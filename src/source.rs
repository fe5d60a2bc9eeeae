//! The texts that spans point into: script files, REPL entries, `-e` code, imported
//! modules and the embedded standard library.

use crate::syntax::span::SourceId;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The text of a `.tl` file: UTF-8, without the byte-order mark some editors put first,
/// and within the size limit (see `crate::limits`). The error says why not, and where
/// the first byte that is not UTF-8 is.
pub fn read_source(path: &Path) -> Result<String, String> {
    let bytes = crate::limits::read_file(path).map_err(|e| e.to_string())?;
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let offset = e.valid_up_to() + (bytes.len() - body.len());
            let line = body[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "not valid UTF-8: byte 0x{:02x} at offset {offset} (line {line}); save the file as UTF-8",
                bytes[offset]
            ))
        }
    }
}

pub struct SourceFile {
    /// How diagnostics name it (a path as the user gave it, `<repl:3>`, `<stdlib math>`).
    pub name: String,
    pub text: Rc<str>,
    /// The folder relative imports start from.
    pub dir: PathBuf,
}

#[derive(Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Rc<str>>, dir: PathBuf) -> SourceId {
        self.files.push(SourceFile { name: name.into(), text: text.into(), dir });
        SourceId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// 1-based line and column of a byte offset, for call-stack lines.
    pub fn line_col(&self, id: SourceId, offset: u32) -> (usize, usize) {
        let Some(file) = self.get(id) else {
            return (0, 0);
        };
        let upto = &file.text[..(offset as usize).min(file.text.len())];
        let line = upto.matches('\n').count() + 1;
        let col = upto.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}
