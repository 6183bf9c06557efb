//! The browser's message catalogue, compiled from the Fluent files by `build.rs`.

use super::Locale;

/// One piece of a message: literal text or a `{ $variable }`.
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    /// Text as written in the Fluent file.
    Text(&'static str),
    /// A variable filled from the arguments.
    Var(&'static str),
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

fn lookup(locale: Locale, key: &str) -> Option<&'static [Piece]> {
    let messages = CATALOGUE[locale.index()];
    messages
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| messages[i].1)
}

/// Formats `key` in `locale`, falling back to en-GB as Fluent does, and to the key itself.
pub fn format(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let Some(pieces) = lookup(locale, key).or_else(|| lookup(Locale::EnGb, key)) else {
        return key.to_string();
    };
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Var(name) => {
                let value = args.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
                match value {
                    Some(v) => text.push_str(v),
                    // Fluent's own rendering of a missing argument.
                    None => {
                        text.push('{');
                        text.push('$');
                        text.push_str(name);
                        text.push('}');
                    }
                }
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
    CATALOGUE[locale.index()].iter().map(|(k, _)| *k)
}
