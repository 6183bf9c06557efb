//! The shipped locales and their properties (tag, text direction, cookie value).

#[cfg(feature = "ssr")]
use unic_langid::{LanguageIdentifier, langid};

/// The cookie that remembers a visitor's language choice.
pub const LANGUAGE_COOKIE: &str = "sg_lang";

/// An interface language Schoolgate ships complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// British English, the fallback.
    #[default]
    EnGb,
    /// Simplified Chinese.
    ZhCn,
    /// Arabic, written right to left.
    Ar,
}

impl Locale {
    /// Every shipped locale, in the order the language menu lists them.
    pub const ALL: [Locale; 3] = [Locale::EnGb, Locale::ZhCn, Locale::Ar];

    /// The BCP 47 tag used in `<html lang>`, the cookie and the Fluent folder name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::ZhCn => "zh-CN",
            Locale::Ar => "ar",
        }
    }

    /// The text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            Locale::EnGb | Locale::ZhCn => "ltr",
        }
    }

    /// Parses an exact shipped tag, as written by us into the cookie or `<html lang>`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The Fluent language identifier.
    #[cfg(feature = "ssr")]
    pub fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::EnGb => langid!("en-GB"),
            Locale::ZhCn => langid!("zh-CN"),
            Locale::Ar => langid!("ar"),
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Locale::EnGb => 0,
            Locale::ZhCn => 1,
            Locale::Ar => 2,
        }
    }
}

/// The direction of text written in the language `tag` — an English notice inside an Arabic page
/// reads left to right — or `auto`, the browser deciding from the text, for a tag we do not ship.
pub fn dir_of(tag: &str) -> &'static str {
    Locale::from_tag(tag).map_or("auto", Locale::dir)
}
