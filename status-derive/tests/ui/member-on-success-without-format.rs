use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(201, header("Location" = "/users/{id}"))]
    Created {
        #[status(extension)]
        id: u64,
    },
}

fn main() {}
