//! What a comment may say: a few lines of plain text, no links or e-mail addresses (a class's
//! comments are no place for adverts or phishing), and no swearing. Checked before anything is
//! stored; the refusal names the rule, and the page keeps what was typed.

use linkify::LinkFinder;
use rustrict::{CensorStr, Type};

/// The longest comment, in characters.
pub const MAX_CHARS: usize = 500;

/// Why a comment was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_CHARS`].
    TooLong,
    /// A web address or an e-mail address.
    Link,
    /// Swearing, insults or sexual words.
    Unkind,
}

/// The comment as it is stored (trimmed), or why it may not be.
pub fn checked(typed: &str) -> Result<String, CommentProblem> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(CommentProblem::Empty);
    }
    if text.chars().count() > MAX_CHARS {
        return Err(CommentProblem::TooLong);
    }
    if LinkFinder::new()
        .url_must_have_scheme(false)
        .links(text)
        .next()
        .is_some()
    {
        return Err(CommentProblem::Link);
    }
    if text.is(Type::INAPPROPRIATE) {
        return Err(CommentProblem::Unkind);
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words_in_any_language_pass_trimmed() {
        assert_eq!(checked("  Well done 3A!\n").as_deref(), Ok("Well done 3A!"));
        assert_eq!(
            checked("谢谢老师！孩子很开心。").as_deref(),
            Ok("谢谢老师！孩子很开心。")
        );
        assert_eq!(checked("شكرا جزيلا").as_deref(), Ok("شكرا جزيلا"));
        assert_eq!(
            checked("See you at 3.15, Mrs. Khan").as_deref(),
            Ok("See you at 3.15, Mrs. Khan")
        );
    }

    #[test]
    fn empty_and_overlong_comments_are_refused() {
        assert_eq!(checked(" \n\t"), Err(CommentProblem::Empty));
        assert_eq!(
            checked(&"a".repeat(MAX_CHARS)).map(|t| t.len()),
            Ok(MAX_CHARS)
        );
        assert_eq!(
            checked(&"好".repeat(MAX_CHARS + 1)),
            Err(CommentProblem::TooLong)
        );
    }

    #[test]
    fn links_and_addresses_are_refused_with_or_without_a_scheme() {
        for text in [
            "cheap trainers at https://example.com/sale",
            "look at www.example.org",
            "visit example.co.uk today",
            "write to me: parent@example.com",
        ] {
            assert_eq!(checked(text), Err(CommentProblem::Link), "{text}");
        }
    }

    #[test]
    fn swearing_is_refused_even_disguised() {
        for text in ["what the fuck", "f u c k this", "sh1t teacher"] {
            assert_eq!(checked(text), Err(CommentProblem::Unkind), "{text}");
        }
    }
}
