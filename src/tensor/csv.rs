//! Tables of numbers as delimited text (`load_csv`, `save_csv`). The `csv` crate reads
//! and writes the records (quoted fields, doubled quotes, CRLF); this file decides what
//! the records mean: `#` outside quotes starts a comment, an empty field is NaN (as
//! `numpy.genfromtxt` and pandas read a numeric column), and the first record is a
//! header only when asked or when none of its fields is a number or empty.

use crate::value::repr::{float32_repr, float_repr};

/// Whether the first record names the columns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Header {
    Yes,
    No,
    /// A header when every field is text: a data row is never taken for one, and a
    /// header with a numeric name needs `Yes`.
    Detect,
}

#[derive(Debug, PartialEq)]
pub struct Table {
    /// Row-major.
    pub values: Vec<f64>,
    pub rows: usize,
    pub columns: usize,
    /// The line and column (1-based) of the first empty field, read as NaN.
    pub first_empty: Option<(usize, usize)>,
}

/// Reads `bytes` (a file named `name` in messages), skipping its first `skip_lines`
/// lines. Errors name the line and column.
pub fn parse(
    bytes: &[u8],
    name: &str,
    delimiter: u8,
    skip_lines: usize,
    header: Header,
) -> Result<Table, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let start =
        (0..skip_lines).try_fold(0, |at, _| bytes[at..].iter().position(|&b| b == b'\n').map(|n| at + n + 1));
    let text = without_comments(start.map_or(&[][..], |at| &bytes[at..]));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(&text[..]);
    let mut table = Table { values: Vec::new(), rows: 0, columns: 0, first_empty: None };
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    // Lines are counted from the records' byte offsets: the crate's own line count
    // leaves out blank lines, and a record's offset is where the blank lines before it
    // start.
    let (mut line, mut counted_to) = (skip_lines + 1, 0);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(format!("{e} in {name}")),
        }
        let mut at = record.position().map_or(counted_to, |p| p.byte() as usize);
        at += text[at..].iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        line += text[counted_to..at].iter().filter(|&&b| b == b'\n').count();
        counted_to = at;
        // A line that held only a comment or spaces.
        if record.len() == 1 && record[0].is_empty() {
            continue;
        }
        let is_header = match header {
            Header::Yes => first,
            Header::No => false,
            Header::Detect => first && record.iter().all(|f| !f.is_empty() && number(f).is_none()),
        };
        if first {
            table.columns = record.len();
            first = false;
        }
        if is_header {
            continue;
        }
        if record.len() != table.columns {
            return Err(format!(
                "the number of columns changed from {} to {} at line {line} of {name}",
                table.columns,
                record.len()
            ));
        }
        for (i, field) in record.iter().enumerate() {
            let value = if field.is_empty() {
                table.first_empty.get_or_insert((line, i + 1));
                f64::NAN
            } else {
                number(field).ok_or_else(|| {
                    format!(
                        "could not convert string '{}' to float at line {line}, column {} of {name}",
                        String::from_utf8_lossy(field),
                        i + 1
                    )
                })?
            };
            table.values.push(value);
        }
        table.rows += 1;
    }
    Ok(table)
}

/// A field as a number: decimal, scientific, `nan`, `inf`, `-inf` (any case).
fn number(field: &[u8]) -> Option<f64> {
    std::str::from_utf8(field).ok()?.parse().ok()
}

/// `bytes` with every comment (from a `#` outside quotes to the end of its line)
/// blanked, line breaks kept, so that records keep their line numbers.
fn without_comments(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut quoted, mut comment) = (false, false);
    for &b in bytes {
        match b {
            b'\n' => comment = false,
            b'"' if !comment => quoted = !quoted,
            b'#' if !quoted => comment = true,
            _ => {}
        }
        if !comment || b == b'\n' {
            out.push(b);
        }
    }
    out
}

/// How `save_csv` writes an element so that `parse` reads the same value back.
#[derive(Clone, Copy)]
pub enum Element {
    Float(f64),
    /// float32 and narrower: the shortest digits for a float32.
    Float32(f32),
    Int(i64),
}

impl Element {
    fn text(self) -> String {
        match self {
            Element::Float(x) => float_repr(x),
            Element::Float32(x) => float32_repr(x),
            Element::Int(i) => i.to_string(),
        }
    }
}

