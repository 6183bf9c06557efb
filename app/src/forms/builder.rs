//! A form with the school's own questions. The office types each question — its kind, its words
//! in each language side by side, whether it must be answered, a choice's options (one per
//! line), a consent's exact statement, and the yes/no question it may depend on. The page posts
//! to itself to add, remove or move a question, keeping everything typed, so it works without
//! JavaScript; the form is made only once every question is whole.

use super::definition::{
    Choice, Condition, Field, Kind, MAX_LONG, MAX_SHORT, Texts, answer, filled,
};
use super::staff_dto::{Builder, QuestionDraft};
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use std::collections::BTreeMap;

/// The most questions on one form.
pub const MAX_QUESTIONS: usize = 30;
/// The most options of one choice.
pub const MAX_OPTIONS: usize = 20;

/// One question as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed {
    /// Its kind's code ([`Kind::code`]).
    pub kind: String,
    /// An answer is needed.
    pub required: bool,
    /// The question, by language tag.
    pub labels: Texts,
    /// A choice's options, one per line, by language tag.
    pub options: Texts,
    /// A consent's statement, by language tag.
    pub wordings: Texts,
    /// The number of the yes/no question it depends on; empty: always asked.
    pub when: String,
}

impl Default for Typed {
    fn default() -> Self {
        Typed {
            kind: Kind::ShortText.code().to_string(),
            required: true,
            labels: Texts::new(),
            options: Texts::new(),
            wordings: Texts::new(),
            when: String::new(),
        }
    }
}

/// The questions in the posted pairs (`q<n>_kind`, `q<n>_label_<tag>`, …), in number order. A
/// question is there when its kind is; numbers past the most a form takes are ignored.
pub fn read(pairs: &[(String, String)]) -> Vec<Typed> {
    let mut found: BTreeMap<usize, Typed> = BTreeMap::new();
    let mut kinds = Vec::new();
    for (name, value) in pairs {
        let Some((number, part)) = name
            .strip_prefix('q')
            .and_then(|rest| rest.split_once('_'))
            .and_then(|(n, part)| Some((n.parse::<usize>().ok()?, part)))
        else {
            continue;
        };
        if number == 0 || number > MAX_QUESTIONS {
            continue;
        }
        let question = found.entry(number).or_default();
        let value = value.trim().to_string();
        if part == "kind" {
            question.kind = value;
            kinds.push(number);
        } else if part == "when" {
            question.when = value;
        } else if let Some(tag) = part.strip_prefix("label_") {
            question.labels.insert(tag.to_string(), value);
        } else if let Some(tag) = part.strip_prefix("options_") {
            question.options.insert(tag.to_string(), value);
        } else if let Some(tag) = part.strip_prefix("wording_") {
            question.wordings.insert(tag.to_string(), value);
        }
    }
    // A checkbox is sent only when ticked: a question without it does not need an answer.
    for (number, question) in &mut found {
        question.required = pairs
            .iter()
            .any(|(name, _)| *name == format!("q{number}_required"));
    }
    found
        .into_iter()
        .filter(|(number, _)| kinds.contains(number))
        .map(|(_, question)| question)
        .collect()
}

/// Applies the button pressed (`add`, `remove-<n>`, `up-<n>`) to `questions`; `false` when
/// `action` is none of them. Questions that depended on a moved or removed one follow it.
pub fn edit(questions: &mut Vec<Typed>, action: &str) -> bool {
    let number = |prefix: &str| {
        action
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=questions.len()).contains(n))
    };
    if action == "add" {
        if questions.len() < MAX_QUESTIONS {
            questions.push(Typed::default());
        }
        return true;
    }
    if let Some(n) = number("remove-") {
        questions.remove(n - 1);
        renumber(questions, |m| match m.cmp(&n) {
            std::cmp::Ordering::Less => Some(m),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(m - 1),
        });
        return true;
    }
    if let Some(n) = number("up-") {
        if n > 1 {
            questions.swap(n - 1, n - 2);
            renumber(questions, |m| {
                Some(if m == n {
                    n - 1
                } else if m == n - 1 {
                    n
                } else {
                    m
                })
            });
        }
        return true;
    }
    action.starts_with("remove-") || action.starts_with("up-")
}

