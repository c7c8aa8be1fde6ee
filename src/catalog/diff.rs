//! What changed between two versions of a catalogue, sorted for a reviewer: breaking changes,
//! additions, compatible changes.
//!
//! Matching: a response is the same response in both versions when it has the same code; a
//! response whose code changed, appeared or went is found by its variant name (`source`); a
//! response without a code whose variant was renamed is found by its status, in order. What
//! is left is removed (old) or added (new).
//!
//! A member renamed: one member gone and one new of the same Rust type in the same response.

use super::description::{HeaderDescription, MemberDescription, ValueKind};
use super::ResponseDescription;
use std::fmt;

/// What changed between two catalogues ([`ResponseCatalog::diff`]), each change in one of three
/// lists.
///
/// - **Breaking**: a response (a code) removed; a code renamed or removed; a status, a
///   Content-Type or a `type` URI changed; a member (or `errors`) removed or renamed, or its
///   kind changed; a header removed or the kind of its value changed; a gRPC code changed
///   (other than by the mapping of a changed status).
/// - **Additions**: a response (a code) added; a code given to a response that had none; a
///   member or header added.
/// - **Compatible**: titles, messages, doc comments, header values, `instance`, a member's
///   Rust type within its kind, retryable, log level, a variant renamed.
///
/// `Display` lists them by group, in a stable order (the old catalogue's, then what the new one
/// adds), one sentence each, or says `No changes.`.
///
/// [`ResponseCatalog::diff`]: super::ResponseCatalog::diff
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogDiff {
    breaking: Vec<Change>,
    additions: Vec<Change>,
    compatible: Vec<Change>,
}

impl CatalogDiff {
    /// Changes that break a client written against the old catalogue.
    pub fn breaking(&self) -> &[Change] {
        &self.breaking
    }

    /// New responses, codes, members and headers.
    pub fn additions(&self) -> &[Change] {
        &self.additions
    }

    /// Changes a client does not notice: texts, descriptions.
    pub fn compatible(&self) -> &[Change] {
        &self.compatible
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.breaking.is_empty() && self.additions.is_empty() && self.compatible.is_empty()
    }

    fn push(&mut self, response: &str, kind: ChangeKind) {
        let change = Change {
            response: response.to_owned(),
            kind,
        };
        match change.kind.class() {
            Class::Breaking => self.breaking.push(change),
            Class::Addition => self.additions.push(change),
            Class::Compatible => self.compatible.push(change),
        }
    }
}

impl fmt::Display for CatalogDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "No changes.");
        }
        let mut first = true;
        for (title, changes) in [
            ("Breaking changes", &self.breaking),
            ("Additions", &self.additions),
            ("Compatible changes", &self.compatible),
        ] {
            if changes.is_empty() {
                continue;
            }
            if !first {
                writeln!(f)?;
            }
            first = false;
            writeln!(f, "{title}:")?;
            for change in changes {
                writeln!(f, "- {change}")?;
            }
        }
        Ok(())
    }
}

/// One change to one response: `USER_NOT_FOUND: status changed from 404 to 410`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    response: String,
    kind: ChangeKind,
}

impl Change {
    /// The response: its code (the old one, when it changed), else its variant's name.
    pub fn response(&self) -> &str {
        &self.response
    }

    /// What changed.
    pub fn kind(&self) -> &ChangeKind {
        &self.kind
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.response, self.kind)
    }
}

/// What changed in one response. Texts are readable (`user <integer> not found`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant's fields are named for what they hold
pub enum ChangeKind {
    /// The response is gone (breaking).
    Removed {
        status: u16,
        title: String,
    },
    /// A new response (addition).
    Added {
        status: u16,
        title: String,
    },
    /// The variant now sends another code (breaking).
    CodeRenamed {
        to: String,
    },
    /// The variant sends no code any more (breaking).
    CodeRemoved,
    /// The variant sends a code it did not send (addition).
    CodeAdded {
        code: String,
    },
    StatusChanged {
        from: u16,
        to: u16,
    },
    /// `None`: no body.
    ContentTypeChanged {
        from: Option<String>,
        to: Option<String>,
    },
    /// `None`: `about:blank`.
    TypeChanged {
        from: Option<String>,
        to: Option<String>,
    },
    MemberRemoved {
        name: String,
    },
    MemberRenamed {
        from: String,
        to: String,
    },
    MemberKindChanged {
        name: String,
        from: ValueKind,
        to: ValueKind,
    },
    /// The Rust type changed within its kind (compatible).
    MemberTypeChanged {
        name: String,
        from: String,
        to: String,
    },
    MemberAdded {
        name: String,
        kind: ValueKind,
    },
    HeaderRemoved {
        name: String,
    },
    HeaderKindChanged {
        name: String,
        from: ValueKind,
        to: ValueKind,
    },
    HeaderValueChanged {
        name: String,
        from: String,
        to: String,
    },
    HeaderAdded {
        name: String,
    },
    GrpcCodeChanged {
        from: String,
        to: String,
    },
    TitleChanged {
        from: String,
        to: String,
    },
    /// `None`: no message (or a hidden one).
    MessageChanged {
        from: Option<String>,
        to: Option<String>,
    },
    DescriptionChanged,
    InstanceChanged {
        from: Option<String>,
        to: Option<String>,
    },
    RetryableChanged {
        to: bool,
    },
    LevelChanged {
        from: &'static str,
        to: &'static str,
    },
    /// A response without a code now comes from another variant (compatible: the variant's
    /// name is not sent).
    VariantRenamed {
        from: String,
        to: String,
    },
}

