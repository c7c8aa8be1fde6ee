//! Every rule, one function each, grouped by what it looks at: attributes as written
//! (`attrs`), the status code (`codes`), headers (`headers`), bodies and members (`bodies`),
//! templates (`templates`). The facts come from the `status-core` registry; these files only
//! decide what to say about them.
//!
//! The rule table (`rules.rs`) says which function checks each rule and at which scope; this
//! module runs them, scope by scope, place by place:
//!
//! - a `#[status(...)]` as written ([`Site`]): once, whatever inherits it;
//! - a variant, on what it resolves to;
//! - a distinct response: a variant with attributes of its own, or all the variants of one
//!   status that take everything from the enum, together;
//! - an option as written at a status it is used with ([`OptionAt`]): an enum option reached
//!   by variants of two statuses is judged twice, once per status, and never per variant;
//! - the type as a whole.
//!
//! So an enum default is reported once where it is written (per status, where the status
//! matters), and nothing is de-duplicated after the fact.

pub(crate) mod attrs;
pub(crate) mod bodies;
pub(crate) mod codes;
pub(crate) mod decode;
pub(crate) mod headers;
pub(crate) mod templates;

use crate::ast::{Attrs, Field, Input};
use crate::attr::options::Places;
use crate::attr::{Attr, Item};
use crate::diag::Diagnostics;
use crate::resolve::{Code, Resolved};
use crate::rules::{Check, Message, Rule, RULES};
use proc_macro2::Span;
use quote::ToTokens;

/// Where findings go, with the warnings silenced at the place being checked left out.
pub struct Report<'d> {
    diag: &'d mut Diagnostics,
    silenced: &'d dyn Fn(Rule) -> bool,
}

impl<'d> Report<'d> {
    fn new(diag: &'d mut Diagnostics, silenced: &'d dyn Fn(Rule) -> bool) -> Self {
        Report { diag, silenced }
    }

    /// An error at the tokens of `at` (their whole span).
    pub fn error(&mut self, at: &dyn ToTokens, message: Message) {
        self.diag.error(at, message);
    }

    /// An error at a single span.
    pub fn error_at(&mut self, span: Span, message: Message) {
        self.diag.error_at(span, message);
    }

    /// The second half of the error just reported, at another span.
    pub fn note_at(&mut self, span: Span, text: String) {
        self.diag.note_at(span, text);
    }

    /// A warning, unless its rule is allowed where it is.
    pub fn warning(&mut self, span: Span, message: Message) {
        if !(self.silenced)(message.rule) {
            self.diag.warning(span, message);
        }
    }
}

/// One `#[status(...)]` as written.
pub struct Site<'s, 'i, 'a> {
    pub input: &'i Input<'a>,
    pub attr: &'i Attr<'a>,
    pub place: Places,
    /// The type's attribute, when this is a variant's or a field's.
    pub enclosing: Option<&'i Attr<'a>>,
    /// The field it is written on, for a field attribute.
    pub field: Option<&'i Field<'a>>,
    /// The variants whose responses it shapes (for a field, its variant).
    pub reaches: Vec<&'s Resolved<'i, 'a>>,
}

impl Site<'_, '_, '_> {
    /// The reason phrase this attribute's code is sent with: its own, else the enum's.
    pub fn has_reason(&self) -> bool {
        let key = crate::attr::options::Key::Reason;
        self.attr.has(key) || matches!(self.enclosing, Some(a) if a.has(key))
    }

    /// Whether a warning is allowed here: by this attribute, by the enum's, or by every
    /// variant it reaches.
    fn silences(&self, rule: Rule) -> bool {
        let name = rule.name();
        let written = self.attr.allows(name) || matches!(self.enclosing, Some(a) if a.allows(name));
        written || (!self.reaches.is_empty() && all_allow(&self.reaches, rule))
    }
}

