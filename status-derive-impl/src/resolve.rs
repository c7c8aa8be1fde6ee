//! A variant's effective settings: its own `#[status]` over the enum's defaults, its code
//! looked up in the registry, its body format, its members and the field it delegates to. No
//! rule lives here; `valid` judges what this finds.

use crate::ast::{Attrs, Field, Input, Variant};
use crate::attr::options::Key;
use crate::attr::{Attr, CodeSpec, FormatSpec, HeaderOpt, Item, ItemValue, StrLit, TemplateLit};
use crate::case;
use http_status_core::{BodyFormat, Class, LogLevel, StatusInfo};
use proc_macro2::Span;
use syn::{Ident, Path};

/// The body format a variant sends.
#[derive(Clone, Copy)]
pub enum Format<'i> {
    Builtin(BodyFormat),
    Custom(&'i Path),
}

impl Format<'_> {
    /// The format's name, for messages ("custom" for a user's type).
    pub fn name(&self) -> &'static str {
        match self {
            Format::Builtin(format) => format.name(),
            Format::Custom(_) => "custom",
        }
    }

    /// The built-in format, `None` for a custom one.
    pub fn builtin(&self) -> Option<BodyFormat> {
        match self {
            Format::Builtin(format) => Some(*format),
            Format::Custom(_) => None,
        }
    }

    pub fn is(&self, format: BodyFormat) -> bool {
        self.builtin() == Some(format)
    }

    /// Whether the body has members `http-status` writes (problem, json, members; a custom
    /// format through `Problem`).
    pub fn takes_members(&self) -> bool {
        self.builtin().map_or(true, BodyFormat::has_members)
    }

    /// Whether the body carries `key` (a custom format sees every part).
    pub fn sends(&self, key: Key) -> bool {
        key.def().sent_by(self.builtin())
    }

    /// The members the format writes itself, which a field member may not be named after (a
    /// custom format sees a `Problem`, whose members are the problem format's).
    pub fn standard_members(&self) -> &'static [&'static str] {
        self.builtin()
            .unwrap_or(BodyFormat::Problem)
            .standard_members()
    }
}

fn parse_format(spec: &FormatSpec) -> Option<Format<'_>> {
    match spec {
        FormatSpec::Named(lit) => BodyFormat::from_name(&lit.text).map(Format::Builtin),
        FormatSpec::Type(path) => Some(Format::Custom(path)),
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

    /// A code an error type must not answer with: any 2xx, and 304.
    pub fn is_success_status(&self) -> bool {
        self.class() == Some(Class::Success) || self.value == 304
    }

    /// Whether a response can have it: a 2xx–5xx, registered or given a reason phrase.
    pub fn is_final(&self, reason: bool) -> bool {
        let registered = self.info.map_or(reason, |info| info.final_response);
        registered && !matches!(self.class(), None | Some(Class::Informational))
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
        CodeSpec::Number { digits, .. } => {
            let value = digits.parse::<u16>().ok()?;
            (value, http_status_core::lookup(value))
        }
        CodeSpec::Name(path) => {
            let info = http_status_core::lookup_name(&path.segments.last()?.ident.to_string())?;
            (info.code, Some(info))
        }
    };
    Some(Code { value, info, spec })
}

/// Where the machine-readable code comes from.
pub enum MachineCode<'i> {
    /// `code = "…"`, own or the enum's.
    Written(&'i TemplateLit),
    /// `codes = "CASE"` on the enum: the variant's name in that case.
    Cased { code: String, at: &'i StrLit },
}

impl MachineCode<'_> {
    /// The code if it is the same for every value of the variant.
    pub fn literal(&self) -> Option<String> {
        match self {
            MachineCode::Written(template) => template.literal(),
            MachineCode::Cased { code, .. } => Some(code.clone()),
        }
    }

    pub fn span(&self) -> Span {
        match self {
            MachineCode::Written(template) => template.lit.span(),
            MachineCode::Cased { at, .. } => at.lit.span(),
        }
    }
}

