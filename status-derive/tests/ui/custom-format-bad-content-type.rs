use http_status::{Format, HttpStatus, Problem};

struct Broken;

impl Format for Broken {
    const CONTENT_TYPE: &'static str = "application/json\r\nX-Injected: 1";
    fn write(_: &Problem<'_>, _: &mut Vec<u8>) {}
}

#[derive(HttpStatus)]
#[status(400, format = Broken)]
struct BadInput;

fn main() {}