/// One option as written, at one status of the variants it reaches.
pub struct OptionAt<'s, 'i, 'a> {
    pub item: &'i Item,
    /// Written on the variant (or struct) itself, rather than inherited from the enum.
    pub own: bool,
    pub code: Code<'i>,
    /// The variants with this status that use the option; the first stands for all.
    pub variants: Vec<&'s Resolved<'i, 'a>>,
}

impl<'i, 'a> OptionAt<'_, 'i, 'a> {
    pub fn variant(&self) -> &Resolved<'i, 'a> {
        self.variants[0]
    }

    /// "404 Not Found", or for an enum option "variant `A` (404 Not Found)", naming the first
    /// variant that inherits it.
    pub fn on(&self) -> String {
        let variant = self.variant();
        if self.own || !variant.variant.is_enum_variant {
            self.code.describe()
        } else {
            format!(
                "variant `{}` ({})",
                variant.variant.name(),
                self.code.describe()
            )
        }
    }
}

fn all_allow(variants: &[&Resolved], rule: Rule) -> bool {
    for variant in variants {
        if !variant.allows(rule.name()) {
            return false;
        }
    }
    true
}

/// The table's checks sorted by scope, each scope in the table's order: sorted once, since
/// walking the whole table for each variant and option, through iterator
/// adapters in the unoptimised build a proc macro runs in, was 50 M instructions of a
/// 1,000-variant enum's 450 M.
///
/// Each list holds `Check`s of its one scope (rather than bare function pointers): one `Vec`
/// type for the five, not one per signature.
struct Checks {
    types: Vec<Check>,
    attributes: Vec<Check>,
    variants: Vec<Check>,
    responses: Vec<Check>,
    options: Vec<Check>,
}

impl Checks {
    /// The table's checks, sorted the first time a derive asks.
    fn get() -> &'static Checks {
        static CHECKS: std::sync::OnceLock<Checks> = std::sync::OnceLock::new();
        CHECKS.get_or_init(Checks::of_the_table)
    }

    fn of_the_table() -> Checks {
        let mut checks = Checks {
            types: Vec::new(),
            attributes: Vec::new(),
            variants: Vec::new(),
            responses: Vec::new(),
            options: Vec::new(),
        };
        for def in RULES {
            for &check in def.checks {
                let scope = match check {
                    Check::Type(_) => &mut checks.types,
                    Check::Attribute(_) => &mut checks.attributes,
                    Check::Variant(_) => &mut checks.variants,
                    Check::Response(_) => &mut checks.responses,
                    Check::OptionAt(_) => &mut checks.options,
                };
                scope.push(check);
            }
        }
        checks
    }
}

pub fn check(input: &Input, resolved: &[Resolved], diag: &mut Diagnostics) {
    let checks = Checks::get();
    let mut everyone = Vec::new();
    let mut responding = Vec::new();
    for variant in resolved {
        everyone.push(variant);
        if !variant.delegates() && variant.status().is_some() {
            responding.push(variant);
        }
    }
    let enum_attr = if input.is_struct() {
        None
    } else {
        input.attrs.first()
    };
    // In the order a reader meets them: the type's attribute (and each of its options at the
    // statuses it reaches), then each variant with its fields, its response and its options,
    // then what concerns the whole type.
    attribute_sites(
        input,
        &input.attrs,
        input.type_place(),
        None,
        None,
        everyone,
        diag,
    );
    if let Some(type_attr) = input.attrs.first() {
        options_at_status(type_attr, input.is_struct(), &responding, diag);
    }
    let mut groups = ResponseGroups::default();
    for (variant, this) in input.variants().iter().zip(resolved) {
        if variant.is_enum_variant {
            attribute_sites(
                input,
                &variant.attrs,
                Places::VARIANT,
                enum_attr,
                None,
                vec![this],
                diag,
            );
        }
        for field in &variant.fields {
            attribute_sites(
                input,
                &field.attrs,
                Places::FIELD,
                enum_attr,
                Some(field),
                vec![this],
                diag,
            );
        }
        let silenced = |rule: Rule| this.allows(rule.name());
        for check in &checks.variants {
            if let Check::Variant(check) = check {
                check(this, &mut Report::new(diag, &silenced));
            }
        }
        if let Some(code) = groups.first_of_its_response(this) {
            let group = groups.members(this, code, resolved);
            let silenced = |rule: Rule| all_allow(&group, rule);
            for check in &checks.responses {
                if let Check::Response(check) = check {
                    check(this, code, &mut Report::new(diag, &silenced));
                }
            }
        }
        // A variant's own options reach only that variant: asking every other one whether it
        // takes them made this quadratic in the number of variants.
        let own = if variant.is_enum_variant {
            variant.attrs.first()
        } else {
            None
        };
        if let Some(own) = own {
            if !this.delegates() && this.status().is_some() {
                options_at_status(own, true, &[this], diag);
            }
        }
    }
    let never = |_: Rule| false;
    for check in &checks.types {
        if let Check::Type(check) = check {
            check(input, resolved, &mut Report::new(diag, &never));
        }
    }
}

