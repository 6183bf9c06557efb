//! Roster import from the school's MIS export: read the CSV, check every row, preview what would
//! change, and commit in one transaction, matching pupils and guardians by their MIS ids.
//!
//! One row per pupil–guardian pair; a pupil with two guardians appears on two rows whose pupil
//! columns agree. The columns are listed in [`COLUMNS`] and in the README.

use crate::db::entities::{class, enrolment, guardian, guardian_pupil, pupil, year_group};
use crate::i18n::Locale;
use crate::roster::PhotoConsent;
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};
use std::collections::{BTreeMap, HashMap};

/// The columns of the import file, in order.
pub const COLUMNS: [&str; 18] = [
    "pupil_id",
    "legal_first_name",
    "legal_last_name",
    "preferred_name",
    "date_of_birth",
    "year_group",
    "class",
    "photo_consent",
    "guardian_id",
    "guardian_name",
    "guardian_email",
    "guardian_phone",
    "guardian_language",
    "relationship",
    "parental_responsibility",
    "receives_reports",
    "may_consent",
    "lives_with_pupil",
];

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The school has no current academic year with year groups and classes yet.
    NoCurrentYear,
    /// The header is not the expected columns.
    Header,
    /// A row with the wrong number of fields, or unreadable.
    Malformed,
    /// A required field is empty.
    Missing(&'static str),
    /// Not a date in YYYY-MM-DD form.
    BadDate,
    /// No year group of that name.
    UnknownYearGroup(String),
    /// No class of that name in that year group this year.
    UnknownClass(String),
    /// The same pupil id with different details on another row.
    DuplicatePupil(String),
    /// The same guardian id with different details on another row.
    DuplicateGuardian(String),
    /// A pupil row without a guardian.
    MissingGuardian,
    /// A photo consent level that is not one of the known codes.
    BadConsent(String),
    /// A yes/no column with something else in it.
    BadFlag(&'static str),
    /// An email address that is not one.
    BadEmail,
    /// A language the portal does not ship.
    BadLanguage(String),
}

/// A problem and where it is: the file's line number (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Line in the file.
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What an import would do (or did).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Data rows read.
    pub rows: usize,
    /// Pupils new to the portal.
    pub pupils_added: usize,
    /// Pupils whose details, year group or class change.
    pub pupils_changed: usize,
    /// Pupils already exactly as in the file.
    pub pupils_unchanged: usize,
    /// Pupils in the portal but not in the file (left the school): kept, listed for the office.
    pub pupils_left: usize,
    /// Guardians new to the portal.
    pub guardians_added: usize,
    /// Guardians whose details change.
    pub guardians_changed: usize,
    /// Guardian–pupil links added, changed or removed (a pupil's links are those the file lists).
    pub links_changed: usize,
    /// News posts with photos that a lowered photo consent withholds from families from now on
    /// (their authors are e-mailed).
    pub posts_withheld: usize,
    /// Details families changed through the portal, approved since, that the file replaces.
    pub overwrites: Vec<Overwrite>,
    /// Every problem found; when not empty, nothing is written.
    pub problems: Vec<RowProblem>,
}

