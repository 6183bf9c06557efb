//! The child switcher: a guardian with several children looks at one of them or all; the choice
//! is kept on their account and every page filters by it.

use crate::auth::viewer::ViewerContext;
use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;

/// The value the form sends for "all my children".
pub const ALL_CHILDREN: &str = "all";

/// Chooses the child the portal shows (`pupil` is an id, or `all`), then returns to `back`.
#[server(endpoint = "children/select", output = crate::codec::Answer)]
pub async fn select_child(pupil: String, back: String) -> Result<(), AppError> {
    crate::error::respond(server::select_child(pupil, back).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::ALL_CHILDREN;
    use crate::access::current_actor;
    use crate::db::entities::user_account;
    use crate::error::{AppError, FieldProblem};
    use crate::state::app_state;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

    pub async fn select_child(pupil: String, back: String) -> Result<(), AppError> {
        let actor = current_actor()?;
        let chosen = if pupil == ALL_CHILDREN {
            None
        } else {
            let id: i32 = pupil
                .parse()
                .map_err(|_| AppError::invalid("pupil", FieldProblem::Required))?;
            // Someone else's child looks exactly like no child at all.
            if !actor.has_child(id) {
                return Err(AppError::NotFound);
            }
            Some(id)
        };
        let state = app_state()?;
        let account = user_account::Entity::find_by_id(actor.user_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::SignInRequired)?;
        let mut account = account.into_active_model();
        account.selected_pupil_id = Set(chosen);
        account.update(&state.db).await?;
        state.actors.forget(actor.user_id);
        leptos_axum::redirect(&crate::layout::return_path(Some(&back)));
        Ok(())
    }
}

/// The switcher in the top bar: a native menu of plain form buttons, so it works before (and
/// without) the wasm; choosing reloads the page filtered for that child.
#[component]
pub fn ChildSwitcher() -> impl IntoView {
    let i18n = I18n::expect();
    let Some(viewer) = ViewerContext::expect().get() else {
        return ().into_any_now();
    };
    if viewer.children.len() < 2 {
        return ().into_any_now();
    }
    let current = viewer
        .selected
        .and_then(|id| viewer.children.iter().find(|c| c.id == id))
        .map(|c| c.name.clone());
    let back = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let all_chosen = viewer.selected.is_none();
    view! {
        <details class="child-menu">
            <summary>
                <span class="visually-hidden">{t!(i18n, "child-switcher-label")}": "</span>
                // What fits a phone's bar (a first name, "All"), with the whole for screen readers.
                {match current {
                    Some(name) => {
                        let first = name.split_whitespace().next().unwrap_or_default().to_string();
                        view! {
                            <span aria-hidden="true">{first}</span>
                            <span class="visually-hidden">{name}</span>
                        }
                        .into_any_now()
                    }
                    None => view! {
                        <span aria-hidden="true">{t!(i18n, "child-switcher-all-short")}</span>
                        <span class="visually-hidden">{t!(i18n, "child-switcher-all")}</span>
                    }
                    .into_any_now(),
                }}
            </summary>
            <form method="post" action="/api/children/select" class="child-menu__list">
                <input type="hidden" name="back" value=back/>
                <button type="submit" name="pupil" value=ALL_CHILDREN aria-pressed=all_chosen.to_string()>
                    {t!(i18n, "child-switcher-all")}
                </button>
                {viewer.children.into_iter().map(|child| {
                    let pressed = (viewer.selected == Some(child.id)).to_string();
                    view! {
                        <button type="submit" name="pupil" value=child.id.to_string() aria-pressed=pressed>
                            {child.name}
                            {child.class_name.map(|c| view! { <span class="child-menu__class">{c}</span> })}
                        </button>
                    }
                }).collect_view()}
            </form>
        </details>
    }
    .into_any_now()
}
