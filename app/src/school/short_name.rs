//! The school's name as a phone's top bar has room for it.

/// Words a school's name often ends with that say what kind of school it is, not which one.
const KIND_WORDS: &[&str] = &[
    "school",
    "primary",
    "secondary",
    "academy",
    "infant",
    "infants",
    "junior",
    "nursery",
    "college",
    "catholic",
    "ce",
    "c of e",
    "rc",
    "church of england",
    "va",
    "vc",
    "and",
];

/// The name a phone's top bar has room for: "Riverside Primary School" → "Riverside",
/// "St Mary's Catholic Primary School" → "St Mary's"; the whole name when nothing is left.
pub fn short_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    loop {
        let before = words.len();
        for kind in KIND_WORDS {
            let parts = kind.split(' ').count();
            if words.len() > parts {
                let tail = words[words.len() - parts..].join(" ");
                if tail.eq_ignore_ascii_case(kind) {
                    words.truncate(words.len() - parts);
                }
            }
        }
        if words.len() == before {
            break;
        }
    }
    let short = words.join(" ");
    if short.is_empty() {
        name.to_string()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::short_name;

    #[test]
    fn a_school_name_keeps_what_tells_it_apart() {
        assert_eq!(short_name("Riverside Primary School"), "Riverside");
        assert_eq!(short_name("St Mary's Catholic Primary School"), "St Mary's");
        assert_eq!(
            short_name("Hillside C of E Infant and Nursery School"),
            "Hillside"
        );
        assert_eq!(short_name("Oakwood Academy"), "Oakwood");
        assert_eq!(short_name("The Priory School"), "The Priory");
        assert_eq!(short_name("Academy"), "Academy");
        assert_eq!(short_name("Schoolgate"), "Schoolgate");
    }
}
