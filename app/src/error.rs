//! The one error type server functions return, and its single mapping to a translated message.

use crate::i18n::Locale;
use crate::msg;
use leptos::server_fn::codec::JsonEncoding;
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
            },
            AppError::InvalidCredentials => msg!(locale, "error-invalid-credentials"),
            AppError::RateLimited => msg!(locale, "error-rate-limited"),
            AppError::Internal => msg!(locale, "error-internal"),
            AppError::Network => msg!(locale, "error-network"),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::invalid("", FieldProblem::Required),
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
}
