//! Accounts through the real router: sign-in, sessions, sign-out, throttling, joining with a
//! code, the child switcher, suspension and the CSRF guard. Runs on SQLite and PostgreSQL.

use crate::support;

use crate::support::{
    Harness, body_text, form_call, home_as, postgres_harness, refusal, session_cookie, session_for,
    sqlite_harness,
};
use app::error::{AppError, CodeProblem, FieldProblem};
use app::roster::demo;
use http::{StatusCode, header};

async fn sign_in(
    h: &Harness,
    email: &str,
    password: &str,
    cookie: Option<&str>,
) -> http::Response<axum::body::Body> {
    h.send(form_call(
        "/api/auth/sign-in",
        &[("email", email), ("password", password)],
        cookie,
    ))
    .await
}

async fn sessions_and_throttling(h: &Harness) {
    // A cookie planted before sign-in (session fixation) is never promoted.
    let planted = "sg_session=planted-by-someone-else";
    let response = sign_in(h, demo::PARENT_EMAIL, demo::DEMO_PASSWORD, Some(planted)).await;
    assert!(
        response.status().is_success() || response.status().is_redirection(),
        "{}",
        response.status()
    );
    let cookie = session_cookie(&response).expect("a session cookie");
    assert_ne!(cookie, planted);
    let set = response
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );

    // Signed in: the page shows the sign-out button and the two children in the switcher.
    let page = home_as(h, &cookie).await;
    assert!(page.contains("/api/auth/sign-out"), "no sign-out form");
    assert!(page.contains("child-menu"), "no child switcher");
    let anonymous = body_text(h.get("/", &[]).await).await;
    assert!(!anonymous.contains("/api/auth/sign-out"));

    // A second sign-in gets a new id; both browsers stay signed in until each signs out.
    let again = sign_in(h, demo::PARENT_EMAIL, demo::DEMO_PASSWORD, None).await;
    let second = session_cookie(&again).expect("second cookie");
    assert_ne!(second, cookie);

    // Sign-out ends that session: the old cookie is refused (and cleared).
    let out = h
        .send(form_call("/api/auth/sign-out", &[], Some(&cookie)))
        .await;
    assert!(out.status().is_success() || out.status().is_redirection());
    let after = h.get("/", &[(header::COOKIE, cookie.as_str())]).await;
    let clears = after
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().unwrap_or("").contains("Max-Age=0"));
    assert!(clears, "a refused cookie is cleared");
    assert!(!body_text(after).await.contains("/api/auth/sign-out"));
    let select = h
        .send(form_call(
            "/api/children/select",
            &[("pupil", "all"), ("back", "/")],
            Some(&cookie),
        ))
        .await;
    assert_eq!(select.status(), StatusCode::UNAUTHORIZED);
    assert!(home_as(h, &second).await.contains("/api/auth/sign-out"));

    // Five wrong passwords are refused as wrong; the sixth attempt is held with 429, even with
    // the right password, and the message is translated.
    for attempt in 1..=5 {
        let wrong = sign_in(h, demo::OTHER_PARENT_EMAIL, "not the password", None).await;
        assert_eq!(
            wrong.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let held = sign_in(h, demo::OTHER_PARENT_EMAIL, demo::DEMO_PASSWORD, None).await;
    assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(session_cookie(&held).is_none());
    let mut chinese = form_call(
        "/api/auth/sign-in",
        &[("email", demo::OTHER_PARENT_EMAIL), ("password", "x")],
        None,
    );
    chinese
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "zh-CN".parse().unwrap());
    let held = h.send(chinese).await;
    assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS);
    // Other accounts on the same network are not held.
    let teacher = sign_in(h, "teacher.3a@riverside.example", demo::DEMO_PASSWORD, None).await;
    assert!(session_cookie(&teacher).is_some());
}

