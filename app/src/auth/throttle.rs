//! Sign-in throttling, per account and per network address, kept in the database so it holds
//! across restarts and across server processes sharing PostgreSQL.

use crate::db::entities::sign_in_failure;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

/// How far back failures count.
pub const WINDOW_MINUTES: i64 = 15;
/// Wrong passwords for one account before it is held (the next attempt gets 429).
pub const ACCOUNT_LIMIT: u64 = 5;
/// Failures from one address before it is held: high, because a whole school's parents may
/// share one Wi-Fi address at the gate.
pub const ADDRESS_LIMIT: u64 = 50;

fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

async fn recent<C: ConnectionTrait>(db: &C, key: String) -> Result<u64, DbErr> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::Key.eq(key))
        .filter(sign_in_failure::Column::At.gt(since))
        .count(db)
        .await
}

/// Whether attempts for `email` from `address` are held for now.
pub async fn is_held<C: ConnectionTrait>(
    db: &C,
    email: &str,
    address: &str,
) -> Result<bool, DbErr> {
    Ok(recent(db, account_key(email)).await? >= ACCOUNT_LIMIT
        || recent(db, address_key(address)).await? >= ADDRESS_LIMIT)
}

/// Records a failed attempt against both keys, and forgets failures older than the window.
pub async fn record_failure<C: ConnectionTrait>(
    db: &C,
    email: &str,
    address: &str,
) -> Result<(), DbErr> {
    let now = Utc::now();
    for key in [account_key(email), address_key(address)] {
        sign_in_failure::ActiveModel {
            key: Set(key),
            at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::At.lt(now - Duration::minutes(WINDOW_MINUTES)))
        .exec(db)
        .await?;
    Ok(())
}

/// Clears an account's failures after a successful sign-in.
pub async fn clear<C: ConnectionTrait>(db: &C, email: &str) -> Result<(), DbErr> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::Key.eq(account_key(email)))
        .exec(db)
        .await?;
    Ok(())
}

/// A secret that can be guessed at: each wrong try from an address counts, and enough of them
/// hold that address for the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guess {
    /// An access code or reset code typed in. Generous, because a whole class's parents may
    /// join from the school's Wi-Fi on the same evening.
    AccessCode,
    /// A calendar feed address asked for. Calendar apps keep polling an address after it is
    /// renewed, so a family's old phones alone must not hold the school's Wi-Fi.
    FeedToken,
}

impl Guess {
    /// Wrong tries from one address within the window before it is held.
    pub fn limit(self) -> u64 {
        match self {
            Guess::AccessCode => 20,
            Guess::FeedToken => 60,
        }
    }

    fn key(self, address: &str) -> String {
        match self {
            Guess::AccessCode => format!("code-guess:{address}"),
            Guess::FeedToken => format!("feed-guess:{address}"),
        }
    }
}

/// Whether `guess`es from `address` are held for now.
pub async fn guesses_held<C: ConnectionTrait>(
    db: &C,
    guess: Guess,
    address: &str,
) -> Result<bool, DbErr> {
    Ok(recent(db, guess.key(address)).await? >= guess.limit())
}

/// Records a wrong `guess` from `address`.
pub async fn record_guess<C: ConnectionTrait>(
    db: &C,
    guess: Guess,
    address: &str,
) -> Result<(), DbErr> {
    sign_in_failure::ActiveModel {
        key: Set(guess.key(address)),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
