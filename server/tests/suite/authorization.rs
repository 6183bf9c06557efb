//! The authorization matrix: every server function × every kind of actor, with the outcome each
//! must get. A server function registered without rows here fails the test, so each new feature
//! adds its rows. Runs on SQLite and PostgreSQL.

use crate::support;

use crate::support::{Harness, call, form_call, postgres_harness, session_for, sqlite_harness};
use app::access::Role;
use app::db::entities::{class, guardian_pupil, school, user_account};
use app::roster::demo;
use http::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::BTreeSet;

/// The typed test actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
    Anonymous,
    GuardianA,
    GuardianB,
    Teacher3A,
    Teacher4B,
    TeachingAssistant,
    OfficeAdmin,
    OtherSchoolAdmin,
    Suspended,
    SystemAdmin,
}

const ACTORS: [Actor; 10] = [
    Actor::Anonymous,
    Actor::GuardianA,
    Actor::GuardianB,
    Actor::Teacher3A,
    Actor::Teacher4B,
    Actor::TeachingAssistant,
    Actor::OfficeAdmin,
    Actor::OtherSchoolAdmin,
    Actor::Suspended,
    Actor::SystemAdmin,
];

/// Replaced by an address of the calling actor's own, so throttling of one cell cannot leak
/// into the next.
const ACTOR_EMAIL: &str = "{actor-email}";
const OTHER_ADMIN: &str = "office@hillside.example";
const SUSPENDED: &str = "suspended.parent@riverside.example";

impl Actor {
    fn email(self) -> Option<&'static str> {
        match self {
            Actor::Anonymous => None,
            Actor::GuardianA => Some(demo::PARENT_EMAIL),
            Actor::GuardianB => Some(demo::OTHER_PARENT_EMAIL),
            Actor::Teacher3A => Some("teacher.3a@riverside.example"),
            Actor::Teacher4B => Some("teacher.4b@riverside.example"),
            Actor::TeachingAssistant => Some("ta.3a@riverside.example"),
            Actor::OfficeAdmin => Some("office@riverside.example"),
            Actor::OtherSchoolAdmin => Some(OTHER_ADMIN),
            Actor::Suspended => Some(SUSPENDED),
            Actor::SystemAdmin => Some("it@riverside.example"),
        }
    }
}

/// Ids from the demo school the requests refer to.
struct Fixture {
    child_of_a: i32,
    class_3a: i32,
    teacher_3a_account: i32,
    /// Guardian A's child in class 3A.
    child_in_3a: i32,
    /// A published notice to class 3A, acknowledgement required, with a PDF attached.
    notice_3a: i32,
    file_3a: i32,
    /// Another notice to 3A, withdrawn (and restored) cell by cell.
    notice_to_withdraw: i32,
    /// The demo calendar's 3A trip.
    event_3a: i32,
    /// The demo calendar's staff meeting (staff only).
    event_staff: i32,
    /// A 3A event the office saved with a PDF, and the PDF.
    event_file_3a: (i32, i32),
    /// Guardian A's private calendar feed address.
    feed_of_a: String,
    /// A photo on a post to the 3A class story, and a width it is stored at.
    news_photo_3a: (i32, u32),
    /// That photo's post.
    news_post_3a: i32,
    /// The version its edit page holds, sent with an edit.
    news_version_3a: String,
    /// The demo school.
    school_id: i32,
    /// The demo trip consent form, for Year 3.
    form_year_3: i32,
    /// Guardian A's guardian record.
    guardian_a: i32,
    /// A change of contact details guardian A asked for, waiting for the office.
    change_of_a: i32,
    /// A care plan guardian A sent with a medication form for their 3A child: (form, answer).
    file_of_a: (i32, i32),
    /// Reports: guardian A's 5B child's published report, a draft cycle for Year 5, and the
    /// MIS id of that child (a file named for it matches).
    reports: Reports,
}

struct Reports {
    report_of_a: i32,
    published: i32,
    draft: i32,
    year_5: i32,
    mis_of_a: String,
}

/// One request to a server function.
struct Call {
    path: String,
    body: Body,
}

