use http_status::HttpStatus;

#[derive(HttpStatus)]
#[status(500)]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
