use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(400, header("Content-Type" = "application/xml"))]
    BadXml,
}

fn main() {}
