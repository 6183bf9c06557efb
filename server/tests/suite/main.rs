//! The server's integration tests, linked as one binary: nine binaries of the whole portal each
//! took a link and hundreds of megabytes, and together once filled CI's disk.

mod support;

mod accounts;
mod actor_cache;
mod authorization;
mod binary;
mod calendar;
mod malformed;
mod notices;
mod outbox;
mod surface;
