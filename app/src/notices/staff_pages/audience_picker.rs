//! Who a notice is for, compactly on a phone: what is chosen shows as chips; a search finds a
//! year group, class or pupil by name (or a pupil by class); the full list waits folded away.
//! Every choice is a real checkbox, so the form posts the same without JavaScript.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, PerLocale, follow};
use crate::layout::form_parts::{check, submit};
use crate::notices::{AudienceChoices, Target, TargetKind};
use crate::{msg, t};
use leptos::either::Either;
use leptos::prelude::*;

/// Most search results shown at once.
const MATCHES_SHOWN: usize = 8;

/// A target's chip label: a pupil comes with their class, as names repeat across classes.
fn chip_label(target: &Target) -> String {
    if target.within.is_empty() {
        target.name.clone()
    } else {
        format!("{} ({})", target.name, target.within)
    }
}

/// Targets whose name (or a pupil's class) contains `query`, ignoring case, not yet chosen.
fn matching(targets: &[Target], chosen: &[(TargetKind, i32)], query: &str) -> Vec<Target> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    targets
        .iter()
        .filter(|t| !chosen.contains(&(t.kind, t.id)))
        .filter(|t| {
            t.name.to_lowercase().contains(&query) || t.within.to_lowercase().contains(&query)
        })
        .take(MATCHES_SHOWN)
        .cloned()
        .collect()
}

/// The picker inside the compose form's audience fieldset. `touched` runs after a choice made
/// without a form event (a chip removed, a search result added), so the draft saves and the
/// reach updates.
///
/// The form's controls are the full list's checkboxes, always in the form (folded away); chips
/// and search results only change what those boxes say, so the form posts the same with or
/// without JavaScript.
#[component]
pub fn AudiencePicker(
    targets: Vec<Target>,
    chosen: Vec<(TargetKind, i32)>,
    touched: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let open_classes: Vec<String> = targets
        .iter()
        .filter(|t| t.kind == TargetKind::Pupil && chosen.contains(&(t.kind, t.id)))
        .map(|t| t.within.clone())
        .collect();
    let has_years = targets.iter().any(|t| t.kind == TargetKind::YearGroup);
    let targets = StoredValue::new(targets);
    let chosen = RwSignal::new(chosen);
    let query = RwSignal::new(String::new());
    // Chips' buttons and the search need the browser: they show once the page is interactive.
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let toggle = move |key: (TargetKind, i32), on: bool| {
        chosen.update(|c| {
            c.retain(|k| *k != key);
            if on {
                c.push(key);
            }
        });
    };
    // The full list's boxes are plain markup with no effect or handler of their own: a school's
    // hundreds of pupils made hydrating the form a long task (a reactive `checked` and a listener
    // per box). One listener on the list follows the boxes; a chip or search result ticks its box.
    let list = NodeRef::<leptos::html::Details>::new();
    let tick_box = move |key: (TargetKind, i32), on: bool| {
        use leptos::wasm_bindgen::JsCast;
        let selector = format!("input[name={}][value=\"{}\"]", key.0.field(), key.1);
        if let Some(Ok(Some(found))) = list.get_untracked().map(|l| l.query_selector(&selector)) {
            found
                .unchecked_into::<leptos::web_sys::HtmlInputElement>()
                .set_checked(on);
        }
    };
    let box_changed = move |ev: leptos::ev::Event| {
        let input = event_target::<leptos::web_sys::HtmlInputElement>(&ev);
        let kind = TargetKind::from_field(&input.name());
        if let (Some(kind), Ok(id)) = (kind, input.value().parse::<i32>()) {
            toggle((kind, id), input.checked());
        }
    };
    // One shape for a chip and a search result: a name and a button that adds or removes it.
    let chip = move |target: Target, on: bool| {
        let key = (target.kind, target.id);
        let label = chip_label(&target);
        let name = label.clone();
        let spoken = follow(i18n, move |l| {
            if on {
                msg!(l, "notice-audience-remove", name = name.as_str())
            } else {
                msg!(l, "notice-audience-add", name = name.as_str())
            }
        });
        view! {
            <li class="chip">
                <span>{label}</span>
                <button type="button" class="chip__button" aria-label=spoken hidden=move || !interactive.get()
                    on:click=move |_| { toggle(key, !on); tick_box(key, !on); touched.run(()) }>
                    {if on { "×" } else { "+" }}
                </button>
            </li>
        }
    };
    let chips = move || {
        chosen
            .with(|c| {
                targets.with_value(|all| {
                    c.iter()
                        .filter_map(|key| all.iter().find(|t| (t.kind, t.id) == *key).cloned())
                        .collect::<Vec<_>>()
                })
            })
            .into_iter()
            .map(|t| chip(t, true))
            .collect_view()
    };
    let matches = move || {
        chosen
            .with(|c| query.with(|q| targets.with_value(|t| matching(t, c, q))))
            .into_iter()
            .map(|t| chip(t, false))
            .collect_view()
    };
    let option = move |target: &Target| {
        let key = (target.kind, target.id);
        view! {
            <label class="check">
                <input type="checkbox" name=key.0.field() value=key.1
                    checked=chosen.with_untracked(|c| c.contains(&key))/>
                " "{target.name.clone()}
            </label>
        }
    };
    let rows = move |keep: &dyn Fn(&Target) -> bool| {
        targets.with_value(|all| all.iter().filter(|t| keep(t)).map(option).collect_view())
    };
    let mut classes: Vec<String> = Vec::new();
    targets.with_value(|all| {
        for t in all.iter().filter(|t| t.kind == TargetKind::Pupil) {
            if !classes.contains(&t.within) {
                classes.push(t.within.clone());
            }
        }
    });
    // Hydrating, the pupils' boxes are left as the server sent them rather than walked one by
    // one: they hold no reactive part, the list's one listener and `tick_box` reach them through
    // the page, and a school's hundreds of pupils were most of the form's hydration and of its
    // long task on a phone. Rendered in the browser (after moving here from another page), they
    // are built as usual.
    let hydrating = cfg!(feature = "hydrate")
        && Owner::current_shared_context().is_some_and(|context| context.during_hydration());
    let pupils = if hydrating {
        Either::Left(view! { <div class="audience__pupil-list"></div> })
    } else {
        let by_class = classes
            .into_iter()
            .map(|class| {
                let open = open_classes.contains(&class);
                let list = rows(&|t| t.kind == TargetKind::Pupil && t.within == class);
                view! { <details class="audience__pupils" open=open><summary>{class}</summary>{list}</details> }
            })
            .collect_view();
        Either::Right(view! { <div class="audience__pupil-list">{by_class}</div> })
    };
    view! {
        <ul class="chips" aria-label=t!(i18n, "notice-audience-chosen")>{chips}</ul>
        <div class="audience__search" hidden=move || !interactive.get()>
            <label for="audience-search">{t!(i18n, "notice-audience-search")}</label>
            <input id="audience-search" type="search" autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <ul class="chips audience__matches">{matches}</ul>
        </div>
        <details class="audience__all" node_ref=list on:change=box_changed>
            <summary>{t!(i18n, "notice-audience-browse")}</summary>
            {has_years.then(|| view! { <p class="audience__group">{t!(i18n, "notice-audience-year-groups")}</p> })}
            {rows(&|t| t.kind == TargetKind::YearGroup)}
            <p class="audience__group">{t!(i18n, "notice-audience-classes")}</p>
            {rows(&|t| t.kind == TargetKind::Class)}
            <p class="audience__group">{t!(i18n, "notice-audience-pupils")}</p>
            {pupils}
        </details>
    }
    .into_any_now()
}

