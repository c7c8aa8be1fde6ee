//! What kind of value a field holds, read from its Rust type as written: for the readable
//! templates of the catalogue (`user <integer> not found`) and the OpenAPI schema of a header.
//! The kinds themselves are status-core's `ValueKind`, which the runtime re-exports.

use syn::{GenericArgument, PathArguments, Type};

pub use http_status_core::ValueKind as Kind;

/// The path generated code names a kind by.
pub fn path(kind: Kind) -> String {
    format!("__hs::ValueKind::{}", kind.ident())
}

/// The kind of `ty`, looking through references, `Box`, `Arc`, `Rc`, `Cow` and `Option`.
pub fn of(ty: &Type) -> Kind {
    match ty {
        Type::Reference(reference) => of(&reference.elem),
        Type::Paren(inner) => of(&inner.elem),
        Type::Group(inner) => of(&inner.elem),
        Type::Slice(_) | Type::Array(_) => Kind::Array,
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return Kind::Any;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64"
                | "NonZeroUsize" => Kind::Integer,
                "f32" | "f64" => Kind::Number,
                "bool" => Kind::Boolean,
                "String" | "str" | "char" | "Uuid" | "IpAddr" | "SocketAddr" | "Url" => {
                    Kind::String
                }
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "LinkedList" => Kind::Array,
                "HashMap" | "BTreeMap" | "IndexMap" | "Map" => Kind::Object,
                // `Cow<str>` names the borrowed form, which is what is serialized.
                "Box" | "Arc" | "Rc" | "Option" | "Cow" => {
                    first_type_argument(&last.arguments).map_or(Kind::Any, of)
                }
                _ => Kind::Any,
            }
        }
        _ => Kind::Any,
    }
}

fn first_type_argument(arguments: &PathArguments) -> Option<&Type> {
    match arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(source: &str) -> Kind {
        of(&syn::parse_str(source).unwrap())
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("u64"), Kind::Integer);
        assert_eq!(kind("&'a str"), Kind::String);
        assert_eq!(kind("std::string::String"), Kind::String);
        assert_eq!(kind("Option<f64>"), Kind::Number);
        assert_eq!(kind("Cow<'static, str>"), Kind::String);
        assert_eq!(kind("Vec<String>"), Kind::Array);
        assert_eq!(kind("BTreeMap<String, Vec<String>>"), Kind::Object);
        assert_eq!(kind("[u8; 4]"), Kind::Array);
        assert_eq!(kind("Box<bool>"), Kind::Boolean);
        assert_eq!(kind("UserId"), Kind::Any);
        assert_eq!(kind("T"), Kind::Any);
    }
}
