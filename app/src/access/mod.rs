//! Who may do what: roles, the capabilities each grants, and how far each reaches.
//!
//! This is the one table later server functions consult (together with the audience of the
//! thing asked for) before they do anything.

mod roles;

pub use roles::{Capability, Role, Scope, allowed_scope};