/// The attribute-scope checks of the first `#[status]` at one place (further ones are
/// duplicates, and only the first is read).
fn attribute_sites<'i, 'a>(
    input: &'i Input<'a>,
    attrs: &'i Attrs<'a>,
    place: Places,
    enclosing: Option<&'i Attr<'a>>,
    field: Option<&'i Field<'a>>,
    reaches: Vec<&Resolved<'i, 'a>>,
    diag: &mut Diagnostics,
) {
    for error in &attrs.syntax_errors {
        diag.syntax(error.clone());
    }
    let Some(attr) = attrs.first() else {
        return;
    };
    for extra in &attrs.status[1..] {
        diag.error(
            extra.original,
            Message::new(Rule::BadAttribute, "duplicate #[status] attribute").help(
                "merge its options into the first #[status(...)]: #[status(CODE, option, ...)]",
            ),
        );
    }
    let site = Site {
        input,
        attr,
        place,
        enclosing,
        field,
        reaches,
    };
    let silenced = |rule: Rule| site.silences(rule);
    for check in &Checks::get().attributes {
        if let Check::Attribute(check) = check {
            check(&site, &mut Report::new(diag, &silenced));
        }
    }
}

/// The distinct responses: each variant with an attribute of its own (or a field attribute,
/// or a struct) is one; the variants that take everything from the enum make one per status.
#[derive(Default)]
struct ResponseGroups {
    /// The statuses whose bare variants have been checked.
    bare_statuses: Vec<u16>,
}

impl ResponseGroups {
    /// The variant's status if it is the first variant of its response.
    fn first_of_its_response<'i>(&mut self, variant: &Resolved<'i, '_>) -> Option<Code<'i>> {
        if variant.delegates() {
            return None;
        }
        let code = variant.status()?;
        if !variant.is_bare() {
            return Some(code);
        }
        if self.bare_statuses.contains(&code.value) {
            return None;
        }
        self.bare_statuses.push(code.value);
        Some(code)
    }

    /// The variants that make one response with `variant`.
    fn members<'r, 'i, 'a>(
        &self,
        variant: &'r Resolved<'i, 'a>,
        code: Code,
        resolved: &'r [Resolved<'i, 'a>],
    ) -> Vec<&'r Resolved<'i, 'a>> {
        if !variant.is_bare() {
            return vec![variant];
        }
        let mut members = Vec::new();
        for other in resolved {
            if !other.is_bare() {
                continue;
            }
            if let Some(status) = other.status() {
                if status.value == code.value {
                    members.push(other);
                }
            }
        }
        members
    }
}

