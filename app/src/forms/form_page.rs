//! `/forms/:id?child=`: one form for one child, as the guardian answers it. A plain form posting
//! to its own address, so it works without JavaScript and a refused submission comes back with
//! everything typed; with JavaScript, questions asked only after a given answer hide until then.
//! The page's language follows the menu, and the language it was shown in is sent with the
//! answers, since that is the wording the guardian agreed to. What a guardian types is kept on
//! their phone until sent (`draft`). In the forms' lazily loaded chunk.

use super::signature_pad::SignaturePad;
use super::{FORMS_PATH, FieldView, FormPage, FormWords, draft, drawing, form_href};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, dir_of, localized};
use crate::layout::TextArea;
use leptos::prelude::*;

/// The answers of questions that decide whether others are asked, as the guardian changes them.
type Controllers = RwSignal<Vec<(String, String)>>;

/// One form for one child; `sent` right after its answers were stored.
pub(super) fn form_page(i18n: I18n, page: FormPage, sent: bool) -> AnyView {
    let FormPage {
        id,
        title,
        intro,
        shown_in,
        due,
        child,
        siblings,
        per_family,
        fields,
        answered,
        version,
        token,
        open,
        can_withdraw,
        problem,
        words,
        on_behalf,
    } = page;
    let action = on_behalf
        .as_ref()
        .map(|o| o.action.clone())
        .unwrap_or_else(|| format!("{FORMS_PATH}/{id}"));
    let back = on_behalf
        .as_ref()
        .map(|o| o.back.clone())
        .unwrap_or_else(|| FORMS_PATH.to_string());
    // The guardian answering for themselves: only they draw their signature and keep a draft;
    // staff taking an answer by phone do neither.
    let own_answer = on_behalf.is_none();
    let recording = on_behalf.map(|o| {
        view! {
            <p class="stale" role="note">{localized(i18n, o.note)}</p>
            <input type="hidden" name="guardian" value=o.guardian_id/>
        }
    });
    let controllers: Controllers = RwSignal::new(
        fields
            .iter()
            .filter(|f| {
                fields
                    .iter()
                    .any(|g| g.shown_when.as_ref().is_some_and(|w| w.0 == f.key))
            })
            .map(|f| (f.key.clone(), f.value.clone()))
            .collect(),
    );
    // Conditions hide questions only once the page can show them again: without JavaScript
    // every question stays visible, with its "answer this if" hint.
    let live = RwSignal::new(false);
    // A guardian's typing is kept on their phone until sent; staff recording a phone answer
    // type it once, at their desk.
    let draft_key = own_answer.then(|| draft::key(id, child.pupil_id));
    let typed = StoredValue::new(draft::Typed::new());
    let restored = RwSignal::new(false);
    let refused = problem.is_some();
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| {
            live.set(true);
            let Some(key) = draft_key.as_deref() else {
                return;
            };
            if sent {
                draft::forget(key);
                return;
            }
            // A refused page already shows what was sent, which is newer than any draft.
            let Some(draft) = (!refused).then(|| draft::load(key, version)).flatten() else {
                return;
            };
            draft::restore(&draft);
            controllers.update(|all| {
                for (controller, value) in all.iter_mut() {
                    if let Some(kept) = draft.get(&format!("f_{controller}")) {
                        value.clone_from(kept);
                    }
                }
            });
            typed.set_value(draft);
            restored.set(true);
        });
    }
    // `input` comes from every kind of answer, radio buttons and dates included, as it changes.
    let on_answer = move |ev: leptos::ev::Event| {
        let Some((name, value)) = draft::answer_of(&ev) else {
            return;
        };
        if let Some(key) = draft_key.as_deref() {
            typed.update_value(|all| {
                all.insert(name.clone(), value.clone());
                draft::save(key, version, all);
            });
        }
        let Some(key) = name.strip_prefix("f_") else {
            return;
        };
        controllers.update(|all| {
            if let Some(entry) = all.iter_mut().find(|(k, _)| k == key) {
                entry.1 = value;
            }
        });
    };
    let written = Written(std::sync::Arc::new(shown_in.clone()));
    let not_translated = {
        let (shown_in, note) = (shown_in, words.not_translated.clone());
        move || {
            let asked = shown_in.get(i18n.locale()).is_some_and(|(_, asked)| *asked);
            (!asked).then(|| view! { <p class="stale" role="note">{note.text(i18n.locale())}</p> })
        }
    };
    // One answer for the whole family names every child it is for, with nothing to switch to.
    let family = per_family.then(|| {
        let names = siblings
            .iter()
            .map(|s| view! { " "<strong>{s.name.clone()}</strong> })
            .collect_view();
        view! {
            <p class="form-page__child">
                <span>{localized(i18n, words.answering_for.clone())}</span>" "
                <strong>{child.name.clone()}</strong>{names}" "
                <span class=child.status.badge_class()>{localized(i18n, child.label.clone())}</span>
            </p>
        }
    });
    let siblings = if per_family { Vec::new() } else { siblings };
    let own_child = (!per_family).then(|| {
        view! {
            <p class="form-page__child">
                <strong>{child.name.clone()}</strong>" "
                <span class=child.status.badge_class()>{localized(i18n, child.label.clone())}</span>
            </p>
        }
    });
    let others = (!siblings.is_empty()).then(|| {
        view! {
            <nav class="form-children" aria-label=localized(i18n, words.answering_for.clone())>
                <span>{localized(i18n, words.answering_for.clone())}" "</span>
                <strong>{child.name.clone()}</strong>
                {siblings.into_iter().map(|s| view! {
                    " · "<a href=form_href(id, s.pupil_id)>{s.name}</a>
                }).collect_view()}
            </nav>
        }
    });
    let done = sent.then(|| {
        view! { <p class="notice-acknowledged" role="status">{localized(i18n, words.sent.clone())}</p> }
    });
    let problem = problem.map(|problem| {
        view! {
            <div class="form-error" role="alert" id="form-problem">
                <p>{localized(i18n, words.not_sent.clone())}</p>
                <p>{localized(i18n, problem)}</p>
            </div>
        }
    });
    let questions = fields
        .into_iter()
        .map(|field| question(i18n, field, controllers, live, &words, own_answer))
        .collect_view();
    let withdraw = can_withdraw.then(|| {
        view! {
            <button class="button button--secondary" type="submit" name="action" value="withdraw">
                {localized(i18n, words.withdraw.clone())}
            </button>
        }
    });
    let send = open.then(|| {
        view! {
            <div class="form-actions">
                <button class="button" type="submit" name="action" value="send">{localized(i18n, words.send.clone())}</button>
                {withdraw}
            </div>
        }
    });
    view! {
        <p><a class="back-link" href=back>{localized(i18n, words.back)}</a></p>
        <article class="form-page">
            <h1 dir=written.dir(i18n) lang=written.lang(i18n)>{localized(i18n, title)}</h1>
            {not_translated}
            <p class="form-page__due">{localized(i18n, due)}</p>
            {others}
            {own_child}
            {family}
            {done}
            {answered.map(|a| view! { <p class="form-page__answered">{localized(i18n, a)}</p> })}
            <div class="form-page__intro" dir=written.dir(i18n) lang=written.lang(i18n)>{localized(i18n, intro)}</div>
            // Multipart, so a question that takes a file can send it, with or without JavaScript.
            <form method="post" action=action class="form-answers" enctype="multipart/form-data" on:input=on_answer>
                {problem}
                {move || restored.get().then(|| view! {
                    <p class="stale" role="status">{localized(i18n, words.draft_restored.clone())}</p>
                })}
                {recording}
                <input type="hidden" name="child" value=child.pupil_id/>
                <input type="hidden" name="token" value=token/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="language" value=move || i18n.locale().tag()/>
                {questions}
                {send}
            </form>
        </article>
    }
    .into_any_now()
}

