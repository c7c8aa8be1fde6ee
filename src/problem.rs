//! [`Problem`]: the parts of one response, as custom [`Format`](crate::Format)s see them.

use crate::serialize::{flatten_into, probe, MapSink};
use http::StatusCode;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;

/// The parts of one response, already filtered by the 5xx rule: text derived from a server
/// error's value is `None` here unless the variant says `expose`, so a custom format cannot leak
/// it.
///
/// `Problem` serializes as the RFC 9457 object with its members, so a format can start from it.
///
/// ```
/// use http_status::http::StatusCode;
/// use http_status::{Member, Problem};
///
/// let balance = 30;
/// let members = [Member::new("balance", &balance)];
/// let problem = Problem::new(StatusCode::FORBIDDEN, "Forbidden")
///     .with_detail(Some("Your current balance is 30, but that costs 50."))
///     .with_type_uri("https://example.com/probs/out-of-credit")
///     .with_extensions(&members);
/// assert_eq!(
///     serde_json::to_string(&problem).unwrap(),
///     r#"{"type":"https://example.com/probs/out-of-credit","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","balance":30}"#
/// );
/// ```
#[derive(Clone, Copy)]
pub struct Problem<'a> {
    status: StatusCode,
    title: &'a str,
    detail: Option<&'a str>,
    code: Option<&'a str>,
    type_uri: &'a str,
    instance: Option<&'a str>,
    members: &'a [Member<'a>],
    violations: &'a [crate::Violation],
    request_id: Option<(&'a str, &'a str)>,
    /// What `format = "google"` needs besides (the domain, the `grpc` override, the
    /// interpolated fields, `Retry-After`): crate-private, so a custom format sees no more.
    pub(crate) google: Option<&'a crate::render::google::Extras>,
}

impl<'a> Problem<'a> {
    /// A problem with a status and a title, no detail, code, instance or members, and the type
    /// `about:blank`.
    pub fn new(status: StatusCode, title: &'a str) -> Self {
        Problem {
            status,
            title,
            detail: None,
            code: None,
            type_uri: ABOUT_BLANK,
            instance: None,
            members: &[],
            violations: &[],
            request_id: None,
            google: None,
        }
    }

    /// Sets the detail.
    #[must_use]
    pub fn with_detail(mut self, detail: Option<&'a str>) -> Self {
        self.detail = detail;
        self
    }

    /// Sets the machine-readable code.
    #[must_use]
    pub fn with_code(mut self, code: Option<&'a str>) -> Self {
        self.code = code;
        self
    }

    /// Sets the problem type URI.
    #[must_use]
    pub fn with_type_uri(mut self, type_uri: &'a str) -> Self {
        self.type_uri = type_uri;
        self
    }

    /// Sets the instance URI.
    #[must_use]
    pub fn with_instance(mut self, instance: Option<&'a str>) -> Self {
        self.instance = instance;
        self
    }

    /// Sets the extension members.
    #[must_use]
    pub fn with_extensions(mut self, members: &'a [Member<'a>]) -> Self {
        self.members = members;
        self
    }

    /// Sets the RFC 9457 `errors` list.
    #[must_use]
    pub fn with_violations(mut self, violations: &'a [crate::Violation]) -> Self {
        self.violations = violations;
        self
    }

    /// The RFC 9457 `errors` list (a `#[status(errors)]` field), empty when there is none.
    ///
    /// ```
    /// use http_status::http::StatusCode;
    /// use http_status::{Problem, Violation};
    ///
    /// let errors = [Violation::pointer("/age", "must be at least 18")];
    /// let problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Content")
    ///     .with_violations(&errors);
    /// assert_eq!(problem.violations()[0].detail(), "must be at least 18");
    /// ```
    pub fn violations(&self) -> &'a [crate::Violation] {
        self.violations
    }

    /// Adds the request id member a `ProblemLayer` or `ProblemMiddleware` gives the response.
    pub(crate) fn with_request_id(mut self, member: &'a str, id: &'a str) -> Self {
        self.request_id = Some((member, id));
        self
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The title: the reason phrase, or `reason = …`.
    pub fn title(&self) -> &'a str {
        self.title
    }

    /// What went wrong, for people; `None` when there is none or when it is hidden (a 5xx
    /// without `expose`).
    pub fn detail(&self) -> Option<&'a str> {
        self.detail
    }

    /// The machine-readable code, if set.
    pub fn code(&self) -> Option<&'a str> {
        self.code
    }

    /// The problem type URI; `about:blank` unless set.
    pub fn type_uri(&self) -> &'a str {
        self.type_uri
    }

    /// The URI of this occurrence, if set (or given by the request context).
    pub fn instance(&self) -> Option<&'a str> {
        self.instance
    }

    /// The extension members: the fields marked `#[status(extension)]` and
    /// `#[status(flatten)]`, and nothing else (the request id a layer adds is
    /// [`request_id`](Problem::request_id), so a format built from the members keeps its shape
    /// under a layer). It serializes as a map and iterates as `(name, value)` pairs. A member
    /// whose `Serialize` fails is left out, and so is a flattened entry whose key is a standard
    /// member's.
    ///
    /// ```
    /// use http_status::http::StatusCode;
    /// use http_status::{Member, Problem};
    ///
    /// let balance = 30;
    /// let members = [Member::new("balance", &balance)];
    /// let problem = Problem::new(StatusCode::FORBIDDEN, "Forbidden").with_extensions(&members);
    /// let names: Vec<String> = problem.extensions().iter().map(|(name, _)| name.into_owned()).collect();
    /// assert_eq!(names, ["balance"]);
    /// assert_eq!(serde_json::to_string(&problem.extensions()).unwrap(), r#"{"balance":30}"#);
    /// ```
    pub fn extensions(&self) -> Extensions<'a> {
        Extensions {
            members: self.members,
        }
    }

    /// The request id a `ProblemLayer` or `ProblemMiddleware` gives the response, if any. It is
    /// not among the [`extensions`](Problem::extensions), so a format's shape does not change
    /// under a layer; a format that wants it writes it where it likes.
    ///
    /// ```
    /// use http_status::http::StatusCode;
    /// use http_status::Problem;
    ///
    /// // Outside a layer there is none.
    /// assert_eq!(Problem::new(StatusCode::NOT_FOUND, "Not Found").request_id(), None);
    /// ```
    pub fn request_id(&self) -> Option<&'a str> {
        self.request_id.map(|(_, id)| id)
    }
}