async fn suspension_ends_sessions(h: &Harness) {
    let cookie = session_for(&h.db, "ta.3a@riverside.example").await;
    assert!(home_as(h, &cookie).await.contains("/api/auth/sign-out"));
    let ended = app::roster::accounts::suspend_by_email(&h.db, "ta.3a@riverside.example")
        .await
        .expect("suspend");
    assert!(ended >= 1);
    assert!(!home_as(h, &cookie).await.contains("/api/auth/sign-out"));
    let refused = sign_in(h, "ta.3a@riverside.example", demo::DEMO_PASSWORD, None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
}

async fn joining_with_a_code(h: &Harness) {
    let join = |code: &str, birth: &str, email: &str, password: &str| {
        form_call(
            "/api/auth/join",
            &[
                ("code", code),
                ("birth_date", birth),
                ("email", email),
                ("password", password),
            ],
            None,
        )
    };
    let good_password = "Dumplings at grandma's 1988";
    let expired = h
        .send(join(
            demo::EXPIRED_CODE,
            "2019-01-01",
            "x@y.example",
            good_password,
        ))
        .await;
    assert_eq!(expired.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        refusal(expired).await,
        AppError::AccessCode(CodeProblem::Expired)
    );
    let unknown = h
        .send(join(
            "ABCD-EFGH-JKLM",
            "2019-01-01",
            "x@y.example",
            good_password,
        ))
        .await;
    assert_eq!(
        refusal(unknown).await,
        AppError::AccessCode(CodeProblem::Unknown)
    );
    let common = h
        .send(join(
            demo::JOIN_CODE,
            "2019-01-01",
            "x@y.example",
            "password123",
        ))
        .await;
    assert_eq!(
        refusal(common).await,
        AppError::invalid("password", FieldProblem::TooCommon)
    );

    // Wrong dates of birth count down and lock the code at the third.
    let first = refusal(
        h.send(join(
            demo::SECOND_JOIN_CODE,
            "2000-01-01",
            "chen@y.example",
            good_password,
        ))
        .await,
    )
    .await;
    assert_eq!(
        first,
        AppError::AccessCode(CodeProblem::WrongDateOfBirth { remaining: 2 })
    );
    h.send(join(
        demo::SECOND_JOIN_CODE,
        "2000-01-02",
        "chen@y.example",
        good_password,
    ))
    .await;
    let third = refusal(
        h.send(join(
            demo::SECOND_JOIN_CODE,
            "2000-01-03",
            "chen@y.example",
            good_password,
        ))
        .await,
    )
    .await;
    assert_eq!(third, AppError::AccessCode(CodeProblem::Locked));
    let birth = demo_birth_date(h, "G00013").await;
    let locked = refusal(
        h.send(join(
            demo::SECOND_JOIN_CODE,
            &birth,
            "chen@y.example",
            good_password,
        ))
        .await,
    )
    .await;
    assert_eq!(
        locked,
        AppError::AccessCode(CodeProblem::Locked),
        "the right date no longer opens a locked code"
    );

    // The right date: an account linked to both children, signed in at once.
    let birth = demo_birth_date(h, "G00009").await;
    let joined = h
        .send(join(
            demo::JOIN_CODE,
            &birth,
            "Zhang.Wei@Example.org",
            good_password,
        ))
        .await;
    let cookie = session_cookie(&joined).expect("signed in after joining");
    let page = home_as(h, &cookie).await;
    assert!(page.contains("child-menu"));
    assert_eq!(
        page.matches("name=\"pupil\"").count(),
        3,
        "all + two children"
    );
    let reused = refusal(
        h.send(join(
            demo::JOIN_CODE,
            &birth,
            "other@example.org",
            good_password,
        ))
        .await,
    )
    .await;
    assert_eq!(reused, AppError::AccessCode(CodeProblem::Used));
    // The email is stored lower-cased and signs in.
    let again = sign_in(h, "zhang.wei@example.org", good_password, None).await;
    assert!(session_cookie(&again).is_some());
}

/// The date of birth of the first child of the guardian with `mis_id`.
async fn demo_birth_date(h: &Harness, mis_id: &str) -> String {
    use app::db::entities::{guardian, guardian_pupil, pupil};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let g = guardian::Entity::find()
        .filter(guardian::Column::MisId.eq(mis_id))
        .one(&h.db)
        .await
        .unwrap()
        .expect("demo guardian");
    let link = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(g.id))
        .one(&h.db)
        .await
        .unwrap()
        .expect("demo child");
    let p = pupil::Entity::find_by_id(link.pupil_id)
        .one(&h.db)
        .await
        .unwrap()
        .unwrap();
    p.date_of_birth.format("%Y-%m-%d").to_string()
}

