use http_status::HttpStatus;

struct Xml;

#[derive(HttpStatus)]
#[status(400, format = Xml)]
struct BadInput;

fn main() {}
