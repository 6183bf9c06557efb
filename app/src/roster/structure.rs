//! The school's structure for a year: the academic year, its year groups in order and their
//! classes. Set up (from the command line) before the first roster import; running it again
//! with the same arguments changes nothing.

use crate::db::entities::{academic_year, class, year_group};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};

/// One year group and the names of its classes, e.g. `Year 3:3A,3B`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupPlan {
    /// The year group's name.
    pub name: String,
    /// Its classes' names this year.
    pub classes: Vec<String>,
}

/// Reads `Year 3:3A,3B` (classes optional: `Nursery`).
pub fn parse_group(text: &str) -> Option<GroupPlan> {
    let (name, classes) = text.split_once(':').unwrap_or((text, ""));
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    Some(GroupPlan {
        name: name.to_string(),
        classes: classes
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// Makes `name` (from `starts_on` to `ends_on`) the school's current year, with these year
/// groups in this order and these classes; existing ones are kept and reused by name.
pub async fn set_up_year(
    db: &DatabaseConnection,
    school_id: i32,
    name: &str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    groups: &[GroupPlan],
) -> Result<i32, DbErr> {
    let txn = crate::db::write_transaction(db).await?;
    let existing = academic_year::Entity::find()
        .filter(academic_year::Column::SchoolId.eq(school_id))
        .filter(academic_year::Column::Name.eq(name))
        .one(&txn)
        .await?;
    academic_year::Entity::update_many()
        .col_expr(academic_year::Column::IsCurrent, Expr::value(false))
        .filter(academic_year::Column::SchoolId.eq(school_id))
        .exec(&txn)
        .await?;
    let year_id = match existing {
        Some(year) => {
            let mut year: academic_year::ActiveModel = year.into();
            year.starts_on = Set(starts_on);
            year.ends_on = Set(ends_on);
            year.is_current = Set(true);
            year.update(&txn).await?.id
        }
        None => {
            academic_year::ActiveModel {
                school_id: Set(school_id),
                name: Set(name.to_string()),
                starts_on: Set(starts_on),
                ends_on: Set(ends_on),
                is_current: Set(true),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    for (position, plan) in groups.iter().enumerate() {
        let group = year_group::Entity::find()
            .filter(year_group::Column::SchoolId.eq(school_id))
            .filter(year_group::Column::Name.eq(plan.name.as_str()))
            .one(&txn)
            .await?;
        let group_id = match group {
            Some(group) => {
                let mut group: year_group::ActiveModel = group.into();
                group.position = Set(position as i32);
                group.update(&txn).await?.id
            }
            None => {
                year_group::ActiveModel {
                    school_id: Set(school_id),
                    name: Set(plan.name.clone()),
                    position: Set(position as i32),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        for class_name in &plan.classes {
            let exists = class::Entity::find()
                .filter(class::Column::AcademicYearId.eq(year_id))
                .filter(class::Column::Name.eq(class_name.as_str()))
                .one(&txn)
                .await?
                .is_some();
            if !exists {
                class::ActiveModel {
                    school_id: Set(school_id),
                    academic_year_id: Set(year_id),
                    year_group_id: Set(group_id),
                    name: Set(class_name.clone()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    txn.commit().await?;
    Ok(year_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_year_groups_with_and_without_classes() {
        assert_eq!(
            parse_group(" Year 3 : 3A, 3B ,"),
            Some(GroupPlan {
                name: "Year 3".into(),
                classes: vec!["3A".into(), "3B".into()]
            })
        );
        assert_eq!(
            parse_group("Nursery"),
            Some(GroupPlan {
                name: "Nursery".into(),
                classes: vec![]
            })
        );
        assert_eq!(parse_group(" :3A"), None);
    }
}