enum Class {
    Breaking,
    Addition,
    Compatible,
}

impl ChangeKind {
    fn class(&self) -> Class {
        use ChangeKind::*;
        match self {
            Removed { .. }
            | CodeRenamed { .. }
            | CodeRemoved
            | StatusChanged { .. }
            | ContentTypeChanged { .. }
            | TypeChanged { .. }
            | MemberRemoved { .. }
            | MemberRenamed { .. }
            | MemberKindChanged { .. }
            | HeaderRemoved { .. }
            | HeaderKindChanged { .. }
            | GrpcCodeChanged { .. } => Class::Breaking,
            Added { .. } | CodeAdded { .. } | MemberAdded { .. } | HeaderAdded { .. } => {
                Class::Addition
            }
            MemberTypeChanged { .. }
            | HeaderValueChanged { .. }
            | TitleChanged { .. }
            | MessageChanged { .. }
            | DescriptionChanged
            | InstanceChanged { .. }
            | RetryableChanged { .. }
            | LevelChanged { .. }
            | VariantRenamed { .. } => Class::Compatible,
        }
    }
}

/// Quoted text, or `none`.
struct Quoted<'a>(&'a Option<String>, &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(text) => write!(f, "{text:?}"),
            None => f.write_str(self.1),
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ChangeKind::*;
        match self {
            Removed { status, title } => write!(f, "removed (was {status} {title})"),
            Added { status, title } => write!(f, "added ({status} {title})"),
            CodeRenamed { to } => write!(f, "code renamed to {to}"),
            CodeRemoved => write!(f, "code removed"),
            CodeAdded { code } => write!(f, "code {code} added"),
            StatusChanged { from, to } => write!(f, "status changed from {from} to {to}"),
            ContentTypeChanged { from, to } => write!(
                f,
                "Content-Type changed from {} to {}",
                from.as_deref().unwrap_or("none"),
                to.as_deref().unwrap_or("none")
            ),
            TypeChanged { from, to } => write!(
                f,
                "type changed from {} to {}",
                from.as_deref().unwrap_or("about:blank"),
                to.as_deref().unwrap_or("about:blank")
            ),
            MemberRemoved { name } => write!(f, "member `{name}` removed"),
            MemberRenamed { from, to } => write!(f, "member `{from}` renamed to `{to}`"),
            MemberKindChanged { name, from, to } => write!(
                f,
                "member `{name}` changed from {} to {}",
                from.name(),
                to.name()
            ),
            MemberTypeChanged { name, from, to } => {
                write!(f, "member `{name}` changed type from {from} to {to}")
            }
            MemberAdded { name, kind } => write!(f, "member `{name}` added ({})", kind.name()),
            HeaderRemoved { name } => write!(f, "header `{name}` removed"),
            HeaderKindChanged { name, from, to } => write!(
                f,
                "header `{name}` changed from {} to {}",
                from.name(),
                to.name()
            ),
            HeaderValueChanged { name, from, to } => {
                write!(f, "header `{name}` changed from {from:?} to {to:?}")
            }
            HeaderAdded { name } => write!(f, "header `{name}` added"),
            GrpcCodeChanged { from, to } => write!(f, "gRPC code changed from {from} to {to}"),
            TitleChanged { from, to } => write!(f, "title changed from {from:?} to {to:?}"),
            MessageChanged { from, to } => write!(
                f,
                "message changed from {} to {}",
                Quoted(from, "none"),
                Quoted(to, "none")
            ),
            DescriptionChanged => write!(f, "description changed"),
            InstanceChanged { from, to } => write!(
                f,
                "instance changed from {} to {}",
                Quoted(from, "none"),
                Quoted(to, "none")
            ),
            RetryableChanged { to: true } => write!(f, "now retryable"),
            RetryableChanged { to: false } => write!(f, "no longer retryable"),
            LevelChanged { from, to } => write!(f, "log level changed from {from} to {to}"),
            VariantRenamed { from, to } => write!(f, "variant renamed from {from} to {to}"),
        }
    }
}

