use super::*;

fn texts(en: &str, zh: Option<&str>) -> Texts {
    let mut t = Texts::new();
    t.insert("en-GB".into(), en.into());
    if let Some(zh) = zh {
        t.insert("zh-CN".into(), zh.into());
    }
    t
}

fn field(key: &str, kind: Kind, required: bool) -> Field {
    Field {
        key: key.into(),
        kind,
        required,
        label: texts(&format!("{key}?"), Some(&format!("{key}？"))),
        wording: Texts::new(),
        choices: Vec::new(),
        shown_when: None,
        consent: false,
    }
}

fn form() -> Definition {
    let mut consent = field("consent", Kind::Consent, true);
    consent.wording = texts("I agree.", Some("我同意。"));
    let mut details = field("details", Kind::LongText, true);
    details.shown_when = Some(Condition {
        field: "medical".into(),
        equals: answer::YES.into(),
    });
    let mut size = field("size", Kind::Choice, false);
    size.choices = vec![
        Choice {
            value: "s".into(),
            label: texts("Small", None),
        },
        Choice {
            value: "l".into(),
            label: texts("Large", None),
        },
    ];
    Definition {
        title: texts("Trip", Some("旅行")),
        intro: texts("By coach.", None),
        fields: vec![
            consent,
            field("medical", Kind::YesNo, true),
            details,
            field("age", Kind::Number, false),
            field("day", Kind::Date, false),
            size,
            field("signature", Kind::Signature, true),
        ],
    }
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn complete_answers_are_kept_trimmed_and_unasked_questions_dropped() {
    let sent = answers(&[
        ("consent", "yes"),
        ("medical", "no"),
        ("details", "should be dropped"),
        ("signature", "  Jo Bloggs "),
        ("stray", "ignored"),
    ]);
    let (kept, problems) = form().check(&sent, true);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        kept,
        answers(&[
            ("consent", "yes"),
            ("medical", "no"),
            ("signature", "Jo Bloggs")
        ])
    );
}

#[test]
fn each_kind_refuses_what_it_cannot_take() {
    let sent = answers(&[
        ("consent", "maybe"),
        ("medical", "yes"),
        ("age", "seven"),
        ("day", "31/12/2026"),
        ("size", "xl"),
        ("signature", &"x".repeat(MAX_SHORT + 1)),
    ]);
    let (_, problems) = form().check(&sent, true);
    assert_eq!(
        problems,
        vec![
            ("consent".to_string(), Problem::Choice),
            ("details".to_string(), Problem::Required),
            ("age".to_string(), Problem::Number),
            ("day".to_string(), Problem::Date),
            ("size".to_string(), Problem::Choice),
            ("signature".to_string(), Problem::TooLong),
        ]
    );
    let (_, none) = form().check(
        &answers(&[
            ("consent", "no"),
            ("medical", "yes"),
            ("details", "Inhaler"),
            ("age", "7.5"),
            ("day", "2026-12-31"),
            ("size", "l"),
            ("signature", "Jo"),
        ]),
        true,
    );
    assert!(none.is_empty(), "{none:?}");
    let (_, empty) = form().check(&Answers::new(), true);
    let required: Vec<&str> = empty.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(required, ["consent", "medical", "signature"]);
}

#[test]
fn a_guardian_without_consent_rights_may_not_answer_a_consent_but_may_answer_the_rest() {
    let (kept, problems) = form().check(
        &answers(&[("consent", "yes"), ("medical", "no"), ("signature", "Jo")]),
        false,
    );
    assert_eq!(
        problems,
        vec![("consent".to_string(), Problem::MayNotConsent)]
    );
    assert!(!kept.contains_key("consent"));
    let (_, unanswered) = form().check(&answers(&[("medical", "no"), ("signature", "Jo")]), false);
    assert!(
        unanswered.is_empty(),
        "a consent they may not give is not required of them"
    );
}

#[test]
fn the_wording_is_what_was_shown_in_that_language() {
    let definition = form();
    let shown = definition.wording("zh-CN", "en-GB", &answers(&[("medical", "no")]));
    assert!(
        shown.starts_with("旅行\n\nBy coach.\n\nconsent？\n我同意。"),
        "{shown}"
    );
    assert!(
        !shown.contains("details"),
        "a question not asked is not in the wording"
    );
    assert!(shown.contains("- Small\n- Large"), "{shown}");
    let asked = definition.wording("en-GB", "en-GB", &answers(&[("medical", "yes")]));
    assert!(asked.contains("details?"), "{asked}");
    assert_ne!(shown, asked);
    assert_eq!(definition.shown_language(Locale::ZhCn, "en-GB"), "zh-CN");
    assert_eq!(definition.shown_language(Locale::Ar, "en-GB"), "en-GB");
}

#[test]
fn a_definition_round_trips_through_its_stored_form() {
    let definition = form();
    assert_eq!(
        Definition::parse(&definition.to_json()).ok(),
        Some(definition)
    );
    assert!(Definition::parse("{\"title\":{}}").is_err());
}

#[test]
fn a_drawn_signature_is_kept_beside_the_typed_name_in_one_spelling_and_a_broken_one_refused() {
    let base = [("consent", "yes"), ("medical", "no"), ("signature", "Jo")];
    let with = |drawn: &str| {
        let mut sent = answers(&base);
        sent.insert("signature.drawn".into(), drawn.into());
        form().check(&sent, true)
    };
    let (kept, problems) = with("M1 2 L3,4");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        kept.get("signature.drawn").map(String::as_str),
        Some("M1 2L3 4")
    );

    // Nothing drawn (the box cleared, or no JavaScript): the typed name alone signs.
    let (kept, problems) = with("");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!kept.contains_key("signature.drawn"));

    let (kept, problems) = with("M1 2 C 3 4 5 6 7 8");
    assert_eq!(problems, vec![("signature".to_string(), Problem::Drawing)]);
    assert!(!kept.contains_key("signature.drawn"));

    // A drawing sent for a question that is not a signature is not kept.
    let mut sent = answers(&base);
    sent.insert("medical.drawn".into(), "M1 1".into());
    let (kept, _) = form().check(&sent, true);
    assert!(!kept.contains_key("medical.drawn"));
}
