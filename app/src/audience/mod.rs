//! Audiences: whom a content item is for, and the one place that answers "who does this reach?"
//! and "what does this guardian belong to?".
//!
//! An audience is any mix of the whole school, year groups, classes and single pupils; or staff
//! only. Guardians belong through their children's enrolment in the current academic year.

#[cfg(feature = "ssr")]
pub mod resolve;

use serde::{Deserialize, Serialize};

/// Whom a notice, event, form or story is for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    /// Every family in the school.
    pub whole_school: bool,
    /// Families with a child in any of these year groups.
    pub year_groups: Vec<i32>,
    /// Families with a child in any of these classes.
    pub classes: Vec<i32>,
    /// The families of these pupils only.
    pub pupils: Vec<i32>,
    /// Staff only: reaches no guardian, whatever else is set.
    pub staff_only: bool,
}

/// One way a guardian belongs to audiences: through one child, in the current academic year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Membership {
    /// The child that makes the guardian belong.
    pub pupil_id: i32,
    /// The child's school.
    pub school_id: i32,
    /// The child's year group this year.
    pub year_group_id: i32,
    /// The child's class this year, once classes are set.
    pub class_id: Option<i32>,
}

/// How many an audience reaches, for the preview beside the audience picker.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachCount {
    /// Households: guardians connected through shared children count once.
    pub families: u32,
    /// Individual guardians.
    pub guardians: u32,
    /// Pupils whose guardians are reached.
    pub pupils: u32,
}

/// The kinds of target rows that index an audience for reading (`notice_target`, `event_target`).
pub mod target {
    /// The whole school (target id = school id).
    pub const SCHOOL: &str = "school";
    /// A year group.
    pub const YEAR_GROUP: &str = "year";
    /// A class.
    pub const CLASS: &str = "class";
    /// One pupil.
    pub const PUPIL: &str = "pupil";
}

