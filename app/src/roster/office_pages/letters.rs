//! `/admin/letters`: print a class's access-code letters; issue a reset code for a parent.

use super::{heading, issued, problem};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::roster::office::load_letters;
use crate::roster::office_dto::{Letter, LettersPage, PrintedLetters};
use crate::{msg, t};
use leptos::prelude::*;

/// The page: the classes, or the letters just printed.
pub fn page() -> AnyView {
    let i18n = I18n::expect();
    let data: Option<Loading<LettersPage>> =
        when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_letters()));
    view! {
        {heading(i18n, "letters-title")}
        {loaded(data, |page| view! { <Letters page/> }.into_any_now())}
    }
    .into_any_now()
}

#[component]
fn Letters(page: LettersPage) -> impl IntoView {
    let i18n = I18n::expect();
    let LettersPage {
        classes,
        printed,
        reset_email,
        problem: refused,
        issued: code,
    } = page;
    if let Some(printed) = printed {
        return printed_letters(i18n, printed);
    }
    view! {
        <p>{t!(i18n, "letters-intro")}</p>
        <ul class="letters-admin__classes">
            {classes.into_iter().map(|class| {
                let name = class.name;
                view! {
                    <li><form method="post" action="/admin/letters">
                        <input type="hidden" name="class_id" value=class.id/>
                        <button class="button" type="submit">
                            {move || msg!(i18n.locale(), "letters-print-class", class = name.as_str())}
                        </button>
                    </form></li>
                }
            }).collect_view()}
        </ul>
        <h2 id="reset">{t!(i18n, "letters-reset-title")}</h2>
        {problem(i18n, refused)}
        {issued(i18n, code)}
        <form method="post" action="/admin/letters#reset">
            <input type="hidden" name="action" value="reset"/>
            <div class="field">
                <label for="reset-email">{t!(i18n, "sign-in-email")}</label>
                <input id="reset-email" name="email" type="email" value=reset_email required/>
            </div>
            <button class="button" type="submit">{t!(i18n, "staff-reset")}</button>
        </form>
    }
    .into_any_now()
}

/// The letters to print; the page's frame is left out of the printout.
fn printed_letters(i18n: I18n, printed: PrintedLetters) -> AnyView {
    let PrintedLetters {
        school,
        class_name,
        letters,
    } = printed;
    let none = letters.is_empty().then(|| {
        let class_name = class_name.clone();
        view! { <p role="status">{move || msg!(i18n.locale(), "letters-none", class = class_name.as_str())}</p> }
    });
    view! {
        <p class="no-print">{t!(i18n, "letters-print-hint")}</p>
        <p class="no-print"><a class="back-link" href="/admin/letters">{t!(i18n, "letters-title")}</a></p>
        {none}
        {letters.into_iter().map(|letter| one_letter(letter, &school, &class_name)).collect_view()}
    }
    .into_any_now()
}

/// One letter, in the guardian's language whatever the page's.
fn one_letter(letter: Letter, school: &str, class_name: &str) -> AnyView {
    let l = Locale::from_tag(&letter.lang).unwrap_or_default();
    let qr = letter.qr.map(|qr| {
        view! {
            <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {0} {0}", qr.size)
                shape-rendering="crispEdges" aria-hidden="true">
                <rect width=qr.size height=qr.size fill="#fff"/>
                <path d=qr.path fill="#000"/>
            </svg>
        }
    });
    view! {
        <section class="letter" lang=l.tag() dir=l.dir()>
            <p class="letter__school">{format!("{school} · {class_name}")}</p>
            <h2>{letter.title}</h2>
            <p>{letter.greeting}</p>
            <p>{letter.intro}</p>
            <p class="letter__label">{letter.code_label}</p>
            <p class="letter__code">{letter.code}</p>
            <div class="letter__qr" role="img" aria-label=letter.qr_label>{qr}</div>
            <p class="letter__link">{letter.link}</p>
            <p>{letter.expiry}</p>
        </section>
    }
    .into_any_now()
}
