//! The example body of a described response, rendered from its description by the code that
//! writes bodies, so the derive need not write each body twice: the exact body when nothing in
//! it is interpolated, else the body sent for a sample value of each field
//! ([`ValueKind::sample_json`](super::ValueKind::sample_json)).

use super::description::Shape;
use super::template::Template;
use super::ResponseDescription;
use crate::format::BodyFormat;
use crate::json::Object;
use crate::problem::ABOUT_BLANK;
use std::borrow::Cow;

/// The body, and whether it is exact; `None` for formats whose body the catalogue cannot know
/// (`serde`, custom) and for responses without one.
pub(super) fn render(d: &ResponseDescription) -> Option<(String, bool)> {
    let mut exact = true;
    let mut sample = |template: &Template| -> String {
        exact &= template.is_literal();
        template.example().into_owned()
    };
    let Shape::Format(format) = d.shape else {
        return None;
    };
    let mut writer = Object::with_capacity(128);
    match format {
        BodyFormat::Problem => {
            writer.raw("{");
            let problem_type = d.problem_type.as_ref().map(&mut sample);
            writer.str_member("type", problem_type.as_deref().unwrap_or(ABOUT_BLANK));
            writer.str_member("title", &d.title);
            writer.status(d.status);
            if let Some(message) = &d.message {
                writer.str_member("detail", &sample(message));
            }
            if let Some(instance) = &d.instance {
                writer.str_member("instance", &sample(instance));
            }
            if let Some(code) = &d.code {
                writer.str_member("code", &sample(code));
            }
        }
        BodyFormat::Json => {
            writer.raw("{");
            if d.status.as_u16() >= 400 {
                writer.str_member("error", &d.title);
            }
            if let Some(message) = &d.message {
                writer.str_member("message", &sample(message));
            }
            if let Some(code) = &d.code {
                writer.str_member("code", &sample(code));
            }
        }
        BodyFormat::Members => writer.raw("{"),
        BodyFormat::Text => {
            let text = match &d.message {
                Some(message) => Cow::Owned(sample(message)),
                None => Cow::Borrowed(&*d.title),
            };
            return Some((text.into_owned(), exact));
        }
        _ => return None,
    }
    let mut body = String::from_utf8(writer.into_bytes()).ok()?;
    for member in &d.members {
        exact = false;
        let Some(name) = member.name() else { continue };
        if !body.ends_with('{') {
            body.push(',');
        }
        body.push_str(&serde_json::to_string(name).ok()?);
        body.push(':');
        if member.is_violations() {
            body.push('[');
            body.push_str(crate::violation::SAMPLE_JSON);
            body.push(']');
        } else {
            body.push_str(member.kind().sample_json());
        }
    }
    body.push('}');
    Some((body, exact))
}