async fn child_switcher_persists(h: &Harness) {
    let cookie = session_for(&h.db, demo::PARENT_EMAIL).await;
    let page = home_as(h, &cookie).await;
    // The first child button after "all".
    let id = page
        .split("name=\"pupil\" value=\"")
        .nth(2)
        .and_then(|rest| rest.split('"').next())
        .expect("a child button")
        .to_string();
    let chosen = h
        .send(form_call(
            "/api/children/select",
            &[("pupil", &id), ("back", "/notices")],
            Some(&cookie),
        ))
        .await;
    assert!(chosen.status().is_success() || chosen.status().is_redirection());
    // A new session (another phone) sees the same choice.
    let elsewhere = session_for(&h.db, demo::PARENT_EMAIL).await;
    let page = home_as(h, &elsewhere).await;
    assert!(
        page.contains(&format!("value=\"{id}\" aria-pressed=\"true\"")),
        "choice kept"
    );
}

async fn cross_site_posts_are_refused(h: &Harness) {
    let cookie = session_for(&h.db, demo::PARENT_EMAIL).await;
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let mut request = form_call("/api/auth/sign-out", &[], Some(&cookie));
        request
            .headers_mut()
            .insert(header::HOST, "127.0.0.1:3000".parse().unwrap());
        request.headers_mut().insert(name, value.parse().unwrap());
        assert_eq!(
            h.send(request).await.status(),
            StatusCode::FORBIDDEN,
            "{name}"
        );
    }
    assert!(
        home_as(h, &cookie).await.contains("/api/auth/sign-out"),
        "still signed in"
    );
    let mut same = form_call("/api/auth/sign-out", &[], Some(&cookie));
    same.headers_mut()
        .insert(header::HOST, "127.0.0.1:3000".parse().unwrap());
    same.headers_mut()
        .insert("origin", "http://127.0.0.1:3000".parse().unwrap());
    assert_ne!(h.send(same).await.status(), StatusCode::FORBIDDEN);
}

