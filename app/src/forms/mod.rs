//! Digital forms and consent: the forms a school asks families to complete and sign for each
//! child (trip consent, …), and every answer kept with its evidence.
//!
//! Families see their children's forms and answer one in one lazily loaded route (`pages`, the
//! list; `form_page`, a form, with `signature_pad` for the drawn half of a signature, whose
//! stored form `drawing` defines, and `draft` keeping what is typed on the phone until sent). The server side is `definition` (a form's questions and what answers
//! they take), `templates` (the forms a school starts from), `store` (forms and answers in the
//! database), `reader` (what a guardian may see) and `answer` (a submission, with evidence).
//! Staff follow their forms' answers in a third route (`staff_pages`) and make forms in a fourth
//! (`new_form_page`): `create` makes a form from a template or, with `builder`, from the
//! school's own questions; `dashboard` gives each form's figures, `remind` reminds those still
//! to answer, `export` downloads the answers, `trip_list` makes the printable list a trip leader
//! takes along and `on_behalf` records an answer given by phone.

#[cfg(feature = "ssr")]
pub mod answer;
#[cfg(feature = "ssr")]
pub mod attachment;
#[cfg(feature = "ssr")]
pub mod builder;
#[cfg(feature = "ssr")]
pub mod create;
#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod definition;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod draft;
pub mod drawing;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod export;
pub mod form_page;
pub mod new_form_page;
#[cfg(feature = "ssr")]
pub mod on_behalf;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod reader;
#[cfg(feature = "ssr")]
pub mod remind;
pub mod signature_pad;
pub mod staff_dto;
pub mod staff_pages;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod templates;
#[cfg(feature = "ssr")]
pub mod trip_list;

pub use dto::*;

use crate::error::AppError;
use crate::page_data::PageData;
use leptos::prelude::*;

/// The families' forms address.
pub const FORMS_PATH: &str = "/forms";
/// Where staff find the forms they look after.
pub const STAFF_FORMS_PATH: &str = "/admin/forms";

/// The address of form `id` for child `pupil`.
pub fn form_href(id: i32, pupil: i32) -> String {
    format!("{FORMS_PATH}/{id}?child={pupil}")
}

/// The forms the signed-in member of staff looks after ([`staff_dto::StaffFormList`]).
#[server(endpoint = "forms/staff-list", output = crate::codec::Answer)]
pub async fn load_staff_forms() -> Result<PageData, AppError> {
    crate::page_data::answer(dashboard::staff_list().await)
}

/// The new form page ([`staff_dto::NewFormPage`]) from `template` (`trip-consent` when none).
#[server(endpoint = "forms/new", output = crate::codec::Answer)]
pub async fn load_new_form(template: Option<String>) -> Result<PageData, AppError> {
    crate::page_data::answer(create::page(template).await)
}

/// Form `id`'s figures ([`staff_dto::FormFigures`]) for staff who look after it, saying what
/// became of what they just did (`done`, the code a reminder or a recorded answer returned).
#[server(endpoint = "forms/figures", output = crate::codec::Answer)]
pub async fn load_form_figures(id: i32, done: Option<String>) -> Result<PageData, AppError> {
    crate::page_data::answer(dashboard::figures(id, done).await)
}

/// Form `id`'s printable list ([`staff_dto::TripList`]) for staff who look after it.
#[server(endpoint = "forms/trip-list", output = crate::codec::Answer)]
pub async fn load_trip_list(id: i32) -> Result<PageData, AppError> {
    crate::page_data::answer(trip_list::page(id).await)
}

/// Recording a guardian's answer given by phone ([`staff_dto::RecordPage`]) to form `id` for
/// `child`: the guardians to choose from, or the form for the chosen `guardian`.
#[server(endpoint = "forms/record", output = crate::codec::Answer)]
pub async fn load_record_page(
    id: i32,
    child: i32,
    guardian: Option<i32>,
) -> Result<PageData, AppError> {
    crate::page_data::answer(on_behalf::page(id, child, guardian).await)
}
