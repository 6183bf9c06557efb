//! E-mail to members of staff. The first kind tells a news post's author that families no
//! longer see some of their posts, because a pictured child's photo consent was lowered.
//!
//! What is sent is decided when it is sent: a post put right since (untagged, blurred, moved to a
//! smaller audience) or deleted is left out, and an account switched off gets nothing.

use super::kind;
use super::mailer::{Email, SendError, Smtp};
use super::worker::{Delivery, WorkerSettings, db_error, is_stale, school_name};
use crate::access::status;
use crate::db::entities::{news_post, outbox, user_account};
use crate::i18n::Locale;
use crate::notices::rich_text::plain_text;
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

/// Characters of a post's text that name it in the e-mail.
const OPENING_CHARS: usize = 80;

/// Sends `user` one e-mail about their withheld posts among `rows`.
pub(super) async fn withheld(
    db: &DatabaseConnection,
    smtp: &Smtp,
    settings: &WorkerSettings,
    user: i32,
    rows: &[outbox::Model],
) -> Result<Delivery, SendError> {
    let now = Utc::now();
    let Some(account) = user_account::Entity::find_by_id(user)
        .one(db)
        .await
        .map_err(db_error)?
        .filter(|a| a.status == status::ACTIVE && !a.email.is_empty())
    else {
        return Ok(Delivery::NotWanted);
    };
    let post_ids: Vec<i32> = rows
        .iter()
        .filter(|r| r.kind == kind::NEWS_WITHHELD)
        .filter(|r| !is_stale(r, now))
        .filter_map(|r| r.post_id)
        .collect();
    let posts = news_post::Entity::find()
        .filter(news_post::Column::Id.is_in(post_ids))
        .filter(news_post::Column::AuthorId.eq(user))
        .order_by_desc(news_post::Column::CreatedAt)
        .all(db)
        .await
        .map_err(db_error)?;
    let broken = crate::news::withheld::broken(db, &posts)
        .await
        .map_err(db_error)?;
    let still: Vec<(&news_post::Model, &Vec<String>)> = posts
        .iter()
        .filter_map(|p| broken.get(&p.id).map(|names| (p, names)))
        .collect();
    let Some((first, _)) = still.first() else {
        return Ok(Delivery::NotWanted);
    };
    // Staff accounts keep no language of their own: that of the newest of these posts is
    // the one they wrote in last.
    let locale = Locale::from_tag(&first.language).unwrap_or_default();
    let school_name = school_name(db, account.school_id).await?;
    let email = render(
        locale,
        &account.email,
        &settings.message_id(&rows[0].idempotency_key),
        &school_name,
        &settings.public_url,
        &still,
    );
    smtp.send(&email).await?;
    Ok(Delivery::Sent)
}

/// The e-mail: each post's opening words, the children whose consent no longer covers it, its
/// link, and the three ways to show it again.
fn render(
    locale: Locale,
    to: &str,
    message_id: &str,
    school: &str,
    public_url: &str,
    posts: &[(&news_post::Model, &Vec<String>)],
) -> Email {
    let count = posts.len() as u32;
    let subject = crate::msg_count!(locale, "email-withheld-subject", count);
    let mut body = crate::msg_count!(locale, "email-withheld-intro", count);
    body.push_str("\n\n");
    for (post, names) in posts {
        let text = plain_text(&post.body_html);
        let mut opening: String = text.chars().take(OPENING_CHARS).collect();
        if text.chars().count() > OPENING_CHARS {
            opening.push('…');
        }
        let pupils = crate::i18n::list(locale, names);
        body.push_str(&format!("• {opening}\n  "));
        body.push_str(&crate::msg!(
            locale,
            "email-withheld-pupils",
            pupils = pupils.as_str()
        ));
        body.push_str(&format!("\n  {public_url}/news/{}\n\n", post.id));
    }
    body.push_str(&crate::msg!(locale, "email-withheld-what-now"));
    body.push_str("\n\n");
    body.push_str(&crate::msg!(locale, "email-staff-footer", school = school));
    Email {
        to: to.to_string(),
        subject,
        body,
        message_id: message_id.to_string(),
    }
}