async fn printing_letters(h: &Harness) {
    use app::db::entities::class;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let class_3a = class::Entity::find()
        .filter(class::Column::Name.eq("3A"))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let office = session_for(&h.db, "office@riverside.example").await;
    let list = h
        .get("/admin/letters", &[(header::COOKIE, office.as_str())])
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let list = body_text(list).await;
    assert!(list.contains("Print letters for 3A") && list.contains("Print letters for RB"));

    let mut request = form_call(
        "/admin/letters",
        &[("class_id", &class_3a.to_string())],
        Some(&office),
    );
    request
        .headers_mut()
        .insert(header::ACCEPT, "text/html".parse().unwrap());
    let printed = h.send(request).await;
    let status = printed.status();
    let html = body_text(printed).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    // One letter per guardian without an account, each in the guardian's language, with a QR code.
    let letters = html.matches(" class=\"letter\">").count();
    assert_eq!(
        letters,
        html.matches("<section ").count(),
        "each letter is a section"
    );
    assert!(letters >= 20, "{letters} letters for a class of 30");
    assert_eq!(
        letters,
        html.matches("shape-rendering=\"crispEdges\"").count()
    );
    assert!(
        html.contains("class=\"top-bar\""),
        "the letters are a page in the app frame"
    );
    assert!(
        html.contains("lang=\"zh-CN\"") && html.contains("尊敬的"),
        "Chinese families get Chinese letters"
    );
    assert!(html.contains("lang=\"en-GB\"") && html.contains("Dear "));
    assert_eq!(
        letters,
        guardians_without_accounts(h, class_3a).await,
        "one letter per guardian of the class who has not joined"
    );
    // The printed code is live.
    let code = html
        .split("<p class=\"letter__code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("a code")
        .to_string();
    assert_eq!(code.len(), 14, "{code}");
    assert!(html.contains(&format!("http://127.0.0.1:3000/join?code={code}")));
    let tried = refusal(
        h.send(form_call(
            "/api/auth/join",
            &[
                ("code", code.as_str()),
                ("birth_date", "1990-01-01"),
                ("email", "z@example.org"),
                ("password", "Dumplings at grandma 1988"),
            ],
            None,
        ))
        .await,
    )
    .await;
    assert!(
        matches!(
            tried,
            AppError::AccessCode(CodeProblem::WrongDateOfBirth { .. })
        ),
        "the printed code is live: {tried:?}"
    );
}

/// Guardians of a class's pupils with no account: who should get a letter.
async fn guardians_without_accounts(h: &Harness, class_id: i32) -> usize {
    use app::db::entities::{enrolment, guardian_pupil, user_account};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let pupils: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::ClassId.eq(class_id))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let guardians: std::collections::BTreeSet<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(pupils))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.guardian_id)
        .collect();
    let joined: std::collections::BTreeSet<i32> = user_account::Entity::find()
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|a| a.guardian_id)
        .collect();
    guardians.difference(&joined).count()
}

