//! A lazily loaded page's data, decoded by the page's own code.
//!
//! A lazy route starts loading its data in the main wasm (`data()`), alongside the download of
//! its chunk. Typed data would put every such page's decoder (and its resource's machinery) in
//! the main module, which every visitor downloads. Carried as raw JSON — the same bytes on the
//! wire and in the hydration data — the main module holds one reader for all of them, and each
//! page's types are decoded in its own chunk.

use crate::error::AppError;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::value::RawValue;

/// A page's data as JSON, encoded on the server, decoded by the page.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PageData(Box<RawValue>);

impl PageData {
    /// Encodes `value` for a page.
    #[cfg(feature = "ssr")]
    pub fn encode<T: Serialize>(value: &T) -> Result<Self, AppError> {
        serde_json::value::to_raw_value(value)
            .map(Self)
            .map_err(|e| {
                tracing::error!(error = %e, "a page's data could not be encoded");
                AppError::Internal
            })
    }

    /// The typed data; JSON of another shape is an answer the page cannot read.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_json::from_str(self.0.get()).map_err(|_| AppError::Network)
    }
}

/// A server function's answer for a page: its data, or the error with the response's status set.
#[cfg(feature = "ssr")]
pub fn answer<T: Serialize>(result: Result<T, AppError>) -> Result<PageData, AppError> {
    crate::error::respond(result.and_then(|value| PageData::encode(&value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_plain_json_on_the_wire_and_refuses_another_shape() {
        let data = PageData::encode(&vec![(1, "un".to_string())]).expect("encodes");
        assert_eq!(
            serde_json::to_string(&data).expect("serializes"),
            r#"[[1,"un"]]"#
        );
        let read: PageData = serde_json::from_str(r#" [[1, "un"]] "#).expect("reads");
        assert_eq!(
            read.decode::<Vec<(i32, String)>>(),
            Ok(vec![(1, "un".to_string())])
        );
        assert_eq!(read.decode::<bool>(), Err(AppError::Network));
    }
}
