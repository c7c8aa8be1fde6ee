#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"api\""))]
    Unauthenticated,
    // An empty Allow is legal: the resource allows no methods (RFC 9110 §10.2.1).
    #[status(405, header("Allow" = ""))]
    Disabled,
    #[status(407, header("Proxy-Authenticate" = "Basic realm=\"proxy\""))]
    ProxyAuth,
    #[status(426, header("Upgrade" = "TLS/1.2, HTTP/1.1"), header("Connection" = "upgrade"))]
    UseTls,
    #[status(303, header("Location" = "/login"))]
    Login,
    #[status(307, header("location" = "{target}"))]
    Elsewhere { target: String },
}

fn main() {
    assert_eq!(ApiError::Disabled.headers()["allow"], "");
    assert_eq!(ApiError::Elsewhere { target: "/x".into() }.headers()["location"], "/x");
}
