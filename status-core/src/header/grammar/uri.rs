//! URI syntax (RFC 3986): `URI-reference` for `Location`, `Content-Location` and a `Link`'s
//! target, `URI` for an extension relation type.
//!
//! Written here rather than taken from a URI crate because the whole need is a yes or no on
//! ASCII text, and this crate is compiled before the derive in every user's build: iri-string,
//! the crate this replaced, took a core for a second there and pushed syn, on the critical
//! path, back by 0.4 s on two cores (docs/PERFORMANCE.md, "Dependency tree"). iri-string stays
//! the oracle: the tests compare both on every string of a generated set.

/// `URI-reference = URI / relative-ref` (§4.1).
pub(super) fn is_uri_reference(value: &str) -> bool {
    reference(value, false)
}

/// `URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]` (§3): absolute, a fragment
/// allowed.
pub(super) fn is_uri(value: &str) -> bool {
    reference(value, true)
}

fn reference(value: &str, absolute: bool) -> bool {
    let value = value.as_bytes();
    // The first `#` ends what comes before; the fragment and the query take `?` and `/`.
    let (before, fragment) = split_at_first(value, b'#');
    let (before, query) = split_at_first(before, b'?');
    if !fragment.map_or(true, is_query_or_fragment) || !query.map_or(true, is_query_or_fragment) {
        return false;
    }
    // A `:` before the first `/` ends a scheme: a relative reference's first segment cannot
    // hold one (`path-noscheme`, §4.2).
    let first_segment_end = position(before, b'/').unwrap_or(before.len());
    let (scheme, rest) = match position(&before[..first_segment_end], b':') {
        Some(colon) => (Some(&before[..colon]), &before[colon + 1..]),
        None => (None, before),
    };
    match scheme {
        Some(scheme) if !is_scheme(scheme) => false,
        None if absolute => false,
        // `hier-part` and `relative-part` differ only in the first segment's `:`, settled
        // above.
        _ => is_hier_part(rest),
    }
}

/// `"//" authority path-abempty / path-absolute / path-rootless / path-empty`.
fn is_hier_part(part: &[u8]) -> bool {
    match part.strip_prefix(b"//") {
        Some(after) => {
            let end = position(after, b'/').unwrap_or(after.len());
            is_authority(&after[..end]) && is_path(&after[end..])
        }
        // A path that does not start with `//`: its segments are what all paths share.
        None => is_path(part),
    }
}

/// Segments of `pchar` separated by `/`.
fn is_path(path: &[u8]) -> bool {
    each_char(path, |b| b == b'/' || is_pchar_byte(b))
}

/// `query` and `fragment`: `*( pchar / "/" / "?" )`.
fn is_query_or_fragment(text: &[u8]) -> bool {
    each_char(text, |b| b == b'/' || b == b'?' || is_pchar_byte(b))
}

/// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(scheme: &[u8]) -> bool {
    match scheme.split_first() {
        Some((first, rest)) => {
            first.is_ascii_alphabetic()
                && rest
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        }
        None => false,
    }
}

