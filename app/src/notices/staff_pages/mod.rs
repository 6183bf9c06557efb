//! Staff notice pages in the app frame: the list, each notice's figures and the compose form
//! (with its compact audience picker), as lazily loaded routes (staff code a parent never
//! downloads) on typed data (`staff_dto`, `compose_dto`).

pub(crate) mod audience_picker;
mod compose;
mod figures;
mod list;

pub use compose::ComposeRoute;
pub use figures::StaffNoticeRoute;
pub use list::StaffNoticesRoute;
