//! `/admin/notices/:id`: one notice for staff — its facts, who it reached, read and acknowledged
//! (overall, per class with a bar chart, and who is still waiting), its text, translations,
//! files and history. Remind, withdraw and export are plain form posts and links.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, dir_of, follow, localized};
use crate::notices::{
    ClassRow, FigureSummary, HistoryAction, NoticeState, StaffNotice, load_staff_notice, percent,
};
use crate::pages::loading::{Loading, address_id, loaded, when_signed_in};
use crate::sanitized::SanitizedBody;
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: staff code a parent never downloads. Its data starts loading in
/// `view()`, so the data types' decoding is in this chunk, not in the main wasm.
pub struct StaffNoticeRoute;

#[lazy_route]
impl LazyRoute for StaffNoticeRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let id = address_id();
        let id = move || id().unwrap_or(0);
        let notice: Option<Loading<StaffNotice>> =
            when_signed_in(|| crate::pages::loading::resource(id, load_staff_notice));
        view! {
            <p><a class="back-link" href="/admin/notices">{t!(i18n, "notice-back-to-list")}</a></p>
            {loaded(notice, |notice| view! { <Notice notice/> }.into_any_now())}
        }
        .into_any_now()
    }
}

/// The note a remind post returns with (`?reminded=N`, `?remind=too-soon|nobody`).
fn remind_note(locale: Locale, reminded: Option<String>, remind: Option<String>) -> String {
    match (reminded, remind.as_deref()) {
        (Some(count), _) => msg!(locale, "notice-reminded", count = count.as_str()),
        (None, Some("too-soon")) => msg!(locale, "notice-remind-too-soon"),
        (None, Some("nobody")) => msg!(locale, "notice-remind-nobody"),
        _ => String::new(),
    }
}

fn class_name(locale: Locale, name: &str) -> String {
    if name.is_empty() {
        msg!(locale, "notice-no-class")
    } else {
        name.to_string()
    }
}

