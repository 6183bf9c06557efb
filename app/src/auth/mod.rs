//! Accounts: signing in and out, joining with an access code, sessions, passwords, throttling.

mod join;
mod reset;
mod sign_in;
pub mod viewer;

#[cfg(feature = "ssr")]
pub mod codes;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use join::{Join, join};
pub use reset::{ResetPassword, reset_password};
pub use sign_in::{SignIn, SignOut, sign_in, sign_out, validate_email, validate_sign_in};
