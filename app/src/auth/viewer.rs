//! What the page knows about the signed-in user: name, children, the chosen child, and which
//! staff tools to offer. Read by the server from the request and carried to the browser in the
//! hydration data, like the school profile.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One of a guardian's children, for the switcher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSummary {
    /// The pupil's id.
    pub id: i32,
    /// The name the family uses.
    pub name: String,
    /// The class this year, e.g. "3A".
    pub class_name: Option<String>,
}

/// The signed-in user as the page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// A guardian's children this year, in name order; empty for staff.
    pub children: Vec<ChildSummary>,
    /// The child chosen in the switcher; `None` means all.
    pub selected: Option<i32>,
    /// Has office tools (access-code letters, roster import).
    pub office_tools: bool,
    /// Has the staff noticeboard (compose, figures).
    pub staff_notices: bool,
    /// Notices the guardian has not opened.
    pub unread_notices: u32,
    /// Reports the guardian has not opened.
    pub new_reports: u32,
    /// Forms the guardian still has to answer, one per child.
    pub forms_to_do: u32,
}

/// The viewer for this page (`None`: nobody signed in).
#[derive(Clone, Copy)]
pub struct ViewerContext(StoredValue<Option<Viewer>>);

impl ViewerContext {
    /// Puts the viewer into context; must run inside `App` during render.
    pub fn provide() {
        let shared = SharedValue::<_, crate::codec::Postcard>::new_with_encoding(current_viewer);
        provide_context(Self(StoredValue::new(shared.into_inner())));
    }

    /// The viewer in context (see [`crate::frame_context::provided`]).
    pub fn expect() -> Self {
        crate::frame_context::provided(|| Self(StoredValue::new(None)))
    }

    /// The signed-in user, if any.
    pub fn get(&self) -> Option<Viewer> {
        self.0.get_value()
    }
}

#[cfg(feature = "ssr")]
fn current_viewer() -> Option<Viewer> {
    let actor = crate::access::current_actor().ok()?;
    Some(Viewer {
        children: actor
            .children
            .iter()
            .map(|c| ChildSummary {
                id: c.membership.pupil_id,
                name: c.name.clone(),
                class_name: c.class_name.clone(),
            })
            .collect(),
        selected: actor.selected_child,
        office_tools: [
            crate::access::Capability::AccessCodesIssue,
            crate::access::Capability::RosterImport,
        ]
        .into_iter()
        .any(|capability| {
            crate::access::allowed_scope(&actor.roles, capability)
                == Some(crate::access::Scope::WholeSchool)
        }),
        staff_notices: actor.staff_id.is_some()
            && crate::access::allowed_scope(
                &actor.roles,
                crate::access::Capability::NoticeStatsView,
            )
            .is_some(),
        unread_notices: badge::<crate::auth::session::UnreadNotices>().map_or(0, |n| n.0),
        new_reports: badge::<crate::auth::session::NewReports>().map_or(0, |n| n.0),
        forms_to_do: badge::<crate::auth::session::FormsToDo>().map_or(0, |n| n.0),
    })
}

/// A count the session middleware put in the request for a tab's badge.
#[cfg(feature = "ssr")]
fn badge<T: Clone + Send + Sync + 'static>() -> Option<T> {
    crate::auth::request::parts()
        .ok()
        .and_then(|parts| parts.extensions.get::<T>().cloned())
}

#[cfg(not(feature = "ssr"))]
fn current_viewer() -> Option<Viewer> {
    None
}
