//! Resolving audiences against the database, in both directions.

use super::{Audience, Membership, ReachCount};
use crate::db::entities::{academic_year, enrolment, guardian_pupil, pupil};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use std::collections::{BTreeMap, HashMap};

/// The guardians an audience reaches and, for each, the children that make them belong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// guardian id → the ids of the reached children linked to them, ascending.
    pub guardians: BTreeMap<i32, Vec<i32>>,
}

impl Reach {
    /// The counts for the preview: guardians, pupils and families (guardians joined through
    /// shared children, so separated parents of one child and siblings' parents count once).
    pub fn count(&self) -> ReachCount {
        let mut families = Families::default();
        let mut pupils = std::collections::HashSet::new();
        for (guardian, children) in &self.guardians {
            for child in children {
                pupils.insert(*child);
                families.join(*guardian, *child);
            }
        }
        ReachCount {
            families: families.count(),
            guardians: self.guardians.len() as u32,
            pupils: pupils.len() as u32,
        }
    }
}

/// Union–find over guardians and pupils (pupils keyed negatively so the ids cannot collide).
#[derive(Default)]
struct Families {
    parent: HashMap<i64, i64>,
}

impl Families {
    fn root(&mut self, node: i64) -> i64 {
        let mut current = node;
        while let Some(&up) = self.parent.get(&current) {
            if up == current {
                break;
            }
            current = up;
        }
        // Path compression keeps later look-ups short on big schools.
        let mut walk = node;
        while walk != current {
            let next = self.parent[&walk];
            self.parent.insert(walk, current);
            walk = next;
        }
        current
    }

    fn join(&mut self, guardian: i32, pupil: i32) {
        let g = i64::from(guardian);
        let p = -i64::from(pupil) - 1;
        self.parent.entry(g).or_insert(g);
        self.parent.entry(p).or_insert(p);
        let (a, b) = (self.root(g), self.root(p));
        if a != b {
            self.parent.insert(a, b);
        }
    }

    fn count(&mut self) -> u32 {
        let guardians: Vec<i64> = self.parent.keys().copied().filter(|k| *k >= 0).collect();
        let roots: std::collections::HashSet<i64> =
            guardians.into_iter().map(|g| self.root(g)).collect();
        roots.len() as u32
    }
}

/// Guardian–pupil links joined to the pupils' enrolment in their school's current year.
fn current_links() -> SelectStatement {
    Query::select()
        .column((guardian_pupil::Entity, guardian_pupil::Column::GuardianId))
        .column((guardian_pupil::Entity, guardian_pupil::Column::PupilId))
        .column((pupil::Entity, pupil::Column::SchoolId))
        .column((enrolment::Entity, enrolment::Column::YearGroupId))
        .column((enrolment::Entity, enrolment::Column::ClassId))
        .from(guardian_pupil::Entity)
        .inner_join(
            pupil::Entity,
            Expr::col((pupil::Entity, pupil::Column::Id))
                .equals((guardian_pupil::Entity, guardian_pupil::Column::PupilId)),
        )
        .inner_join(
            enrolment::Entity,
            Expr::col((enrolment::Entity, enrolment::Column::PupilId))
                .equals((guardian_pupil::Entity, guardian_pupil::Column::PupilId)),
        )
        .inner_join(
            academic_year::Entity,
            Condition::all()
                .add(
                    Expr::col((academic_year::Entity, academic_year::Column::Id))
                        .equals((enrolment::Entity, enrolment::Column::AcademicYearId)),
                )
                .add(Expr::col((academic_year::Entity, academic_year::Column::IsCurrent)).eq(true)),
        )
        .to_owned()
}

/// Every audience a guardian belongs to: one membership per linked child enrolled this year.
pub async fn memberships<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
) -> Result<Vec<Membership>, DbErr> {
    let query = current_links()
        .and_where(
            Expr::col((guardian_pupil::Entity, guardian_pupil::Column::GuardianId)).eq(guardian_id),
        )
        .to_owned();
    let mut found = Vec::new();
    for row in db.query_all(&query).await? {
        found.push(Membership {
            pupil_id: row.try_get_by_index(1)?,
            school_id: row.try_get_by_index(2)?,
            year_group_id: row.try_get_by_index(3)?,
            class_id: row.try_get_by_index(4)?,
        });
    }
    found.sort();
    Ok(found)
}

/// The guardians `audience` of `school_id` reaches, and through which children.
pub async fn reach<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    audience: &Audience,
) -> Result<Reach, DbErr> {
    let mut reach = Reach::default();
    if audience.staff_only || audience.is_empty() {
        return Ok(reach);
    }
    let mut targets = Condition::any();
    if audience.whole_school {
        targets = targets.add(Expr::val(1).eq(Expr::val(1)));
    }
    if !audience.year_groups.is_empty() {
        targets = targets.add(
            Expr::col((enrolment::Entity, enrolment::Column::YearGroupId))
                .is_in(audience.year_groups.iter().copied()),
        );
    }
    if !audience.classes.is_empty() {
        targets = targets.add(
            Expr::col((enrolment::Entity, enrolment::Column::ClassId))
                .is_in(audience.classes.iter().copied()),
        );
    }
    if !audience.pupils.is_empty() {
        targets = targets.add(
            Expr::col((enrolment::Entity, enrolment::Column::PupilId))
                .is_in(audience.pupils.iter().copied()),
        );
    }
    // The school's current year picks its pupils' enrolments directly (the year belongs to one
    // school), so the query walks enrolment → links and reads only the two columns it returns.
    let Some(year) = current_year(db, school_id).await? else {
        return Ok(reach);
    };
    let query = Query::select()
        .column((guardian_pupil::Entity, guardian_pupil::Column::GuardianId))
        .column((guardian_pupil::Entity, guardian_pupil::Column::PupilId))
        .from(enrolment::Entity)
        .inner_join(
            guardian_pupil::Entity,
            Expr::col((guardian_pupil::Entity, guardian_pupil::Column::PupilId))
                .equals((enrolment::Entity, enrolment::Column::PupilId)),
        )
        .and_where(Expr::col((enrolment::Entity, enrolment::Column::AcademicYearId)).eq(year.id))
        .cond_where(targets)
        .to_owned();
    for row in db.query_all(&query).await? {
        let guardian: i32 = row.try_get_by_index(0)?;
        let pupil: i32 = row.try_get_by_index(1)?;
        reach.guardians.entry(guardian).or_default().push(pupil);
    }
    for children in reach.guardians.values_mut() {
        children.sort_unstable();
        children.dedup();
    }
    Ok(reach)
}

/// The current academic year of a school, if one is set.
pub async fn current_year<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
) -> Result<Option<academic_year::Model>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    academic_year::Entity::find()
        .filter(academic_year::Column::SchoolId.eq(school_id))
        .filter(academic_year::Column::IsCurrent.eq(true))
        .one(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_join_through_shared_children() {
        let mut reach = Reach::default();
        // Guardians 1 and 2 share child 10; guardian 2 also has child 11 with guardian 3.
        reach.guardians.insert(1, vec![10]);
        reach.guardians.insert(2, vec![10, 11]);
        reach.guardians.insert(3, vec![11]);
        // Guardian 4 alone with child 12.
        reach.guardians.insert(4, vec![12]);
        assert_eq!(
            reach.count(),
            ReachCount {
                families: 2,
                guardians: 4,
                pupils: 3
            }
        );
    }
}
