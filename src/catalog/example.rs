//! The exact body of a response that interpolates nothing, rendered from its description by
//! the code that writes bodies, so the derive need not write each such body twice.

use super::ResponseDescription;
use crate::format::BodyFormat;
use crate::problem::ABOUT_BLANK;
use crate::render::writer::Writer;

pub(super) fn render(d: &ResponseDescription) -> Option<String> {
    let bytes = match d.format {
        BodyFormat::Problem => {
            let mut writer = Writer::json(128);
            writer.raw("{");
            writer.str_member("type", d.problem_type.unwrap_or(ABOUT_BLANK));
            writer.str_member("title", d.title);
            writer.status(d.status);
            if let Some(message) = d.message {
                writer.str_member("detail", message);
            }
            if let Some(instance) = d.instance {
                writer.str_member("instance", instance);
            }
            if let Some(code) = d.code {
                writer.str_member("code", code);
            }
            writer.close();
            writer.into_bytes()
        }
        BodyFormat::Json => {
            let mut writer = Writer::json(128);
            writer.raw("{");
            if d.status.as_u16() >= 400 {
                writer.str_member("error", d.title);
            }
            if let Some(message) = d.message {
                writer.str_member("message", message);
            }
            if let Some(code) = d.code {
                writer.str_member("code", code);
            }
            writer.close();
            writer.into_bytes()
        }
        BodyFormat::Text => d.message.unwrap_or(d.title).as_bytes().to_vec(),
        _ => return None,
    };
    String::from_utf8(bytes).ok()
}
