//! Sending one e-mail over SMTP with lettre.

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// Plain text: only for a relay on the same machine or a test server.
    None,
    /// Upgrade with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// Where and as whom the portal sends e-mail (from `SG_SMTP_*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpSettings {
    /// The server's host name.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// User name, if the server wants one.
    pub username: Option<String>,
    /// Password for `username`.
    pub password: Option<String>,
    /// The sender, e.g. `Riverside Primary <office@riverside.sch.uk>`.
    pub from: String,
    /// Transport security.
    pub security: Security,
}

/// One e-mail, ready to go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// A stable id: the outbox key, so a resend is recognisably the same message.
    pub message_id: String,
}

/// Why an e-mail was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The address or sender could not be used; retrying will not help.
    #[error("bad address: {0}")]
    Address(String),
    /// The server refused for good (5xx).
    #[error("refused: {0}")]
    Permanent(String),
    /// Anything worth retrying: connection, timeout, 4xx.
    #[error("temporary failure: {0}")]
    Transient(String),
}

/// An SMTP connection pool.
#[derive(Clone)]
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    /// A sender for `settings`; fails when the sender address is not an address.
    pub fn new(settings: &SmtpSettings) -> Result<Self, SendError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| SendError::Address(format!("{}: {e}", settings.from)))?;
        let tls = || {
            TlsParameters::new(settings.host.clone())
                .map_err(|e| SendError::Address(format!("{}: {e}", settings.host)))
        };
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.clone())
                .port(settings.port)
                .timeout(Some(std::time::Duration::from_secs(20)));
        builder = match settings.security {
            Security::None => builder.tls(Tls::None),
            Security::StartTls => builder.tls(Tls::Required(tls()?)),
            Security::Tls => builder.tls(Tls::Wrapper(tls()?)),
        };
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one e-mail.
    pub async fn send(&self, email: &Email) -> Result<(), SendError> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|e| SendError::Address(format!("{}: {e}", email.to)))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(email.message_id.clone()))
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone())
            .map_err(|e| SendError::Address(e.to_string()))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                SendError::Permanent(e.to_string())
            } else {
                SendError::Transient(e.to_string())
            }
        })
    }
}
