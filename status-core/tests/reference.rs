//! Checks every row of the registry against the per-code table of the reference document
//! (`tests/data/http-status-semantics.md`, a copy of the project's HTTP reference), and the
//! `http` constant names against the list in the same document.

use http_status_core::{lookup, lookup_name, Cache, Class, HeaderRule, Level, Registry, ENTRIES};
use std::collections::BTreeSet;

const REFERENCE: &str = include_str!("data/http-status-semantics.md");

struct Row {
    code: u16,
    cells: Vec<String>,
}

/// The rows of "Part 1: per-code table": `| code | reason | const | RFC § | final? | body
/// forbidden? | MUST headers | SHOULD headers | cacheable | notes |`.
fn rows() -> Vec<Row> {
    let part1 = REFERENCE.split("## Part 1").nth(1).unwrap();
    let table = part1.split("**Unassigned ranges").next().unwrap();
    table
        .lines()
        .filter_map(|line| {
            let cells: Vec<String> = line.split('|').map(|c| c.trim().to_owned()).collect();
            let code = cells.get(1)?.parse::<u16>().ok()?;
            Some(Row {
                code,
                cells: cells[1..cells.len() - 1].to_vec(),
            })
        })
        .collect()
}

/// Names between backticks, without any value after a colon: "`Content-Range: bytes */n`" →
/// "Content-Range".
fn backticked(cell: &str) -> BTreeSet<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.split(':').next().unwrap().trim().to_owned())
        .collect()
}

fn names(rules: &[HeaderRule]) -> BTreeSet<String> {
    rules.iter().map(|r| r.name.to_owned()).collect()
}

#[test]
fn registry_has_every_reference_row_and_nothing_else() {
    let rows = rows();
    assert_eq!(rows.len(), 64);
    assert_eq!(ENTRIES.len(), 64);
    let reference: Vec<u16> = rows.iter().map(|r| r.code).collect();
    let ours: Vec<u16> = ENTRIES.iter().map(|e| e.code).collect();
    assert_eq!(ours, reference);
}

#[test]
fn reason_phrases() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        // 104 and 510 carry registry annotations in parentheses; the phrase is what precedes them.
        let expected = match row.code {
            104 | 510 => row.cells[1].split(" (").next().unwrap(),
            _ => row.cells[1].as_str(),
        };
        assert_eq!(info.reason, expected, "reason of {}", row.code);
    }
}

#[test]
fn http_constant_names() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let expected = backticked(&row.cells[2]).into_iter().next();
        assert_eq!(
            info.http_name.map(str::to_owned),
            expected,
            "http const of {}",
            row.code
        );
        if let Some(http_name) = info.http_name {
            // The http crate's name always resolves to the code, as the canonical name or an alias.
            assert_eq!(lookup_name(http_name).unwrap().code, row.code);
        }
    }
    // The reference lists `code NAME "phrase"` for all 62 constants of http 1.x.
    let block = REFERENCE.split("The full list, as").nth(1).unwrap();
    let block = block.split("```").nth(1).unwrap();
    let mut listed = 0;
    for pair in block.split('"').step_by(2) {
        let mut words = pair.split_whitespace().rev();
        let (Some(name), Some(code)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(code) = code.parse::<u16>() else {
            continue;
        };
        listed += 1;
        assert_eq!(lookup(code).unwrap().http_name, Some(name), "{code} {name}");
    }
    assert_eq!(listed, 62);
    assert_eq!(ENTRIES.iter().filter(|e| e.http_name.is_some()).count(), 62);
}

#[test]
fn defining_sections() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let cell = &row.cells[3];
        let expected = if cell.starts_with("draft-") {
            cell.split(' ').next().unwrap().to_owned()
        } else {
            // "9110 §15.4.6 (7231 App. B)" → "RFC 9110 §15.4.6"
            let mut parts = cell.split_whitespace();
            format!(
                "RFC {} {}",
                parts.next().unwrap(),
                parts.next().unwrap().trim_end_matches(';')
            )
        };
        assert_eq!(info.spec, expected, "section of {}", row.code);
    }
}

#[test]
fn final_and_content() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let final_cell = &row.cells[4];
        if final_cell.starts_with("reserved") {
            assert_eq!(info.registry, Registry::Reserved, "{}", row.code);
        } else {
            let is_final = !final_cell.starts_with("no");
            assert_eq!(info.final_response, is_final, "final? of {}", row.code);
        }
        assert_eq!(info.final_response, info.class != Class::Informational);
        let forbidden = row.cells[5].starts_with("**YES**");
        assert_eq!(
            info.content_forbidden, forbidden,
            "body forbidden? of {}",
            row.code
        );
    }
}

#[test]
fn header_requirements() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let must_cell = &row.cells[6];
        let must = if must_cell.starts_with('—') {
            BTreeSet::new()
        } else {
            backticked(must_cell)
        };
        assert_eq!(
            names(info.must_headers),
            must,
            "MUST headers of {}",
            row.code
        );
        assert!(info.must_headers.iter().all(|r| r.level == Level::Must));

        let should_cell = &row.cells[7];
        // "—" is none; "SHOULD NOT …" (206, 304) restricts fields rather than asking for one.
        let should = if should_cell.starts_with('—') || should_cell.starts_with("SHOULD NOT") {
            BTreeSet::new()
        } else {
            backticked(should_cell)
        };
        assert_eq!(
            names(info.should_headers),
            should,
            "SHOULD headers of {}",
            row.code
        );
        assert!(info.should_headers.iter().all(|r| r.level == Level::Should));

        let may: BTreeSet<String> = if should_cell.contains("`Retry-After` is only **MAY**") {
            ["Retry-After".to_owned()].into()
        } else if should_cell.contains("`Location` optional") {
            ["Location".to_owned()].into()
        } else {
            BTreeSet::new()
        };
        assert_eq!(names(info.may_headers), may, "MAY headers of {}", row.code);
        assert!(info.may_headers.iter().all(|r| r.level == Level::May));
    }
}

