#![deny(warnings)]

use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(499, reason = "Client Closed Request")]
    ClientClosed,
}

fn main() {
    let response = ApiError::ClientClosed.to_response();
    assert_eq!(response.status(), 499);
    assert_eq!(
        response.body(),
        r#"{"type":"about:blank","title":"Client Closed Request","status":499}"#
    );
}
