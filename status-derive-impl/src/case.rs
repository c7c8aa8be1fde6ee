//! `codes = "SCREAMING_SNAKE_CASE"`: a variant's name in one of serde's `rename_all` cases,
//! split into words by heck (so `HTTPVersion` is `HTTP_VERSION`, where serde would write
//! `H_T_T_P_VERSION`).

use heck::{
    ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase,
    ToUpperCamelCase,
};

/// `name` in `case`; `None` for a case serde does not name (reported by `bad_attribute`).
pub fn convert(name: &str, case: &str) -> Option<String> {
    Some(match case {
        "lowercase" => name.to_lowercase(),
        "UPPERCASE" => name.to_uppercase(),
        "PascalCase" => name.to_upper_camel_case(),
        "camelCase" => name.to_lower_camel_case(),
        "snake_case" => name.to_snake_case(),
        "SCREAMING_SNAKE_CASE" => name.to_shouty_snake_case(),
        "kebab-case" => name.to_kebab_case(),
        "SCREAMING-KEBAB-CASE" => name.to_shouty_kebab_case(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::convert;

    #[test]
    fn every_case() {
        let name = "UserNotFound";
        for (case, expected) in [
            ("lowercase", "usernotfound"),
            ("UPPERCASE", "USERNOTFOUND"),
            ("PascalCase", "UserNotFound"),
            ("camelCase", "userNotFound"),
            ("snake_case", "user_not_found"),
            ("SCREAMING_SNAKE_CASE", "USER_NOT_FOUND"),
            ("kebab-case", "user-not-found"),
            ("SCREAMING-KEBAB-CASE", "USER-NOT-FOUND"),
        ] {
            assert_eq!(convert(name, case).as_deref(), Some(expected), "{case}");
        }
        assert_eq!(
            convert("HTTPVersion", "SCREAMING_SNAKE_CASE").as_deref(),
            Some("HTTP_VERSION")
        );
        assert_eq!(convert(name, "Title Case"), None);
    }
}
