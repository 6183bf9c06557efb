//! The parents' notice pages as HTML, rendered on the server in the reader's language. The
//! browser only inserts the finished markup (see `board_page`), so the wasm carries no templates
//! or data types for them: each page costs the server a few microseconds and the bundle nothing.

use super::{Board, NoticeDetail, NoticeText, NotificationItem};
use crate::i18n::Locale;
use crate::msg;
use crate::roster::documents::escape;

fn badge(class: &str, text: &str) -> String {
    format!("<span class=\"badge {class}\">{}</span>", escape(text))
}

/// `/notices`.
pub fn board(locale: Locale, board: &Board) -> String {
    let mut html = format!(
        "<div class=\"page-head\"><h1>{}</h1><a class=\"button button--secondary\" href=\"/notifications\">{}</a></div>",
        escape(&msg!(locale, "nav-notices")),
        escape(&msg!(locale, "notifications-title")),
    );
    if board.cards.is_empty() {
        html.push_str(&format!(
            "<p class=\"empty-state\">{}</p>",
            escape(&msg!(locale, "notices-empty"))
        ));
        return html;
    }
    let unread = board.unread.to_string();
    html.push_str(&format!(
        "<p class=\"board-summary\">{}</p><ul class=\"board\">",
        escape(&msg!(locale, "notices-unread", count = unread.as_str()))
    ));
    for card in &board.cards {
        let mut badges = String::new();
        if !card.read {
            badges.push_str(&badge("badge--new", &msg!(locale, "notice-new-badge")));
        }
        if card.pinned {
            badges.push_str(&badge("", &msg!(locale, "notice-pinned-badge")));
        }
        badges.push_str(&badge(
            &format!("badge--{}", card.category.code()),
            &card.category.name(locale),
        ));
        if card.awaiting_ack {
            badges.push_str(&badge("badge--ack", &msg!(locale, "notice-ack-badge")));
        }
        let children = if card.children.is_empty() {
            String::new()
        } else {
            let names = card.children.join(", ");
            format!(
                "<span class=\"notice-card__children\">{}</span>",
                escape(&msg!(locale, "notice-about", children = names.as_str()))
            )
        };
        html.push_str(&format!(
            "<li class=\"notice-card{unread}\"><a class=\"notice-card__link\" href=\"/notices/{id}\">\
             <span class=\"notice-card__badges\">{badges}</span>\
             <strong class=\"notice-card__title\">{title}</strong>\
             <span class=\"notice-card__excerpt\">{excerpt}</span>\
             <span class=\"notice-card__meta\"><span>{published}</span>{children}</span></a></li>",
            unread = if card.read { "" } else { " notice-card--unread" },
            id = card.id,
            title = escape(&card.title),
            excerpt = escape(&card.excerpt),
            published = escape(&card.published),
        ));
    }
    html.push_str("</ul>");
    html
}

fn text_block(text: &NoticeText, heading: &str) -> String {
    format!(
        "<div class=\"notice-text\" lang=\"{lang}\"><{heading} class=\"notice-text__title\">{title}</{heading}><div class=\"notice-body\">{body}</div></div>",
        lang = escape(&text.language),
        title = escape(&text.title),
        // Sanitized with ammonia when the notice was saved.
        body = text.body_html,
    )
}

