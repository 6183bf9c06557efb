//! Schoolgate's application: components, routes and server functions, shared by server and browser.

pub mod access;
pub mod app;
pub mod assets;
pub mod audience;
pub mod auth;
pub mod calendar;
pub mod children;
pub mod codec;
pub mod error;
pub mod forms;
pub mod frame_context;
pub mod hydrate_now;
pub mod i18n;
pub mod layout;
pub mod news;
pub mod notices;
pub mod page_data;
pub mod pages;
pub mod reports;
pub mod roster;
pub mod sanitized;
pub mod school;
pub mod sections;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod exports;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod posted;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod storage;

pub use app::{App, shell};
