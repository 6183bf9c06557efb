//! A form's questions and their wording in each language, stored as one JSON document on the
//! form, and what a set of answers must be to be accepted.

use super::drawing;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text in each language the form has: language tag → text.
pub type Texts = BTreeMap<String, String>;

/// Answers as a guardian gave them: field key → value.
pub type Answers = BTreeMap<String, String>;

/// The longest answer to a short question, in characters.
pub const MAX_SHORT: usize = 200;
/// The longest answer to a long question, in characters.
pub const MAX_LONG: usize = 4000;

/// What a form asks, in every language it is written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// The form's title.
    pub title: Texts,
    /// What it is about (the trip's details, …), shown above the questions.
    #[serde(default)]
    pub intro: Texts,
    /// The questions, in order.
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Its name in the answers; stable across versions.
    pub key: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// An answer is needed (when the question is shown).
    #[serde(default)]
    pub required: bool,
    /// The question.
    pub label: Texts,
    /// A consent's exact statement, the words a guardian agrees to.
    #[serde(default)]
    pub wording: Texts,
    /// The options of a choice.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Asked only when another question has a given answer.
    #[serde(default)]
    pub shown_when: Option<Condition>,
    /// Answering it gives or refuses a consent (a photo consent's level): like a consent
    /// question, only a guardian who may consent answers it. Always written: a page's data is in
    /// a format without field names, where a field left out would shift every one after it.
    #[serde(default)]
    pub consent: bool,
}

impl Field {
    /// Whether answering it is consenting: a consent question, or one marked so.
    pub fn is_consent(&self) -> bool {
        self.kind == Kind::Consent || self.consent
    }
}

/// The kinds of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A line of text.
    ShortText,
    /// A paragraph.
    LongText,
    /// A number.
    Number,
    /// A day (`YYYY-MM-DD`).
    Date,
    /// One of `choices`.
    Choice,
    /// Yes or no.
    YesNo,
    /// Agree or not to the field's `wording`: only a guardian who may consent answers it.
    Consent,
    /// The guardian's full name, typed as a signature.
    Signature,
    /// A PDF the guardian sends (a care plan, a letter from the doctor); the answer is its name.
    File,
}

impl Kind {
    /// Every kind, in the order the question editor offers them.
    pub const ALL: [Kind; 9] = [
        Kind::ShortText,
        Kind::LongText,
        Kind::Number,
        Kind::Date,
        Kind::Choice,
        Kind::YesNo,
        Kind::Consent,
        Kind::File,
        Kind::Signature,
    ];

    /// Its code, as stored and as pages send it.
    pub fn code(self) -> &'static str {
        match self {
            Kind::ShortText => "short-text",
            Kind::LongText => "long-text",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Choice => "choice",
            Kind::YesNo => "yes-no",
            Kind::Consent => "consent",
            Kind::Signature => "signature",
            Kind::File => "file",
        }
    }

    /// The kind of `code`; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// The texts of `texts` that are written, in a language the portal ships.
pub fn filled(texts: &Texts) -> Texts {
    texts
        .iter()
        .filter(|(tag, text)| !text.is_empty() && Locale::from_tag(tag).is_some())
        .map(|(tag, text)| (tag.clone(), text.clone()))
        .collect()
}

/// An option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Its value in the answers.
    pub value: String,
    /// What it says.
    pub label: Texts,
}

/// "Asked when `field` is answered `equals`".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The question it depends on.
    pub field: String,
    /// The answer that shows it.
    pub equals: String,
}

/// The two answers of a yes/no or consent question.
pub mod answer {
    /// Yes; for a consent, "I give consent".
    pub const YES: &str = "yes";
    /// No; for a consent, "I do not give consent".
    pub const NO: &str = "no";
}

/// Why an answer was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required question was left empty.
    Required,
    /// Longer than the question takes.
    TooLong,
    /// Not a number.
    Number,
    /// Not a day.
    Date,
    /// Not one of the options.
    Choice,
    /// A consent answered by a guardian who may not consent for the child.
    MayNotConsent,
    /// A drawn signature that is not strokes inside the signature box.
    Drawing,
    /// A file that is not a PDF, whatever its name says.
    FileType,
    /// A file over the largest a form takes.
    FileSize,
    /// A file that was fine, sent with answers that were not: it must be chosen again.
    FileAgain,
}

