//! The few shapes staff forms are built from — a labelled field, an input, a checkbox, a
//! select's options, a submit button, a field's problems — each compiled once: every distinct
//! view shape costs wasm in the chunks that use it.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, PerLocale, follow, localized};
use crate::layout::{TextArea, endonym};
use crate::notices::{AttachedFile, FormProblem};
use crate::{msg, t};
use leptos::prelude::*;
use std::sync::Arc;

/// The problems for `field`, beside it.
pub fn problems_for(i18n: I18n, problems: &Arc<Vec<FormProblem>>, field: &str) -> AnyView {
    problems
        .iter()
        .filter(|p| p.field == field)
        .map(|p| view! { <p class="form-error">{localized(i18n, p.text.clone())}</p> })
        .collect_view()
        .into_any_now()
}

/// A labelled field: its label, the control, an optional hint, and its problems.
pub fn labelled(
    field: Option<String>,
    control: String,
    label: crate::i18n::Text,
    input: AnyView,
    hint: Option<crate::i18n::Text>,
    problems: AnyView,
) -> AnyView {
    view! {
        <div class="field" id=field>
            <label for=control>{label}</label>
            {input}
            {hint.map(|hint| view! { <p class="field__hint">{hint}</p> })}
            {problems}
        </div>
    }
    .into_any_now()
}

/// A one-line input.
pub fn input(id: String, name: String, kind: &'static str, value: String) -> AnyView {
    view! { <input id=id name=name type=kind value=value/> }.into_any_now()
}

/// A checkbox with its label around it.
pub fn check(
    name: &'static str,
    value: String,
    checked: bool,
    label: crate::i18n::Text,
) -> AnyView {
    view! {
        <label class="check"><input type="checkbox" name=name value=value checked=checked/>" "{label}</label>
    }
    .into_any_now()
}

/// A select's options: value, shown text, chosen.
pub fn options(choices: Vec<(&'static str, crate::i18n::Text, bool)>) -> AnyView {
    choices
        .into_iter()
        .map(|(value, text, selected)| view! { <option value=value selected=selected>{text}</option> })
        .collect_view()
        .into_any_now()
}

/// A select's options whose words come with the page's data: value, text in each language;
/// the one whose value is `chosen` selected.
pub fn localized_options(
    i18n: I18n,
    choices: Vec<(String, PerLocale<String>)>,
    chosen: &str,
) -> AnyView {
    choices
        .into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{localized(i18n, text)}</option> }
        })
        .collect_view()
        .into_any_now()
}

/// A submit button naming the action.
pub fn submit(action: &'static str, secondary: bool, label: crate::i18n::Text) -> AnyView {
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    view! { <button class=class type="submit" name="action" value=action>{label}</button> }
        .into_any_now()
}

/// Every problem of the last save above the form under `heading` (what became of the save),
/// each a link to its field.
pub fn problem_summary(
    i18n: I18n,
    heading: crate::i18n::Text,
    problems: &[FormProblem],
) -> Option<AnyView> {
    (!problems.is_empty()).then(|| {
        view! {
            <div class="form-error" role="alert">
                <p>{heading}</p>
                <ul>
                    {problems.iter().map(|p| view! {
                        <li><a href=format!("#field-{}", p.field)>{localized(i18n, p.text.clone())}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any_now()
    })
}

/// Notes from the last save ("Draft saved"), each announced.
pub fn save_notes(i18n: I18n, notes: Vec<PerLocale<String>>) -> AnyView {
    notes
        .into_iter()
        .map(|note| view! { <p class="notice-note" role="status">{localized(i18n, note)}</p> })
        .collect_view()
        .into_any_now()
}

/// The select of the text's original language; choosing one hides that language's translation
/// block (see [`translation`]).
pub fn language_field(i18n: I18n, control: &'static str, original: RwSignal<Locale>) -> AnyView {
    let chosen = original.get_untracked();
    let select = view! {
        <select id=control name="language"
            on:change=move |ev| if let Some(l) = Locale::from_tag(&event_target_value(&ev)) { original.set(l) }>
            {options(Locale::ALL.into_iter().map(|l| (l.tag(), crate::i18n::fixed(endonym(l)), l == chosen)).collect())}
        </select>
    };
    labelled(
        Some("field-language".into()),
        control.into(),
        t!(i18n, "notice-language"),
        select.into_any_now(),
        None,
        ().into_any_now(),
    )
}

/// What one translation block holds: the ids' prefix, the text field's name and label, and the
/// title and text as typed.
pub struct TranslationFields {
    /// Prefix of the controls' ids (`title` gives `title-zh-CN`).
    pub id_prefix: &'static str,
    /// The text field's name before the tag (`body` gives `body_zh-CN`).
    pub text_name: &'static str,
    /// The text field's label.
    pub text_label: crate::i18n::Text,
    /// The title as typed.
    pub title: String,
    /// The text as typed.
    pub text: String,
}

/// One language's translation block; the original's language has none, so its block hides.
pub fn translation(
    i18n: I18n,
    language: Locale,
    fields: TranslationFields,
    stale: bool,
    original: RwSignal<Locale>,
) -> AnyView {
    let tag = language.tag();
    let TranslationFields {
        id_prefix,
        text_name,
        text_label,
        title,
        text,
    } = fields;
    let (title_id, text_id) = (
        format!("{id_prefix}title-{tag}"),
        format!("{id_prefix}{text_name}-{tag}"),
    );
    let title = view! { <input id=title_id.clone() name=format!("title_{tag}") dir=language.dir() lang=tag value=title/> };
    view! {
        <div class="translation" hidden=move || original.get() == language>
            <h2 dir=language.dir() lang=tag>{endonym(language)}</h2>
            {stale.then(|| view! { <p class="stale">{t!(i18n, "notice-translation-stale")}</p> })}
            {labelled(None, title_id, t!(i18n, "notice-title"), title.into_any_now(), None, ().into_any_now())}
            {labelled(None, text_id.clone(), text_label,
                view! { <TextArea id=text_id name=format!("{text_name}_{tag}") lang=tag rows=5 value=text/> }.into_any_now(),
                None, ().into_any_now())}
        </div>
    }
    .into_any_now()
}

/// The files a form carries: each with a "Remove …" box (ticked when in `removed`; the id of a
/// file `held` for the form goes back with the next post), then a file input for more.
pub fn files_fieldset(
    i18n: I18n,
    input_id: &'static str,
    files: Vec<AttachedFile>,
    held: Vec<i32>,
    removed: Vec<i32>,
    max_mb: u32,
    problem: AnyView,
) -> AnyView {
    let mb = max_mb.to_string();
    view! {
        <fieldset id="field-file">
            <legend>{t!(i18n, "notice-files")}</legend>
            {problem}
            {files.into_iter().map(|file| {
                let name = file.name;
                let id = file.id.to_string();
                let keep = held.contains(&file.id).then(|| view! { <input type="hidden" name="held_file" value=id.clone()/> });
                let label = follow(i18n, move |l| msg!(l, "notice-file-remove-named", file = name.as_str()));
                view! { {keep}{check("remove_file", id, removed.contains(&file.id), label)} }
            }).collect_view()}
            {labelled(None, input_id.into(), t!(i18n, "notice-file-add"),
                view! { <input id=input_id name="file" type="file" multiple
                    accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"/> }.into_any_now(),
                Some(follow(i18n, move |l| msg!(l, "notice-file-size", mb = mb.as_str()))), ().into_any_now())}
        </fieldset>
    }
    .into_any_now()
}
