//! Signing in. Accounts arrive with the school model; until then no credentials can match.

mod sign_in;

pub use sign_in::{SignIn, sign_in, validate_sign_in};
