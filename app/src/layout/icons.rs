//! Inline SVG icons: no icon font to download, and they inherit the text colour.

use leptos::prelude::*;

/// Which icon to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A house.
    Home,
    /// A photo.
    News,
    /// A speech bubble.
    Notices,
    /// A calendar page.
    Calendar,
    /// A ticked form.
    Forms,
    /// A bar chart.
    Reports,
    /// A globe, for the language menu.
    Globe,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
            Icon::News => "M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5h.01",
            Icon::Notices => "M4 5h16v11H8l-4 4zM8 9h8M8 12h5",
            Icon::Calendar => "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5",
            Icon::Forms => "M6 3h9l4 4v14H6zM9 12l2 2 4-4M9 17h6",
            Icon::Reports => "M5 20V10M10 20V4M15 20v-7M20 20v-11M3 21h19",
            Icon::Globe => {
                "M12 3a9 9 0 100 18 9 9 0 000-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"
            }
        }
    }
}

/// A decorative icon; the text beside it carries the meaning.
#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=icon.path()/>
        </svg>
    }
}
