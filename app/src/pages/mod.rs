//! The pages the router shows.

mod error_panel;
mod home;
mod join;
mod not_found;
mod sections;
mod sign_in;

pub use error_panel::ErrorPanel;
pub use home::HomePage;
pub use join::{JoinRoute, account_action};
pub use not_found::NotFound;
pub use sections::SectionPage;
pub use sign_in::SignInPage;
