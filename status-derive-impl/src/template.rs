//! Templates: `message` and header values with `{field}` / `{0}` placeholders, `format!`
//! specs (`{id:?}`, `{0:>4}`) and `{{` / `}}` for literal braces.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Field(Placeholder),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub member: MemberName,
    /// What follows the `:`, empty if nothing does.
    pub spec: String,
    /// The placeholder as written, braces included, for messages.
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemberName {
    /// A named field, without any `r#`.
    Named(String),
    Index(usize),
}

impl std::fmt::Display for MemberName {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            MemberName::Named(name) => f.write_str(name),
            MemberName::Index(index) => write!(f, "{index}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

/// Why a template does not parse, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub problem: String,
    pub help: String,
    /// The placeholder is well-formed but names no field (`{}`, `{a.b}`), as opposed to
    /// malformed braces.
    pub names_no_field: bool,
}

impl TemplateError {
    fn syntax(problem: impl Into<String>, help: impl Into<String>) -> Self {
        TemplateError {
            problem: problem.into(),
            help: help.into(),
            names_no_field: false,
        }
    }

    fn no_field(problem: impl Into<String>, help: impl Into<String>) -> Self {
        TemplateError {
            problem: problem.into(),
            help: help.into(),
            names_no_field: true,
        }
    }
}

impl Template {
    pub fn parse(input: &str) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let bytes = input.as_bytes();
        // Byte indices, not `str::find`: a proc macro runs unoptimised, where pattern searches
        // cost thousands of instructions each.
        let (mut i, mut start) = (0, 0);
        while i < bytes.len() {
            let brace = bytes[i];
            if brace != b'{' && brace != b'}' {
                i += 1;
                continue;
            }
            text.push_str(&input[start..i]);
            if bytes.get(i + 1) == Some(&brace) {
                text.push(char::from(brace));
                i += 2;
                start = i;
                continue;
            }
            if brace == b'}' {
                return Err(TemplateError::syntax(
                    "unmatched `}` in the text",
                    "write `}}` for a literal brace",
                ));
            }
            let Some(close) = bytes[i + 1..].iter().position(|&b| b == b'}') else {
                return Err(TemplateError::syntax(
                    "unclosed `{` in the text",
                    "close the placeholder, e.g. `{id}`, or write `{{` for a literal brace",
                ));
            };
            let inner = &input[i + 1..i + 1 + close];
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Field(parse_placeholder(inner)?));
            i += close + 2;
            start = i;
        }
        text.push_str(&input[start..]);
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template { pieces })
    }

    /// The text, if there is no placeholder.
    pub fn literal(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field(_) => return None,
            }
        }
        Some(out)
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Field(placeholder) => Some(placeholder),
            Piece::Text(_) => None,
        })
    }
}

fn parse_placeholder(inner: &str) -> Result<Placeholder, TemplateError> {
    let written = format!("{{{inner}}}");
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name, spec),
        None => (inner, ""),
    };
    if spec.contains('$') || spec.contains('*') {
        return Err(TemplateError::syntax(
            format!("`{written}` takes its width or precision from an argument (`$`, `*`), which a template cannot name"),
            "write a fixed width, e.g. `{id:>8}`",
        ));
    }
    if !valid_spec(spec) {
        return Err(TemplateError::syntax(
            format!("`{written}` has an invalid format spec `{spec}`"),
            "a spec is `[[fill]align][sign][#][0][width][.precision][type]`, e.g. `{id:>8}`, `{0:?}`, `{n:#x}`",
        ));
    }
    let member = if name.is_empty() {
        return Err(TemplateError::no_field(
            format!("`{written}` does not name a field"),
            "name the field: `{0}` for the first field of a tuple variant, `{name}` for a named one",
        ));
    } else if crate::ascii::all(name, u8::is_ascii_digit) {
        match name.parse::<usize>() {
            Ok(index) => MemberName::Index(index),
            Err(_) => {
                return Err(TemplateError::no_field(
                    format!("`{written}` is not a field index"),
                    "fields are numbered from 0",
                ))
            }
        }
    } else {
        let bare = name.strip_prefix("r#").unwrap_or(name);
        let mut chars = bare.chars();
        let mut valid = matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic());
        for c in chars {
            valid &= c == '_' || c.is_alphanumeric();
        }
        if !valid {
            return Err(TemplateError::no_field(
                format!("`{written}` is not a field name"),
                "a placeholder names one field of the variant, e.g. `{id}`; expressions and paths are not supported",
            ));
        }
        MemberName::Named(bare.to_owned())
    };
    Ok(Placeholder {
        member,
        spec: spec.to_owned(),
        written,
    })
}

