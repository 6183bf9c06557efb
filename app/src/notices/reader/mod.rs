//! The parents' notice pages: Leptos components on typed data from the notice server functions.
//! The board is in the main wasm (it is where parents go); a notice, the notification centre
//! and the e-mail settings are lazily loaded routes. Everything shown follows the language menu
//! at once: the data carries every translation and every date in every language.

mod board;
mod email_settings;
mod notice;
mod notifications;

pub use board::{NoticeBoardPage, board_resource};
pub use email_settings::EmailSettingsRoute;
pub use notice::NoticeRoute;
pub use notifications::NotificationsRoute;

use leptos::prelude::*;

/// A small label on a card or a notice, its text following the language.
#[component]
fn Badge(class: String, text: crate::i18n::Text) -> impl IntoView {
    view! { <span class=format!("badge {class}")>{text}</span> }
}
