use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Redirect {
    #[status(308, header("Location" = "/new home"))]
    Moved,
}

fn main() {}
