//! School data that crosses the wire.

use serde::{Deserialize, Serialize};

/// What any visitor may know about the school: it is printed on letters and the website anyway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolProfile {
    /// The school's name as parents know it.
    pub name: String,
    /// The name a phone's top bar has room for ("Riverside"), made on the server.
    pub short_name: String,
    /// The school's default interface language tag.
    pub default_locale: String,
}
