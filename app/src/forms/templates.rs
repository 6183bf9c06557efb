//! The forms a school starts from, their questions and wording in every shipped language (from
//! the Fluent files, so translators keep them with the rest of the interface).

use super::definition::{Choice, Condition, Definition, Field, Kind, Texts};
use crate::i18n::Locale;
use crate::roster::PhotoConsent;

/// Template codes, stored on each form.
pub mod code {
    /// Permission for a child to go on a trip.
    pub const TRIP_CONSENT: &str = "trip-consent";
    /// A child's dietary requirements and food allergies.
    pub const DIETARY: &str = "dietary";
    /// A guardian's request and consent for the school to give their child a medicine.
    pub const MEDICATION: &str = "medication";
    /// How far a child's photos and videos may be shared; answers change the child's photo
    /// consent (a narrower one at once, a wider one once the office approves).
    pub const PHOTO_CONSENT: &str = "photo-consent";
    /// A form with the school's own questions, made on the question editor.
    pub const CUSTOM: &str = "custom";
    /// Every template staff may start from, in the order offered.
    pub const ALL: [&str; 5] = [TRIP_CONSENT, DIETARY, MEDICATION, PHOTO_CONSENT, CUSTOM];
}

/// The form template `code` makes with the school's `title` and `details`; `None` for a code
/// that is not a template.
pub fn make(code: &str, title: Texts, details: Texts) -> Option<Definition> {
    match code {
        code::TRIP_CONSENT => Some(trip_consent(title, details)),
        code::DIETARY => Some(dietary(title, details)),
        code::MEDICATION => Some(medication(title, details)),
        code::PHOTO_CONSENT => Some(photo_consent(title, details)),
        _ => None,
    }
}

/// `field` asked only when the yes/no question `controller` is answered yes.
fn when_yes(mut field: Field, controller: &str) -> Field {
    field.shown_when = Some(Condition {
        field: controller.into(),
        equals: super::definition::answer::YES.into(),
    });
    field
}

/// The guardian's signature, the last question of every template.
fn signature() -> Field {
    use crate::msg;
    field(
        "signature",
        Kind::Signature,
        true,
        each(|l| msg!(l, "form-signature-label")),
    )
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
        consent: false,
    }
}

/// Trip consent: the trip's title and details as the school writes them (`title` and
/// `details`, by language tag), then the consent, medical needs, dietary needs (for the packed
/// lunch, not required), a phone number for the day and the guardian's signature.
pub fn trip_consent(title: Texts, details: Texts) -> Definition {
    use crate::msg;
    let mut consent = field(
        "consent",
        Kind::Consent,
        true,
        each(|l| msg!(l, "form-trip-consent-label")),
    );
    consent.wording = each(|l| msg!(l, "form-trip-consent-wording"));
    let medical_details = when_yes(
        field(
            "medical_details",
            Kind::LongText,
            true,
            each(|l| msg!(l, "form-trip-medical-details")),
        ),
        "medical",
    );
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
                "dietary",
                Kind::LongText,
                false,
                each(|l| msg!(l, "form-trip-dietary")),
            ),
            field(
                "phone",
                Kind::ShortText,
                true,
                each(|l| msg!(l, "form-trip-phone")),
            ),
            signature(),
        ],
    }
}

/// Dietary requirements: whether the child has any and, if so, what they are and what to do
/// when a food is eaten by mistake; then the guardian's signature.
pub fn dietary(title: Texts, details: Texts) -> Definition {
    use crate::msg;
    Definition {
        title,
        intro: details,
        fields: vec![
            field(
                "dietary",
                Kind::YesNo,
                true,
                each(|l| msg!(l, "form-dietary-needs")),
            ),
            when_yes(
                field(
                    "dietary_details",
                    Kind::LongText,
                    true,
                    each(|l| msg!(l, "form-dietary-details")),
                ),
                "dietary",
            ),
            when_yes(
                field(
                    "dietary_reaction",
                    Kind::LongText,
                    false,
                    each(|l| msg!(l, "form-dietary-reaction")),
                ),
                "dietary",
            ),
            signature(),
        ],
    }
}

/// Medication administration: the medicine, its dose and times, its last day and anything else
/// staff should know, then the consent for staff to give it and the guardian's signature.
pub fn medication(title: Texts, details: Texts) -> Definition {
    use crate::msg;
    let mut consent = field(
        "consent",
        Kind::Consent,
        true,
        each(|l| msg!(l, "form-medication-consent-label")),
    );
    consent.wording = each(|l| msg!(l, "form-medication-consent-wording"));
    Definition {
        title,
        intro: details,
        fields: vec![
            field(
                "medicine",
                Kind::ShortText,
                true,
                each(|l| msg!(l, "form-medication-name")),
            ),
            field(
                "dose",
                Kind::ShortText,
                true,
                each(|l| msg!(l, "form-medication-dose")),
            ),
            field(
                "last_day",
                Kind::Date,
                true,
                each(|l| msg!(l, "form-medication-last-day")),
            ),
            field(
                "notes",
                Kind::LongText,
                false,
                each(|l| msg!(l, "form-medication-notes")),
            ),
            field(
                "care_plan",
                Kind::File,
                false,
                each(|l| msg!(l, "form-medication-care-plan")),
            ),
            consent,
            signature(),
        ],
    }
}

/// The key of the photo consent question, whose answer is a [`PhotoConsent`] code.
pub const PHOTO_FIELD: &str = "photo";

/// Photo and video consent: how far photos of the child may be shared, one level from "no
/// photos" to "public", each explained in full; a consent only a guardian with consent rights
/// gives. Then the guardian's signature.
pub fn photo_consent(title: Texts, details: Texts) -> Definition {
    use crate::msg;
    let mut photo = field(
        PHOTO_FIELD,
        Kind::Choice,
        true,
        each(|l| msg!(l, "form-photo-label")),
    );
    photo.wording = each(|l| msg!(l, "form-photo-wording"));
    photo.consent = true;
    photo.choices = PhotoConsent::ALL
        .into_iter()
        .map(|level| Choice {
            value: level.code().to_string(),
            label: each(|l| match level {
                PhotoConsent::None => msg!(l, "form-photo-none"),
                PhotoConsent::OwnPortfolio => msg!(l, "form-photo-portfolio"),
                PhotoConsent::Class => msg!(l, "form-photo-class"),
                PhotoConsent::WholeSchool => msg!(l, "form-photo-school"),
                PhotoConsent::Public => msg!(l, "form-photo-public"),
            }),
        })
        .collect();
    Definition {
        title,
        intro: details,
        fields: vec![photo, signature()],
    }
}
