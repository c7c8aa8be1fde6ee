use http_status::HttpStatus;

#[derive(HttpStatus)]
enum ApiError {
    #[status(412, header("ETag" = "v7"))]
    Stale,
    #[status(400, header("Cache-Control" = "max-age=ten"))]
    Cached,
    #[status(400, header("Link" = "https://example.com/help; rel=\"help\""))]
    Help,
    #[status(401, header("WWW-Authenticate" = "Bearer realm=\"a\", realm=\"b\""))]
    TwoRealms,
    #[status(401, header("WWW-Authenticate" = "Bearer realm = \"a\""))]
    Spaced,
    #[status(406, header("Vary" = "Accept;"))]
    Varies,
    #[status(400, header("Content-Disposition" = "attachment; filename=a b.txt"))]
    Download,
    #[status(416, header("Content-Range" = "bytes 500-400/1234"))]
    Range,
    #[status(400, header("Age" = "-1"))]
    Old,
}

fn main() {}