/// How a response is named in a change.
fn name(d: &ResponseDescription) -> &str {
    d.code().unwrap_or(d.source())
}

pub(super) fn diff(old: &[ResponseDescription], new: &[ResponseDescription]) -> CatalogDiff {
    let pairs = pair(old, new);
    let mut out = CatalogDiff::default();
    let mut paired_new = vec![false; new.len()];
    for (o, n) in pairs.iter().enumerate() {
        match n {
            Some(n) => {
                paired_new[*n] = true;
                compare(&mut out, &old[o], &new[*n]);
            }
            None => out.push(
                name(&old[o]),
                ChangeKind::Removed {
                    status: old[o].status.as_u16(),
                    title: old[o].title().to_owned(),
                },
            ),
        }
    }
    for (_, d) in new.iter().enumerate().filter(|(n, _)| !paired_new[*n]) {
        out.push(
            name(d),
            ChangeKind::Added {
                status: d.status.as_u16(),
                title: d.title().to_owned(),
            },
        );
    }
    out
}

/// For each old response, the new one it is: by code (the same variant first), then by
/// variant name, then (without a code on either side) by status.
fn pair(old: &[ResponseDescription], new: &[ResponseDescription]) -> Vec<Option<usize>> {
    let mut taken = vec![false; new.len()];
    let mut pairs = vec![None; old.len()];
    let take = |pairs: &mut Vec<Option<usize>>,
                taken: &mut Vec<bool>,
                same: &dyn Fn(&ResponseDescription, &ResponseDescription) -> bool| {
        for (o, old) in old.iter().enumerate() {
            if pairs[o].is_some() {
                continue;
            }
            let found = (0..new.len()).find(|&n| !taken[n] && same(old, &new[n]));
            if let Some(n) = found {
                taken[n] = true;
                pairs[o] = Some(n);
            }
        }
    };
    let code = |d: &ResponseDescription| d.code_template().map(|c| c.as_str().to_owned());
    take(&mut pairs, &mut taken, &|o, n| {
        code(o).is_some() && code(o) == code(n) && o.source == n.source
    });
    take(&mut pairs, &mut taken, &|o, n| {
        code(o).is_some() && code(o) == code(n)
    });
    // A variant whose code changed, appeared or went.
    take(&mut pairs, &mut taken, &|o, n| o.source == n.source);
    take(&mut pairs, &mut taken, &|o, n| {
        code(o).is_none() && code(n).is_none() && o.status == n.status
    });
    pairs
}

