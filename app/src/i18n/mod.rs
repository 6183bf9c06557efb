//! The interface languages: which ones ship, how a message is formatted, and the page's language.
//!
//! The server formats messages with i18n-embed and Fluent; the browser uses a catalogue compiled
//! from the same Fluent files (see `build.rs`), so switching language needs no request and the
//! wasm carries no Fluent runtime. Tests hold the two to the same output.

// The server formats with Fluent; it compiles the catalogue only to test it against Fluent.
#[cfg(any(not(feature = "ssr"), test))]
mod catalogue;
#[cfg(feature = "ssr")]
mod fluent;
mod locale;
#[cfg(feature = "ssr")]
pub mod negotiate;
mod per_locale;

/// The sections whose messages the browser loads with their pages: a section's pages call its
/// function (`i18n::sections::staff()`) before formatting its messages. The server has every
/// message in Fluent, so there they do nothing.
pub mod sections {
    include!(concat!(env!("OUT_DIR"), "/sections.rs"));
}

#[cfg(feature = "ssr")]
pub use fluent::{format_count, loader_for};
pub use locale::{LANGUAGE_COOKIE, Locale, dir_of};
pub use per_locale::PerLocale;

use leptos::prelude::*;

/// `key` in `locale`, with `args` filling its `{ $variables }`.
pub fn message_args(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    #[cfg(feature = "ssr")]
    {
        fluent::format(locale, key, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        catalogue::format(locale, key, args)
    }
}

/// `items` as one list in `locale` ("Year 3, 3A", "三年级、3A").
#[cfg(feature = "ssr")]
pub fn list(locale: Locale, items: &[String]) -> String {
    items.join(&crate::msg!(locale, "format-list-separator"))
}

/// The page's current language, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// The language the server renders in. Only the browser's language menu changes the
    /// language, so on the server it is fixed for the whole render and read without the signal:
    /// a page reads it for every text it shows (a district board, about 150 times), and each
    /// read of the signal went through the request's reactive arena and a lock.
    #[cfg(feature = "ssr")]
    rendered: Locale,
}

impl I18n {
    /// Puts a language signal starting at `initial` into context and returns it.
    pub fn provide(initial: Locale) -> Self {
        let i18n = Self::new(initial);
        provide_context(i18n);
        i18n
    }

    fn new(initial: Locale) -> Self {
        Self {
            locale: RwSignal::new(initial),
            #[cfg(feature = "ssr")]
            rendered: initial,
        }
    }

    /// The language in context (see [`crate::frame_context::provided`]).
    pub fn expect() -> Self {
        crate::frame_context::provided(|| Self::new(Locale::default()))
    }

    /// The current locale, tracked in the browser.
    ///
    /// On the server it is the language the page renders in; the signal is not read at all, so
    /// a render the browser walked away from, whose owner (and this signal with it) is disposed
    /// while it still runs, reads no disposed value.
    pub fn locale(&self) -> Locale {
        #[cfg(feature = "ssr")]
        {
            self.rendered
        }
        #[cfg(not(feature = "ssr"))]
        {
            // `try_get` alone is not enough: tracking a disposed signal inside a reactive
            // closure panics before it is read.
            if self.locale.is_disposed() {
                return Locale::default();
            }
            self.locale.try_get().unwrap_or_default()
        }
    }

    /// The current locale, without tracking (the default once disposed, as [`Self::locale`]).
    pub fn locale_untracked(&self) -> Locale {
        #[cfg(feature = "ssr")]
        {
            self.rendered
        }
        #[cfg(not(feature = "ssr"))]
        {
            self.locale.try_get_untracked().unwrap_or_default()
        }
    }

    /// Switches the interface language (the browser's language menu).
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }
}

/// Translated text as a page shows it: in the browser a signal that follows the language menu;
/// on the server the text itself, since a page renders once, in one language.
///
/// Not a signal on the server, for two reasons. A signal lives in the request's reactive arena,
/// and Leptos reads every signal in a view again when a `Suspense` checks its children for
/// pending data — a check that can still be running on another thread while the sent page's owner
/// is disposed, which then panicked ("Tried to access a reactive value that has already been
/// disposed": four times in 83,000 district boards, none in 47,000 since). And a slot in the
/// arena, its clone at each read and its disposal were a tenth of the district board's server CPU.
#[cfg(feature = "ssr")]
pub type Text = String;
/// Translated text as a page shows it (see the server's definition).
#[cfg(not(feature = "ssr"))]
pub type Text = Signal<String>;

/// A translated string that follows the page's language.
///
/// One non-generic function, so every translated text node shares one compiled render path
/// instead of one per call site; that keeps the wasm small.
///
/// On the server it is made once, when the view is (see [`follow`]).
pub fn text(i18n: I18n, key: &'static str) -> Text {
    follow(i18n, move |locale| message_args(locale, key, &[]))
}

