//! The per-session actor cache never outlives what it caches: a suspended account's next request
//! is refused, and a guardian a roster import unlinks from a child stops seeing that child's
//! notices on the next request.

use app::db::entities::{
    class, enrolment, guardian, guardian_pupil, pupil, user_account, year_group,
};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support;

use crate::support::{
    Harness, form_call, home_as, postgres_harness, publish_notice, session_for, sqlite_harness,
};

async fn board(h: &Harness, cookie: &str) -> (StatusCode, String) {
    let response = h
        .send(support::call(
            "/api/notices/board",
            "application/x-www-form-urlencoded",
            String::new(),
            Some(cookie),
        ))
        .await;
    let status = response.status();
    (
        status,
        support::answer_text::<app::notices::Board>(response).await,
    )
}

async fn suspension_ends_the_cached_actor(h: &Harness) {
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let admin = session_for(&h.db, "it@riverside.example").await;
    // Twice, so the second is served from the cache.
    assert!(home_as(h, &teacher).await.contains("/api/auth/sign-out"));
    assert!(home_as(h, &teacher).await.contains("/api/auth/sign-out"));
    let id = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("teacher.3a@riverside.example"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("teacher")
        .id
        .to_string();
    let suspended = h
        .send(form_call(
            "/admin/staff",
            &[("user", &id), ("action", "suspend")],
            Some(&admin),
        ))
        .await;
    assert_eq!(suspended.status(), StatusCode::OK);
    assert!(!home_as(h, &teacher).await.contains("/api/auth/sign-out"));
    let staff_list = h
        .get("/admin/notices", &[(header::COOKIE, teacher.as_str())])
        .await;
    assert_ne!(staff_list.status(), StatusCode::OK);
}

/// One CSV row of the roster export for `pupil` with `guardian`, as the school's MIS writes it.
pub(crate) async fn export_row(
    h: &Harness,
    pupil: &pupil::Model,
    guardian: &guardian::Model,
) -> String {
    let enrolment = enrolment::Entity::find()
        .filter(enrolment::Column::PupilId.eq(pupil.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("enrolment");
    let year = year_group::Entity::find_by_id(enrolment.year_group_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("year group");
    let class_name = match enrolment.class_id {
        Some(id) => class::Entity::find_by_id(id)
            .one(&h.db)
            .await
            .expect("query")
            .map(|c| c.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let link = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(pupil.id))
        .filter(guardian_pupil::Column::GuardianId.eq(guardian.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("link");
    let yes = |b: bool| if b { "yes" } else { "no" };
    [
        pupil.mis_id.clone(),
        pupil.legal_first_name.clone(),
        pupil.legal_last_name.clone(),
        pupil.preferred_name.clone().unwrap_or_default(),
        pupil.date_of_birth.to_string(),
        year.name,
        class_name,
        pupil.photo_consent.clone(),
        guardian.mis_id.clone(),
        guardian.name.clone(),
        guardian.email.clone().unwrap_or_default(),
        guardian.phone.clone().unwrap_or_default(),
        guardian.preferred_locale.clone(),
        link.relationship,
        yes(link.parental_responsibility).into(),
        yes(link.receives_reports).into(),
        yes(link.may_consent).into(),
        yes(link.lives_with_pupil).into(),
    ]
    .join(",")
}

async fn an_unlinked_guardian_loses_the_childs_notices_at_once(h: &Harness) {
    let email = "parent2@riverside.example";
    let parent = session_for(&h.db, email).await;
    let account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(&h.db)
        .await
        .expect("query")
        .expect("account");
    let me = account.guardian_id.expect("a guardian");
    let link = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(me))
        .one(&h.db)
        .await
        .expect("query")
        .expect("a child");
    let child = pupil::Entity::find_by_id(link.pupil_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("pupil");
    let other_link = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(child.id))
        .filter(guardian_pupil::Column::GuardianId.ne(me))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the child's other guardian");
    let other = guardian::Entity::find_by_id(other_link.guardian_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("guardian");
    let year = enrolment::Entity::find()
        .filter(enrolment::Column::PupilId.eq(child.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("enrolment")
        .year_group_id
        .to_string();

    let office = session_for(&h.db, "office@riverside.example").await;
    let title = "Year group trip to the museum";
    publish_notice(
        h,
        &office,
        &[
            ("title", title),
            ("body", "Packed lunch."),
            ("language", "en-GB"),
            ("year_group", &year),
        ],
        &[],
    )
    .await;
    for _ in 0..2 {
        let (status, body) = board(h, &parent).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(body.contains(title), "{body}");
    }

    // The MIS now lists only the other parent for the child (a court order, say).
    let header_line = "pupil_id,legal_first_name,legal_last_name,preferred_name,date_of_birth,\
        year_group,class,photo_consent,guardian_id,guardian_name,guardian_email,guardian_phone,\
        guardian_language,relationship,parental_responsibility,receives_reports,may_consent,\
        lives_with_pupil";
    let csv = format!("{header_line}\n{}\n", export_row(h, &child, &other).await);
    let school = account.school_id;
    let report = app::roster::import::commit(&h.db, school, csv.as_bytes())
        .await
        .expect("import");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.links_changed >= 1);

    let (_, body) = board(h, &parent).await;
    assert!(!body.contains(title), "{body}");
    // The other parent still sees it.
    let other_account = user_account::Entity::find()
        .filter(user_account::Column::GuardianId.eq(other.id))
        .one(&h.db)
        .await
        .expect("query");
    if let Some(other_account) = other_account {
        let other_cookie = session_for(&h.db, &other_account.email).await;
        let (_, body) = board(h, &other_cookie).await;
        assert!(body.contains(title), "{body}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cached_actors_follow_suspension_and_unlinking_on_sqlite() {
    let h = sqlite_harness().await;
    suspension_ends_the_cached_actor(&h).await;
    an_unlinked_guardian_loses_the_childs_notices_at_once(&h).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cached_actors_follow_suspension_and_unlinking_on_postgres() {
    let h = postgres_harness().await;
    suspension_ends_the_cached_actor(&h).await;
    an_unlinked_guardian_loses_the_childs_notices_at_once(&h).await;
}