#[component]
fn Notice(notice: StaffNotice) -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let note = crate::i18n::as_signal(follow(i18n, move |l| {
        query.with(|q| remind_note(l, q.get("reminded"), q.get("remind")))
    }));
    let no_note = Signal::derive(move || note.with(String::is_empty));
    let StaffNotice {
        id,
        language,
        title,
        body,
        state,
        category,
        published,
        expires,
        ack_required,
        ack_by,
        may_change,
        figures,
        translations,
        files,
        history,
        revisions,
    } = notice;
    let fact = |term: crate::i18n::Text, value: crate::i18n::Text| view! { <dt>{term}</dt><dd>{value}</dd> };
    let facts = view! {
        <dl class="facts">
            {fact(t!(i18n, "notice-status"), follow(i18n, move |l| state.label(l)))}
            {fact(t!(i18n, "notice-category"), follow(i18n, move |l| category.name(l)))}
            {published.map(|p| fact(t!(i18n, "notice-published-at"), localized(i18n, p)))}
            {expires.map(|p| fact(t!(i18n, "notice-expires-at"), localized(i18n, p)))}
            {ack_required.then(|| fact(t!(i18n, "notice-ack"), follow(i18n, move |l| {
                ack_by.as_ref().map(|d| d.text(l)).unwrap_or_else(|| msg!(l, "notice-ack-required"))
            })))}
        </dl>
    }
    .into_any_now();
    let out = matches!(
        state,
        NoticeState::Scheduled | NoticeState::Published | NoticeState::Expired
    );
    let actions = view! {
        <div class="compose__actions">
            {(may_change && state != NoticeState::Withdrawn).then(|| view! {
                <a class="button" href=format!("/admin/notices/{id}/edit")>{t!(i18n, "notice-edit")}</a>
            })}
            {out.then(|| view! {
                <form method="post" action=format!("/admin/notices/{id}/remind")>
                    <button class="button button--secondary" type="submit">{t!(i18n, "notice-remind")}</button>
                </form>
                <a class="button button--secondary" href=format!("/admin/notices/{id}/export.csv") rel="external" download>
                    {t!(i18n, "notice-export")}
                </a>
            })}
            {(out && may_change).then(|| view! {
                <form method="post" action=format!("/admin/notices/{id}/withdraw")>
                    <button class="button button--danger" type="submit">{t!(i18n, "notice-withdraw")}</button>
                </form>
            })}
        </div>
    }
    .into_any_now();
    let translations = (!translations.is_empty()).then(|| view! {
        <h2>{t!(i18n, "notice-translations")}</h2>
        <ul>
            {translations.into_iter().map(|tr| {
                let name = Locale::from_tag(&tr.language)
                    .map(crate::layout::endonym)
                    .unwrap_or_else(|| tr.language.clone());
                view! {
                    <li>
                        <span dir=dir_of(&tr.language) lang=tr.language.clone()>{name}</span>": "
                        <span dir=dir_of(&tr.language) lang=tr.language>{tr.title}</span>
                        {tr.stale.then(|| view! { " "<span class="stale">{t!(i18n, "notice-translation-stale")}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any_now());
    let files = (!files.is_empty()).then(|| {
        view! {
        <h2>{t!(i18n, "notice-files")}</h2>
        <ul>
            {files.into_iter().map(|f| {
                let kb = f.kb.to_string();
                view! {
                    <li>
                        <a href=f.href rel="external" download>{f.name}</a>
                        " ("{follow(i18n, move |l| msg!(l, "notice-file-kb", kb = kb.as_str()))}")"
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any_now()
    });
    let history = (!history.is_empty() || !revisions.is_empty()).then(|| view! {
        <h2>{t!(i18n, "notice-history")}</h2>
        <ul class="history">
            {history.into_iter().map(|e| {
                let action = e.action;
                let line = follow(i18n, move |l| {
                    let what = match action {
                        HistoryAction::Published => msg!(l, "audit-published"),
                        HistoryAction::Edited => msg!(l, "audit-edited"),
                        HistoryAction::Withdrawn => msg!(l, "audit-withdrawn"),
                        HistoryAction::Reminded => msg!(l, "audit-reminded"),
                        HistoryAction::Exported => msg!(l, "audit-exported"),
                    };
                    format!("{} — {what} — {}", e.when.text(l), e.who)
                });
                view! { <li>{line}</li> }
            }).collect_view()}
            {revisions.into_iter().map(|r| {
                let revision = r.revision.to_string();
                let summary = follow(i18n, move |l| {
                    format!("{} — {}", msg!(l, "notice-revision", revision = revision.as_str()), r.when.text(l))
                });
                view! {
                    <li>
                        <details>
                            <summary>{summary}</summary>
                            <div dir=dir_of(&r.language) lang=r.language>
                                <p><strong>{r.title}</strong></p>
                                <pre class="revision">{r.source}</pre>
                            </div>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any_now());
    let page_title = title.clone();
    view! {
        <Title text=page_title/>
        <h1 dir=dir_of(&language) lang=language.clone()>{title.clone()}</h1>
        <p class="notice-note" role="status" hidden=no_note>{note}</p>
        {facts}
        {actions}
        {figures.map(|figures| view! { <Figures figures ack_required/> }.into_any_now())}
        <section class="notice-text" dir=dir_of(&language) lang=language>
            <h2>{title}</h2>
            <SanitizedBody body/>
        </section>
        {translations}
        {files}
        {history}
    }
}

#[component]
fn Figures(figures: FigureSummary, ack_required: bool) -> impl IntoView {
    let i18n = I18n::expect();
    let FigureSummary {
        families,
        reached,
        read,
        acknowledged,
        classes,
        waiting,
    } = figures;
    let totals = view! {
        <ul class="figures__totals">
            <li>{follow(i18n, move |l| {
                let (families, reached) = (families.to_string(), reached.to_string());
                msg!(l, "notice-figures-reached", families = families.as_str(), guardians = reached.as_str())
            })}</li>
            <li>{follow(i18n, move |l| {
                let (count, pct) = (read.to_string(), percent(read, reached).to_string());
                msg!(l, "notice-figures-read", count = count.as_str(), percent = pct.as_str())
            })}</li>
            {ack_required.then(|| view! {
                <li>{follow(i18n, move |l| {
                    let (count, pct) = (acknowledged.to_string(), percent(acknowledged, reached).to_string());
                    msg!(l, "notice-figures-acknowledged", count = count.as_str(), percent = pct.as_str())
                })}</li>
            })}
        </ul>
    }
    .into_any_now();
    let per_class = (!classes.is_empty()).then(|| {
        let chart = view! { <Chart classes=classes.clone()/> }.into_any_now();
        view! {
            {chart}
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, "notice-class")}</th>
                            <th scope="col">{t!(i18n, "notice-reached")}</th>
                            <th scope="col">{t!(i18n, "notice-read")}</th>
                            {ack_required.then(|| view! { <th scope="col">{t!(i18n, "notice-acknowledged")}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {classes.into_iter().map(|c| {
                            let name = c.name.clone();
                            view! {
                                <tr>
                                    <th scope="row">{follow(i18n, move |l| class_name(l, &name))}</th>
                                    <td>{c.reached}</td>
                                    <td>{c.read}</td>
                                    {ack_required.then(|| view! { <td>{c.acknowledged}</td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any_now()
    });
    let count = waiting.len();
    let heading = follow(i18n, move |l| {
        let heading = if ack_required {
            msg!(l, "notice-not-acknowledged")
        } else {
            msg!(l, "notice-not-read")
        };
        format!("{heading} ({count})")
    });
    view! {
        <section class="figures">
            <h2>{t!(i18n, "notice-figures")}</h2>
            {totals}
            {per_class}
            <details class="waiting">
                <summary>{heading}</summary>
                <ul>
                    {waiting.into_iter().map(|g| view! {
                        <li>
                            {g.name}" "<small>{g.children}</small>
                            {g.read.then(|| view! { " — "{t!(i18n, "notice-read")} })}
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// A horizontal bar chart of the read rate per class, drawn as SVG.
#[component]
fn Chart(classes: Vec<ClassRow>) -> impl IntoView {
    const ROW: u32 = 28;
    const LABEL: u32 = 70;
    const BAR: u32 = 200;
    let i18n = I18n::expect();
    let height = ROW * classes.len() as u32 + 4;
    view! {
        <svg class="chart" role="img" aria-label=t!(i18n, "notice-chart-title")
            viewBox=format!("0 0 {} {height}", LABEL + BAR + 50) width="100%"
            preserveAspectRatio="xMinYMin meet">
            {classes.into_iter().enumerate().map(|(i, c)| {
                let y = i as u32 * ROW + 2;
                let pct = percent(c.read, c.reached);
                let name = c.name;
                view! {
                    <text x="0" y=y + 15 font-size="14" fill="#1b1b1b">{follow(i18n, move |l| class_name(l, &name))}</text>
                    <rect x=LABEL y=y width=BAR height="20" fill="#e3e8ee"/>
                    <rect x=LABEL y=y width=BAR * pct / 100 height="20" fill="#1f5f8b"/>
                    <text x=LABEL + BAR + 6 y=y + 15 font-size="14" fill="#1b1b1b">{format!("{pct}%")}</text>
                }
            }).collect_view()}
        </svg>
    }
}
