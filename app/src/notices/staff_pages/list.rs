//! `/admin/notices`: the school's notices for staff (a teacher's: their own and their classes').

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, follow, localized};
use crate::notices::{StaffNoticeList, load_staff_notices};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: staff code a parent never downloads. Its data starts loading in
/// `view()`, not `data()`, so the data types' decoding is in the staff chunk too, not in the
/// main wasm every parent downloads.
pub struct StaffNoticesRoute;

#[lazy_route]
impl LazyRoute for StaffNoticesRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let list: Option<Loading<StaffNoticeList>> =
            when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_staff_notices()));
        view! {
            <Title text=crate::i18n::title_text(i18n, "notice-list-title")/>
            <h1>{t!(i18n, "notice-list-title")}</h1>
            {loaded(list, |list| view! { <Rows list/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Rows(list: StaffNoticeList) -> impl IntoView {
    let i18n = I18n::expect();
    let new = list.may_write.then(|| {
        view! { <p><a class="button" href="/admin/notices/new">{t!(i18n, "notice-new")}</a></p> }
    });
    let rows = if list.notices.is_empty() {
        view! { <p class="empty-state">{t!(i18n, "notice-list-empty")}</p> }.into_any_now()
    } else {
        view! {
            <ul class="staff-notices">
                {list.notices.into_iter().map(|n| {
                    let state = n.state;
                    let when = n.published.map(|p| view! {
                        <span class="staff-notice__when">{localized(i18n, p)}</span>
                    });
                    view! {
                        <li class="staff-notice">
                            <a href=format!("/admin/notices/{}", n.id) dir="auto">{n.title}</a>
                            " "
                            <span class="badge">{follow(i18n, move |l| state.label(l))}</span>
                            " "
                            {when}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    view! { {new} {rows} }
}
