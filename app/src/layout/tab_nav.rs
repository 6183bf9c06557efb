//! The six sections: a bottom tab bar on phones, a side column on wide screens (CSS decides).

use super::icons::IconSvg;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::sections::Section;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The section navigation.
#[component]
pub fn TabNav() -> impl IntoView {
    let i18n = I18n::expect();
    let (unread, new_reports, forms) = crate::auth::viewer::ViewerContext::expect()
        .get()
        .map(|v| (v.unread_notices, v.new_reports, v.forms_to_do))
        .unwrap_or((0, 0, 0));
    let links = Section::ALL
        .into_iter()
        .map(|section| {
            let count = match section {
                Section::Notices => unread,
                Section::Reports => new_reports,
                Section::Forms => forms,
                _ => 0,
            };
            let badge = (count > 0).then(|| {
                let count = count.to_string();
                view! {
                    <span class="tab-badge">
                        {count.clone()}
                        <span class="visually-hidden">" "{move || match section {
                            Section::Reports => crate::msg!(
                                i18n.locale(), "reports-new-count", count = count.as_str()
                            ),
                            Section::Forms => crate::msg!(
                                i18n.locale(), "forms-to-do-count", count = count.as_str()
                            ),
                            _ => crate::msg!(i18n.locale(), "notices-unread", count = count.as_str()),
                        }}</span>
                    </span>
                }
            });
            view! {
                <A href=section.href() exact=section == Section::Home>
                    <IconSvg icon=section.icon()/>
                    <span>{section.name(i18n)}</span>
                    {badge}
                </A>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=t!(i18n, "nav-label")>{links}</nav> }.into_any_now()
}
