//! The words of an e-mail, in the guardian's language, from the notice's text in that language
//! when the author wrote one.

use super::mailer::Email;
use crate::db::entities::{notice, notice_translation};
use crate::i18n::Locale;
use crate::notices::rich_text::plain_text;

/// Characters of the notice's text an instant e-mail quotes before the link.
const QUOTE_CHARS: usize = 600;

/// A notice's title and text for `locale`: its translation if there is one, else the original.
pub fn text_for(
    notice: &notice::Model,
    translation: Option<&notice_translation::Model>,
) -> (String, String) {
    match translation {
        Some(t) => (t.title.clone(), plain_text(&t.body_html)),
        None => (notice.title.clone(), plain_text(&notice.body_html)),
    }
}

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(QUOTE_CHARS).collect();
    cut.push('…');
    cut
}

/// The e-mail for one notice: new, or a reminder to read or acknowledge it.
#[allow(clippy::too_many_arguments)]
pub fn single(
    locale: Locale,
    to: &str,
    message_id: &str,
    school: &str,
    public_url: &str,
    notice: &notice::Model,
    translation: Option<&notice_translation::Model>,
    reminder: bool,
) -> Email {
    let (title, text) = text_for(notice, translation);
    let subject = if reminder {
        crate::msg!(
            locale,
            "email-reminder-subject",
            school = school,
            title = title.as_str()
        )
    } else {
        crate::msg!(
            locale,
            "email-notice-subject",
            school = school,
            title = title.as_str()
        )
    };
    let link = format!("{public_url}/notices/{}", notice.id);
    let mut body = format!("{title}\n\n{}\n\n", quote(&text));
    if notice.ack_required {
        body.push_str(&crate::msg!(locale, "email-ack-needed"));
        body.push_str("\n\n");
    }
    body.push_str(&crate::msg!(
        locale,
        "email-read-link",
        link = link.as_str()
    ));
    body.push_str("\n\n");
    body.push_str(&crate::msg!(locale, "email-footer", school = school));
    Email {
        to: to.to_string(),
        subject,
        body,
        message_id: message_id.to_string(),
    }
}

/// The daily digest: one line and link per new notice.
pub fn digest(
    locale: Locale,
    to: &str,
    message_id: &str,
    school: &str,
    public_url: &str,
    notices: &[(notice::Model, Option<notice_translation::Model>)],
) -> Email {
    let count = notices.len().to_string();
    let subject = crate::msg!(
        locale,
        "email-digest-subject",
        school = school,
        count = count.as_str()
    );
    let mut body = String::new();
    for (notice, translation) in notices {
        let (title, _) = text_for(notice, translation.as_ref());
        body.push_str(&format!(
            "• {title}\n  {public_url}/notices/{}\n\n",
            notice.id
        ));
    }
    body.push_str(&crate::msg!(locale, "email-footer", school = school));
    Email {
        to: to.to_string(),
        subject,
        body,
        message_id: message_id.to_string(),
    }
}
