//! `Content-Range` (RFC 9110 §14.4).

use super::syntax::{cmp_decimal, is_digits, is_token};
use core::cmp::Ordering;

/// `range-unit SP ( range-resp / unsatisfied-range )`:
/// - `range-resp = incl-range "/" ( complete-length / "*" )`, `incl-range = first-pos "-"
///   last-pos`, where the value "is invalid if it contains a range-resp that has a last-pos
///   value less than its first-pos value, or a complete-length value less than or equal to its
///   last-pos value";
/// - `unsatisfied-range = "*/" complete-length`.
///
/// Any range unit (a token, RFC 9110 §14.1) takes this same syntax: RFC 9110 dropped RFC
/// 7233's `other-content-range` (free text after an unknown unit), and `other-range` belongs
/// to the `Range` request field only (§14.1.1). Numbers compare at any length.
pub(super) fn is_content_range(value: &str) -> bool {
    let Some((unit, range)) = value.split_once(' ') else {
        return false;
    };
    is_token(unit) && (is_unsatisfied_range(range) || is_range_resp(range))
}

fn is_unsatisfied_range(range: &str) -> bool {
    range.strip_prefix("*/").is_some_and(is_digits)
}

fn is_range_resp(range: &str) -> bool {
    let Some((first, last, length)) = range
        .split_once('/')
        .and_then(|(incl, length)| Some((incl.split_once('-')?, length)))
        .map(|((first, last), length)| (first, last, length))
    else {
        return false;
    };
    is_digits(first)
        && is_digits(last)
        && cmp_decimal(first, last) != Ordering::Greater
        && (length == "*" || (is_digits(length) && cmp_decimal(last, length) == Ordering::Less))
}

#[cfg(test)]
mod tests {
    use super::is_content_range as ok;

    #[test]
    fn ranges() {
        for good in [
            "bytes 0-499/1234",
            "bytes 42-1233/1234",
            "bytes 42-1233/*",
            "bytes 0-1/*",
            "bytes */1234",
            "bytes */0",
            "bytes 7-7/8",
            "items 0-9/100",
            "bytes 0-99999999999999999999/100000000000000000000",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "bytes 500-400/1234",
            "bytes 0-1234/1234",
            "bytes 0-2000/1234",
            "bytes 0-499",
            "bytes 0-/1234",
            "bytes -499/1234",
            "bytes */*",
            "bytes *",
            "bytes  0-1/2",
            "bytes 0 - 1/2",
            "bytes=0-1/2",
            "0-1/2",
            "bytes 0-1/2, 3-4/5",
            "bytes 1.5-2/3",
            "by tes 0-1/2",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
