//! A guardian's relationship to a child as staff read it. The roster holds it as the school's MIS
//! exports it, in English; the usual ones are shown in the reader's language, anything else as
//! written.

use crate::i18n::Locale;
use crate::msg;

/// `recorded` (the roster's words) in `locale` when it is one of the usual relationships.
pub fn shown(locale: Locale, recorded: &str) -> String {
    let l = locale;
    match recorded
        .trim()
        .to_lowercase()
        .replace(['-', '_'], " ")
        .as_str()
    {
        "mother" | "mum" => msg!(l, "relationship-mother"),
        "father" | "dad" => msg!(l, "relationship-father"),
        "parent" => msg!(l, "relationship-parent"),
        "step mother" | "stepmother" => msg!(l, "relationship-stepmother"),
        "step father" | "stepfather" => msg!(l, "relationship-stepfather"),
        "grandmother" => msg!(l, "relationship-grandmother"),
        "grandfather" => msg!(l, "relationship-grandfather"),
        "grandparent" => msg!(l, "relationship-grandparent"),
        "aunt" => msg!(l, "relationship-aunt"),
        "uncle" => msg!(l, "relationship-uncle"),
        "carer" | "guardian" | "legal guardian" => msg!(l, "relationship-carer"),
        "foster carer" | "foster parent" => msg!(l, "relationship-foster-carer"),
        _ => recorded.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_relationships_are_translated_and_others_kept_as_written() {
        assert_eq!(shown(Locale::ZhCn, "Mother"), "母亲");
        assert_eq!(shown(Locale::ZhCn, " grandparent "), "祖父母/外祖父母");
        assert_eq!(shown(Locale::Ar, "Step-Father"), "زوج الأم");
        assert_eq!(shown(Locale::EnGb, "FOSTER CARER"), "Foster carer");
        assert_eq!(shown(Locale::ZhCn, "Neighbour"), "Neighbour");
        for locale in Locale::ALL {
            for usual in [
                "mother",
                "father",
                "parent",
                "stepmother",
                "stepfather",
                "grandmother",
                "grandfather",
                "grandparent",
                "aunt",
                "uncle",
                "carer",
                "foster carer",
            ] {
                let text = shown(locale, usual);
                assert!(
                    !text.is_empty() && !text.starts_with("relationship-"),
                    "{usual}"
                );
            }
        }
    }
}
