//! Parses `#[status(...)]` into an [`Attr`]: the status code, and a list of items whose keys
//! and value shapes come from the vocabulary table (`options`). Only malformed syntax is an
//! error here; everything that parses (unknown options, duplicates, options at the wrong
//! place) is recorded for `valid`.

pub mod error_text;
pub mod options;

use crate::template::{Template, TemplateError};
use options::{Def, Key, Value};
use proc_macro2::{Literal, Span, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser as _};
use syn::spanned::Spanned as _;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token};

/// How the status code is written.
pub enum CodeSpec {
    /// A number: its token, and its digits in base 10 (without a suffix).
    Number { lit: Literal, digits: String },
    /// `NOT_FOUND`, or a path ending in one (`StatusCode::NOT_FOUND`).
    Name(Path),
}

impl CodeSpec {
    pub fn tokens(&self) -> &dyn quote::ToTokens {
        match self {
            CodeSpec::Number { lit, .. } => lit,
            CodeSpec::Name(path) => path,
        }
    }

    /// One span for the code: the number, or the name at the end of the path. Warnings
    /// (which carry a single span) point here.
    pub fn span(&self) -> Span {
        match self {
            CodeSpec::Number { lit, .. } => lit.span(),
            CodeSpec::Name(path) => path
                .segments
                .last()
                .map_or_else(|| path.span(), |s| s.ident.span()),
        }
    }
}

/// A string literal (for its span and tokens) and its value, read once: asking the compiler
/// for a literal's text is a call across the proc-macro bridge.
pub struct StrLit {
    pub lit: Literal,
    pub text: String,
}

impl StrLit {
    fn new((lit, text): (Literal, String)) -> Self {
        StrLit { lit, text }
    }
}

/// A string that may interpolate fields, and what parsing it gave.
pub struct TemplateLit {
    pub lit: Literal,
    pub text: String,
    pub parsed: Result<Template, TemplateError>,
}

impl TemplateLit {
    pub fn new((lit, text): (Literal, String)) -> Self {
        let parsed = Template::parse(&text);
        TemplateLit { lit, text, parsed }
    }

    /// The text, if it has no placeholder.
    pub fn literal(&self) -> Option<String> {
        self.parsed.as_ref().ok().and_then(Template::literal)
    }
}

pub struct HeaderOpt {
    pub name: StrLit,
    pub value: TemplateLit,
}

impl HeaderOpt {
    pub fn name(&self) -> &str {
        &self.name.text
    }
}

/// `format = "json"` or `format = my::Format`.
pub enum FormatSpec {
    Named(StrLit),
    Type(Path),
}

/// The value of one item, shaped as its row in the vocabulary says.
pub enum ItemValue {
    Flag,
    Bool(syn::LitBool),
    Str(StrLit),
    Template(TemplateLit),
    Header(HeaderOpt),
    Rules(Vec<Ident>),
    Format(FormatSpec),
    Name(Option<StrLit>),
}

/// One option as written.
pub struct Item {
    pub key: Ident,
    pub def: &'static Def,
    pub value: ItemValue,
}

/// One `#[status(...)]` attribute.
pub struct Attr<'a> {
    pub original: &'a Attribute,
    pub code: Option<CodeSpec>,
    /// A code written after an option rather than first.
    pub late_codes: Vec<Span>,
    pub items: Vec<Item>,
    pub unknown: Vec<Ident>,
}

impl<'a> Attr<'a> {
    /// The first item of `key`.
    pub fn get(&self, key: Key) -> Option<&Item> {
        for item in &self.items {
            if item.def.key == key {
                return Some(item);
            }
        }
        None
    }

    pub fn has(&self, key: Key) -> bool {
        self.get(key).is_some()
    }

    // The lookups are `for` loops, and lists are returned as `Vec`s rather than iterator
    // adapters: every closure passed to a generic adapter, at every call site of one, is more
    // generic code for rustc to compile (this crate is on the critical path of users' builds).

    pub fn template(&self, key: Key) -> Option<(&Ident, &TemplateLit)> {
        for item in &self.items {
            match &item.value {
                ItemValue::Template(template) if item.def.key == key => {
                    return Some((&item.key, template))
                }
                _ => {}
            }
        }
        None
    }

    pub fn str(&self, key: Key) -> Option<&StrLit> {
        for item in &self.items {
            match &item.value {
                ItemValue::Str(lit) if item.def.key == key => return Some(lit),
                _ => {}
            }
        }
        None
    }

    /// The `= true`/`= false` of a boolean option.
    pub fn boolean(&self, key: Key) -> Option<&syn::LitBool> {
        for item in &self.items {
            match &item.value {
                ItemValue::Bool(lit) if item.def.key == key => return Some(lit),
                _ => {}
            }
        }
        None
    }