/// The language the form's title and introduction are shown in for the reader's language —
/// written or translated by the school, so not always the page's. They carry its `lang` and `dir`;
/// the page's own words (buttons, notes) do not. A question's words come from the template's
/// translations or the school's, each on its own, so they take their direction from their text.
#[derive(Clone)]
struct Written(std::sync::Arc<crate::i18n::PerLocale<(String, bool)>>);

impl Written {
    fn tag(&self, locale: crate::i18n::Locale) -> &str {
        self.0.get(locale).map_or("", |(tag, _)| tag.as_str())
    }

    fn lang(&self, i18n: I18n) -> impl Fn() -> String + Send + Sync + 'static {
        let this = self.clone();
        move || this.tag(i18n.locale()).to_string()
    }

    fn dir(&self, i18n: I18n) -> impl Fn() -> &'static str + Send + Sync + 'static {
        let this = self.clone();
        move || dir_of(this.tag(i18n.locale()))
    }
}

/// One question, with its problem and, for one asked only after an answer, that condition.
fn question(
    i18n: I18n,
    field: FieldView,
    controllers: Controllers,
    live: RwSignal<bool>,
    words: &FormWords,
    own_answer: bool,
) -> AnyView {
    let FieldView {
        key,
        kind,
        required: is_required,
        label,
        wording,
        choices,
        shown_when,
        value,
        drawn,
        problem,
        locked,
    } = field;
    let id = format!("field-{key}");
    let name = format!("f_{key}");
    let problem_id = format!("{id}-problem");
    let hint_id = format!("{id}-hint");
    let mut described = Vec::new();
    if problem.is_some() {
        described.push(problem_id.clone());
    }
    if shown_when.is_some() {
        described.push(hint_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = problem.is_some().then_some("true");
    let mark = is_required.then(|| {
        view! { " "<span class="field__required">{localized(i18n, words.required.clone())}</span> }
    });
    let hidden = shown_when.as_ref().map(|(controller, equals, _)| {
        let (controller, equals) = (controller.clone(), equals.clone());
        move || {
            live.get()
                && controllers.with(|all| {
                    all.iter()
                        .find(|(k, _)| *k == controller)
                        .is_none_or(|(_, v)| *v != equals)
                })
        }
    });
    let hint = shown_when.map(|(_, _, hint)| {
        view! { <p class="field__hint" id=hint_id>{localized(i18n, hint)}</p> }
    });
    let problem = problem.map(|p| {
        view! { <p class="form-error" id=problem_id>{localized(i18n, p)}</p> }
    });
    let input = match kind.as_str() {
        "choice" | "yes-no" | "consent" => {
            let statement = wording.map(|w| {
                view! { <p class="form-wording" dir="auto">{localized(i18n, w)}</p> }
            });
            // A choice's options are the school's words; yes/no and consent are the page's.
            let school_words = kind == "choice";
            let lock = locked.then(|| {
                view! { <p class="stale" role="note">{localized(i18n, words.no_consent.clone())}</p> }
            });
            let options = choices
                .into_iter()
                .map(|(option, text)| {
                    let checked = option == value;
                    let dir = school_words.then_some("auto");
                    view! {
                        <label class="check">
                            <input type="radio" name=name.clone() value=option checked=checked disabled=locked/>
                            <span dir=dir>{localized(i18n, text)}</span>
                        </label>
                    }
                })
                .collect_view();
            return view! {
                <fieldset class="form-question" hidden=move || hidden.as_ref().is_some_and(|h| h())
                    aria-describedby=described aria-invalid=invalid>
                    <legend><span dir="auto">{localized(i18n, label)}</span>{mark}</legend>
                    {hint}
                    {statement}
                    {lock}
                    {problem}
                    {options}
                </fieldset>
            }
            .into_any_now();
        }
        "file" => {
            let held = (!value.is_empty()).then(|| {
                view! { <p class="field__hint">{localized(i18n, words.file_held.clone())}" "<strong>{value.clone()}</strong></p> }
            });
            view! {
                {held}
                <p class="field__hint">{localized(i18n, words.file_hint.clone())}</p>
                <input id=id.clone() name=name type="file" accept="application/pdf,.pdf"
                    aria-describedby=described aria-invalid=invalid/>
            }
            .into_any_now()
        }
        "long-text" => view! {
            <TextArea id=id.clone() name=name rows=4 value=value described_by=described.unwrap_or_default()/>
        }
        .into_any_now(),
        other => {
            let (input_type, mode, complete) = match other {
                "number" => ("text", Some("decimal"), None),
                "date" => ("date", None, None),
                "signature" => ("text", None, Some("name")),
                _ => ("text", None, None),
            };
            view! {
                <input id=id.clone() name=name type=input_type inputmode=mode autocomplete=complete
                    value=value aria-describedby=described aria-invalid=invalid/>
            }
            .into_any_now()
        }
    };
    let pad = (own_answer && kind == "signature").then(|| {
        view! {
            <SignaturePad name=format!("f_{}", drawing::key(&key)) initial=drawn
                label=words.draw.clone() clear=words.clear.clone() live=live/>
        }
    });
    view! {
        <div class="field form-question" hidden=move || hidden.as_ref().is_some_and(|h| h())>
            <label for=id><span dir="auto">{localized(i18n, label)}</span>{mark}</label>
            {hint}
            {problem}
            {input}
            {pad}
        </div>
    }
    .into_any_now()
}
