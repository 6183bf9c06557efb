//! A guardian's own contact details (`/forms/contact`): what the school holds, and a plain form
//! that asks the office to change it. Posted to its own address, so it works without
//! JavaScript; a refused post comes back with what was typed and why, beside each field.

use super::CONTACT_PATH;
use super::change_dto::{ContactField, ContactPage};
use super::changes::{self, Asker, Contact, field};
use crate::access::{Actor, Capability, CurrentActor, allowed_scope};
use crate::db::entities::guardian;
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::state::AppState;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The longest phone number taken, in characters.
const MAX_PHONE: usize = 30;
/// The longest e-mail address taken, in characters (RFC 5321's path limit).
const MAX_EMAIL: usize = 254;
/// The fewest digits a phone number has (a local number without its area code).
const MIN_DIGITS: usize = 6;

/// What was wrong with one typed detail. Not `error::FieldProblem`: that one's messages travel
/// in the main wasm, and this page's come with its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    Required,
    Phone,
    Email,
    TooLong,
}

/// What a post to the contact page came to.
pub enum Asked {
    /// Recorded for the office: where to send the browser.
    Done(String),
    /// The page again with why not, or why it could not be shown.
    Again(Box<Result<ContactPage, AppError>>),
}

/// The signed-in guardian, or "not found" for anyone who has no details of their own here.
fn guardian_of(current: &CurrentActor) -> Result<(std::sync::Arc<Actor>, i32), AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    if allowed_scope(&actor.roles, Capability::FormAnswer).is_none() {
        return Err(AppError::NotFound);
    }
    let guardian = actor.guardian_id.ok_or(AppError::NotFound)?;
    Ok((actor, guardian))
}