async fn importing_the_roster(h: &Harness) {
    use app::db::entities::pupil;
    use sea_orm::{EntityTrait, PaginatorTrait};
    let example = include_str!("../../../docs/roster-example.csv");
    let office = session_for(&h.db, "office@riverside.example").await;
    let tools = body_text(h.get("/admin", &[(header::COOKIE, office.as_str())]).await).await;
    assert!(tools.contains("href=\"/admin/letters\"") && tools.contains("href=\"/admin/roster\""));
    let start = h
        .get("/admin/roster", &[(header::COOKIE, office.as_str())])
        .await;
    assert_eq!(start.status(), StatusCode::OK);
    assert!(
        body_text(start)
            .await
            .contains("enctype=\"multipart/form-data\"")
    );

    // A broken file: the problems in a table, no import button, nothing written.
    let before = pupil::Entity::find().count(&h.db).await.unwrap();
    let broken = example
        .replace("2019-02-14", "14/02/2019")
        .replace("Year 5,5B", "Year 5,5Z");
    let page = body_text(
        h.send(support::multipart_call(
            "/admin/roster",
            "file",
            &broken,
            Some(&office),
        ))
        .await,
    )
    .await;
    assert!(page.contains("Problems found: 4"), "{page}");
    assert!(page.contains("There is no class called “5Z” in that year group this year."));
    assert!(!page.contains("name=\"upload\""));
    assert_eq!(pupil::Entity::find().count(&h.db).await.unwrap(), before);

    // The example file: a summary and an import button; importing adds the four pupils once.
    let page = body_text(
        h.send(support::multipart_call(
            "/admin/roster",
            "file",
            example,
            Some(&office),
        ))
        .await,
    )
    .await;
    assert!(page.contains("7 rows. Pupils: 4 new"), "{page}");
    let upload = page
        .split("name=\"upload\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an upload to import")
        .to_string();
    assert_eq!(
        pupil::Entity::find().count(&h.db).await.unwrap(),
        before,
        "a preview writes nothing"
    );
    let done = h
        .send(form_call(
            "/admin/roster",
            &[("upload", &upload)],
            Some(&office),
        ))
        .await;
    // The import runs in the background; its progress page refreshes itself until it is done.
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let progress = done.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(progress.starts_with("/admin/roster/progress?upload="));
    let mut finished = String::new();
    for _ in 0..100 {
        let page = body_text(h.get(&progress, &[(header::COOKIE, office.as_str())]).await).await;
        if page.contains("The roster is imported.") {
            finished = page;
            break;
        }
        assert!(
            page.contains("<progress") && page.contains("http-equiv=\"refresh\""),
            "{page}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(finished.contains("7 rows. Pupils: 4 new"), "{finished}");
    assert_eq!(
        pupil::Entity::find().count(&h.db).await.unwrap(),
        before + 4
    );
    // Someone else cannot watch (or learn of) the import.
    let head = session_for(&h.db, "head@riverside.example").await;
    let peek = h.get(&progress, &[(header::COOKIE, head.as_str())]).await;
    assert_eq!(peek.status(), StatusCode::NOT_FOUND);
    let twice = h
        .send(form_call(
            "/admin/roster",
            &[("upload", &upload)],
            Some(&office),
        ))
        .await;
    // A second press (a double tap) only shows the same import's outcome again.
    assert_eq!(twice.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        twice.headers()[header::LOCATION].to_str().unwrap(),
        progress
    );
    assert_eq!(
        pupil::Entity::find().count(&h.db).await.unwrap(),
        before + 4,
        "an upload imports once"
    );

    // A teacher cannot reach any of it.
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let refused = h
        .send(support::multipart_call(
            "/admin/roster",
            "file",
            example,
            Some(&teacher),
        ))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}

async fn staff_accounts_and_password_reset(h: &Harness) {
    let admin = session_for(&h.db, "it@riverside.example").await;
    let code_in = |html: &str| {
        html.split("<p class=\"letter__code\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .expect("a one-time code")
            .to_string()
    };
    // The system admin creates a teacher; the teacher sets a password with the code.
    let created = h
        .send(form_call(
            "/admin/staff",
            &[
                ("action", "create"),
                ("name", "Ms New"),
                ("email", "ms.new@riverside.example"),
                ("role-teacher", "on"),
            ],
            Some(&admin),
        ))
        .await;
    assert_eq!(created.status(), StatusCode::OK);
    let code = code_in(&body_text(created).await);
    let invited = sign_in(h, "ms.new@riverside.example", "Chalk and cheese 2026", None).await;
    assert_eq!(
        invited.status(),
        StatusCode::UNAUTHORIZED,
        "no password yet"
    );
    let reset_page = body_text(h.get(&format!("/reset?code={code}"), &[]).await).await;
    assert!(
        reset_page.contains(&format!("value=\"{code}\""))
            && reset_page.contains("class=\"top-bar\""),
        "the link fills in the code, on a page in the app frame: {reset_page}"
    );
    let weak = h
        .send(form_call(
            "/api/auth/reset",
            &[("code", &code), ("password", "password1")],
            None,
        ))
        .await;
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    assert!(
        matches!(refusal(weak).await, AppError::Validation { field, .. } if field == "password")
    );
    let set = h
        .send(form_call(
            "/api/auth/reset",
            &[("code", &code), ("password", "Chalk and cheese 2026")],
            None,
        ))
        .await;
    assert!(set.status().is_success() || set.status().is_redirection());
    assert_eq!(
        set.headers()[header::LOCATION].to_str().unwrap(),
        "/sign-in?reset=done"
    );
    let told = body_text(h.get("/sign-in?reset=done", &[]).await).await;
    assert!(told.contains("Your new password is saved."), "{told}");
    let first = sign_in(h, "ms.new@riverside.example", "Chalk and cheese 2026", None).await;
    let cookie = session_cookie(&first).expect("the new teacher signs in");
    let again = h
        .send(form_call(
            "/api/auth/reset",
            &[("code", &code), ("password", "Another good phrase 9")],
            None,
        ))
        .await;
    assert_eq!(
        refusal(again).await,
        AppError::AccessCode(CodeProblem::Used)
    );

    // Suspension ends the teacher's sessions; a reset code issued later brings back nothing
    // until the account is reactivated.
    use app::db::entities::user_account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let id = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("ms.new@riverside.example"))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
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
    assert!(!home_as(h, &cookie).await.contains("/api/auth/sign-out"));
    let refused = sign_in(h, "ms.new@riverside.example", "Chalk and cheese 2026", None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    h.send(form_call(
        "/admin/staff",
        &[("user", &id), ("action", "activate")],
        Some(&admin),
    ))
    .await;
    let back = sign_in(h, "ms.new@riverside.example", "Chalk and cheese 2026", None).await;
    let cookie = session_cookie(&back).expect("reactivated");

    // A reset code for a forgotten password: using it ends the sessions signed in before.
    let issued = h
        .send(form_call(
            "/admin/staff",
            &[("user", &id), ("action", "reset")],
            Some(&admin),
        ))
        .await;
    let code = code_in(&body_text(issued).await);
    h.send(form_call(
        "/api/auth/reset",
        &[("code", &code), ("password", "Fresh start at the gate 7")],
        None,
    ))
    .await;
    assert!(!home_as(h, &cookie).await.contains("/api/auth/sign-out"));
    let fresh = sign_in(
        h,
        "ms.new@riverside.example",
        "Fresh start at the gate 7",
        None,
    )
    .await;
    assert!(session_cookie(&fresh).is_some());
    // The office resets a parent's forgotten password the same way.
    let office = session_for(&h.db, "office@riverside.example").await;
    let issued = h
        .send(form_call(
            "/admin/letters",
            &[("action", "reset"), ("email", demo::PARENT_EMAIL)],
            Some(&office),
        ))
        .await;
    assert_eq!(issued.status(), StatusCode::OK);
    let code = code_in(&body_text(issued).await);
    let done = h
        .send(form_call(
            "/api/auth/reset",
            &[("code", &code), ("password", "Swings and roundabouts 4")],
            None,
        ))
        .await;
    assert!(done.headers().contains_key(header::LOCATION));
    let parent = sign_in(h, demo::PARENT_EMAIL, "Swings and roundabouts 4", None).await;
    assert!(session_cookie(&parent).is_some());
    let staff_email = h
        .send(form_call(
            "/admin/letters",
            &[("action", "reset"), ("email", "ms.new@riverside.example")],
            Some(&office),
        ))
        .await;
    assert_eq!(
        staff_email.status(),
        StatusCode::NOT_FOUND,
        "the office resets guardians only"
    );
    let staff_email = body_text(staff_email).await;
    assert!(
        staff_email.contains("role=\"alert\"")
            && staff_email.contains("value=\"ms.new@riverside.example\""),
        "refused, said why, and the address typed is kept: {staff_email}"
    );
    // The admin cannot suspend themself.
    let own = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("it@riverside.example"))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let selfish = h
        .send(form_call(
            "/admin/staff",
            &[("user", &own), ("action", "suspend")],
            Some(&admin),
        ))
        .await;
    assert_eq!(selfish.status(), StatusCode::NOT_FOUND);
}

async fn all_account_checks(h: Harness) {
    sessions_and_throttling(&h).await;
    suspension_ends_sessions(&h).await;
    joining_with_a_code(&h).await;
    child_switcher_persists(&h).await;
    cross_site_posts_are_refused(&h).await;
    printing_letters(&h).await;
    importing_the_roster(&h).await;
    staff_accounts_and_password_reset(&h).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_on_sqlite() {
    all_account_checks(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_on_postgres() {
    all_account_checks(postgres_harness().await).await;
}
