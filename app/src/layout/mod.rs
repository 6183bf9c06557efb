//! The frame around every page: top bar, section navigation and the main region.

mod downloads;
pub mod form_parts;
mod icons;
mod language_menu;
mod tab_nav;
mod text_area;
mod top_bar;

pub use downloads::download_list;
pub use icons::Icon;
#[cfg(feature = "ssr")]
pub use language_menu::return_path;
pub use language_menu::{LanguageMenu, SetLanguage, endonym, set_language};
pub use tab_nav::TabNav;
pub use text_area::TextArea;
pub use top_bar::TopBar;

use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;

/// Skip link, top bar, navigation (bottom tabs on phones, a side column on wide screens), content.
#[component]
pub fn AppFrame(children: Children) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, "skip-to-content")}</a>
        <div class="frame">
            <TopBar/>
            <TabNav/>
            <main id="main" class="content" tabindex="-1">{children()}</main>
        </div>
    }
}