/// Points each question's condition at the question's new number (`None`: it is gone).
fn renumber(questions: &mut [Typed], moved: impl Fn(usize) -> Option<usize>) {
    for question in questions {
        if let Ok(m) = question.when.parse::<usize>() {
            question.when = moved(m).map(|m| m.to_string()).unwrap_or_default();
        }
    }
}

/// Why the questions cannot make a form yet, in each language.
pub type Refused = PerLocale<String>;

/// The lines of a choice's options.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// The questions as a form asks them, or why not; `original` is the school's language. `None`
/// for a kind that is not one of ours (the page never sends one).
pub fn build(questions: &[Typed], original: &str) -> Option<Result<Vec<Field>, Refused>> {
    if questions.is_empty() {
        return Some(Err(PerLocale::build(|l| msg!(l, "form-builder-none"))));
    }
    let mut fields: Vec<Field> = Vec::new();
    for (index, typed) in questions.iter().enumerate() {
        let number = (index + 1).to_string();
        let kind = Kind::from_code(&typed.kind)?;
        let refuse = |key: fn(Locale, &str) -> String| {
            Some(Err(PerLocale::build(|l| key(l, number.as_str()))))
        };
        let label = filled(&typed.labels);
        if !label.contains_key(original) {
            return refuse(|l, n| msg!(l, "form-builder-no-label", number = n));
        }
        let long = |texts: &Texts, most: usize| texts.values().any(|t| t.chars().count() > most);
        let wording = if kind == Kind::Consent {
            filled(&typed.wordings)
        } else {
            Texts::new()
        };
        if long(&label, MAX_SHORT) || long(&wording, MAX_LONG) {
            return refuse(|l, n| msg!(l, "form-builder-too-long", number = n));
        }
        if kind == Kind::Consent && !wording.contains_key(original) {
            return refuse(|l, n| msg!(l, "form-builder-no-wording", number = n));
        }
        let choices = if kind == Kind::Choice {
            let options = filled(&typed.options);
            let first = lines(options.get(original).map_or("", String::as_str));
            if first.len() < 2 || first.len() > MAX_OPTIONS {
                return refuse(|l, n| msg!(l, "form-builder-options", number = n));
            }
            if options
                .values()
                .any(|text| lines(text).len() != first.len())
                || options
                    .values()
                    .flat_map(|t| lines(t))
                    .any(|o| o.chars().count() > MAX_SHORT)
            {
                return refuse(|l, n| msg!(l, "form-builder-options-translated", number = n));
            }
            (0..first.len())
                .map(|i| Choice {
                    value: (i + 1).to_string(),
                    label: options
                        .iter()
                        .map(|(tag, text)| (tag.clone(), lines(text)[i].to_string()))
                        .collect(),
                })
                .collect()
        } else {
            Vec::new()
        };
        // Only an earlier yes/no question can decide whether this one is asked.
        let shown_when = match typed.when.as_str() {
            "" => None,
            when => match when
                .parse::<usize>()
                .ok()
                .filter(|m| *m >= 1 && *m <= index)
            {
                Some(m) if fields[m - 1].kind == Kind::YesNo => Some(Condition {
                    field: fields[m - 1].key.clone(),
                    equals: answer::YES.to_string(),
                }),
                _ => return refuse(|l, n| msg!(l, "form-builder-condition", number = n)),
            },
        };
        fields.push(Field {
            key: format!("q{number}"),
            kind,
            required: typed.required,
            label,
            wording,
            choices,
            shown_when,
            consent: false,
        });
    }
    Some(Ok(fields))
}

