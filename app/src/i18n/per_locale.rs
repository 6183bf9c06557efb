//! A value prepared on the server for every shipped language, so the browser switches language
//! without asking again and carries no date or number data of its own.

use super::Locale;
use serde::{Deserialize, Serialize};

/// One value per shipped locale, in [`Locale::ALL`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PerLocale<T>(Vec<T>);

impl<T> PerLocale<T> {
    /// Makes the value for each shipped locale.
    pub fn build(make: impl FnMut(Locale) -> T) -> Self {
        Self(Locale::ALL.into_iter().map(make).collect())
    }

    /// The value for `locale`; the fallback locale's if the sender left it out.
    pub fn get(&self, locale: Locale) -> Option<&T> {
        self.0.get(locale.index()).or_else(|| self.0.first())
    }
}

impl PerLocale<String> {
    /// The text for `locale`, empty if there is none at all.
    pub fn text(&self, locale: Locale) -> String {
        self.get(locale).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_locale_gets_its_own_value_and_missing_ones_fall_back() {
        let tags = PerLocale::build(|l| l.tag().to_string());
        assert_eq!(tags.text(Locale::ZhCn), "zh-CN");
        assert_eq!(tags.text(Locale::Ar), "ar");
        let short: PerLocale<String> = serde_json::from_str(r#"["only"]"#).expect("decodes");
        assert_eq!(short.text(Locale::Ar), "only");
        assert_eq!(PerLocale::<String>::default().text(Locale::EnGb), "");
    }
}
