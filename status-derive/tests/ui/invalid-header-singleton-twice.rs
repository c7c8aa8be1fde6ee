use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Redirect {
    #[status(307, header("Location" = "/a"), header("location" = "/b"))]
    Elsewhere,
}

fn main() {}