/// The editor's part of the new form page: the questions as typed, with what the page says.
pub fn page(questions: &[Typed], per_family: bool) -> Builder {
    let languages: Vec<Locale> = Locale::ALL.to_vec();
    let drafts = questions
        .iter()
        .enumerate()
        .map(|(index, typed)| {
            let number = (index + 1).to_string();
            let n = number.as_str();
            // Any earlier question may be chosen; only a yes/no one is accepted (see `build`).
            let conditions = std::iter::once((
                String::new(),
                PerLocale::build(|l| msg!(l, "form-builder-always")),
            ))
            .chain((1..=index).map(|m| {
                let m = m.to_string();
                let label =
                    PerLocale::build(|l| msg!(l, "form-builder-when-yes", number = m.as_str()));
                (m, label)
            }))
            .collect();
            QuestionDraft {
                number: index + 1,
                kind: typed.kind.clone(),
                required: typed.required,
                texts: languages
                    .iter()
                    .map(|language| {
                        let get =
                            |texts: &Texts| texts.get(language.tag()).cloned().unwrap_or_default();
                        [
                            get(&typed.labels),
                            get(&typed.options),
                            get(&typed.wordings),
                        ]
                    })
                    .collect(),
                when: typed.when.clone(),
                heading: PerLocale::build(|l| msg!(l, "form-builder-question", number = n)),
                conditions,
                remove: PerLocale::build(|l| msg!(l, "form-builder-remove", number = n)),
                up: (index > 0)
                    .then(|| PerLocale::build(|l| msg!(l, "form-builder-up", number = n))),
            }
        })
        .collect();
    Builder {
        questions: drafts,
        kinds: Kind::ALL
            .into_iter()
            .map(|kind| (kind.code().to_string(), kind_name(kind)))
            .collect(),
        languages: languages
            .into_iter()
            .map(|language| {
                let name = |l: Locale| {
                    crate::i18n::message_args(l, &format!("language-name-{}", language.tag()), &[])
                };
                (
                    language.tag().to_string(),
                    [
                        PerLocale::build(|l| {
                            let name = name(l);
                            msg!(l, "form-builder-label", language = name.as_str())
                        }),
                        PerLocale::build(|l| {
                            let name = name(l);
                            msg!(l, "form-builder-options-label", language = name.as_str())
                        }),
                        PerLocale::build(|l| {
                            let name = name(l);
                            msg!(l, "form-builder-wording", language = name.as_str())
                        }),
                    ],
                )
            })
            .collect(),
        words: [
            PerLocale::build(|l| msg!(l, "form-builder-questions")),
            PerLocale::build(|l| msg!(l, "form-builder-kind")),
            PerLocale::build(|l| msg!(l, "form-builder-required")),
            PerLocale::build(|l| msg!(l, "form-builder-ask")),
            PerLocale::build(|l| msg!(l, "form-builder-add")),
            PerLocale::build(|l| msg!(l, "form-builder-hint")),
        ],
        per_family,
        family_words: [
            PerLocale::build(|l| msg!(l, "form-builder-who")),
            PerLocale::build(|l| msg!(l, "form-builder-per-child")),
            PerLocale::build(|l| msg!(l, "form-builder-per-family")),
        ],
    }
}

