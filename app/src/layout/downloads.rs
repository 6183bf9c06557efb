//! A page's files as download buttons, each with its size in the reader's language: a notice's
//! attachments, an event's.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, follow};
use crate::notices::AttachmentLink;
use crate::{msg, t};
use leptos::prelude::*;

/// "Attachments" and a button for each file; nothing when there are none.
pub fn download_list(i18n: I18n, files: Vec<AttachmentLink>) -> Option<AnyView> {
    (!files.is_empty()).then(|| {
        view! {
            <h2>{t!(i18n, "notice-files")}</h2>
            <ul class="attachments">
                {files.into_iter().map(|file| {
                    let kb = file.kb.to_string();
                    let label = format!("{} (", file.name);
                    view! {
                        <li>
                            <a class="button button--secondary" href=file.href rel="external" download>
                                {label}{follow(i18n, move |l| msg!(l, "notice-file-kb", kb = kb.as_str()))}")"
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    })
}
