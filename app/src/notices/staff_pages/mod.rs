//! Staff notice pages in the app frame: the list and each notice's figures, as lazily loaded
//! routes (staff code a parent never downloads) on typed data (`staff_dto`). Composing is still
//! a server-rendered document (`staff::compose`); its links leave the app with a full load.

mod figures;
mod list;

pub use figures::StaffNoticeRoute;
pub use list::StaffNoticesRoute;