/// The changes from one response to the same response in the new catalogue.
fn compare(out: &mut CatalogDiff, old: &ResponseDescription, new: &ResponseDescription) {
    use ChangeKind::*;
    let at = name(old);
    let mut push = |kind| out.push(at, kind);
    match (old.code(), new.code()) {
        (Some(from), Some(to)) if from != to => push(CodeRenamed { to: to.to_owned() }),
        (Some(_), None) => push(CodeRemoved),
        (None, Some(code)) => push(CodeAdded {
            code: code.to_owned(),
        }),
        _ => {}
    }
    if old.code().is_none() && new.code().is_none() && old.source != new.source {
        push(VariantRenamed {
            from: old.source().to_owned(),
            to: new.source().to_owned(),
        });
    }
    let (from, to) = (old.status.as_u16(), new.status.as_u16());
    if from != to {
        push(StatusChanged { from, to });
    }
    let owned = |text: Option<&str>| text.map(str::to_owned);
    if old.content_type() != new.content_type() {
        push(ContentTypeChanged {
            from: owned(old.content_type()),
            to: owned(new.content_type()),
        });
    }
    if old.type_uri() != new.type_uri() {
        push(TypeChanged {
            from: owned(old.type_uri()),
            to: owned(new.type_uri()),
        });
    }
    members(&mut push, &old.members, &new.members);
    headers(&mut push, &old.headers, &new.headers);
    // A changed status changes the defaults that follow from it (gRPC code, retryable, log
    // level): that is the status change, said once.
    let moved = from != to;
    let mapped = |d: &ResponseDescription| {
        d.grpc_code == http_status_core::grpc::code_for_status(d.status.as_u16()).name
    };
    let default_retryable = |d: &ResponseDescription| {
        d.retryable == http_status_core::retryable_by_default(d.status.as_u16())
    };
    let default_level = |d: &ResponseDescription| {
        d.level == http_status_core::LogLevel::for_status(d.status.as_u16())
    };
    if old.grpc_code != new.grpc_code && !(moved && mapped(old) && mapped(new)) {
        push(GrpcCodeChanged {
            from: old.grpc_code.to_string(),
            to: new.grpc_code.to_string(),
        });
    }
    if old.title != new.title {
        push(TitleChanged {
            from: old.title().to_owned(),
            to: new.title().to_owned(),
        });
    }
    if old.message() != new.message() {
        push(MessageChanged {
            from: owned(old.message()),
            to: owned(new.message()),
        });
    }
    if old.doc != new.doc {
        push(DescriptionChanged);
    }
    if old.instance() != new.instance() {
        push(InstanceChanged {
            from: owned(old.instance()),
            to: owned(new.instance()),
        });
    }
    if old.retryable != new.retryable
        && !(moved && default_retryable(old) && default_retryable(new))
    {
        push(RetryableChanged { to: new.retryable });
    }
    if old.level != new.level && !(moved && default_level(old) && default_level(new)) {
        push(LevelChanged {
            from: old.level.name(),
            to: new.level.name(),
        });
    }
}

/// A member as a change names it: its name, or the type whose entries are flattened into the
/// body.
fn member_name(member: &MemberDescription) -> String {
    match member.name() {
        Some(name) => name.to_owned(),
        None => format!("(entries of {})", member.type_name()),
    }
}

fn members(
    push: &mut impl FnMut(ChangeKind),
    old: &[MemberDescription],
    new: &[MemberDescription],
) {
    use ChangeKind::*;
    let mut taken = vec![false; new.len()];
    let mut gone = Vec::new();
    for member in old {
        let same = (0..new.len()).find(|&n| {
            !taken[n]
                && new[n].name == member.name
                && (member.name.is_some() || new[n].type_name == member.type_name)
        });
        let Some(n) = same else {
            gone.push(member);
            continue;
        };
        taken[n] = true;
        let name = member_name(member);
        if member.kind != new[n].kind {
            push(MemberKindChanged {
                name,
                from: member.kind,
                to: new[n].kind,
            });
        } else if member.type_name != new[n].type_name {
            push(MemberTypeChanged {
                name,
                from: member.type_name().to_owned(),
                to: new[n].type_name().to_owned(),
            });
        }
    }
    for member in gone {
        // Renamed: a new member of the same Rust type takes its place.
        let renamed = (0..new.len())
            .find(|&n| !taken[n] && new[n].type_name == member.type_name && new[n].name.is_some());
        match (renamed, member.name.is_some()) {
            (Some(n), true) => {
                taken[n] = true;
                push(MemberRenamed {
                    from: member_name(member),
                    to: member_name(&new[n]),
                });
            }
            _ => push(MemberRemoved {
                name: member_name(member),
            }),
        }
    }
    for (_, member) in new.iter().enumerate().filter(|(n, _)| !taken[*n]) {
        push(MemberAdded {
            name: member_name(member),
            kind: member.kind,
        });
    }
}

fn headers(
    push: &mut impl FnMut(ChangeKind),
    old: &[HeaderDescription],
    new: &[HeaderDescription],
) {
    use ChangeKind::*;
    let mut taken = vec![false; new.len()];
    for header in old {
        let same =
            (0..new.len()).find(|&n| !taken[n] && new[n].name.eq_ignore_ascii_case(&header.name));
        let Some(n) = same else {
            push(HeaderRemoved {
                name: header.name().to_owned(),
            });
            continue;
        };
        taken[n] = true;
        let name = header.name().to_owned();
        if header.kind != new[n].kind {
            push(HeaderKindChanged {
                name,
                from: header.kind,
                to: new[n].kind,
            });
        } else if header.value != new[n].value {
            push(HeaderValueChanged {
                name,
                from: header.value().to_owned(),
                to: new[n].value().to_owned(),
            });
        }
    }
    for (_, header) in new.iter().enumerate().filter(|(n, _)| !taken[*n]) {
        push(HeaderAdded {
            name: header.name().to_owned(),
        });
    }
}
