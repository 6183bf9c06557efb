//! `/admin/forms`: the forms a member of staff looks after with how far their answers have come;
//! `/admin/forms/:id`, a form's figures — every child asked, where each stands, each guardian's
//! answer, conflicts first — and, with `?print=1`, its printable list. One lazily loaded route
//! whose data starts in `view()`, so none of it reaches the main wasm. The new form page is
//! `new_form_page`.

use super::staff_dto::{FormFigures, RecordPage, StaffFormList, TripList};
use super::{
    STAFF_FORMS_PATH, drawing, load_form_figures, load_record_page, load_staff_forms,
    load_trip_list,
};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::roster::change_dto::ChangeQueue;
use crate::roster::contact_page::{change_queue, load_change_queue};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use leptos_router::{LazyRoute, lazy_route};

/// The address segment of the changes families asked for.
const CHANGES_SEGMENT: &str = "changes";
/// The end of a record page's address (`/admin/forms/:id/record`).
const RECORD_SEGMENT: &str = "/record";
/// The query that asks a form's page for its printable list.
const PRINT_QUERY: &str = "print";

/// What the address asks for.
enum Page {
    List,
    /// A form's figures, with the code a post came back with (`?done=`).
    Figures(i32, Option<String>),
    /// Recording an answer given by phone: form, child, and the guardian once chosen.
    Record(i32, i32, Option<i32>),
    /// A form's printable list (`?print=1`).
    TripList(i32),
    /// The changes families asked for, for the office to decide.
    Changes,
}

/// A lazily loaded route for the staff's forms pages.
pub struct StaffFormsRoute {
    page: Page,
}

#[lazy_route]
impl LazyRoute for StaffFormsRoute {
    fn data() -> Self {
        let id = use_params_map().with_untracked(|p| p.get("id"));
        let query = use_query_map().get_untracked();
        let recording = use_location()
            .pathname
            .with_untracked(|path| path.ends_with(RECORD_SEGMENT));
        let number = |name: &str| query.get(name).and_then(|v| v.parse::<i32>().ok());
        let page = match id.as_deref() {
            None => Page::List,
            Some(CHANGES_SEGMENT) => Page::Changes,
            // Anything but a number is a form nobody looks after: "not found".
            Some(segment) if recording => Page::Record(
                segment.parse().unwrap_or(0),
                number("child").unwrap_or(0),
                number("guardian"),
            ),
            Some(segment) if query.get(PRINT_QUERY).is_some() => {
                Page::TripList(segment.parse().unwrap_or(0))
            }
            Some(segment) => Page::Figures(segment.parse().unwrap_or(0), query.get("done")),
        };
        Self { page }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        if let Page::Changes = this.page {
            let data: Option<Loading<ChangeQueue>> =
                when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_change_queue()));
            return crate::pages::loading::loaded(data, move |queue| change_queue(i18n, queue));
        }
        let data: Option<Loading<PageData>> = match &this.page {
            Page::List => {
                when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_staff_forms()))
            }
            Page::Figures(id, done) => when_signed_in(|| {
                let (id, done) = (*id, done.clone());
                crate::pages::loading::resource(
                    move || (id, done.clone()),
                    |(id, done)| load_form_figures(id, done),
                )
            }),
            Page::Record(id, child, guardian) => when_signed_in(|| {
                let (id, child, guardian) = (*id, *child, *guardian);
                crate::pages::loading::resource(
                    move || (id, child, guardian),
                    |(id, child, guardian)| load_record_page(id, child, guardian),
                )
            }),
            Page::TripList(id) => when_signed_in(|| {
                let id = *id;
                crate::pages::loading::resource(move || id, load_trip_list)
            }),
            Page::Changes => None,
        };
        let content = match this.page {
            Page::List => loaded_as(data, move |list: StaffFormList| form_list(i18n, list)),
            Page::Figures(..) => loaded_as(data, move |page: FormFigures| figures(i18n, page)),
            Page::Record(..) => loaded_as(data, move |page: RecordPage| record(i18n, page)),
            Page::TripList(..) => loaded_as(data, move |list: TripList| trip_list(i18n, list)),
            Page::Changes => ().into_any_now(),
        };
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-forms")/>
            {content}
        }
        .into_any_now()
    }
}

