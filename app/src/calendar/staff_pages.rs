//! `/admin/calendar` (the school's upcoming events, for staff who put events on the calendar)
//! and `/admin/calendar/:id` (the event form: `new`, or an event's id). One lazily loaded route:
//! staff code a parent never downloads. The form posts to its own address and works the same
//! without JavaScript; a refused save comes back with everything typed.

use super::{
    CalendarImport, EventCategory, EventFields, EventForm, EventFormWords, RepeatLabels,
    StaffCalendar, StaffEventRow, load_calendar_import, load_event_form, load_staff_calendar,
};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, PerLocale, follow, localized};
use crate::layout::TextArea;
use crate::layout::form_parts::{
    TranslationFields, check, files_fieldset, input, labelled, language_field, options,
    problem_summary, problems_for, save_notes, submit, translation,
};
use crate::notices::staff_pages::audience_picker::{Ticked, audience_fieldset, reach_line};
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use leptos_router::{LazyRoute, lazy_route};
use std::sync::Arc;

/// The staff calendar's address.
pub const STAFF_CALENDAR_PATH: &str = "/admin/calendar";
/// The form's segment for a new event.
const NEW_SEGMENT: &str = "new";
/// The import page's segment.
const IMPORT_SEGMENT: &str = "import";

/// What the address asks for: the list, or the form for a new (`None`) or stored event.
enum Page {
    List,
    Form(Option<i32>),
    Import,
}

/// A lazily loaded route for the list and the form. Its data starts loading in `view()`, so the
/// server functions' client code is in the staff chunk, not in the main wasm every parent
/// downloads.
pub struct StaffCalendarRoute {
    page: Page,
}

#[lazy_route]
impl LazyRoute for StaffCalendarRoute {
    fn data() -> Self {
        let id = use_params_map().with_untracked(|p| p.get("id"));
        let page = match id.as_deref() {
            None => Page::List,
            // Anything but "new" or a number is an event nobody may change: "not found".
            Some(NEW_SEGMENT) => Page::Form(None),
            Some(IMPORT_SEGMENT) => Page::Import,
            Some(segment) => Page::Form(Some(segment.parse().unwrap_or(0))),
        };
        Self { page }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        crate::i18n::sections::calendar();
        let i18n = I18n::expect();
        match this.page {
            Page::List => {
                let data: Option<Loading<PageData>> = when_signed_in(|| {
                    crate::pages::loading::resource(|| (), |_| load_staff_calendar())
                });
                view! {
                    <Title text=crate::i18n::title_text(i18n, "calendar-staff-title")/>
                    <h1>{t!(i18n, "calendar-staff-title")}</h1>
                    {loaded_as(data, |list: StaffCalendar| view! { <Events list/> }.into_any_now())}
                }
                .into_any_now()
            }
            Page::Import => {
                let data: Option<Loading<PageData>> = when_signed_in(|| {
                    crate::pages::loading::resource(|| (), |_| load_calendar_import())
                });
                loaded_as(data, |page: CalendarImport| {
                    super::import_page::import_page(page)
                })
            }
            Page::Form(id) => {
                let data: Option<Loading<PageData>> =
                    when_signed_in(|| crate::pages::loading::resource(move || id, load_event_form));
                let (key, heading) = if id.is_some() {
                    ("event-edit-title", t!(i18n, "event-edit-title"))
                } else {
                    ("event-new-title", t!(i18n, "event-new-title"))
                };
                view! {
                    <Title text=crate::i18n::title_text(i18n, key)/>
                    <p><a class="back-link" href=STAFF_CALENDAR_PATH>{t!(i18n, "calendar-staff-title")}</a></p>
                    <h1>{heading}</h1>
                    {loaded_as(data, |form: EventForm| view! { <EventEditor form/> }.into_any_now())}
                }
                .into_any_now()
            }
        }
    }
}

