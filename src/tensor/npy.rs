//! NumPy's `.npy` format (versions 1–3): a magic string, a header that is a Python
//! dict literal (`descr`, `fortran_order`, `shape`), then the raw elements.

use super::{Tensor, TensorError, TensorResult};
use crate::storage::dtype::DType;
use crate::storage::Buffer;
use crate::with_dtype;

const MAGIC: &[u8] = b"\x93NUMPY";

/// NumPy's type string for a dtype (little-endian; bfloat16 has none).
fn descr_of(dtype: DType) -> Option<&'static str> {
    Some(match dtype {
        DType::Bool => "|b1",
        DType::U8 => "|u1",
        DType::I8 => "|i1",
        DType::I16 => "<i2",
        DType::I32 => "<i4",
        DType::I64 => "<i8",
        DType::F16 => "<f2",
        DType::F32 => "<f4",
        DType::F64 => "<f8",
        DType::BF16 => return None,
    })
}

/// Bytes of one element, little-endian, and back.
trait LittleEndian: Sized {
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! little_endian {
    ($($t:ty),*) => {$(
        impl LittleEndian for $t {
            fn put(self, out: &mut Vec<u8>) { out.extend_from_slice(&self.to_le_bytes()); }
            fn get(bytes: &[u8]) -> Self { <$t>::from_le_bytes(bytes.try_into().expect("one element's bytes")) }
        }
    )*};
}
little_endian!(u8, i8, i16, i32, i64, f32, f64, half::f16, half::bf16);

impl LittleEndian for bool {
    fn put(self, out: &mut Vec<u8>) {
        out.push(u8::from(self));
    }
    fn get(bytes: &[u8]) -> Self {
        bytes[0] != 0
    }
}

/// The `.npy` bytes of a tensor (row-major, version 1.0).
pub fn encode(t: &Tensor) -> TensorResult<Vec<u8>> {
    let Some(descr) = descr_of(t.dtype()) else {
        return Err(TensorError::runtime("save: bfloat16 has no NumPy dtype; convert with .float() first"));
    };
    let shape = match t.shape() {
        [one] => format!("({one},)"),
        dims => format!("({})", dims.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut header = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}");
    // Magic (6) + version (2) + length (2) + header + '\n' is a multiple of 64.
    let used = MAGIC.len() + 4 + header.len() + 1;
    header.push_str(&" ".repeat(used.next_multiple_of(64) - used));
    header.push('\n');
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&[1, 0]);
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    let storage = t.storage();
    with_dtype!(t.dtype(), T => {
        let data = T::slice(&storage).expect("own dtype");
        for p in t.layout().offsets() {
            data[p].put(&mut out);
        }
    });
    Ok(out)
}

fn bad(reason: impl std::fmt::Display) -> TensorError {
    TensorError::runtime(format!("load: not a .npy file tl can read ({reason})"))
}

/// The value of `'key': value` in the header dict, as text.
fn field<'a>(header: &'a str, key: &str) -> TensorResult<&'a str> {
    let start = header.find(&format!("'{key}'")).ok_or_else(|| bad(format!("no '{key}' in the header")))?;
    let rest =
        header[start + key.len() + 2..].trim_start().strip_prefix(':').ok_or_else(|| bad("header syntax"))?;
    let rest = rest.trim_start();
    let end = if rest.starts_with('(') { rest.find(')').map(|i| i + 1) } else { rest.find([',', '}']) };
    Ok(rest[..end.ok_or_else(|| bad("header syntax"))?].trim())
}

/// A tensor from `.npy` bytes.
pub fn decode(bytes: &[u8]) -> TensorResult<Tensor> {
    if !bytes.starts_with(MAGIC) || bytes.len() < 10 {
        return Err(bad("no NUMPY magic string"));
    }
    let (header_len, start) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => {
            (u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize, 12)
        }
        v => return Err(bad(format!("format version {v}"))),
    };
    let header = bytes.get(start..start + header_len).ok_or_else(|| bad("header cut short"))?;
    let header = std::str::from_utf8(header).map_err(|_| bad("header is not text"))?;
    let descr = field(header, "descr")?.trim_matches(['\'', '"']);
    let fortran = field(header, "fortran_order")? == "True";
    let shape: Vec<usize> = field(header, "shape")?
        .trim_matches(['(', ')'])
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_end_matches('L').parse().map_err(|_| bad(format!("shape entry {s}"))))
        .collect::<TensorResult<_>>()?;
    let numel = shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
    let numel = numel.ok_or_else(|| bad("too many elements"))?;
    let big_endian = descr.starts_with('>');
    let dtype = [
        DType::Bool,
        DType::U8,
        DType::I8,
        DType::I16,
        DType::I32,
        DType::I64,
        DType::F16,
        DType::F32,
        DType::F64,
    ]
    .into_iter()
    .find(|&d| descr_of(d).is_some_and(|known| known[1..] == descr[1..]))
    .ok_or_else(|| bad(format!("dtype '{descr}'")))?;
    let body = &bytes[start + header_len..];
    let size = dtype.item_size();
    if numel.checked_mul(size).is_none_or(|bytes| body.len() < bytes) {
        return Err(bad(format!("{} bytes of data for {numel} elements of {size} bytes", body.len())));
    }
    let storage = with_dtype!(dtype, T => T::wrap(
        body[..numel * size]
            .chunks(size)
            .map(|chunk| {
                let mut little = chunk.to_vec();
                if big_endian {
                    little.reverse();
                }
                <T as LittleEndian>::get(&little)
            })
            .collect(),
    ));
    if !fortran {
        return Ok(Tensor::new(storage, &shape));
    }
    // Column-major data: the reversed shape read row-major, then its dims reversed.
    let reversed: Vec<usize> = shape.iter().rev().copied().collect();
    Ok(super::ops::shape::reverse_dims(&Tensor::new(storage, &reversed)).contiguous())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tensor::scalar::Scalar;

    #[test]
    fn every_numpy_dtype_round_trips_with_its_shape() {
        for dtype in DType::ALL.into_iter().filter(|&d| d != DType::BF16) {
            for shape in [vec![], vec![0], vec![3], vec![2, 3, 1]] {
                let t = Tensor::full(&shape, Scalar::Int(1), dtype);
                let back = decode(&encode(&t).unwrap()).unwrap();
                assert_eq!(back.dtype(), dtype);
                assert_eq!(back.shape(), &shape[..]);
                assert_eq!(back.to_f64_vec(), t.to_f64_vec());
            }
        }
    }

    #[test]
    fn the_header_is_padded_to_64_bytes() {
        let bytes = encode(&Tensor::zeros(&[2, 2], DType::F32)).unwrap();
        let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
        assert_eq!((10 + header_len) % 64, 0);
        assert_eq!(bytes[10 + header_len - 1], b'\n');
    }

    #[test]
    fn truncated_and_foreign_bytes_are_errors() {
        let bytes = encode(&Tensor::zeros(&[4], DType::F64)).unwrap();
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode(b"PK\x03\x04 not numpy").is_err());
        assert!(decode(&bytes[..12]).is_err());
    }
}
