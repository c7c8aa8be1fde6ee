//! The header fields a response must carry, by status: what the derive reports missing at
//! compile time (`missing_required_header`) and what the runtime checks in a response a
//! hand-written `HttpStatus` impl builds.

use crate::header::{check_value, grammar_of, list_contains};
use crate::StatusInfo;

/// A header field a response with some status must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Required {
    /// The field name.
    pub name: &'static str,
    /// The section that requires it.
    pub spec: &'static str,
    /// A typical value, for suggestions.
    pub example: &'static str,
    /// Why, when the registry's MUST does not say it all (starts with `:` or a space).
    pub why: &'static str,
}

/// The fields a response with `info`'s status must carry: the registry's unconditional MUSTs;
/// `Location` on a redirect (a SHOULD that `http-status` raises: a redirect without a target
/// is useless); and `Connection: upgrade` beside `Upgrade` (RFC 9110 §7.8).
///
/// ```
/// let unauthorized = http_status_core::lookup(401).unwrap();
/// let names: Vec<&str> = http_status_core::required_headers(unauthorized).map(|r| r.name).collect();
/// assert_eq!(names, ["WWW-Authenticate"]);
/// ```
pub fn required_headers(info: &'static StatusInfo) -> impl Iterator<Item = Required> {
    let upgrade = info
        .must_headers
        .iter()
        .any(|rule| rule.condition.is_none() && rule.name == "Upgrade");
    let musts = info
        .must_headers
        .iter()
        .filter(|rule| rule.condition.is_none())
        .map(|rule| Required {
            name: rule.name,
            spec: rule.spec,
            example: rule.example,
            why: "",
        });
    let location = info.redirect.then(|| Required {
        name: "Location",
        spec: info.spec,
        example: info
            .should_headers
            .iter()
            .find(|rule| rule.name == "Location")
            .map_or("/other/location", |rule| rule.example),
        why: ": it is where the client goes (the RFC says SHOULD; http-status requires it, as a redirect without a target is useless)",
    });
    let connection = upgrade.then_some(Required {
        name: "Connection",
        spec: "RFC 9110 §7.8",
        example: "upgrade",
        why: " with the `upgrade` option: a sender of Upgrade MUST also send it",
    });
    musts.chain(location).chain(connection)
}

/// [`required_headers`], each passed to `each`: not generic, so the derive, which is on the
/// critical path of its users' builds, calls code compiled here instead of compiling the
/// iterator again.
pub fn for_each_required(info: &'static StatusInfo, each: &mut dyn FnMut(Required)) {
    for required in required_headers(info) {
        each(required);
    }
}

impl Required {
    /// Whether `value` satisfies the requirement: a valid value of the field (for
    /// `Connection`, one naming `upgrade`).
    pub fn satisfied_by(&self, value: &str) -> bool {
        check_value(grammar_of(self.name), value).is_ok()
            && (self.name != "Connection" || list_contains(value, "upgrade"))
    }
}
