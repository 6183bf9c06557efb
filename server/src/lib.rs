//! The Schoolgate server: configuration, the axum router with its middleware, and start-up.

pub mod config;
pub mod csrf;
pub mod headers;
pub mod page_posts;
pub mod router;
pub mod startup;
