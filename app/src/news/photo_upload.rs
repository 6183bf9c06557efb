//! The post form's photos sent one request each as soon as they are picked (gloo-net, to
//! `/admin/news/{story}/photo`): each shows its own progress, a photo that does not get through
//! is tried again alone while the text and the other photos stay as they are, and no post is
//! ever too big to send. Publishing waits until none is on its way. Without JavaScript the
//! photos go with the post instead, as before.

use super::NewsPhoto;
use crate::i18n::PerLocale;
use leptos::prelude::*;

/// A photo on its way, or one that did not get through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sending {
    /// Its place in the form's list.
    pub key: u32,
    /// The file's name, as the phone gave it.
    pub name: String,
    /// Set once it failed: the server's reason, or `None` when the connection failed.
    pub failed: Option<Option<PerLocale<String>>>,
}

/// The form's uploads: those on their way or failed, those that arrived, and (in the browser)
/// the files kept for trying again.
#[derive(Clone, Copy)]
pub struct Uploads {
    #[cfg(feature = "hydrate")]
    url: StoredValue<String>,
    /// On their way, or failed.
    pub sending: RwSignal<Vec<Sending>>,
    /// Arrived and held for the form, in the order they arrived.
    pub arrived: RwSignal<Vec<NewsPhoto>>,
    #[cfg(feature = "hydrate")]
    next: StoredValue<u32>,
    #[cfg(feature = "hydrate")]
    files: StoredValue<std::collections::HashMap<u32, web_sys::File>, LocalStorage>,
}

impl Uploads {
    /// Uploads for the post form at `action` (the form's own address).
    pub fn new(action: &str) -> Self {
        #[cfg(not(feature = "hydrate"))]
        let _ = action;
        Self {
            #[cfg(feature = "hydrate")]
            url: StoredValue::new(format!("{action}/photo")),
            sending: RwSignal::new(Vec::new()),
            arrived: RwSignal::new(Vec::new()),
            #[cfg(feature = "hydrate")]
            next: StoredValue::new(0),
            #[cfg(feature = "hydrate")]
            files: StoredValue::new_local(std::collections::HashMap::new()),
        }
    }

    /// Whether a photo is still on its way.
    pub fn busy(self) -> bool {
        self.sending.with(|s| s.iter().any(|i| i.failed.is_none()))
    }

    /// Sends the files just picked in the file input `ev` came from, then empties it so the post
    /// does not carry them again.
    pub fn pick(self, ev: &leptos::ev::Event) {
        #[cfg(feature = "hydrate")]
        {
            let input: web_sys::HtmlInputElement = event_target(ev);
            let Some(list) = input.files() else {
                return;
            };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            for file in files {
                let key = self.next.get_value();
                self.next.set_value(key.wrapping_add(1));
                let name = file.name();
                self.files.update_value(|m| {
                    m.insert(key, file);
                });
                self.sending.update(|s| {
                    s.push(Sending {
                        key,
                        name,
                        failed: None,
                    })
                });
                self.send(key);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    }

    /// Tries photo `key` again.
    pub fn retry(self, key: u32) {
        self.sending.update(|s| {
            if let Some(item) = s.iter_mut().find(|i| i.key == key) {
                item.failed = None;
            }
        });
        self.send(key);
    }

    /// Leaves photo `key` out of the post.
    pub fn leave_out(self, key: u32) {
        self.sending.update(|s| s.retain(|i| i.key != key));
        #[cfg(feature = "hydrate")]
        self.files.update_value(|m| {
            m.remove(&key);
        });
    }

    fn send(self, key: u32) {
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = self.files.with_value(|m| m.get(&key).cloned()) else {
                return;
            };
            let url = self.url.get_value();
            leptos::task::spawn_local(async move {
                match post_photo(&url, &file).await {
                    Ok(photo) => {
                        self.leave_out(key);
                        self.arrived.update(|a| a.push(photo));
                    }
                    Err(reason) => self.sending.update(|s| {
                        if let Some(item) = s.iter_mut().find(|i| i.key == key) {
                            item.failed = Some(reason);
                        }
                    }),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = key;
    }
}

/// Posts one photo; the photo held for the form, or the server's reason (`None` when the answer
/// never came or could not be read).
#[cfg(feature = "hydrate")]
async fn post_photo(
    url: &str,
    file: &web_sys::File,
) -> Result<NewsPhoto, Option<PerLocale<String>>> {
    let form = web_sys::FormData::new().map_err(|_| None)?;
    form.append_with_blob_and_filename("photo", file, &file.name())
        .map_err(|_| None)?;
    let response = gloo_net::http::Request::post(url)
        .header("Accept", crate::codec::POSTCARD)
        .body(form)
        .map_err(|_| None)?
        .send()
        .await
        .map_err(|_| None)?;
    let bytes = response.binary().await.map_err(|_| None)?;
    if response.ok() {
        crate::codec::decode_whole::<NewsPhoto>(&bytes).map_err(|_| None)
    } else {
        Err(crate::codec::decode_whole::<super::PhotoRefusal>(&bytes)
            .ok()
            .map(|r| r.message))
    }
}