/// Details a family changed through the portal (approved by the office, or a photo consent
/// narrowed) that an import replaces with the file's: the preview names each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overwrite {
    /// The guardian's or child's name.
    pub name: String,
    /// The day the change was approved or applied.
    pub approved_on: NaiveDate,
    /// What the file replaces: `phone`, `email` (contact details) or `photo` (consent).
    pub fields: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PupilRow {
    mis_id: String,
    first: String,
    last: String,
    preferred: Option<String>,
    born: NaiveDate,
    year_group_id: i32,
    class_id: Option<i32>,
    consent: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct GuardianRow {
    mis_id: String,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    language: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct LinkRow {
    relationship: String,
    responsibility: bool,
    reports: bool,
    consent: bool,
    lives_with: bool,
}

/// The file, checked and read into pupils, guardians and links keyed by MIS id.
#[derive(Default)]
struct Parsed {
    rows: usize,
    pupils: BTreeMap<String, PupilRow>,
    guardians: BTreeMap<String, GuardianRow>,
    links: BTreeMap<(String, String), LinkRow>,
    problems: Vec<RowProblem>,
}

/// The school's current year, its year groups and its classes, for checking names.
struct Lookup {
    year_id: i32,
    groups: HashMap<String, i32>,
    classes: HashMap<(i32, String), i32>,
}

async fn lookup<C: ConnectionTrait>(db: &C, school_id: i32) -> Result<Option<Lookup>, DbErr> {
    let Some(year) = crate::audience::resolve::current_year(db, school_id).await? else {
        return Ok(None);
    };
    let groups = year_group::Entity::find()
        .filter(year_group::Column::SchoolId.eq(school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.name.to_lowercase(), g.id))
        .collect();
    let classes = class::Entity::find()
        .filter(class::Column::AcademicYearId.eq(year.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| ((c.year_group_id, c.name.to_lowercase()), c.id))
        .collect();
    Ok(Some(Lookup {
        year_id: year.id,
        groups,
        classes,
    }))
}

fn flag(value: &str, column: &'static str) -> Result<bool, Problem> {
    match value.trim().to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Ok(true),
        "n" | "no" | "false" | "0" | "" => Ok(false),
        _ => Err(Problem::BadFlag(column)),
    }
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn parse(data: &[u8], lookup: &Lookup) -> Parsed {
    let mut parsed = Parsed::default();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(data);
    let header_ok = reader
        .headers()
        .map(|h| {
            h.iter()
                .map(|c| c.to_lowercase())
                .eq(COLUMNS.iter().map(|c| c.to_string()))
        })
        .unwrap_or(false);
    if !header_ok {
        parsed.problems.push(RowProblem {
            line: 1,
            problem: Problem::Header,
        });
        return parsed;
    }
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        parsed.rows += 1;
        let mut report = |problem| parsed.problems.push(RowProblem { line, problem });
        let Ok(record) = record else {
            report(Problem::Malformed);
            continue;
        };
        if record.len() != COLUMNS.len() {
            report(Problem::Malformed);
            continue;
        }
        let field = |name: &str| {
            let at = COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
            record.get(at).unwrap_or("").trim().to_string()
        };
        let mut problems = Vec::new();
        for required in [
            "pupil_id",
            "legal_first_name",
            "legal_last_name",
            "date_of_birth",
            "year_group",
        ] {
            if field(required).is_empty() {
                problems.push(Problem::Missing(required));
            }
        }
        let born = NaiveDate::parse_from_str(&field("date_of_birth"), "%Y-%m-%d");
        if born.is_err() && !field("date_of_birth").is_empty() {
            problems.push(Problem::BadDate);
        }
        let group = lookup
            .groups
            .get(&field("year_group").to_lowercase())
            .copied();
        if group.is_none() && !field("year_group").is_empty() {
            problems.push(Problem::UnknownYearGroup(field("year_group")));
        }
        let class_name = field("class");
        let class_id = match (group, class_name.is_empty()) {
            (_, true) => None,
            (Some(g), false) => {
                let found = lookup.classes.get(&(g, class_name.to_lowercase())).copied();
                if found.is_none() {
                    problems.push(Problem::UnknownClass(class_name.clone()));
                }
                found
            }
            (None, false) => None,
        };
        let consent = field("photo_consent");
        let consent = if consent.is_empty() {
            "none".to_string()
        } else {
            consent.to_lowercase()
        };
        if PhotoConsent::from_code(&consent).is_none() {
            problems.push(Problem::BadConsent(consent.clone()));
        }
        let guardian_id = field("guardian_id");
        if guardian_id.is_empty() {
            problems.push(Problem::MissingGuardian);
        } else if field("guardian_name").is_empty() {
            problems.push(Problem::Missing("guardian_name"));
        }
        let email = optional(&field("guardian_email"));
        if let Some(email) = &email
            && crate::auth::validate_email(email).is_err()
        {
            problems.push(Problem::BadEmail);
        }
        let language = optional(&field("guardian_language")).unwrap_or_else(|| "en-GB".into());
        if Locale::from_tag(&language).is_none() {
            problems.push(Problem::BadLanguage(language.clone()));
        }
        let mut flags = [false; 4];
        for (slot, column) in [
            "parental_responsibility",
            "receives_reports",
            "may_consent",
            "lives_with_pupil",
        ]
        .into_iter()
        .enumerate()
        {
            match flag(&field(column), column) {
                Ok(value) => flags[slot] = value,
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            for problem in problems {
                report(problem);
            }
            continue;
        }
        let (Ok(born), Some(year_group_id)) = (born, group) else {
            continue;
        };
        let pupil_row = PupilRow {
            mis_id: field("pupil_id"),
            first: field("legal_first_name"),
            last: field("legal_last_name"),
            preferred: optional(&field("preferred_name")),
            born,
            year_group_id,
            class_id,
            consent,
        };
        match parsed.pupils.get(&pupil_row.mis_id) {
            Some(existing) if *existing != pupil_row => {
                report(Problem::DuplicatePupil(pupil_row.mis_id.clone()));
                continue;
            }
            _ => {}
        }
        let guardian_row = GuardianRow {
            mis_id: guardian_id.clone(),
            name: field("guardian_name"),
            email: email.map(|e| e.to_lowercase()),
            phone: optional(&field("guardian_phone")),
            language,
        };
        match parsed.guardians.get(&guardian_row.mis_id) {
            Some(existing) if *existing != guardian_row => {
                report(Problem::DuplicateGuardian(guardian_row.mis_id.clone()));
                continue;
            }
            _ => {}
        }
        parsed.links.insert(
            (guardian_id, pupil_row.mis_id.clone()),
            LinkRow {
                relationship: optional(&field("relationship")).unwrap_or_else(|| "Parent".into()),
                responsibility: flags[0],
                reports: flags[1],
                consent: flags[2],
                lives_with: flags[3],
            },
        );
        parsed.pupils.insert(pupil_row.mis_id.clone(), pupil_row);
        parsed
            .guardians
            .insert(guardian_row.mis_id.clone(), guardian_row);
    }
    parsed
}

/// Checks `data` and reports what importing it would do; writes nothing.
pub async fn preview(
    db: &DatabaseConnection,
    school_id: i32,
    data: &[u8],
) -> Result<Report, DbErr> {
    let txn = crate::db::write_transaction(db).await?;
    let report = apply(&txn, school_id, data, &|_, _| {}).await?;
    // A preview computes the changes inside a transaction it never commits.
    txn.rollback().await?;
    Ok(report)
}

/// Imports `data`: all of it in one transaction, or (with any problem) nothing at all.
pub async fn commit(db: &DatabaseConnection, school_id: i32, data: &[u8]) -> Result<Report, DbErr> {
    commit_with_progress(db, school_id, data, &|_, _| {}).await
}

/// Reports work done out of the total (pupils, guardians and links written or checked).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Send + Sync);

/// [`commit`], telling `progress` how far it is, for the progress bar of big files.
pub async fn commit_with_progress(
    db: &DatabaseConnection,
    school_id: i32,
    data: &[u8],
    progress: Progress<'_>,
) -> Result<Report, DbErr> {
    let txn = crate::db::write_transaction(db).await?;
    let report = apply(&txn, school_id, data, progress).await?;
    if report.problems.is_empty() {
        txn.commit().await?;
        // Children may have moved class or changed guardians: no cached actor may outlive that.
        crate::access::cache::roster_changed();
        crate::db::optimize(db).await?;
    } else {
        txn.rollback().await?;
    }
    Ok(report)
}

async fn apply<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    data: &[u8],
    progress: Progress<'_>,
) -> Result<Report, DbErr> {
    let Some(lookup) = lookup(db, school_id).await? else {
        return Ok(Report {
            problems: vec![RowProblem {
                line: 1,
                problem: Problem::NoCurrentYear,
            }],
            ..Report::default()
        });
    };
    let parsed = parse(data, &lookup);
    let mut report = Report {
        rows: parsed.rows,
        problems: parsed.problems,
        ..Report::default()
    };
    if !report.problems.is_empty() {
        return Ok(report);
    }

    let existing_pupils: HashMap<String, pupil::Model> = pupil::Entity::find()
        .filter(pupil::Column::SchoolId.eq(school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.mis_id.clone(), p))
        .collect();
    report.pupils_left = existing_pupils
        .keys()
        .filter(|id| !parsed.pupils.contains_key(*id))
        .count();
    let total = parsed.pupils.len() + parsed.guardians.len() + parsed.links.len();
    let mut done = 0;
    let mut step = || {
        done += 1;
        progress(done, total);
    };
    let mut pupil_ids = HashMap::new();
    let mut lowered = Vec::new();
    let approved_photos = super::changes::approved_photos(db, school_id).await?;
    let approved_contacts = super::changes::approved_contacts(db, school_id).await?;
    for (mis_id, row) in &parsed.pupils {
        step();
        let (id, changed) = match existing_pupils.get(mis_id) {
            Some(found) => {
                let same = found.legal_first_name == row.first
                    && found.legal_last_name == row.last
                    && found.preferred_name == row.preferred
                    && found.date_of_birth == row.born
                    && found.photo_consent == row.consent;
                if let Some((level, at)) = approved_photos.get(&found.id)
                    && *level == found.photo_consent
                    && row.consent != found.photo_consent
                {
                    report.overwrites.push(Overwrite {
                        name: super::display_name(found),
                        approved_on: at.date_naive(),
                        fields: vec![super::changes::field::PHOTO],
                    });
                }
                if let (Some(was), Some(now)) = (
                    PhotoConsent::from_code(&found.photo_consent),
                    PhotoConsent::from_code(&row.consent),
                ) && now < was
                {
                    lowered.push(found.id);
                }
                if !same {
                    let mut update = found.clone().into_active_model();
                    update.legal_first_name = Set(row.first.clone());
                    update.legal_last_name = Set(row.last.clone());
                    update.preferred_name = Set(row.preferred.clone());
                    update.date_of_birth = Set(row.born);
                    update.photo_consent = Set(row.consent.clone());
                    update.update(db).await?;
                }
                (found.id, !same)
            }
            None => {
                let created = pupil::ActiveModel {
                    school_id: Set(school_id),
                    mis_id: Set(mis_id.clone()),
                    legal_first_name: Set(row.first.clone()),
                    legal_last_name: Set(row.last.clone()),
                    preferred_name: Set(row.preferred.clone()),
                    date_of_birth: Set(row.born),
                    photo_consent: Set(row.consent.clone()),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                report.pupils_added += 1;
                (created.id, false)
            }
        };
        let enrolled = enrolment::Entity::find()
            .filter(enrolment::Column::PupilId.eq(id))
            .filter(enrolment::Column::AcademicYearId.eq(lookup.year_id))
            .one(db)
            .await?;
        let moved = match enrolled {
            Some(e) if e.year_group_id == row.year_group_id && e.class_id == row.class_id => false,
            Some(e) => {
                let mut update = e.into_active_model();
                update.year_group_id = Set(row.year_group_id);
                update.class_id = Set(row.class_id);
                update.update(db).await?;
                true
            }
            None => {
                enrolment::ActiveModel {
                    pupil_id: Set(id),
                    academic_year_id: Set(lookup.year_id),
                    year_group_id: Set(row.year_group_id),
                    class_id: Set(row.class_id),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                existing_pupils.contains_key(mis_id)
            }
        };
        if existing_pupils.contains_key(mis_id) {
            if changed || moved {
                report.pupils_changed += 1;
            } else {
                report.pupils_unchanged += 1;
            }
        }
        pupil_ids.insert(mis_id.clone(), id);
    }
    report.posts_withheld =
        crate::news::withheld::tell_authors(db, school_id, &lowered, chrono::Utc::now()).await?;

    let existing_guardians: HashMap<String, guardian::Model> = guardian::Entity::find()
        .filter(guardian::Column::SchoolId.eq(school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.mis_id.clone(), g))
        .collect();
    let mut guardian_ids = HashMap::new();
    for (mis_id, row) in &parsed.guardians {
        step();
        let id = match existing_guardians.get(mis_id) {
            Some(found) => {
                let same = found.name == row.name
                    && found.email == row.email
                    && found.phone == row.phone
                    && found.preferred_locale == row.language;
                if let Some((approved, at)) = approved_contacts.get(&found.id) {
                    // Only a change the school still holds: a later import may have replaced it
                    // already, and the office saw that then.
                    let mut fields = Vec::new();
                    if approved.phone == found.phone && row.phone != found.phone {
                        fields.push(super::changes::field::PHONE);
                    }
                    if approved.email == found.email && row.email != found.email {
                        fields.push(super::changes::field::EMAIL);
                    }
                    if !fields.is_empty() {
                        report.overwrites.push(Overwrite {
                            name: found.name.clone(),
                            approved_on: at.date_naive(),
                            fields,
                        });
                    }
                }
                if !same {
                    let mut update = found.clone().into_active_model();
                    update.name = Set(row.name.clone());
                    update.email = Set(row.email.clone());
                    update.phone = Set(row.phone.clone());
                    update.preferred_locale = Set(row.language.clone());
                    update.update(db).await?;
                    report.guardians_changed += 1;
                }
                found.id
            }
            None => {
                report.guardians_added += 1;
                guardian::ActiveModel {
                    school_id: Set(school_id),
                    mis_id: Set(mis_id.clone()),
                    name: Set(row.name.clone()),
                    email: Set(row.email.clone()),
                    email_alt: Set(None),
                    phone: Set(row.phone.clone()),
                    phone_alt: Set(None),
                    preferred_locale: Set(row.language.clone()),
                    ..Default::default()
                }
                .insert(db)
                .await?
                .id
            }
        };
        guardian_ids.insert(mis_id.clone(), id);
    }

    for ((guardian_mis, pupil_mis), row) in &parsed.links {
        step();
        let (Some(guardian_id), Some(pupil_id)) =
            (guardian_ids.get(guardian_mis), pupil_ids.get(pupil_mis))
        else {
            continue;
        };
        let found = guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::GuardianId.eq(*guardian_id))
            .filter(guardian_pupil::Column::PupilId.eq(*pupil_id))
            .one(db)
            .await?;
        match found {
            Some(link)
                if link.relationship == row.relationship
                    && link.parental_responsibility == row.responsibility
                    && link.receives_reports == row.reports
                    && link.may_consent == row.consent
                    && link.lives_with_pupil == row.lives_with => {}
            Some(link) => {
                let mut update = link.into_active_model();
                update.relationship = Set(row.relationship.clone());
                update.parental_responsibility = Set(row.responsibility);
                update.receives_reports = Set(row.reports);
                update.may_consent = Set(row.consent);
                update.lives_with_pupil = Set(row.lives_with);
                update.update(db).await?;
                report.links_changed += 1;
            }
            None => {
                guardian_pupil::ActiveModel {
                    guardian_id: Set(*guardian_id),
                    pupil_id: Set(*pupil_id),
                    relationship: Set(row.relationship.clone()),
                    parental_responsibility: Set(row.responsibility),
                    receives_reports: Set(row.reports),
                    may_consent: Set(row.consent),
                    lives_with_pupil: Set(row.lives_with),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                report.links_changed += 1;
            }
        }
    }

    // A pupil's guardians are exactly those the file lists: a contact the MIS no longer holds
    // for a child (a court order, a carer who stopped collecting) loses access with this import.
    let mut listed: HashMap<i32, Vec<i32>> = HashMap::new();
    for (guardian_mis, pupil_mis) in parsed.links.keys() {
        if let (Some(guardian_id), Some(pupil_id)) =
            (guardian_ids.get(guardian_mis), pupil_ids.get(pupil_mis))
        {
            listed.entry(*pupil_id).or_default().push(*guardian_id);
        }
    }
    for (pupil_id, guardians) in listed {
        let removed = guardian_pupil::Entity::delete_many()
            .filter(guardian_pupil::Column::PupilId.eq(pupil_id))
            .filter(guardian_pupil::Column::GuardianId.is_not_in(guardians))
            .exec(db)
            .await?;
        report.links_changed += removed.rows_affected as usize;
    }
    Ok(report)
}