impl std::fmt::Debug for Problem<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Problem")
            .field("status", &self.status)
            .field("title", &self.title)
            .field("detail", &self.detail)
            .field("code", &self.code)
            .field("type_uri", &self.type_uri)
            .field("instance", &self.instance)
            .field("members", &self.members.len())
            .finish()
    }
}

pub(crate) const ABOUT_BLANK: &str = "about:blank";

/// The names of the standard members of a problem body, which a flattened entry cannot take.
pub(crate) const PROBLEM_MEMBERS: &[&str] =
    &["type", "title", "status", "detail", "instance", "code"];

impl Serialize for Problem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.type_uri)?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("status", &self.status.as_u16())?;
        if let Some(detail) = self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = self.instance {
            map.serialize_entry("instance", instance)?;
        }
        if let Some(code) = self.code {
            map.serialize_entry("code", code)?;
        }
        if !self.violations.is_empty() {
            map.serialize_entry("errors", self.violations)?;
        }
        self.extensions().entries(&mut map)?;
        if let Some((name, id)) = self.request_id {
            map.serialize_entry(name, id)?;
        }
        map.end()
    }
}

/// One extension member of a [`Problem`]: a named value, or a value whose map entries become
/// members (`#[status(flatten)]`).
#[derive(Clone, Copy)]
pub struct Member<'a> {
    name: Option<&'a str>,
    value: &'a dyn erased_serde::Serialize,
}

impl<'a> Member<'a> {
    /// A member `name` with `value`.
    pub fn new<T: Serialize>(name: &'a str, value: &'a T) -> Self {
        Member {
            name: Some(name),
            value,
        }
    }

    /// The entries of the map `value` serializes to, each a member.
    pub fn flatten<T: Serialize>(value: &'a T) -> Self {
        Member { name: None, value }
    }

    /// The member's name; `None` for flattened entries.
    pub fn name(&self) -> Option<&'a str> {
        self.name
    }
}

/// The extension members of a [`Problem`]: serialized as a map, iterated as `(name, value)`
/// pairs.
#[derive(Clone, Copy)]
pub struct Extensions<'a> {
    members: &'a [Member<'a>],
}

/// The value of one extension member, as [`Extensions::iter`] gives it: serialize it.
pub enum ExtensionValue<'a> {
    /// A member's own value.
    Member(&'a dyn erased_serde::Serialize),
    /// An entry of a flattened member, serialized once to find its key.
    Entry(serde_json::Value),
}

impl Serialize for ExtensionValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ExtensionValue::Member(value) => value.serialize(serializer),
            ExtensionValue::Entry(value) => value.serialize(serializer),
        }
    }
}

impl std::fmt::Debug for ExtensionValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let json = serde_json::to_string(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&json)
    }
}

impl<'a> Extensions<'a> {
    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members as `(name, value)` pairs, in order: each named member whose `Serialize`
    /// succeeds, and each entry of a flattened member (except those named like a standard
    /// member).
    pub fn iter(&self) -> impl Iterator<Item = (Cow<'a, str>, ExtensionValue<'a>)> + 'a {
        self.members.iter().flat_map(|member| {
            let pairs: Vec<(Cow<'a, str>, ExtensionValue<'a>)> = match member.name {
                Some(name) if probe(member.value) => {
                    vec![(Cow::Borrowed(name), ExtensionValue::Member(member.value))]
                }
                Some(_) => Vec::new(),
                None => {
                    let mut entries = Entries(Vec::new());
                    let Ok(()) = flatten_into(member.value, &mut entries);
                    entries.0
                }
            };
            pairs
        })
    }

    /// Writes the members into a map being serialized, skipping those that fail.
    fn entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for member in self.members {
            match member.name {
                Some(name) => {
                    if probe(member.value) {
                        map.serialize_entry(name, member.value)?;
                    }
                }
                None => flatten_into(member.value, &mut MapSink::new(map, PROBLEM_MEMBERS))?,
            }
        }
        Ok(())
    }
}

impl<'a> IntoIterator for Extensions<'a> {
    type Item = (Cow<'a, str>, ExtensionValue<'a>);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// The entries of a flattened member, owned.
struct Entries<'a>(Vec<(Cow<'a, str>, ExtensionValue<'a>)>);

impl crate::serialize::Sink for Entries<'_> {
    type Error = core::convert::Infallible;

    fn entry<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), Self::Error> {
        if PROBLEM_MEMBERS.contains(&key) {
            return Ok(());
        }
        if let Ok(value) = crate::serialize::to_value(value) {
            self.0
                .push((Cow::Owned(key.to_owned()), ExtensionValue::Entry(value)));
        }
        Ok(())
    }
}

impl Serialize for Extensions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.entries(&mut map)?;
        map.end()
    }
}
