//! The compose form as typed: read from form fields, filled from a stored draft, and checked
//! into a draft with every problem for publishing listed (each in every language).

use crate::audience::Audience;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::store::{Draft, TranslationInput};
use crate::notices::{Category, ComposeFields, FormProblem};
use chrono::{NaiveDate, Utc};
use std::collections::BTreeMap;

/// Longest title, of a notice or an event.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest body source, of a notice or an event's description.
pub const MAX_BODY_CHARS: usize = 20_000;

/// A problem with `field`, its text made for every shipped language.
pub fn problem(field: &str, text: impl FnMut(Locale) -> String) -> FormProblem {
    FormProblem {
        field: field.to_string(),
        text: PerLocale::build(text),
    }
}

/// Checks a staff form's title (a notice's, an event's): required, at most
/// [`MAX_TITLE_CHARS`]; returns it trimmed.
pub fn checked_title(typed: &str, problems: &mut Vec<FormProblem>) -> String {
    let title = typed.trim().to_string();
    if title.is_empty() {
        problems.push(problem("title", |l| msg!(l, "error-field-required")));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        problems.push(problem("title", |l| msg!(l, "error-field-too-long")));
    }
    title
}

impl ComposeFields {
    /// Takes one form field as typed; unknown names are ignored.
    pub fn set(&mut self, name: &str, value: String) {
        let number = || value.trim().parse::<i32>().ok();
        match name {
            "id" => self.id = number(),
            "title" => self.title = value,
            "body" => self.body = value,
            "language" => self.language = value,
            "category" => self.category = value,
            "whole_school" => self.whole_school = true,
            "staff_only" => self.staff_only = true,
            "year_group" => self.year_groups.extend(number()),
            "class" => self.classes.extend(number()),
            "pupil" => self.pupils.extend(number()),
            "ack_required" => self.ack_required = true,
            "ack_by" => self.ack_by = value,
            "publish_at" => self.publish_at = value,
            "expires_at" => self.expires_at = value,
            "pinned" => self.pinned = true,
            "remove_file" => self.remove_files.extend(number()),
            other => {
                if let Some(tag) = other.strip_prefix("title_") {
                    self.translations.entry(tag.to_string()).or_default().0 = value;
                } else if let Some(tag) = other.strip_prefix("body_") {
                    self.translations.entry(tag.to_string()).or_default().1 = value;
                }
            }
        }
    }

    /// The chosen audience; a target ticked twice (a chip and the full list) counts once.
    pub fn audience(&self) -> Audience {
        Audience::ticked(
            self.whole_school,
            self.staff_only,
            &self.year_groups,
            &self.classes,
            &self.pupils,
        )
    }

    /// The fields of a stored draft or notice, times in the school's zone.
    pub fn from_draft(id: i32, draft: &Draft, timezone: &str) -> Self {
        Self {
            id: Some(id),
            title: draft.title.clone(),
            body: draft.body_source.clone(),
            language: draft.language.tag().to_string(),
            category: draft.category.code().to_string(),
            whole_school: draft.audience.whole_school,
            staff_only: draft.audience.staff_only,
            year_groups: draft.audience.year_groups.clone(),
            classes: draft.audience.classes.clone(),
            pupils: draft.audience.pupils.clone(),
            ack_required: draft.ack_required,
            ack_by: draft.ack_by.map(|d| d.to_string()).unwrap_or_default(),
            publish_at: draft
                .publish_at
                .map(|t| crate::dates::input_value(timezone, t))
                .unwrap_or_default(),
            expires_at: draft
                .expires_at
                .map(|t| crate::dates::input_value(timezone, t))
                .unwrap_or_default(),
            pinned: draft.pinned,
            translations: draft
                .translations
                .iter()
                .map(|t| {
                    (
                        t.language.tag().to_string(),
                        (t.title.clone(), t.body_source.clone()),
                    )
                })
                .collect(),
            remove_files: Vec::new(),
        }
    }
}

