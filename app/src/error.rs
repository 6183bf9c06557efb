//! The one error type server functions return, and its single mapping to a translated message.

use crate::i18n::Locale;
use crate::msg;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What was wrong with one form field; each problem has its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldProblem {
    /// The field was left empty.
    Required,
    /// The value is not an email address.
    Email,
    /// The value is longer than the field allows.
    TooLong,
    /// A password shorter than the minimum.
    TooShort,
    /// A password on the list of common passwords, or as easy to guess.
    TooCommon,
    /// An email address another account already uses.
    Taken,
    /// Not a date, or not a possible one.
    Date,
}

/// Why a one-time access code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeProblem {
    /// No such code (or a typo).
    Unknown,
    /// Already used to make an account.
    Used,
    /// Older than its 48 hours.
    Expired,
    /// Locked after too many wrong dates of birth.
    Locked,
    /// The date of birth matches none of the guardian's children; `remaining` tries are left.
    WrongDateOfBirth {
        /// Attempts left before the code locks.
        remaining: u8,
    },
}

/// An error a user may see. Details of internal failures stay in the server log.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist — or the asker may not see it; the two look the same.
    #[error("not found")]
    NotFound,
    /// The signed-in user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// One form field was not acceptable.
    #[error("invalid field {field}: {problem:?}")]
    Validation {
        /// The form field's name, so the page can show the message beside it.
        field: String,
        /// What was wrong.
        problem: FieldProblem,
    },
    /// The request needs a signed-in user and there is none (or the session ended).
    #[error("sign-in required")]
    SignInRequired,
    /// A one-time access code could not be used.
    #[error("access code refused: {0:?}")]
    AccessCode(CodeProblem),
    /// Wrong email or password, without saying which.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many attempts in a short time.
    #[error("rate limited")]
    RateLimited,
    /// A failure on the server (database, file system); logged there with its cause.
    #[error("internal error")]
    Internal,
    /// The request did not reach the server or its answer could not be read.
    #[error("network error")]
    Network,
    /// The request's arguments could not be decoded: missing, mistyped or not the expected
    /// encoding. The client's fault, so 400, never 500.
    #[error("malformed request")]
    BadRequest,
}

impl AppError {
    /// A validation error for `field`.
    pub fn invalid(field: &str, problem: FieldProblem) -> Self {
        AppError::Validation {
            field: field.to_string(),
            problem,
        }
    }

    /// The message for this error in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::NotFound => msg!(locale, "error-not-found"),
            AppError::Forbidden => msg!(locale, "error-forbidden"),
            AppError::Validation { problem, .. } => match problem {
                FieldProblem::Required => msg!(locale, "error-field-required"),
                FieldProblem::Email => msg!(locale, "error-field-email"),
                FieldProblem::TooLong => msg!(locale, "error-field-too-long"),
                FieldProblem::TooShort => msg!(locale, "error-password-too-short"),
                FieldProblem::TooCommon => msg!(locale, "error-password-too-common"),
                FieldProblem::Taken => msg!(locale, "error-email-taken"),
                FieldProblem::Date => msg!(locale, "error-field-date"),
            },
            AppError::SignInRequired => msg!(locale, "error-sign-in-required"),
            AppError::AccessCode(problem) => match problem {
                CodeProblem::Unknown => msg!(locale, "error-code-unknown"),
                CodeProblem::Used => msg!(locale, "error-code-used"),
                CodeProblem::Expired => msg!(locale, "error-code-expired"),
                CodeProblem::Locked => msg!(locale, "error-code-locked"),
                CodeProblem::WrongDateOfBirth { remaining } => {
                    let remaining = remaining.to_string();
                    msg!(
                        locale,
                        "error-code-wrong-birth-date",
                        remaining = remaining.as_str()
                    )
                }
            },
            AppError::InvalidCredentials => msg!(locale, "error-invalid-credentials"),
            AppError::RateLimited => msg!(locale, "error-rate-limited"),
            AppError::Internal => msg!(locale, "error-internal"),
            AppError::Network => msg!(locale, "error-network"),
            AppError::BadRequest => msg!(locale, "error-bad-request"),
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status for this error; a forbidden object answers exactly like a missing one.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotFound | AppError::Forbidden => StatusCode::NOT_FOUND,
            AppError::SignInRequired | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Validation { .. } | AppError::AccessCode(_) | AppError::BadRequest => {
                StatusCode::BAD_REQUEST
            }
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Network => StatusCode::BAD_GATEWAY,
        }
    }
}

/// Finishes a server function: an error also sets the response's HTTP status, so clients and
/// tests see 401/404/429 rather than a blanket 500.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(err) = &result {
        set_response_status(err);
    }
    result
}

/// Gives the response being rendered the status of `err`.
#[cfg(feature = "ssr")]
pub fn set_response_status(err: &AppError) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(err.status());
    }
}

impl FromServerFnError for AppError {
    type Encoder = crate::codec::Postcard;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_and_missing_read_the_same() {
        for locale in Locale::ALL {
            assert_eq!(
                AppError::Forbidden.message(locale),
                AppError::NotFound.message(locale)
            );
        }
    }

    #[test]
    fn transport_failures_become_network_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert_eq!(err, AppError::Network);
        assert_eq!(
            AppError::Network.message(Locale::ZhCn),
            "无法连接到学校的服务器。请检查网络后再试。"
        );
    }

    #[test]
    fn undecodable_arguments_are_the_clients_fault() {
        for err in [
            ServerFnErrorErr::Args("garbage".into()),
            ServerFnErrorErr::MissingArg("id".into()),
            ServerFnErrorErr::Deserialization("eof".into()),
        ] {
            assert_eq!(AppError::from_server_fn_error(err), AppError::BadRequest);
        }
    }
}
