use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(404, code = "USUARIO_NO_ENCONTRADO_Ñ")]
    NotFound,
    #[status(409, code = "EMAIL TAKEN")]
    Taken,
}

fn main() {}
