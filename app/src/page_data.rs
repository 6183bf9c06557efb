//! A lazily loaded page's data, decoded by the page's own code.
//!
//! A lazy route starts loading its data in the main wasm (`data()`), alongside the download of
//! its chunk. Typed data would put every such page's decoder (and its resource's machinery) in
//! the main module, which every visitor downloads. Carried as the encoded bytes — the same on the
//! wire and in the hydration data — the main module holds one reader for all of them, and each
//! page's types are decoded in its own chunk.
//!
//! For the same reason those pages ask for their data through one server function,
//! [`load_page`], naming the page: one client in the main module instead of one per page. Each
//! page's loader on the server keeps its own access checks.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// A lazily loaded page whose data [`load_page`] answers with; what `id` and `more` mean for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageName {
    /// One notice the signed-in guardian may see, `id` (opening it marks it read).
    Notice,
    /// The signed-in guardian's notification centre.
    Notifications,
    /// The signed-in guardian's e-mail choice per category.
    EmailSettings,
    /// The signed-in user's upcoming events.
    Agenda,
    /// One event the signed-in user may see, `id`.
    Event,
    /// The signed-in user's calendar subscription.
    Subscription,
    /// The signed-in user's newsfeed: the page of posts older than post `id`, or the newest.
    News,
    /// One post with its comments, `id`.
    NewsPost,
    /// A post's text and translations to edit, `id`, for the staff who look after it.
    NewsEdit,
    /// The signed-in guardian's forms for the children the switcher shows; or form `id` for their
    /// child `more` (the first child it is for when none is given).
    Forms,
}

/// The data of the lazily loaded page `page`, for the signed-in user: what each page's loader
/// answers, with that loader's access checks. A page that needs an `id` and has none is one that
/// does not exist (404).
#[server(endpoint = "page", output = crate::codec::Answer)]
pub async fn load_page(
    page: PageName,
    id: Option<i32>,
    more: Option<i32>,
) -> Result<PageData, AppError> {
    use crate::{calendar, forms, news, notices};
    let id_or_missing = id.unwrap_or(0);
    match page {
        PageName::Notice => answer(notices::guardian_view::open(id_or_missing).await),
        PageName::Notifications => answer(notices::guardian_view::notifications().await),
        PageName::EmailSettings => answer(notices::guardian_view::email_settings().await),
        PageName::Agenda => answer(calendar::reader::agenda().await),
        PageName::Event => answer(calendar::reader::event(id_or_missing).await),
        PageName::Subscription => answer(calendar::feed::subscription().await),
        PageName::News => answer(news::reader::feed(id).await),
        PageName::NewsPost => answer(news::comments::page(id_or_missing).await),
        PageName::NewsEdit => answer(news::edits::page(id_or_missing).await),
        PageName::Forms => match id {
            None => answer(forms::reader::list().await),
            Some(id) => answer(forms::reader::page(id, more).await),
        },
    }
}

/// A page's data in [`crate::codec::Postcard`], encoded on the server, decoded by the page.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PageData(Vec<u8>);

impl PageData {
    /// Encodes `value` for a page.
    #[cfg(feature = "ssr")]
    pub fn encode<T: Serialize>(value: &T) -> Result<Self, AppError> {
        postcard::to_allocvec(value).map(Self).map_err(|e| {
            tracing::error!(error = %e, "a page's data could not be encoded");
            AppError::Internal
        })
    }

    /// The typed data; data of another shape is an answer the page cannot read.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        crate::codec::decode_whole(&self.0).map_err(|_| AppError::Network)
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
    fn carries_a_value_whole_and_refuses_another_shape() {
        let data = PageData::encode(&vec![(1, "un".to_string())]).expect("encodes");
        let sent = postcard::to_allocvec(&data).expect("serializes");
        let read: PageData = postcard::from_bytes(&sent).expect("reads");
        assert_eq!(
            read.decode::<Vec<(i32, String)>>(),
            Ok(vec![(1, "un".to_string())])
        );
        assert_eq!(read.decode::<Vec<(i32, i32)>>(), Err(AppError::Network));
        assert_eq!(
            read.decode::<Vec<(i32, String, String)>>(),
            Err(AppError::Network)
        );
    }
}
