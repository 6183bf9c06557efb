//! Digital forms: `form` (its questions and their wording in each language, as one JSON
//! definition, and when it is open), `form_target` (its audience, indexed like notices') and
//! `form_response` (every answer a guardian gave for a child, with the evidence: the wording
//! shown, its hash, the language, address and browser; never changed — a change is a new
//! version).

use super::tables::{
    Tables, create_all, drop_all, flag, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut form = Table::create().table(name("form")).to_owned();
    id(&mut form);
    int(&mut form, "school_id", false);
    // The template it was made from ("trip-consent", …), which also says what its answers do.
    string(&mut form, "template", 40);
    // One answer for the family rather than one per child.
    flag(&mut form, "per_family");
    // The language the school wrote it in: the wording shown where a language has none.
    string(&mut form, "language", 16);
    text(&mut form, "definition", false);
    time(&mut form, "opens_at", false);
    time(&mut form, "closes_at", false);
    // When a consent given on it lapses (the end of the academic year unless the form says).
    time(&mut form, "consent_until", true);
    int(&mut form, "created_by", false);
    time(&mut form, "created_at", false);
    references(&mut form, "form", "school_id", "school");
    references(&mut form, "form", "created_by", "user_account");

    let mut target = Table::create().table(name("form_target")).to_owned();
    id(&mut target);
    int(&mut target, "form_id", false);
    string(&mut target, "kind", 16);
    int(&mut target, "target_id", false);
    references(&mut target, "form_target", "form_id", "form");

    let mut response = Table::create().table(name("form_response")).to_owned();
    id(&mut response);
    int(&mut response, "form_id", false);
    // None on a form answered once per family.
    int(&mut response, "pupil_id", true);
    int(&mut response, "guardian_id", false);
    // The account that sent it: the guardian's own, or staff recording it on their behalf.
    int(&mut response, "user_id", false);
    int(&mut response, "version", false);
    // "answered" or "withdrawn".
    string(&mut response, "state", 16);
    text(&mut response, "answers", false);
    text(&mut response, "wording", false);
    string(&mut response, "wording_sha256", 64);
    string(&mut response, "language", 16);
    text(&mut response, "client_address", false);
    text(&mut response, "user_agent", false);
    time(&mut response, "submitted_at", false);
    // The page's one-time token: a submission sent twice is stored once.
    string(&mut response, "token", 64);
    references(&mut response, "form_response", "form_id", "form");
    references(&mut response, "form_response", "pupil_id", "pupil");
    references(&mut response, "form_response", "guardian_id", "guardian");
    references(&mut response, "form_response", "user_id", "user_account");

    vec![
        (
            form,
            vec![index("form", &["school_id", "closes_at"], false)],
        ),
        (
            target,
            vec![
                index("form_target", &["kind", "target_id"], false),
                index("form_target", &["form_id"], false),
            ],
        ),
        (
            response,
            vec![
                index("form_response", &["token"], true),
                index(
                    "form_response",
                    &["form_id", "pupil_id", "guardian_id", "version"],
                    true,
                ),
            ],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, tables()).await
    }
}
