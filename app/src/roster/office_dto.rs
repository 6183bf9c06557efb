//! What the office's pages read from the server: access-code letters, the roster import and
//! staff accounts. Texts made on the server come in every language (`PerLocale`), so the pages
//! switch language in the browser like every other page.

use crate::access::Role;
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use serde::{Deserialize, Serialize};

/// A class the office may print letters for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassChoice {
    /// The class's id.
    pub id: i32,
    /// Its name.
    pub name: String,
}

/// A one-time code just issued, to hand to its holder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    /// The account's sign-in email.
    pub email: String,
    /// The code.
    pub code: String,
    /// The reset link with the code in it.
    pub link: String,
}

/// A QR code as one SVG path over its dark modules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrCode {
    /// Width and height in modules, quiet zone included.
    pub size: u32,
    /// The path's `d`.
    pub path: String,
}

/// One printed letter, written on the server in its guardian's language (not the reader's:
/// the letter is for the guardian).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// The guardian's language tag.
    pub lang: String,
    /// "Join {school} on Schoolgate".
    pub title: String,
    /// "Dear {name},".
    pub greeting: String,
    /// What the portal is, naming their children.
    pub intro: String,
    /// "Your access code".
    pub code_label: String,
    /// The one-time code.
    pub code: String,
    /// The QR code's description.
    pub qr_label: String,
    /// The link as a QR code.
    pub qr: Option<QrCode>,
    /// The sign-up link with the code in it.
    pub link: String,
    /// Until when the code works.
    pub expiry: String,
}

/// A class's letters, just issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedLetters {
    /// The school's name.
    pub school: String,
    /// The class's name.
    pub class_name: String,
    /// One per guardian without an account.
    pub letters: Vec<Letter>,
}

/// `/admin/letters`: the classes, the letters just printed, and the guardian-reset form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LettersPage {
    /// This year's classes.
    pub classes: Vec<ClassChoice>,
    /// The letters the office just asked for.
    pub printed: Option<PrintedLetters>,
    /// The guardian's email as typed in the reset form.
    pub reset_email: String,
    /// Why the last request was refused.
    pub problem: Option<AppError>,
    /// A reset code just issued.
    pub issued: Option<IssuedCode>,
}

impl LettersPage {
    /// The page with `classes` to choose from and nothing done yet.
    pub fn of(classes: Vec<ClassChoice>) -> Self {
        Self {
            classes,
            printed: None,
            reset_email: String::new(),
            problem: None,
            issued: None,
        }
    }
}

/// A row of the MIS file that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// The line in the file.
    pub line: u32,
    /// What is wrong with it.
    pub text: PerLocale<String>,
}

/// Where the office is in importing a roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RosterStep {
    /// Choosing a file.
    Choose,
    /// A file checked: what importing would do, and the upload to import if it has no problems.
    Checked {
        /// What importing would do.
        summary: PerLocale<String>,
        /// The kept upload, when the file can be imported.
        upload: Option<String>,
        /// Every row that cannot be imported.
        problems: Vec<RowProblem>,
    },
    /// Importing, in the background.
    Importing {
        /// Rows done.
        done: u32,
        /// Rows in all.
        total: u32,
    },
    /// Finished: what the import did, or the problems that stopped it.
    Imported {
        /// What it did.
        summary: PerLocale<String>,
        /// The rows that stopped it (nothing was imported).
        problems: Vec<RowProblem>,
    },
}

/// `/admin/roster` and its progress page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPage {
    /// The step.
    pub step: RosterStep,
    /// Why the last request was refused.
    pub problem: Option<AppError>,
}

/// Where a staff account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountState {
    /// Created; no password set yet.
    Invited,
    /// In use.
    Active,
    /// Switched off by the system admin.
    Suspended,
}

/// One member of staff with an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// The account's id.
    pub account: i32,
    /// Their name.
    pub name: String,
    /// Their sign-in email.
    pub email: String,
    /// Their roles.
    pub roles: Vec<Role>,
    /// Their account's state.
    pub state: AccountState,
}

/// The new-account form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStaff {
    /// Their name.
    pub name: String,
    /// Their sign-in email.
    pub email: String,
    /// The roles ticked.
    pub roles: Vec<Role>,
}

/// `/admin/staff`: every staff account and the new-account form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPage {
    /// Every member of staff with an account, by name.
    pub members: Vec<StaffMember>,
    /// The new-account form, as typed when it was refused.
    pub new: NewStaff,
    /// Why the last request was refused.
    pub problem: Option<AppError>,
    /// A set-password or reset code just issued.
    pub issued: Option<IssuedCode>,
}

/// Roles a system admin may give: every role but a parent's.
pub fn staff_roles() -> impl Iterator<Item = Role> {
    Role::ALL.into_iter().filter(|r| *r != Role::Guardian)
}

/// A role's name in `locale`.
pub fn role_name(locale: Locale, role: Role) -> String {
    match role {
        Role::Guardian => crate::msg!(locale, "role-guardian"),
        Role::Teacher => crate::msg!(locale, "role-teacher"),
        Role::TeachingAssistant => crate::msg!(locale, "role-teaching-assistant"),
        Role::OfficeAdmin => crate::msg!(locale, "role-office-admin"),
        Role::Leadership => crate::msg!(locale, "role-leadership"),
        Role::SafeguardingLead => crate::msg!(locale, "role-safeguarding-lead"),
        Role::SystemAdmin => crate::msg!(locale, "role-system-admin"),
    }
}
