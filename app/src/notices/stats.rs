//! Who a notice reached, who read it and who acknowledged it — overall and per class — and the
//! reminders to those who have not.

use super::store;
use crate::audience::resolve;
use crate::db::entities::{class, enrolment, guardian, notice, notice_ack, notice_read, pupil};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One class's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassFigures {
    /// The class's name ("3A"); empty for pupils without a class.
    pub name: String,
    /// Guardians reached through a child in the class.
    pub reached: u32,
    /// Of those, how many opened the notice.
    pub read: u32,
    /// Of those, how many acknowledged it.
    pub acknowledged: u32,
}

/// A reached guardian and what they have done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuardianStatus {
    /// The guardian's id.
    pub id: i32,
    /// Their name.
    pub name: String,
    /// Their e-mail address, if the school has one.
    pub email: Option<String>,
    /// "Amy Thompson (3A), Ben Thompson (5B)".
    pub children: String,
    /// When they opened it.
    pub read_at: Option<DateTime<Utc>>,
    /// When they acknowledged it.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// For which child.
    pub acknowledged_for: Option<String>,
}

impl GuardianStatus {
    /// Still to do what the notice asks: acknowledge it, or (when no acknowledgement is asked
    /// for) open it.
    pub fn waiting(&self, ack_required: bool) -> bool {
        if ack_required {
            self.acknowledged_at.is_none()
        } else {
            self.read_at.is_none()
        }
    }
}

/// A notice's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Households reached.
    pub families: u32,
    /// Guardians reached.
    pub reached: u32,
    /// Guardians who opened it.
    pub read: u32,
    /// Guardians who acknowledged it.
    pub acknowledged: u32,
    /// Per class, in class-name order.
    pub classes: Vec<ClassFigures>,
    /// Every reached guardian, by name.
    pub guardians: Vec<GuardianStatus>,
}

/// Works out the figures for `notice` now.
pub async fn figures<C: ConnectionTrait>(db: &C, notice: &notice::Model) -> Result<Figures, DbErr> {
    let audience = store::audience_of(notice);
    let reach = resolve::reach(db, notice.school_id, &audience).await?;
    let count = reach.count();
    let reads: HashMap<i32, DateTime<Utc>> = notice_read::Entity::find()
        .filter(notice_read::Column::NoticeId.eq(notice.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.guardian_id, r.read_at))
        .collect();
    let acks: HashMap<i32, notice_ack::Model> = notice_ack::Entity::find()
        .filter(notice_ack::Column::NoticeId.eq(notice.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.guardian_id, a))
        .collect();
    let pupil_ids: HashSet<i32> = reach.guardians.values().flatten().copied().collect();
    let guardian_ids: Vec<i32> = reach.guardians.keys().copied().collect();
    let mut pupils: HashMap<i32, pupil::Model> = HashMap::new();
    let mut class_of: HashMap<i32, i32> = HashMap::new();
    let mut guardians: HashMap<i32, guardian::Model> = HashMap::new();
    let year = resolve::current_year(db, notice.school_id).await?;
    let pupil_list: Vec<i32> = pupil_ids.iter().copied().collect();
    for chunk in pupil_list.chunks(500) {
        for p in pupil::Entity::find()
            .filter(pupil::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            pupils.insert(p.id, p);
        }
        if let Some(year) = &year {
            for e in enrolment::Entity::find()
                .filter(enrolment::Column::PupilId.is_in(chunk.iter().copied()))
                .filter(enrolment::Column::AcademicYearId.eq(year.id))
                .all(db)
                .await?
            {
                if let Some(class_id) = e.class_id {
                    class_of.insert(e.pupil_id, class_id);
                }
            }
        }
    }
    for chunk in guardian_ids.chunks(500) {
        for g in guardian::Entity::find()
            .filter(guardian::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            guardians.insert(g.id, g);
        }
    }
    let class_names: HashMap<i32, String> = class::Entity::find()
        .filter(class::Column::SchoolId.eq(notice.school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let class_name = |pupil_id: &i32| {
        class_of
            .get(pupil_id)
            .and_then(|c| class_names.get(c))
            .cloned()
            .unwrap_or_default()
    };
    let mut per_class: BTreeMap<String, ClassFigures> = BTreeMap::new();
    let mut statuses = Vec::with_capacity(reach.guardians.len());
    for (guardian_id, children) in &reach.guardians {
        let read_at = reads.get(guardian_id).copied();
        let ack = acks.get(guardian_id);
        let mut seen_classes = HashSet::new();
        for child in children {
            let name = class_name(child);
            if seen_classes.insert(name.clone()) {
                let row = per_class.entry(name.clone()).or_insert(ClassFigures {
                    name,
                    reached: 0,
                    read: 0,
                    acknowledged: 0,
                });
                row.reached += 1;
                row.read += u32::from(read_at.is_some());
                row.acknowledged += u32::from(ack.is_some());
            }
        }
        let child_names = |id: &i32| {
            let name = pupils
                .get(id)
                .map(crate::roster::display_name)
                .unwrap_or_default();
            let class = class_name(id);
            if class.is_empty() {
                name
            } else {
                format!("{name} ({class})")
            }
        };
        let guardian = guardians.get(guardian_id);
        statuses.push(GuardianStatus {
            id: *guardian_id,
            name: guardian.map(|g| g.name.clone()).unwrap_or_default(),
            email: guardian.and_then(|g| g.email.clone()),
            children: children
                .iter()
                .map(child_names)
                .collect::<Vec<_>>()
                .join(", "),
            read_at,
            acknowledged_at: ack.map(|a| a.acked_at),
            acknowledged_for: ack
                .and_then(|a| pupils.get(&a.pupil_id))
                .map(crate::roster::display_name),
        });
    }
    statuses.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(Figures {
        families: count.families,
        reached: count.guardians,
        read: statuses.iter().filter(|s| s.read_at.is_some()).count() as u32,
        acknowledged: statuses
            .iter()
            .filter(|s| s.acknowledged_at.is_some())
            .count() as u32,
        classes: per_class.into_values().collect(),
        guardians: statuses,
    })
}

/// Why a reminder was not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemindRefusal {
    /// One went less than a day ago.
    TooSoon,
    /// Everyone has already done what was asked.
    NobodyLeft,
}

/// Reminds every reached guardian who has not acknowledged (or, with no acknowledgement asked
/// for, not read) the notice: in the app and by e-mail. At most once a day per notice.
pub async fn remind(
    db: &sea_orm::DatabaseConnection,
    notice: &notice::Model,
    timezone: &str,
    now: DateTime<Utc>,
) -> Result<Result<u32, RemindRefusal>, DbErr> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    if notice
        .last_reminded_at
        .is_some_and(|at| now - at < chrono::Duration::hours(24))
    {
        return Ok(Err(RemindRefusal::TooSoon));
    }
    let figures = figures(db, notice).await?;
    let waiting: Vec<i32> = figures
        .guardians
        .iter()
        .filter(|g| g.waiting(notice.ack_required))
        .map(|g| g.id)
        .collect();
    if waiting.is_empty() {
        return Ok(Err(RemindRefusal::NobodyLeft));
    }
    let txn = crate::db::write_transaction(db).await?;
    let category = super::Category::from_code(&notice.category).unwrap_or_default();
    let key = format!("notice-{}-reminder-{}", notice.id, now.format("%Y%m%d"));
    super::store::fan_out(
        &txn, notice, &waiting, "reminder", &key, category, now, timezone,
    )
    .await?;
    let mut row = notice.clone().into_active_model();
    row.last_reminded_at = Set(Some(now));
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(waiting.len() as u32))
}
