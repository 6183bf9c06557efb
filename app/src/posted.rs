//! Form posts a page sends to its own address: the server handles the post, then renders that
//! page with what the post came to in the request, which the page's server function returns
//! instead of reading afresh — so a refused form comes back with everything typed, with or
//! without JavaScript.

use crate::error::AppError;

/// What a post to a page came to, carried in the request's extensions to the page's render.
#[derive(Clone, Debug)]
pub struct Posted<T>(pub Result<T, AppError>);

/// What the post this render answers came to, if it answers one.
pub fn answer<T: Clone + Send + Sync + 'static>() -> Option<Result<T, AppError>> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<Posted<T>>()
        .map(|posted| posted.0.clone())
}

/// What the post this render answers came to, the response given the status of the `problem`
/// the page shows (a refused form is a 4xx page).
pub fn page<T: Clone + Send + Sync + 'static>(
    problem: impl Fn(&T) -> Option<&AppError>,
) -> Option<Result<T, AppError>> {
    let answer = answer::<T>()?;
    if let Some(problem) = answer.as_ref().ok().and_then(&problem) {
        crate::error::set_response_status(problem);
    }
    Some(answer)
}

/// What the post this render answers came to, for a form page: a form given back with problems
/// (`refused`) is a 400 page, an error its own status.
pub fn form<T: Clone + Send + Sync + 'static>(
    refused: impl Fn(&T) -> bool,
) -> Option<Result<T, AppError>> {
    let answer = answer::<T>()?;
    match &answer {
        Ok(form) if refused(form) => crate::error::set_response_status(&AppError::BadRequest),
        Ok(_) => {}
        Err(err) => crate::error::set_response_status(err),
    }
    Some(answer)
}
