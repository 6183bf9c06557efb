//! The portal's main sections: where they live, their icons and their names.

use crate::i18n::I18n;
use crate::layout::Icon;
use crate::t;

/// One of the six places a parent moves between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The landing page.
    Home,
    /// The school story, class stories and portfolios.
    News,
    /// The noticeboard.
    Notices,
    /// Events and term dates.
    Calendar,
    /// Digital forms to complete and sign.
    Forms,
    /// Reports to download.
    Reports,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 6] = [
        Section::Home,
        Section::News,
        Section::Notices,
        Section::Calendar,
        Section::Forms,
        Section::Reports,
    ];

    /// The section's address.
    pub fn href(self) -> &'static str {
        match self {
            Section::Home => "/",
            Section::News => "/news",
            Section::Notices => "/notices",
            Section::Calendar => "/calendar",
            Section::Forms => "/forms",
            Section::Reports => "/reports",
        }
    }

    /// The section's icon in the navigation.
    pub fn icon(self) -> Icon {
        match self {
            Section::Home => Icon::Home,
            Section::News => Icon::News,
            Section::Notices => Icon::Notices,
            Section::Calendar => Icon::Calendar,
            Section::Forms => Icon::Forms,
            Section::Reports => Icon::Reports,
        }
    }

    /// The section's name, used in the navigation and as its page heading.
    pub fn name(self, i18n: I18n) -> crate::i18n::Text {
        match self {
            Section::Home => t!(i18n, "nav-home"),
            Section::News => t!(i18n, "nav-news"),
            Section::Notices => t!(i18n, "nav-notices"),
            Section::Calendar => t!(i18n, "nav-calendar"),
            Section::Forms => t!(i18n, "nav-forms"),
            Section::Reports => t!(i18n, "nav-reports"),
        }
    }

    /// What the section holds, for its card on the home page.
    pub fn summary(self, i18n: I18n) -> Option<crate::i18n::Text> {
        match self {
            Section::Home => None,
            Section::News => Some(t!(i18n, "home-card-news")),
            Section::Notices => Some(t!(i18n, "home-card-notices")),
            Section::Calendar => Some(t!(i18n, "home-card-calendar")),
            Section::Forms => Some(t!(i18n, "home-card-forms")),
            Section::Reports => Some(t!(i18n, "home-card-reports")),
        }
    }
}
