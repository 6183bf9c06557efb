//! Changes families ask for to what the school holds about them: a guardian's contact details
//! (asked on the contact page) and a child's photo consent (answered on a photo consent form).
//! `roster_change` keeps each request with who asked, when and from where; the office approves
//! or rejects it, and an approved row keeps the values it replaced, so the rows of a guardian
//! or a child are their history.

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut change = Table::create().table(name("roster_change")).to_owned();
    id(&mut change);
    int(&mut change, "school_id", false);
    // "contact" (the guardian's details) or "photo" (the child's photo consent).
    string(&mut change, "kind", 16);
    // Who asked; for a contact change also whose details change.
    int(&mut change, "guardian_id", false);
    // The child a photo consent is for; none for contact details.
    int(&mut change, "pupil_id", true);
    // The values asked for, and those the family saw as they asked (once approved, those the
    // approval replaced): JSON objects.
    text(&mut change, "proposed", false);
    text(&mut change, "previous", true);
    // "pending", "approved", "rejected", or "superseded" by a later request.
    string(&mut change, "state", 16);
    // The form answer a photo consent came from.
    int(&mut change, "form_response_id", true);
    int(&mut change, "requested_by", false);
    time(&mut change, "requested_at", false);
    text(&mut change, "client_address", false);
    text(&mut change, "user_agent", false);
    // Who decided, and when; none while pending, and none for a narrower photo consent, which
    // applies at once.
    int(&mut change, "decided_by", true);
    time(&mut change, "decided_at", true);
    references(&mut change, "roster_change", "school_id", "school");
    references(&mut change, "roster_change", "guardian_id", "guardian");
    references(&mut change, "roster_change", "pupil_id", "pupil");
    references(&mut change, "roster_change", "requested_by", "user_account");
    vec![(
        change,
        vec![
            index("roster_change", &["school_id", "state"], false),
            index("roster_change", &["guardian_id", "kind"], false),
        ],
    )]
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
