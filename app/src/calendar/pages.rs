//! `/calendar` (the agenda: upcoming events grouped by day), `/calendar/:id` (one event with
//! "Add to my calendar") and `/calendar/subscribe` (the private feed address for the phone's
//! calendar app): one lazily loaded route (the month view has its own, `month_page`). Everything
//! shown follows the language menu at once, because the data carries every translation and every
//! date in every language.

use super::{Agenda, CalendarViews, EventDetail, EventFacts, EventText, FeedAddress, Subscription};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, dir_of, follow, localized};
use crate::notices::for_reader;
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, address_id, loaded_as, page_resource};
use crate::sanitized::SanitizedBody;
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use leptos_router::{LazyRoute, lazy_route};

/// The subscription page's address (its form posts there too).
pub const SUBSCRIBE_PATH: &str = "/calendar/subscribe";
/// Its last segment, which no event id can be.
const SUBSCRIBE_SEGMENT: &str = "subscribe";
/// The month view's address (`?m=2027-01` for another month).
pub const MONTH_PATH: &str = "/calendar/month";

/// What the address asks for: the agenda, one event, or the feed subscription.
enum Page {
    Agenda(Option<Loading<PageData>>),
    Event(Option<Loading<PageData>>),
    Subscribe(Option<Loading<PageData>>),
}

/// A lazily loaded route: the calendar's code comes in its own wasm chunk, fetched side by side
/// with its data.
pub struct CalendarRoute {
    page: Page,
}

#[lazy_route]
impl LazyRoute for CalendarRoute {
    fn data() -> Self {
        let params = use_params_map();
        let id = params.with_untracked(|p| p.get("id"));
        let page = match id.as_deref() {
            // `/calendar/:id` serves it too: one route less in the main module.
            Some(SUBSCRIBE_SEGMENT) => {
                Page::Subscribe(page_resource(PageName::Subscription, || (None, None)))
            }
            None => Page::Agenda(page_resource(PageName::Agenda, || (None, None))),
            Some(_) => {
                let id = address_id();
                Page::Event(page_resource(PageName::Event, move || (id(), None)))
            }
        };
        Self { page }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::calendar();
        let i18n = I18n::expect();
        match this.page {
            Page::Agenda(agenda) => view! {
                <Title text=crate::i18n::title_text(i18n, "nav-calendar")/>
                <h1>{t!(i18n, "nav-calendar")}</h1>
                {loaded_as(agenda, |agenda: Agenda| view! { <AgendaDays agenda/> }.into_any_now())}
                <p class="calendar-subscribe-link">
                    <a href=SUBSCRIBE_PATH>{t!(i18n, "calendar-subscribe-title")}</a>
                </p>
            }
            .into_any_now(),
            Page::Subscribe(subscription) => view! {
                <Title text=crate::i18n::title_text(i18n, "calendar-subscribe-title")/>
                <p><a class="back-link" href="/calendar">{t!(i18n, "calendar-back")}</a></p>
                <h1>{t!(i18n, "calendar-subscribe-title")}</h1>
                <p>{t!(i18n, "calendar-subscribe-intro")}</p>
                {loaded_as(subscription, |s: Subscription| view! { <Subscribe subscription=s/> }.into_any_now())}
            }
            .into_any_now(),
            Page::Event(event) => {
                let missing = event.is_none();
                view! {
                    <p><a class="back-link" href="/calendar">{t!(i18n, "calendar-back")}</a></p>
                    {loaded_as(event, |event: EventDetail| view! { <Event event/> }.into_any_now())}
                    {missing.then(|| view! {
                        <Title text=crate::i18n::title_text(i18n, "nav-calendar")/>
                    })}
                }
                .into_any_now()
            }
        }
    }
}

/// The two ways to see the calendar, the one shown marked as current.
pub(crate) fn views(i18n: I18n, names: CalendarViews, month: bool) -> AnyView {
    view! {
        <div class="calendar-views">
            <a href="/calendar" aria-current=(!month).then_some("page")>{localized(i18n, names.list)}</a>
            <a href=MONTH_PATH aria-current=month.then_some("page")>{localized(i18n, names.month)}</a>
        </div>
    }
    .into_any_now()
}

