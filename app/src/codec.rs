//! The encoding of what the server sends a page: server functions' answers and errors, and the
//! data a page hydrates from.
//!
//! Postcard, not JSON: serde compiles a decoder for every type once per format, and JSON's carry
//! field names, number parsing and error messages, which were the largest part of the decoders
//! in the main wasm. Every page's data goes through this one format, so the wasm holds one
//! reader.
//!
//! On the wire an answer is the bytes themselves. In a page's hydration data it has to be a
//! string, and it is written as text ([`bytes_as_text`]): postcard keeps strings as they are, so
//! a notice's words stay words there, which compress as well as the page around them. Base64,
//! Leptos's way for binary data, compressed so badly that the board's page grew from 2.9 to 3.5
//! KB of brotli; as text it is 2.7 KB, less than with JSON's field names.

use leptos::server::codee;
use leptos::server_fn::codec::{Encoding, Post};
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{Serialize, de::DeserializeOwned};

/// Postcard: serde's compact binary format.
pub struct Postcard;

/// Postcard's media type, for the answers that do not go through a server function.
pub const POSTCARD: &str = "application/x-postcard";

/// `value` in postcard.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(value)
}

/// `bytes` decoded as one whole `T`: postcard stops where `T` ends, so bytes left over mean the
/// sender wrote another shape, which is an error rather than a value read from its first part.
pub fn decode_whole<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, postcard::Error> {
    match postcard::take_from_bytes(bytes)? {
        (value, []) => Ok(value),
        _ => Err(postcard::Error::DeserializeBadEncoding),
    }
}

impl ContentType for Postcard {
    const CONTENT_TYPE: &'static str = POSTCARD;
}

impl FormatType for Postcard {
    const FORMAT_TYPE: Format = Format::Binary;
}

impl<T: Serialize> Encodes<T> for Postcard {
    type Error = postcard::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        encode(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for Postcard {
    type Error = postcard::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        decode_whole(&bytes)
    }
}

impl<T: Serialize> codee::Encoder<T> for Postcard {
    type Error = postcard::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<Self::Encoded, Self::Error> {
        encode(value).map(|bytes| bytes_as_text(&bytes))
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for Postcard {
    type Error = postcard::Error;
    type Encoded = str;

    fn decode(text: &Self::Encoded) -> Result<T, Self::Error> {
        decode_whole(&text_as_bytes(text))
    }
}

/// The first of the 256 characters that each stand for one byte in [`bytes_as_text`] (Latin
/// Extended-B and the IPA letters, U+0180–U+027F): printable, so Leptos writes them into the page
/// as they are, and rare in a school's texts (where one is, its bytes are written one by one,
/// which still reads back). Below U+0300, so the `{:?}` Leptos writes a page's data with takes its
/// short path for them (no grapheme look-up, a short table walk): twelve times faster than the
/// Braille patterns used before, which were also three bytes of UTF-8 each instead of two.
const BYTE_CHARS: u32 = 0x180;

/// Where the bytes' characters were before (the Braille patterns, U+2800–U+28FF): still read
/// as bytes, so a form's draft a phone kept from then comes back.
const EARLIER_BYTE_CHARS: u32 = 0x2800;

/// The byte `c` stands for, if it is one of the bytes' characters.
fn byte_of(c: char) -> Option<u8> {
    let c = u32::from(c);
    [BYTE_CHARS, EARLIER_BYTE_CHARS]
        .into_iter()
        .find_map(|first| u8::try_from(c.checked_sub(first)?).ok())
}

/// Whether `c` is written as its bytes: a control character (which the page's script would
/// escape, longer), `<` (which Leptos replaces in the page with `\u003c` before quoting the
/// string, an escape only a JSON reader turns back into `<`), or one of the characters that
/// stand for bytes.
fn written_as_bytes(c: char) -> bool {
    c.is_control() || c == '<' || byte_of(c).is_some()
}

fn push_byte(out: &mut String, byte: u8) {
    out.extend(char::from_u32(BYTE_CHARS + u32::from(byte)));
}

/// `bytes` as text: every run that is UTF-8 as itself, every other byte as one of the 256
/// characters from [`BYTE_CHARS`]. [`text_as_bytes`] gives the bytes back.
pub fn bytes_as_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    // Each valid run and the bytes after it that are not UTF-8 where they stand, in one pass.
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if written_as_bytes(c) {
                for &byte in c.encode_utf8(&mut [0; 4]).as_bytes() {
                    push_byte(&mut out, byte);
                }
            } else {
                out.push(c);
            }
        }
        for &byte in chunk.invalid() {
            push_byte(&mut out, byte);
        }
    }
    out
}

