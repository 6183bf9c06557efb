//! `/forms`: the family's forms, each with where every child it is for stands (to do, done,
//! consent withdrawn, closed unanswered), those still to do first; and `/forms/:id`, one form
//! (`form_page`). One lazily loaded route for both: a parent who opens the list opens a form
//! next, and one route costs the main wasm less than two.

use super::form_page::form_page;
use super::{FormCard, FormList, FormPage, form_href};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, loaded_as, page_resource};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: the forms' code in its own chunk, fetched beside its data.
pub struct FormsRoute {
    /// A form's id, or `None` for the list.
    id: Option<i32>,
    page: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for FormsRoute {
    fn data() -> Self {
        let params = use_params_map();
        let query = use_query_map();
        let args = move || {
            let id = params.with(|p| p.get("id").map(|id| id.parse().unwrap_or(0)));
            let child = query.with(|q| q.get("child").and_then(|c| c.parse().ok()));
            (id, child)
        };
        Self {
            id: args().0,
            page: page_resource(PageName::Forms, args),
        }
    }

    fn view(this: Self) -> AnyView {
        let i18n = I18n::expect();
        let Some(_) = this.id else {
            return view! {
                <Title text=crate::i18n::title_text(i18n, "nav-forms")/>
                <h1>{t!(i18n, "nav-forms")}</h1>
                {loaded_as(this.page, move |list: FormList| form_list(i18n, list))}
            }
            .into_any_now();
        };
        let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-forms")/>
            {loaded_as(this.page, move |page: FormPage| form_page(i18n, page, sent))}
        }
        .into_any_now()
    }
}

fn form_list(i18n: I18n, list: FormList) -> AnyView {
    let forms = if list.forms.is_empty() {
        view! { <p class="empty-state">{localized(i18n, list.empty)}</p> }.into_any_now()
    } else {
        view! {
            <ul class="board">
                {list.forms.into_iter().map(|card| form_card(i18n, card)).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    view! {
        {forms}
        {list.contact.map(|label| view! {
            <p><a class="button button--secondary" href=crate::roster::CONTACT_PATH>{localized(i18n, label)}</a></p>
        })}
    }
    .into_any_now()
}

fn form_card(i18n: I18n, card: FormCard) -> AnyView {
    let id = card.id;
    if card.per_family {
        return family_card(i18n, card);
    }
    view! {
        <li class="form-card">
            <h2 class="form-card__title" dir="auto">{localized(i18n, card.title)}</h2>
            <p class="form-card__due">{localized(i18n, card.due)}</p>
            <ul class="form-card__children">
                {card.children.into_iter().map(|child| view! {
                    <li>
                        <a class="form-card__child" href=form_href(id, child.pupil_id)>
                            <span class="form-card__name">{child.name}</span>
                            <span class=child.status.badge_class()>{localized(i18n, child.label)}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
    .into_any_now()
}

/// A form answered once per family: one link naming every child, with the family's status.
fn family_card(i18n: I18n, card: FormCard) -> AnyView {
    let FormCard {
        id,
        title,
        due,
        children,
        ..
    } = card;
    let lead = children
        .first()
        .map(|c| (c.pupil_id, c.status, c.label.clone()));
    let names = children
        .into_iter()
        .map(|c| view! { <span class="form-card__name">{c.name}</span> })
        .collect_view();
    view! {
        <li class="form-card">
            <h2 class="form-card__title" dir="auto">{localized(i18n, title)}</h2>
            <p class="form-card__due">{localized(i18n, due)}</p>
            {lead.map(|(pupil, status, label)| view! {
                <p>
                    <a class="form-card__child form-card__family" href=form_href(id, pupil)>
                        <span class="form-card__names">{names}</span>
                        <span class=status.badge_class()>{localized(i18n, label)}</span>
                    </a>
                </p>
            })}
        </li>
    }
    .into_any_now()
}
