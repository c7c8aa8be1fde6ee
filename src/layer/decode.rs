//! Reading a framework's error text that a compression layer inside ours has already encoded:
//! the codings tower-http's `CompressionLayer` and actix-web's `Compress` write (`gzip`,
//! `deflate` — which HTTP means as zlib, RFC 9110 §8.4.1.2 —, `br`, `zstd`), decoded by pure
//! Rust decoders, never past the size limit of the text however small the encoded body.

use std::io::Read;

/// A content coding this layer can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    Gzip,
    Deflate,
    Brotli,
    Zstd,
}

impl Coding {
    /// The coding of this name (case-insensitive), as RFC 9110 §8.4.1 registers them.
    fn named(name: &str) -> Option<Coding> {
        [
            ("gzip", Coding::Gzip),
            ("x-gzip", Coding::Gzip),
            ("deflate", Coding::Deflate),
            ("br", Coding::Brotli),
            ("zstd", Coding::Zstd),
        ]
        .into_iter()
        .find_map(|(known, coding)| name.eq_ignore_ascii_case(known).then_some(coding))
    }
}

/// What a `Content-Encoding` field asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoded {
    /// No field, or `identity`: the body is the text.
    No,
    /// One coding this layer decodes.
    With(Coding),
    /// A coding it does not know, or several stacked: the response is left as it is.
    Unknown,
}

impl Encoded {
    /// The coding named by the `Content-Encoding` field values (raw bytes, so that actix-web
    /// passes its own header values).
    pub(crate) fn of<'a>(values: impl Iterator<Item = &'a [u8]>) -> Encoded {
        let mut found = None;
        for value in values {
            let Ok(text) = core::str::from_utf8(value) else {
                return Encoded::Unknown;
            };
            for name in text.split(',').map(str::trim) {
                if name.eq_ignore_ascii_case("identity") {
                    continue;
                }
                let Some(coding) = Coding::named(name) else {
                    return Encoded::Unknown;
                };
                if found.replace(coding).is_some() {
                    return Encoded::Unknown;
                }
            }
        }
        found.map_or(Encoded::No, Encoded::With)
    }
}

/// Why an encoded body could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecodable {
    /// It decodes to more than the limit: read no further.
    TooLong,
    /// It is not valid in its coding.
    Corrupt,
}

/// The decoded bytes of `body`, at most `limit` of them: the buffer never grows past `limit`,
/// so a small body that expands enormously (a "zip bomb") costs at most `limit` bytes.
pub(crate) fn decode(coding: Coding, body: &[u8], limit: usize) -> Result<Vec<u8>, Undecodable> {
    match coding {
        Coding::Gzip => read_limited(flate2::read::MultiGzDecoder::new(body), limit),
        // HTTP's "deflate" is the zlib format; a few servers send raw deflate instead.
        Coding::Deflate => {
            read_limited(flate2::read::ZlibDecoder::new(body), limit).or_else(|failure| {
                match failure {
                    Undecodable::Corrupt => {
                        read_limited(flate2::read::DeflateDecoder::new(body), limit)
                    }
                    Undecodable::TooLong => Err(failure),
                }
            })
        }
        Coding::Brotli => read_limited(brotli_decompressor::Decompressor::new(body, CHUNK), limit),
        Coding::Zstd => {
            let decoder =
                ruzstd::decoding::StreamingDecoder::new(body).map_err(|_| Undecodable::Corrupt)?;
            read_limited(decoder, limit)
        }
    }
}

/// The decoders' read size.
const CHUNK: usize = 4096;

