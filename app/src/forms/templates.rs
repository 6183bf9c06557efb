//! The forms a school starts from, their questions and wording in every shipped language (from
//! the Fluent files, so translators keep them with the rest of the interface).

use super::definition::{Condition, Definition, Field, Kind, Texts};
use crate::i18n::Locale;

/// Template codes, stored on each form.
pub mod code {
    /// Permission for a child to go on a trip.
    pub const TRIP_CONSENT: &str = "trip-consent";
}

/// One message in every shipped language.
fn each(make: impl Fn(Locale) -> String) -> Texts {
    Locale::ALL
        .into_iter()
        .map(|l| (l.tag().to_string(), make(l)))
        .collect()
}

/// A question with its label from message `label`.
fn field(key: &str, kind: Kind, required: bool, label: Texts) -> Field {
    Field {
        key: key.to_string(),
        kind,
        required,
        label,
        wording: Texts::new(),
        choices: Vec::new(),
        shown_when: None,
    }
}

/// Trip consent: the trip's title and details as the school writes them (`title` and
/// `details`, by language tag), then the consent, medical needs, a phone number for the day
/// and the guardian's signature.
pub fn trip_consent(title: Texts, details: Texts) -> Definition {
    use crate::msg;
    let mut consent = field(
        "consent",
        Kind::Consent,
        true,
        each(|l| msg!(l, "form-trip-consent-label")),
    );
    consent.wording = each(|l| msg!(l, "form-trip-consent-wording"));
    let mut medical_details = field(
        "medical_details",
        Kind::LongText,
        true,
        each(|l| msg!(l, "form-trip-medical-details")),
    );
    medical_details.shown_when = Some(Condition {
        field: "medical".into(),
        equals: super::definition::answer::YES.into(),
    });
    Definition {
        title,
        intro: details,
        fields: vec![
            consent,
            field(
                "medical",
                Kind::YesNo,
                true,
                each(|l| msg!(l, "form-trip-medical")),
            ),
            medical_details,
            field(
                "phone",
                Kind::ShortText,
                true,
                each(|l| msg!(l, "form-trip-phone")),
            ),
            field(
                "signature",
                Kind::Signature,
                true,
                each(|l| msg!(l, "form-signature-label")),
            ),
        ],
    }
}