/// A kind of question's name, in each language.
fn kind_name(kind: Kind) -> PerLocale<String> {
    PerLocale::build(|l| match kind {
        Kind::ShortText => msg!(l, "form-kind-short-text"),
        Kind::LongText => msg!(l, "form-kind-long-text"),
        Kind::Number => msg!(l, "form-kind-number"),
        Kind::Date => msg!(l, "form-kind-date"),
        Kind::Choice => msg!(l, "form-kind-choice"),
        Kind::YesNo => msg!(l, "form-kind-yes-no"),
        Kind::Consent => msg!(l, "form-kind-consent"),
        Kind::File => msg!(l, "form-kind-file"),
        Kind::Signature => msg!(l, "form-kind-signature"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: Kind, label: &str) -> Typed {
        Typed {
            kind: kind.code().to_string(),
            labels: [("en-GB".to_string(), label.to_string())].into(),
            ..Typed::default()
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_questions_in_number_order_with_their_texts() {
        let read = read(&pairs(&[
            ("q2_kind", "yes-no"),
            ("q2_label_en-GB", " Packed lunch? "),
            ("q1_kind", "choice"),
            ("q1_required", "on"),
            ("q1_label_en-GB", "T-shirt size"),
            ("q1_options_zh-CN", "小\n中"),
            ("q1_when", ""),
            ("q99_kind", "number"),
            ("q3_label_en-GB", "no kind: not a question"),
            ("qx_kind", "date"),
        ]));
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].kind.as_str(), read[0].required), ("choice", true));
        assert_eq!(read[0].options["zh-CN"], "小\n中");
        assert_eq!(
            (read[1].labels["en-GB"].as_str(), read[1].required),
            ("Packed lunch?", false)
        );
    }

    #[test]
    fn moving_and_removing_keep_conditions_on_their_questions() {
        let mut questions = vec![
            typed(Kind::YesNo, "a"),
            typed(Kind::ShortText, "b"),
            Typed {
                when: "1".into(),
                ..typed(Kind::LongText, "c")
            },
        ];
        assert!(edit(&mut questions, "up-2"));
        assert_eq!(questions[1].labels["en-GB"], "a");
        assert_eq!(questions[2].when, "2", "follows the question it depends on");
        assert!(edit(&mut questions, "remove-1"));
        assert_eq!(questions[1].when, "1");
        assert!(edit(&mut questions, "remove-1"));
        assert_eq!(questions[0].when, "", "its question is gone: always asked");
        assert!(edit(&mut questions, "add"));
        assert_eq!(questions.len(), 2);
        assert!(
            edit(&mut questions, "remove-9"),
            "a stale button changes nothing"
        );
        assert_eq!(questions.len(), 2);
        assert!(!edit(&mut questions, "create"));
    }

    #[test]
    fn builds_choices_conditions_and_consents_or_says_which_question_is_not_whole() {
        let mut choice = typed(Kind::Choice, "T-shirt size");
        choice.options = [
            ("en-GB".to_string(), "Small\n\nMedium\nLarge".to_string()),
            ("zh-CN".to_string(), "小\n中\n大".to_string()),
        ]
        .into();
        let lunch = typed(Kind::YesNo, "Packed lunch?");
        let details = Typed {
            when: "2".into(),
            ..typed(Kind::LongText, "What should it not contain?")
        };
        let fields = build(&[choice.clone(), lunch.clone(), details.clone()], "en-GB")
            .expect("our kinds")
            .expect("whole");
        assert_eq!(fields[0].choices.len(), 3);
        assert_eq!(fields[0].choices[1].label["zh-CN"], "中");
        assert_eq!(
            fields[2].shown_when,
            Some(Condition {
                field: "q2".into(),
                equals: "yes".into()
            })
        );
        let refused = |questions: &[Typed]| {
            build(questions, "en-GB")
                .expect("our kinds")
                .expect_err("refused")
                .text(Locale::EnGb)
        };
        assert!(refused(&[]).contains("at least one question"));
        assert!(refused(&[typed(Kind::Number, "")]).contains("Question 1"));
        let mut one_option = choice.clone();
        one_option.options = [("en-GB".to_string(), "Small".to_string())].into();
        assert!(refused(&[one_option]).contains("two options"));
        let mut mistranslated = choice;
        mistranslated.options.insert("ar".into(), "صغير".into());
        assert!(refused(&[mistranslated]).contains("same number"));
        // Only on an earlier yes/no question.
        let on_itself = Typed {
            when: "1".into(),
            ..typed(Kind::YesNo, "x")
        };
        assert!(refused(&[on_itself]).contains("Question 1"));
        let on_text = Typed {
            when: "1".into(),
            ..typed(Kind::LongText, "y")
        };
        assert!(refused(&[typed(Kind::ShortText, "x"), on_text]).contains("Question 2"));
        assert!(refused(&[typed(Kind::Consent, "Agree?")]).contains("statement"));
        assert_eq!(
            build(
                &[Typed {
                    kind: "html".into(),
                    ..lunch
                }],
                "en-GB"
            ),
            None
        );
    }
}
