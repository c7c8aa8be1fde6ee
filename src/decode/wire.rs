//! `Deserialize` for [`Violation`]: the wire form of the `errors` member read back,
//! `{"detail":…,"pointer":"#/…"|"parameter":…|"header":…,"code":…}`, so that an `errors` field
//! (`Vec<Violation>`) comes back when a client decodes the response. A pointer is read in its
//! URI-fragment form (percent-decoded, the `#` taken off) or as a plain JSON Pointer.

use crate::violation::Violation;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ViolationVisitor)
    }
}

struct ViolationVisitor;

impl<'de> Visitor<'de> for ViolationVisitor {
    type Value = Violation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a violation: {\"detail\":…, \"pointer\"|\"parameter\"|\"header\":…, \"code\":…}",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Violation, A::Error> {
        let mut detail: Option<String> = None;
        let mut place: Option<(u8, String)> = None;
        let mut code: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "detail" => detail = Some(map.next_value()?),
                "pointer" => place = Some((0, map.next_value()?)),
                "parameter" => place = Some((1, map.next_value()?)),
                "header" => place = Some((2, map.next_value()?)),
                "code" => code = map.next_value()?,
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        let detail = detail.ok_or_else(|| de::Error::missing_field("detail"))?;
        let violation = match place {
            Some((0, pointer)) => Violation::pointer(pointer_of_fragment(&pointer), detail),
            Some((1, name)) => Violation::parameter(name, detail),
            Some((_, name)) => Violation::header(name, detail),
            None => return Err(de::Error::missing_field("pointer")),
        };
        Ok(match code {
            Some(code) => violation.with_code(code),
            None => violation,
        })
    }
}

/// The JSON Pointer a `pointer` member holds: `#/a%20b` → `/a b` (RFC 6901 §6); a value
/// without `#` is taken as the pointer itself. A `%` not followed by two hex digits, or bytes
/// that do not decode to UTF-8, are kept as they are.
pub(crate) fn pointer_of_fragment(fragment: &str) -> String {
    let Some(encoded) = fragment.strip_prefix('#') else {
        return fragment.to_owned();
    };
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                out.push(value as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| encoded.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Location;

    #[test]
    fn violations_come_back_from_their_wire_form() {
        let list = vec![
            Violation::pointer("/items/0/a b", "must not be empty").with_code("length"),
            Violation::pointer("", "whole"),
            Violation::pointer("/é/%/~0~1", "odd"),
            Violation::parameter("page", "must be positive"),
            Violation::header("If-Match", "missing"),
        ];
        let json = serde_json::to_string(&list).unwrap();
        let back: Vec<Violation> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, list);
        let plain: Violation =
            serde_json::from_str(r#"{"detail":"d","pointer":"/x","extra":1}"#).unwrap();
        assert_eq!(plain.location(), Location::Pointer("/x"));
        assert!(serde_json::from_str::<Violation>(r#"{"pointer":"/x"}"#).is_err());
        assert!(serde_json::from_str::<Violation>(r#"{"detail":"x"}"#).is_err());
        assert_eq!(pointer_of_fragment("#/a%2"), "/a%2");
        assert_eq!(pointer_of_fragment("#/%FF"), "/%FF");
    }
}
