//! The drawn half of a signature: what a guardian draws with a finger in the signature box, kept
//! as an SVG path of straight strokes in a fixed box. The typed name stays the signature that is
//! always asked for (a page without JavaScript has no box); the drawing is added beside it, under
//! the field's key with [`SUFFIX`], and rewritten by the server so what is stored, and later
//! drawn for staff, is only moves and lines inside the box.

/// The box's width in path units.
pub const WIDTH: i32 = 600;
/// The box's height in path units.
pub const HEIGHT: i32 = 200;
/// The most a drawing may take, in characters; the box stops taking strokes before it.
pub const MAX_CHARS: usize = 16_000;
/// The box's `viewBox`.
pub const VIEW_BOX: &str = "0 0 600 200";

/// What follows a signature question's key to name its drawing in the answers.
pub const SUFFIX: &str = ".drawn";

/// The answers' key of the drawing beside signature question `key`.
pub fn key(field: &str) -> String {
    format!("{field}{SUFFIX}")
}

/// A drawing as it is stored: `M x y` to start each stroke, `L x y` for each point after, in
/// whole units inside the box. `None` when `path` is anything else (an empty path included).
#[cfg(feature = "ssr")]
pub fn normalise(path: &str) -> Option<String> {
    use std::fmt::Write;
    if path.len() > MAX_CHARS {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    let mut rest = path.trim();
    let mut first = true;
    while !rest.is_empty() {
        let command = rest.chars().next()?;
        if !matches!(command, 'M' | 'L') || (first && command != 'M') {
            return None;
        }
        first = false;
        let (x, after) = number(&rest[1..])?;
        let (y, after) = number(after)?;
        if !(0..=WIDTH).contains(&x) || !(0..=HEIGHT).contains(&y) {
            return None;
        }
        // Writing to a String cannot fail.
        let _ = write!(out, "{command}{x} {y}");
        rest = after.trim_start();
    }
    (!out.is_empty()).then_some(out)
}

/// A whole number after optional spaces or a comma, and what follows it.
#[cfg(feature = "ssr")]
fn number(text: &str) -> Option<(i32, &str)> {
    let text = text.trim_start_matches([' ', ',']);
    let end = text
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && *c == '-')))
        .map_or(text.len(), |(i, _)| i);
    let value = text[..end].parse().ok()?;
    Some((value, &text[end..]))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn strokes_inside_the_box_are_kept_in_one_spelling() {
        assert_eq!(
            normalise("M10 20 L30,40L 600 200 M0 0L1 1").as_deref(),
            Some("M10 20L30 40L600 200M0 0L1 1")
        );
        assert_eq!(normalise("M5 5").as_deref(), Some("M5 5"));
    }

    #[test]
    fn anything_but_moves_and_lines_inside_the_box_is_refused() {
        for bad in [
            "",
            "   ",
            "L10 10",
            "M10",
            "M10 20 C1 2 3 4 5 6",
            "M601 10",
            "M10 201",
            "M-1 10",
            "M1.5 2",
            "M10 20Z",
            "M1 2\"/><script>",
            "M99999999999 1",
        ] {
            assert_eq!(normalise(bad), None, "{bad:?}");
        }
        let long = format!("M1 1{}", "L2 2".repeat(MAX_CHARS / 4));
        assert_eq!(normalise(&long), None);
    }
}