enum Body {
    Form(Vec<(&'static str, String)>),
    Json(String),
    /// A plain page fetch (the printed documents' class list).
    Get,
    /// A file upload.
    Upload(&'static str),
    /// A multipart form (the compose form).
    Multipart(Vec<(&'static str, String)>),
    /// One photo, as the news post form's script sends it.
    Photo,
    /// A report's PDF, as the office's upload form sends it: the file's name.
    Report(String),
    /// A report's download, through a link signed for the calling account.
    SignedReport(i32),
}

/// A row: the call, and the status every actor must get.
struct Row {
    name: &'static str,
    call: Call,
    expect: fn(Actor) -> StatusCode,
}

const OK: StatusCode = StatusCode::OK;
const UNAUTHENTICATED: StatusCode = StatusCode::UNAUTHORIZED;
/// Denied and missing look the same.
const HIDDEN: StatusCode = StatusCode::NOT_FOUND;

fn signed_in(actor: Actor) -> bool {
    !matches!(actor, Actor::Anonymous | Actor::Suspended)
}

fn rows(f: &Fixture) -> Vec<Row> {
    let form = |path: &str, fields: Vec<(&'static str, String)>| Call {
        path: path.to_string(),
        body: Body::Form(fields),
    };
    // A lazily loaded page's data, asked for by the page's name (`app::page_data::load_page`).
    let page = |name: &'static str, mut fields: Vec<(&'static str, String)>| {
        fields.insert(0, ("page", name.to_string()));
        Call {
            path: "/api/page".to_string(),
            body: Body::Form(fields),
        }
    };
    let json = |path: &str, value: String| Call {
        path: path.to_string(),
        body: Body::Json(value),
    };
    let get = |path: String| Call {
        path,
        body: Body::Get,
    };

    vec![
        Row {
            name: "language: anyone may switch",
            call: form("/api/language", vec![("lang", "zh-CN".into())]),
            expect: |_| OK,
        },
        Row {
            name: "sign-in with a wrong password: refused for everyone",
            call: form(
                "/api/auth/sign-in",
                vec![("email", ACTOR_EMAIL.into()), ("password", "wrong".into())],
            ),
            expect: |_| UNAUTHENTICATED,
        },
        Row {
            name: "join with a made-up code: refused for everyone",
            call: form(
                "/api/auth/join",
                vec![
                    ("code", "ZZZZ-ZZZZ-ZZZZ".into()),
                    ("birth_date", "2019-05-05".into()),
                    ("email", "new@example.org".into()),
                    ("password", "Dumplings at grandma's 1988".into()),
                ],
            ),
            expect: |_| StatusCode::BAD_REQUEST,
        },
        Row {
            name: "choose guardian A's child: only guardian A",
            call: form(
                "/api/children/select",
                vec![("pupil", f.child_of_a.to_string()), ("back", "/".into())],
            ),
            expect: |a| match a {
                Actor::GuardianA => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "choose all children: any signed-in user",
            call: form("/api/children/select", vec![("pupil", "all".into()), ("back", "/".into())]),
            expect: |a| if signed_in(a) { OK } else { UNAUTHENTICATED },
        },
        Row {
            name: "reach of class 3A: its teacher and whole-school staff of this school",
            call: json(
                "/api/audience/reach",
                format!(r#"{{"audience":{{"whole_school":false,"year_groups":[],"classes":[{}],"pupils":[],"staff_only":false}}}}"#, f.class_3a),
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "reach of the whole school: whole-school staff only",
            call: json(
                "/api/audience/reach",
                r#"{"audience":{"whole_school":true,"year_groups":[],"classes":[],"pupils":[],"staff_only":false}}"#.into(),
            ),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "letters: the class list, for whole-school code issuers",
            call: get("/admin/letters".into()),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "letters: print (issue codes) for class 3A, only this school's office",
            call: form("/admin/letters", vec![("class_id", f.class_3a.to_string())]),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "staff tools index: staff with an office tool, the notice figures or news to post",
            call: get("/admin".into()),
            expect: |a| match a {
                Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin
                | Actor::SystemAdmin
                | Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "roster import page: whole-school importers",
            call: get("/admin/roster".into()),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "roster preview: whole-school importers, each in their own school",
            call: Call {
                path: "/admin/roster".into(),
                body: Body::Upload(include_str!("../../../docs/roster-example.csv")),
            },
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "roster import of an upload that is not yours: nobody",
            call: form("/admin/roster", vec![("upload", "not-an-upload".into())]),
            expect: |a| if signed_in(a) { HIDDEN } else { UNAUTHENTICATED },
        },
        Row {
            name: "reset code for guardian B's account: only this school's office",
            call: form(
                "/admin/letters",
                vec![("action", "reset".into()), ("email", demo::OTHER_PARENT_EMAIL.into())],
            ),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "import progress of an unknown upload: nobody",
            call: Call {
                path: "/admin/roster/progress?upload=not-an-upload".into(),
                body: Body::Get,
            },
            expect: |a| if signed_in(a) { HIDDEN } else { UNAUTHENTICATED },
        },
        Row {
            name: "staff accounts list: the system admin only",
            call: get("/admin/staff".into()),
            expect: |a| match a {
                Actor::SystemAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "create a staff account: the system admin only",
            call: form(
                "/admin/staff",
                vec![
                    ("action", "create".into()),
                    ("name", "New Teacher".into()),
                    ("email", "new.teacher@riverside.example".into()),
                    ("role-teacher", "on".into()),
                ],
            ),
            expect: |a| match a {
                Actor::SystemAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "change a staff account's state: the system admin only",
            call: form(
                "/admin/staff",
                vec![("user", f.teacher_3a_account.to_string()), ("action", "activate".into())],
            ),
            expect: |a| match a {
                Actor::SystemAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "issue a password reset code: the system admin only",
            call: form(
                "/admin/staff",
                vec![("user", f.teacher_3a_account.to_string()), ("action", "reset".into())],
            ),
            expect: |a| match a {
                Actor::SystemAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "letters page data: whole-school code issuers",
            call: form("/api/office/letters", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "roster page data: whole-school importers",
            call: form("/api/office/roster", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "progress data of an unknown import: nobody",
            call: form("/api/office/roster-progress", vec![("upload", "not-an-upload".into())]),
            expect: |a| if signed_in(a) { HIDDEN } else { UNAUTHENTICATED },
        },
        Row {
            name: "staff accounts data: the system admin only",
            call: form("/api/office/staff", vec![]),
            expect: |a| match a {
                Actor::SystemAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the reset page: anyone",
            call: get("/reset".into()),
            expect: |_| OK,
        },
        Row {
            name: "reset with a made-up code: refused for everyone",
            call: form(
                "/api/auth/reset",
                vec![("code", "ZZZZ-ZZZZ-ZZZZ".into()), ("password", "Dumplings at grandma 1988".into())],
            ),
            expect: |_| StatusCode::BAD_REQUEST,
        },
        Row {
            name: "calendar agenda: guardians (their children's events) and staff (their school's)",
            call: page("agenda", vec![]),
            expect: |a| match a {
                Actor::SystemAdmin => HIDDEN,
                a if signed_in(a) => OK,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a month of the calendar: guardians (their children's events) and staff",
            call: form("/api/calendar/month", vec![]),
            expect: |a| match a {
                Actor::SystemAdmin => HIDDEN,
                a if signed_in(a) => OK,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the 3A trip: the 3A family and this school's staff",
            call: page("event", vec![("id", f.event_3a.to_string())]),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the 3A trip's .ics: the 3A family and this school's staff",
            call: get(format!("/calendar/{}/event.ics", f.event_3a)),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a file on a 3A event: the 3A family and this school's staff",
            call: get(format!(
                "/calendar/{}/files/{}",
                f.event_file_3a.0, f.event_file_3a.1
            )),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a 3A event's file asked for through another event: nobody",
            call: get(format!(
                "/calendar/{}/files/{}",
                f.event_3a, f.event_file_3a.1
            )),
            expect: |a| match a {
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the newsfeed: every family and member of staff who reads news, their own",
            call: page("news", vec![]),
            expect: |a| match a {
                Actor::SystemAdmin => HIDDEN,
                a if signed_in(a) => OK,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the stories one may post to: staff who post news",
            call: form("/api/news/stories", vec![]),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the post form for class 3A: its teacher and assistant, this school's office",
            call: form("/api/news/form", vec![("story", format!("c{}", f.class_3a))]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the post form for the school story: the office of the school",
            call: form("/api/news/form", vec![("story", "school".into())]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "posting to class 3A: its teacher and assistant, this school's office",
            call: Call {
                path: format!("/admin/news/c{}", f.class_3a),
                body: Body::Multipart(vec![("body", "Sports day".into())]),
            },
            expect: |a| match a {
                // Published, and sent on to the feed (a redirect counts as success).
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a photo sent on its own for a 3A post: its teacher and assistant, this school's office",
            call: Call {
                path: format!("/admin/news/c{}/photo", f.class_3a),
                body: Body::Photo,
            },
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a photo on a 3A class story: the 3A family, 3A's staff and the office",
            call: get(format!(
                "/news/photos/{}/{}",
                f.news_photo_3a.0, f.news_photo_3a.1
            )),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a 3A post with its comments: the 3A family, 3A's staff and the office",
            call: page("news-post", vec![("id", f.news_post_3a.to_string())]),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "liking a 3A post: those who may read it",
            call: form(&format!("/news/{}", f.news_post_3a), vec![("action", "like".into())]),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "commenting on a 3A post: those who may read it",
            call: form(
                &format!("/news/{}", f.news_post_3a),
                vec![("action", "comment".into()), ("body", "Lovely".into())],
            ),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "turning comments on or off for a 3A post: 3A's staff and the office",
            call: form(&format!("/news/{}", f.news_post_3a), vec![("action", "open".into())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "editing a 3A post's text and translations: 3A's staff and the office",
            call: form(
                &format!("/news/{}/edit", f.news_post_3a),
                vec![
                    ("text_en-GB", "Edited".into()),
                    ("text_zh-CN", "已编辑".into()),
                    ("version", f.news_version_3a.clone()),
                ],
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a 3A post's edit page data: 3A's staff and the office",
            call: page("news-edit", vec![("id", f.news_post_3a.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "pinning a 3A post: 3A's staff and the office",
            call: form(&format!("/news/{}", f.news_post_3a), vec![("action", "pin".into())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a photo's WebP on a 3A class story: the 3A family, 3A's staff and the office",
            call: get(format!(
                "/news/photos/{}/{}.webp",
                f.news_photo_3a.0, f.news_photo_3a.1
            )),
            expect: |a| match a {
                Actor::GuardianA
                | Actor::Teacher3A
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a photo at a width it is not stored at: nobody",
            call: get(format!("/news/photos/{}/4000", f.news_photo_3a.0)),
            expect: |a| match a {
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the forms list: anyone signed in, each their own children's (staff: none)",
            call: page("forms", vec![]),
            expect: |a| if signed_in(a) { OK } else { UNAUTHENTICATED },
        },
        Row {
            name: "the Year 3 trip form for guardian A's 3A child: guardian A only",
            call: page(
                "forms",
                vec![("id", f.form_year_3.to_string()), ("more", f.child_in_3a.to_string())],
            ),
            expect: |a| match a {
                Actor::GuardianA => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "answering the Year 3 trip form for guardian A's 3A child: guardian A only",
            call: form(
                &format!("/forms/{}", f.form_year_3),
                vec![
                    ("child", f.child_in_3a.to_string()),
                    ("token", "matrix-token".into()),
                    ("version", "0".into()),
                    ("f_consent", "yes".into()),
                    ("f_medical", "no".into()),
                    ("f_phone", "01632 960000".into()),
                    ("f_signature", "Guardian A".into()),
                ],
            ),
            expect: |a| match a {
                Actor::GuardianA => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the staff forms list: teachers and whole-school staff, each their own school's",
            call: form("/api/forms/staff-list", vec![]),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the new form page: teachers and whole-school staff",
            call: form("/api/forms/new", vec![]),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the Year 3 trip form's figures: this school's office and 3A's teacher",
            call: form("/api/forms/figures", vec![("id", f.form_year_3.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the Year 3 trip form's printable list: this school's office and 3A's teacher",
            call: form("/api/forms/trip-list", vec![("id", f.form_year_3.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "remind those waiting on the Year 3 trip form: the office and 3A's teacher",
            call: form(&format!("/admin/forms/{}/remind", f.form_year_3), vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "CSV of the Year 3 trip form's answers: the office and 3A's teacher",
            call: get(format!("/admin/forms/{}/export.csv", f.form_year_3)),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "XLSX of the Year 3 trip form's answers: the office and 3A's teacher",
            call: get(format!("/admin/forms/{}/export.xlsx", f.form_year_3)),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "recording an answer by phone to the Year 3 trip form for a 3A child: the office and 3A's teacher",
            call: form(
                "/api/forms/record",
                vec![
                    ("id", f.form_year_3.to_string()),
                    ("child", f.child_in_3a.to_string()),
                    ("guardian", f.guardian_a.to_string()),
                ],
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "storing an answer guardian A gave by phone: the office and 3A's teacher",
            call: form(
                &format!("/admin/forms/{}/record", f.form_year_3),
                vec![
                    ("child", f.child_in_3a.to_string()),
                    ("guardian", f.guardian_a.to_string()),
                    ("token", "matrix-phone-token".into()),
                    // Guardian A answered in the row above: this is the second version.
                    ("version", "1".into()),
                    ("f_consent", "yes".into()),
                    ("f_medical", "no".into()),
                    ("f_phone", "01632 960000".into()),
                    ("f_signature", "Guardian A".into()),
                ],
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the care plan guardian A sent with a 3A medication form: guardian A, this school's office and 3A's teacher",
            call: get(format!(
                "/forms/{}/answers/{}/care_plan",
                f.file_of_a.0, f.file_of_a.1
            )),
            expect: |a| match a {
                Actor::GuardianA | Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a family's reports: each guardian, their own children's",
            call: form("/api/reports/family", vec![]),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the report cycles: whole-school office, each their own school's",
            call: form("/api/reports/staff", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a published report cycle's figures and downloads: this school's office",
            call: form(
                "/api/reports/staff",
                vec![("id", f.reports.published.to_string())],
            ),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "making a report cycle for Year 5: this school's office (another school's has no such year group)",
            call: form(
                "/admin/reports",
                vec![
                    ("name", "Progress check".into()),
                    ("kind", "progress".into()),
                    ("year_group", f.reports.year_5.to_string()),
                ],
            ),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                Actor::OtherSchoolAdmin => StatusCode::BAD_REQUEST,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "uploading a report into the draft Year 5 cycle: this school's office",
            call: Call {
                path: format!("/admin/reports/{}/upload", f.reports.draft),
                body: Body::Report(format!("{}_summer.pdf", f.reports.mis_of_a)),
            },
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "discarding the draft Year 5 cycle's upload: this school's office",
            call: form(
                &format!("/admin/reports/{}", f.reports.draft),
                vec![("action", "discard".into())],
            ),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "guardian A's child's report, through a link signed for the caller: guardian A and this school's office",
            call: Call {
                path: "/reports/file/{id}".into(),
                body: Body::SignedReport(f.reports.report_of_a),
            },
            expect: |a| match a {
                Actor::GuardianA | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a guardian's own contact details: each guardian, their own",
            call: form("/api/roster/contact", vec![]),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the changes families asked for: whole-school office, each their own school's",
            call: form("/api/roster/changes", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "approving guardian A's contact change: this school's office",
            call: form(
                "/admin/forms/changes",
                vec![("change", f.change_of_a.to_string()), ("action", "approve".into())],
            ),
            expect: |a| match a {
                Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "asking the office to change one's contact details: each guardian, their own",
            call: form(
                "/forms/contact",
                vec![("phone", "07700 900777".into()), ("email", ACTOR_EMAIL.into())],
            ),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "sending a form to class 3A: its teacher and this school's office",
            call: form(
                "/admin/forms/new",
                vec![
                    ("title_en-GB", "3A pond visit".into()),
                    ("target", format!("c{}", f.class_3a)),
                    (
                        "closes",
                        (chrono::Utc::now() + chrono::Duration::days(7))
                            .format("%Y-%m-%d")
                            .to_string(),
                    ),
                ],
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a family's feed address opens their calendar for whoever holds it, session or not",
            call: get(f.feed_of_a.clone()),
            expect: |_| OK,
        },
        Row {
            name: "a made-up feed address opens nothing",
            call: get("/calendar/feed/AAAAAAAAAAAAAAAAAAAAAA.ics".into()),
            expect: |_| HIDDEN,
        },
        // After the feed rows: making an address ends guardian A's fixture address.
        Row {
            name: "calendar subscription page data: anyone with a calendar",
            call: page("subscription", vec![]),
            expect: |a| match a {
                Actor::SystemAdmin => HIDDEN,
                a if signed_in(a) => OK,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "make a calendar feed address: anyone with a calendar, for themselves",
            call: form("/calendar/subscribe", vec![("action", "new".into())]),
            expect: |a| match a {
                Actor::SystemAdmin => HIDDEN,
                a if signed_in(a) => OK,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the staff meeting: this school's staff only",
            call: page("event", vec![("id", f.event_staff.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the school's public calendar: anyone, signed in or not",
            call: get(format!("/calendar/public/{}.ics", f.school_id)),
            expect: |_| OK,
        },
        Row {
            name: "the whole calendar as a file: this school's staff",
            call: get("/admin/calendar/export.ics".into()),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the staff calendar: staff who put events on the calendar, each their school's",
            call: form("/api/calendar/staff", vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::Teacher4B | Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a new event's form: staff who put events on the calendar",
            call: form("/api/calendar/form", vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::Teacher4B | Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the 3A trip's form: the office and 3A's teacher",
            call: form("/api/calendar/form", vec![("id", f.event_3a.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "post the 3A trip's form (check who it reaches): the office and 3A's teacher",
            call: form(
                &format!("/admin/calendar/{}", f.event_3a),
                vec![
                    ("title", "Trip".into()),
                    ("start_date", "2027-01-11".into()),
                    ("start_time", "09:00".into()),
                    ("end_time", "15:00".into()),
                    ("action", "check".into()),
                ],
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "the term-dates import page: staff who write the whole school's calendar",
            call: form("/api/calendar/import", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "check a term-dates file: staff who write the whole school's calendar",
            call: Call {
                path: "/admin/calendar/import".into(),
                body: Body::Upload("title,start_date\nMatrix day,2027-06-07\n"),
            },
            expect: |a| match a {
                Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "import a checked file: only the account that checked it",
            call: form("/admin/calendar/import", vec![("upload", "0".repeat(32))]),
            expect: |a| match a {
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "noticeboard: guardians, each their own",
            call: form("/api/notices/board", vec![]),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "open the 3A notice: only the 3A family",
            call: page("notice", vec![("id", f.notice_3a.to_string())]),
            expect: |a| match a {
                Actor::GuardianA => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "acknowledge the 3A notice for the 3A child: only that family",
            call: form(
                "/api/notices/acknowledge",
                vec![("id", f.notice_3a.to_string()), ("pupil", f.child_in_3a.to_string())],
            ),
            expect: |a| match a {
                Actor::GuardianA => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "e-mail settings page: guardians, each their own",
            call: page("email-settings", vec![]),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "e-mail settings: guardians, each their own",
            call: form(
                "/api/notices/email-settings",
                vec![
                    ("general", "instant".into()),
                    ("event", "digest".into()),
                    ("trip", "off".into()),
                    ("closure", "instant".into()),
                ],
            ),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "notification centre: guardians, each their own",
            call: page("notifications", vec![]),
            expect: |a| match a {
                Actor::GuardianA | Actor::GuardianB => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "download the 3A notice's file: its family, 3A's staff and the office",
            call: get(format!("/notices/{}/files/{}", f.notice_3a, f.file_3a)),
            expect: |a| match a {
                Actor::GuardianA | Actor::Teacher3A | Actor::TeachingAssistant | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "staff notices list: staff who read notices",
            call: get("/admin/notices".into()),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "staff notices list data: staff who read notices",
            call: form("/api/notices/staff-list", vec![]),
            expect: |a| match a {
                Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant
                | Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "figures data of the 3A notice: 3A's teacher and this school's office",
            call: form("/api/notices/staff-notice", vec![("id", f.notice_3a.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "compose data for a new notice: staff who publish",
            call: form("/api/notices/compose", vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::Teacher4B | Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "a new notice about the 3A trip: this school's staff who publish",
            call: form("/api/notices/compose", vec![("event", f.event_3a.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::Teacher4B | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "compose data of the 3A notice: 3A's teacher and this school's office",
            call: form("/api/notices/compose", vec![("id", f.notice_3a.to_string())]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "staff tools data: staff with an office tool, the notice figures or news to post",
            call: form("/api/staff/tools", vec![]),
            expect: |a| match a {
                Actor::OfficeAdmin
                | Actor::OtherSchoolAdmin
                | Actor::SystemAdmin
                | Actor::Teacher3A
                | Actor::Teacher4B
                | Actor::TeachingAssistant => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "compose form: staff who publish",
            call: get("/admin/notices/new".into()),
            expect: |a| match a {
                Actor::Teacher3A | Actor::Teacher4B | Actor::OfficeAdmin | Actor::OtherSchoolAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "statistics of the 3A notice: 3A's teacher and this school's office",
            call: get(format!("/admin/notices/{}", f.notice_3a)),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "CSV export of the 3A notice: 3A's teacher and this school's office",
            call: get(format!("/admin/notices/{}/export.csv", f.notice_3a)),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "edit form of the 3A notice: 3A's teacher and this school's office",
            call: get(format!("/admin/notices/{}/edit", f.notice_3a)),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "remind about the 3A notice: 3A's teacher and this school's office",
            call: form(&format!("/admin/notices/{}/remind", f.notice_3a), vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "save changes to the 3A notice: 3A's teacher and this school's office",
            call: Call {
                path: format!("/admin/notices/{}/edit", f.notice_3a),
                body: Body::Multipart(vec![
                    ("id", f.notice_3a.to_string()),
                    ("title", "Farm trip".into()),
                    ("body", "Bring wellies.".into()),
                    ("language", "en-GB".into()),
                    ("ack_required", "on".into()),
                    ("action", "save".into()),
                ]),
            },
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "new draft to class 3A: refused (400, nothing saved) to publishers without 3A",
            call: Call {
                path: "/admin/notices/new".into(),
                body: Body::Multipart(vec![
                    ("title", "Swimming".into()),
                    ("body", "Kit on Tuesday.".into()),
                    ("language", "en-GB".into()),
                    ("class", f.class_3a.to_string()),
                    ("action", "draft".into()),
                ]),
            },
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                Actor::Teacher4B | Actor::OtherSchoolAdmin => StatusCode::BAD_REQUEST,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "autosave a draft to class 3A: 3A's teacher and this school's office",
            call: json(
                "/api/notices/autosave",
                format!(r#"{{"fields":[["title","Swimming"],["body","Kit"],["class","{}"]]}}"#, f.class_3a),
            ),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "withdraw a 3A notice: 3A's teacher and this school's office",
            call: form(&format!("/admin/notices/{}/withdraw", f.notice_to_withdraw), vec![]),
            expect: |a| match a {
                Actor::Teacher3A | Actor::OfficeAdmin => OK,
                a if signed_in(a) => HIDDEN,
                _ => UNAUTHENTICATED,
            },
        },
        Row {
            name: "sign-out: harmless for anyone",
            call: form("/api/auth/sign-out", vec![]),
            expect: |_| OK,
        },
    ]
}

async fn fixture(h: &Harness) -> Fixture {
    // A second school with its own office admin.
    let other = school::ActiveModel {
        name: Set("Hillside Academy".into()),
        default_locale: Set("en-GB".into()),
        timezone: Set("Europe/London".into()),
        staff_hours_start: Set("08:00".into()),
        staff_hours_end: Set("16:30".into()),
        notice_period_days: Set(app::calendar::notice_period::DEFAULT_DAYS),
        created_at: Set(sea_orm::prelude::ChronoUtc::now()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("second school");
    app::roster::accounts::create_staff_account(
        &h.db,
        other.id,
        "Hillside office",
        OTHER_ADMIN,
        &[Role::OfficeAdmin],
        "Hillside office desk 42",
    )
    .await
    .expect("other admin");
    // A suspended parent account (one of the demo guardians without an account).
    let riverside = school::Entity::find().one(&h.db).await.unwrap().unwrap();
    let parent_a = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(demo::PARENT_EMAIL))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap();
    let links_of_a: Vec<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(parent_a.guardian_id.unwrap()))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|link| link.pupil_id)
        .collect();
    let child_of_a = links_of_a[0];
    let suspended_guardian = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.ne(child_of_a))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|link| link.guardian_id)
        .max()
        .unwrap();
    user_account::ActiveModel {
        school_id: Set(riverside.id),
        email: Set(SUSPENDED.into()),
        password_hash: Set(None),
        status: Set("active".into()),
        guardian_id: Set(Some(suspended_guardian)),
        staff_id: Set(None),
        selected_pupil_id: Set(None),
        created_at: Set(sea_orm::prelude::ChronoUtc::now()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("account to suspend");
    let class_3a = class::Entity::find()
        .filter(class::Column::Name.eq("3A"))
        .filter(class::Column::SchoolId.eq(riverside.id))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let teacher_3a_account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("teacher.3a@riverside.example"))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let child_in_3a = app::db::entities::enrolment::Entity::find()
        .filter(app::db::entities::enrolment::Column::ClassId.eq(class_3a))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.pupil_id)
        .find(|p| links_of_a.contains(p))
        .expect("guardian A has a child in 3A");
    let office = session_for(&h.db, "office@riverside.example").await;
    let class = class_3a.to_string();
    let notice_3a = support::publish_notice(
        h,
        &office,
        &[
            ("title", "Farm trip"),
            ("body", "Bring wellies."),
            ("language", "en-GB"),
            ("class", &class),
            ("ack_required", "on"),
        ],
        &[("letter.pdf", support::PDF)],
    )
    .await;
    let file_3a = app::db::entities::notice_attachment::Entity::find()
        .filter(app::db::entities::notice_attachment::Column::NoticeId.eq(notice_3a))
        .one(&h.db)
        .await
        .unwrap()
        .expect("the PDF was attached")
        .id;
    let notice_to_withdraw = support::publish_notice(
        h,
        &office,
        &[
            ("title", "Cake sale"),
            ("body", "Friday."),
            ("language", "en-GB"),
            ("class", &class),
        ],
        &[],
    )
    .await;
    app::calendar::demo::seed(&h.db, riverside.id)
        .await
        .expect("demo events");
    let event_titled = |title: &'static str| {
        let db = h.db.clone();
        async move {
            app::db::entities::event::Entity::find()
                .filter(app::db::entities::event::Column::Title.eq(title))
                .one(&db)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("no demo event {title}"))
                .id
        }
    };
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(60))
        .format("%Y-%m-%d")
        .to_string();
    let saved = h
        .send(support::multipart_form(
            "/admin/calendar/new",
            &[
                ("language", "en-GB"),
                ("title", "3A museum visit letter"),
                ("category", "trip"),
                ("start_date", &day),
                ("start_time", "09:00"),
                ("end_time", "15:00"),
                ("class", &class),
                ("action", "save"),
            ],
            &[("museum.pdf", support::PDF)],
            Some(&office),
        ))
        .await;
    assert_eq!(
        saved.status(),
        StatusCode::SEE_OTHER,
        "the 3A event is saved"
    );
    let event_with_file = event_titled("3A museum visit letter").await;
    let file_on_event = app::db::entities::event_attachment::Entity::find()
        .filter(app::db::entities::event_attachment::Column::EventId.eq(event_with_file))
        .one(&h.db)
        .await
        .unwrap()
        .expect("the PDF is on the event")
        .id;
    let posted = h
        .send(support::multipart_form_with(
            &format!("/admin/news/c{class}"),
            &[("body", "3A made bread")],
            "photo",
            &[("bread.png", &tiny_png())],
            Some(&office),
        ))
        .await;
    assert_eq!(
        posted.status(),
        StatusCode::SEE_OTHER,
        "the 3A post is published"
    );
    let photo = app::db::entities::news_photo::Entity::find()
        .one(&h.db)
        .await
        .unwrap()
        .expect("the post's photo");
    let post_3a = photo.post_id.expect("the photo is on the post");
    let news_version_3a = app::db::entities::news_post::Entity::find_by_id(post_3a)
        .one(&h.db)
        .await
        .unwrap()
        .expect("the post")
        .updated_at
        .timestamp_micros()
        .to_string();
    Fixture {
        news_photo_3a: (photo.id, u32::try_from(photo.width).unwrap()),
        news_post_3a: post_3a,
        news_version_3a,
        event_file_3a: (event_with_file, file_on_event),
        child_of_a,
        class_3a,
        teacher_3a_account,
        child_in_3a,
        notice_3a,
        file_3a,
        notice_to_withdraw,
        event_3a: event_titled("Class 3A trip to the Science Museum").await,
        event_staff: event_titled("Staff meeting").await,
        feed_of_a: feed_of(h, demo::PARENT_EMAIL).await,
        school_id: riverside.id,
        form_year_3: form_year_3(h, riverside.id).await,
        guardian_a: parent_a.guardian_id.expect("guardian A is a guardian"),
        change_of_a: change_of_a(h, riverside.id, &parent_a).await,
        file_of_a: file_of_a(h, &parent_a, child_in_3a, class_3a, teacher_3a_account).await,
        reports: reports_of_a(h, riverside.id, parent_a.id).await,
    }
}

/// A published report cycle for Year 5 with guardian A's 5B child's report (a real PDF in the
/// store), and a draft cycle for Year 5.
async fn reports_of_a(h: &Harness, school: i32, parent_a: i32) -> Reports {
    use app::db::entities::{enrolment, pupil, report, report_cycle, year_group};
    let year_5 = year_group::Entity::find()
        .filter(year_group::Column::Name.eq("Year 5"))
        .filter(year_group::Column::SchoolId.eq(school))
        .one(&h.db)
        .await
        .expect("query")
        .expect("Year 5");
    let actor = app::access::load_actor(&h.db, parent_a)
        .await
        .expect("query")
        .expect("guardian A");
    let child = actor
        .children
        .iter()
        .find(|c| c.membership.year_group_id == year_5.id)
        .expect("guardian A has a Year 5 child")
        .membership
        .pupil_id;
    let mis_of_a = pupil::Entity::find_by_id(child)
        .one(&h.db)
        .await
        .expect("query")
        .expect("pupil")
        .mis_id;
    let year = enrolment::Entity::find()
        .filter(enrolment::Column::PupilId.eq(child))
        .one(&h.db)
        .await
        .expect("query")
        .expect("enrolment")
        .academic_year_id;
    let now = chrono::Utc::now();
    let cycle = |name: &str, state: &str| report_cycle::ActiveModel {
        school_id: Set(school),
        name: Set(name.into()),
        kind: Set("term".into()),
        academic_year_id: Set(year),
        year_groups: Set(format!("[{}]", year_5.id)),
        state: Set(state.into()),
        problems: Set(None),
        created_by: Set(parent_a),
        created_at: Set(now),
        published_by: Set(None),
        published_at: Set((state == "published").then_some(now)),
        ..Default::default()
    };
    let published = cycle("Spring term report", "published")
        .insert(&h.db)
        .await
        .expect("cycle");
    let draft = cycle("Summer term report", "draft")
        .insert(&h.db)
        .await
        .expect("cycle");
    let bytes = app::reports::sample::pdf_saying("Spring term report");
    let key = h.state.files.put(&bytes).await.expect("stored");
    let report = report::ActiveModel {
        school_id: Set(school),
        cycle_id: Set(published.id),
        pupil_id: Set(child),
        file_key: Set(key),
        file_name: Set(format!("{mis_of_a}_spring.pdf")),
        size: Set(i32::try_from(bytes.len()).expect("small")),
        sha256: Set(String::new()),
        state: Set("current".into()),
        uploaded_by: Set(parent_a),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("report");
    Reports {
        report_of_a: report.id,
        published: published.id,
        draft: draft.id,
        year_5: year_5.id,
        mis_of_a,
    }
}

/// A medication form for 3A, and guardian A's answer to it with a care plan (a PDF in the store).
async fn file_of_a(
    h: &Harness,
    parent_a: &user_account::Model,
    child: i32,
    class_3a: i32,
    teacher: i32,
) -> (i32, i32) {
    use app::db::entities::form_response;
    let now = chrono::Utc::now();
    let title = [("en-GB".to_string(), "Medicine in school".to_string())].into();
    let new = app::forms::store::NewForm {
        template: app::forms::templates::code::MEDICATION.into(),
        per_family: false,
        language: "en-GB".into(),
        definition: app::forms::templates::medication(title, Default::default()),
        audience: app::audience::Audience {
            classes: vec![class_3a],
            ..Default::default()
        },
        opens_at: now - chrono::Duration::days(1),
        closes_at: now + chrono::Duration::days(7),
        consent_until: None,
    };
    let school = parent_a.school_id;
    let form_id = app::forms::store::create(&h.db, school, teacher, &new, now)
        .await
        .expect("form");
    let stored = h.state.files.put(support::PDF).await.expect("file");
    let answers = serde_json::json!({ "care_plan": "plan.pdf", "care_plan.file": stored });
    let answer = form_response::ActiveModel {
        form_id: Set(form_id),
        pupil_id: Set(Some(child)),
        guardian_id: Set(parent_a.guardian_id.expect("guardian A is a guardian")),
        user_id: Set(parent_a.id),
        version: Set(1),
        state: Set("answered".into()),
        answers: Set(answers.to_string()),
        wording: Set(String::new()),
        wording_sha256: Set(String::new()),
        language: Set("en-GB".into()),
        client_address: Set("192.0.2.1".into()),
        user_agent: Set("matrix".into()),
        submitted_at: Set(now),
        token: Set("matrix-file-token".into()),
        channel: Set("portal".into()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("answer");
    (form_id, answer.id)
}

/// A contact change guardian A asked for, waiting for the office.
async fn change_of_a(h: &Harness, school: i32, parent_a: &user_account::Model) -> i32 {
    let asker = app::roster::changes::Asker {
        school_id: school,
        guardian_id: parent_a.guardian_id.expect("guardian A is a guardian"),
        user_id: parent_a.id,
        address: "192.0.2.1".into(),
        user_agent: "matrix".into(),
    };
    let wanted = app::roster::changes::Contact {
        phone: Some("07700 900555".into()),
        ..Default::default()
    };
    let held = app::roster::changes::Contact::default();
    app::roster::changes::ask_contact(&h.db, &asker, &held, &wanted, chrono::Utc::now())
        .await
        .expect("a change")
}

/// The demo's trip consent form, seeded.
async fn form_year_3(h: &Harness, school: i32) -> i32 {
    app::forms::demo::seed(&h.db, school)
        .await
        .expect("demo forms");
    app::db::entities::form::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("the demo form")
        .id
}

/// A small PNG for a post's photo.
fn tiny_png() -> Vec<u8> {
    let image = image::RgbImage::from_pixel(48, 32, image::Rgb([200, 120, 40]));
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

/// The path of a fresh feed address for the account `email`.
async fn feed_of(h: &Harness, email: &str) -> String {
    let account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(&h.db)
        .await
        .expect("query")
        .expect("account");
    let token = app::calendar::feed::issue(&h.db, account.id, app::i18n::Locale::EnGb)
        .await
        .expect("feed address");
    format!("/calendar/feed/{token}.ics")
}

async fn cookie_for(h: &Harness, actor: Actor) -> Option<String> {
    let email = actor.email()?;
    let cookie = session_for(&h.db, email).await;
    if actor == Actor::Suspended {
        // The session existed before the suspension; suspension must end it.
        app::roster::accounts::suspend_by_email(&h.db, email)
            .await
            .expect("suspend");
    }
    Some(cookie)
}

async fn run_matrix(h: Harness) {
    let f = fixture(&h).await;
    let rows = rows(&f);

    // Every registered server function has rows, and every one is a POST.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method, http::Method::POST, "{path} must not be a GET");
            path.to_string()
        })
        .collect();
    let covered: BTreeSet<String> = rows.iter().map(|r| r.call.path.clone()).collect();
    let missing: Vec<_> = registered.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "server functions without matrix rows: {missing:?}"
    );

    let mut failures = Vec::new();
    let mut cells = 0;
    for row in &rows {
        for actor in ACTORS {
            let cookie = cookie_for(&h, actor).await;
            let request = match &row.call.body {
                Body::Form(fields) => {
                    let fields: Vec<(&str, &str)> = fields
                        .iter()
                        .map(|(k, v)| {
                            let v = if v == ACTOR_EMAIL {
                                actor.email().unwrap_or("nobody@riverside.example")
                            } else {
                                v.as_str()
                            };
                            (*k, v)
                        })
                        .collect();
                    form_call(&row.call.path, &fields, cookie.as_deref())
                }
                Body::Json(json) => call(
                    &row.call.path,
                    "application/json",
                    json.clone(),
                    cookie.as_deref(),
                ),
                Body::Upload(content) => {
                    support::multipart_call(&row.call.path, "file", content, cookie.as_deref())
                }
                Body::Multipart(fields) => {
                    let fields: Vec<(&str, &str)> =
                        fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    support::multipart_form(&row.call.path, &fields, &[], cookie.as_deref())
                }
                Body::Photo => support::multipart_form_with(
                    &row.call.path,
                    &[],
                    "photo",
                    &[("photo.png", &tiny_png())],
                    cookie.as_deref(),
                ),
                Body::Report(name) => support::multipart_form_with(
                    &row.call.path,
                    &[],
                    "files",
                    &[(name.as_str(), &app::reports::sample::pdf_saying("A report"))],
                    cookie.as_deref(),
                ),
                Body::SignedReport(report) => {
                    let user = match actor.email() {
                        Some(email) => user_account::Entity::find()
                            .filter(user_account::Column::Email.eq(email))
                            .one(&h.db)
                            .await
                            .expect("query")
                            .map_or(0, |u| u.id),
                        None => 0,
                    };
                    let signer = app::reports::links::Signer::load(&h.db)
                        .await
                        .expect("the signing key");
                    let href = signer.href(*report, user, chrono::Utc::now());
                    let mut builder = http::Request::get(href.as_str());
                    if let Some(cookie) = &cookie {
                        builder = builder.header(http::header::COOKIE, cookie.as_str());
                    }
                    builder.body(axum::body::Body::empty()).expect("request")
                }
                Body::Get => {
                    let mut builder = http::Request::get(row.call.path.as_str());
                    if let Some(cookie) = &cookie {
                        builder = builder.header(http::header::COOKIE, cookie.as_str());
                    }
                    builder.body(axum::body::Body::empty()).expect("request")
                }
            };
            let status = h.send(request).await.status();
            if row.call.path.ends_with("/withdraw") {
                // Put the notice back so the next actor meets a published notice too.
                app::db::entities::notice::Entity::update_many()
                    .col_expr(
                        app::db::entities::notice::Column::Status,
                        sea_orm::sea_query::Expr::value("published"),
                    )
                    .filter(app::db::entities::notice::Column::Id.eq(f.notice_to_withdraw))
                    .exec(&h.db)
                    .await
                    .expect("restore");
            }
            // A redirect after success counts as success.
            let status = if status.is_redirection() { OK } else { status };
            let expected = (row.expect)(actor);
            cells += 1;
            if status != expected {
                failures.push(format!(
                    "{} / {actor:?}: got {status}, expected {expected}",
                    row.name
                ));
            }
        }
    }
    println!(
        "authorization matrix: {} rows × {} actors = {cells} cells",
        rows.len(),
        ACTORS.len()
    );
    assert!(
        failures.is_empty(),
        "authorization matrix failures:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn authorization_matrix_on_sqlite() {
    run_matrix(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn authorization_matrix_on_postgres() {
    run_matrix(postgres_harness().await).await;
}
