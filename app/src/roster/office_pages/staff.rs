//! `/admin/staff`: the system admin's list of staff accounts, with a new-account form and each
//! account's suspend, reactivate and reset-code buttons.

use super::{heading, issued, problem};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, follow};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::roster::office::load_staff;
use crate::roster::office_dto::{AccountState, StaffMember, StaffPage, role_name, staff_roles};
use crate::t;
use leptos::prelude::*;

/// The page.
pub fn page() -> AnyView {
    let i18n = I18n::expect();
    let data: Option<Loading<StaffPage>> =
        when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_staff()));
    view! {
        {heading(i18n, "staff-title")}
        {loaded(data, |page| view! { <Staff page/> }.into_any_now())}
    }
    .into_any_now()
}

#[component]
fn Staff(page: StaffPage) -> impl IntoView {
    let i18n = I18n::expect();
    let StaffPage {
        members,
        new,
        problem: refused,
        issued: code,
    } = page;
    let boxes = staff_roles()
        .map(|role| {
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("role-{}", role.code()) value="on"
                        checked=new.roles.contains(&role)/>
                    " "{follow(i18n, move |l| role_name(l, role))}
                </label>
            }
        })
        .collect_view();
    view! {
        {problem(i18n, refused)}
        {issued(i18n, code)}
        <h2>{t!(i18n, "staff-new")}</h2>
        <form method="post" action="/admin/staff">
            <input type="hidden" name="action" value="create"/>
            <div class="field">
                <label for="staff-name">{t!(i18n, "staff-name")}</label>
                <input id="staff-name" name="name" value=new.name required/>
            </div>
            <div class="field">
                <label for="staff-email">{t!(i18n, "sign-in-email")}</label>
                <input id="staff-email" name="email" type="email" value=new.email required/>
            </div>
            <fieldset><legend>{t!(i18n, "staff-roles")}</legend>{boxes}</fieldset>
            <p><button class="button" type="submit">{t!(i18n, "staff-create")}</button></p>
        </form>
        <div class="table-scroll">
            <table class="roster-problems">
                <thead><tr>
                    <th scope="col">{t!(i18n, "staff-name")}</th>
                    <th scope="col">{t!(i18n, "staff-roles")}</th>
                    <th scope="col">{t!(i18n, "staff-state")}</th>
                    <th scope="col">{t!(i18n, "staff-actions")}</th>
                </tr></thead>
                <tbody>{members.into_iter().map(|m| row(i18n, m)).collect_view()}</tbody>
            </table>
        </div>
    }
}

fn row(i18n: I18n, member: StaffMember) -> AnyView {
    let StaffMember {
        account,
        name,
        email,
        roles,
        state,
    } = member;
    let roles = follow(i18n, move |l| {
        roles
            .iter()
            .map(|r| role_name(l, *r))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let state_label = match state {
        AccountState::Active => t!(i18n, "staff-status-active"),
        AccountState::Suspended => t!(i18n, "staff-status-suspended"),
        AccountState::Invited => t!(i18n, "staff-status-invited"),
    };
    let (action, label) = if state == AccountState::Suspended {
        ("activate", t!(i18n, "staff-reactivate"))
    } else {
        ("suspend", t!(i18n, "staff-suspend"))
    };
    view! {
        <tr>
            <td>{name}<br/><small>{email}</small></td>
            <td>{roles}</td>
            <td>{state_label}</td>
            <td>
                <form method="post" action="/admin/staff">
                    <input type="hidden" name="user" value=account/>
                    <button class="button button--secondary" type="submit" name="action" value=action>{label}</button>
                </form>
                <form method="post" action="/admin/staff">
                    <input type="hidden" name="user" value=account/>
                    <button class="button button--secondary" type="submit" name="action" value="reset">{t!(i18n, "staff-reset")}</button>
                </form>
            </td>
        </tr>
    }
    .into_any_now()
}
