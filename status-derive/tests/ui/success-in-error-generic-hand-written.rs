use http_status::HttpStatus;
use std::fmt;

#[derive(Debug, HttpStatus)]
enum Wrapper<T> {
    #[status(200)]
    Done(T),
}

impl<T: fmt::Debug> fmt::Display for Wrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl<T: fmt::Debug> std::error::Error for Wrapper<T> {}

fn main() {}
