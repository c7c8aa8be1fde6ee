//! Parses `#[status(...)]` into [`StatusAttr`], and reads what the derive needs from
//! thiserror's `#[error(...)]`. Only malformed syntax is an error here; everything that parses
//! (unknown options, duplicates, options at the wrong level) is recorded for `valid`.

use crate::template::{Template, TemplateError};
use proc_macro2::{Span, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser as _};
use syn::spanned::Spanned as _;
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Path, Token};

/// The options `#[status(...)]` knows; the order is the README's.
pub const OPTIONS: &[&str] = &[
    "message",
    "code",
    "header",
    "format",
    "type",
    "reason",
    "expose",
    "allow",
    "crate",
    "transparent",
];

/// How the status code is written.
pub enum CodeSpec {
    Number(LitInt),
    /// `NOT_FOUND`, or a path ending in one (`StatusCode::NOT_FOUND`).
    Name(Path),
}

impl CodeSpec {
    pub fn tokens(&self) -> &dyn quote::ToTokens {
        match self {
            CodeSpec::Number(lit) => lit,
            CodeSpec::Name(path) => path,
        }
    }

    /// One span for the code: the number, or the name at the end of the path. Warnings
    /// (which carry a single span) point here.
    pub fn span(&self) -> Span {
        match self {
            CodeSpec::Number(lit) => lit.span(),
            CodeSpec::Name(path) => path
                .segments
                .last()
                .map_or_else(|| path.span(), |s| s.ident.span()),
        }
    }
}

/// A `key = "value"` option.
pub struct Opt<T> {
    pub key: Ident,
    pub value: T,
}

/// A string option's literal and its value, read once (`LitStr::value` unescapes on every
/// call, and the derive reads these for every variant).
pub struct StrLit {
    pub lit: LitStr,
    text: String,
}

impl StrLit {
    fn new(lit: LitStr) -> Self {
        StrLit {
            text: lit.value(),
            lit,
        }
    }

    pub fn value(&self) -> &str {
        &self.text
    }
}

impl quote::ToTokens for StrLit {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        self.lit.to_tokens(tokens);
    }
}

/// A string that may interpolate fields, its text, and what parsing it gave.
pub struct TemplateLit {
    pub lit: LitStr,
    /// The literal's value, read once (`LitStr::value` unescapes on every call).
    pub text: String,
    pub parsed: Result<Template, TemplateError>,
}

impl TemplateLit {
    fn new(lit: LitStr) -> Self {
        let text = lit.value();
        let parsed = Template::parse(&text);
        TemplateLit { lit, text, parsed }
    }
}

pub struct HeaderOpt {
    pub key: Ident,
    pub name: LitStr,
    /// The name's value, read once.
    pub name_text: String,
    pub value: TemplateLit,
}

impl HeaderOpt {
    pub fn name(&self) -> &str {
        &self.name_text
    }
}

/// One `#[status(...)]` attribute.
pub struct StatusAttr<'a> {
    pub original: &'a Attribute,
    pub code: Option<CodeSpec>,
    /// A code written after an option rather than first.
    pub late_code: Option<Span>,
    pub transparent: Option<Ident>,
    pub message: Option<Opt<TemplateLit>>,
    pub machine_code: Option<Opt<StrLit>>,
    pub headers: Vec<HeaderOpt>,
    pub format: Option<Opt<StrLit>>,
    pub problem_type: Option<Opt<StrLit>>,
    pub reason: Option<Opt<StrLit>>,
    pub expose: Option<Ident>,
    pub allow: Vec<Ident>,
    pub krate: Option<Opt<StrLit>>,
    pub unknown: Vec<Ident>,
    /// (first, repeated) occurrences of an option that may appear once.
    pub duplicates: Vec<(Span, Ident)>,
}

impl<'a> StatusAttr<'a> {
    fn empty(original: &'a Attribute) -> Self {
        StatusAttr {
            original,
            code: None,
            late_code: None,
            transparent: None,
            message: None,
            machine_code: None,
            headers: Vec::new(),
            format: None,
            problem_type: None,
            reason: None,
            expose: None,
            allow: Vec::new(),
            krate: None,
            unknown: Vec::new(),
            duplicates: Vec::new(),
        }
    }