    pub fn flag(&self, key: Key) -> Option<&Ident> {
        Some(&self.get(key)?.key)
    }

    pub fn format(&self) -> Option<(&Ident, &FormatSpec)> {
        for item in &self.items {
            if let ItemValue::Format(format) = &item.value {
                return Some((&item.key, format));
            }
        }
        None
    }

    /// The headers written in this attribute.
    pub fn headers(&self) -> Vec<&HeaderOpt> {
        let mut headers = Vec::new();
        for item in &self.items {
            if let ItemValue::Header(header) = &item.value {
                headers.push(header);
            }
        }
        headers
    }

    /// The rule names of every `allow(...)`.
    pub fn allowed(&self) -> Vec<&Ident> {
        let mut rules = Vec::new();
        for item in &self.items {
            if let ItemValue::Rules(names) = &item.value {
                for name in names {
                    rules.push(name);
                }
            }
        }
        rules
    }

    /// Whether an `allow(...)` names `rule`.
    pub fn allows(&self, rule: &str) -> bool {
        for item in &self.items {
            if let ItemValue::Rules(names) = &item.value {
                for name in names {
                    if name == rule {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The name of `#[status(extension = "name")]`, if given.
    pub fn extension(&self) -> Option<(&Ident, Option<&StrLit>)> {
        for item in &self.items {
            if let ItemValue::Name(name) = &item.value {
                return Some((&item.key, name.as_ref()));
            }
        }
        None
    }
}

impl<'a> Attr<'a> {
    fn new(original: &'a Attribute) -> Self {
        Attr {
            original,
            code: None,
            late_codes: Vec::new(),
            items: Vec::new(),
            unknown: Vec::new(),
        }
    }
}

/// Parses one `#[status(...)]`: by the fast path when every item has one of the common forms,
/// else by the full parser.
pub fn parse_status(attr: &Attribute) -> syn::Result<Attr<'_>> {
    if let syn::Meta::List(list) = &attr.meta {
        if let Some(parsed) = fast::parse(attr, &list.tokens) {
            return Ok(parsed);
        }
    }
    let mut out = Attr::new(attr);
    let list = match &attr.meta {
        syn::Meta::List(list) => list,
        _ => {
            return Err(syn::Error::new_spanned(
                attr,
                "expected `#[status(CODE, ...)]`, e.g. `#[status(404)]` or `#[status(NOT_FOUND, message = \"...\")]`",
            ))
        }
    };
    parse_tokens(list, &mut |input| {
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
    })?;
    Ok(out)
}

/// Parses the tokens of `list` with `parse`, which must read them all. A `dyn`, so that syn's
/// generic parser is compiled once for every attribute this crate reads, not once per closure.
pub fn parse_tokens(
    list: &syn::MetaList,
    parse: &mut dyn FnMut(ParseStream) -> syn::Result<()>,
) -> syn::Result<()> {
    parse.parse2(list.tokens.clone())
}

const EXPECTED: &str =
    "expected a status code (`404`, `NOT_FOUND`) or an option (`message = \"...\"`)";

fn parse_item(input: ParseStream, out: &mut Attr, first: bool) -> syn::Result<()> {
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        record_code(out, number(&lit), first);
        return Ok(());
    }
    if !input.peek(Ident::peek_any) {
        let found: Option<TokenTree> = input.parse().ok();
        let span = found.map_or_else(|| input.span(), |t| t.span());
        return Err(syn::Error::new(span, EXPECTED));
    }
    if input.peek2(Token![::]) {
        let path: Path = input.call(Path::parse_mod_style)?;
        record_code(out, CodeSpec::Name(path), first);
        return Ok(());
    }
    let key = input.call(Ident::parse_any)?;
    let has_value = input.peek(Token![=]) || input.peek(syn::token::Paren);
    match options::named(&key.to_string()) {
        Some(def) => {
            let value = parse_value(input, &key, def)?;
            out.items.push(Item { key, def, value });
        }
        None if has_value => {
            skip_value(input)?;
            out.unknown.push(key);
        }
        None => not_an_option(out, key, first),
    }
    Ok(())
}

/// A word alone that names no option: the code's name when first, a misplaced code, or an
/// unknown option.
fn not_an_option(out: &mut Attr, key: Ident, first: bool) {
    if first {
        out.code = Some(CodeSpec::Name(Path::from(key)));
    } else if is_constant_case(&key.to_string()) {
        out.late_codes.push(key.span());
    } else {
        out.unknown.push(key);
    }
}

/// An integer literal as a code.
fn number(lit: &LitInt) -> CodeSpec {
    CodeSpec::Number {
        lit: lit.token(),
        digits: lit.base10_digits().to_owned(),
    }
}

/// A string literal's token and value.
fn string(lit: LitStr) -> (Literal, String) {
    (lit.token(), lit.value())
}

/// The value of `key = "text"` for an option whose value is a string, if it takes one.
fn string_item(def: &Def, lit: (Literal, String)) -> Option<ItemValue> {
    Some(match def.value {
        Value::Template(_) => ItemValue::Template(TemplateLit::new(lit)),
        Value::Literal(_) => ItemValue::Str(StrLit::new(lit)),
        Value::Format => ItemValue::Format(FormatSpec::Named(StrLit::new(lit))),
        Value::OptionalName => ItemValue::Name(Some(StrLit::new(lit))),
        Value::Flag | Value::Bool | Value::Header | Value::Rules => return None,
    })
}

/// The value of an option written alone, if it can be.
fn bare_item(def: &Def) -> Option<ItemValue> {
    match def.value {
        Value::Flag => Some(ItemValue::Flag),
        Value::OptionalName => Some(ItemValue::Name(None)),
        _ => None,
    }
}

/// The common forms, read straight from the token trees: an integer code, `key = "string"`,
/// a word. Anything else (paths, groups, mistakes) returns `None`, and the full parser reads
/// the attribute from the start. Both paths store through `string_item`, `bare_item`,
/// `record_code` and `not_an_option`. (Each `peek` of syn's parser costs thousands of
/// instructions in the unoptimised build a proc macro runs in, and a 1,000-variant enum makes
/// tens of thousands.)
mod fast {
    use super::*;
    use proc_macro2::{Delimiter, Spacing, TokenStream};

    pub fn parse<'a>(attr: &'a Attribute, tokens: &TokenStream) -> Option<Attr<'a>> {
        let mut out = Attr::new(attr);
        let mut trees = tokens.clone().into_iter().peekable();
        let mut first = true;
        while let Some(tree) = trees.next() {
            match tree {
                TokenTree::Literal(literal) => {
                    let repr = literal.to_string();
                    let code = if crate::ascii::all(&repr, u8::is_ascii_digit) {
                        CodeSpec::Number {
                            lit: literal,
                            digits: repr,
                        }
                    } else {
                        match syn::Lit::new(literal) {
                            syn::Lit::Int(int) => number(&int),
                            _ => return None,
                        }
                    };
                    record_code(&mut out, code, first);
                }
                TokenTree::Ident(key) => {
                    let def = options::named(&key.to_string());
                    match trees.peek() {
                        Some(TokenTree::Punct(eq))
                            if eq.as_char() == '=' && eq.spacing() == Spacing::Alone =>
                        {
                            trees.next();
                            let Some(TokenTree::Literal(literal)) = trees.next() else {
                                return None;
                            };
                            let def = def?;
                            let value = string_item(def, string_literal(literal)?)?;
                            out.items.push(Item { key, def, value });
                        }
                        Some(TokenTree::Group(group))
                            if group.delimiter() == Delimiter::Parenthesis =>
                        {
                            // `header("Name" = "value")`, one in ten attributes of a large
                            // enum: syn's parser cost it 195 K instructions. Anything else, and
                            // every mistake, goes to syn's path and its messages.
                            let def = def.filter(|def| matches!(def.value, Value::Header))?;
                            let value = header(group.stream())?;
                            trees.next();
                            out.items.push(Item {
                                key,
                                def,
                                value: ItemValue::Header(value),
                            });
                        }
                        Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {
                            word(&mut out, key, def, first)?;
                        }
                        None => word(&mut out, key, def, first)?,
                        Some(_) => return None,
                    }
                }
                _ => return None,
            }
            first = false;
            match trees.next() {
                None => break,
                Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {}
                Some(_) => return None,
            }
        }
        Some(out)
    }

    /// The value of a string literal: read directly when it has no escapes (the usual case),
    /// else by syn.
    fn string_literal(literal: Literal) -> Option<(Literal, String)> {
        let repr = literal.to_string();
        if let Some(inner) = repr.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            if !inner.contains('\\') {
                return Some((literal, inner.to_owned()));
            }
        }
        match syn::Lit::new(literal) {
            syn::Lit::Str(lit) => Some(string(lit)),
            _ => None,
        }
    }

