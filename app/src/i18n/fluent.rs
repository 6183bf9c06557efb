//! Server-side formatting with i18n-embed: one Fluent loader per locale, all files embedded.

use super::Locale;
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The Fluent loader for one locale; each falls back to en-GB for anything missing.
pub fn loader_for(locale: Locale) -> &'static FluentLanguageLoader {
    static LOADERS: OnceLock<Vec<FluentLanguageLoader>> = OnceLock::new();
    let loaders = LOADERS.get_or_init(|| {
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
    });
    &loaders[locale.index()]
}

/// Formats `key` in `locale` with string arguments.
pub fn format(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let loader = loader_for(locale);
    if args.is_empty() {
        loader.get(key)
    } else {
        let map: HashMap<&str, &str> = args.iter().copied().collect();
        loader.get_args(key, map)
    }
}

/// Formats `key` in `locale` with `$count` as a number, so plural forms are chosen by it.
pub fn format_count(locale: Locale, key: &str, count: u32) -> String {
    loader_for(locale).get_args(key, HashMap::from([("count", count)]))
}
