//! `/forms/contact`: a guardian's phone numbers and e-mail addresses as the school holds them,
//! with a plain form asking the office to change them and any change still waiting; and, for
//! the office, the list of changes families asked for (shown in the staff forms route). Each is
//! lazily loaded with its data started in `view()`, so none of it reaches the main wasm.

use super::change_dto::{ChangeQueue, ChangeRow, ContactPage};
use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// The signed-in guardian's contact page, or what a post to it came to.
#[server(endpoint = "roster/contact", output = crate::codec::Answer)]
pub async fn load_contact() -> Result<ContactPage, AppError> {
    crate::error::respond(super::contact::page().await)
}

/// The changes families asked for, for the office and leadership.
#[server(endpoint = "roster/changes", output = crate::codec::Answer)]
pub async fn load_change_queue() -> Result<ChangeQueue, AppError> {
    crate::error::respond(super::change_queue::page().await)
}

/// A lazily loaded route for the contact page.
pub struct ContactRoute;

#[lazy_route]
impl LazyRoute for ContactRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        let i18n = I18n::expect();
        let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
        let data: Option<Loading<ContactPage>> =
            when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_contact()));
        loaded(data, move |page| contact(i18n, page, sent))
    }
}

fn contact(i18n: I18n, page: ContactPage, sent: bool) -> AnyView {
    let ContactPage {
        fields,
        waiting,
        problem,
        words,
    } = page;
    let [heading, intro, send, sent_note] = words;
    let heading = localized(i18n, heading);
    let done = (sent && problem.is_none()).then(
        || view! { <p class="notice-acknowledged" role="status">{localized(i18n, sent_note)}</p> },
    );
    let problem =
        problem.map(|p| view! { <p class="form-error" role="alert">{localized(i18n, p)}</p> });
    let waiting = waiting.map(|(when, lines)| {
        view! {
            <section class="contact-waiting" aria-labelledby="contact-waiting">
                <p id="contact-waiting"><strong>{localized(i18n, when)}</strong></p>
                <ul>{lines.into_iter().map(|line| view! { <li>{localized(i18n, line)}</li> }).collect_view()}</ul>
            </section>
        }
    });
    let inputs = fields
        .into_iter()
        .map(|field| {
            let id = format!("contact-{}", field.name);
            let problem_id = format!("{id}-problem");
            let described = field.problem.is_some().then(|| problem_id.clone());
            let invalid = field.problem.is_some().then_some("true");
            let (kind, complete) = if field.email { ("email", "email") } else { ("tel", "tel") };
            view! {
                <div class="field">
                    <label for=id.clone()>{localized(i18n, field.label)}</label>
                    {field.problem.map(|p| view! { <p class="form-error" id=problem_id>{localized(i18n, p)}</p> })}
                    <input id=id name=field.name type=kind autocomplete=complete value=field.value
                        aria-describedby=described aria-invalid=invalid/>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=crate::i18n::title_of(&heading)/>
        <h1>{heading}</h1>
        <p>{localized(i18n, intro)}</p>
        {done}
        {waiting}
        <form method="post" action=super::CONTACT_PATH class="form-answers">
            {problem}
            {inputs}
            <div class="form-actions">
                <button class="button" type="submit">{localized(i18n, send)}</button>
            </div>
        </form>
    }
    .into_any_now()
}

/// The office's list of changes, with a decision form on each waiting one.
pub fn change_queue(i18n: I18n, queue: ChangeQueue) -> AnyView {
    let ChangeQueue {
        waiting,
        decided,
        done,
        problem,
        words,
    } = queue;
    let [
        heading,
        intro,
        none_waiting,
        approve,
        reject,
        decided_heading,
    ] = words;
    let heading = localized(i18n, heading);
    let done = done
        .map(|d| view! { <p class="notice-acknowledged" role="status">{localized(i18n, d)}</p> });
    let problem =
        problem.map(|p| view! { <p class="form-error" role="alert">{localized(i18n, p)}</p> });
    let waiting = if waiting.is_empty() {
        view! { <p class="empty-state">{localized(i18n, none_waiting)}</p> }.into_any_now()
    } else {
        view! {
            <ul class="board">
                {waiting.into_iter().map(|row| {
                    let id = row.id;
                    let buttons = view! {
                        <form method="post" action=super::CHANGES_PATH class="change-card__actions">
                            <input type="hidden" name="change" value=id/>
                            <button class="button" type="submit" name="action" value="approve">{localized(i18n, approve.clone())}</button>
                            <button class="button button--secondary" type="submit" name="action" value="reject">{localized(i18n, reject.clone())}</button>
                        </form>
                    };
                    change_card(i18n, row, Some(buttons.into_any_now()))
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    let decided = (!decided.is_empty()).then(|| {
        view! {
            <h2>{localized(i18n, decided_heading)}</h2>
            <ul class="board">
                {decided.into_iter().map(|row| change_card(i18n, row, None)).collect_view()}
            </ul>
        }
    });
    view! {
        <Title text=crate::i18n::title_of(&heading)/>
        <h1>{heading}</h1>
        <p>{localized(i18n, intro)}</p>
        {done}
        {problem}
        {waiting}
        {decided}
    }
    .into_any_now()
}

fn change_card(i18n: I18n, row: ChangeRow, actions: Option<AnyView>) -> AnyView {
    view! {
        <li class="form-card change-card">
            <h2 class="form-card__title">{row.who}" · "{localized(i18n, row.about)}</h2>
            <ul class="change-card__lines">
                {row.lines.into_iter().map(|line| view! { <li>{localized(i18n, line)}</li> }).collect_view()}
            </ul>
            <p class="form-card__due">{localized(i18n, row.when)}</p>
            {actions}
        </li>
    }
    .into_any_now()
}