async fn held<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    guardian_id: i32,
) -> Result<guardian::Model, AppError> {
    guardian::Entity::find_by_id(guardian_id)
        .filter(guardian::Column::SchoolId.eq(actor.school_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The signed-in guardian's contact page, or what a post to it came to.
pub async fn page() -> Result<ContactPage, AppError> {
    if let Some(answer) = crate::posted::form(|p: &ContactPage| p.problem.is_some()) {
        return answer;
    }
    let current = CurrentActor(crate::access::current_actor().ok());
    let (actor, guardian_id) = guardian_of(&current)?;
    let state = crate::state::app_state()?;
    let found = held(&state.db, &actor, guardian_id).await?;
    shown(&state, &actor, &found, None, &[], None).await
}

/// The label of changed value `name`: a contact detail's, or the photo consent's.
pub fn label(locale: Locale, name: &str) -> String {
    match name {
        field::PHONE => msg!(locale, "contact-field-phone"),
        field::PHONE_ALT => msg!(locale, "contact-field-phone-alt"),
        field::EMAIL => msg!(locale, "contact-field-email"),
        field::PHOTO => msg!(locale, "contact-field-photo"),
        _ => msg!(locale, "contact-field-email-alt"),
    }
}

/// "Phone: 01632 960000 → 07700 900123" for each detail that differs between `before` and
/// `after`.
pub fn differences(
    before: &[(&'static str, Option<String>)],
    after: &[(&'static str, Option<String>)],
) -> Vec<PerLocale<String>> {
    after
        .iter()
        .filter_map(|(name, value)| {
            let was = before.iter().find(|(n, _)| n == name).map(|(_, v)| v);
            (was != Some(value)).then(|| (*name, was.cloned().flatten(), value.clone()))
        })
        .map(|(name, was, value)| {
            PerLocale::build(|l| {
                let none = || msg!(l, "contact-none");
                let was = was.clone().unwrap_or_else(none);
                let now = value.clone().unwrap_or_else(none);
                let label = label(l, name);
                msg!(
                    l,
                    "contact-change-line",
                    field = label.as_str(),
                    before = was.as_str(),
                    after = now.as_str()
                )
            })
        })
        .collect()
}

/// The page for guardian `found`, its fields holding `typed` (a refused post's) or else what
/// the school holds.
async fn shown(
    state: &AppState,
    actor: &Actor,
    found: &guardian::Model,
    typed: Option<&Contact>,
    problems: &[(&'static str, Problem)],
    problem: Option<PerLocale<String>>,
) -> Result<ContactPage, AppError> {
    let zone = actor.zone.clone();
    let held = Contact::of(found);
    let waiting = changes::waiting_contact(&state.db, found.id)
        .await?
        .map(|(wanted, at)| {
            let when = PerLocale::build(|l| {
                let date = crate::dates::date_time(l, &zone, at);
                msg!(l, "contact-waiting", date = date.as_str())
            });
            (when, differences(&held.values(), &wanted.values()))
        });
    let fields = typed
        .unwrap_or(&held)
        .fields()
        .into_iter()
        .map(|(name, value)| ContactField {
            name: name.to_string(),
            label: PerLocale::build(|l| label(l, name)),
            value: value.unwrap_or_default().to_string(),
            email: matches!(name, field::EMAIL | field::EMAIL_ALT),
            problem: problems
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, p)| problem_text(*p)),
        })
        .collect();
    Ok(ContactPage {
        fields,
        waiting,
        problem,
        words: [
            PerLocale::build(|l| msg!(l, "contact-heading")),
            PerLocale::build(|l| msg!(l, "contact-intro")),
            PerLocale::build(|l| msg!(l, "contact-send")),
            PerLocale::build(|l| msg!(l, "contact-sent")),
        ],
    })
}

fn problem_text(problem: Problem) -> PerLocale<String> {
    PerLocale::build(|l| match problem {
        Problem::Required => msg!(l, "contact-problem-required"),
        Problem::Phone => msg!(l, "contact-problem-phone"),
        Problem::Email => msg!(l, "contact-problem-email"),
        Problem::TooLong => msg!(l, "contact-problem-too-long"),
    })
}

/// A typed phone number, or why it is not one. Spaces, dashes, dots, brackets and a leading
/// plus are kept as typed: families write numbers the way they read them.
fn phone(value: &str) -> Result<Option<String>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > MAX_PHONE {
        return Err(Problem::TooLong);
    }
    let allowed = value.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0)
    });
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < MIN_DIGITS {
        return Err(Problem::Phone);
    }
    Ok(Some(value.to_string()))
}

/// A typed e-mail address, or why it is not one.
fn email(value: &str) -> Result<Option<String>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > MAX_EMAIL {
        return Err(Problem::TooLong);
    }
    crate::auth::validate_email(value)
        .map(Some)
        .map_err(|_| Problem::Email)
}

/// The details typed, and the problems with them by field.
fn checked(typed: &Contact) -> (Contact, Vec<(&'static str, Problem)>) {
    let mut problems = Vec::new();
    let mut keep = |name: &'static str, result: Result<Option<String>, Problem>| match result {
        Ok(value) => value,
        Err(problem) => {
            problems.push((name, problem));
            None
        }
    };
    let mut clean = Contact {
        phone: keep(
            field::PHONE,
            phone(typed.phone.as_deref().unwrap_or_default()),
        ),
        phone_alt: keep(
            field::PHONE_ALT,
            phone(typed.phone_alt.as_deref().unwrap_or_default()),
        ),
        email: keep(
            field::EMAIL,
            email(typed.email.as_deref().unwrap_or_default()),
        ),
        email_alt: keep(
            field::EMAIL_ALT,
            email(typed.email_alt.as_deref().unwrap_or_default()),
        ),
    };
    // The school must be able to reach a family by phone in an emergency.
    if clean.phone.is_none() && !problems.iter().any(|(n, _)| *n == field::PHONE) {
        problems.push((field::PHONE, Problem::Required));
    }
    if !problems.is_empty() {
        clean = Contact::default();
    }
    (clean, problems)
}

fn read(pairs: Vec<(String, String)>) -> Contact {
    let mut typed = Contact::default();
    for (name, value) in pairs {
        let slot = match name.as_str() {
            field::PHONE => &mut typed.phone,
            field::PHONE_ALT => &mut typed.phone_alt,
            field::EMAIL => &mut typed.email,
            field::EMAIL_ALT => &mut typed.email_alt,
            _ => continue,
        };
        // Bounded before anything else looks at it; the checks refuse what is still too long.
        *slot = Some(value.chars().take(MAX_EMAIL + 1).collect());
    }
    typed
}

/// `POST /forms/contact`: record the change for the office, or the page again with why not.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    sender: crate::forms::answer::Sender,
    pairs: Vec<(String, String)>,
) -> Asked {
    let result = async {
        let (actor, guardian_id) = guardian_of(current)?;
        let typed = read(pairs);
        let (wanted, problems) = checked(&typed);
        if !problems.is_empty() {
            let found = held(&state.db, &actor, guardian_id).await?;
            let why = PerLocale::build(|l| msg!(l, "contact-problem-fields"));
            let page = shown(state, &actor, &found, Some(&typed), &problems, Some(why)).await?;
            return Ok(Asked::Again(Box::new(Ok(page))));
        }
        let txn = crate::db::write_transaction(&state.db).await?;
        let found = held(&txn, &actor, guardian_id).await?;
        let held = Contact::of(&found);
        let waiting = changes::waiting_contact(&txn, guardian_id).await?;
        // Asking for what is held, or again for what is waiting, records nothing new.
        let same_as_waiting = waiting.as_ref().is_some_and(|(w, _)| *w == wanted);
        if same_as_waiting {
            return Ok(Asked::Done(format!("{CONTACT_PATH}?sent=1")));
        }
        if held == wanted && waiting.is_some() {
            // Back to what the school holds: the change asked for is no longer wanted.
            changes::cancel_contact(&txn, guardian_id).await?;
            txn.commit().await?;
            return Ok(Asked::Done(format!("{CONTACT_PATH}?sent=1")));
        }
        if held == wanted {
            drop(txn);
            let why = PerLocale::build(|l| msg!(l, "contact-problem-unchanged"));
            let page = shown(state, &actor, &found, Some(&typed), &[], Some(why)).await?;
            return Ok(Asked::Again(Box::new(Ok(page))));
        }
        let asker = Asker {
            school_id: actor.school_id,
            guardian_id,
            user_id: actor.user_id,
            address: sender.address,
            user_agent: sender.user_agent,
        };
        changes::ask_contact(&txn, &asker, &held, &wanted, Utc::now()).await?;
        txn.commit().await?;
        Ok(Asked::Done(format!("{CONTACT_PATH}?sent=1")))
    }
    .await;
    result.unwrap_or_else(|err| Asked::Again(Box::new(Err(err))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_families_write_them() {
        assert_eq!(phone(" 07700 900123 "), Ok(Some("07700 900123".into())));
        assert_eq!(
            phone("+44 (0)161 496-0000"),
            Ok(Some("+44 (0)161 496-0000".into()))
        );
        assert_eq!(phone(""), Ok(None));
        assert_eq!(phone("12345"), Err(Problem::Phone));
        assert_eq!(phone("0161 496 0000 ext. 2"), Err(Problem::Phone));
        assert_eq!(phone("0161+4960000"), Err(Problem::Phone));
        assert_eq!(phone(&"1".repeat(31)), Err(Problem::TooLong));
    }

    #[test]
    fn a_main_phone_is_needed_and_each_problem_is_named() {
        let typed = Contact {
            phone: Some(String::new()),
            phone_alt: Some("x".into()),
            email: Some("not an address".into()),
            email_alt: Some("second@example.org".into()),
        };
        let (_, problems) = checked(&typed);
        assert_eq!(
            problems,
            vec![
                (field::PHONE_ALT, Problem::Phone),
                (field::EMAIL, Problem::Email),
                (field::PHONE, Problem::Required),
            ]
        );
        let good = Contact {
            phone: Some("07700 900123".into()),
            email: Some("Parent@Example.org".into()),
            ..Contact::default()
        };
        let (clean, problems) = checked(&good);
        assert!(problems.is_empty());
        assert_eq!(clean.email.as_deref(), Some("parent@example.org"));
        assert_eq!(clean.phone_alt, None);
    }

    #[test]
    fn differences_name_only_what_changes() {
        let before = vec![("phone", Some("1".to_string())), ("email", None)];
        let after = vec![
            ("phone", Some("1".to_string())),
            ("email", Some("a@b.org".into())),
        ];
        let lines = differences(&before, &after);
        assert_eq!(lines.len(), 1);
        let line = lines[0].text(Locale::EnGb);
        assert!(line.contains("a@b.org"), "{line}");
    }
}
