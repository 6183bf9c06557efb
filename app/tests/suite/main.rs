//! The app's integration tests, linked as one binary (each test binary is a link of the whole
//! app). They need the database, so they build only with the `ssr` feature.
#![cfg(feature = "ssr")]

mod audience;
mod roster_import;
mod storage;
