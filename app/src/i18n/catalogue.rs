//! The browser's message catalogue, compiled from the Fluent files by `build.rs`: the main
//! module's table, and the tables of the sections whose pages have loaded.

use super::Locale;
use std::sync::OnceLock;

/// One table of messages: keys sorted and joined, each locale's texts joined, both cut by end
/// offsets.
pub(super) struct Table {
    keys: &'static str,
    key_ends: &'static [u16],
    texts: [&'static str; 3],
    text_ends: [&'static [u16]; 3],
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The sections' tables, each set once its pages call `i18n::sections::name()`.
static LOADED: [OnceLock<&'static Table>; SECTIONS] = [const { OnceLock::new() }; SECTIONS];

/// Adds a section's table; a second call changes nothing.
pub(super) fn load(slot: usize, table: &'static Table) {
    if let Some(place) = LOADED.get(slot) {
        let _ = place.set(table);
    }
}

/// Marks a variable in a text: `text \u{1}name\u{1} text`.
const VAR: char = '\u{1}';

/// The `index`th piece of a string cut by end offsets.
fn cut(joined: &'static str, ends: &[u16], index: usize) -> &'static str {
    let start = index.checked_sub(1).map_or(0, |i| usize::from(ends[i]));
    joined.get(start..usize::from(ends[index])).unwrap_or("")
}

impl Table {
    /// The text of `key` in `locale`, if this table has it in that locale.
    fn text(&self, locale: Locale, key: &str) -> Option<&'static str> {
        let (mut low, mut high) = (0, self.key_ends.len());
        let index = loop {
            if low >= high {
                return None;
            }
            let middle = low + (high - low) / 2;
            match cut(self.keys, self.key_ends, middle).cmp(key) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => break middle,
            }
        };
        let text = cut(
            self.texts[locale.index()],
            self.text_ends[locale.index()],
            index,
        );
        (!text.is_empty()).then_some(text)
    }
}

/// The text of `key` in `locale` from the main table or a loaded section's.
fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    MAIN.text(locale, key).or_else(|| {
        LOADED
            .iter()
            .filter_map(OnceLock::get)
            .find_map(|table| table.text(locale, key))
    })
}

/// Formats `key` in `locale`, falling back to en-GB as Fluent does, and to the key itself.
pub fn format(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let Some(pattern) = lookup(locale, key).or_else(|| lookup(Locale::EnGb, key)) else {
        return key.to_string();
    };
    let mut text = String::new();
    // Text and variable names alternate between the marks.
    for (i, piece) in pattern.split(VAR).enumerate() {
        if i % 2 == 0 {
            text.push_str(piece);
            continue;
        }
        match args.iter().find(|(n, _)| *n == piece) {
            Some((_, value)) => text.push_str(value),
            // Fluent's own rendering of a missing argument.
            None => {
                text.push('{');
                text.push('$');
                text.push_str(piece);
                text.push('}');
            }
        }
    }
    text
}

/// Keys of a locale's server-only messages, which the catalogue leaves out.
#[cfg(test)]
pub fn server_only_keys(locale: Locale) -> impl Iterator<Item = &'static str> {
    SERVER_ONLY[locale.index()].iter().copied()
}

/// Every key a locale has in any table, for the completeness tests.
#[cfg(test)]
pub fn keys(locale: Locale) -> impl Iterator<Item = &'static str> {
    ALL.iter().flat_map(move |table| {
        (0..table.key_ends.len())
            .map(move |i| cut(table.keys, table.key_ends, i))
            .filter(move |key| table.text(locale, key).is_some())
    })
}

/// Loads every section, as if each section's pages had been opened.
#[cfg(test)]
pub fn load_all() {
    for (slot, table) in ALL.iter().skip(1).enumerate() {
        load(slot, table);
    }
}

/// Whether the main table alone has `key` (the tests check pages in the main module use only
/// these).
#[cfg(test)]
pub fn in_main(key: &str) -> bool {
    Locale::ALL
        .iter()
        .any(|&locale| MAIN.text(locale, key).is_some())
}
