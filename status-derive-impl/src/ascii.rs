//! Byte tests over text as plain loops taking a function pointer: `bytes().all(|b| …)` at each
//! call site compiles the iterator's search once more per closure.

/// Whether every byte of `text` passes `test`.
pub fn all(text: &str, test: fn(&u8) -> bool) -> bool {
    leading(text, test) == text.len()
}

/// Whether some byte of `text` passes `test`.
pub fn any(text: &str, test: fn(&u8) -> bool) -> bool {
    for b in text.as_bytes() {
        if test(b) {
            return true;
        }
    }
    false
}

/// How many bytes at the start of `text` pass `test`.
pub fn leading(text: &str, test: fn(&u8) -> bool) -> usize {
    let mut count = 0;
    for b in text.as_bytes() {
        if !test(b) {
            break;
        }
        count += 1;
    }
    count
}