    /// The inside of `header("Name" = "value")`, when it is exactly that.
    fn header(tokens: TokenStream) -> Option<HeaderOpt> {
        let mut trees = tokens.into_iter();
        let (
            Some(TokenTree::Literal(name)),
            Some(TokenTree::Punct(eq)),
            Some(TokenTree::Literal(value)),
            None,
        ) = (trees.next(), trees.next(), trees.next(), trees.next())
        else {
            return None;
        };
        if eq.as_char() != '=' || eq.spacing() != Spacing::Alone {
            return None;
        }
        Some(HeaderOpt {
            name: StrLit::new(string_literal(name)?),
            value: TemplateLit::new(string_literal(value)?),
        })
    }

    fn word(out: &mut Attr, key: Ident, def: Option<&'static Def>, first: bool) -> Option<()> {
        match def {
            Some(def) => {
                let value = bare_item(def)?;
                out.items.push(Item { key, def, value });
            }
            None => not_an_option(out, key, first),
        }
        Some(())
    }
}

fn record_code(out: &mut Attr, code: CodeSpec, first: bool) {
    if first {
        out.code = Some(code);
    } else {
        out.late_codes.push(code.span());
    }
}

fn is_constant_case(name: &str) -> bool {
    crate::ascii::any(name, u8::is_ascii_uppercase)
        && !crate::ascii::any(name, u8::is_ascii_lowercase)
}