/// The translations typed for every language but the `original`, titles trimmed; a language
/// left wholly empty is skipped.
pub fn typed_translations(
    typed: &BTreeMap<String, (String, String)>,
    original: Locale,
) -> Vec<TranslationInput> {
    Locale::ALL
        .into_iter()
        .filter(|l| *l != original)
        .filter_map(|l| {
            let (title, body) = typed.get(l.tag())?;
            if title.trim().is_empty() && body.trim().is_empty() {
                return None;
            }
            Some(TranslationInput {
                language: l,
                title: title.trim().to_string(),
                body_source: body.clone(),
            })
        })
        .collect()
}

/// Reads the typed values into a draft, leniently (a date that does not parse is left empty),
/// and lists every problem for publishing. `fallback` is the language of an unknown tag.
pub fn read_draft(
    typed: &ComposeFields,
    timezone: &str,
    fallback: Locale,
) -> (Draft, Vec<FormProblem>) {
    let mut problems = Vec::new();
    let title = checked_title(&typed.title, &mut problems);
    if typed.body.trim().is_empty() {
        problems.push(problem("body", |l| msg!(l, "error-field-required")));
    } else if typed.body.chars().count() > MAX_BODY_CHARS {
        problems.push(problem("body", |l| msg!(l, "error-field-too-long")));
    }
    let audience = typed.audience();
    if audience.is_empty() {
        problems.push(problem("audience", |l| msg!(l, "notice-audience-required")));
    }
    let mut date_field = |name: &'static str, value: &str| {
        if value.trim().is_empty() {
            return None;
        }
        let parsed = crate::dates::parse_input(timezone, value);
        if parsed.is_none() {
            problems.push(problem(name, |l| msg!(l, "error-field-date")));
        }
        parsed
    };
    let publish_at = date_field("publish_at", &typed.publish_at);
    let expires_at = date_field("expires_at", &typed.expires_at);
    let ack_by = if typed.ack_by.trim().is_empty() {
        None
    } else {
        let parsed = NaiveDate::parse_from_str(typed.ack_by.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(problem("ack_by", |l| msg!(l, "error-field-date")));
        }
        parsed
    };
    if let Some(expires) = expires_at
        && expires <= publish_at.unwrap_or_else(Utc::now)
    {
        problems.push(problem("expires_at", |l| {
            msg!(l, "notice-expiry-before-publish")
        }));
    }
    let language = Locale::from_tag(&typed.language).unwrap_or(fallback);
    let translations = typed_translations(&typed.translations, language);
    if translations
        .iter()
        .any(|t| t.title.is_empty() || t.body_source.trim().is_empty())
    {
        problems.push(problem("translations", |l| {
            msg!(l, "notice-translation-incomplete")
        }));
    }
    let draft = Draft {
        title,
        body_source: typed.body.clone(),
        language,
        category: Category::from_code(&typed.category).unwrap_or_default(),
        audience,
        ack_required: typed.ack_required,
        ack_by: ack_by.filter(|_| typed.ack_required),
        publish_at,
        expires_at,
        pinned: typed.pinned,
        translations,
    };
    (draft, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_as_typed_and_targets_ticked_twice_count_once() {
        let mut typed = ComposeFields::default();
        for (name, value) in [
            ("id", "7"),
            ("title", "Trip"),
            ("class", "3"),
            ("class", "3"),
            ("pupil", "not a number"),
            ("title_zh-CN", "旅行"),
            ("body_zh-CN", "请带午餐"),
            ("unknown", "ignored"),
        ] {
            typed.set(name, value.to_string());
        }
        assert_eq!(typed.id, Some(7));
        assert_eq!(typed.audience().classes, vec![3]);
        assert!(typed.pupils.is_empty());
        assert_eq!(
            typed.translations.get("zh-CN"),
            Some(&("旅行".to_string(), "请带午餐".to_string()))
        );
    }

    #[test]
    fn every_problem_is_listed_in_every_language() {
        let typed = ComposeFields {
            title: " ".into(),
            ack_by: "tomorrow".into(),
            translations: [("ar".to_string(), ("عنوان".to_string(), String::new()))].into(),
            ..ComposeFields::default()
        };
        let (_, problems) = read_draft(&typed, "Europe/London", Locale::EnGb);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["title", "body", "audience", "ack_by", "translations"]
        );
        let audience = &problems[2].text;
        assert_ne!(audience.text(Locale::EnGb), audience.text(Locale::ZhCn));
        assert!(!audience.text(Locale::Ar).is_empty());
    }
}
