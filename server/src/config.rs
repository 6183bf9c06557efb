//! Configuration from environment variables, each with a documented default.
//!
//! A value that cannot be used stops start-up with a message naming the variable.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Default SQLite database, created with its folder on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/schoolgate.db?mode=rwc";
/// Default listening address: loopback, so a development machine exposes nothing.
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
/// Default folder holding the built front end (`pkg/`) and the public files.
pub const DEFAULT_SITE_ROOT: &str = "target/site";
/// Default request body limit: a notice with a few attachments, small enough to refuse floods.
pub const DEFAULT_MAX_BODY_BYTES: usize = 20 * 1024 * 1024;
/// Default folder for uploaded files.
pub const DEFAULT_FILES_DIR: &str = "data/files";

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The server's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// `SG_ADDR`: where to listen.
    pub addr: SocketAddr,
    /// `DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// `SG_SITE_ROOT`: the built front end and public files.
    pub site_root: PathBuf,
    /// `SG_MAX_BODY_BYTES`: largest accepted request body.
    pub max_body_bytes: usize,
    /// `SG_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `SG_PUBLIC_URL`: the address parents use (links in letters; https turns on Secure cookies).
    pub public_url: String,
    /// `SG_FILES_DIR`: where uploaded files (notice attachments) are kept.
    pub files_dir: PathBuf,
    /// `SG_SMTP_HOST` and the other `SG_SMTP_*`: the mail server; e-mail is off without a host.
    pub smtp: Option<app::outbox::mailer::SmtpSettings>,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("configuration variable {var} is invalid: {reason} (value: {value:?})")]
pub struct ConfigError {
    /// The variable's name.
    pub var: &'static str,
    /// The value found.
    pub value: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |var: &'static str, default: &str| {
            let value = lookup(var).unwrap_or_else(|| default.to_string());
            (var, value)
        };

        let (var, value) = get("SG_ADDR", DEFAULT_ADDR);
        let addr = value.parse().map_err(|_| ConfigError {
            var,
            value: value.clone(),
            reason: "expected an address and port such as 127.0.0.1:3000",
        })?;

        let (var, database_url) = get("DATABASE_URL", DEFAULT_DATABASE_URL);
        let supported = ["sqlite:", "postgres://", "postgresql://"];
        if !supported.iter().any(|p| database_url.starts_with(p)) {
            return Err(ConfigError {
                var,
                value: database_url,
                reason: "expected a sqlite:// or postgres:// URL",
            });
        }

        let (_, site_root) = get("SG_SITE_ROOT", DEFAULT_SITE_ROOT);

        let (var, value) = get("SG_MAX_BODY_BYTES", &DEFAULT_MAX_BODY_BYTES.to_string());
        let max_body_bytes =
            value
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1024)
                .ok_or(ConfigError {
                    var,
                    value: value.clone(),
                    reason: "expected a whole number of bytes, at least 1024",
                })?;

        let (var, value) = get("SG_LOG_FORMAT", "text");
        let log_format = match value.as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            _ => {
                return Err(ConfigError {
                    var,
                    value,
                    reason: "expected `text` or `json`",
                });
            }
        };

        let (var, public_url) = get("SG_PUBLIC_URL", &format!("http://{addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError {
                var,
                value: public_url,
                reason: "expected an http:// or https:// address",
            });
        }

        let (_, files_dir) = get("SG_FILES_DIR", DEFAULT_FILES_DIR);
        let smtp = smtp_settings(&lookup)?;

        Ok(Self {
            files_dir: PathBuf::from(files_dir),
            smtp,
            public_url,
            addr,
            database_url,
            site_root: PathBuf::from(site_root),
            max_body_bytes,
            log_format,
        })
    }
}

/// The mail server from `SG_SMTP_HOST`, `SG_SMTP_PORT` (587), `SG_SMTP_SECURITY`
/// (`starttls`, `tls` or `none`), `SG_SMTP_USERNAME`, `SG_SMTP_PASSWORD` and `SG_SMTP_FROM`.
fn smtp_settings(
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<Option<app::outbox::mailer::SmtpSettings>, ConfigError> {
    use app::outbox::mailer::{Security, SmtpSettings};
    let Some(host) = lookup("SG_SMTP_HOST").filter(|h| !h.trim().is_empty()) else {
        return Ok(None);
    };
    let security = match lookup("SG_SMTP_SECURITY").as_deref().unwrap_or("starttls") {
        "starttls" => Security::StartTls,
        "tls" => Security::Tls,
        "none" => Security::None,
        other => {
            return Err(ConfigError {
                var: "SG_SMTP_SECURITY",
                value: other.to_string(),
                reason: "expected `starttls`, `tls` or `none`",
            });
        }
    };
    let default_port = if security == Security::Tls {
        "465"
    } else {
        "587"
    };
    let port_text = lookup("SG_SMTP_PORT").unwrap_or_else(|| default_port.to_string());
    let port = port_text.parse::<u16>().map_err(|_| ConfigError {
        var: "SG_SMTP_PORT",
        value: port_text.clone(),
        reason: "expected a port number",
    })?;
    let from = lookup("SG_SMTP_FROM")
        .filter(|f| f.contains('@'))
        .ok_or_else(|| ConfigError {
            var: "SG_SMTP_FROM",
            value: lookup("SG_SMTP_FROM").unwrap_or_default(),
            reason: "expected the sender's address, e.g. School <office@school.example>",
        })?;
    Ok(Some(SmtpSettings {
        host,
        port,
        username: lookup("SG_SMTP_USERNAME"),
        password: lookup("SG_SMTP_PASSWORD"),
        from,
        security,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_need_no_variables() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.max_body_bytes, DEFAULT_MAX_BODY_BYTES);
        assert_eq!(c.log_format, LogFormat::Text);
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        assert_eq!(
            config(&[("SG_ADDR", "localhost")]).unwrap_err().var,
            "SG_ADDR"
        );
        assert_eq!(
            config(&[("DATABASE_URL", "mysql://x")]).unwrap_err().var,
            "DATABASE_URL"
        );
        assert_eq!(
            config(&[("SG_MAX_BODY_BYTES", "lots")]).unwrap_err().var,
            "SG_MAX_BODY_BYTES"
        );
        let err = config(&[("SG_LOG_FORMAT", "xml")]).unwrap_err();
        assert!(err.to_string().contains("SG_LOG_FORMAT"));
    }

    #[test]
    fn postgres_urls_are_accepted() {
        let c = config(&[("DATABASE_URL", "postgres://u@127.0.0.1:5432/sg")]).expect("valid");
        assert!(c.database_url.starts_with("postgres://"));
    }
}