/// The text of a table: an optional header record, then `rows` records of `columns`
/// elements each.
pub fn write(
    elements: &[Element],
    columns: usize,
    header: Option<&[String]>,
    delimiter: u8,
) -> Result<Vec<u8>, String> {
    let writer =
        |style| csv::WriterBuilder::new().delimiter(delimiter).quote_style(style).from_writer(Vec::new());
    let mut out = Vec::new();
    if let Some(names) = header {
        // A name with `#` is quoted, or reading it back would take it for a comment.
        let style = if names.iter().any(|n| n.contains('#')) {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        };
        let mut w = writer(style);
        w.write_record(names).map_err(|e| e.to_string())?;
        out = w.into_inner().map_err(|e| e.to_string())?;
    }
    let mut w = writer(csv::QuoteStyle::Necessary);
    for row in elements.chunks(columns.max(1)) {
        w.write_record(row.iter().map(|e| e.text())).map_err(|e| e.to_string())?;
    }
    out.extend(w.into_inner().map_err(|e| e.to_string())?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, header: Header) -> Result<Table, String> {
        parse(text.as_bytes(), "t.csv", b',', 0, header)
    }

    fn values(text: &str) -> Vec<f64> {
        read(text, Header::Detect).unwrap().values
    }

    #[test]
    fn quoted_fields_comments_and_a_bom() {
        let table =
            read("\u{feff}\"a,b\",\"c#d\"\n\"1\", 2 # two\n# only a comment\n\n3,4e1\r\n", Header::Detect)
                .unwrap();
        assert_eq!((table.rows, table.columns, table.values), (2, 2, vec![1.0, 2.0, 3.0, 40.0]));
    }

    #[test]
    fn a_header_is_a_row_of_text_only() {
        assert_eq!(values("x,y\n1,2\n"), vec![1.0, 2.0]);
        assert_eq!(read("1,,3\n4,5,6\n", Header::Detect).unwrap().rows, 2, "an empty field is data");
        let typo = read("1,2x\n3,4\n", Header::Detect).unwrap_err();
        assert_eq!(typo, "could not convert string '2x' to float at line 1, column 2 of t.csv");
        assert_eq!(read("year,2020\n1,2\n", Header::Yes).unwrap().values, vec![1.0, 2.0]);
        assert!(read("x,y\n1,2\n", Header::No).is_err());
    }

    #[test]
    fn empty_fields_are_nan_and_remembered() {
        let table = read("1,2\n3,\n,6\n", Header::Detect).unwrap();
        assert!(table.values[3].is_nan() && table.values[4].is_nan());
        assert_eq!(table.first_empty, Some((2, 2)));
        assert!(values("nan,-inf,INF\n")
            .iter()
            .zip([f64::NAN, f64::NEG_INFINITY, f64::INFINITY])
            .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())));
    }

    #[test]
    fn ragged_rows_name_their_line() {
        let e = read("# c\n1,2,3\n\n4,5\n", Header::Detect).unwrap_err();
        assert_eq!(e, "the number of columns changed from 3 to 2 at line 4 of t.csv");
    }

    #[test]
    fn skipped_lines_count_in_messages() {
        let e = parse(b"junk\n1,2\nx,3\n", "t.csv", b',', 1, Header::No).unwrap_err();
        assert_eq!(e, "could not convert string 'x' to float at line 3, column 1 of t.csv");
        assert_eq!(parse(b"junk", "t.csv", b',', 3, Header::No).unwrap().rows, 0);
    }

    #[test]
    fn written_tables_read_back() {
        let elements =
            [Element::Float(0.1), Element::Float(f64::NAN), Element::Float(-1e300), Element::Float(2.0)];
        let names = ["a,b".to_string(), "#c".to_string()];
        let bytes = write(&elements, 2, Some(&names), b',').unwrap();
        assert_eq!(String::from_utf8_lossy(&bytes), "\"a,b\",\"#c\"\n0.1,nan\n-1e+300,2.0\n");
        let back = parse(&bytes, "t.csv", b',', 0, Header::Detect).unwrap();
        assert_eq!((back.rows, back.columns), (2, 2));
        assert_eq!(back.values[0], 0.1);
        assert!(back.values[1].is_nan());
        let ints = write(&[Element::Int(-3), Element::Int(i64::MAX)], 1, None, b';').unwrap();
        assert_eq!(String::from_utf8_lossy(&ints), "-3\n9223372036854775807\n");
    }
}
