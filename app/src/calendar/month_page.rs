//! `/calendar/month` (`?m=2027-01` for another month): a month's grid of the reader's events.
//! A lazily loaded route of its own, so the agenda's chunk stays small and the month's code comes
//! only to those who open it; its data starts loading in `view()`, keeping the query handling out
//! of the main module.

use super::pages::{MONTH_PATH, shown, views};
use super::{MonthDay, MonthEntry, MonthFilter, MonthView, load_month};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, PerLocale, dir_of, localized};
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// The month view's route.
pub struct MonthRoute;

#[lazy_route]
impl LazyRoute for MonthRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::calendar();
        let i18n = I18n::expect();
        let query = use_query_map();
        let asked = move || query.with(|q| (q.get("m"), q.get("for")));
        let data: Option<Loading<PageData>> = when_signed_in(|| {
            crate::pages::loading::resource(asked, |(month, audience)| load_month(month, audience))
        });
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-calendar")/>
            <h1>{t!(i18n, "nav-calendar")}</h1>
            {loaded_as(data, |month: MonthView| view! { <Month month/> }.into_any_now())}
        }
        .into_any_now()
    }
}

/// The month's grid: each day a link to its events below (the grid is for finding a day; the
/// list under it is what a thumb taps), with the months either side.
#[component]
fn Month(month: MonthView) -> impl IntoView {
    let i18n = I18n::expect();
    let MonthView {
        views: names,
        labels: [previous_label, next_label, empty],
        title,
        weekdays,
        weeks,
        previous,
        next,
        filter,
    } = month;
    // The month links keep the audience chosen.
    let narrowed = filter
        .as_ref()
        .filter(|f| !f.chosen.is_empty())
        .map(|f| format!("&for={}", f.chosen))
        .unwrap_or_default();
    let days_with_events: Vec<MonthDay> = weeks
        .iter()
        .flatten()
        .filter(|d| !d.entries.is_empty())
        .cloned()
        .collect();
    let step = |target: Option<String>, label: PerLocale<String>, arrow: &'static str| {
        let label = localized(i18n, label);
        target.map(|m| {
            view! {
                <a class="month-nav__step" href=format!("{MONTH_PATH}?m={m}{narrowed}") aria-label=label>{arrow}</a>
            }
        })
    };
    let grid = view! {
        <table class="month">
            <thead>
                <tr>{weekdays.into_iter().map(|w| view! { <th scope="col">{localized(i18n, w)}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {weeks.into_iter().map(|week| view! {
                    <tr>{week.into_iter().map(|day| view! { <MonthCell day/> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    };
    let list = if days_with_events.is_empty() {
        view! { <p class="empty-state">{localized(i18n, empty)}</p> }.into_any_now()
    } else {
        days_with_events
            .into_iter()
            .map(|day| {
                let MonthDay { key, label, entries, .. } = day;
                view! {
                    <section class="agenda-day" id=format!("day-{key}")>
                        <h2 class="agenda-day__date">{label.map(|l| localized(i18n, l))}</h2>
                        <ul class="agenda">
                            {entries.into_iter().map(|entry| view! { <MonthItem entry/> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any_now()
    };
    view! {
        {views(i18n, names, true)}
        {filter.map(|f| filter_form(i18n, f))}
        <div class="month-nav">
            {step(previous, previous_label, "‹")}
            <h2 class="month-nav__title">{localized(i18n, title)}</h2>
            {step(next, next_label, "›")}
        </div>
        {grid}
        {list}
    }
}

/// Staff's choice of whose events the month shows: a plain GET form, so it works without
/// JavaScript, and with it the route follows the address.
fn filter_form(i18n: I18n, filter: MonthFilter) -> AnyView {
    let MonthFilter {
        month,
        label,
        show,
        choices,
        chosen,
    } = filter;
    let choices = crate::layout::form_parts::localized_options(i18n, choices, &chosen);
    view! {
        <form method="get" action=MONTH_PATH class="month-filter">
            <input type="hidden" name="m" value=month/>
            <label for="month-filter">{localized(i18n, label)}</label>
            <select id="month-filter" name="for">{choices}</select>
            <button type="submit" class="button button--secondary">{localized(i18n, show)}</button>
        </form>
    }
    .into_any_now()
}

/// One day of the grid: its number, and a link to its events when it has any.
#[component]
fn MonthCell(day: MonthDay) -> impl IntoView {
    let i18n = I18n::expect();
    let MonthDay {
        day,
        key,
        label,
        today,
        entries,
    } = day;
    if day == 0 {
        return view! { <td class="month__blank"></td> }.into_any_now();
    }
    let count = entries.len();
    let content = if count == 0 {
        view! { <span class="month__number">{day}</span> }.into_any_now()
    } else {
        let label = label.map(|l| localized(i18n, l));
        view! {
            <a class="month__day" href=format!("#day-{key}") aria-label=label>
                <span class="month__number">{day}</span>
                <span class="month__dots" aria-hidden="true">{"•".repeat(count.min(3))}</span>
            </a>
        }
        .into_any_now()
    };
    view! { <td class:month__today=today aria-current=today.then_some("date")>{content}</td> }
        .into_any_now()
}

/// An event in the month's list.
#[component]
fn MonthItem(entry: MonthEntry) -> impl IntoView {
    let i18n = I18n::expect();
    let MonthEntry {
        id,
        texts,
        time,
        cancelled,
    } = entry;
    let texts = StoredValue::new(texts);
    let text = Signal::derive(move || texts.with_value(|t| shown(t, i18n.locale()).0));
    let title = Signal::derive(move || text.with(|t| t.as_ref().map(|t| t.title.clone())));
    let lang = Signal::derive(move || text.with(|t| t.as_ref().map(|t| t.language.clone())));
    let dir = Signal::derive(move || text.with(|t| dir_of(t.as_ref().map_or("", |t| &t.language))));
    let when = if time.is_empty() {
        t!(i18n, "event-all-day")
    } else {
        crate::i18n::fixed(time)
    };
    view! {
        <li class="agenda-entry" class:agenda-entry--cancelled=cancelled>
            <a class="agenda-entry__link" href=format!("/calendar/{id}")>
                <span class="agenda-entry__when">{when}</span>
                <strong class="agenda-entry__title" dir=dir lang=lang>{title}</strong>
                {cancelled.then(|| view! { <span class="badge badge--urgent">{t!(i18n, "event-cancelled")}</span> })}
            </a>
        </li>
    }
}
