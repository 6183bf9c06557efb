//! Generated schools for the audience property test and the benchmarks: a plain plan (what to
//! create) and a bulk insert of it. Ids are assigned here, so big districts insert in batches.

use crate::db::entities::{
    academic_year, class, enrolment, guardian, guardian_pupil, pupil, school, year_group,
};
use chrono::{NaiveDate, Utc};
use rand::Rng;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

/// One pupil in a plan.
#[derive(Clone, Debug)]
pub struct PupilPlan {
    /// Index of the year group.
    pub year_group: usize,
    /// Index of the class within the year group, if the pupil has one.
    pub class: Option<usize>,
    /// Enrolled in the current year; otherwise only in last year (a leaver).
    pub current: bool,
}

/// One school in a plan.
#[derive(Clone, Debug)]
pub struct SchoolPlan {
    /// Number of year groups.
    pub year_groups: usize,
    /// Classes in each year group.
    pub classes_per_group: usize,
    /// The pupils.
    pub pupils: Vec<PupilPlan>,
    /// Each guardian's children, as indices into `pupils`.
    pub guardians: Vec<Vec<usize>>,
}

/// The ids a plan was given in the database.
#[derive(Clone, Debug, Default)]
pub struct Inserted {
    /// The school.
    pub school_id: i32,
    /// Year group ids by index.
    pub year_groups: Vec<i32>,
    /// Class ids by year group index, then class index.
    pub classes: Vec<Vec<i32>>,
    /// Pupil ids by index.
    pub pupils: Vec<i32>,
    /// Guardian ids by index.
    pub guardians: Vec<i32>,
}

/// Hands out ids across the schools of one database.
#[derive(Default)]
pub struct IdSource {
    next: i32,
}

impl IdSource {
    fn take(&mut self) -> i32 {
        self.next += 1;
        self.next
    }
}

/// A random school: `guardians` guardians, siblings and shared children included.
pub fn random_school(rng: &mut impl Rng, guardians: usize) -> SchoolPlan {
    let year_groups = 7;
    let classes_per_group = 4;
    let pupil_count = guardians * 7 / 10;
    let pupils: Vec<PupilPlan> = (0..pupil_count)
        .map(|_| PupilPlan {
            year_group: rng.random_range(0..year_groups),
            class: Some(rng.random_range(0..classes_per_group)),
            current: rng.random_range(0..100) < 97,
        })
        .collect();
    let links: Vec<Vec<usize>> = (0..guardians)
        .map(|_| {
            let siblings = if rng.random_range(0..100) < 20 { 2 } else { 1 };
            (0..siblings)
                .map(|_| rng.random_range(0..pupil_count.max(1)))
                .collect()
        })
        .collect();
    SchoolPlan {
        year_groups,
        classes_per_group,
        pupils,
        guardians: links,
    }
}

const BATCH: usize = 500;

async fn insert_batches<C, A>(db: &C, rows: Vec<A>) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(BATCH).collect();
        A::Entity::insert_many(batch)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Inserts `plan` as a new school with a current and a previous academic year.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    ids: &mut IdSource,
    plan: &SchoolPlan,
) -> Result<Inserted, DbErr> {
    let now = Utc::now();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let mut out = Inserted {
        school_id: ids.take(),
        ..Inserted::default()
    };
    school::Entity::insert(school::ActiveModel {
        id: Set(out.school_id),
        name: Set(format!("Generated school {}", out.school_id)),
        default_locale: Set("en-GB".into()),
        timezone: Set("Europe/London".into()),
        staff_hours_start: Set("08:30".into()),
        staff_hours_end: Set("16:00".into()),
        notice_period_days: Set(crate::calendar::notice_period::DEFAULT_DAYS),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let (current, last) = (ids.take(), ids.take());
    for (id, name, is_current, start) in
        [(current, "this", true, 2026), (last, "last", false, 2025)]
    {
        academic_year::Entity::insert(academic_year::ActiveModel {
            id: Set(id),
            school_id: Set(out.school_id),
            name: Set(name.into()),
            starts_on: Set(day(start, 9, 1)),
            ends_on: Set(day(start + 1, 7, 20)),
            is_current: Set(is_current),
        })
        .exec_without_returning(db)
        .await?;
    }
    let mut groups = Vec::new();
    let mut classes = Vec::new();
    for g in 0..plan.year_groups {
        let group_id = ids.take();
        out.year_groups.push(group_id);
        groups.push(year_group::ActiveModel {
            id: Set(group_id),
            school_id: Set(out.school_id),
            name: Set(format!("Group {g}")),
            position: Set(g as i32),
        });
        let mut in_group = Vec::new();
        for c in 0..plan.classes_per_group {
            let class_id = ids.take();
            in_group.push(class_id);
            classes.push(class::ActiveModel {
                id: Set(class_id),
                school_id: Set(out.school_id),
                academic_year_id: Set(current),
                year_group_id: Set(group_id),
                name: Set(format!("{g}-{c}")),
            });
        }
        out.classes.push(in_group);
    }
    insert_batches(db, groups).await?;
    insert_batches(db, classes).await?;

    let mut pupils = Vec::new();
    let mut enrolments = Vec::new();
    for (index, p) in plan.pupils.iter().enumerate() {
        let pupil_id = ids.take();
        out.pupils.push(pupil_id);
        pupils.push(pupil::ActiveModel {
            id: Set(pupil_id),
            school_id: Set(out.school_id),
            mis_id: Set(format!("P{index}")),
            legal_first_name: Set("Pupil".into()),
            legal_last_name: Set(format!("{index}")),
            preferred_name: Set(None),
            date_of_birth: Set(day(2018, 1, 1)),
            photo_consent: Set("class".into()),
        });
        enrolments.push(enrolment::ActiveModel {
            id: Set(ids.take()),
            pupil_id: Set(pupil_id),
            academic_year_id: Set(if p.current { current } else { last }),
            year_group_id: Set(out.year_groups[p.year_group]),
            class_id: Set(match (p.current, p.class) {
                (true, Some(c)) => Some(out.classes[p.year_group][c]),
                _ => None,
            }),
        });
    }
    insert_batches(db, pupils).await?;
    insert_batches(db, enrolments).await?;

    let mut guardians = Vec::new();
    let mut links = Vec::new();
    for (index, children) in plan.guardians.iter().enumerate() {
        let guardian_id = ids.take();
        out.guardians.push(guardian_id);
        guardians.push(guardian::ActiveModel {
            id: Set(guardian_id),
            school_id: Set(out.school_id),
            mis_id: Set(format!("G{index}")),
            name: Set(format!("Guardian {index}")),
            // Every generated family has an address, so publishing queues an e-mail per guardian.
            email: Set(Some(format!("guardian{guardian_id}@district.example"))),
            email_alt: Set(None),
            phone: Set(None),
            phone_alt: Set(None),
            preferred_locale: Set("en-GB".into()),
        });
        let mut seen = std::collections::HashSet::new();
        for child in children {
            if child < &out.pupils.len() && seen.insert(*child) {
                links.push(guardian_pupil::ActiveModel {
                    id: Set(ids.take()),
                    guardian_id: Set(guardian_id),
                    pupil_id: Set(out.pupils[*child]),
                    relationship: Set("Parent".into()),
                    parental_responsibility: Set(true),
                    receives_reports: Set(true),
                    may_consent: Set(true),
                    lives_with_pupil: Set(true),
                });
            }
        }
    }
    insert_batches(db, guardians).await?;
    insert_batches(db, links).await?;
    Ok(out)
}