/// The text a reader of `locale` is shown, and whether it is in their language.
pub(crate) fn shown(texts: &[EventText], locale: Locale) -> (Option<EventText>, bool) {
    let text = for_reader(texts, locale).cloned();
    let translated = text.as_ref().is_some_and(|t| t.language == locale.tag());
    (text, translated)
}

/// "Cancelled", "Changed" and "Short notice", as they apply.
fn marks(i18n: I18n, cancelled: bool, changed: bool, short_notice: bool) -> AnyView {
    view! {
        <span class="event-marks">
            {cancelled.then(|| view! { <span class="badge badge--urgent">{t!(i18n, "event-cancelled")}</span> })}
            {(changed && !cancelled).then(|| view! { <span class="badge badge--ack">{t!(i18n, "event-changed")}</span> })}
            {short_notice.then(|| view! { <span class="badge">{t!(i18n, "event-short-notice")}</span> })}
        </span>
    }
    .into_any_now()
}

/// "For Amira, Sami", or nothing for staff.
fn for_children(i18n: I18n, children: Vec<String>) -> Option<crate::i18n::Text> {
    (!children.is_empty()).then(|| {
        let names = children.join(", ");
        follow(i18n, move |l| {
            msg!(l, "calendar-for", children = names.as_str())
        })
    })
}