/// What a staff form had ticked for its audience.
pub struct Ticked<'a> {
    /// The whole school.
    pub whole_school: bool,
    /// Staff only.
    pub staff_only: bool,
    /// Year groups.
    pub year_groups: &'a [i32],
    /// Classes.
    pub classes: &'a [i32],
    /// Single pupils.
    pub pupils: &'a [i32],
}

/// A staff form's audience fieldset: the whole school (for those who may), the picker, staff
/// only, the reach and "Check who it reaches".
pub fn audience_fieldset(
    i18n: I18n,
    choices: AudienceChoices,
    ticked: Ticked,
    reach: RwSignal<Option<PerLocale<String>>>,
    problems: AnyView,
    touched: Callback<()>,
) -> AnyView {
    let chosen: Vec<(TargetKind, i32)> = choices
        .targets
        .iter()
        .map(|t| (t.kind, t.id))
        .filter(|(kind, id)| match kind {
            TargetKind::YearGroup => ticked.year_groups.contains(id),
            TargetKind::Class => ticked.classes.contains(id),
            TargetKind::Pupil => ticked.pupils.contains(id),
        })
        .collect();
    let (whole_school, staff_only) = (ticked.whole_school, ticked.staff_only);
    view! {
        <fieldset id="field-audience" class="audience">
            <legend>{t!(i18n, "notice-audience")}</legend>
            {problems}
            {choices.whole_school.then(|| check("whole_school", "on".into(), whole_school, t!(i18n, "notice-audience-school")))}
            <AudiencePicker targets=choices.targets chosen touched/>
            {check("staff_only", "on".into(), staff_only, t!(i18n, "notice-audience-staff"))}
            {reach_line(i18n, reach)}
            {submit("check", true, t!(i18n, "notice-check-reach"))}
        </fieldset>
    }
    .into_any_now()
}

/// The reach line under the picker, in the reader's language.
pub fn reach_line(i18n: I18n, reach: RwSignal<Option<PerLocale<String>>>) -> AnyView {
    let text = follow(i18n, move |l| {
        reach.with(|r| r.as_ref().map(|r| r.text(l)).unwrap_or_default())
    });
    view! { <p class="audience__reach" role="status">{text}</p> }.into_any_now()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(kind: TargetKind, id: i32, name: &str, within: &str) -> Target {
        Target {
            kind,
            id,
            name: name.into(),
            within: within.into(),
        }
    }

    #[test]
    fn search_finds_by_name_or_class_ignoring_case_and_skips_what_is_chosen() {
        let all = [
            target(TargetKind::YearGroup, 1, "Year 3", ""),
            target(TargetKind::Class, 2, "3A", ""),
            target(TargetKind::Pupil, 3, "Amira Khan", "3A"),
            target(TargetKind::Pupil, 4, "Ben Ode", "4B"),
        ];
        let names = |found: Vec<Target>| found.into_iter().map(|t| t.id).collect::<Vec<_>>();
        assert_eq!(names(matching(&all, &[], "3a")), [2, 3]);
        assert_eq!(names(matching(&all, &[(TargetKind::Class, 2)], "3A")), [3]);
        assert_eq!(names(matching(&all, &[], "khan")), [3]);
        assert!(matching(&all, &[], "  ").is_empty());
        assert_eq!(chip_label(&all[2]), "Amira Khan (3A)");
    }

    /// The list's one listener reads which choice a box is from its field's name.
    #[test]
    fn a_box_is_read_back_from_its_field_name() {
        for kind in [TargetKind::YearGroup, TargetKind::Class, TargetKind::Pupil] {
            assert_eq!(TargetKind::from_field(kind.field()), Some(kind));
        }
        assert_eq!(TargetKind::from_field("whole_school"), None);
        assert_eq!(TargetKind::from_field(""), None);
    }
}
