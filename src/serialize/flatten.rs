//! `#[status(flatten)]`: the entries of the map (or struct) a value serializes to, handed one
//! by one to a [`Sink`], with no intermediate `serde_json::Value`.
//!
//! A value that serializes to anything but a map, a struct, a newtype variant or nothing
//! (`None`, `()`) contributes no members. An entry whose key is not a string (or a number,
//! char or unit variant, written as a string as serde_json does) is left out.

use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt::{self, Display};

/// Where flattened entries go.
pub(crate) trait Sink {
    type Error;

    /// One entry; the sink decides whether to keep it.
    fn entry<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), Self::Error>;
}

/// Hands the entries of `value` to `sink`.
pub(crate) fn flatten_into<V, K>(value: &V, sink: &mut K) -> Result<(), K::Error>
where
    V: Serialize + ?Sized,
    K: Sink,
{
    match value.serialize(Flatten(sink)) {
        Ok(()) | Err(FlatError::NotAMap) => Ok(()),
        Err(FlatError::Sink(error)) => Err(error),
    }
}

struct Flatten<'s, K>(&'s mut K);

pub(crate) enum FlatError<E> {
    /// The sink failed (a real serializer's error, to pass on).
    Sink(E),
    /// The value has no entries to flatten.
    NotAMap,
}

impl<E> fmt::Debug for FlatError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FlatError")
    }
}

impl<E> Display for FlatError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value has no map entries to flatten")
    }
}

impl<E> std::error::Error for FlatError<E> {}

impl<E> ser::Error for FlatError<E> {
    fn custom<T: Display>(_: T) -> Self {
        FlatError::NotAMap
    }
}

type NotAMap<'s, K> = Impossible<(), FlatError<<K as Sink>::Error>>;

macro_rules! not_a_map {
    ($($method:ident($($ty:ty),*);)*) => {
        $(
            fn $method(self $(, _: $ty)*) -> Result<(), Self::Error> {
                Err(FlatError::NotAMap)
            }
        )*
    };
}

impl<'s, K: Sink> Serializer for Flatten<'s, K> {
    type Ok = ();
    type Error = FlatError<K::Error>;
    type SerializeSeq = NotAMap<'s, K>;
    type SerializeTuple = NotAMap<'s, K>;
    type SerializeTupleStruct = NotAMap<'s, K>;
    type SerializeTupleVariant = NotAMap<'s, K>;
    type SerializeMap = FlatMap<'s, K>;
    type SerializeStruct = FlatStruct<'s, K>;
    type SerializeStructVariant = NotAMap<'s, K>;

    not_a_map! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_none(self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Self::Error> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.0.entry(variant, value).map_err(FlatError::Sink)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(FlatError::NotAMap)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(FlatError::NotAMap)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(FlatError::NotAMap)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(FlatError::NotAMap)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Ok(FlatMap {
            sink: self.0,
            key: None,
        })
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Ok(FlatStruct(self.0))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(FlatError::NotAMap)
    }
}

pub(crate) struct FlatMap<'s, K> {
    sink: &'s mut K,
    /// The key of the entry being written; `None` if it was not a string.
    key: Option<String>,
}

impl<K: Sink> ser::SerializeMap for FlatMap<'_, K> {
    type Ok = ();
    type Error = FlatError<K::Error>;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        self.key = key.serialize(KeyText).ok();
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        match self.key.take() {
            Some(key) => self.sink.entry(&key, value).map_err(FlatError::Sink),
            None => Ok(()),
        }
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

pub(crate) struct FlatStruct<'s, K>(&'s mut K);

impl<K: Sink> ser::SerializeStruct for FlatStruct<'_, K> {
    type Ok = ();
    type Error = FlatError<K::Error>;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.0.entry(key, value).map_err(FlatError::Sink)
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// A map key as the text serde_json would write: strings, chars, integers and unit variants.
struct KeyText;

#[derive(Debug)]
struct NotText;

impl Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map key that is not text")
    }
}

impl std::error::Error for NotText {}

impl ser::Error for NotText {
    fn custom<T: Display>(_: T) -> Self {
        NotText
    }
}

macro_rules! key_to_string {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method(self, v: $ty) -> Result<String, NotText> {
                Ok(v.to_string())
            }
        )*
    };
}

macro_rules! key_not_text {
    ($($method:ident($($ty:ty),*);)*) => {
        $(
            fn $method(self $(, _: $ty)*) -> Result<String, NotText> {
                Err(NotText)
            }
        )*
    };
}

impl Serializer for KeyText {
    type Ok = String;
    type Error = NotText;
    type SerializeSeq = Impossible<String, NotText>;
    type SerializeTuple = Impossible<String, NotText>;
    type SerializeTupleStruct = Impossible<String, NotText>;
    type SerializeTupleVariant = Impossible<String, NotText>;
    type SerializeMap = Impossible<String, NotText>;
    type SerializeStruct = Impossible<String, NotText>;
    type SerializeStructVariant = Impossible<String, NotText>;

    key_to_string! {
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
        serialize_str(&str);
    }

    key_not_text! {
        serialize_bool(bool);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, NotText> {
        Ok(variant.to_owned())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, NotText> {
        Err(NotText)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, NotText> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, NotText> {
        Err(NotText)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotText> {
        Err(NotText)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotText> {
        Err(NotText)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotText> {
        Err(NotText)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotText> {
        Err(NotText)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotText> {
        Err(NotText)
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<String, NotText> {
        let mut text = String::new();
        fmt::write(&mut text, format_args!("{value}")).map_err(|_| NotText)?;
        Ok(text)
    }
}
