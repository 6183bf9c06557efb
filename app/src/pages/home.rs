//! The home page: a greeting with the school's name and a card per section.

use crate::auth::viewer::ChildSummary;
use crate::auth::viewer::ViewerContext;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::PerLocale;
use crate::i18n::{I18n, dir_of, follow, localized};
use crate::notices::{Board, CardText, HomeRow, NoticeCard, for_reader};
use crate::pages::loading::loaded;
use crate::school::SchoolContext;
use crate::sections::Section;
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;

/// The landing page after sign-in, and the page a visitor first sees.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = I18n::expect();
    let name = SchoolContext::expect().name().unwrap_or_default();
    let cards = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let summary = section.summary(i18n)?;
            Some(view! {
                <li>
                    <a class="card" href=section.href()>
                        <strong>{section.name(i18n)}</strong>
                        <span>{summary}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    let viewer = ViewerContext::expect().get();
    // A guardian's first question: what needs me now, for each child.
    let needs = viewer
        .as_ref()
        .is_some_and(|v| !v.children.is_empty())
        .then(|| {
            // The board's own data (its resource type is the board's, so this adds no decoder).
            let board = crate::notices::reader::board_resource(true);
            let children = viewer
                .as_ref()
                .map(|v| v.children.clone())
                .unwrap_or_default();
            let chosen = viewer.as_ref().and_then(|v| v.selected);
            loaded(board, move |board| {
                let needs = needs_per_child(&board, &children, chosen);
                view! {
                    <section class="needs" aria-labelledby="needs-title">
                        <h2 id="needs-title">{t!(i18n, "home-needs-title")}</h2>
                        <Needs children=needs/>
                    </section>
                    <HomeBlock id="forms-title" heading=t!(i18n, "home-forms-title")
                        nothing=t!(i18n, "home-forms-nothing") rows=board.forms
                        section=("/forms", t!(i18n, "home-forms-link"))/>
                    <HomeBlock id="week-title" heading=t!(i18n, "home-week-title")
                        nothing=t!(i18n, "home-week-nothing") rows=board.this_week
                        section=("/calendar", t!(i18n, "home-week-calendar"))/>
                    <HomeBlock id="latest-title" heading=t!(i18n, "home-latest-title")
                        nothing=t!(i18n, "home-latest-nothing") rows=board.latest
                        section=("/news", t!(i18n, "home-latest-news"))/>
                }
                .into_any_now()
            })
        });
    let staff_notices = viewer.as_ref().is_some_and(|v| v.staff_notices).then(|| {
        view! {
            <li>
                <a class="card" href="/admin/notices">
                    <strong>{t!(i18n, "notice-list-title")}</strong>
                    <span>{t!(i18n, "home-card-staff-notices")}</span>
                </a>
            </li>
        }
    });
    let office = viewer.as_ref().is_some_and(|v| v.office_tools).then(|| {
        view! {
            <li>
                <a class="card" href="/admin">
                    <strong>{t!(i18n, "office-tools-title")}</strong>
                    <span>{t!(i18n, "home-card-office")}</span>
                </a>
            </li>
        }
    });
    view! {
        <Title text=""/>
        <h1>{move || crate::msg!(i18n.locale(), "home-title", school = name.as_str())}</h1>
        <p class="lead">{t!(i18n, "home-intro")}</p>
        {needs}
        <ul class="cards">{cards}{staff_notices}{office}</ul>
    }
    .into_any_now()
}

/// A notice waiting for the guardian's acknowledgement.
#[derive(Clone, Debug, PartialEq)]
struct AckDue {
    notice_id: i32,
    texts: Vec<CardText>,
    by: Option<PerLocale<String>>,
}

/// What needs the guardian now for one child.
#[derive(Clone, Debug, PartialEq)]
struct ChildNeeds {
    name: String,
    unread: usize,
    to_acknowledge: Vec<AckDue>,
}

/// Sorts the board's cards under the children they concern — the chosen child only when one is
/// chosen, as the board does: unread ones counted, those awaiting acknowledgement listed.
fn needs_per_child(
    board: &Board,
    children: &[ChildSummary],
    chosen: Option<i32>,
) -> Vec<ChildNeeds> {
    children
        .iter()
        .filter(|child| chosen.is_none_or(|id| id == child.id))
        .map(|child| {
            let cards: Vec<&NoticeCard> = board
                .cards
                .iter()
                .filter(|card| card.children.iter().any(|c| c.id == child.id))
                .collect();
            ChildNeeds {
                name: match &child.class_name {
                    Some(class) => format!("{} ({class})", child.name),
                    None => child.name.clone(),
                },
                unread: cards.iter().filter(|c| !c.read).count(),
                to_acknowledge: cards
                    .iter()
                    .filter(|c| c.awaiting_ack)
                    .map(|c| AckDue {
                        notice_id: c.id,
                        texts: c.texts.clone(),
                        by: c.ack_by.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A block of rows (the week's events, the latest news), each a link to its page; one view for
/// every block, so the wasm every parent downloads draws them all with the same code.
#[component]
fn HomeBlock(
    /// The heading's id, for the section's label.
    id: &'static str,
    /// The heading.
    heading: crate::i18n::Text,
    /// Said when there are no rows.
    nothing: crate::i18n::Text,
    rows: Vec<HomeRow>,
    /// The section the block comes from, and the words of the link to it.
    section: (&'static str, crate::i18n::Text),
) -> impl IntoView {
    let i18n = I18n::expect();
    // No type-erased branches: each costs the main module a set of rendering functions.
    let nothing = rows.is_empty().then(|| view! { <p>{nothing}</p> });
    let rows = rows
        .into_iter()
        .map(|HomeRow(href, when, what, children, photo)| {
            // The row's words say what it is; the photo beside them only decorates.
            view! {
                <li>
                    <a href=href>
                        {photo.map(|src| view! {
                            <img src=src alt="" width="72" height="72" loading="lazy"/>
                        })}
                        <span class="week__when">{localized(i18n, when)}</span>
                        <strong dir="auto">{localized(i18n, what)}</strong>
                        {children.map(|c| view! { <span>{localized(i18n, c)}</span> })}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="week" aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {nothing}
            <ul class="week__list">{rows}</ul>
            <p><a href=section.0>{section.1}</a></p>
        </section>
    }
}

/// Per child: unread notices and those still to acknowledge, each a link to the notice.
#[component]
fn Needs(children: Vec<ChildNeeds>) -> impl IntoView {
    let i18n = I18n::expect();
    children
        .into_iter()
        .map(|child| {
            let unread = child.unread.to_string();
            let nothing = child.unread == 0 && child.to_acknowledge.is_empty();
            let acks = (!child.to_acknowledge.is_empty()).then(|| {
                view! {
                    <p class="needs__label">{t!(i18n, "home-needs-ack")}</p>
                    <ul class="needs__list">
                        {child.to_acknowledge.into_iter().map(|due| {
                            let texts = std::sync::Arc::new(due.texts);
                            let by = due.by;
                            let language = {
                                let texts = std::sync::Arc::clone(&texts);
                                move |l| for_reader(&texts, l).map_or(String::new(), |t| t.language.clone())
                            };
                            let (lang, dir) = (follow(i18n, language.clone()), follow(i18n, move |l| dir_of(&language(l)).to_string()));
                            view! {
                                <li>
                                    <a href=format!("/notices/{}", due.notice_id)>
                                        <strong dir=dir lang=lang>{follow(i18n, move |l| {
                                            for_reader(&texts, l).map(|t| t.title.clone()).unwrap_or_default()
                                        })}</strong>
                                        {by.map(|by| view! {
                                            <span>{follow(i18n, move |l| {
                                                let date = by.text(l);
                                                msg!(l, "notice-ack-by-date", date = date.as_str())
                                            })}</span>
                                        })}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            });
            view! {
                <article class="needs__child">
                    <h3>{child.name}</h3>
                    {if nothing {
                        view! { <p>{t!(i18n, "home-needs-nothing")}</p> }.into_any_now()
                    } else {
                        // "Unread: 0" above a notice to acknowledge is noise: the count shows only
                        // when there is something unread.
                        let unread = (child.unread > 0).then(|| view! {
                            <p>
                                <a href="/notices">
                                    {follow(i18n, move |l| msg!(l, "home-needs-unread", count = unread.as_str()))}
                                </a>
                            </p>
                        });
                        view! { {unread} {acks} }.into_any_now()
                    }}
                </article>
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::{Category, ConcernedChild};

    fn card(id: i32, children: &[i32], read: bool, awaiting_ack: bool) -> NoticeCard {
        NoticeCard {
            id,
            texts: vec![CardText {
                language: "en-GB".into(),
                title: format!("notice {id}"),
                excerpt: String::new(),
            }],
            category: Category::General,
            pinned: false,
            published: PerLocale::default(),
            children: children
                .iter()
                .map(|&id| ConcernedChild {
                    id,
                    name: format!("child {id}"),
                })
                .collect(),
            read,
            awaiting_ack,
            ack_by: None,
        }
    }

    fn child(id: i32, class: &str) -> ChildSummary {
        ChildSummary {
            id,
            name: format!("child {id}"),
            class_name: Some(class.into()),
        }
    }

    #[cfg(feature = "ssr")]
    fn rendered(children: Vec<ChildNeeds>) -> String {
        use crate::i18n::{I18n, Locale};
        Owner::new().with(|| {
            I18n::provide(Locale::EnGb);
            view! { <Needs children/> }.to_html()
        })
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_unread_count_shows_only_when_something_is_unread() {
        let due = |unread| ChildNeeds {
            name: "Amelia (3A)".into(),
            unread,
            to_acknowledge: vec![AckDue {
                notice_id: 7,
                texts: card(7, &[10], false, true).texts,
                by: None,
            }],
        };
        let html = rendered(vec![due(0)]);
        assert!(!html.contains("Unread notices"), "{html}");
        assert!(
            html.contains("To acknowledge") && html.contains("notice 7"),
            "{html}"
        );
        let html = rendered(vec![due(2)]);
        assert!(html.contains("Unread notices: 2"), "{html}");
        let html = rendered(vec![ChildNeeds {
            to_acknowledge: Vec::new(),
            ..due(0)
        }]);
        assert!(html.contains("Nothing needs your attention."), "{html}");
    }

    #[test]
    fn each_child_gets_their_own_unread_and_acknowledgements() {
        let board = Board {
            cards: vec![
                card(1, &[10], false, true),
                card(2, &[10, 20], false, false),
                card(3, &[20], true, false),
                card(4, &[20], true, true),
            ],
            page: 1,
            older: false,
            unread: 2,
            this_week: Vec::new(),
            latest: Vec::new(),
            forms: Vec::new(),
        };
        let children = [child(10, "3A"), child(20, "5B")];
        let needs = needs_per_child(&board, &children, None);
        assert_eq!(needs.len(), 2);
        assert_eq!(
            (needs[0].name.as_str(), needs[0].unread),
            ("child 10 (3A)", 2)
        );
        let due: Vec<i32> = needs[0]
            .to_acknowledge
            .iter()
            .map(|d| d.notice_id)
            .collect();
        assert_eq!(due, vec![1]);
        assert_eq!(needs[1].unread, 1);
        let due: Vec<i32> = needs[1]
            .to_acknowledge
            .iter()
            .map(|d| d.notice_id)
            .collect();
        assert_eq!(due, vec![4]);
        // With a child chosen in the switcher, only that child.
        let chosen = needs_per_child(&board, &children, Some(20));
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].name, "child 20 (5B)");
        // Nothing on the board: each child says so (no unread, nothing due).
        let empty = needs_per_child(&Board::default(), &children, None);
        assert!(
            empty
                .iter()
                .all(|n| n.unread == 0 && n.to_acknowledge.is_empty())
        );
    }
}