/// The option-scope checks of one attribute: each of its options, once per distinct status of
/// the variants that use it.
fn options_at_status(attr: &Attr, own: bool, responding: &[&Resolved], diag: &mut Diagnostics) {
    for item in &attr.items {
        let mut groups: Vec<(Code, Vec<&Resolved>)> = Vec::new();
        for &variant in responding {
            if !variant.takes(item) {
                continue;
            }
            let Some(code) = variant.status() else {
                continue;
            };
            match group_of(&mut groups, code.value) {
                Some(group) => group.push(variant),
                None => groups.push((code, vec![variant])),
            }
        }
        for (code, variants) in &mut groups {
            let at = OptionAt {
                item,
                own,
                code: *code,
                variants: std::mem::take(variants),
            };
            let silenced = |rule: Rule| all_allow(&at.variants, rule);
            for check in &Checks::get().options {
                if let Check::OptionAt(check) = check {
                    check(&at, &mut Report::new(diag, &silenced));
                }
            }
        }
    }
}

/// The variants already grouped under the status `value`.
fn group_of<'g, 's, 'i, 'a>(
    groups: &'g mut [(Code<'i>, Vec<&'s Resolved<'i, 'a>>)],
    value: u16,
) -> Option<&'g mut Vec<&'s Resolved<'i, 'a>>> {
    for (code, group) in groups {
        if code.value == value {
            return Some(group);
        }
    }
    None
}

/// `unused_allow` (warning): an `allow(rule)` for a warning that cannot fire where it is
/// written, which would hide nothing (and hide a future mistake if the status changes).
pub fn unused_allow(input: &Input, resolved: &[Resolved], report: &mut Report) {
    let unused_allow = Rule::UnusedAllow.name();
    let enum_allows_it = matches!(input.attrs.first(), Some(a) if a.allows(unused_allow));
    if !input.is_struct() {
        for variant in resolved {
            let Some(own) = variant.own else { continue };
            if variant.delegates() || enum_allows_it || own.allows(unused_allow) {
                continue;
            }
            for &ident in &own.allowed() {
                let Some(rule) = allowed_warning(ident) else {
                    continue;
                };
                if !can_fire(rule, variant) {
                    let place = match variant.code {
                        Some(code) => code.describe(),
                        None => format!("`{}`", variant.variant.name()),
                    };
                    unused(ident, rule, place, report);
                }
            }
        }
    }
    let Some(type_attr) = input.attrs.first() else {
        return;
    };
    if enum_allows_it {
        return;
    }
    for &ident in &type_attr.allowed() {
        let Some(rule) = allowed_warning(ident) else {
            continue;
        };
        if can_fire_anywhere(rule, resolved) {
            continue;
        }
        let place = if input.is_struct() {
            match resolved.first().and_then(|v| v.code) {
                Some(code) => code.describe(),
                None => format!("`{}`", input.name()),
            }
        } else {
            format!("any variant of `{}`", input.name())
        };
        unused(ident, rule, place, report);
    }
}

fn can_fire(rule: Rule, variant: &Resolved) -> bool {
    match rule.def().applies {
        Some(applies) => !variant.delegates() && applies(variant, variant.status()),
        None => false,
    }
}

fn can_fire_anywhere(rule: Rule, resolved: &[Resolved]) -> bool {
    for variant in resolved {
        if can_fire(rule, variant) {
            return true;
        }
    }
    false
}

/// The warning an `allow(...)` names, if it is one that can be allowed and checked.
fn allowed_warning(ident: &syn::Ident) -> Option<Rule> {
    match Rule::from_name(&ident.to_string()) {
        Some(rule) if rule.is_warning() && rule != Rule::UnusedAllow => Some(rule),
        _ => None,
    }
}

fn unused(ident: &syn::Ident, rule: Rule, place: String, report: &mut Report) {
    report.warning(
        ident.span(),
        Message::new(
            Rule::UnusedAllow,
            format!(
                "`allow({})` silences nothing: {} cannot fire on {place}",
                rule.name(),
                rule.name()
            ),
        )
        .help(format!("remove `{}` from allow(...)", rule.name())),
    );
}
