//! The school's people and groups: pupils, guardians, staff, year groups and classes, the demo
//! school, generated schools for tests and benchmarks, and the MIS roster import.

#[cfg(feature = "ssr")]
pub mod accounts;
pub mod change_dto;
#[cfg(feature = "ssr")]
pub mod change_queue;
#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod contact;
pub mod contact_page;

/// The guardian's contact page.
pub const CONTACT_PATH: &str = "/forms/contact";
/// The office's list of changes families asked for.
pub const CHANGES_PATH: &str = "/admin/forms/changes";
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod generated;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod import_page;
#[cfg(feature = "ssr")]
pub mod letters;
pub mod office;
pub mod office_dto;
pub mod office_pages;
#[cfg(feature = "ssr")]
pub mod relationship;
#[cfg(feature = "ssr")]
pub mod staff_page;
#[cfg(feature = "ssr")]
pub mod structure;

use serde::{Deserialize, Serialize};

/// How far a pupil's photo may be shared, from the consent form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PhotoConsent {
    /// No photos at all.
    None,
    /// Only in the child's own portfolio, seen by their family.
    OwnPortfolio,
    /// In class stories.
    Class,
    /// In whole-school stories.
    WholeSchool,
    /// On the public website and social media.
    Public,
}

impl PhotoConsent {
    /// Every level, narrowest first.
    pub const ALL: [PhotoConsent; 5] = [
        PhotoConsent::None,
        PhotoConsent::OwnPortfolio,
        PhotoConsent::Class,
        PhotoConsent::WholeSchool,
        PhotoConsent::Public,
    ];

    /// The stable code stored in the database and the import file.
    pub fn code(self) -> &'static str {
        match self {
            PhotoConsent::None => "none",
            PhotoConsent::OwnPortfolio => "portfolio",
            PhotoConsent::Class => "class",
            PhotoConsent::WholeSchool => "school",
            PhotoConsent::Public => "public",
        }
    }

    /// The level for a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The name a pupil is known by: the preferred name if the family gave one.
#[cfg(feature = "ssr")]
pub fn display_name(pupil: &crate::db::entities::pupil::Model) -> String {
    let first = pupil
        .preferred_name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&pupil.legal_first_name);
    format!("{first} {}", pupil.legal_last_name)
}

#[cfg(test)]
mod tests {
    use super::PhotoConsent;

    #[test]
    fn consent_codes_round_trip_and_order_by_reach() {
        for level in PhotoConsent::ALL {
            assert_eq!(PhotoConsent::from_code(level.code()), Some(level));
        }
        assert!(PhotoConsent::Class < PhotoConsent::Public);
    }
}
