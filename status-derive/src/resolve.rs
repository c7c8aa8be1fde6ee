//! A variant's effective settings: its own `#[status]` over the enum's defaults, and its code
//! looked up in the registry. No rule lives here; `valid` judges what this finds.

use crate::ast::{Input, Variant};
use crate::attr::{CodeSpec, HeaderOpt, Opt, StatusAttr, StrLit, TemplateLit};
use status_core::{Class, StatusInfo};
use syn::Ident;

/// The body format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Problem,
    Json,
    Text,
}

impl Format {
    pub const NAMES: [&'static str; 3] = ["problem", "json", "text"];

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "problem" => Some(Format::Problem),
            "json" => Some(Format::Json),
            "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A status code the attribute names.
#[derive(Clone, Copy)]
pub struct Code<'a> {
    pub value: u16,
    /// `None` for a number the registry does not have (allowed with `reason = ...`).
    pub info: Option<&'static StatusInfo>,
    pub spec: &'a CodeSpec,
}

impl Code<'_> {
    pub fn class(&self) -> Option<Class> {
        Class::of(self.value)
    }

    /// "404 Not Found", or just "499" for an unregistered code.
    pub fn describe(&self) -> String {
        match self.info {
            Some(info) => format!("{} {}", info.code, info.reason),
            None => self.value.to_string(),
        }
    }
}

/// Reads the code of an attribute; `None` if it names nothing (reported by `unknown_code`).
pub fn code(spec: &CodeSpec) -> Option<Code<'_>> {
    let (value, info) = match spec {
        CodeSpec::Number(lit) => {
            let value = lit.base10_parse::<u16>().ok()?;
            (value, status_core::lookup(value))
        }
        CodeSpec::Name(path) => {
            let info = status_core::lookup_name(&path.segments.last()?.ident.to_string())?;
            (info.code, Some(info))
        }
    };
    Some(Code { value, info, spec })
}

/// One variant (or the struct) with the type-level defaults applied.
pub struct Resolved<'i, 'a> {
    pub variant: &'i Variant<'a>,
    /// The variant's own `#[status]`; for a struct, the type's.
    pub own: Option<&'i StatusAttr<'a>>,
    /// The enum's `#[status]`, whose options apply where the variant sets none.
    pub defaults: Option<&'i StatusAttr<'a>>,
    pub code: Option<Code<'i>>,
}

impl<'i, 'a> Resolved<'i, 'a> {
    pub fn all(input: &'i Input<'a>) -> Vec<Resolved<'i, 'a>> {
        let is_struct = input.is_struct();
        input
            .variants()
            .iter()
            .map(|variant| {
                let (own, defaults) = if is_struct {
                    (input.attrs.first(), None)
                } else {
                    (variant.attrs.first(), input.attrs.first())
                };
                let code_spec = own
                    .and_then(|a| a.code.as_ref())
                    .or_else(|| defaults.and_then(|a| a.code.as_ref()));
                Resolved {
                    variant,
                    own,
                    defaults,
                    code: code_spec.and_then(code),
                }
            })
            .collect()
    }

    /// The code as written, own or inherited.
    pub fn code_spec(&self) -> Option<&'i CodeSpec> {
        self.pick(|a| a.code.as_ref())
    }

    fn pick<T: ?Sized>(&self, get: impl Fn(&'i StatusAttr<'a>) -> Option<&'i T>) -> Option<&'i T> {
        self.own
            .and_then(&get)
            .or_else(|| self.defaults.and_then(&get))
    }

    pub fn transparent(&self) -> Option<&'i Ident> {
        // Only the variant's own attribute can make it transparent; on an enum it is an error.
        self.own.and_then(|a| a.transparent.as_ref())
    }

    pub fn message(&self) -> Option<&'i Opt<TemplateLit>> {
        self.pick(|a| a.message.as_ref())
    }

    pub fn machine_code(&self) -> Option<&'i Opt<StrLit>> {
        self.pick(|a| a.machine_code.as_ref())
    }

    pub fn problem_type(&self) -> Option<&'i Opt<StrLit>> {
        self.pick(|a| a.problem_type.as_ref())
    }

    pub fn reason(&self) -> Option<&'i Opt<StrLit>> {
        self.pick(|a| a.reason.as_ref())
    }

    pub fn format_opt(&self) -> Option<&'i Opt<StrLit>> {
        self.pick(|a| a.format.as_ref())
    }

    /// The format; an unknown name (reported by `bad_attribute`) counts as the default.
    pub fn format(&self) -> Format {
        self.format_opt()
            .and_then(|opt| Format::parse(opt.value.value()))
            .unwrap_or(Format::Problem)
    }

    pub fn expose(&self) -> Option<&'i Ident> {
        self.pick(|a| a.expose.as_ref())
    }

    pub fn allows(&self, rule: &str) -> bool {
        [self.own, self.defaults]
            .into_iter()
            .flatten()
            .any(|a| a.allow.iter().any(|r| r == rule))
    }

    /// The enum's headers whose names the variant does not set itself, then the variant's.
    pub fn headers(&self) -> Vec<&'i HeaderOpt> {
        let own: &[HeaderOpt] = self.own.map_or(&[], |a| &a.headers);
        let inherited = self.defaults.map_or(&[][..], |a| &a.headers[..]);
        inherited
            .iter()
            .filter(|h| !own.iter().any(|o| o.name().eq_ignore_ascii_case(h.name())))
            .chain(own)
            .collect()
    }

    pub fn has_header(&self, name: &str) -> bool {
        [self.own, self.defaults]
            .into_iter()
            .flatten()
            .flat_map(|a| &a.headers)
            .any(|h| h.name().eq_ignore_ascii_case(name))
    }

    pub fn content_forbidden(&self) -> bool {
        self.code
            .and_then(|c| c.info)
            .is_some_and(|info| info.content_forbidden)
    }

    pub fn is_server_error(&self) -> bool {
        self.code.and_then(|c| c.class()) == Some(Class::ServerError)
    }

    /// The title of the body: `reason = …`, else the registry's phrase.
    pub fn title(&self) -> String {
        match (self.reason(), self.code.and_then(|c| c.info)) {
            (Some(reason), _) => reason.value.value().to_owned(),
            (None, Some(info)) => info.reason.to_owned(),
            (None, None) => String::new(),
        }
    }
}