/// Everything `reader` yields, refused once it passes `limit`.
fn read_limited(mut reader: impl Read, limit: usize) -> Result<Vec<u8>, Undecodable> {
    let mut out = Vec::new();
    let mut chunk = [0u8; CHUNK];
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => return Ok(out),
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(Undecodable::Corrupt),
        };
        let needed = out.len() + read;
        if needed > limit {
            return Err(Undecodable::TooLong);
        }
        if out.capacity() < needed {
            // Doubling, but never past the limit.
            let target = (out.capacity() * 2).clamp(needed, limit);
            out.reserve_exact(target - out.len());
        }
        out.extend_from_slice(&chunk[..read]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn raw_deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
    }

    const TEXT: &[u8] = b"Invalid URL: Cannot parse `abc` to a `u64`";

    #[test]
    fn codings_by_name() {
        let of = |values: &[&str]| Encoded::of(values.iter().map(|v| v.as_bytes()));
        assert_eq!(of(&[]), Encoded::No);
        assert_eq!(of(&["identity"]), Encoded::No);
        assert_eq!(of(&["gzip"]), Encoded::With(Coding::Gzip));
        assert_eq!(of(&["GZIP"]), Encoded::With(Coding::Gzip));
        assert_eq!(of(&["x-gzip"]), Encoded::With(Coding::Gzip));
        assert_eq!(of(&["deflate"]), Encoded::With(Coding::Deflate));
        assert_eq!(of(&[" br "]), Encoded::With(Coding::Brotli));
        assert_eq!(of(&["zstd"]), Encoded::With(Coding::Zstd));
        assert_eq!(of(&["identity, gzip"]), Encoded::With(Coding::Gzip));
        for unknown in [
            &["compress"][..],
            &["gzip, br"],
            &["gzip", "br"],
            &[""],
            &["gzip2"],
        ] {
            assert_eq!(of(unknown), Encoded::Unknown, "{unknown:?}");
        }
        assert_eq!(
            Encoded::of([&b"g\xffzip"[..]].into_iter()),
            Encoded::Unknown
        );
    }

    #[test]
    fn each_coding_decodes() {
        assert_eq!(decode(Coding::Gzip, &gzip(TEXT), 1024).unwrap(), TEXT);
        assert_eq!(decode(Coding::Deflate, &zlib(TEXT), 1024).unwrap(), TEXT);
        assert_eq!(
            decode(Coding::Deflate, &raw_deflate(TEXT), 1024).unwrap(),
            TEXT
        );
        assert_eq!(decode(Coding::Zstd, &zstd(TEXT), 1024).unwrap(), TEXT);
        // The shortest brotli stream: one empty last meta-block.
        assert_eq!(decode(Coding::Brotli, &[0x06], 1024).unwrap(), b"");
        // An uncompressed meta-block with the text, then an empty last one: what a brotli
        // encoder writes for input it cannot compress (RFC 7932 §9.2).
        // Bit 0: WBITS = 16 (0); bit 1: ISLAST = 0; bits 2-3: MNIBBLES = 4 (0); bits 4-19:
        // MLEN - 1; bit 20: ISUNCOMPRESSED = 1.
        let header: u32 = (TEXT.len() as u32 - 1) << 4 | 1 << 20;
        let mut stream = header.to_le_bytes()[..3].to_vec();
        stream.extend_from_slice(TEXT);
        stream.push(0b11); // ISLAST, ISLASTEMPTY
        assert_eq!(decode(Coding::Brotli, &stream, 1024).unwrap(), TEXT);
    }

    #[test]
    fn corrupt_bodies_are_refused() {
        for coding in [Coding::Gzip, Coding::Deflate, Coding::Brotli, Coding::Zstd] {
            assert_eq!(
                decode(coding, b"plain text, not encoded at all", 1024),
                Err(Undecodable::Corrupt),
                "{coding:?}"
            );
        }
        let mut truncated = gzip(TEXT);
        truncated.truncate(truncated.len() - 10);
        assert_eq!(
            decode(Coding::Gzip, &truncated, 1024),
            Err(Undecodable::Corrupt)
        );
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let limit = 16 * 1024;
        for (coding, bomb) in [
            (Coding::Gzip, gzip(&zeros)),
            (Coding::Deflate, zlib(&zeros)),
            (Coding::Zstd, zstd(&zeros)),
        ] {
            assert!(bomb.len() < 64 * 1024, "{coding:?}: {}", bomb.len());
            assert_eq!(
                decode(coding, &bomb, limit),
                Err(Undecodable::TooLong),
                "{coding:?}"
            );
        }
        // Exactly at the limit is fine, and the buffer is not larger than the limit.
        let text = decode(Coding::Gzip, &gzip(&zeros[..limit]), limit).unwrap();
        assert_eq!(text.len(), limit);
        assert!(text.capacity() <= limit, "{}", text.capacity());
    }
}
