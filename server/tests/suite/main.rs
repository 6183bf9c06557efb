//! The server's integration tests, linked as one binary: nine binaries of the whole portal each
//! took a link and hundreds of megabytes, and together once filled CI's disk.
//!
//! Every test runs on a multi-threaded runtime, as the server does: on a single-threaded one a
//! signed-in home page twice waited past two minutes for the SQLite pool (a connection is handed
//! back by a task of its own, which must get a turn).

mod support;

mod accounts;
mod actor_cache;
mod authorization;
mod binary;
mod calendar;
mod calendar_editor;
mod calendar_files;
mod calendar_import;
mod calendar_public;
mod changes;
mod family_forms;
mod form_builder;
mod form_files;
mod form_storm;
mod forms;
mod forms_follow_up;
mod forms_to_do;
mod malformed;
mod news;
mod news_comments;
mod news_edits;
mod news_withheld;
mod news_years;
mod notices;
mod outbox;
mod reports;
mod router_build;
mod surface;
