//! Reading the contexts `App` provides to every page (language, school, viewer).

use leptos::prelude::use_context;

/// The context of type `T` that `App` provided.
///
/// In the browser a missing one is a programming error and panics. On the server it also goes
/// missing when the browser walks away mid-render: Leptos disposes of the request's owner while
/// a component is still running, and what it renders then is thrown away, so `fallback` stands
/// in rather than a panic in the log.
pub fn provided<T: Clone + 'static>(fallback: impl FnOnce() -> T) -> T {
    match use_context::<T>() {
        Some(found) => found,
        None if cfg!(feature = "ssr") => fallback(),
        None => panic!("{} is provided by App", std::any::type_name::<T>()),
    }
}
