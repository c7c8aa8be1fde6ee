//! The 64 entries of the IANA HTTP Status Code Registry (100–511), with the facts of
//! `reference/http-status-semantics.md`. `tests/reference.rs` checks every row against that
//! table.

use crate::{Cache, Class, HeaderRule, Level, Registry, StatusInfo};

const BASE: StatusInfo = StatusInfo {
    code: 0,
    reason: "",
    name: "",
    aliases: &[],
    http_name: None,
    class: Class::ClientError,
    spec: "",
    final_response: true,
    content_forbidden: false,
    must_headers: &[],
    should_headers: &[],
    may_headers: &[],
    cache: Cache::NotByDefault,
    registry: Registry::Assigned,
    redirect: false,
    reserved_for_future_use: false,
};

const fn rule(
    name: &'static str,
    level: Level,
    spec: &'static str,
    example: &'static str,
) -> HeaderRule {
    HeaderRule {
        name,
        level,
        condition: None,
        empty_ok: false,
        spec,
        example,
        lint: None,
        says: None,
    }
}

const fn must(name: &'static str, spec: &'static str, example: &'static str) -> HeaderRule {
    rule(name, Level::Must, spec, example)
}

const fn should(name: &'static str, spec: &'static str, example: &'static str) -> HeaderRule {
    rule(name, Level::Should, spec, example)
}

const fn may(name: &'static str, spec: &'static str, example: &'static str) -> HeaderRule {
    rule(name, Level::May, spec, example)
}

const fn when(mut rule: HeaderRule, condition: &'static str) -> HeaderRule {
    rule.condition = Some(condition);
    rule
}

const fn linted(mut rule: HeaderRule, lint: &'static str, says: &'static str) -> HeaderRule {
    rule.lint = Some(lint);
    rule.says = Some(says);
    rule
}

const fn may_be_empty(mut rule: HeaderRule) -> HeaderRule {
    rule.empty_ok = true;
    rule
}

const LOCATION_PERMANENT: &[HeaderRule] =
    &[should("Location", "RFC 9110 §15.4.2", "/new/location")];
const LOCATION_TEMPORARY: &[HeaderRule] =
    &[should("Location", "RFC 9110 §15.4.3", "/other/location")];

const IF_200_WOULD: &str = "if a 200 (OK) response to the same request would have carried it";

const fn informational(
    code: u16,
    reason: &'static str,
    name: &'static str,
    spec: &'static str,
) -> StatusInfo {
    StatusInfo {
        code,
        reason,
        name,
        http_name: Some(name),
        class: Class::Informational,
        spec,
        final_response: false,
        content_forbidden: true,
        cache: Cache::NotApplicable,
        ..BASE
    }
}

const fn entry(
    code: u16,
    reason: &'static str,
    name: &'static str,
    spec: &'static str,
) -> StatusInfo {
    let class = match Class::of(code) {
        Some(class) => class,
        None => panic!("registry code out of range"),
    };
    StatusInfo {
        code,
        reason,
        name,
        http_name: Some(name),
        class,
        spec,
        ..BASE
    }
}

const fn heuristic(mut info: StatusInfo) -> StatusInfo {
    info.cache = Cache::Heuristic;
    info
}

const fn must_not_store(mut info: StatusInfo) -> StatusInfo {
    info.cache = Cache::MustNotStore;
    info
}

const fn no_content(mut info: StatusInfo) -> StatusInfo {
    info.content_forbidden = true;
    info
}

const fn redirect(mut info: StatusInfo, should_headers: &'static [HeaderRule]) -> StatusInfo {
    info.redirect = true;
    info.should_headers = should_headers;
    info
}

