//! Serializing member values: straight into a JSON body (dropping a member whose `Serialize`
//! fails), or into any serde map (for `Problem`'s own `Serialize`), never panicking.

mod flatten;
mod guarded;

pub(crate) use flatten::{flatten_into, Sink};
pub(crate) use guarded::serialize_guarded;

use serde::ser::{Serialize, SerializeMap};

/// Appends `value` as JSON to `buf`; on failure `buf` is left as it was and `false` returned.
pub(crate) fn write_json<V: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &V) -> bool {
    let mark = buf.len();
    let ok = serialize_guarded(value, &mut serde_json::Serializer::new(&mut *buf)).is_ok();
    if !ok {
        buf.truncate(mark);
    }
    ok
}

/// `value` as a JSON value, if its `Serialize` succeeds (without panicking).
pub(crate) fn to_value<V: Serialize + ?Sized>(value: &V) -> Result<serde_json::Value, ()> {
    let mut buf = Vec::new();
    if !write_json(&mut buf, value) {
        return Err(());
    }
    serde_json::from_slice(&buf).map_err(|_| ())
}

/// Whether `value` serializes without error (checked by serializing it to nowhere), so that a
/// member about to go into a serializer that cannot take back what it wrote is known good.
pub(crate) fn probe<V: Serialize + ?Sized>(value: &V) -> bool {
    serialize_guarded(value, &mut serde_json::Serializer::new(std::io::sink())).is_ok()
}

/// Flattened entries into a serde map: the entries whose value serializes, except those whose
/// key is a standard member.
pub(crate) struct MapSink<'m, M> {
    map: &'m mut M,
    reserved: &'static [&'static str],
}

impl<'m, M> MapSink<'m, M> {
    pub(crate) fn new(map: &'m mut M, reserved: &'static [&'static str]) -> Self {
        MapSink { map, reserved }
    }
}

impl<M: SerializeMap> Sink for MapSink<'_, M> {
    type Error = M::Error;

    fn entry<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), M::Error> {
        if self.reserved.contains(&key) || !probe(value) {
            return Ok(());
        }
        self.map.serialize_entry(key, &guarded::Guard(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::ser::{Error as _, Serializer};
    use std::collections::BTreeMap;
    use std::fmt;

    struct FailingDisplay;

    impl fmt::Display for FailingDisplay {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            Err(fmt::Error)
        }
    }

    /// Serializes through `collect_str` with a `Display` that fails: serde_json alone panics.
    struct ViaCollectStr;

    impl Serialize for ViaCollectStr {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(&FailingDisplay)
        }
    }

    struct Failing;

    impl Serialize for Failing {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(S::Error::custom("no"))
        }
    }

    #[test]
    fn failures_leave_the_buffer_as_it_was() {
        let mut buf = b"{\"a\":1".to_vec();
        assert!(!write_json(&mut buf, &vec![ViaCollectStr]));
        assert!(!write_json(&mut buf, &BTreeMap::from([("k", Failing)])));
        assert_eq!(buf, b"{\"a\":1");
        assert!(write_json(&mut buf, &"é\"\n"));
        assert_eq!(buf, b"{\"a\":1\"\xc3\xa9\\\"\\n\"");
        assert!(!probe(&ViaCollectStr));
        assert!(probe(&[1, 2]));
    }

    struct Collect(Vec<(String, String)>);

    impl Sink for Collect {
        type Error = std::convert::Infallible;
        fn entry<V: Serialize + ?Sized>(
            &mut self,
            key: &str,
            value: &V,
        ) -> Result<(), Self::Error> {
            let mut buf = Vec::new();
            if write_json(&mut buf, value) {
                self.0
                    .push((key.to_owned(), String::from_utf8(buf).unwrap()));
            }
            Ok(())
        }
    }

    fn flattened<V: Serialize>(value: &V) -> Vec<(String, String)> {
        let mut sink = Collect(Vec::new());
        flatten_into(value, &mut sink).unwrap();
        sink.0
    }

    #[derive(serde::Serialize)]
    struct Fields {
        email: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        age: Option<u8>,
    }

    #[derive(serde::Serialize)]
    enum Tagged {
        Limit(u32),
    }

    #[test]
    fn flatten_takes_map_and_struct_entries() {
        let map = BTreeMap::from([(1, "one"), (2, "two")]);
        assert_eq!(
            flattened(&map),
            [
                ("1".into(), "\"one\"".into()),
                ("2".into(), "\"two\"".into())
            ]
        );
        assert_eq!(
            flattened(&Fields {
                email: "x",
                age: None
            }),
            [("email".into(), "\"x\"".into())]
        );
        assert_eq!(
            flattened(&Some(Tagged::Limit(3))),
            [("Limit".into(), "3".into())]
        );
        assert!(flattened(&None::<BTreeMap<String, u8>>).is_empty());
        assert!(flattened(&42).is_empty());
        assert!(flattened(&vec![1, 2]).is_empty());
        // Keys that are not text are left out, the other entries kept.
        let mixed: BTreeMap<(u8, u8), u8> = BTreeMap::from([((1, 2), 3)]);
        assert!(flattened(&mixed).is_empty());
    }
}