/// A page title for `<Title text=…>`: in the browser it follows the language menu; on the server
/// it is fixed in the language the page is rendered in, because leptos_meta reads it after the
/// body has rendered, when no reactive owner (nor arena) is active — creating a signal then
/// panics, at random, depending on the thread the response finishes on.
pub fn title_text(i18n: I18n, key: &'static str) -> leptos::text_prop::TextProp {
    #[cfg(feature = "ssr")]
    {
        message_args(i18n.locale_untracked(), key, &[]).into()
    }
    #[cfg(not(feature = "ssr"))]
    {
        (move || message_args(i18n.locale(), key, &[])).into()
    }
}

/// A page title from a signal, for the same reason as [`title_text`]: read now on the server,
/// followed in the browser.
pub fn title_from(title: Signal<String>) -> leptos::text_prop::TextProp {
    #[cfg(feature = "ssr")]
    {
        title.get_untracked().into()
    }
    #[cfg(not(feature = "ssr"))]
    {
        (move || title.get()).into()
    }
}

/// A page title from a text the page also shows: see [`title_from`].
pub fn title_of(title: &Text) -> leptos::text_prop::TextProp {
    #[cfg(feature = "ssr")]
    {
        title.clone().into()
    }
    #[cfg(not(feature = "ssr"))]
    {
        title_from(*title)
    }
}

/// A text that is the same in every language (a name, a time) where a translated one can stand.
pub fn fixed(text: String) -> Text {
    #[cfg(feature = "ssr")]
    {
        text
    }
    #[cfg(not(feature = "ssr"))]
    {
        Signal::stored(text)
    }
}

/// `text` as a signal, for code that reads it in closures of its own.
pub fn as_signal(text: Text) -> Signal<String> {
    #[cfg(feature = "ssr")]
    {
        Signal::stored(text)
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

/// Text made for the page's current language by `make`, following the language menu.
///
/// Giving every dynamic text node the same type ([`Text`]) shares one compiled render
/// path between them, as [`text`] does for plain messages.
///
/// The one place that decides how a translated text is made, for [`text`] and [`localized`]
/// too. On the server `make` runs once, when the view is made: a page renders once, in one
/// language, and what `make` reads must not change while it renders (a page's signals are
/// written by its browser code). Derived there, each text was made twice (Leptos reads a signal
/// when it looks for pending data and again when it writes the page) and allocated a closure
/// and a slot: a sixth of the district board's CPU a request; the stored signal kept the slot
/// ([`Text`]).
pub fn follow(i18n: I18n, make: impl Fn(Locale) -> String + Send + Sync + 'static) -> Text {
    #[cfg(feature = "ssr")]
    {
        make(i18n.locale_untracked())
    }
    #[cfg(not(feature = "ssr"))]
    {
        Signal::derive(move || make(i18n.locale()))
    }
}

/// Text the server made for every language, following the language menu (one compiled path
/// for all such texts, unlike a [`follow`] closure per call).
pub fn localized(i18n: I18n, text: PerLocale<String>) -> Text {
    follow(i18n, move |locale| text.text(locale))
}

/// Checks at compile time (in server builds) that the fallback locale has the message; the
/// branch is removed by the optimiser. The tests check every other locale.
#[cfg(feature = "ssr")]
#[doc(hidden)]
#[macro_export]
macro_rules! __check_message {
    ($key:literal $(, $name:ident = $val:expr)*) => {
        if false {
            let _ = i18n_embed_fl::fl!(
                $crate::i18n::loader_for($crate::i18n::Locale::EnGb),
                $key $(, $name = $val)*
            );
        }
    };
}

#[cfg(not(feature = "ssr"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __check_message {
    ($key:literal $(, $name:ident = $val:expr)*) => {};
}

/// A translated string: `t!(i18n, "key")` gives a [`Text`].
#[macro_export]
macro_rules! t {
    ($i18n:expr, $key:literal) => {{
        $crate::__check_message!($key);
        $crate::i18n::text($i18n, $key)
    }};
}

/// A translated string in a given locale, now: `msg!(locale, "key", name = "value")`.
#[macro_export]
macro_rules! msg {
    ($locale:expr, $key:literal $(, $name:ident = $val:expr)* $(,)?) => {{
        $crate::__check_message!($key $(, $name = $val)*);
        $crate::i18n::message_args($locale, $key, &[$((stringify!($name), $val)),*])
    }};
}

/// A translated string that depends on a number, server-side: `msg_count!(locale, "key", n)`
/// passes `$count` as a number, so the message can choose its plural form.
#[cfg(feature = "ssr")]
#[macro_export]
macro_rules! msg_count {
    ($locale:expr, $key:literal, $count:expr) => {{
        $crate::__check_message!($key, count = 0u32);
        $crate::i18n::format_count($locale, $key, $count)
    }};
}

#[cfg(test)]
mod tests;