/// `/notices/{id}`.
pub fn notice(locale: Locale, detail: &NoticeDetail) -> String {
    let id = detail.id;
    let mut html = format!(
        "<p><a href=\"/notices\">{}</a></p><p class=\"notice-meta\">{} <span>{}</span>",
        escape(&msg!(locale, "notice-back")),
        badge(
            &format!("badge--{}", detail.category.code()),
            &detail.category.name(locale)
        ),
        escape(&detail.published),
    );
    if !detail.children.is_empty() {
        let names = detail
            .children
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        html.push_str(&format!(
            " · <span>{}</span>",
            escape(&msg!(locale, "notice-about", children = names.as_str()))
        ));
    }
    html.push_str("</p>");
    if detail.stale {
        html.push_str(&format!(
            "<p class=\"stale\" role=\"note\">{}</p>",
            escape(&msg!(locale, "notice-translation-stale-reader"))
        ));
    }
    if detail.translated {
        let (href, label) = if detail.original.is_some() {
            (
                format!("/notices/{id}"),
                msg!(locale, "notice-hide-original"),
            )
        } else {
            (
                format!("/notices/{id}?original=1"),
                msg!(locale, "notice-show-original"),
            )
        };
        html.push_str(&format!(
            "<p><a class=\"button button--secondary\" href=\"{href}\">{}</a></p>",
            escape(&label)
        ));
    }
    match &detail.original {
        Some(original) => html.push_str(&format!(
            "<div class=\"notice-texts notice-texts--pair\">{}{}</div>",
            text_block(&detail.text, "h1"),
            text_block(original, "h2")
        )),
        None => html.push_str(&format!(
            "<div class=\"notice-texts\">{}</div>",
            text_block(&detail.text, "h1")
        )),
    }
    if !detail.attachments.is_empty() {
        html.push_str(&format!(
            "<h2>{}</h2><ul class=\"attachments\">",
            escape(&msg!(locale, "notice-files"))
        ));
        for file in &detail.attachments {
            html.push_str(&format!(
                "<li><a class=\"button button--secondary\" href=\"{}\" rel=\"external\" download>{} ({})</a></li>",
                escape(&file.href),
                escape(&file.name),
                escape(&file.size)
            ));
        }
        html.push_str("</ul>");
    }
    if let Some(done) = &detail.acknowledged {
        html.push_str(&format!(
            "<p class=\"notice-acknowledged\" role=\"status\">{}</p>",
            escape(done)
        ));
    } else if detail.ack_required {
        html.push_str(&format!(
            "<form method=\"post\" action=\"/api/notices/acknowledge\" class=\"notice-ack\"><input type=\"hidden\" name=\"id\" value=\"{id}\">"
        ));
        if let Some(by) = &detail.ack_by {
            html.push_str(&format!(
                "<p>{}</p>",
                escape(&msg!(locale, "notice-ack-by-date", date = by.as_str()))
            ));
        }
        let single = detail.children.len() == 1;
        for child in &detail.children {
            let label = if single {
                msg!(locale, "notice-acknowledge")
            } else {
                msg!(
                    locale,
                    "notice-acknowledge-for",
                    child = child.name.as_str()
                )
            };
            html.push_str(&format!(
                "<button class=\"button\" type=\"submit\" name=\"pupil\" value=\"{}\">{}</button>",
                child.id,
                escape(&label)
            ));
        }
        html.push_str("</form>");
    }
    html
}

/// `/notifications`.
pub fn notifications(locale: Locale, items: &[NotificationItem]) -> String {
    let mut html = format!("<h1>{}</h1>", escape(&msg!(locale, "notifications-title")));
    if items.is_empty() {
        html.push_str(&format!(
            "<p class=\"empty-state\">{}</p>",
            escape(&msg!(locale, "notifications-empty"))
        ));
        return html;
    }
    html.push_str("<ul class=\"board\">");
    for item in items {
        let kind = if item.reminder {
            badge("badge--ack", &msg!(locale, "notification-reminder"))
        } else {
            badge("", &msg!(locale, "notification-new-notice"))
        };
        html.push_str(&format!(
            "<li class=\"notice-card{}\"><a class=\"notice-card__link\" href=\"/notices/{}\">\
             <span class=\"notice-card__badges\">{kind}</span><strong class=\"notice-card__title\">{}</strong>\
             <span class=\"notice-card__meta\"><span>{}</span></span></a></li>",
            if item.unread { " notice-card--unread" } else { "" },
            item.notice_id,
            escape(&item.title),
            escape(&item.when)
        ));
    }
    html.push_str("</ul>");
    html
}

/// `/notifications/email`: a radio group per category, posted as a plain form.
pub fn email_settings(
    locale: Locale,
    current: &[(super::Category, super::EmailMode)],
    saved: bool,
) -> String {
    let note = if saved {
        format!(
            "<p class=\"notice-acknowledged\" role=\"status\">{}</p>",
            escape(&msg!(locale, "email-settings-saved"))
        )
    } else {
        String::new()
    };
    let mut html = format!(
        "<h1>{}</h1>{note}<p>{}</p><form method=\"post\" action=\"/api/notices/email-settings\" class=\"email-settings\">",
        escape(&msg!(locale, "email-settings-title")),
        escape(&msg!(locale, "email-settings-intro"))
    );
    for (category, mode) in current {
        html.push_str(&format!(
            "<fieldset><legend>{}</legend>",
            escape(&category.name(locale))
        ));
        for option in super::EmailMode::ALL {
            let label = match option {
                super::EmailMode::Instant => msg!(locale, "email-mode-instant"),
                super::EmailMode::Digest => msg!(locale, "email-mode-digest"),
                super::EmailMode::Off => msg!(locale, "email-mode-off"),
            };
            html.push_str(&format!(
                "<label class=\"check\"><input type=\"radio\" name=\"{name}\" value=\"{value}\"{checked}> {label}</label>",
                name = category.code(),
                value = option.code(),
                checked = if option == *mode { " checked" } else { "" },
                label = escape(&label),
            ));
        }
        html.push_str("</fieldset>");
    }
    html.push_str(&format!(
        "<p class=\"field__hint\">{}</p><button class=\"button\" type=\"submit\">{}</button></form>",
        escape(&msg!(locale, "email-settings-urgent")),
        escape(&msg!(locale, "email-settings-save"))
    ));
    html
}
