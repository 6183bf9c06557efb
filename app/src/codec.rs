//! The encoding our server functions answer in.
//!
//! Leptos decodes a resource's hydration data with `serde_json::from_str` but server_fn's own
//! JSON codec decodes answers with `serde_json::from_slice`; serde monomorphizes every type once
//! per reader, so each data type was compiled into the wasm twice. Answers decoded from text
//! share the one copy the resources need.

use leptos::server_fn::codec::{Encoding, Post};
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{Serialize, de::DeserializeOwned};

/// JSON, decoded from UTF-8 text.
pub struct JsonText;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        // Invalid UTF-8 is reported by the same parser as any other malformed answer.
        let text = String::from_utf8_lossy(&bytes);
        serde_json::from_str(&text)
    }
}

/// A `POST` answered with [`JsonText`]: the output encoding of every server function that
/// returns data to a page.
pub type Answer = Post<JsonText>;

// Checked at compile time: `Answer` is a complete server_fn encoding.
const _: fn() = || {
    fn is_encoding<E: Encoding>() {}
    is_encoding::<Answer>();
};
