//! Property test: the audience resolver, both directions, against a brute-force reading of
//! randomly generated schools (a second school shares the database, leavers are enrolled only
//! last year, some pupils have no class).

use app::audience::resolve::{memberships, reach};
use app::audience::{Audience, Membership};
use app::db::{connect, migrate, scratch};
use app::roster::generated::{IdSource, Inserted, PupilPlan, SchoolPlan, insert};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn school_plan() -> impl Strategy<Value = SchoolPlan> {
    (1usize..4, 1usize..3, 0usize..20).prop_flat_map(|(groups, classes, pupils)| {
        let pupil = (
            0..groups,
            proptest::option::weighted(0.8, 0..classes),
            proptest::bool::weighted(0.85),
        )
            .prop_map(|(year_group, class, current)| PupilPlan {
                year_group,
                class,
                current,
            });
        let pupils_strategy = proptest::collection::vec(pupil, pupils);
        let guardians =
            proptest::collection::vec(proptest::collection::vec(0..pupils.max(1), 0..3), 0..16);
        (pupils_strategy, guardians).prop_map(move |(pupils, guardians)| SchoolPlan {
            year_groups: groups,
            classes_per_group: classes,
            pupils,
            guardians,
        })
    })
}

/// Picks an audience from the school's real ids (and one foreign or unknown id now and then).
fn audience_for(school: &Inserted, choice: &[u8; 6], foreign: i32) -> Audience {
    let pick = |ids: &[i32], bits: u8| -> Vec<i32> {
        ids.iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << (i % 8)) != 0)
            .map(|(_, id)| *id)
            .collect()
    };
    let classes: Vec<i32> = school.classes.iter().flatten().copied().collect();
    let mut pupils = pick(&school.pupils, choice[3]);
    if choice[5] & 1 == 1 {
        pupils.push(foreign);
    }
    Audience {
        whole_school: choice[0].is_multiple_of(5),
        year_groups: pick(&school.year_groups, choice[1]),
        classes: pick(&classes, choice[2]),
        pupils,
        staff_only: choice[4].is_multiple_of(7),
    }
}

/// Brute force: every link whose pupil is enrolled this year, checked one by one.
fn expected_memberships(plan: &SchoolPlan, ids: &Inserted) -> BTreeMap<i32, Vec<Membership>> {
    let mut out: BTreeMap<i32, Vec<Membership>> = BTreeMap::new();
    for (g, children) in plan.guardians.iter().enumerate() {
        let entry = out.entry(ids.guardians[g]).or_default();
        let unique: BTreeSet<usize> = children
            .iter()
            .copied()
            .filter(|c| *c < plan.pupils.len())
            .collect();
        for child in unique {
            let p = &plan.pupils[child];
            if !p.current {
                continue;
            }
            entry.push(Membership {
                pupil_id: ids.pupils[child],
                school_id: ids.school_id,
                year_group_id: ids.year_groups[p.year_group],
                class_id: p.class.map(|c| ids.classes[p.year_group][c]),
            });
        }
        entry.sort();
    }
    out
}

fn check(plans: (SchoolPlan, SchoolPlan), choice: [u8; 6]) -> Result<(), TestCaseError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let dir = tempfile::tempdir().unwrap();
        let db = connect(&scratch::sqlite_url_in(dir.path())).await.unwrap();
        migrate(&db).await.unwrap();
        let mut id_source = IdSource::default();
        let (plan, other_plan) = plans;
        let ids = insert(&db, &mut id_source, &plan).await.unwrap();
        let other = insert(&db, &mut id_source, &other_plan).await.unwrap();
        let foreign = other.pupils.first().copied().unwrap_or(999_999);
        let audience = audience_for(&ids, &choice, foreign);

        let expected = expected_memberships(&plan, &ids);
        // Guardian → audiences.
        for (guardian, want) in &expected {
            let got = memberships(&db, *guardian).await.unwrap();
            prop_assert_eq!(&got, want, "memberships of guardian {}", guardian);
        }
        // Audience → guardians, each with the children that make them belong.
        let mut want_reach: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
        for (guardian, list) in &expected {
            let through: Vec<i32> = list
                .iter()
                .filter(|m| audience.contains(ids.school_id, m))
                .map(|m| m.pupil_id)
                .collect();
            if !through.is_empty() {
                want_reach.insert(*guardian, through);
            }
        }
        let got = reach(&db, ids.school_id, &audience).await.unwrap();
        prop_assert_eq!(&got.guardians, &want_reach, "reach of {:?}", audience);
        prop_assert_eq!(got.count().guardians as usize, want_reach.len());
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn resolver_agrees_with_brute_force(
        plans in (school_plan(), school_plan()),
        choice in any::<[u8; 6]>(),
    ) {
        check(plans, choice)?;
    }
}