/// Skips an unknown option's value so that the rest of the attribute is still read.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn parse_value(input: ParseStream, key: &Ident, def: &Def) -> syn::Result<ItemValue> {
    let name = def.name;
    let has_value = input.peek(Token![=]) || input.peek(syn::token::Paren);
    if !has_value {
        if let Some(value) = bare_item(def) {
            return Ok(value);
        }
    }
    match def.value {
        Value::Flag => Err(syn::Error::new(
            key.span(),
            format!("`{name}` is a flag and takes no value: write `{name}`"),
        )),
        Value::Format => {
            equals(input, key, def)?;
            if input.peek(LitStr) {
                return string_item(def, string(input.parse()?))
                    .ok_or_else(|| input.error(EXPECTED));
            }
            if input.peek(Ident::peek_any) {
                return Ok(ItemValue::Format(FormatSpec::Type(
                    input.call(Path::parse_mod_style)?,
                )));
            }
            Err(syn::Error::new(
                next_span(input, key),
                format!(
                    "`format` is one of {}, or the path of a type implementing `http_status::Format`",
                    options::format_names()
                ),
            ))
        }
        Value::Bool => {
            equals(input, key, def)?;
            if input.peek(syn::LitBool) {
                return Ok(ItemValue::Bool(input.parse()?));
            }
            Err(syn::Error::new(
                next_span(input, key),
                format!("`{}` is `true` or `false`: `{}`", def.name, def.example),
            ))
        }
        Value::Template(_) | Value::Literal(_) | Value::OptionalName => {
            equals(input, key, def)?;
            let lit = string_value(input, key, def)?;
            string_item(def, string(lit)).ok_or_else(|| input.error(EXPECTED))
        }
        Value::Header => {
            let content;
            if !input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    key.span(),
                    "`header` takes a name and a value: `header(\"Retry-After\" = \"120\")`",
                ));
            }
            syn::parenthesized!(content in input);
            Ok(ItemValue::Header(parse_header(&content, key)?))
        }
        Value::Rules => {
            if !input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    key.span(),
                    "`allow` takes rule names: `allow(missing_retry_after)`",
                ));
            }
            let content;
            syn::parenthesized!(content in input);
            let rules = content.parse_terminated(Ident::parse_any, Token![,])?;
            Ok(ItemValue::Rules(rules.into_iter().collect()))
        }
    }
}

fn equals(input: ParseStream, key: &Ident, def: &Def) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return Ok(());
    }
    Err(syn::Error::new(
        key.span(),
        format!("`{}` takes a value: `{}`", def.name, def.example),
    ))
}

fn next_span(input: ParseStream, key: &Ident) -> Span {
    input
        .fork()
        .parse::<TokenTree>()
        .map_or_else(|_| key.span(), |t| t.span())
}

fn string_value(input: ParseStream, key: &Ident, def: &Def) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let help = match def.key {
        Key::Code if input.peek(LitInt) => {
            "`code` is the machine-readable error code, a string such as `code = \"USER_NOT_FOUND\"`; the status code comes first: `#[status(404, code = \"...\")]`".to_owned()
        }
        Key::Crate => "write the path as a string: `crate = \"my_reexport::http_status\"`".to_owned(),
        Key::Level | Key::Grpc => format!("`{}` takes its name as a string: `{}`", def.name, def.example),
        _ => format!("`{}` takes a string literal: `{}`", def.name, def.example),
    };
    Err(syn::Error::new(next_span(input, key), help))
}

fn parse_header(content: ParseStream, key: &Ident) -> syn::Result<HeaderOpt> {
    const SHAPE: &str = "expected `header(\"Header-Name\" = \"value\")`";
    if !content.peek(LitStr) {
        let help = if content.peek(Ident::peek_any) {
            format!("{SHAPE}: the header name is a string, so that names such as `WWW-Authenticate` can be written")
        } else {
            SHAPE.to_owned()
        };
        return Err(syn::Error::new(next_span(content, key), help));
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
        name: StrLit::new(string(name)),
        value: TemplateLit::new(string(value)),
    })
}