    /// Every option key present, for checks that care about "any option besides …".
    pub fn option_keys(&self) -> Vec<&Ident> {
        let mut keys: Vec<&Ident> = Vec::new();
        keys.extend(self.message.as_ref().map(|o| &o.key));
        keys.extend(self.machine_code.as_ref().map(|o| &o.key));
        keys.extend(self.headers.iter().map(|h| &h.key));
        keys.extend(self.format.as_ref().map(|o| &o.key));
        keys.extend(self.problem_type.as_ref().map(|o| &o.key));
        keys.extend(self.reason.as_ref().map(|o| &o.key));
        keys.extend(self.expose.as_ref());
        keys.extend(self.krate.as_ref().map(|o| &o.key));
        keys
    }
}

/// Parses one `#[status(...)]`.
pub fn parse_status(attr: &Attribute) -> syn::Result<StatusAttr<'_>> {
    let mut out = StatusAttr::empty(attr);
    let list = match &attr.meta {
        syn::Meta::List(list) => list,
        _ => {
            return Err(syn::Error::new_spanned(
                attr,
                "expected `#[status(CODE, ...)]`, e.g. `#[status(404)]` or `#[status(NOT_FOUND, message = \"...\")]`",
            ))
        }
    };
    let parser = |input: ParseStream| {
        let mut first = true;
        while !input.is_empty() {
            parse_item(input, &mut out, first)?;
            first = false;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    parser.parse2(list.tokens.clone())?;
    Ok(out)
}

/// The options whose value is a string.
const STRING_OPTIONS: &[&str] = &["message", "code", "format", "type", "reason", "crate"];

/// One item in one of its common forms, read from syn's cursor without the `peek` machinery
/// (each `peek` costs thousands of instructions in the unoptimised build a proc macro runs
/// in, and a 1,000-variant enum makes tens of thousands): an integer code, `key = "string"`,
/// a bare word. Returns `false`, having read nothing, for anything else, which `parse_item`'s
/// general path handles (errors included).
fn parse_common(input: ParseStream, out: &mut StatusAttr, first: bool) -> syn::Result<bool> {
    enum Common {
        Code(LitInt),
        StringOption(Ident, LitStr),
        Word(Ident),
    }
    let common = input.step(|cursor| {
        let start = *cursor;
        if let Some((literal, after)) = start.literal() {
            if let Lit::Int(int) = Lit::new(literal) {
                return Ok((Some(Common::Code(int)), after));
            }
        } else if let Some((ident, after)) = start.ident() {
            match after.punct() {
                Some((eq, value))
                    if eq.as_char() == '=' && eq.spacing() == proc_macro2::Spacing::Alone =>
                {
                    let name = ident.to_string();
                    let takes_string = STRING_OPTIONS.contains(&name.as_str())
                        || !OPTIONS.contains(&name.as_str());
                    if let (true, Some((literal, rest))) = (takes_string, value.literal()) {
                        if let Lit::Str(lit) = Lit::new(literal) {
                            return Ok((Some(Common::StringOption(ident, lit)), rest));
                        }
                    }
                }
                Some((comma, _)) if comma.as_char() == ',' => {
                    return Ok((Some(Common::Word(ident)), after))
                }
                None if after.eof() => return Ok((Some(Common::Word(ident)), after)),
                _ => {}
            }
        }
        Ok((None, start))
    })?;
    match common {
        None => return Ok(false),
        Some(Common::Code(lit)) => {
            if first {
                out.code = Some(CodeSpec::Number(lit));
            } else {
                out.late_code = Some(lit.span());
            }
        }
        Some(Common::StringOption(key, lit)) => {
            let name = key.to_string();
            if STRING_OPTIONS.contains(&name.as_str()) {
                store_string_option(out, key, &name, lit)?;
            } else {
                out.unknown.push(key);
            }
        }
        Some(Common::Word(key)) => bare_word(out, key, first)?,
    }
    Ok(true)
}

fn parse_item(input: ParseStream, out: &mut StatusAttr, first: bool) -> syn::Result<()> {
    if parse_common(input, out, first)? {
        return Ok(());
    }
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        if first {
            out.code = Some(CodeSpec::Number(lit));
        } else {
            out.late_code = Some(lit.span());
        }
        return Ok(());
    }
    if input.peek(Lit) {
        let lit: Lit = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            "expected a status code (`404`, `NOT_FOUND`) or an option (`message = \"...\"`)",
        ));
    }
    if !input.peek(Ident::peek_any) {
        let found: Option<TokenTree> = input.parse().ok();
        let span = found.map_or_else(|| input.span(), |t| t.span());
        return Err(syn::Error::new(
            span,
            "expected a status code (`404`, `NOT_FOUND`) or an option (`message = \"...\"`)",
        ));
    }
    if input.peek2(Token![::]) || input.peek(Token![::]) {
        let path: Path = input.call(Path::parse_mod_style)?;
        record_code(out, CodeSpec::Name(path), first);
        return Ok(());
    }
    let key = input.call(Ident::parse_any)?;
    let name = key.to_string();
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return parse_value_option(input, out, key, &name);
    }
    if input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        match name.as_str() {
            "header" => out.headers.push(parse_header(&content, key)?),
            "allow" => {
                let rules = content.parse_terminated(Ident::parse_any, Token![,])?;
                out.allow.extend(rules);
            }
            _ => {
                let _ = content.parse::<proc_macro2::TokenStream>();
                out.unknown.push(key);
            }
        }
        return Ok(());
    }
    bare_word(out, key, first)
}

