//! `/admin/calendar`: the school's upcoming events for staff, each with whom it is for, and a
//! way into the form for the ones the reader may change.

use super::{may_change, own_pupils, writer};
use crate::audience::Audience;
use crate::calendar::{
    EventCategory, StaffCalendar, StaffEventRow, reader, recurrence, status, store,
};
use crate::db::entities::{class, pupil, year_group};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// Names of the year groups, classes and pupils the listed events address.
#[derive(Default)]
pub(super) struct Names {
    year_groups: HashMap<i32, String>,
    classes: HashMap<i32, String>,
    pupils: HashMap<i32, String>,
}

impl Names {
    /// The names `audiences` use.
    pub(super) async fn of<C: ConnectionTrait>(
        db: &C,
        school_id: i32,
        audiences: &[Audience],
    ) -> Result<Self, DbErr> {
        let ids = |pick: fn(&Audience) -> &Vec<i32>| {
            let mut ids: Vec<i32> = audiences.iter().flat_map(|a| pick(a).clone()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let year_groups = year_group::Entity::find()
            .filter(year_group::Column::SchoolId.eq(school_id))
            .filter(year_group::Column::Id.is_in(ids(|a| &a.year_groups)))
            .all(db)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect();
        let classes = class::Entity::find()
            .filter(class::Column::SchoolId.eq(school_id))
            .filter(class::Column::Id.is_in(ids(|a| &a.classes)))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let pupils = pupil::Entity::find()
            .filter(pupil::Column::SchoolId.eq(school_id))
            .filter(pupil::Column::Id.is_in(ids(|a| &a.pupils)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, crate::roster::display_name(&p)))
            .collect();
        Ok(Self {
            year_groups,
            classes,
            pupils,
        })
    }

    /// "Year 3, 3A, Amira Khan", "The whole school" or "Staff only", in each language.
    pub(super) fn describe(&self, audience: &Audience) -> PerLocale<String> {
        if audience.staff_only {
            return PerLocale::build(|l| msg!(l, "notice-audience-staff"));
        }
        if audience.whole_school {
            return PerLocale::build(|l| msg!(l, "notice-audience-school"));
        }
        let named = |ids: &[i32], names: &HashMap<i32, String>| -> Vec<String> {
            ids.iter().filter_map(|id| names.get(id).cloned()).collect()
        };
        let mut all = named(&audience.year_groups, &self.year_groups);
        all.extend(named(&audience.classes, &self.classes));
        all.extend(named(&audience.pupils, &self.pupils));
        PerLocale::build(|l| crate::i18n::list(l, &all))
    }
}

/// The staff calendar's data: from the start of today in the school's zone, earliest first.
pub async fn load() -> Result<StaffCalendar, AppError> {
    let granted = writer(crate::access::current_actor()?)?;
    let state = crate::state::app_state()?;
    let school_id = granted.actor.school_id;
    let zone = crate::school::db::timezone(&state.db, school_id).await?;
    let from = crate::dates::start_of_day(&zone, crate::dates::local_day(&zone, Utc::now()));
    let events =
        store::upcoming_in_school(&state.db, school_id, from, None, store::AGENDA_LIMIT).await?;
    let audiences: Vec<Audience> = events.iter().map(store::audience_of).collect();
    let names = Names::of(&state.db, school_id, &audiences).await?;
    let own_pupils = own_pupils(&state, &granted).await?;
    let mut rows = Vec::with_capacity(events.len());
    for (event, audience) in events.iter().zip(&audiences) {
        let editable = may_change(&granted, &own_pupils, event);
        // A repeating event is listed by its next time, with its rule.
        let times = recurrence::occurrences(event, &zone);
        let next = times
            .iter()
            .find(|o| o.ends_at > from)
            .or(times.last())
            .copied()
            .unwrap_or(recurrence::Occurrence {
                starts_at: event.starts_at,
                ends_at: event.ends_at,
            });
        let mut when = reader::on_day(&zone, event.all_day, next);
        if let Some(rule) = reader::repeats(&zone, event) {
            when = PerLocale::build(|l| crate::i18n::list(l, &[when.text(l), rule.text(l)]));
        }
        rows.push(StaffEventRow {
            id: event.id,
            title: event.title.clone(),
            category: EventCategory::from_code(&event.category).unwrap_or_default(),
            when,
            audience: names.describe(audience),
            editable: editable && event.status != status::CANCELLED,
            cancelled: event.status == status::CANCELLED,
            short_notice: event.short_notice,
        });
    }
    Ok(StaffCalendar {
        events: rows,
        public_feed: crate::calendar::public_feed::address(&state.settings.public_url, school_id),
        import: super::import::may_import(&granted.actor)
            .then(|| PerLocale::build(|l| msg!(l, "import-title"))),
    })
}
