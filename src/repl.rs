//! The interactive loop (filled in below).
pub fn main() -> i32 {
    0
}