impl Definition {
    /// Reads a stored definition.
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The stored form of the definition.
    pub fn to_json(&self) -> String {
        // A tree of strings and maps always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The language the form is shown in to a reader of `locale`: theirs when the form is
    /// written in it, else the one it was written in.
    pub fn shown_language(&self, locale: Locale, original: &str) -> String {
        if self.title.contains_key(locale.tag()) {
            locale.tag().to_string()
        } else {
            original.to_string()
        }
    }

    /// The keys of its questions of `kind`, in order.
    pub fn keys_of(&self, kind: Kind) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.key.as_str())
            .collect()
    }

    /// Whether the form asks for any consent.
    pub fn asks_consent(&self) -> bool {
        self.fields.iter().any(Field::is_consent)
    }

    /// Whether `field` is asked, given `answers`.
    pub fn is_shown(&self, field: &Field, answers: &Answers) -> bool {
        field.shown_when.as_ref().is_none_or(|when| {
            answers.get(&when.field).map(String::as_str) == Some(when.equals.as_str())
        })
    }

    /// The answers to keep from what was sent: each question's value, trimmed, questions not
    /// asked dropped; with every problem found, by field key. A guardian who may not consent
    /// gets [`Problem::MayNotConsent`] on each consent question they answered. A signature
    /// question's drawing, when one was sent, is kept beside it (see [`super::drawing`]).
    pub fn check(&self, sent: &Answers, may_consent: bool) -> (Answers, Vec<(String, Problem)>) {
        let mut kept = Answers::new();
        let mut problems = Vec::new();
        // Conditions look at what was sent, so a question is judged with its controller.
        let trimmed: Answers = sent
            .iter()
            .map(|(k, v)| (k.clone(), v.trim().to_string()))
            .collect();
        for field in &self.fields {
            if !self.is_shown(field, &trimmed) {
                continue;
            }
            let value = trimmed.get(&field.key).cloned().unwrap_or_default();
            if field.is_consent() && !may_consent {
                if !value.is_empty() {
                    problems.push((field.key.clone(), Problem::MayNotConsent));
                }
                continue;
            }
            if value.is_empty() {
                if field.required {
                    problems.push((field.key.clone(), Problem::Required));
                }
                continue;
            }
            if let Some(problem) = field.problem_with(&value) {
                problems.push((field.key.clone(), problem));
            }
            kept.insert(field.key.clone(), value);
            if field.kind == Kind::File {
                // The store key comes from the server (`attachment`), never from the browser.
                let key = super::attachment::key(&field.key);
                if let Some(stored) = trimmed.get(&key) {
                    kept.insert(key, stored.clone());
                }
            }
            if field.kind == Kind::Signature {
                let key = drawing::key(&field.key);
                match trimmed.get(&key).filter(|d| !d.is_empty()) {
                    None => {}
                    Some(drawn) => match drawing::normalise(drawn) {
                        Some(drawn) => {
                            kept.insert(key, drawn);
                        }
                        None => problems.push((field.key.clone(), Problem::Drawing)),
                    },
                }
            }
        }
        (kept, problems)
    }

    /// The exact words a reader saw in `language` with `answers` given: the title, what the
    /// form is about, then every question asked with its statement and options, one per
    /// paragraph. This is what a submission's hash is taken of.
    pub fn wording(&self, language: &str, original: &str, answers: &Answers) -> String {
        let text = |texts: &Texts| in_language(texts, language, original).to_string();
        let mut parts = vec![text(&self.title)];
        let intro = text(&self.intro);
        if !intro.is_empty() {
            parts.push(intro);
        }
        for field in self.fields.iter().filter(|f| self.is_shown(f, answers)) {
            let mut part = text(&field.label);
            let wording = text(&field.wording);
            if !wording.is_empty() {
                part.push('\n');
                part.push_str(&wording);
            }
            for choice in &field.choices {
                part.push_str("\n- ");
                part.push_str(&text(&choice.label));
            }
            parts.push(part);
        }
        parts.join("\n\n")
    }
}

impl Field {
    /// What is wrong with a non-empty `value` for this question, if anything.
    fn problem_with(&self, value: &str) -> Option<Problem> {
        let too_long = |max: usize| value.chars().count() > max;
        match self.kind {
            Kind::ShortText | Kind::Signature if too_long(MAX_SHORT) => Some(Problem::TooLong),
            Kind::LongText if too_long(MAX_LONG) => Some(Problem::TooLong),
            Kind::Number if value.parse::<f64>().map_or(true, |n| !n.is_finite()) => {
                Some(Problem::Number)
            }
            Kind::Date if chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err() => {
                Some(Problem::Date)
            }
            Kind::Choice if !self.choices.iter().any(|c| c.value == value) => Some(Problem::Choice),
            Kind::YesNo | Kind::Consent if value != answer::YES && value != answer::NO => {
                Some(Problem::Choice)
            }
            _ => None,
        }
    }
}

/// `texts` in `language`, else in the `original` language, else empty.
pub fn in_language<'a>(texts: &'a Texts, language: &str, original: &str) -> &'a str {
    texts
        .get(language)
        .or_else(|| texts.get(original))
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests;
