//! Completeness checks: every shipped locale carries every key the fallback has, and no more.
//! (`fl!` already refuses at compile time a key the fallback lacks.)

use super::*;
use std::collections::BTreeSet;

fn keys(locale: Locale) -> BTreeSet<String> {
    loader_for(locale).with_message_iter(&locale.langid(), |iter| {
        iter.map(|m| m.id.name.to_string()).collect()
    })
}

#[test]
fn every_locale_has_exactly_the_fallback_keys() {
    let reference = keys(Locale::EnGb);
    assert!(reference.len() > 20, "en-GB should ship the shell strings");
    for locale in Locale::ALL {
        let have = keys(locale);
        let missing: Vec<_> = reference.difference(&have).collect();
        let extra: Vec<_> = have.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in en-GB {extra:?}",
            locale.tag()
        );
    }
}

#[test]
fn every_key_used_in_the_code_exists_in_every_locale() {
    let used = keys_used_in_sources(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    assert!(
        !used.is_empty(),
        "the scan should find the keys the views use"
    );
    for locale in Locale::ALL {
        let have = keys(locale);
        let missing: Vec<_> = used.difference(&have).collect();
        assert!(
            missing.is_empty(),
            "{}: no message for {missing:?}",
            locale.tag()
        );
    }
}

/// Keys passed as literals to `t!`/`fl!`, found by reading the sources, so the check also
/// covers locales other than the one `fl!` verifies at compile time.
fn keys_used_in_sources(dir: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&p).unwrap_or_default();
                // Doc comments show the macro with placeholder keys.
                let text: String = source
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for (marker, receiver) in [("t!(", "i18n,\""), ("fl!(", "loader,\"")] {
                    for piece in text.split(marker).skip(1) {
                        let compact: String = piece
                            .chars()
                            .take(120)
                            .filter(|c| !c.is_whitespace())
                            .collect();
                        if let Some(rest) = compact.strip_prefix(receiver)
                            && let Some(end) = rest.find('"')
                        {
                            found.insert(rest[..end].to_string());
                        }
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_message_formats_in_every_locale() {
    for locale in Locale::ALL {
        let loader = loader_for(locale);
        for key in keys(locale) {
            let args = std::collections::HashMap::from([("school", "St Mary's")]);
            let text = loader.get_args(&key, args);
            assert!(!text.is_empty(), "{}: {key} is empty", locale.tag());
            assert!(
                !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                "isolation marks should be off"
            );
        }
    }
}

#[test]
fn locales_translate_rather_than_fall_back() {
    let en = loader_for(Locale::EnGb).get("nav-notices");
    assert_eq!(loader_for(Locale::ZhCn).get("nav-notices"), "通知");
    assert_ne!(loader_for(Locale::Ar).get("nav-notices"), en);
}

#[test]
fn tags_round_trip_and_arabic_is_rtl() {
    for locale in Locale::ALL {
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
    }
    assert_eq!(Locale::Ar.dir(), "rtl");
    assert_eq!(Locale::ZhCn.dir(), "ltr");
    assert_eq!(Locale::from_tag("fr"), None);
}
