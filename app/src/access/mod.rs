//! Who may do what: roles, the capabilities each grants, and how far each reaches.
//!
//! Every server function starts with [`authorize`] (or [`current_actor`] for what any signed-in
//! user may do), then checks the object's audience against the grant.

#[cfg(feature = "ssr")]
mod actor;
#[cfg(feature = "ssr")]
pub mod cache;
mod roles;

#[cfg(feature = "ssr")]
pub use actor::{
    Actor, Child, CurrentActor, Granted, authorize, children_of, current_actor, grant, load_actor,
    status,
};
pub use roles::{Capability, Role, Scope, allowed_scope};