/// The targets a guardian belongs to through `memberships` in `school_id`: (kind, id) pairs, so
/// a reader's query looks each one up in a target index.
pub fn target_keys(school_id: i32, memberships: &[Membership]) -> Vec<(&'static str, i32)> {
    let mut keys: Vec<(&'static str, i32)> = vec![(target::SCHOOL, school_id)];
    for m in memberships.iter().filter(|m| m.school_id == school_id) {
        keys.push((target::YEAR_GROUP, m.year_group_id));
        if let Some(class) = m.class_id {
            keys.push((target::CLASS, class));
        }
        keys.push((target::PUPIL, m.pupil_id));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl Audience {
    /// The target rows that index this audience of `school_id`, each once; none for staff only.
    pub fn targets(&self, school_id: i32) -> Vec<(&'static str, i32)> {
        if self.staff_only {
            return Vec::new();
        }
        let mut rows: Vec<(&'static str, i32)> = Vec::new();
        if self.whole_school {
            rows.push((target::SCHOOL, school_id));
        }
        rows.extend(self.year_groups.iter().map(|id| (target::YEAR_GROUP, *id)));
        rows.extend(self.classes.iter().map(|id| (target::CLASS, *id)));
        rows.extend(self.pupils.iter().map(|id| (target::PUPIL, *id)));
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// The whole school.
    pub fn school() -> Self {
        Self {
            whole_school: true,
            ..Self::default()
        }
    }

    /// The audience as ticked on a form: a target ticked twice (a chip and the full list) counts
    /// once.
    pub fn ticked(
        whole_school: bool,
        staff_only: bool,
        year_groups: &[i32],
        classes: &[i32],
        pupils: &[i32],
    ) -> Self {
        let once = |ids: &[i32]| {
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        Audience {
            whole_school,
            year_groups: once(year_groups),
            classes: once(classes),
            pupils: once(pupils),
            staff_only,
        }
    }

    /// Whether the audience addresses nobody at all (nothing chosen yet).
    pub fn is_empty(&self) -> bool {
        !self.whole_school
            && !self.staff_only
            && self.year_groups.is_empty()
            && self.classes.is_empty()
            && self.pupils.is_empty()
    }

    /// Whether a guardian belonging through `membership` is in this audience of `school_id`.
    pub fn contains(&self, school_id: i32, membership: &Membership) -> bool {
        if self.staff_only || membership.school_id != school_id {
            return false;
        }
        self.whole_school
            || self.year_groups.contains(&membership.year_group_id)
            || membership
                .class_id
                .is_some_and(|class| self.classes.contains(&class))
            || self.pupils.contains(&membership.pupil_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHILD: Membership = Membership {
        pupil_id: 7,
        school_id: 1,
        year_group_id: 3,
        class_id: Some(30),
    };

    #[test]
    fn each_kind_of_target_matches_the_child() {
        assert!(Audience::school().contains(1, &CHILD));
        let year = Audience {
            year_groups: vec![3],
            ..Audience::default()
        };
        assert!(year.contains(1, &CHILD));
        let class = Audience {
            classes: vec![30],
            ..Audience::default()
        };
        assert!(class.contains(1, &CHILD));
        let pupil = Audience {
            pupils: vec![7],
            ..Audience::default()
        };
        assert!(pupil.contains(1, &CHILD));
        let other = Audience {
            year_groups: vec![4],
            classes: vec![31],
            pupils: vec![8],
            ..Audience::default()
        };
        assert!(!other.contains(1, &CHILD));
    }

    #[test]
    fn staff_only_and_other_schools_reach_no_guardian() {
        let staff = Audience {
            staff_only: true,
            whole_school: true,
            ..Audience::default()
        };
        assert!(!staff.contains(1, &CHILD));
        assert!(!Audience::school().contains(2, &CHILD));
        assert!(Audience::default().is_empty());
        assert!(!staff.is_empty());
    }
}

/// How many families, guardians and pupils `audience` reaches in the signed-in user's school:
/// the live preview beside every audience picker. Teachers may only preview their own classes.
#[leptos::server(endpoint = "audience/reach", input = leptos::server_fn::codec::Json)]
pub async fn audience_reach(audience: Audience) -> Result<ReachCount, crate::error::AppError> {
    crate::error::respond(server::audience_reach(audience).await)
}

#[cfg(feature = "ssr")]
pub use server::check_targets;

#[cfg(feature = "ssr")]
mod server {
    use super::{Audience, ReachCount};
    use crate::access::{Capability, Granted, Scope, authorize};
    use crate::db::entities::{class, enrolment, pupil, year_group};
    use crate::error::AppError;
    use crate::state::app_state;
    use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

    pub async fn audience_reach(audience: Audience) -> Result<ReachCount, AppError> {
        let granted = authorize(Capability::AudiencePreview)?;
        let state = app_state()?;
        check_targets(&state.db, &granted, &audience).await?;
        let reach = super::resolve::reach(&state.db, granted.actor.school_id, &audience).await?;
        Ok(reach.count())
    }

    /// Every target must be in the actor's school, and within their classes if that is their
    /// scope; anything else answers like a target that does not exist.
    pub async fn check_targets<C: ConnectionTrait>(
        db: &C,
        granted: &Granted,
        audience: &Audience,
    ) -> Result<(), AppError> {
        let school = granted.actor.school_id;
        let own_classes_only = granted.scope == Scope::OwnClasses;
        if own_classes_only && (audience.whole_school || !audience.year_groups.is_empty()) {
            return Err(AppError::Forbidden);
        }
        let groups = year_group::Entity::find()
            .filter(year_group::Column::Id.is_in(audience.year_groups.clone()))
            .filter(year_group::Column::SchoolId.eq(school))
            .count(db)
            .await?;
        let classes = class::Entity::find()
            .filter(class::Column::Id.is_in(audience.classes.clone()))
            .filter(class::Column::SchoolId.eq(school))
            .count(db)
            .await?;
        let pupils = pupil::Entity::find()
            .filter(pupil::Column::Id.is_in(audience.pupils.clone()))
            .filter(pupil::Column::SchoolId.eq(school))
            .count(db)
            .await?;
        let distinct =
            |ids: &[i32]| ids.iter().collect::<std::collections::HashSet<_>>().len() as u64;
        if groups != distinct(&audience.year_groups)
            || classes != distinct(&audience.classes)
            || pupils != distinct(&audience.pupils)
        {
            return Err(AppError::NotFound);
        }
        if own_classes_only {
            let classes_ok = audience
                .classes
                .iter()
                .all(|c| granted.actor.classes.contains(c));
            let pupils_in_own_classes = enrolment::Entity::find()
                .filter(enrolment::Column::PupilId.is_in(audience.pupils.clone()))
                .filter(enrolment::Column::ClassId.is_in(granted.actor.classes.clone()))
                .count(db)
                .await?;
            if !classes_ok || pupils_in_own_classes != distinct(&audience.pupils) {
                return Err(AppError::Forbidden);
            }
        }
        Ok(())
    }
}
