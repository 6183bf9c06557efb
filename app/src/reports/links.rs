//! Short-lived signed download links. A family's page carries, for each report, an address
//! signed for the signed-in user that lasts [`LIFETIME`]; the download checks the signature and
//! the time before it checks access, so a link copied out of a page stops working soon, and
//! never works for another account. The secret is made by the migration and shared by every
//! server of the school.

use crate::db::entities::signing_key;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sha2::Sha256;

/// The `signing_key` purpose of report links.
pub const PURPOSE: &str = "report-links";
/// How long a link works.
pub const LIFETIME: Duration = Duration::minutes(15);

/// Why a link was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkProblem {
    /// Its time has passed.
    #[error("the link has expired")]
    Expired,
    /// Not signed by us, or for another account or report.
    #[error("the link's signature does not match")]
    Forged,
}

/// The secret that signs report links, ready to sign.
#[derive(Clone)]
pub struct Signer(Hmac<Sha256>);

impl Signer {
    /// The school's secret, as the migration made it.
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Self, AppError> {
        let key = signing_key::Entity::find()
            .filter(signing_key::Column::Purpose.eq(PURPOSE))
            .one(db)
            .await?
            .ok_or_else(|| {
                tracing::error!("the report links' signing key is missing");
                AppError::Internal
            })?;
        Self::new(key.secret.as_bytes()).ok_or(AppError::Internal)
    }

    /// A signer with `secret`.
    pub fn new(secret: &[u8]) -> Option<Self> {
        <Hmac<Sha256> as Mac>::new_from_slice(secret).ok().map(Self)
    }

    fn mac(&self, report: i32, user: i32, until: i64) -> Hmac<Sha256> {
        let mut mac = self.0.clone();
        mac.update(format!("{report}.{user}.{until}").as_bytes());
        mac
    }

    /// The download address of `report` for `user`, working until `now` + [`LIFETIME`].
    pub fn href(&self, report: i32, user: i32, now: DateTime<Utc>) -> String {
        let until = (now + LIFETIME).timestamp();
        let signature = hex(&self.mac(report, user, until).finalize().into_bytes());
        format!("/reports/file/{report}?until={until}&sig={signature}")
    }

    /// Whether a link to `report` with `until` and `signature` was made for `user` and still
    /// works at `now`.
    pub fn check(
        &self,
        report: i32,
        user: i32,
        until: i64,
        signature: &str,
        now: DateTime<Utc>,
    ) -> Result<(), LinkProblem> {
        let bytes = unhex(signature).ok_or(LinkProblem::Forged)?;
        self.mac(report, user, until)
            .verify_slice(&bytes)
            .map_err(|_| LinkProblem::Forged)?;
        if now.timestamp() > until {
            return Err(LinkProblem::Expired);
        }
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(href: &str) -> (i64, String) {
        let (_, query) = href.split_once('?').expect("a query");
        let mut until = 0;
        let mut sig = String::new();
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("until", v)) => until = v.parse().expect("a time"),
                Some(("sig", v)) => sig = v.to_string(),
                _ => {}
            }
        }
        (until, sig)
    }

    #[test]
    fn a_link_works_for_its_account_and_report_until_it_expires() {
        let signer = Signer::new(b"secret").expect("a key");
        let now = Utc::now();
        let href = signer.href(7, 42, now);
        assert!(href.starts_with("/reports/file/7?"));
        let (until, sig) = query(&href);
        assert_eq!(signer.check(7, 42, until, &sig, now), Ok(()));
        assert_eq!(
            signer.check(7, 43, until, &sig, now),
            Err(LinkProblem::Forged),
            "another account"
        );
        assert_eq!(
            signer.check(8, 42, until, &sig, now),
            Err(LinkProblem::Forged),
            "another report"
        );
        assert_eq!(
            signer.check(7, 42, until + 3600, &sig, now),
            Err(LinkProblem::Forged),
            "a time moved on"
        );
        assert_eq!(
            signer.check(7, 42, until, "zz", now),
            Err(LinkProblem::Forged)
        );
        assert_eq!(
            signer.check(7, 42, until, &sig, now + LIFETIME + Duration::seconds(1)),
            Err(LinkProblem::Expired)
        );
        let other = Signer::new(b"another school").expect("a key");
        assert_eq!(
            other.check(7, 42, until, &sig, now),
            Err(LinkProblem::Forged)
        );
    }
}
