//! What the Forms tab counts and the home page lists (`forms::reader::to_do`, read in one
//! statement with the family's answers): a form asked per child waits for each child the
//! guardian has not answered themselves — the other parent's answer does not answer for them;
//! a form for the whole family waits while any child has no answer from anyone; a withdrawn
//! consent is not "to answer"; forms closed or not open yet never count; another family's
//! answers change nothing; the child switcher narrows it. Runs on SQLite and PostgreSQL.

use crate::forms::family;
use crate::support::{Harness, actor_of, postgres_harness, sqlite_harness};
use app::audience::Audience;
use app::db::entities::{form_response, user_account};
use app::forms::store::{self, NewForm, state};
use app::roster::demo;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use std::collections::BTreeSet;

/// A form for the whole school, open from `opens` to `closes`.
async fn make(
    h: &Harness,
    school: i32,
    title: &str,
    per_family: bool,
    opens: DateTime<Utc>,
    closes: DateTime<Utc>,
) -> i32 {
    let office = demo::office_account(&h.db)
        .await
        .expect("query")
        .expect("the office");
    let titles = [("en-GB".to_string(), title.to_string())].into();
    let new = NewForm {
        template: app::forms::templates::code::TRIP_CONSENT.to_string(),
        per_family,
        language: "en-GB".into(),
        definition: app::forms::templates::trip_consent(titles, Default::default()),
        audience: Audience::school(),
        opens_at: opens,
        closes_at: closes,
        consent_until: None,
    };
    store::create(&h.db, school, office, &new, Utc::now())
        .await
        .expect("stored")
}

/// Stores an answer by `guardian` for `pupil`, as the form page would.
async fn answer(h: &Harness, form: i32, pupil: i32, guardian: i32, version: i32, state: &str) {
    let user = user_account::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("an account")
        .id;
    form_response::ActiveModel {
        form_id: Set(form),
        pupil_id: Set(Some(pupil)),
        guardian_id: Set(guardian),
        user_id: Set(user),
        version: Set(version),
        state: Set(state.into()),
        answers: Set("{}".into()),
        wording: Set("wording".into()),
        wording_sha256: Set("0".repeat(64)),
        language: Set("en-GB".into()),
        client_address: Set("127.0.0.1".into()),
        user_agent: Set("test".into()),
        submitted_at: Set(Utc::now()),
        token: Set(format!("{form}-{pupil}-{guardian}-{version}")),
        channel: Set(store::channel::PORTAL.into()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("answer stored");
}

/// The (form, child) pairs waiting for the account `email`, with the child switcher on
/// `chosen`.
async fn waiting(h: &Harness, email: &str, chosen: Option<i32>) -> BTreeSet<(i32, i32)> {
    let mut actor = actor_of(&h.db, email).await;
    actor.selected_child = chosen;
    app::forms::reader::to_do(&h.db, &actor, Utc::now())
        .await
        .expect("to do")
        .into_iter()
        .map(|(form, pupil)| (form.id, pupil))
        .collect()
}

async fn counts(h: Harness) {
    let school = app::school::db::first_school(&h.db)
        .await
        .expect("query")
        .expect("the demo school")
        .id;
    let now = Utc::now();
    let (parent, children) = family(&h, demo::PARENT_EMAIL).await;
    let (second, _) = family(&h, demo::SECOND_PARENT_EMAIL).await;
    let (neighbour, theirs) = family(&h, demo::OTHER_PARENT_EMAIL).await;
    let (amelia, isla) = (children[0].0, children[1].0);
    let their_child = theirs[0].0;
    let open = now - Duration::hours(1);
    let week = now + Duration::days(7);
    let each = make(&h, school, "Each child", false, open, week).await;
    let whole = make(&h, school, "The family", true, open, week).await;
    let closed = make(&h, school, "Closed", false, now - Duration::days(9), open).await;
    let later = make(&h, school, "Later", false, now + Duration::days(1), week).await;

    let both = |pairs: &[(i32, i32)]| pairs.iter().copied().collect::<BTreeSet<_>>();
    // A form per child waits for each; a family's form once, led by the first child.
    let first = both(&[(each, amelia), (each, isla), (whole, amelia)]);
    assert_eq!(waiting(&h, demo::PARENT_EMAIL, None).await, first);
    assert_eq!(waiting(&h, demo::SECOND_PARENT_EMAIL, None).await, first);
    assert_eq!(
        waiting(&h, demo::PARENT_EMAIL, Some(isla)).await,
        both(&[(each, isla), (whole, isla)]),
        "the switcher narrows it"
    );

    // Another family's answers, and answers to forms closed or not open: nothing changes.
    answer(&h, each, their_child, neighbour, 1, state::ANSWERED).await;
    answer(&h, whole, their_child, neighbour, 1, state::ANSWERED).await;
    answer(&h, closed, amelia, parent, 1, state::ANSWERED).await;
    answer(&h, later, amelia, parent, 1, state::ANSWERED).await;
    assert_eq!(waiting(&h, demo::PARENT_EMAIL, None).await, first);
    assert_eq!(
        waiting(&h, demo::OTHER_PARENT_EMAIL, None).await,
        BTreeSet::new(),
        "the neighbours answered both"
    );

    // The other parent answers the per-child form for Amelia: not an answer for this parent.
    answer(&h, each, amelia, second, 1, state::ANSWERED).await;
    assert_eq!(waiting(&h, demo::PARENT_EMAIL, None).await, first);
    assert_eq!(
        waiting(&h, demo::SECOND_PARENT_EMAIL, None).await,
        both(&[(each, isla), (whole, amelia)])
    );

    // The family's form answered for one child only still waits (for both parents); answered
    // for the other too, it is done for both.
    answer(&h, whole, amelia, second, 1, state::ANSWERED).await;
    assert!(
        waiting(&h, demo::PARENT_EMAIL, None)
            .await
            .contains(&(whole, amelia))
    );
    answer(&h, whole, isla, parent, 1, state::ANSWERED).await;
    assert_eq!(
        waiting(&h, demo::PARENT_EMAIL, None).await,
        both(&[(each, amelia), (each, isla)])
    );
    assert_eq!(
        waiting(&h, demo::SECOND_PARENT_EMAIL, None).await,
        both(&[(each, isla)])
    );

    // Answered, then withdrawn: neither waits.
    answer(&h, each, amelia, parent, 1, state::ANSWERED).await;
    answer(&h, each, isla, parent, 1, state::ANSWERED).await;
    answer(&h, each, isla, parent, 2, state::WITHDRAWN).await;
    assert_eq!(waiting(&h, demo::PARENT_EMAIL, None).await, BTreeSet::new());
}

#[tokio::test]
async fn what_waits_on_sqlite() {
    counts(sqlite_harness().await).await;
}

#[tokio::test]
async fn what_waits_on_postgres() {
    counts(postgres_harness().await).await;
}
