//! The browser's message catalogue, compiled from the Fluent files by `build.rs`.

use super::Locale;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Marks a variable in a text: `text \u{1}name\u{1} text`.
const VAR: char = '\u{1}';

/// The `index`th piece of a string cut by end offsets.
fn cut(joined: &'static str, ends: &[u16], index: usize) -> &'static str {
    let start = index.checked_sub(1).map_or(0, |i| usize::from(ends[i]));
    joined.get(start..usize::from(ends[index])).unwrap_or("")
}

fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    let (mut low, mut high) = (0, KEY_ENDS.len());
    let index = loop {
        if low >= high {
            return None;
        }
        let middle = low + (high - low) / 2;
        match cut(KEYS, &KEY_ENDS, middle).cmp(key) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => break middle,
        }
    };
    let text = cut(TEXTS[locale.index()], &TEXT_ENDS[locale.index()], index);
    (!text.is_empty()).then_some(text)
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

/// Every key a locale has, for the completeness tests.
#[cfg(test)]
pub fn keys(locale: Locale) -> impl Iterator<Item = &'static str> {
    (0..KEY_ENDS.len())
        .filter(move |&i| !cut(TEXTS[locale.index()], &TEXT_ENDS[locale.index()], i).is_empty())
        .map(|i| cut(KEYS, &KEY_ENDS, i))
}