/// The bytes [`bytes_as_text`] wrote as `text`.
pub fn text_as_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match byte_of(c) {
            Some(byte) => out.push(byte),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

/// A `POST` answered with [`Postcard`]: the output encoding of every server function.
pub type Answer = Post<Postcard>;

// Checked at compile time: `Answer` is a complete server_fn encoding.
const _: fn() = || {
    fn is_encoding<E: Encoding>() {}
    is_encoding::<Answer>();
};

#[cfg(test)]
mod tests {
    use super::{Postcard, bytes_as_text, text_as_bytes};
    use crate::error::AppError;
    use leptos::server::codee::{Decoder, Encoder};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_come_back_from_text(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(text_as_bytes(&bytes_as_text(&bytes)), bytes);
        }

        #[test]
        fn any_text_comes_back_too(text in any::<String>()) {
            prop_assert_eq!(text_as_bytes(&bytes_as_text(text.as_bytes())), text.as_bytes());
        }
    }

    #[test]
    fn words_stay_words_in_a_pages_data() {
        let notice = (
            "Trip to the museum",
            "博物馆之旅",
            "رحلة إلى المتحف (< 7)",
            "Excursie la muzeu: și ə, ⠁",
        );
        let bytes = postcard::to_allocvec(&notice).expect("encodes");
        let text = bytes_as_text(&bytes);
        assert!(
            text.contains("Trip to the museum") && text.contains("博物馆之旅"),
            "{text}"
        );
        assert!(text.contains("رحلة إلى المتحف"), "{text}");
        assert!(!text.contains('<'), "{text}");
        // A short string's length is a byte below 32, which as UTF-8 is a control character:
        // it is written as a byte's character, never as an escape in the page's script.
        assert!(!text.chars().any(char::is_control), "{text:?}");
        let back: (String, String, String, String) =
            <Postcard as Decoder<_>>::decode(text.as_str()).expect("decodes");
        assert_eq!(
            back,
            (
                notice.0.into(),
                notice.1.into(),
                notice.2.into(),
                notice.3.into()
            )
        );
    }

    #[test]
    fn the_bytes_characters_go_into_the_page_unescaped() {
        for byte in 0..=255u8 {
            let written = bytes_as_text(&[byte, b'<', 0x80]);
            // One character a byte: `byte` (itself when printable ASCII), then `<` and 0x80.
            let [c, lt, high]: [char; 3] = written
                .chars()
                .collect::<Vec<_>>()
                .try_into()
                .expect("one character a byte");
            for c in [lt, high].into_iter().chain(super::byte_of(c).map(|_| c)) {
                // What Leptos writes into the page's script: quoted, not escaped.
                let shown = c.to_string();
                assert_eq!(format!("{shown:?}"), format!("\"{shown}\""), "{byte}");
                assert!(c.len_utf8() == 2 && u32::from(c) < 0x300, "{byte}");
            }
            assert_eq!(text_as_bytes(&written), [byte, b'<', 0x80]);
        }
    }

    #[test]
    fn text_written_with_the_earlier_characters_still_reads_back() {
        let sent = ("Trip", 7u32, vec![true, false]);
        let bytes = postcard::to_allocvec(&sent).expect("encodes");
        let earlier: String = bytes
            .iter()
            .map(|&b| match b {
                b' '..=b'~' if b != b'<' => char::from(b),
                _ => char::from_u32(super::EARLIER_BYTE_CHARS + u32::from(b)).expect("a char"),
            })
            .collect();
        let back: (String, u32, Vec<bool>) =
            <Postcard as Decoder<_>>::decode(earlier.as_str()).expect("decodes");
        assert_eq!(back, ("Trip".to_string(), 7, vec![true, false]));
    }

    #[test]
    fn a_value_comes_back_as_it_went_and_another_shape_is_refused() {
        let sent: Result<Vec<(i32, String)>, AppError> = Ok(vec![(1, "un".to_string())]);
        let text = <Postcard as Encoder<_>>::encode(&sent).expect("encodes");
        let back: Result<Vec<(i32, String)>, AppError> =
            <Postcard as Decoder<_>>::decode(text.as_str()).expect("decodes");
        assert_eq!(back, sent);
        let bytes = text_as_bytes(&text);
        // Half an answer is an error, not a shorter value; so is one with bytes to spare.
        let cut =
            super::decode_whole::<Result<Vec<(i32, String)>, AppError>>(&bytes[..bytes.len() - 1]);
        assert!(cut.is_err());
        let longer = super::decode_whole::<Result<Vec<(i32, u8)>, AppError>>(&bytes);
        assert!(longer.is_err(), "{longer:?}");
    }
}