/// A word alone: a flag (`expose`, `transparent`), the code's name, or a mistake.
fn bare_word(out: &mut StatusAttr, key: Ident, first: bool) -> syn::Result<()> {
    let name = key.to_string();
    match name.as_str() {
        "expose" => set_once(&mut out.expose, key, &mut out.duplicates),
        "transparent" => set_once(&mut out.transparent, key, &mut out.duplicates),
        "message" | "code" | "format" | "type" | "reason" | "crate" => {
            return Err(syn::Error::new(
                key.span(),
                format!("`{name}` takes a value: `{name} = \"...\"`"),
            ))
        }
        "header" => {
            return Err(syn::Error::new(
                key.span(),
                "`header` takes a name and a value: `header(\"Retry-After\" = \"120\")`",
            ))
        }
        "allow" => {
            return Err(syn::Error::new(
                key.span(),
                "`allow` takes rule names: `allow(missing_retry_after)`",
            ))
        }
        _ if first => out.code = Some(CodeSpec::Name(Path::from(key))),
        _ if is_constant_case(&name) => out.late_code = Some(key.span()),
        _ => out.unknown.push(key),
    }
    Ok(())
}

fn record_code(out: &mut StatusAttr, code: CodeSpec, first: bool) {
    if first {
        out.code = Some(code);
    } else {
        out.late_code = Some(code.span());
    }
}

fn is_constant_case(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_uppercase()) && !name.bytes().any(|b| b.is_ascii_lowercase())
}

fn parse_value_option(
    input: ParseStream,
    out: &mut StatusAttr,
    key: Ident,
    name: &str,
) -> syn::Result<()> {
    if !OPTIONS.contains(&name) {
        // Skip the value so that the rest of the attribute is still checked.
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<TokenTree>()?;
        }
        out.unknown.push(key);
        return Ok(());
    }
    let lit = parse_string_value(input, &key, name)?;
    store_string_option(out, key, name, lit)
}

/// Stores `name = "…"` for the options whose value is a string.
fn store_string_option(
    out: &mut StatusAttr,
    key: Ident,
    name: &str,
    lit: LitStr,
) -> syn::Result<()> {
    match name {
        "message" => set_once(
            &mut out.message,
            Opt {
                key,
                value: TemplateLit::new(lit),
            },
            &mut out.duplicates,
        ),
        "code" => set_once(
            &mut out.machine_code,
            Opt {
                key,
                value: StrLit::new(lit),
            },
            &mut out.duplicates,
        ),
        "format" => set_once(
            &mut out.format,
            Opt {
                key,
                value: StrLit::new(lit),
            },
            &mut out.duplicates,
        ),
        "type" => set_once(
            &mut out.problem_type,
            Opt {
                key,
                value: StrLit::new(lit),
            },
            &mut out.duplicates,
        ),
        "reason" => set_once(
            &mut out.reason,
            Opt {
                key,
                value: StrLit::new(lit),
            },
            &mut out.duplicates,
        ),
        "crate" => set_once(
            &mut out.krate,
            Opt {
                key,
                value: StrLit::new(lit),
            },
            &mut out.duplicates,
        ),
        _ => {
            return Err(syn::Error::new(
                key.span(),
                format!("`{name}` is a flag or a list, not `{name} = ...`"),
            ))
        }
    }
    Ok(())
}