/// Whether `spec` is a format spec `format_args!` accepts, without `$` or `*` counts:
/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]` (std::fmt, "Syntax"). Checked
/// here so that a mistake is reported on the template, not by `format_args!` at the derive.
fn valid_spec(spec: &str) -> bool {
    use crate::ascii::leading;
    let bytes = spec.as_bytes();
    let is_align = |b: Option<&u8>| matches!(b, Some(b'<' | b'^' | b'>'));
    // `at` moves over ASCII only (after the fill, any character), so it stays on a boundary.
    let fill = spec.chars().next().map_or(0, char::len_utf8);
    let mut at = if is_align(bytes.get(fill)) {
        fill + 1
    } else if is_align(bytes.first()) {
        1
    } else {
        0
    };
    if matches!(bytes.get(at), Some(b'+' | b'-')) {
        at += 1;
    }
    if bytes.get(at) == Some(&b'#') {
        at += 1;
    }
    if bytes.get(at) == Some(&b'0') {
        at += 1;
    }
    at += leading(&spec[at..], u8::is_ascii_digit);
    if bytes.get(at) == Some(&b'.') {
        let digits = leading(&spec[at + 1..], u8::is_ascii_digit);
        if digits == 0 {
            return false;
        }
        at += 1 + digits;
    }
    matches!(
        &spec[at..],
        "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E" | "p"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, spec: &str) -> Piece {
        let member = match name.parse() {
            Ok(index) => MemberName::Index(index),
            Err(_) => MemberName::Named(name.to_owned()),
        };
        let written = if spec.is_empty() {
            format!("{{{name}}}")
        } else {
            format!("{{{name}:{spec}}}")
        };
        Piece::Field(Placeholder {
            member,
            spec: spec.to_owned(),
            written,
        })
    }

    #[test]
    fn parses_fields_specs_and_braces() {
        let t = Template::parse("user {id} not found").unwrap();
        assert_eq!(
            t.pieces,
            [
                Piece::Text("user ".into()),
                field("id", ""),
                Piece::Text(" not found".into())
            ]
        );
        assert_eq!(t.literal(), None);

        let t = Template::parse("{0:>4} {{literal}} {r#type:?}").unwrap();
        assert_eq!(
            t.pieces,
            [
                field("0", ">4"),
                Piece::Text(" {literal} ".into()),
                Piece::Field(Placeholder {
                    member: MemberName::Named("type".into()),
                    spec: "?".into(),
                    written: "{r#type:?}".into()
                })
            ]
        );

        let t = Template::parse("no {{placeholders}} here").unwrap();
        assert_eq!(t.literal().as_deref(), Some("no {placeholders} here"));
        assert_eq!(Template::parse("").unwrap().literal().as_deref(), Some(""));
    }

    #[test]
    fn format_specs() {
        for spec in [
            "", "?", "#?", ">8", "*^10", "0>4", "+.3e", "#x", "08.2", "<", "x?", "#010b", "é<5",
            "p", ".0",
        ] {
            assert!(valid_spec(spec), "{spec}");
        }
        for spec in ["q", ">>>", ".", "8.x.", "??", "#z", "10.2.3", "x??"] {
            assert!(!valid_spec(spec), "{spec}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for (input, problem) in [
            ("user {id", "unclosed `{` in the text"),
            ("a } b", "unmatched `}` in the text"),
            ("{}", "`{}` does not name a field"),
            ("{:?}", "`{:?}` does not name a field"),
            ("{a.b}", "`{a.b}` is not a field name"),
            ("{self.id}", "`{self.id}` is not a field name"),
            ("{x:>w$}", "`{x:>w$}` takes its width or precision from an argument (`$`, `*`), which a template cannot name"),
            ("{x:q}", "`{x:q}` has an invalid format spec `q`"),
            ("{x:>>>}", "`{x:>>>}` has an invalid format spec `>>>`"),
            ("{x:.}", "`{x:.}` has an invalid format spec `.`"),
            ("{99999999999999999999999}", "`{99999999999999999999999}` is not a field index"),
        ] {
            assert_eq!(Template::parse(input).unwrap_err().problem, problem, "{input}");
        }
    }
}
