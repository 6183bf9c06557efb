//! The pages the router shows.

mod account_form;
mod error_panel;
mod home;
mod join;
pub mod loading;
mod not_found;
mod office_tools;
mod reset;
mod sign_in;

pub use error_panel::ErrorPanel;
pub use home::HomePage;
pub use join::JoinRoute;
pub use not_found::NotFound;
pub use office_tools::{OfficeToolsRoute, StaffTool, StaffTools};
pub use reset::ResetRoute;
pub use sign_in::SignInPage;