fn form_list(i18n: I18n, list: StaffFormList) -> AnyView {
    let [heading, empty] = list.words;
    let forms = if list.forms.is_empty() {
        view! { <p class="empty-state">{localized(i18n, empty)}</p> }.into_any_now()
    } else {
        view! {
            <ul class="board">
                {list.forms.into_iter().map(|row| view! {
                    <li class="form-card">
                        <h2 class="form-card__title" dir="auto">
                            <a href=format!("{STAFF_FORMS_PATH}/{}", row.id)>{localized(i18n, row.title)}</a>
                        </h2>
                        <p class="form-card__due">{localized(i18n, row.due)}</p>
                        <p>{localized(i18n, row.progress)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    view! {
        <h1>{localized(i18n, heading)}</h1>
        <ul class="form-templates">
            {list.templates.into_iter().map(|(href, label)| view! {
                // Same route, another query: a full load, so the page is made for the template.
                <li><a class="button button--secondary" href=href rel="external">{localized(i18n, label)}</a></li>
            }).collect_view()}
        </ul>
        {list.changes.map(|(href, label)| view! {
            <p><a class="button button--secondary" href=href>{localized(i18n, label)}</a></p>
        })}
        {forms}
    }
    .into_any_now()
}

fn figures(i18n: I18n, page: FormFigures) -> AnyView {
    let FormFigures {
        id,
        title,
        progress,
        children,
        note,
        last_reminded,
        open,
        words,
    } = page;
    let [
        back,
        child,
        class,
        status,
        answers,
        remind,
        csv,
        xlsx,
        record,
        print,
    ] = words;
    let rows = children
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <td>{row.name}</td>
                    <td>{row.class}</td>
                    <td><span class=row.badge>{localized(i18n, row.status)}</span></td>
                    <td>
                        {row.answers.into_iter().map(|a| view! {
                            <p class="form-figures__answer">{localized(i18n, a.summary)}</p>
                            {a.drawing.map(|(path, label)| view! {
                                <svg class="signature-drawn" viewBox=drawing::VIEW_BOX role="img"
                                    aria-label=localized(i18n, label)>
                                    <path class="signature-pad__ink" d=path/>
                                </svg>
                            })}
                            {a.files.into_iter().map(|(href, name)| view! {
                                <p><a class="form-figures__file" href=href rel="external" download>{name}</a></p>
                            }).collect_view()}
                        }).collect_view()}
                        {row.record.map(|href| view! {
                            <a class="form-figures__record" href=href>{localized(i18n, record.clone())}</a>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p><a class="back-link" href=STAFF_FORMS_PATH>{localized(i18n, back)}</a></p>
        <h1>{localized(i18n, title)}</h1>
        {note.map(|note| view! { <p class="notice-acknowledged" role="status">{localized(i18n, note)}</p> })}
        <p class="form-figures__progress">{localized(i18n, progress)}</p>
        {last_reminded.map(|when| view! { <p class="form-card__due">{localized(i18n, when)}</p> })}
        <div class="compose__actions">
            {open.then(|| view! {
                <form method="post" action=format!("{STAFF_FORMS_PATH}/{id}/remind")>
                    <button class="button" type="submit">{localized(i18n, remind)}</button>
                </form>
            })}
            <a class="button button--secondary" href=format!("{STAFF_FORMS_PATH}/{id}/export.csv") rel="external" download>
                {localized(i18n, csv)}
            </a>
            <a class="button button--secondary" href=format!("{STAFF_FORMS_PATH}/{id}/export.xlsx") rel="external" download>
                {localized(i18n, xlsx)}
            </a>
            // Same route, another query: a full load, so the page is made for the list.
            <a class="button button--secondary" href=format!("{STAFF_FORMS_PATH}/{id}?{PRINT_QUERY}=1") rel="external">
                {localized(i18n, print)}
            </a>
        </div>
        <div class="table-scroll">
            <table class="form-figures">
                <thead>
                    <tr>
                        <th scope="col">{localized(i18n, child)}</th>
                        <th scope="col">{localized(i18n, class)}</th>
                        <th scope="col">{localized(i18n, status)}</th>
                        <th scope="col">{localized(i18n, answers)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any_now()
}

fn record(i18n: I18n, page: RecordPage) -> AnyView {
    let RecordPage {
        title,
        child,
        back,
        choices,
        form,
        words,
    } = page;
    let [heading, who, back_label] = words;
    if let Some(form) = form {
        return super::form_page::form_page(i18n, form, false);
    }
    view! {
        <p><a class="back-link" href=back>{localized(i18n, back_label)}</a></p>
        <h1>{localized(i18n, heading)}</h1>
        <p class="form-figures__progress">{localized(i18n, title)}</p>
        <p><strong>{child}</strong></p>
        <h2>{localized(i18n, who)}</h2>
        <ul class="form-record__choices">
            {choices.into_iter().map(|choice| view! {
                <li>
                    // Same route, another query: a full load, so the page is made for the guardian.
                    <a class="button button--secondary" href=choice.href rel="external">{localized(i18n, choice.label)}</a>
                    {choice.note.map(|note| view! { <p class="form-card__due">{localized(i18n, note)}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any_now()
}

fn trip_list(i18n: I18n, list: TripList) -> AnyView {
    let TripList {
        id,
        title,
        summary,
        asks_consent,
        rows,
        words,
    } = list;
    let [back, print, child, class, consent, notes] = words;
    // Printing needs the page to run; without it the browser's own menu prints the list.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let rows = rows
        .into_iter()
        .map(|row| {
            let consent = asks_consent.then(|| {
                view! { <td><span class=row.badge>{localized(i18n, row.consent)}</span></td> }
            });
            view! {
                <tr>
                    <td>{row.name}</td>
                    <td>{row.class}</td>
                    {consent}
                    <td>
                        {row.notes.into_iter().map(|n| view! {
                            <p class="trip-list__guardian">{n.name}</p>
                            <ul class="trip-list__answers">
                                {n.answers.into_iter().map(|a| view! { <li>{localized(i18n, a)}</li> }).collect_view()}
                            </ul>
                        }).collect_view()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="no-print"><a class="back-link" href=format!("{STAFF_FORMS_PATH}/{id}")>{localized(i18n, back)}</a></p>
        <h1 id="trip-list-title">{localized(i18n, title)}</h1>
        <p class="form-figures__progress">{localized(i18n, summary)}</p>
        {move || live.get().then(|| view! {
            <p class="no-print">
                <button class="button" type="button" on:click=move |_| print_page()>{localized(i18n, print.clone())}</button>
            </p>
        })}
        // Wider than a phone: the box scrolls, so a keyboard must be able to reach it.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="trip-list-title">
            <table class="form-figures trip-list">
                <thead>
                    <tr>
                        <th scope="col">{localized(i18n, child)}</th>
                        <th scope="col">{localized(i18n, class)}</th>
                        {asks_consent.then(|| view! { <th scope="col">{localized(i18n, consent)}</th> })}
                        <th scope="col">{localized(i18n, notes)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any_now()
}

/// Opens the browser's print dialogue.
#[cfg(feature = "hydrate")]
fn print_page() {
    if let Some(window) = web_sys::window() {
        // Refused only where printing is unavailable; the browser's menu remains.
        let _ = window.print();
    }
}

#[cfg(not(feature = "hydrate"))]
fn print_page() {}
