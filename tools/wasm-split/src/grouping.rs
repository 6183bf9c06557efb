//! Which chunks to join into one file. The splitter writes a chunk for every distinct set of
//! lazy routes that share code, hundreds of them, most under a kilobyte: a parent opening a
//! notice fetched and instantiated 61 files, and the browser's time for that (not our code) was
//! most of what a lazily loaded page cost on a phone.
//!
//! The rule: a small chunk joins the others that the same *parents'* routes need, whatever staff
//! routes share them, so a parents' route downloads exactly the code it did before, in fewer
//! files; small chunks only staff routes need join one staff file, which no parents' route
//! loads. Larger chunks stay as they are. Routes are the parents' unless named as staff, so a
//! staff route left off the list costs files, never a parent a byte of staff code.

use std::collections::{BTreeMap, BTreeSet};

/// A chunk at or above this size (bytes, as split, before wasm-opt) stays a file of its own:
/// joining it would make a staff route download others' large code.
pub const SMALL_CHUNK: u64 = 8_000;

/// Chunks to join: each group's chunks, in the order the splitter numbered them; the first
/// names the joined file. Chunks not in any group stay as they are.
pub fn groups(
    route_chunks: &BTreeMap<String, Vec<String>>,
    size_of: impl Fn(&str) -> u64,
    is_staff: impl Fn(&str) -> bool,
) -> Vec<Vec<String>> {
    let mut needed_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (route, chunks) in route_chunks {
        for chunk in chunks.iter().filter(|c| is_shared_chunk(c)) {
            needed_by.entry(chunk).or_default().insert(route);
        }
    }
    // Key: the parents' routes that need the chunk, or none for staff-only code.
    let mut by_key: BTreeMap<BTreeSet<&str>, Vec<String>> = BTreeMap::new();
    for (chunk, routes) in needed_by {
        if size_of(chunk) >= SMALL_CHUNK {
            continue;
        }
        let parents: BTreeSet<&str> = routes.into_iter().filter(|r| !is_staff(r)).collect();
        by_key.entry(parents).or_default().push(chunk.to_string());
    }
    by_key
        .into_values()
        .filter(|group| group.len() > 1)
        .map(|mut group| {
            group.sort_by_key(|c| chunk_number(c));
            group
        })
        .collect()
}

/// A chunk shared by several routes (`chunk_<n>`), not a route's own module (`split_…`).
fn is_shared_chunk(stem: &str) -> bool {
    stem.starts_with("chunk_")
}

/// The splitter's number of a chunk, for a stable order.
pub fn chunk_number(stem: &str) -> u64 {
    stem.trim_start_matches("chunk_")
        .split('.')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(routes: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        routes
            .iter()
            .map(|(r, c)| (r.to_string(), c.iter().map(|c| c.to_string()).collect()))
            .collect()
    }

    /// Every chunk a route loads once joined: its own and its groups' members.
    fn loads(
        routes: &BTreeMap<String, Vec<String>>,
        groups: &[Vec<String>],
        route: &str,
    ) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for chunk in &routes[route] {
            match groups.iter().find(|g| g.contains(chunk)) {
                Some(group) => out.extend(group.iter().cloned()),
                None => {
                    out.insert(chunk.clone());
                }
            }
        }
        out
    }

    #[test]
    fn parents_routes_load_what_they_did_and_staff_code_stays_with_staff() {
        let routes = map(&[
            (
                "__notice_route_view_1",
                &["chunk_1", "chunk_2", "chunk_3", "chunk_5", "split_notice"],
            ),
            (
                "__calendar_route_view_2",
                &["chunk_1", "chunk_4", "chunk_6", "split_calendar"],
            ),
            (
                "__compose_route_view_3",
                &["chunk_2", "chunk_3", "chunk_4", "chunk_7", "chunk_8"],
            ),
            (
                "__staff_forms_route_view_4",
                &["chunk_5", "chunk_7", "chunk_8", "chunk_9"],
            ),
        ]);
        let staff = |r: &str| r.starts_with("__compose") || r.starts_with("__staff_");
        // chunk_6 is large: it stays alone.
        let size = |c: &str| if c == "chunk_6" { SMALL_CHUNK } else { 100 };
        let groups = groups(&routes, size, staff);
        // notice-only (with staff): 2, 3, 5; notice + calendar: 1; calendar (with staff): 4;
        // staff only: 7, 8, 9.
        assert_eq!(
            groups,
            [
                vec!["chunk_7".to_string(), "chunk_8".into(), "chunk_9".into()],
                vec!["chunk_2".into(), "chunk_3".into(), "chunk_5".into()],
            ]
        );
        for parent in ["__notice_route_view_1", "__calendar_route_view_2"] {
            let before: BTreeSet<String> = routes[parent].iter().cloned().collect();
            assert_eq!(loads(&routes, &groups, parent), before, "{parent}");
        }
        assert!(
            !groups
                .iter()
                .flatten()
                .any(|c| c == "chunk_6" || c.starts_with("split_"))
        );
    }

    #[test]
    fn a_route_not_named_as_staff_counts_as_the_parents() {
        let routes = map(&[
            ("__month_route_view_1", &["chunk_1", "chunk_2"]),
            ("__compose_route_view_2", &["chunk_2", "chunk_3"]),
            (
                "__staff_news_route_view_3",
                &["chunk_1", "chunk_3", "chunk_4"],
            ),
        ]);
        let groups = groups(
            &routes,
            |_| 1,
            |r| r.starts_with("__compose") || r.starts_with("__staff_"),
        );
        // The month route's chunks never join the staff-only group.
        assert_eq!(
            groups,
            [
                vec!["chunk_3".to_string(), "chunk_4".into()],
                vec!["chunk_1".into(), "chunk_2".into()],
            ]
        );
        let month = loads(&routes, &groups, "__month_route_view_1");
        assert_eq!(month, ["chunk_1".to_string(), "chunk_2".into()].into());
    }

    #[test]
    fn chunk_numbers_order_numerically() {
        assert_eq!(chunk_number("chunk_24"), 24);
        assert_eq!(chunk_number("chunk_240.84c780079173"), 240);
        assert!(chunk_number("chunk_9") < chunk_number("chunk_10"));
    }
}
