//! `Content-Disposition` (RFC 6266 §4.1).

use super::syntax::{
    has_repeated, is_ext_value, is_token, is_token_or_quoted, names, param, parameters,
};

/// `disposition-type *( OWS ";" OWS disposition-parm )`: a token (`inline`, `attachment` or an
/// extension type), then parameters that each have a value: `name=( token / quoted-string )`,
/// or `name*=ext-value` for a name ending in `*` (`filename*=UTF-8''na%C3%AFve.txt`, RFC 8187).
/// Each parameter name occurs once, compared case-insensitively: "Content-Disposition header
/// field values with multiple instances of the same parameter name are invalid" (§4.1);
/// `filename` and `filename*` are different names.
pub(super) fn is_content_disposition(value: &str) -> bool {
    let end = value.find([';', ' ', '\t']).unwrap_or(value.len());
    let (kind, rest) = value.split_at(end);
    let Some(params) = parameters(rest) else {
        return false;
    };
    is_token(kind) && params.clone().all(is_disposition_param) && !has_repeated(names(params))
}

fn is_disposition_param(text: &str) -> bool {
    match param(text) {
        Some((name, Some(value))) if name.len() > 1 && name.ends_with('*') => is_ext_value(value),
        Some((_, Some(value))) => is_token_or_quoted(value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_content_disposition as ok;

    #[test]
    fn dispositions() {
        for good in [
            "inline",
            "attachment",
            "Attachment; filename=example.html",
            "attachment; filename=\"report.pdf\"",
            "attachment; filename*=UTF-8''na%C3%AFve.txt",
            "attachment; filename=\"naive.txt\"; filename*=UTF-8''na%C3%AFve.txt",
            "attachment;filename=\"a; b, c.txt\"",
            "attachment; filename=\"\\\"quoted\\\".txt\"",
            "x-custom; x-param=1",
            "inline ; filename=a.txt",
        ] {
            assert!(ok(good), "{good}");
        }
        for bad in [
            "",
            "attachment;",
            "attachment; filename",
            "attachment; filename=",
            "attachment; filename=a b.txt",
            "attachment; filename=\"open",
            "attachment; filename = a",
            "attachment; filename=a; filename=b",
            "attachment; filename=a; FILENAME=b",
            "attachment; filename*=na%C3%AFve.txt",
            "attachment; filename*=UTF-8''na ve.txt",
            "attachment; filename*=\"UTF-8''x\"",
            "attachment filename=a",
            "\"attachment\"",
            "attachment, inline",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
