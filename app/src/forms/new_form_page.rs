//! `/admin/forms/new?template=`: a new form from a template, or from the school's own
//! questions on the question editor — a plain form posting to its own address, so it works
//! without JavaScript and a refused one comes back as typed. A lazily loaded route of its own:
//! the editor's code is downloaded only by those who make a form.

use super::STAFF_FORMS_PATH;
use super::load_new_form;
use super::staff_dto::{Builder, NewFormPage};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, localized};
use crate::layout::TextArea;
use crate::notices::compose_dto::TargetKind;
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// The new form's address.
const NEW_FORM_PATH: &str = "/admin/forms/new";

/// A lazily loaded route for the new form page.
pub struct NewFormRoute {
    /// The template the query names (`templates::code`).
    template: Option<String>,
}

#[lazy_route]
impl LazyRoute for NewFormRoute {
    fn data() -> Self {
        Self {
            template: use_query_map().with_untracked(|q| q.get("template")),
        }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let template = this.template;
        let data: Option<Loading<PageData>> = when_signed_in(|| {
            crate::pages::loading::resource(move || template.clone(), load_new_form)
        });
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-forms")/>
            {loaded_as(data, move |page: NewFormPage| new_form(i18n, page))}
        }
        .into_any_now()
    }
}

fn new_form(i18n: I18n, page: NewFormPage) -> AnyView {
    let NewFormPage {
        texts,
        targets,
        ticked,
        closes,
        problem,
        template,
        words,
        builder,
    } = page;
    let [
        heading,
        title,
        details,
        audience,
        closes_label,
        create,
        not_created,
    ] = words;
    // Enter in a field presses the form's first button: on the question editor that must be
    // this one, never one that removes or moves a question. Out of reach of the keyboard and of
    // screen readers, who have the real one.
    let default_button = builder.is_some().then(|| {
        view! {
            <button class="visually-hidden" type="submit" name="action" value="create" tabindex="-1"
                aria-hidden="true">{localized(i18n, create.clone())}</button>
        }
    });
    let builder = builder.map(|builder| question_editor(i18n, builder));
    let languages = texts
        .into_iter()
        .map(|text| {
            let tag = text.language.clone();
            let lang = Locale::from_tag(&tag).unwrap_or_default().tag();
            let (title_id, details_id) = (format!("form-title-{tag}"), format!("form-details-{tag}"));
            view! {
                <fieldset class="form-question">
                    <legend>{localized(i18n, text.label)}</legend>
                    <div class="field">
                        <label for=title_id.clone()>{localized(i18n, title.clone())}</label>
                        <input id=title_id name=format!("title_{tag}") dir=crate::i18n::dir_of(lang) lang=lang value=text.title/>
                    </div>
                    <div class="field">
                        <label for=details_id.clone()>{localized(i18n, details.clone())}</label>
                        <TextArea id=details_id name=format!("details_{tag}") rows=4 lang=lang value=text.details/>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let choices = targets
        .into_iter()
        .map(|target| {
            let value = match target.kind {
                TargetKind::YearGroup => format!("y{}", target.id),
                _ => format!("c{}", target.id),
            };
            let checked = ticked.contains(&value);
            view! {
                <label class="check">
                    <input type="checkbox" name="target" value=value checked=checked/>
                    {target.name}
                </label>
            }
        })
        .collect_view();
    view! {
        <p><a class="back-link" href=STAFF_FORMS_PATH>{t!(i18n, "nav-forms")}</a></p>
        <h1>{localized(i18n, heading)}</h1>
        <form method="post" action=NEW_FORM_PATH class="form-answers">
            {default_button}
            <input type="hidden" name="template" value=template/>
            {problem.map(|problem| view! {
                <div class="form-error" role="alert">
                    <p>{localized(i18n, not_created)}</p>
                    <p>{localized(i18n, problem)}</p>
                </div>
            })}
            {languages}
            {builder}
            <fieldset class="form-question">
                <legend>{localized(i18n, audience)}</legend>
                {choices}
            </fieldset>
            <div class="field">
                <label for="form-closes">{localized(i18n, closes_label)}</label>
                <input id="form-closes" name="closes" type="date" value=closes/>
            </div>
            <button class="button" type="submit" name="action" value="create">
                {localized(i18n, create)}
            </button>
        </form>
    }
    .into_any_now()
}

/// The questions of a form with the school's own questions: each in its box, with its kind, its
/// words in every language, and buttons that post the page to add, remove or move a question.
fn question_editor(i18n: I18n, builder: Builder) -> AnyView {
    let Builder {
        questions,
        kinds,
        languages,
        words,
        per_family,
        family_words,
    } = builder;
    let [heading, kind_label, required_label, ask_label, add, hint] = words;
    let [who, per_child_label, per_family_label] = family_words;
    let questions = questions
        .into_iter()
        .map(|question| {
            let n = question.number;
            let kind_id = format!("q{n}-kind");
            let when_id = format!("q{n}-when");
            let kinds = kinds
                .iter()
                .map(|(code, name)| {
                    let selected = *code == question.kind;
                    view! { <option value=code.clone() selected=selected>{localized(i18n, name.clone())}</option> }
                })
                .collect_view();
            let texts = languages
                .iter()
                .zip(question.texts)
                .map(|((tag, labels), [label, options, wording])| {
                    let lang = Locale::from_tag(tag).unwrap_or_default().tag();
                    let [label_label, options_label, wording_label] = labels.clone();
                    let ids = [
                        format!("q{n}-label-{tag}"),
                        format!("q{n}-options-{tag}"),
                        format!("q{n}-wording-{tag}"),
                    ];
                    view! {
                        <div class="field">
                            <label for=ids[0].clone()>{localized(i18n, label_label)}</label>
                            <input id=ids[0].clone() name=format!("q{n}_label_{tag}") dir=crate::i18n::dir_of(lang) lang=lang value=label/>
                        </div>
                        <div class="field">
                            <label for=ids[1].clone()>{localized(i18n, options_label)}</label>
                            <TextArea id=ids[1].clone() name=format!("q{n}_options_{tag}") rows=3 lang=lang value=options/>
                        </div>
                        <div class="field">
                            <label for=ids[2].clone()>{localized(i18n, wording_label)}</label>
                            <TextArea id=ids[2].clone() name=format!("q{n}_wording_{tag}") rows=3 lang=lang value=wording/>
                        </div>
                    }
                })
                .collect_view();
            let conditions = question
                .conditions
                .into_iter()
                .map(|(value, label)| {
                    let selected = value == question.when;
                    view! { <option value=value selected=selected>{localized(i18n, label)}</option> }
                })
                .collect_view();
            view! {
                <fieldset class="form-question builder-question">
                    <legend>{localized(i18n, question.heading)}</legend>
                    <div class="field">
                        <label for=kind_id.clone()>{localized(i18n, kind_label.clone())}</label>
                        <select id=kind_id name=format!("q{n}_kind")>{kinds}</select>
                    </div>
                    <label class="check">
                        <input type="checkbox" name=format!("q{n}_required") value="on"
                            checked=question.required/>
                        {localized(i18n, required_label.clone())}
                    </label>
                    {texts}
                    <div class="field">
                        <label for=when_id.clone()>{localized(i18n, ask_label.clone())}</label>
                        <select id=when_id name=format!("q{n}_when")>{conditions}</select>
                    </div>
                    <p class="builder-actions">
                        {question.up.map(|up| view! {
                            <button class="button button--secondary" type="submit" name="action"
                                value=format!("up-{n}")>{localized(i18n, up)}</button>
                        })}
                        <button class="button button--secondary" type="submit" name="action"
                            value=format!("remove-{n}")>{localized(i18n, question.remove)}</button>
                    </p>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset class="form-question">
            <legend>{localized(i18n, who)}</legend>
            <label class="check">
                <input type="radio" name="per_family" value="0" checked=!per_family/>
                {localized(i18n, per_child_label)}
            </label>
            <label class="check">
                <input type="radio" name="per_family" value="1" checked=per_family/>
                {localized(i18n, per_family_label)}
            </label>
        </fieldset>
        <h2>{localized(i18n, heading)}</h2>
        <p class="hint">{localized(i18n, hint)}</p>
        {questions}
        <p>
            <button class="button button--secondary" type="submit" name="action" value="add">
                {localized(i18n, add)}
            </button>
        </p>
    }
    .into_any_now()
}