#[test]
fn conditions_and_empty_values() {
    // A requirement the reference states with a condition carries it.
    assert!(lookup(300).unwrap().should_headers[0].condition.is_some());
    assert!(lookup(304)
        .unwrap()
        .must_headers
        .iter()
        .all(|r| r.condition.is_some()));
    assert!(lookup(413).unwrap().should_headers[0].condition.is_some());
    for code in [101, 226, 401, 405, 407, 426] {
        assert!(
            lookup(code)
                .unwrap()
                .must_headers
                .iter()
                .all(|r| r.condition.is_none()),
            "{code}"
        );
    }
    // "An empty Allow field value indicates that the resource allows no methods" (§10.2.1).
    assert!(lookup(405).unwrap().must_headers[0].empty_ok);
    assert!(!lookup(401).unwrap().must_headers[0].empty_ok);
}

#[test]
fn caching() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let cell = &row.cells[8];
        let expected = if cell.starts_with("**heuristic**") {
            Cache::Heuristic
        } else if cell.starts_with("**MUST NOT be stored") {
            Cache::MustNotStore
        } else if cell.starts_with("\"MAY be stored") {
            Cache::Conditional
        } else if cell.starts_with("n/a") || cell.starts_with('—') {
            Cache::NotApplicable
        } else {
            assert!(cell.starts_with("no"), "{}: {cell}", row.code);
            Cache::NotByDefault
        };
        assert_eq!(info.cache, expected, "cacheable of {}", row.code);
    }
}

#[test]
fn registry_standing() {
    for row in rows() {
        let info = lookup(row.code).unwrap();
        let (reason, notes) = (&row.cells[1], &row.cells[9]);
        let expected = if reason.contains("TEMPORARY") {
            Registry::Temporary
        } else if reason == "(Unused)" {
            Registry::Reserved
        } else if reason.contains("(OBSOLETED)") {
            Registry::Obsoleted
        } else if notes.starts_with("**Deprecated**") {
            Registry::Deprecated
        } else {
            Registry::Assigned
        };
        assert_eq!(info.registry, expected, "registry status of {}", row.code);
        assert_eq!(
            info.reserved_for_future_use,
            notes.contains("\"reserved for future use\""),
            "future use of {}",
            row.code
        );
    }
}

#[test]
fn redirects_are_the_codes_that_point_at_location() {
    // RFC 9110 §15.4: 301, 302, 307, 308 SHOULD send Location; 303 is defined by it.
    let redirects: Vec<u16> = ENTRIES
        .iter()
        .filter(|e| e.redirect)
        .map(|e| e.code)
        .collect();
    assert_eq!(redirects, [301, 302, 303, 307, 308]);
}

#[test]
fn names_and_aliases() {
    assert_eq!(lookup_name("NOT_FOUND").unwrap().code, 404);
    assert_eq!(lookup_name("CONTENT_TOO_LARGE").unwrap().code, 413);
    assert_eq!(lookup_name("PAYLOAD_TOO_LARGE").unwrap().code, 413);
    assert_eq!(lookup_name("UNPROCESSABLE_CONTENT").unwrap().code, 422);
    assert_eq!(lookup_name("UNPROCESSABLE_ENTITY").unwrap().code, 422);
    assert_eq!(lookup_name("IM_A_TEAPOT").unwrap().code, 418);
    assert_eq!(
        lookup_name("UPLOAD_RESUMPTION_SUPPORTED").unwrap().code,
        104
    );
    assert!(lookup_name("not_found").is_none());
    assert!(lookup_name("NOT_FUOND").is_none());
    // Names are unique across the whole registry.
    let mut seen = BTreeSet::new();
    for entry in ENTRIES {
        for name in std::iter::once(&entry.name).chain(entry.aliases) {
            assert!(seen.insert(*name), "{name} names two codes");
        }
    }
}

#[test]
fn lookup_covers_exactly_the_registry() {
    let assigned: BTreeSet<u16> = ENTRIES.iter().map(|e| e.code).collect();
    for code in 0..=1000u16 {
        assert_eq!(lookup(code).is_some(), assigned.contains(&code), "{code}");
        assert_eq!(
            http_status_core::is_unassigned(code),
            (100..=599).contains(&code) && !assigned.contains(&code),
            "{code}"
        );
    }
    // The unassigned ranges listed by the reference.
    for code in [
        105, 199, 209, 225, 227, 299, 309, 399, 419, 420, 427, 430, 432, 450, 452, 499, 509, 512,
        599,
    ] {
        assert!(http_status_core::is_unassigned(code), "{code}");
    }
    assert_eq!(http_status_core::iter().count(), 64);
    assert!(ENTRIES.windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn classes() {
    for entry in ENTRIES {
        assert_eq!(Class::of(entry.code), Some(entry.class));
        assert_eq!(entry.is_error(), entry.code >= 400);
    }
    assert_eq!(Class::of(99), None);
    assert_eq!(Class::of(600), None);
    assert_eq!(Class::ClientError.fallback(), 400);
}

#[test]
fn lookup_is_usable_in_const_context() {
    const NOT_FOUND: &str = match lookup(404) {
        Some(info) => info.reason,
        None => "",
    };
    assert_eq!(NOT_FOUND, "Not Found");
}
