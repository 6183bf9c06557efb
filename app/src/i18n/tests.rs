//! Completeness and agreement checks for the shipped languages. (`fl!` already refuses at
//! compile time a key the fallback lacks.)

use super::*;
use std::collections::BTreeSet;

fn fluent_keys(locale: Locale) -> BTreeSet<String> {
    loader_for(locale).with_message_iter(&locale.langid(), |iter| {
        iter.map(|m| m.id.name.to_string()).collect()
    })
}

#[test]
fn every_locale_has_exactly_the_fallback_keys() {
    let reference = fluent_keys(Locale::EnGb);
    assert!(reference.len() > 20, "en-GB should ship the shell strings");
    for locale in Locale::ALL {
        let have = fluent_keys(locale);
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
        used.len() > 20,
        "the scan should find the keys the views use: {used:?}"
    );
    for locale in Locale::ALL {
        let have = fluent_keys(locale);
        let missing: Vec<_> = used.difference(&have).collect();
        assert!(
            missing.is_empty(),
            "{}: no message for {missing:?}",
            locale.tag()
        );
    }
}

/// The keys used in these files and folders under `app/src/`.
fn keys_used_in(parts: &[&str]) -> BTreeSet<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/");
    parts
        .iter()
        .flat_map(|part| keys_used_in_sources(&format!("{root}{part}")))
        .collect()
}

/// Keys passed as literals to `t!` and `msg!`, found by reading the sources, so the check also
/// covers the locales `fl!` does not verify at compile time.
fn keys_used_in_sources(dir: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(path) = stack.pop() {
        // A single file is scanned as a folder holding only it.
        let paths: Vec<std::path::PathBuf> = if path.is_file() {
            vec![path]
        } else {
            let Ok(entries) = std::fs::read_dir(&path) else {
                continue;
            };
            entries.flatten().map(|e| e.path()).collect()
        };
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&p).unwrap_or_default();
                // Comments show the macros with placeholder keys.
                let text: String = source
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for marker in ["t!(", "msg!("] {
                    for (at, _) in text.match_indices(marker) {
                        // `t!(` inside `assert!(` or `format!(` is not our macro.
                        let before = text[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"') {
                            continue;
                        }
                        // The key is the first string literal before the call's first `)`.
                        let call = text[at + marker.len()..]
                            .split(')')
                            .next()
                            .unwrap_or_default();
                        if let Some(key) = call.split('"').nth(1) {
                            found.insert(key.to_string());
                        }
                    }
                }
            }
        }
    }
    found
}

#[test]
fn the_browser_catalogue_matches_fluent_for_every_message() {
    let args = [("school", "St Mary's")];
    catalogue::load_all();
    for locale in Locale::ALL {
        let catalogue: BTreeSet<String> = catalogue::keys(locale).map(str::to_string).collect();
        let server_only: BTreeSet<String> = catalogue::server_only_keys(locale)
            .map(str::to_string)
            .collect();
        assert!(
            catalogue.is_disjoint(&server_only),
            "{}: a key is both in the catalogue and server-only",
            locale.tag()
        );
        assert_eq!(
            catalogue
                .union(&server_only)
                .cloned()
                .collect::<BTreeSet<_>>(),
            fluent_keys(locale),
            "{}: key sets differ",
            locale.tag()
        );
        assert!(server_only.contains("letter-title") && !server_only.contains("sign-out"));
        for key in &catalogue {
            let fluent = fluent::format(locale, key, &args);
            let browser = catalogue::format(locale, key, &args);
            assert_eq!(browser, fluent, "{}: {key}", locale.tag());
            assert!(!fluent.is_empty(), "{}: {key} is empty", locale.tag());
            assert!(
                !fluent.contains('\u{2068}') && !fluent.contains('\u{2069}'),
                "isolation marks should be off"
            );
        }
    }
}