/// Every registry entry, in ascending order of code (`lookup` relies on the order).
pub const ENTRIES: &[StatusInfo] = &[
    // 1xx: interim, never final, never content (RFC 9110 §15.2).
    informational(100, "Continue", "CONTINUE", "RFC 9110 §15.2.1"),
    StatusInfo {
        must_headers: &[must("Upgrade", "RFC 9110 §15.2.2", "websocket")],
        ..informational(
            101,
            "Switching Protocols",
            "SWITCHING_PROTOCOLS",
            "RFC 9110 §15.2.2",
        )
    },
    informational(102, "Processing", "PROCESSING", "RFC 2518 §10.1"),
    informational(103, "Early Hints", "EARLY_HINTS", "RFC 8297 §2"),
    StatusInfo {
        http_name: None,
        registry: Registry::Temporary,
        ..informational(
            104,
            "Upload Resumption Supported",
            "UPLOAD_RESUMPTION_SUPPORTED",
            "draft-ietf-httpbis-resumable-upload-05",
        )
    },
    // 2xx
    StatusInfo {
        should_headers: &[
            when(
                should("ETag", "RFC 9110 §15.3.1", "\"v1\""),
                "in a 200 to GET or HEAD, when available",
            ),
            when(
                should(
                    "Last-Modified",
                    "RFC 9110 §15.3.1",
                    "Tue, 15 Nov 1994 08:12:31 GMT",
                ),
                "in a 200 to GET or HEAD, when available",
            ),
        ],
        ..heuristic(entry(200, "OK", "OK", "RFC 9110 §15.3.1"))
    },
    StatusInfo {
        // No SHOULD in RFC 9110 (without it, the target URI names the created resource), but
        // clients look for it: `missing_location` advises it.
        may_headers: &[linted(
            may("Location", "RFC 9110 §15.3.2", "/things/42"),
            "missing_location",
            "the primary resource created by the request is identified by either a Location header field in the response or, if no Location header field is received, by the target URI",
        )],
        ..entry(201, "Created", "CREATED", "RFC 9110 §15.3.2")
    },
    entry(202, "Accepted", "ACCEPTED", "RFC 9110 §15.3.3"),
    heuristic(entry(
        203,
        "Non-Authoritative Information",
        "NON_AUTHORITATIVE_INFORMATION",
        "RFC 9110 §15.3.4",
    )),
    heuristic(no_content(entry(
        204,
        "No Content",
        "NO_CONTENT",
        "RFC 9110 §15.3.5",
    ))),
    no_content(entry(
        205,
        "Reset Content",
        "RESET_CONTENT",
        "RFC 9110 §15.3.6",
    )),
    StatusInfo {
        must_headers: &[
            when(
                must("Content-Range", "RFC 9110 §15.3.7.1", "bytes 0-99/1234"),
                "when a single part is transferred",
            ),
            when(
                must(
                    "Content-Type",
                    "RFC 9110 §15.3.7.2",
                    "multipart/byteranges; boundary=THIS_SEPARATES",
                ),
                "when multiple parts are transferred",
            ),
            when(
                must("Date", "RFC 9110 §15.3.7", "Tue, 15 Nov 1994 08:12:31 GMT"),
                IF_200_WOULD,
            ),
            when(
                must("Cache-Control", "RFC 9110 §15.3.7", "max-age=60"),
                IF_200_WOULD,
            ),
            when(must("ETag", "RFC 9110 §15.3.7", "\"v1\""), IF_200_WOULD),
            when(
                must(
                    "Expires",
                    "RFC 9110 §15.3.7",
                    "Tue, 15 Nov 1994 08:12:31 GMT",
                ),
                IF_200_WOULD,
            ),
            when(
                must("Content-Location", "RFC 9110 §15.3.7", "/resource"),
                IF_200_WOULD,
            ),
            when(
                must("Vary", "RFC 9110 §15.3.7", "Accept-Encoding"),
                IF_200_WOULD,
            ),
        ],
        ..heuristic(entry(
            206,
            "Partial Content",
            "PARTIAL_CONTENT",
            "RFC 9110 §15.3.7",
        ))
    },
    entry(207, "Multi-Status", "MULTI_STATUS", "RFC 4918 §11.1"),
    entry(208, "Already Reported", "ALREADY_REPORTED", "RFC 5842 §7.1"),
    StatusInfo {
        must_headers: &[must("ETag", "RFC 3229 §10.4.1", "\"v2\"")],
        cache: Cache::Conditional,
        ..entry(226, "IM Used", "IM_USED", "RFC 3229 §10.4.1")
    },
    // 3xx
    StatusInfo {
        should_headers: &[linted(
            when(
                should("Location", "RFC 9110 §15.4.1", "/preferred/choice"),
                "if the server has a preferred choice",
            ),
            "missing_location",
            "if the server has a preferred choice, the server SHOULD generate a Location header field containing a preferred choice's URI reference",
        )],
        ..heuristic(entry(
            300,
            "Multiple Choices",
            "MULTIPLE_CHOICES",
            "RFC 9110 §15.4.1",
        ))
    },
    heuristic(redirect(
        entry(
            301,
            "Moved Permanently",
            "MOVED_PERMANENTLY",
            "RFC 9110 §15.4.2",
        ),
        LOCATION_PERMANENT,
    )),
    redirect(
        entry(302, "Found", "FOUND", "RFC 9110 §15.4.3"),
        LOCATION_TEMPORARY,
    ),
    // 303 presupposes Location without an RFC 2119 keyword (RFC 9110 §15.4.4).
    redirect(
        entry(303, "See Other", "SEE_OTHER", "RFC 9110 §15.4.4"),
        &[],
    ),
    StatusInfo {
        must_headers: &[
            when(
                must("Content-Location", "RFC 9110 §15.4.5", "/resource"),
                IF_200_WOULD,
            ),
            when(
                must("Date", "RFC 9110 §15.4.5", "Tue, 15 Nov 1994 08:12:31 GMT"),
                IF_200_WOULD,
            ),
            when(must("ETag", "RFC 9110 §15.4.5", "\"v1\""), IF_200_WOULD),
            when(
                must("Vary", "RFC 9110 §15.4.5", "Accept-Encoding"),
                IF_200_WOULD,
            ),
            when(
                must("Cache-Control", "RFC 9110 §15.4.5", "max-age=60"),
                IF_200_WOULD,
            ),
            when(
                must(
                    "Expires",
                    "RFC 9110 §15.4.5",
                    "Tue, 15 Nov 1994 08:12:31 GMT",
                ),
                IF_200_WOULD,
            ),
        ],
        ..no_content(entry(
            304,
            "Not Modified",
            "NOT_MODIFIED",
            "RFC 9110 §15.4.5",
        ))
    },
    StatusInfo {
        registry: Registry::Deprecated,
        ..entry(305, "Use Proxy", "USE_PROXY", "RFC 9110 §15.4.6")
    },
    StatusInfo {
        http_name: None,
        registry: Registry::Reserved,
        cache: Cache::NotApplicable,
        ..entry(306, "(Unused)", "UNUSED", "RFC 9110 §15.4.7")
    },
    redirect(
        entry(
            307,
            "Temporary Redirect",
            "TEMPORARY_REDIRECT",
            "RFC 9110 §15.4.8",
        ),
        &[should("Location", "RFC 9110 §15.4.8", "/other/location")],
    ),
    heuristic(redirect(
        entry(
            308,
            "Permanent Redirect",
            "PERMANENT_REDIRECT",
            "RFC 9110 §15.4.9",
        ),
        &[should("Location", "RFC 9110 §15.4.9", "/new/location")],
    )),
    // 4xx
    entry(400, "Bad Request", "BAD_REQUEST", "RFC 9110 §15.5.1"),
    StatusInfo {
        must_headers: &[must("WWW-Authenticate", "RFC 9110 §15.5.2", "Bearer")],
        ..entry(401, "Unauthorized", "UNAUTHORIZED", "RFC 9110 §15.5.2")
    },
    StatusInfo {
        reserved_for_future_use: true,
        ..entry(
            402,
            "Payment Required",
            "PAYMENT_REQUIRED",
            "RFC 9110 §15.5.3",
        )
    },
    entry(403, "Forbidden", "FORBIDDEN", "RFC 9110 §15.5.4"),
    heuristic(entry(404, "Not Found", "NOT_FOUND", "RFC 9110 §15.5.5")),
    StatusInfo {
        must_headers: &[may_be_empty(must("Allow", "RFC 9110 §15.5.6", "GET, HEAD"))],
        ..heuristic(entry(
            405,
            "Method Not Allowed",
            "METHOD_NOT_ALLOWED",
            "RFC 9110 §15.5.6",
        ))
    },
    entry(406, "Not Acceptable", "NOT_ACCEPTABLE", "RFC 9110 §15.5.7"),
    StatusInfo {
        must_headers: &[must(
            "Proxy-Authenticate",
            "RFC 9110 §15.5.8",
            "Basic realm=\"proxy\"",
        )],
        ..entry(
            407,
            "Proxy Authentication Required",
            "PROXY_AUTHENTICATION_REQUIRED",
            "RFC 9110 §15.5.8",
        )
    },
    entry(
        408,
        "Request Timeout",
        "REQUEST_TIMEOUT",
        "RFC 9110 §15.5.9",
    ),
    entry(409, "Conflict", "CONFLICT", "RFC 9110 §15.5.10"),
    heuristic(entry(410, "Gone", "GONE", "RFC 9110 §15.5.11")),
    entry(
        411,
        "Length Required",
        "LENGTH_REQUIRED",
        "RFC 9110 §15.5.12",
    ),
    entry(
        412,
        "Precondition Failed",
        "PRECONDITION_FAILED",
        "RFC 9110 §15.5.13",
    ),
    StatusInfo {
        aliases: &["PAYLOAD_TOO_LARGE", "REQUEST_ENTITY_TOO_LARGE"],
        http_name: Some("PAYLOAD_TOO_LARGE"),
        should_headers: &[when(
            should("Retry-After", "RFC 9110 §15.5.14", "120"),
            "if the condition is temporary",
        )],
        ..entry(
            413,
            "Content Too Large",
            "CONTENT_TOO_LARGE",
            "RFC 9110 §15.5.14",
        )
    },
    StatusInfo {
        aliases: &["REQUEST_URI_TOO_LONG"],
        ..heuristic(entry(
            414,
            "URI Too Long",
            "URI_TOO_LONG",
            "RFC 9110 §15.5.15",
        ))
    },
    entry(
        415,
        "Unsupported Media Type",
        "UNSUPPORTED_MEDIA_TYPE",
        "RFC 9110 §15.5.16",
    ),
    StatusInfo {
        aliases: &["REQUESTED_RANGE_NOT_SATISFIABLE"],
        should_headers: &[linted(
            when(
                should("Content-Range", "RFC 9110 §15.5.17", "bytes */1234"),
                "to a byte-range request",
            ),
            "missing_content_range",
            "a server that generates a 416 response to a byte-range request SHOULD generate a Content-Range header field specifying the current length of the selected representation",
        )],
        ..entry(
            416,
            "Range Not Satisfiable",
            "RANGE_NOT_SATISFIABLE",
            "RFC 9110 §15.5.17",
        )
    },
    entry(
        417,
        "Expectation Failed",
        "EXPECTATION_FAILED",
        "RFC 9110 §15.5.18",
    ),
    StatusInfo {
        registry: Registry::Reserved,
        cache: Cache::NotApplicable,
        ..entry(418, "(Unused)", "IM_A_TEAPOT", "RFC 9110 §15.5.19")
    },
    entry(
        421,
        "Misdirected Request",
        "MISDIRECTED_REQUEST",
        "RFC 9110 §15.5.20",
    ),
    StatusInfo {
        aliases: &["UNPROCESSABLE_ENTITY"],
        http_name: Some("UNPROCESSABLE_ENTITY"),
        ..entry(
            422,
            "Unprocessable Content",
            "UNPROCESSABLE_CONTENT",
            "RFC 9110 §15.5.21",
        )
    },
    entry(423, "Locked", "LOCKED", "RFC 4918 §11.3"),
    entry(
        424,
        "Failed Dependency",
        "FAILED_DEPENDENCY",
        "RFC 4918 §11.4",
    ),
    entry(425, "Too Early", "TOO_EARLY", "RFC 8470 §5.2"),
    StatusInfo {
        must_headers: &[must("Upgrade", "RFC 9110 §15.5.22", "TLS/1.2, HTTP/1.1")],
        ..entry(
            426,
            "Upgrade Required",
            "UPGRADE_REQUIRED",
            "RFC 9110 §15.5.22",
        )
    },
    must_not_store(entry(
        428,
        "Precondition Required",
        "PRECONDITION_REQUIRED",
        "RFC 6585 §3",
    )),
    StatusInfo {
        may_headers: &[linted(
            may("Retry-After", "RFC 6585 §4", "60"),
            "missing_retry_after",
            "the response representations SHOULD include details explaining the condition, and MAY include a Retry-After header indicating how long to wait before making a new request",
        )],
        ..must_not_store(entry(
            429,
            "Too Many Requests",
            "TOO_MANY_REQUESTS",
            "RFC 6585 §4",
        ))
    },
    must_not_store(entry(
        431,
        "Request Header Fields Too Large",
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "RFC 6585 §5",
    )),
    StatusInfo {
        should_headers: &[linted(
            should(
                "Link",
                "RFC 7725 §4",
                "<https://example.org/legal-demand>; rel=\"blocked-by\"",
            ),
            "missing_blocked_by",
            "an entity that blocks access to a resource and returns status 451 SHOULD include a Link header field whose value is a URI reference identifying itself, with a rel parameter whose value is 'blocked-by'",
        )],
        ..heuristic(entry(
            451,
            "Unavailable For Legal Reasons",
            "UNAVAILABLE_FOR_LEGAL_REASONS",
            "RFC 7725 §3",
        ))
    },
    // 5xx
    entry(
        500,
        "Internal Server Error",
        "INTERNAL_SERVER_ERROR",
        "RFC 9110 §15.6.1",
    ),
    heuristic(entry(
        501,
        "Not Implemented",
        "NOT_IMPLEMENTED",
        "RFC 9110 §15.6.2",
    )),
    entry(502, "Bad Gateway", "BAD_GATEWAY", "RFC 9110 §15.6.3"),
    StatusInfo {
        may_headers: &[linted(
            may("Retry-After", "RFC 9110 §15.6.4", "120"),
            "missing_retry_after",
            "the server MAY send a Retry-After header field to suggest an appropriate amount of time for the client to wait before retrying the request",
        )],
        ..entry(
            503,
            "Service Unavailable",
            "SERVICE_UNAVAILABLE",
            "RFC 9110 §15.6.4",
        )
    },
    entry(
        504,
        "Gateway Timeout",
        "GATEWAY_TIMEOUT",
        "RFC 9110 §15.6.5",
    ),
    entry(
        505,
        "HTTP Version Not Supported",
        "HTTP_VERSION_NOT_SUPPORTED",
        "RFC 9110 §15.6.6",
    ),
    entry(
        506,
        "Variant Also Negotiates",
        "VARIANT_ALSO_NEGOTIATES",
        "RFC 2295 §8.1",
    ),
    entry(
        507,
        "Insufficient Storage",
        "INSUFFICIENT_STORAGE",
        "RFC 4918 §11.5",
    ),
    entry(508, "Loop Detected", "LOOP_DETECTED", "RFC 5842 §7.2"),
    StatusInfo {
        registry: Registry::Obsoleted,
        ..entry(510, "Not Extended", "NOT_EXTENDED", "RFC 2774 §7")
    },
    must_not_store(entry(
        511,
        "Network Authentication Required",
        "NETWORK_AUTHENTICATION_REQUIRED",
        "RFC 6585 §6",
    )),
];
