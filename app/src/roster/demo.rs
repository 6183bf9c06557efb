//! The demo school: Reception to Year 6, two classes each, about 420 pupils and 600 guardians,
//! staff in every role, and a few named families the README and the tests sign in as.
//! Deterministic: the same seed gives the same school on every machine.

use crate::access::{Role, status};
use crate::auth::codes::{self, CodeFor, purpose};
use crate::db::entities::{
    academic_year, class, class_staff, enrolment, guardian, guardian_pupil, pupil, staff,
    staff_role, user_account,
};
use crate::roster::PhotoConsent;
use chrono::{Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "Riverside-demo-2026";
/// A parent with two children (3A and 5B) who already has an account.
pub const PARENT_EMAIL: &str = "parent@riverside.example";
/// A parent of another family (one child in 4B), separated from the child's other parent.
pub const OTHER_PARENT_EMAIL: &str = "parent2@riverside.example";
/// The Thompson children's other parent (3A and 5B), with an account of their own: each parent
/// answers consent forms for the children themselves.
pub const SECOND_PARENT_EMAIL: &str = "parent.b@riverside.example";
/// The demo office's sign-in: the author of the demo notices and events.
pub const OFFICE_EMAIL: &str = "office@riverside.example";

/// The id of the class called `name` in `school_id`, if there is one.
pub async fn class_id<C: sea_orm::ConnectionTrait>(
    db: &C,
    school_id: i32,
    name: &str,
) -> Result<Option<i32>, DbErr> {
    Ok(crate::db::entities::class::Entity::find()
        .filter(crate::db::entities::class::Column::SchoolId.eq(school_id))
        .filter(crate::db::entities::class::Column::Name.eq(name))
        .one(db)
        .await?
        .map(|c| c.id))
}

/// The demo office's account id, if the demo school exists.
pub async fn office_account<C: sea_orm::ConnectionTrait>(db: &C) -> Result<Option<i32>, DbErr> {
    Ok(crate::db::entities::user_account::Entity::find()
        .filter(crate::db::entities::user_account::Column::Email.eq(OFFICE_EMAIL))
        .one(db)
        .await?
        .map(|u| u.id))
}
/// Sign-up code of the Zhang family's first guardian (zh-CN), two children, no account yet.
pub const JOIN_CODE: &str = "JOIN-ZHANG-2026";
/// Sign-up code of the Chen family's guardian (zh-CN), two children, no account yet.
pub const SECOND_JOIN_CODE: &str = "JOIN-CHEN-2026";
/// The date of birth of the Zhang family's first child (3A), asked for when joining.
pub const JOIN_CHILD_BIRTH_DATE: &str = "2018-03-21";
/// The date of birth of the Chen family's first child (3B).
pub const SECOND_JOIN_CHILD_BIRTH_DATE: &str = "2017-11-02";
/// A sign-up code that expired yesterday.
pub const EXPIRED_CODE: &str = "JOIN-OLD-2025";
/// Staff sign-ins: (email, roles).
pub const STAFF_SIGN_INS: [(&str, &str); 6] = [
    ("teacher.3a@riverside.example", "teacher of 3A"),
    ("ta.3a@riverside.example", "teaching assistant in 3A"),
    ("office@riverside.example", "office admin"),
    ("head@riverside.example", "head teacher (leadership)"),
    ("dsl@riverside.example", "designated safeguarding lead"),
    ("it@riverside.example", "system admin"),
];

const YEAR_GROUPS: [&str; 7] = [
    "Reception",
    "Year 1",
    "Year 2",
    "Year 3",
    "Year 4",
    "Year 5",
    "Year 6",
];
const CLASS_SIZE: usize = 30;

/// Surnames with the given names and interface language a family of that name uses here.
const FAMILIES: [(&str, &[&str], &str); 12] = [
    (
        "Thompson",
        &["Oliver", "Amelia", "Harry", "Isla", "Jack", "Sophie"],
        "en-GB",
    ),
    (
        "Zhang",
        &["Wei", "Jing", "Hao", "Mei", "Yu", "Lan"],
        "zh-CN",
    ),
    (
        "Hassan",
        &["Amina", "Omar", "Layla", "Yusuf", "Mariam", "Karim"],
        "ar",
    ),
    (
        "Kowalski",
        &["Zofia", "Jakub", "Lena", "Antoni", "Maja", "Filip"],
        "en-GB",
    ),
    (
        "Okafor",
        &["Chidi", "Ada", "Emeka", "Ngozi", "Tobi", "Ifeoma"],
        "en-GB",
    ),
    (
        "Chen",
        &["Jing", "Ming", "Xiu", "Bo", "Li", "Ting"],
        "zh-CN",
    ),
    (
        "Patel",
        &["Aarav", "Priya", "Rohan", "Anaya", "Dev", "Isha"],
        "en-GB",
    ),
    (
        "Al-Sayed",
        &["Huda", "Ali", "Noor", "Sami", "Rania", "Zaid"],
        "ar",
    ),
    (
        "Murphy",
        &["Niamh", "Sean", "Aoife", "Conor", "Ciara", "Liam"],
        "en-GB",
    ),
    (
        "Silva",
        &["Ana", "Pedro", "Beatriz", "Tiago", "Ines", "Rui"],
        "en-GB",
    ),
    (
        "Wang",
        &["Fang", "Lei", "Hui", "Jun", "Xin", "Tao"],
        "zh-CN",
    ),
    (
        "Evans",
        &["Ruby", "George", "Poppy", "Alfie", "Evie", "Noah"],
        "en-GB",
    ),
];

struct Ids {
    school: i32,
    year: i32,
    year_groups: Vec<i32>,
    /// Class ids in order RA, RB, 1A, 1B, …, 6B.
    classes: Vec<i32>,
    password_hash: String,
}

/// Builds the demo roster in `school_id`. Runs inside the seed's transaction.
pub async fn populate<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    password_hash: String,
) -> Result<(), DbErr> {
    let mut ids = Ids {
        school: school_id,
        year: 0,
        year_groups: Vec::new(),
        classes: Vec::new(),
        password_hash,
    };
    academic_year::ActiveModel {
        school_id: Set(school_id),
        name: Set("2025/26".into()),
        starts_on: Set(date(2025, 9, 1)),
        ends_on: Set(date(2026, 7, 22)),
        is_current: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await?;
    ids.year = academic_year::ActiveModel {
        school_id: Set(school_id),
        name: Set("2026/27".into()),
        starts_on: Set(date(2026, 9, 1)),
        ends_on: Set(date(2027, 7, 21)),
        is_current: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id;
    for (position, name) in YEAR_GROUPS.iter().enumerate() {
        let group = crate::db::entities::year_group::ActiveModel {
            school_id: Set(school_id),
            name: Set((*name).into()),
            position: Set(position as i32),
            ..Default::default()
        }
        .insert(db)
        .await?;
        ids.year_groups.push(group.id);
        let prefix = if position == 0 {
            "R".to_string()
        } else {
            position.to_string()
        };
        for letter in ["A", "B"] {
            let c = class::ActiveModel {
                school_id: Set(school_id),
                academic_year_id: Set(ids.year),
                year_group_id: Set(group.id),
                name: Set(format!("{prefix}{letter}")),
                ..Default::default()
            }
            .insert(db)
            .await?;
            ids.classes.push(c.id);
        }
    }
    add_staff(db, &ids).await?;
    add_families(db, &ids).await
}

async fn add_staff<C: ConnectionTrait>(db: &C, ids: &Ids) -> Result<(), DbErr> {
    let teachers = [
        "Ms Clarke",
        "Mr Ahmed",
        "Mrs Novak",
        "Mr Brown",
        "Ms Li",
        "Mr Davies",
        "Mrs Obi",
    ];
    for (index, class_id) in ids.classes.iter().enumerate() {
        let group = index / 2;
        let label = if group == 0 {
            "r".to_string()
        } else {
            group.to_string()
        };
        let letter = if index % 2 == 0 { "a" } else { "b" };
        let surname = teachers[(index * 3) % teachers.len()];
        for (kind, role, prefix, name) in [
            (
                "teacher",
                Role::Teacher,
                "teacher",
                format!("{surname} ({label}{letter})"),
            ),
            (
                "assistant",
                Role::TeachingAssistant,
                "ta",
                format!("TA {label}{letter}"),
            ),
        ] {
            let email = format!("{prefix}.{label}{letter}@riverside.example");
            let member =
                add_staff_member(db, ids.school, &ids.password_hash, &name, &email, &[role])
                    .await?;
            class_staff::ActiveModel {
                class_id: Set(*class_id),
                staff_id: Set(member),
                kind: Set(kind.into()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    add_staff_member(
        db,
        ids.school,
        &ids.password_hash,
        "Mrs Patel (office)",
        "office@riverside.example",
        &[Role::OfficeAdmin],
    )
    .await?;
    add_staff_member(
        db,
        ids.school,
        &ids.password_hash,
        "Mr Okonjo (head)",
        "head@riverside.example",
        &[Role::Leadership],
    )
    .await?;
    add_staff_member(
        db,
        ids.school,
        &ids.password_hash,
        "Ms Grant (safeguarding)",
        "dsl@riverside.example",
        &[Role::SafeguardingLead, Role::Leadership],
    )
    .await?;
    add_staff_member(
        db,
        ids.school,
        &ids.password_hash,
        "IT support",
        "it@riverside.example",
        &[Role::SystemAdmin],
    )
    .await?;
    Ok(())
}

/// Adds a member of staff with an active account; returns the staff id.
pub async fn add_staff_member<C: ConnectionTrait>(
    db: &C,
    school: i32,
    hash: &str,
    name: &str,
    email: &str,
    roles: &[Role],
) -> Result<i32, DbErr> {
    let member = staff::ActiveModel {
        school_id: Set(school),
        name: Set(name.into()),
        email: Set(email.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for role in roles {
        staff_role::ActiveModel {
            staff_id: Set(member.id),
            role: Set(role.code().into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    user_account::ActiveModel {
        school_id: Set(school),
        email: Set(email.into()),
        password_hash: Set(Some(hash.to_string())),
        status: Set(status::ACTIVE.into()),
        guardian_id: Set(None),
        staff_id: Set(Some(member.id)),
        selected_pupil_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(member.id)
}

/// One family the generator makes: children's class slots and the guardians' shape.
struct FamilyPlan {
    surname: usize,
    slots: Vec<usize>,
    guardians: u8,
    separated: bool,
    grandparent: bool,
}

async fn add_families<C: ConnectionTrait>(db: &C, ids: &Ids) -> Result<(), DbErr> {
    let mut rng = StdRng::seed_from_u64(20_260_901);
    let mut slots: Vec<usize> = (0..ids.classes.len())
        .flat_map(|c| std::iter::repeat_n(c, CLASS_SIZE))
        .collect();
    // The named families come first, in fixed classes: 3A = 6, 5B = 11, 4B = 9, 1B = 3.
    let named = [
        (0usize, vec![6usize, 11], 2u8, false, false), // Thompson: parent@, 3A and 5B
        (3, vec![9], 2, true, false),                  // Kowalski: parent2@, separated
        (1, vec![6, 3], 2, false, false),              // Zhang: join code, 3A and 1B
        (5, vec![7, 2], 1, false, true),               // Chen: second code, grandparent
        (4, vec![8], 1, false, false),                 // Okafor: expired code
    ];
    let mut plans = Vec::new();
    for (surname, wanted, guardians, separated, grandparent) in named {
        for class in &wanted {
            if let Some(at) = slots.iter().position(|s| s == class) {
                slots.remove(at);
            }
        }
        plans.push(FamilyPlan {
            surname,
            slots: wanted,
            guardians,
            separated,
            grandparent,
        });
    }
    // Fisher–Yates with our seeded generator, so the order is the same everywhere.
    for i in (1..slots.len()).rev() {
        let j = rng.random_range(0..=i);
        slots.swap(i, j);
    }
    while !slots.is_empty() {
        let size = match rng.random_range(0..100) {
            0..70 => 1,
            70..95 => 2,
            _ => 3,
        }
        .min(slots.len());
        let taken: Vec<usize> = slots.drain(..size).collect();
        plans.push(FamilyPlan {
            surname: rng.random_range(0..FAMILIES.len()),
            slots: taken,
            guardians: if rng.random_range(0..100) < 82 { 2 } else { 1 },
            separated: rng.random_range(0..100) < 10,
            grandparent: rng.random_range(0..100) < 12,
        });
    }
    for (number, plan) in plans.iter().enumerate() {
        add_family(db, ids, &mut rng, number, plan).await?;
    }
    Ok(())
}

async fn add_family<C: ConnectionTrait>(
    db: &C,
    ids: &Ids,
    rng: &mut StdRng,
    number: usize,
    plan: &FamilyPlan,
) -> Result<(), DbErr> {
    let (surname, given, locale) = FAMILIES[plan.surname];
    let mut pupils = Vec::new();
    for (child, slot) in plan.slots.iter().enumerate() {
        let group = slot / 2;
        // Born in the school year that puts them in this year group in 2026/27.
        let random_day = date(2021 - group as i32, 9, 1) + Duration::days(rng.random_range(0..365));
        // The families that join in the demo and the tests have a known first child.
        let born = match (number, child) {
            (2, 0) => {
                NaiveDate::parse_from_str(JOIN_CHILD_BIRTH_DATE, "%Y-%m-%d").unwrap_or(random_day)
            }
            (3, 0) => NaiveDate::parse_from_str(SECOND_JOIN_CHILD_BIRTH_DATE, "%Y-%m-%d")
                .unwrap_or(random_day),
            _ => random_day,
        };
        let first = given[(number + child * 2 + 1) % given.len()];
        let consent = PhotoConsent::ALL[rng.random_range(0..PhotoConsent::ALL.len())];
        let p = pupil::ActiveModel {
            school_id: Set(ids.school),
            mis_id: Set(format!("P{:05}", number * 4 + child + 1)),
            legal_first_name: Set(first.into()),
            legal_last_name: Set(surname.into()),
            preferred_name: Set(None),
            date_of_birth: Set(born),
            photo_consent: Set(consent.code().into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        enrolment::ActiveModel {
            pupil_id: Set(p.id),
            academic_year_id: Set(ids.year),
            year_group_id: Set(ids.year_groups[group]),
            class_id: Set(Some(ids.classes[*slot])),
            ..Default::default()
        }
        .insert(db)
        .await?;
        pupils.push(p.id);
    }
    let mut adults: Vec<(String, &str, bool, bool)> = vec![(
        format!("{} {surname}", given[number % given.len()]),
        "Mother",
        true,
        true,
    )];
    if plan.guardians == 2 {
        adults.push((
            format!("{} {surname}", given[(number + 3) % given.len()]),
            "Father",
            true,
            !plan.separated,
        ));
    }
    if plan.grandparent {
        adults.push((
            format!("Grandparent {surname}"),
            "Grandparent",
            false,
            false,
        ));
    }
    for (index, (name, relationship, responsibility, lives_with)) in adults.into_iter().enumerate()
    {
        let mis_id = format!("G{:05}", number * 4 + index + 1);
        let email = format!(
            "{}.{}@families.example",
            surname.to_lowercase().replace('-', ""),
            mis_id.to_lowercase()
        );
        let g = guardian::ActiveModel {
            school_id: Set(ids.school),
            mis_id: Set(mis_id),
            name: Set(name),
            email: Set(Some(email)),
            email_alt: Set(None),
            phone: Set(Some(format!("07700 9{:05}", number * 4 + index))),
            phone_alt: Set(None),
            preferred_locale: Set(locale.into()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for pupil_id in &pupils {
            guardian_pupil::ActiveModel {
                guardian_id: Set(g.id),
                pupil_id: Set(*pupil_id),
                relationship: Set(relationship.into()),
                parental_responsibility: Set(responsibility),
                receives_reports: Set(responsibility),
                may_consent: Set(responsibility),
                lives_with_pupil: Set(lives_with),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        let account_email = match (number, index) {
            (0, 0) => Some(PARENT_EMAIL),
            (0, 1) => Some(SECOND_PARENT_EMAIL),
            (1, 0) => Some(OTHER_PARENT_EMAIL),
            _ => None,
        };
        if let Some(email) = account_email {
            user_account::ActiveModel {
                school_id: Set(ids.school),
                email: Set(email.into()),
                password_hash: Set(Some(ids.password_hash.clone())),
                status: Set(status::ACTIVE.into()),
                guardian_id: Set(Some(g.id)),
                staff_id: Set(None),
                selected_pupil_id: Set(None),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// Gives the named families fresh demo codes (unless already used), so a demo started days
/// after seeding still has working ones; the expired one stays expired.
pub async fn refresh_codes<C: ConnectionTrait>(db: &C, school_id: i32) -> Result<(), DbErr> {
    let now = Utc::now();
    for (mis_id, code, expires_at) in [
        (
            "G00009",
            JOIN_CODE,
            now + Duration::hours(codes::VALID_HOURS),
        ),
        (
            "G00013",
            SECOND_JOIN_CODE,
            now + Duration::hours(codes::VALID_HOURS),
        ),
        ("G00017", EXPIRED_CODE, now - Duration::days(1)),
    ] {
        let Some(g) = guardian::Entity::find()
            .filter(guardian::Column::SchoolId.eq(school_id))
            .filter(guardian::Column::MisId.eq(mis_id))
            .one(db)
            .await?
        else {
            continue;
        };
        let has_account = user_account::Entity::find()
            .filter(user_account::Column::GuardianId.eq(g.id))
            .one(db)
            .await?
            .is_some();
        if !has_account {
            let whom = CodeFor {
                school_id,
                guardian_id: Some(g.id),
                user_id: None,
                purpose: purpose::SIGN_UP,
            };
            codes::store(db, whom, code, expires_at).await?;
        }
    }
    Ok(())
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}