#[component]
fn Events(list: StaffCalendar) -> impl IntoView {
    let i18n = I18n::expect();
    // Only staff who may add events reach this page; the office may also import a file.
    let import = list.import.map(|label| {
        view! {
            " "<a class="button button--secondary" href=super::import_page::IMPORT_PATH>{localized(i18n, label)}</a>
        }
    });
    let add = view! {
        <p class="staff-calendar__actions">
            <a class="button" href=format!("{STAFF_CALENDAR_PATH}/{NEW_SEGMENT}")>{t!(i18n, "event-new-title")}</a>
            {import}
        </p>
    };
    let rows = if list.events.is_empty() {
        view! { <p class="empty-state">{t!(i18n, "calendar-staff-empty")}</p> }.into_any_now()
    } else {
        view! {
            <ul class="staff-events">
                {list.events.into_iter().map(|row| view! { <EventRow row/> }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    // The whole calendar as a file, and the public address a school website subscribes to.
    view! {
        {add}
        {rows}
        <section class="feed-address">
            <h2>{t!(i18n, "calendar-staff-outside")}</h2>
            <p><a class="button button--secondary" href="/admin/calendar/export.ics" rel="external" download>
                {t!(i18n, "calendar-staff-export")}
            </a></p>
            <label for="public-feed">{t!(i18n, "calendar-staff-public")}</label>
            <input id="public-feed" class="feed-address__url" type="url" readonly value=list.public_feed dir="ltr"/>
        </section>
    }
}

/// One event as the staff calendar lists it; an event of a file being imported (no id yet)
/// shows its `line` in the file and a `note` ("Already on the calendar") instead of a link.
#[component]
pub fn EventRow(
    row: StaffEventRow,
    #[prop(default = None)] line: Option<u32>,
    #[prop(default = None)] note: Option<PerLocale<String>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let StaffEventRow {
        id,
        title,
        category,
        when,
        audience,
        editable,
        cancelled,
        short_notice,
    } = row;
    let category = follow(i18n, move |l| category.name(l));
    let title = if line.is_some() {
        view! { {title} }.into_any_now()
    } else if editable {
        view! { <a href=format!("{STAFF_CALENDAR_PATH}/{id}")>{title}</a> }.into_any_now()
    } else {
        view! { <a href=format!("/calendar/{id}")>{title}</a> }.into_any_now()
    };
    let line = line.map(|line| {
        view! { <span class="staff-event__line" dir="ltr">{t!(i18n, "roster-line")}" "{line}</span> }
    });
    let note = note.map(|note| view! { <span class="badge">{localized(i18n, note)}</span> });
    view! {
        <li class="staff-event" class:staff-event--cancelled=cancelled>
            {line}
            <strong class="staff-event__title">{title}</strong>
            <span class="staff-event__when">{localized(i18n, when)}</span>
            <span class="staff-event__meta">
                <span class="badge">{category}</span>
                {cancelled.then(|| view! { <span class="badge badge--urgent">{t!(i18n, "event-cancelled")}</span> })}
                {short_notice.then(|| view! { <span class="badge">{t!(i18n, "event-short-notice")}</span> })}
                {note}
                " "{localized(i18n, audience)}
            </span>
        </li>
    }
}

#[component]
fn EventEditor(form: EventForm) -> impl IntoView {
    let i18n = I18n::expect();
    let existing = form.existing();
    let EventForm {
        fields,
        cancelled,
        choices,
        stale,
        reach,
        short_notice,
        problems,
        notes,
        files,
        max_file_mb,
        words,
    } = form;
    let EventFormWords {
        not_saved,
        repeat,
        announce,
    } = words;
    if cancelled {
        return view! { <p class="notice-note" role="status">{t!(i18n, "event-is-cancelled")}</p> }
            .into_any_now();
    }
    let problems = Arc::new(problems);
    let reach = RwSignal::new(reach);
    let original =
        RwSignal::new(Locale::from_tag(&fields.language).unwrap_or(i18n.locale_untracked()));
    let problem = |field: &str| problems_for(i18n, &problems, field);

    let summary = problem_summary(i18n, localized(i18n, not_saved), &problems);
    let notes = save_notes(i18n, notes);
    let language = language_field(i18n, "event-language", original);
    let category = view! {
        <select id="event-category" name="category">
            {options(EventCategory::ALL.into_iter().map(|c| (c.code(), follow(i18n, move |l| c.name(l)), c.code() == fields.category)).collect())}
        </select>
    };
    let texts = view! {
        {language}
        {labelled(Some("field-title".into()), "event-title".into(), t!(i18n, "notice-title"),
            input("event-title".into(), "title".into(), "text", fields.title.clone()), None, problem("title"))}
        {labelled(Some("field-category".into()), "event-category".into(), t!(i18n, "notice-category"),
            category.into_any_now(), None, ().into_any_now())}
        {labelled(Some("field-description".into()), "event-description".into(), t!(i18n, "event-description"),
            view! { <TextArea id="event-description".into() name="description".into() rows=6 value=fields.description.clone()/> }.into_any_now(),
            Some(t!(i18n, "event-description-hint")), problem("description"))}
    };
    let when = view! {
        <fieldset id="field-when" class="event-when">
            <legend>{t!(i18n, "calendar-when")}</legend>
            {check("all_day", "on".into(), fields.all_day, t!(i18n, "event-all-day"))}
            {labelled(Some("field-start_date".into()), "event-start-date".into(), t!(i18n, "event-start-date"),
                input("event-start-date".into(), "start_date".into(), "date", fields.start_date.clone()), None, problem("start_date"))}
            {labelled(Some("field-start_time".into()), "event-start-time".into(), t!(i18n, "event-start-time"),
                input("event-start-time".into(), "start_time".into(), "time", fields.start_time.clone()), None, problem("start_time"))}
            {labelled(Some("field-end_date".into()), "event-end-date".into(), t!(i18n, "event-end-date"),
                input("event-end-date".into(), "end_date".into(), "date", fields.end_date.clone()),
                Some(t!(i18n, "event-end-date-hint")), problem("end_date"))}
            {labelled(Some("field-end_time".into()), "event-end-time".into(), t!(i18n, "event-end-time"),
                input("event-end-time".into(), "end_time".into(), "time", fields.end_time.clone()),
                Some(t!(i18n, "event-times-hint")), problem("end_time"))}
        </fieldset>
        {repeat_fields(i18n, &fields, repeat, &problem)}
        {labelled(Some("field-location".into()), "event-location".into(), t!(i18n, "calendar-where"),
            input("event-location".into(), "location".into(), "text", fields.location.clone()), None, problem("location"))}
    };
    let audience = if existing {
        view! {
            <fieldset id="field-audience" class="audience">
                <legend>{t!(i18n, "notice-audience")}</legend>
                <p>{t!(i18n, "event-audience-fixed")}</p>
                {reach_line(i18n, reach)}
            </fieldset>
        }
        .into_any_now()
    } else {
        let ticked = Ticked {
            whole_school: fields.whole_school,
            staff_only: fields.staff_only,
            year_groups: &fields.year_groups,
            classes: &fields.classes,
            pupils: &fields.pupils,
        };
        audience_fieldset(
            i18n,
            choices,
            ticked,
            reach,
            problem("audience"),
            Callback::new(|()| {}),
        )
    };
    let translations = view! {
        <fieldset id="field-translations">
            <legend>{t!(i18n, "notice-translations")}</legend>
            <p class="field__hint">{t!(i18n, "notice-translations-hint")}</p>
            {problem("translations")}
            {Locale::ALL.into_iter().map(|l| {
                let (title, text) = fields.translations.get(l.tag()).cloned().unwrap_or_default();
                let typed = TranslationFields { id_prefix: "event-", text_name: "description", text_label: t!(i18n, "event-description"), title, text };
                translation(i18n, l, typed, stale.contains(&l.tag().to_string()), original)
            }).collect_view()}
        </fieldset>
    };
    let files = files_fieldset(
        i18n,
        "event-file",
        files,
        fields.held_files.clone(),
        fields.remove_files.clone(),
        max_file_mb,
        problem("file"),
    );
    let short_notice = short_notice.map(|warning| {
        view! {
            <div id="field-short_notice" class="form-warning" role="alert">
                <p>{localized(i18n, warning)}</p>
                {check("short_notice_ok", "on".into(), false, t!(i18n, "event-short-notice-ok"))}
            </div>
        }
    });
    let save = if existing {
        t!(i18n, "notice-save-changes")
    } else {
        t!(i18n, "event-save-new")
    };
    // A notice about the event starts from its title, day, time, place and audience.
    let announce = announce.zip(fields.id).map(|(label, id)| {
        view! {
            <p><a class="button button--secondary" href=format!("/admin/notices/new?event={id}")>{localized(i18n, label)}</a></p>
        }
    });
    // Both forms post to the page's own address, which names the event.
    let cancel = existing.then(|| {
        view! {
            <form method="post" class="event-cancel">
                <p class="field__hint">{t!(i18n, "event-cancel-hint")}</p>
                {submit("cancel", true, t!(i18n, "event-cancel"))}
            </form>
        }
    });
    view! {
        {summary}
        {notes}
        {announce}
        <form method="post" enctype="multipart/form-data" class="compose">
            {texts.into_any_now()}
            {when.into_any_now()}
            {audience}
            {check("public", "on".into(), fields.public, t!(i18n, "event-public"))}
            {translations.into_any_now()}
            {files}
            {short_notice}
            <p class="compose__actions">{submit("save", false, save)}</p>
        </form>
        {cancel}
    }
    .into_any_now()
}

/// Whether and how the event repeats: every 1–4 weeks until a last date, with days skipped.
fn repeat_fields(
    i18n: I18n,
    fields: &EventFields,
    labels: RepeatLabels,
    problem: &dyn Fn(&str) -> AnyView,
) -> AnyView {
    let RepeatLabels {
        legend,
        choices,
        until,
        skipped,
        skipped_hint,
    } = labels;
    let choices =
        crate::layout::form_parts::localized_options(i18n, choices, fields.repeat_weeks.trim());
    view! {
        <fieldset id="field-repeat" class="event-when">
            <legend>{localized(i18n, legend.clone())}</legend>
            {labelled(Some("field-repeat_weeks".into()), "event-repeat-weeks".into(), localized(i18n, legend),
                view! { <select id="event-repeat-weeks" name="repeat_weeks">{choices}</select> }.into_any_now(),
                None, problem("repeat_weeks"))}
            {labelled(Some("field-repeat_until".into()), "event-repeat-until".into(), localized(i18n, until),
                input("event-repeat-until".into(), "repeat_until".into(), "date", fields.repeat_until.clone()),
                None, problem("repeat_until"))}
            {labelled(Some("field-skipped_dates".into()), "event-skipped-dates".into(), localized(i18n, skipped),
                view! { <TextArea id="event-skipped-dates".into() name="skipped_dates".into() rows=3 value=fields.skipped_dates.clone()/> }.into_any_now(),
                Some(localized(i18n, skipped_hint)), problem("skipped_dates"))}
        </fieldset>
    }
    .into_any_now()
}
