//! The interface languages: which ones ship, their Fluent loaders, and the per-page language signal.
//!
//! All locales are embedded in both the server and the wasm so the language menu can switch the
//! whole interface in the browser without asking the server for strings.

mod locale;
#[cfg(feature = "ssr")]
pub mod negotiate;

pub use locale::{LANGUAGE_COOKIE, Locale};

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use leptos::prelude::*;
use rust_embed::RustEmbed;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// One loader per shipped locale, each falling back to en-GB for anything missing.
fn loaders() -> &'static [FluentLanguageLoader] {
    static LOADERS: OnceLock<Vec<FluentLanguageLoader>> = OnceLock::new();
    LOADERS.get_or_init(|| {
        let base: FluentLanguageLoader = fluent_language_loader!();
        let all: Vec<_> = Locale::ALL.iter().map(|l| l.langid()).collect();
        // The files are compiled in, so failing to load them is a build defect, not a runtime state.
        base.load_languages(&Localizations, &all)
            .expect("embedded Fluent files must load");
        // Isolation marks confuse screen readers on short UI strings and break text comparisons.
        base.set_use_isolating(false);
        Locale::ALL
            .iter()
            .map(|l| base.select_languages(&[l.langid()]))
            .collect()
    })
}

/// The Fluent loader for one locale.
pub fn loader_for(locale: Locale) -> &'static FluentLanguageLoader {
    &loaders()[locale.index()]
}

/// The page's current language, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Puts a language signal starting at `initial` into context and returns it.
    pub fn provide(initial: Locale) -> Self {
        let i18n = Self {
            locale: RwSignal::new(initial),
        };
        provide_context(i18n);
        i18n
    }

    /// The language in context; panics only if `App` forgot to provide it, a programming error.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The current locale, tracked.
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches the interface language.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The loader for the current locale, tracked so views re-render on a switch.
    pub fn loader(&self) -> &'static FluentLanguageLoader {
        loader_for(self.locale.get())
    }
}

/// A translated string that follows the page's language.
///
/// One non-generic function, so every translated text node shares one compiled render path
/// instead of one per call site; that keeps the wasm small.
pub fn text(i18n: I18n, key: &'static str) -> Signal<String> {
    Signal::derive(move || i18n.loader().get(key))
}

/// A reactive translated string: `t!(i18n, "key")`. The key is checked against the fallback
/// locale at compile time (by `fl!` in a branch the optimiser removes), and against every
/// locale by the tests.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $key:literal) => {{
        if false {
            let _ = i18n_embed_fl::fl!($crate::i18n::loader_for($crate::i18n::Locale::EnGb), $key);
        }
        $crate::i18n::text($i18n, $key)
    }};
}

#[cfg(test)]
mod tests;