/// A field whose value is a body member.
pub struct MemberField<'i, 'a> {
    pub field: &'i Field<'a>,
    /// The member's name; `None` for `flatten`.
    pub name: Option<String>,
    /// The `extension` or `flatten` keyword.
    pub key: &'i Ident,
}

/// One variant (or the struct) with the type-level defaults applied.
pub struct Resolved<'i, 'a> {
    pub variant: &'i Variant<'a>,
    /// The `#[status]` attributes written for this response: the variant's; for a struct, the
    /// type's.
    pub written: &'i Attrs<'a>,
    /// The variant's own `#[status]`; for a struct, the type's.
    pub own: Option<&'i Attr<'a>>,
    /// The enum's `#[status]`, whose options apply where the variant sets none.
    pub defaults: Option<&'i Attr<'a>>,
    pub code: Option<Code<'i>>,
    /// The field status, headers and body come from: `transparent`'s only field, or the one
    /// marked `delegate`.
    pub delegate: Option<&'i Field<'a>>,
    pub members: Vec<MemberField<'i, 'a>>,
    /// The field marked `#[status(errors)]`: the RFC 9457 `errors` list (the first, if
    /// several are marked: a `bad_attribute`).
    pub errors: Option<(&'i Field<'a>, &'i Ident)>,
    /// What [`Resolved::headers`] returns, worked out once: most checks and methods ask.
    headers: Vec<&'i HeaderOpt>,
}

/// The code an attribute writes, else the enum's.
fn code_written<'i>(own: Option<&'i Attr>, defaults: Option<&'i Attr>) -> Option<&'i CodeSpec> {
    if let Some(Attr {
        code: Some(code), ..
    }) = own
    {
        return Some(code);
    }
    match defaults {
        Some(Attr {
            code: Some(code), ..
        }) => Some(code),
        _ => None,
    }
}

// Plain loops rather than adapter chains with closures here and in the accessors below: they
// run for every variant, and each closure handed to a generic adapter is more generic code
// for rustc to compile in the crate that is on the critical path of users' builds.
impl<'i, 'a> Resolved<'i, 'a> {
    pub fn all(input: &'i Input<'a>) -> Vec<Resolved<'i, 'a>> {
        let mut all = Vec::new();
        for variant in input.variants() {
            all.push(Resolved::of(input, variant));
        }
        all
    }

    fn of(input: &'i Input<'a>, variant: &'i Variant<'a>) -> Self {
        let (written, own, defaults) = if input.is_struct() {
            (&input.attrs, input.attrs.first(), None)
        } else {
            (&variant.attrs, variant.attrs.first(), input.attrs.first())
        };
        let transparent = matches!(own, Some(a) if a.has(Key::Transparent));
        let mut delegate = if transparent {
            variant.fields.first()
        } else {
            None
        };
        let mut members = Vec::new();
        let mut errors = None;
        for field in &variant.fields {
            let Some(attr) = field.attr() else {
                continue;
            };
            if !transparent && delegate.is_none() && attr.has(Key::Delegate) {
                delegate = Some(field);
            }
            if let Some((key, name)) = attr.extension() {
                let name = match name {
                    Some(name) => name.text.clone(),
                    None => field.name.to_string(),
                };
                members.push(MemberField {
                    field,
                    name: Some(name),
                    key,
                });
            } else if let Some(key) = attr.flag(Key::Flatten) {
                members.push(MemberField {
                    field,
                    name: None,
                    key,
                });
            }
            if errors.is_none() {
                if let Some(key) = attr.flag(Key::Errors) {
                    errors = Some((field, key));
                }
            }
        }
        let code = match code_written(own, defaults) {
            Some(spec) => code(spec),
            None => None,
        };
        Resolved {
            variant,
            written,
            own,
            defaults,
            code,
            delegate,
            members,
            errors,
            headers: headers(own, defaults),
        }
    }

    /// The code as written, own or inherited.
    pub fn code_spec(&self) -> Option<&'i CodeSpec> {
        code_written(self.own, self.defaults)
    }

