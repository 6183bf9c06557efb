//! `/admin/notices/new` and `/admin/notices/:id/edit`: writing a notice. The form posts to its
//! own address (files included), and the server answers a refused save with this page again,
//! everything typed kept; with the page interactive, a draft also saves itself as it is typed
//! and the audience's reach follows every choice.

use super::audience_picker::{Ticked, audience_fieldset};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, PerLocale, follow};
use crate::layout::TextArea;
use crate::layout::form_parts::{
    TranslationFields, check, files_fieldset, input, labelled, language_field, options,
    problem_summary, problems_for, save_notes, submit, translation,
};
use crate::notices::{Category, ComposeForm, load_compose};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{LazyRoute, lazy_route};
use std::sync::Arc;

/// A lazily loaded route for both addresses: staff code a parent never downloads.
pub struct ComposeRoute;

#[lazy_route]
impl LazyRoute for ComposeRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let id: Option<i32> =
            use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()));
        // `?event=` starts a new notice from a calendar event.
        let event: Option<i32> = use_query_map()
            .with_untracked(|q| q.get("event").and_then(|e| e.parse().ok()))
            .filter(|_| id.is_none());
        let form: Option<Loading<ComposeForm>> = when_signed_in(|| {
            crate::pages::loading::resource(
                move || (id, event),
                |(id, event)| load_compose(id, event),
            )
        });
        let (title, heading) = if id.is_some() {
            ("notice-edit-title", t!(i18n, "notice-edit-title"))
        } else {
            ("notice-compose-title", t!(i18n, "notice-compose-title"))
        };
        view! {
            <Title text=crate::i18n::title_text(i18n, title)/>
            <p><a class="back-link" href="/admin/notices">{t!(i18n, "notice-back-to-list")}</a></p>
            <h1>{heading}</h1>
            {loaded(form, |form| view! { <Compose form/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Compose(form: ComposeForm) -> impl IntoView {
    let i18n = I18n::expect();
    let ComposeForm {
        fields,
        published,
        choices,
        files,
        stale,
        reach,
        problems,
        notes,
        max_file_mb,
    } = form;
    let problems = Arc::new(problems);
    let id = RwSignal::new(fields.id);
    let reach = RwSignal::new(reach);
    let saved_at: RwSignal<Option<PerLocale<String>>> = RwSignal::new(None);
    let original =
        RwSignal::new(Locale::from_tag(&fields.language).unwrap_or(i18n.locale_untracked()));
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let edits = StoredValue::new(0u32);
    // Published notices change only when "Save changes" is pressed.
    let edited = move || {
        if published {
            return;
        }
        #[cfg(feature = "hydrate")]
        crate::notices::autosave::after_pause(form_ref, edits, move |done| {
            id.set(Some(done.id));
            reach.set(done.reach);
            saved_at.set(Some(done.status));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (form_ref, edits, saved_at);
    };
    let touched = Callback::new(move |()| edited());
    let problem = |field: &str| problems_for(i18n, &problems, field);

    let summary = problem_summary(i18n, t!(i18n, "notice-problems"), &problems);
    let notes = save_notes(i18n, notes);
    let language = language_field(i18n, "notice-language", original);
    let category = view! {
        <select id="notice-category" name="category">
            {options(Category::ALL.into_iter().map(|c| (c.code(), follow(i18n, move |l| c.name(l)), c.code() == fields.category)).collect())}
        </select>
    };
    let texts = view! {
        {language}
        {labelled(Some("field-title".into()), "notice-title".into(), t!(i18n, "notice-title"),
            input("notice-title".into(), "title".into(), "text", fields.title.clone()), None, problem("title"))}
        {labelled(Some("field-body".into()), "notice-body".into(), t!(i18n, "notice-body"),
            view! { <TextArea id="notice-body".into() name="body".into() rows=10 value=fields.body.clone()/> }.into_any_now(),
            Some(t!(i18n, "notice-body-hint")), problem("body"))}
        {labelled(Some("field-category".into()), "notice-category".into(), t!(i18n, "notice-category"),
            category.into_any_now(), None, ().into_any_now())}
    };
    let audience = if published {
        view! { <p id="field-audience">{t!(i18n, "notice-audience-fixed")}</p> }.into_any_now()
    } else {
        let ticked = Ticked {
            whole_school: fields.whole_school,
            staff_only: fields.staff_only,
            year_groups: &fields.year_groups,
            classes: &fields.classes,
            pupils: &fields.pupils,
        };
        audience_fieldset(i18n, choices, ticked, reach, problem("audience"), touched)
    };
    let timing = view! {
        <fieldset id="field-ack">
            <legend>{t!(i18n, "notice-ack")}</legend>
            {check("ack_required", "on".into(), fields.ack_required, t!(i18n, "notice-ack-required"))}
            {labelled(Some("field-ack_by".into()), "notice-ack-by".into(), t!(i18n, "notice-ack-by"),
                input("notice-ack-by".into(), "ack_by".into(), "date", fields.ack_by.clone()), None, problem("ack_by"))}
        </fieldset>
        {(!published).then(|| labelled(Some("field-publish_at".into()), "notice-publish-at".into(), t!(i18n, "notice-publish-at"),
            input("notice-publish-at".into(), "publish_at".into(), "datetime-local", fields.publish_at.clone()),
            Some(t!(i18n, "notice-publish-at-hint")), problem("publish_at")))}
        {labelled(Some("field-expires_at".into()), "notice-expires-at".into(), t!(i18n, "notice-expires-at"),
            input("notice-expires-at".into(), "expires_at".into(), "datetime-local", fields.expires_at.clone()), None, problem("expires_at"))}
        {check("pinned", "on".into(), fields.pinned, t!(i18n, "notice-pinned"))}
    };
    let translations = view! {
        <fieldset id="field-translations">
            <legend>{t!(i18n, "notice-translations")}</legend>
            <p class="field__hint">{t!(i18n, "notice-translations-hint")}</p>
            {problem("translations")}
            {Locale::ALL.into_iter().map(|l| {
                let (title, text) = fields.translations.get(l.tag()).cloned().unwrap_or_default();
                let typed = TranslationFields { id_prefix: "", text_name: "body", text_label: t!(i18n, "notice-body"), title, text };
                translation(i18n, l, typed, stale.contains(&l.tag().to_string()), original)
            }).collect_view()}
        </fieldset>
    };
    let files = files_fieldset(
        i18n,
        "notice-file",
        files,
        Vec::new(),
        Vec::new(),
        max_file_mb,
        problem("file"),
    );
    let buttons = if published {
        view! { <p class="compose__actions">{submit("save", false, t!(i18n, "notice-save-changes"))}</p> }.into_any_now()
    } else {
        view! {
            <p class="field__hint" data-autosave-status role="status">
                {follow(i18n, move |l| saved_at.with(|s| s.as_ref().map(|s| s.text(l)).unwrap_or_default()))}
            </p>
            <p class="compose__actions">
                {submit("publish", false, t!(i18n, "notice-publish"))}
                {submit("draft", true, t!(i18n, "notice-save-draft"))}
            </p>
        }
        .into_any_now()
    };
    // No `action`: the form posts to the page's own address, which answers with this page.
    view! {
        {summary}
        {notes}
        <form method="post" enctype="multipart/form-data" class="compose" node_ref=form_ref
            on:input=move |_| edited() on:change=move |_| edited()>
            <input type="hidden" name="id" value=move || id.get().map(|id| id.to_string()).unwrap_or_default()/>
            {texts.into_any_now()}
            {audience}
            {timing.into_any_now()}
            {translations.into_any_now()}
            {files}
            {buttons}
        </form>
    }
    .into_any_now()
}