#[test]
fn locales_translate_rather_than_fall_back() {
    let en = message_args(Locale::EnGb, "nav-notices", &[]);
    assert_eq!(message_args(Locale::ZhCn, "nav-notices", &[]), "通知");
    assert_ne!(message_args(Locale::Ar, "nav-notices", &[]), en);
    assert_eq!(
        catalogue::format(Locale::ZhCn, "home-title", &[("school", "河畔小学")]),
        "欢迎来到河畔小学"
    );
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

/// Pages the browser renders format their messages from the catalogue; a message kept out of it
/// ("Server only") would show as its key there.
#[test]
fn browser_pages_use_only_catalogue_messages() {
    let used = keys_used_in(&[
        "notices/reader",
        "notices/staff_pages",
        "notices/staff_dto.rs",
        "notices/dto.rs",
        "pages",
        "layout",
    ]);
    assert!(
        used.len() > 60,
        "the scan should find the pages' keys: {used:?}"
    );
    let server_only: BTreeSet<&str> = catalogue::SERVER_ONLY[0].iter().copied().collect();
    let wrong: Vec<_> = used
        .iter()
        .filter(|key| server_only.contains(key.as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "server-only messages used by browser pages: {wrong:?}"
    );
}

/// A section's messages reach the browser only when its pages load (`i18n::sections`), so code
/// the main module runs before that must format only main messages. The built wasm is checked
/// for the same by `scripts/check-chunk-messages`; this catches it before a build.
#[test]
fn main_module_pages_use_only_main_messages() {
    let used = keys_used_in(&[
        "app.rs",
        "sections.rs",
        "error.rs",
        "children",
        "layout/mod.rs",
        "layout/top_bar.rs",
        "layout/tab_nav.rs",
        "layout/language_menu.rs",
        "pages/home.rs",
        "pages/sign_in.rs",
        "pages/not_found.rs",
        "pages/error_panel.rs",
        "pages/loading.rs",
        "notices/reader/board.rs",
    ]);
    assert!(
        used.len() > 50,
        "the scan should find the shell's keys: {used:?}"
    );
    let outside: Vec<_> = used.iter().filter(|k| !catalogue::in_main(k)).collect();
    assert!(
        outside.is_empty(),
        "the main module formats messages of a section: {outside:?}"
    );
    // Each section's own words are not in the main table.
    for key in [
        "notice-compose-title",
        "calendar-subscribe-title",
        "notice-show-original",
        "join-title",
    ] {
        assert!(!catalogue::in_main(key), "{key} should be in its section");
    }
}

/// A server render reads each text twice (Leptos's `dry_resolve`, looking for pending data, then
/// the HTML): the text must be made once, not once per read.
#[test]
fn a_server_render_makes_each_text_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let made = Arc::new(AtomicUsize::new(0));
    let html = Owner::new().with(|| {
        let i18n = I18n::provide(Locale::Ar);
        let count = made.clone();
        let about = follow(i18n, move |l| {
            count.fetch_add(1, Ordering::Relaxed);
            l.tag().to_string()
        });
        let when = localized(i18n, PerLocale::build(|l| format!("at {}", l.tag())));
        let mut page = view! { <p>{about}" "{when}</p> };
        page.dry_resolve();
        page.to_html()
    });
    assert_eq!(made.load(Ordering::Relaxed), 1, "{html}");
    assert!(html.contains("ar") && html.contains("at ar"), "{html}");
}

/// Content keeps its own direction in a page of the other: `dir` from the language it is in.
#[test]
fn text_direction_follows_the_language_it_is_written_in() {
    assert_eq!(dir_of("ar"), "rtl");
    assert_eq!(dir_of("en-GB"), "ltr");
    assert_eq!(dir_of("zh-CN"), "ltr");
    // A language we do not ship: the browser decides from the text.
    assert_eq!(dir_of("fa"), "auto");
    assert_eq!(dir_of(""), "auto");
}