    /// The status code's number, 500 without one (an error reported elsewhere).
    pub fn code_value(&self) -> u16 {
        match self.code {
            Some(code) => code.value,
            None => 500,
        }
    }

    /// Whether the variant takes its whole response from a field.
    pub fn delegates(&self) -> bool {
        self.delegate.is_some()
    }

    pub fn transparent(&self) -> Option<&'i Ident> {
        self.own.and_then(|a| a.flag(Key::Transparent))
    }

    /// A 2xx or 3xx: a success or redirect body, not an error body.
    pub fn is_success_like(&self) -> bool {
        matches!(
            self.code.and_then(|c| c.class()),
            Some(Class::Success | Class::Redirection)
        )
    }

    /// The variant's status, if a response can have it: a 2xx–5xx, registered or given a
    /// reason phrase. (Why not, when not, is reported where the code is written.)
    pub fn status(&self) -> Option<Code<'i>> {
        self.code
            .filter(|code| code.is_final(self.reason().is_some()))
    }

    /// The one decision on what reaches the client: whether text and values derived from the
    /// variant's fields stay on the server. They do on a 5xx unless the variant or the enum
    /// says `expose`. Every path asks this: the body's detail, `serde` bodies, custom formats,
    /// header warnings, logs, gRPC, the catalogue's examples. (Members, and headers that
    /// interpolate a field, are explicit choices: sent, the latter with `header_leak`.)
    pub fn hides_values(&self) -> bool {
        self.is_server_error() && self.expose().is_none()
    }

    /// Whether the variant's response uses `item`, an option written on its own attribute or
    /// on the enum's (one the variant overrides, or that does not apply to its status, it
    /// does not use).
    pub fn takes(&self, item: &Item) -> bool {
        match &item.value {
            ItemValue::Header(header) => {
                for &taken in self.headers() {
                    if std::ptr::eq(taken, header) {
                        return true;
                    }
                }
                false
            }
            ItemValue::Format(_) => match self.format_item() {
                Some((taken, _)) => std::ptr::eq(taken, item),
                None => false,
            },
            _ => match self.pick(item.def.key) {
                Some(attr) => {
                    for taken in &attr.items {
                        if std::ptr::eq(taken, item) {
                            return true;
                        }
                    }
                    false
                }
                None => false,
            },
        }
    }

    pub fn is_server_error(&self) -> bool {
        self.code.and_then(|c| c.class()) == Some(Class::ServerError)
    }

    pub fn content_forbidden(&self) -> bool {
        self.code
            .and_then(|c| c.info)
            .is_some_and(|info| info.content_forbidden)
    }

    /// Whether an enum default of `key` applies to this variant (its row says whether a
    /// 2xx/3xx takes it).
    fn inherits(&self, key: Key) -> bool {
        key.def().inherited_by_success || !self.is_success_like()
    }

    fn pick(&self, key: Key) -> Option<&'i Attr<'a>> {
        if self.own.is_some_and(|a| a.has(key)) {
            return self.own;
        }
        self.defaults.filter(|a| a.has(key) && self.inherits(key))
    }

    /// A template option, own or inherited.
    pub fn template(&self, key: Key) -> Option<(&'i Ident, &'i TemplateLit)> {
        self.pick(key).and_then(|a| a.template(key))
    }

    /// Whether the option is the variant's own (not inherited).
    pub fn is_own(&self, key: Key) -> bool {
        self.own.is_some_and(|a| a.has(key))
    }

    pub fn message(&self) -> Option<(&'i Ident, &'i TemplateLit)> {
        self.template(Key::Message)
    }

    pub fn machine_code(&self) -> Option<MachineCode<'i>> {
        if let Some((_, template)) = self.template(Key::Code) {
            return Some(MachineCode::Written(template));
        }
        let at = self.defaults.and_then(|a| a.str(Key::Codes))?;
        let code = case::convert(&self.variant.name(), &at.text)?;
        Some(MachineCode::Cased { code, at })
    }

    /// The machine-readable code, if it is the same for every value of the variant.
    pub fn literal_code(&self) -> Option<String> {
        self.machine_code()?.literal()
    }

    pub fn problem_type(&self) -> Option<(&'i Ident, &'i TemplateLit)> {
        self.template(Key::Type)
    }

    pub fn instance(&self) -> Option<(&'i Ident, &'i TemplateLit)> {
        self.template(Key::Instance)
    }

    pub fn reason(&self) -> Option<&'i StrLit> {
        self.pick(Key::Reason).and_then(|a| a.str(Key::Reason))
    }

    /// `level = …`, own or inherited (`None`: by status).
    pub fn level(&self) -> Option<LogLevel> {
        self.pick(Key::Level)
            .and_then(|a| a.str(Key::Level))
            .and_then(|lit| LogLevel::from_name(&lit.text))
    }

    /// `retryable = …`, own or inherited (`None`: by status).
    pub fn retryable(&self) -> Option<bool> {
        self.pick(Key::Retryable)
            .and_then(|a| a.boolean(Key::Retryable))
            .map(syn::LitBool::value)
    }

    /// `grpc = …`, own or inherited, if it names a code.
    pub fn grpc(&self) -> Option<http_status_core::grpc::GrpcCode> {
        self.pick(Key::Grpc)
            .and_then(|a| a.str(Key::Grpc))
            .and_then(|lit| http_status_core::grpc::code_named(&lit.text))
    }

    /// A type-level option (`type_base`, `code_header`, `domain`): the enum's, or the
    /// struct's.
    pub fn type_option(&self, key: Key) -> Option<&'i StrLit> {
        self.pick(key).and_then(|a| a.str(key))
    }

    /// The `type` a `type_base` gives the variant, when it writes none of its own: the base and
    /// the slug of its code (`USER_NOT_FOUND` → `user-not-found`), or of its name when it has no
    /// code. `None` for a templated code (a compile error) or without a base.
    pub fn based_type(&self) -> Option<String> {
        if self.problem_type().is_some() || self.is_success_like() {
            return None;
        }
        let base = self.type_option(Key::TypeBase)?;
        Some(format!("{}{}", base.text, self.slug()?))
    }

    /// The variant's slug: its literal code, else its name, in lower kebab case.
    pub fn slug(&self) -> Option<String> {
        use heck::ToKebabCase;
        match self.machine_code() {
            Some(code) => code.literal().map(|code| code.to_kebab_case()),
            None => Some(self.variant.name().to_kebab_case()),
        }
    }

    /// `Type::Variant`, or the struct's name: OpenTelemetry's `error.type` when the variant has
    /// no literal code.
    pub fn qualified_name(&self, input: &Input) -> String {
        if self.variant.is_enum_variant {
            format!("{}::{}", input.name(), self.variant.name())
        } else {
            input.name()
        }
    }

    pub fn expose(&self) -> Option<&'i Ident> {
        self.pick(Key::Expose).and_then(|a| a.flag(Key::Expose))
    }

    /// The format option as written, own or inherited, and whether it is the variant's own.
    pub fn format_written(&self) -> Option<(&'i Ident, &'i FormatSpec, bool)> {
        if let Some((key, spec)) = self.own.and_then(|a| a.format()) {
            return Some((key, spec, true));
        }
        self.defaults
            .and_then(|a| a.format())
            .map(|(key, spec)| (key, spec, false))
    }

    /// The body format: the variant's own choice; else the enum's (but the problem and google
    /// formats only for errors); else problem details for 4xx/5xx, and for 2xx/3xx no body, or text
    /// when there is a message. An unknown name (reported by `bad_attribute`) counts as the
    /// default.
    pub fn format(&self) -> Format<'i> {
        match self.format_item() {
            Some((_, format)) => format,
            None if self.is_success_like() => {
                if self.message().is_some() {
                    Format::Builtin(BodyFormat::Text)
                } else {
                    Format::Builtin(BodyFormat::None)
                }
            }
            None => Format::Builtin(BodyFormat::Problem),
        }
    }

    /// The `format = …` the variant's body follows, and the format it names: its own, else
    /// the enum's — but the enum's problem or google format only for errors (a success body in
    /// either would read as a failure).
    pub fn format_item(&self) -> Option<(&'i Item, Format<'i>)> {
        let (item, own) = match self.own.and_then(|a| a.get(Key::Format)) {
            Some(item) => (item, true),
            None => (self.defaults?.get(Key::Format)?, false),
        };
        let ItemValue::Format(spec) = &item.value else {
            return None;
        };
        let format = parse_format(spec)?;
        let failure = format.builtin().is_some_and(BodyFormat::describes_failure);
        let applies = own || !(self.is_success_like() && failure);
        applies.then_some((item, format))
    }

    /// Whether the variant's warnings of `rule` are silenced, by its own `allow` or the enum's.
    pub fn allows(&self, rule: &str) -> bool {
        matches!(self.own, Some(own) if own.allows(rule))
            || matches!(self.defaults, Some(defaults) if defaults.allows(rule))
    }

    /// The enum's headers whose names the variant does not set itself, then the variant's.
    pub fn headers(&self) -> &[&'i HeaderOpt] {
        &self.headers
    }

    /// The headers named `name` (case-insensitive).
    pub fn headers_named(&self, name: &str) -> Vec<&'i HeaderOpt> {
        let mut named = Vec::new();
        for &header in self.headers() {
            if header.name().eq_ignore_ascii_case(name) {
                named.push(header);
            }
        }
        named
    }

    pub fn has_header(&self, name: &str) -> bool {
        named_in(self.headers(), name)
    }

    /// The title of the body: `reason = …`, else the registry's phrase.
    pub fn title(&self) -> String {
        match (self.reason(), self.code.and_then(|c| c.info)) {
            (Some(reason), _) => reason.text.clone(),
            (None, Some(info)) => info.reason.to_owned(),
            (None, None) => String::new(),
        }
    }

    /// Where a finding about the variant's status points: its own code; else its own
    /// attribute; else the enum's code (for a variant that inherits everything, which is
    /// checked once for all such variants).
    pub fn status_span(&self) -> Span {
        if let Some(code) = self.own.and_then(|a| a.code.as_ref()) {
            return code.span();
        }
        if let Some(own) = self.own {
            return syn::spanned::Spanned::span(own.original);
        }
        self.code
            .map_or_else(|| self.variant.ident.span(), |code| code.spec.span())
    }

    /// A variant without a `#[status]` of its own and without field attributes: everything it
    /// is comes from the enum.
    pub fn is_bare(&self) -> bool {
        self.own.is_none()
            && self.variant.is_enum_variant
            && self.variant.fields.iter().all(|f| f.attr().is_none())
    }
}

/// See [`Resolved::headers`].
fn headers<'i>(own: Option<&'i Attr>, defaults: Option<&'i Attr>) -> Vec<&'i HeaderOpt> {
    let own = match own {
        Some(own) => own.headers(),
        None => Vec::new(),
    };
    let mut headers = Vec::new();
    if let Some(defaults) = defaults {
        for &header in &defaults.headers() {
            if !named_in(&own, header.name()) {
                headers.push(header);
            }
        }
    }
    headers.extend_from_slice(&own);
    headers
}

/// Whether one of `headers` is named `name` (case-insensitive).
fn named_in(headers: &[&HeaderOpt], name: &str) -> bool {
    for header in headers {
        if header.name().eq_ignore_ascii_case(name) {
            return true;
        }
    }
    false
}

impl Resolved<'_, '_> {
    /// The header fields the status requires (the registry says which).
    pub fn required_headers(&self) -> Vec<http_status_core::Required> {
        let mut required = Vec::new();
        if let Some(info) = self.code.and_then(|c| c.info) {
            http_status_core::for_each_required(info, &mut |r| required.push(r));
        }
        required
    }
}
