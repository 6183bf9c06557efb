//! Roster import on the demo school: a broken file is refused with every row's problems and
//! writes nothing; a good file imports; importing it again changes nothing; a changed file
//! updates by MIS id. Runs on SQLite and PostgreSQL.

use app::db::entities::{guardian, pupil};
use app::db::{connect, migrate, scratch};
use app::roster::import::{Problem, commit, preview};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const EXAMPLE: &str = include_str!("../../../docs/roster-example.csv");

async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    (
        pupil::Entity::find().count(db).await.unwrap(),
        guardian::Entity::find().count(db).await.unwrap(),
    )
}

async fn import_suite(db: DatabaseConnection) {
    migrate(&db).await.unwrap();
    app::school::db::seed_demo(&db).await.unwrap();
    let school = app::school::db::first_school(&db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let before = counts(&db).await;

    // A deliberately broken file: every problem is listed by line, nothing is written.
    let header = EXAMPLE.lines().next().unwrap();
    let broken = format!(
        "{header}\n\
         B1,Ann,Lee,,2019-13-40,Year 2,2A,class,BG1,Jo Lee,jo@example.org,,en-GB,Mother,yes,yes,yes,yes\n\
         B2,Ben,Ray,,2018-01-01,Year 9,9Z,class,BG2,Al Ray,al@example.org,,en-GB,Father,yes,yes,yes,yes\n\
         B3,Cy,Dee,,2018-01-01,Year 3,3Q,class,BG3,Di Dee,di@example.org,,en-GB,Mother,yes,yes,yes,yes\n\
         B4,Dot,Fay,,2018-01-01,Year 3,3A,class,,,,,en-GB,,yes,yes,yes,yes\n\
         B5,Ed,Gum,,2018-01-01,Year 3,3A,class,BG5,Flo Gum,not-an-email,,en-GB,Mother,maybe,yes,yes,yes\n\
         B6,Fi,Ho,,2018-01-01,Year 3,3A,class,BG6,Gil Ho,gil@example.org,,en-GB,Father,yes,yes,yes,yes\n\
         B6,Fi,Ho,,2018-02-02,Year 3,3A,class,BG7,Hal Ho,hal@example.org,,en-GB,Father,yes,yes,yes,yes\n"
    );
    let report = commit(&db, school, broken.as_bytes()).await.unwrap();
    let found: Vec<(usize, Problem)> = report
        .problems
        .iter()
        .map(|p| (p.line, p.problem.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, Problem::BadDate),
            (3, Problem::UnknownYearGroup("Year 9".into())),
            (4, Problem::UnknownClass("3Q".into())),
            (5, Problem::MissingGuardian),
            (6, Problem::BadEmail),
            (6, Problem::BadFlag("parental_responsibility")),
            (8, Problem::DuplicatePupil("B6".into())),
        ]
    );
    assert_eq!(counts(&db).await, before, "a refused file writes nothing");
    let wrong_header = commit(&db, school, b"name,class\nA,3A\n").await.unwrap();
    assert_eq!(wrong_header.problems[0].problem, Problem::Header);

    // The preview of the example file says what would happen and writes nothing.
    let planned = preview(&db, school, EXAMPLE.as_bytes()).await.unwrap();
    assert!(planned.problems.is_empty(), "{:?}", planned.problems);
    assert_eq!(
        (planned.rows, planned.pupils_added, planned.guardians_added),
        (7, 4, 5)
    );
    assert_eq!(counts(&db).await, before);

    let done = commit(&db, school, EXAMPLE.as_bytes()).await.unwrap();
    assert_eq!(done.pupils_added, 4);
    assert_eq!(done.guardians_added, 5);
    assert_eq!(done.links_changed, 7);
    assert_eq!(counts(&db).await, (before.0 + 4, before.1 + 5));
    // The demo pupils are not in the file: kept, reported as left.
    assert_eq!(done.pupils_left as u64, before.0);

    // The same file again changes nothing.
    let again = commit(&db, school, EXAMPLE.as_bytes()).await.unwrap();
    assert_eq!(
        (
            again.pupils_added,
            again.pupils_changed,
            again.guardians_added,
            again.guardians_changed,
            again.links_changed
        ),
        (0, 0, 0, 0, 0)
    );
    assert_eq!(again.pupils_unchanged, 4);
    assert_eq!(counts(&db).await, (before.0 + 4, before.1 + 5));

    // A changed file: Hao moves to 4B, Kate Morgan's email changes.
    let changed = EXAMPLE
        .replace("Year 4,4A", "Year 4,4B")
        .replace("kate.morgan@example.org", "kate.m@example.org");
    let update = commit(&db, school, changed.as_bytes()).await.unwrap();
    assert_eq!(
        (
            update.pupils_changed,
            update.guardians_changed,
            update.pupils_added
        ),
        (1, 1, 0)
    );
}

#[tokio::test]
async fn import_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    import_suite(connect(&scratch::sqlite_url_in(dir.path())).await.unwrap()).await;
}

#[tokio::test]
async fn import_on_postgres() {
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server).await.unwrap();
    import_suite(connect(&url).await.unwrap()).await;
}
