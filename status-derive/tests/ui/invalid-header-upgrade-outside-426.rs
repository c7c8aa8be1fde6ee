use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("Upgrade" = "websocket"), header("Connection" = "upgrade"))]
    Invalid,
}

fn main() {}
