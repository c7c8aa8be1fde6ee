use http_status::HttpStatus;

#[derive(HttpStatus)]
enum Outcome {
    #[status(201, format = "problem", type = "https://example.com/created", instance = "/users/{id}", header("Location" = "/users/{id}"))]
    Created { id: u64 },
}

fn main() {}