fn parse_string_value(input: ParseStream, key: &Ident, name: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let help = match name {
        "code" if input.peek(LitInt) => {
            "`code` is the machine-readable error code, a string such as `code = \"USER_NOT_FOUND\"`; the status code comes first: `#[status(404, code = \"...\")]`".to_owned()
        }
        "format" => "`format` is one of \"problem\", \"json\", \"text\"".to_owned(),
        "crate" => "write the path as a string: `crate = \"my_reexport::http_status\"`".to_owned(),
        _ => format!("`{name}` takes a string literal: `{name} = \"...\"`"),
    };
    let span = input
        .fork()
        .parse::<TokenTree>()
        .map_or_else(|_| key.span(), |t| t.span());
    Err(syn::Error::new(span, help))
}

fn parse_header(content: ParseStream, key: Ident) -> syn::Result<HeaderOpt> {
    const SHAPE: &str = "expected `header(\"Header-Name\" = \"value\")`";
    if !content.peek(LitStr) {
        let span = content
            .fork()
            .parse::<TokenTree>()
            .map_or_else(|_| key.span(), |t| t.span());
        let help = if content.peek(Ident::peek_any) {
            format!("{SHAPE}: the header name is a string, so that names such as `WWW-Authenticate` can be written")
        } else {
            SHAPE.to_owned()
        };
        return Err(syn::Error::new(span, help));
    }
    let name: LitStr = content.parse()?;
    if !content.peek(Token![=]) {
        return Err(syn::Error::new(
            content.span(),
            format!("{SHAPE}: a value is missing after {}", quote::quote!(#name)),
        ));
    }
    content.parse::<Token![=]>()?;
    if !content.peek(LitStr) {
        return Err(syn::Error::new(
            content.span(),
            "the header value is a string: `\"120\"`, or `\"{field}\"` to take it from a field",
        ));
    }
    let value: LitStr = content.parse()?;
    if !content.is_empty() {
        return Err(syn::Error::new(
            content.span(),
            "one header per `header(...)`: write `header(\"A\" = \"1\"), header(\"B\" = \"2\")`",
        ));
    }
    Ok(HeaderOpt {
        key,
        name_text: name.value(),
        name,
        value: TemplateLit::new(value),
    })
}

fn set_once<T: KeySpan>(slot: &mut Option<T>, value: T, duplicates: &mut Vec<(Span, Ident)>) {
    match slot {
        Some(existing) => duplicates.push((existing.key_span(), value.key_ident())),
        None => *slot = Some(value),
    }
}

trait KeySpan {
    fn key_span(&self) -> Span;
    fn key_ident(&self) -> Ident;
}

impl KeySpan for Ident {
    fn key_span(&self) -> Span {
        self.span()
    }
    fn key_ident(&self) -> Ident {
        self.clone()
    }
}

impl<T> KeySpan for Opt<T> {
    fn key_span(&self) -> Span {
        self.key.span()
    }
    fn key_ident(&self) -> Ident {
        self.key.clone()
    }
}

/// What thiserror's `#[error(...)]` on a variant says, as far as the body is concerned.
pub enum ErrorText {
    /// A string with no placeholders and no arguments: what `Display` prints is known now.
    Literal { text: String, written: String },
    /// Anything else (`"{id}"`, extra arguments, `transparent`, `fmt = ...`): `Display`
    /// must run. `written` is the format string when there is one.
    Runtime { written: Option<String> },
}

impl ErrorText {
    pub fn written(&self) -> Option<&str> {
        match self {
            ErrorText::Literal { written, .. } => Some(written),
            ErrorText::Runtime { written } => written.as_deref(),
        }
    }
}

/// Reads `#[error(...)]`. thiserror reports its own syntax errors, so nothing here fails.
pub fn parse_error_text(attr: &Attribute) -> ErrorText {
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let lit: LitStr = input.parse()?;
        let bare = input.is_empty() || (input.parse::<Token![,]>().is_ok() && input.is_empty());
        Ok((lit.value(), bare))
    });
    match parsed {
        Ok((written, true)) => match Template::parse(&written).ok().and_then(|t| t.literal()) {
            Some(text) => ErrorText::Literal { text, written },
            None => ErrorText::Runtime {
                written: Some(written),
            },
        },
        Ok((written, false)) => ErrorText::Runtime {
            written: Some(written),
        },
        Err(_) => ErrorText::Runtime { written: None },
    }
}