#[component]
fn AgendaDays(agenda: Agenda) -> impl IntoView {
    let i18n = I18n::expect();
    let views = views(i18n, agenda.views, false);
    if agenda.days.is_empty() {
        return view! { {views} <p class="empty-state">{t!(i18n, "calendar-empty")}</p> }
            .into_any_now();
    }
    view! {
        {views}
        {agenda.days.into_iter().map(|day| view! {
            <section class="agenda-day">
                <h2 class="agenda-day__date">{localized(i18n, day.date)}</h2>
                <ul class="agenda">
                    {day.entries.into_iter().map(|entry| view! { <Entry entry/> }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
    .into_any_now()
}

#[component]
fn Entry(entry: EventFacts) -> impl IntoView {
    let i18n = I18n::expect();
    let EventFacts {
        id,
        texts,
        category,
        when,
        location,
        children,
        cancelled,
        changed,
        short_notice,
        repeats: _,
    } = entry;
    let texts = StoredValue::new(texts);
    let text = Signal::derive(move || texts.with_value(|t| shown(t, i18n.locale()).0));
    let title = Signal::derive(move || text.with(|t| t.as_ref().map(|t| t.title.clone())));
    let lang = Signal::derive(move || text.with(|t| t.as_ref().map(|t| t.language.clone())));
    let dir = Signal::derive(move || text.with(|t| dir_of(t.as_ref().map_or("", |t| &t.language))));
    let category = follow(i18n, move |l| category.name(l));
    let location = (!location.is_empty()).then_some(location);
    view! {
        <li class="agenda-entry" class:agenda-entry--cancelled=cancelled>
            <a class="agenda-entry__link" href=format!("/calendar/{id}")>
                <span class="agenda-entry__when">{localized(i18n, when)}</span>
                <strong class="agenda-entry__title" dir=dir lang=lang>{title}</strong>
                <span class="agenda-entry__meta">
                    <span>{category}</span>
                    {location.map(|l| view! { <span>{l}</span> })}
                    {for_children(i18n, children).map(|c| view! { <span>{c}</span> })}
                </span>
                {marks(i18n, cancelled, changed, short_notice)}
            </a>
        </li>
    }
}

#[component]
fn Event(event: EventDetail) -> impl IntoView {
    let i18n = I18n::expect();
    let EventDetail {
        facts,
        ics_href,
        files,
    } = event;
    let EventFacts {
        id: _,
        texts,
        category,
        when,
        location,
        children,
        cancelled,
        changed,
        short_notice,
        repeats,
    } = facts;
    let texts = StoredValue::new(texts);
    let shown = Signal::derive(move || texts.with_value(|t| shown(t, i18n.locale())));
    let title = Signal::derive(move || {
        shown.with(|(t, _)| t.as_ref().map(|t| t.title.clone()).unwrap_or_default())
    });
    let translated = Signal::derive(move || shown.with(|(_, translated)| *translated));
    let category = follow(i18n, move |l| category.name(l));
    let location = (!location.is_empty()).then_some(location);
    view! {
        <Title text=crate::i18n::title_from(title)/>
        <article class="event" class:event--cancelled=cancelled>
            {move || shown.get().0.map(|text| view! {
                <div class="event__text" dir=dir_of(&text.language) lang=text.language>
                    <h1 class="event__title">{text.title}</h1>
                    <SanitizedBody body=text.description/>
                </div>
            })}
            <p class="stale" hidden=translated>{t!(i18n, "calendar-not-translated")}</p>
            <p class="notice-meta"><span class="badge">{category}</span>{marks(i18n, cancelled, changed, short_notice)}</p>
            <dl class="event__facts">
                <dt>{t!(i18n, "calendar-when")}</dt>
                <dd>{localized(i18n, when)}</dd>
                {repeats.map(|r| view! { <dd class="event__repeats">{localized(i18n, r)}</dd> })}
                {location.map(|l| view! {
                    <dt>{t!(i18n, "calendar-where")}</dt>
                    <dd>{l}</dd>
                })}
            </dl>
            {for_children(i18n, children).map(|c| view! { <p>{c}</p> })}
            {crate::layout::download_list(i18n, files)}
            <p>
                <a class="button" href=ics_href rel="external" download>{t!(i18n, "calendar-add")}</a>
            </p>
            <p class="hint">{t!(i18n, "calendar-add-hint")}</p>
        </article>
    }
}

/// A form posting one `action` to the subscription page.
fn action_form(action: &'static str, label: impl IntoView + 'static, plain: bool) -> AnyView {
    view! {
        <form method="post" action=SUBSCRIBE_PATH>
            <input type="hidden" name="action" value=action/>
            <button class="button" class:button--secondary=plain type="submit">{label}</button>
        </form>
    }
    .into_any_now()
}

#[component]
fn Subscribe(subscription: Subscription) -> impl IntoView {
    let i18n = I18n::expect();
    let Subscription {
        since,
        fresh,
        stopped,
    } = subscription;
    let has_address = since.is_some();
    view! {
        {stopped.then(|| view! { <p class="feed-status" role="status">{t!(i18n, "calendar-subscribe-stopped")}</p> })}
        {fresh.map(|address| view! { <FreshAddress address/> })}
        {since.map(|since| view! {
            <p>{move || {
                let date = since.text(i18n.locale());
                msg!(i18n.locale(), "calendar-subscribe-since", date = date.as_str())
            }}</p>
        })}
        <div class="feed-actions">
            {if has_address {
                view! {
                    {action_form("new", t!(i18n, "calendar-subscribe-renew"), false)}
                    {action_form("stop", t!(i18n, "calendar-subscribe-stop"), true)}
                }
                .into_any_now()
            } else {
                action_form("new", t!(i18n, "calendar-subscribe-new"), false)
            }}
        </div>
    }
}

/// The address just made: a link that opens the phone's calendar app, and the https form to copy.
#[component]
fn FreshAddress(address: FeedAddress) -> impl IntoView {
    let i18n = I18n::expect();
    let FeedAddress { https, webcal } = address;
    view! {
        <section class="feed-address">
            <p>
                <a class="button" href=webcal rel="external">
                    {t!(i18n, "calendar-subscribe-open")}
                </a>
            </p>
            <label for="feed-address-https">{t!(i18n, "calendar-subscribe-copy")}</label>
            <input id="feed-address-https" class="feed-address__url" type="url" readonly value=https dir="ltr"/>
            <p class="hint">{t!(i18n, "calendar-subscribe-private")}</p>
        </section>
    }
}