/// `authority = [ userinfo "@" ] host [ ":" port ]`.
fn is_authority(authority: &[u8]) -> bool {
    let (userinfo, host_port) = match position(authority, b'@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    // `userinfo = *( unreserved / pct-encoded / sub-delims / ":" )`.
    if !userinfo.map_or(true, |u| each_char(u, |b| b == b':' || is_reg_name_byte(b))) {
        return false;
    }
    let (host_ok, port) = match host_port.strip_prefix(b"[") {
        Some(literal) => match position(literal, b']') {
            Some(close) => (is_ip_literal(&literal[..close]), &literal[close + 1..]),
            None => return false,
        },
        None => {
            let end = position(host_port, b':').unwrap_or(host_port.len());
            // `reg-name = *( unreserved / pct-encoded / sub-delims )`; an IPv4address is one.
            (
                each_char(&host_port[..end], is_reg_name_byte),
                &host_port[end..],
            )
        }
    };
    // `port = *DIGIT`, after a `:`.
    host_ok
        && match port.split_first() {
            None => true,
            Some((b':', digits)) => digits.iter().all(u8::is_ascii_digit),
            Some(_) => false,
        }
}

/// `IP-literal = "[" ( IPv6address / IPvFuture ) "]"`, without its brackets.
fn is_ip_literal(literal: &[u8]) -> bool {
    match literal.split_first() {
        // `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`; ABNF strings
        // match either case.
        Some((b'v' | b'V', rest)) => {
            let dot = position(rest, b'.').unwrap_or(0);
            dot > 0
                && rest[..dot].iter().all(u8::is_ascii_hexdigit)
                && rest.len() > dot + 1
                && rest[dot + 1..]
                    .iter()
                    .all(|&b| b == b':' || is_unreserved(b) || is_sub_delim(b))
        }
        _ => is_ipv6(literal),
    }
}

/// `IPv6address` (§3.2.2): eight 16-bit pieces in hex (`h16`), the last two possibly an
/// IPv4address, or fewer around one `::` that stands for at least one.
fn is_ipv6(address: &[u8]) -> bool {
    let (head, tail, elided) = match find_pair(address) {
        Some(at) => (&address[..at], &address[at + 2..], true),
        None => (address, &[][..], false),
    };
    // The address ends with the tail if there is one, else the head.
    let (Some(head_pieces), Some(tail_pieces)) = (pieces(head, !elided), pieces(tail, elided))
    else {
        return false;
    };
    if elided {
        head_pieces + tail_pieces <= 7
    } else {
        head_pieces == 8
    }
}

/// How many 16-bit pieces `part` holds (`h16` separated by `:`; an IPv4address, as the last
/// when `last` says the part ends the address, counts two), or `None` if it is not such a list.
fn pieces(part: &[u8], last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut rest = part;
    loop {
        let end = position(rest, b':');
        let piece = &rest[..end.unwrap_or(rest.len())];
        match end {
            Some(end) => {
                if !is_h16(piece) {
                    return None;
                }
                count += 1;
                rest = &rest[end + 1..];
            }
            None if last && is_ipv4(piece) => return Some(count + 2),
            None => return is_h16(piece).then_some(count + 1),
        }
    }
}

/// `h16 = 1*4HEXDIG`.
fn is_h16(piece: &[u8]) -> bool {
    (1..=4).contains(&piece.len()) && piece.iter().all(u8::is_ascii_hexdigit)
}

/// `IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet`; a dec-octet is 0 to
/// 255 without a leading zero.
fn is_ipv4(address: &[u8]) -> bool {
    let mut octets = 0;
    for octet in address.split(|&b| b == b'.') {
        let valid = match octet {
            [d] => d.is_ascii_digit(),
            [b'1'..=b'9', d] => d.is_ascii_digit(),
            [b'1', d, e] => d.is_ascii_digit() && e.is_ascii_digit(),
            [b'2', b'0'..=b'4', d] => d.is_ascii_digit(),
            [b'2', b'5', b'0'..=b'5'] => true,
            _ => false,
        };
        if !valid {
            return false;
        }
        octets += 1;
    }
    octets == 4
}

/// Every character of `text` passes `allowed`, a `%` starting a `pct-encoded` triplet
/// (`"%" HEXDIG HEXDIG`) instead.
fn each_char(text: &[u8], allowed: fn(u8) -> bool) -> bool {
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'%' {
            match text.get(i + 1..i + 3) {
                Some([a, b]) if a.is_ascii_hexdigit() && b.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else if allowed(text[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `pchar = unreserved / pct-encoded / sub-delims / ":" / "@"`, but for `%`.
fn is_pchar_byte(b: u8) -> bool {
    b == b':' || b == b'@' || is_reg_name_byte(b)
}

/// `unreserved / sub-delims`: what a reg-name holds besides `pct-encoded`.
fn is_reg_name_byte(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b)
}

/// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`.
fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

fn position(text: &[u8], byte: u8) -> Option<usize> {
    text.iter().position(|&b| b == byte)
}

/// Where the first `::` starts.
fn find_pair(text: &[u8]) -> Option<usize> {
    text.windows(2).position(|pair| pair == b"::")
}

/// `text` before the first `byte`, and what follows it, if it is there.
fn split_at_first(text: &[u8], byte: u8) -> (&[u8], Option<&[u8]>) {
    match position(text, byte) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::{is_uri, is_uri_reference};
    use iri_string::types::{UriReferenceStr, UriStr};
    use std::{format, string::String, vec};

    fn same_as_iri_string(text: &str) {
        assert_eq!(
            is_uri_reference(text),
            UriReferenceStr::new(text).is_ok(),
            "URI-reference {text:?}"
        );
        assert_eq!(is_uri(text), UriStr::new(text).is_ok(), "URI {text:?}");
    }

    #[test]
    fn known_cases() {
        let references = [
            "/users/42",
            "https://api.example.com/v1/users?id=42#top",
            "//cdn.example.com/a",
            "mailto:ops@example.com",
            "urn:isbn:0451450523",
            "users/42",
            "?page=2",
            "#section",
            "",
            "http://[::1]:8080/",
            "http://[2001:db8::7]/c=GB?objectClass?one",
            "http://[::ffff:192.0.2.1]/",
            "http://[v7.fe80::a+en1]/",
            "http://[V7.fe80::a+en1]/",
            "http://user:pass@host:/",
            "http://192.168.0.300/",
            "a%20b",
            "tel:+1-816-555-1212",
            "./this:that",
        ];
        let not_references = [
            "a b",
            "/a%2",
            "/a%zz",
            "1http://x",
            ":x",
            "http://[::1/",
            "http://[1:2:3:4:5:6:7:8:9]/",
            "http://[::1::2]/",
            "http://[1.2.3.4]/",
            "http://[::256.0.0.1]/",
            "http://[::01.2.3.4]/",
            "http://[v.x]/",
            "http://[vg.x]/",
            "http://host:80a/",
            "http://a@b@c/",
            "/über",
            "/a#b#c",
            "/{id}",
            "/a\\b",
            "/a|b",
            "/a^b",
            "/a\"b",
            "/a<b",
        ];
        for text in references {
            assert!(is_uri_reference(text), "{text:?}");
            same_as_iri_string(text);
        }
        for text in not_references {
            assert!(!is_uri_reference(text), "{text:?}");
            same_as_iri_string(text);
        }
    }

    /// Every string of up to four characters over an alphabet of the characters the grammar
    /// treats specially, then 200,000 longer ones (a fixed-seed generator), and IPv6
    /// literals built piece by piece: the same answer as iri-string on each.
    #[test]
    fn same_answers_as_iri_string() {
        const ALPHABET: &[&str] = &[
            "a", "Z", "0", "9", "f", "v", ":", "/", "?", "#", "[", "]", "@", "%", ".", "-", "+",
            "!", "~", " ", "é", "\"", "{",
        ];
        let mut strings = vec![String::new()];
        let mut start = 0;
        for _ in 0..4 {
            let end = strings.len();
            for i in start..end {
                for piece in ALPHABET {
                    strings.push(format!("{}{piece}", strings[i]));
                }
            }
            start = end;
        }
        for text in &strings {
            same_as_iri_string(text);
        }

        const PARTS: &[&str] = &[
            "http:",
            "a:",
            "//",
            "/",
            "?",
            "#",
            "@",
            ":",
            "[",
            "]",
            "::",
            "1",
            "ff",
            "abcd",
            "12345",
            "v1.",
            "1.2.3.4",
            "255.255.255.255",
            "256",
            "%41",
            "%4",
            "host",
            "x",
            ".",
            "80",
            "é",
            " ",
            "V1.",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for _ in 0..200_000 {
            let mut text = String::new();
            for _ in 0..next(10) {
                text.push_str(PARTS[next(PARTS.len())]);
            }
            same_as_iri_string(&text);
        }

        const PIECES: &[&str] = &[
            "", "0", "1", "ffff", "FFFF", "12345", "g", "1.2.3.4", "01.2.3.4",
        ];
        for _ in 0..50_000 {
            let mut address = String::new();
            for i in 0..next(10) {
                if i > 0 {
                    address.push(':');
                }
                address.push_str(PIECES[next(PIECES.len())]);
            }
            same_as_iri_string(&format!("http://[{address}]/"));
        }
    }
}
