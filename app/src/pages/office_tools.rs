//! `/admin`: the tools a member of staff may use — access-code letters, roster import, staff
//! accounts, notices, the calendar, news, forms — and whether e-mail is switched on. A lazily loaded route.

use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};
use serde::{Deserialize, Serialize};

/// One of the staff tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffTool {
    /// Printed access-code letters for parents.
    Letters,
    /// The roster import from the MIS.
    Roster,
    /// Staff accounts.
    Staff,
    /// Notices and their figures.
    Notices,
    /// The school's events.
    Calendar,
    /// Posting to the newsfeed.
    News,
    /// Forms families answer, and their answers.
    Forms,
    /// Report cycles: uploading, publishing, who has opened them.
    Reports,
}

impl StaffTool {
    /// Every tool, in the order the page lists them.
    pub const ALL: [StaffTool; 8] = [
        StaffTool::Letters,
        StaffTool::Roster,
        StaffTool::Staff,
        StaffTool::Notices,
        StaffTool::Calendar,
        StaffTool::News,
        StaffTool::Forms,
        StaffTool::Reports,
    ];

    /// The tool's page.
    pub fn href(self) -> &'static str {
        match self {
            StaffTool::Letters => "/admin/letters",
            StaffTool::Roster => "/admin/roster",
            StaffTool::Staff => "/admin/staff",
            StaffTool::Notices => "/admin/notices",
            StaffTool::Calendar => "/admin/calendar",
            StaffTool::News => "/admin/news",
            StaffTool::Forms => "/admin/forms",
            StaffTool::Reports => crate::reports::STAFF_REPORTS_PATH,
        }
    }
}

/// The tools the signed-in member of staff may use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffTools {
    /// Those their roles reach.
    pub tools: Vec<StaffTool>,
    /// A mail server is configured.
    pub email_enabled: bool,
}

/// The tools the signed-in member of staff may use; none at all is "not found".
#[server(endpoint = "staff/tools", output = crate::codec::Answer)]
pub async fn load_staff_tools() -> Result<StaffTools, AppError> {
    crate::error::respond(server::tools())
}

#[cfg(feature = "ssr")]
mod server {
    use super::{StaffTool, StaffTools};
    use crate::access::{Capability, Scope, allowed_scope, current_actor};
    use crate::error::AppError;

    pub fn tools() -> Result<StaffTools, AppError> {
        let actor = current_actor()?;
        let state = crate::state::app_state()?;
        let tools: Vec<StaffTool> = StaffTool::ALL
            .into_iter()
            .filter(|tool| match tool {
                StaffTool::Notices => allowed_scope(&actor.roles, Capability::NoticeStatsView)
                    .is_some_and(|scope| scope != Scope::OwnChildren),
                StaffTool::Calendar => allowed_scope(&actor.roles, Capability::CalendarWriteClass)
                    .is_some_and(|scope| scope != Scope::OwnChildren),
                StaffTool::News => allowed_scope(&actor.roles, Capability::NewsPostClass)
                    .is_some_and(|scope| scope != Scope::OwnChildren),
                StaffTool::Forms => allowed_scope(&actor.roles, Capability::FormManage)
                    .is_some_and(|scope| scope != Scope::OwnChildren),
                StaffTool::Letters => {
                    allowed_scope(&actor.roles, Capability::AccessCodesIssue)
                        == Some(Scope::WholeSchool)
                }
                StaffTool::Roster => {
                    allowed_scope(&actor.roles, Capability::RosterImport)
                        == Some(Scope::WholeSchool)
                }
                StaffTool::Reports => {
                    allowed_scope(&actor.roles, Capability::ReportManage)
                        == Some(Scope::WholeSchool)
                }
                StaffTool::Staff => {
                    allowed_scope(&actor.roles, Capability::StaffManage) == Some(Scope::WholeSchool)
                }
            })
            .collect();
        if tools.is_empty() {
            return Err(AppError::Forbidden);
        }
        Ok(StaffTools {
            tools,
            email_enabled: state.settings.email_enabled,
        })
    }
}

/// A lazily loaded route: staff code a parent never downloads. Its data starts loading in
/// `view()`, so the data types' decoding is in this chunk, not in the main wasm.
pub struct OfficeToolsRoute;

#[lazy_route]
impl LazyRoute for OfficeToolsRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let tools: Option<Loading<StaffTools>> =
            when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_staff_tools()));
        view! {
            <Title text=crate::i18n::title_text(i18n, "office-tools-title")/>
            <h1>{t!(i18n, "office-tools-title")}</h1>
            {loaded(tools, |tools| view! { <Tools tools/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Tools(tools: StaffTools) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <ul class="letters-admin__classes">
            {tools.tools.into_iter().map(|tool| {
                let label = match tool {
                    StaffTool::Letters => t!(i18n, "letters-title"),
                    StaffTool::Roster => t!(i18n, "roster-title"),
                    StaffTool::Staff => t!(i18n, "staff-title"),
                    StaffTool::Notices => t!(i18n, "notice-list-title"),
                    StaffTool::Calendar => t!(i18n, "calendar-staff-title"),
                    StaffTool::News => t!(i18n, "news-post-title"),
                    StaffTool::Forms => t!(i18n, "nav-forms"),
                    StaffTool::Reports => t!(i18n, "nav-reports"),
                };
                view! { <li><a class="button" href=tool.href()>{label}</a></li> }
            }).collect_view()}
        </ul>
        <p class="notice-note">
            {if tools.email_enabled { t!(i18n, "email-status-on") } else { t!(i18n, "email-status-off") }}
        </p>
    }
}
