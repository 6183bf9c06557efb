//! The role → capability table and the one function that reads it.

use serde::{Deserialize, Serialize};

/// A role a user holds at a school. A person may hold several (a teacher who is also the DSL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// A parent or carer linked to one or more pupils.
    Guardian,
    /// A class teacher.
    Teacher,
    /// A teaching assistant attached to classes.
    TeachingAssistant,
    /// The school office: rosters, access codes, whole-school communication.
    OfficeAdmin,
    /// Head and senior leaders.
    Leadership,
    /// The designated safeguarding lead.
    SafeguardingLead,
    /// Runs the installation: staff accounts and settings, not pupils' data.
    SystemAdmin,
}

impl Role {
    /// Every role, for tests and the staff screens.
    pub const ALL: [Role; 7] = [
        Role::Guardian,
        Role::Teacher,
        Role::TeachingAssistant,
        Role::OfficeAdmin,
        Role::Leadership,
        Role::SafeguardingLead,
        Role::SystemAdmin,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Guardian => "guardian",
            Role::Teacher => "teacher",
            Role::TeachingAssistant => "teaching-assistant",
            Role::OfficeAdmin => "office-admin",
            Role::Leadership => "leadership",
            Role::SafeguardingLead => "safeguarding-lead",
            Role::SystemAdmin => "system-admin",
        }
    }

    /// The role for a stored code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Something a user may be allowed to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Capability {
    /// Read notices addressed to one's audience.
    NoticeRead,
    /// Acknowledge a notice on behalf of one's child.
    NoticeAcknowledge,
    /// Publish notices to classes.
    NoticePublishClass,
    /// Publish notices to year groups or the whole school.
    NoticePublishSchool,
    /// See who has read and acknowledged a notice.
    NoticeStatsView,
    /// Import the roster from the school's MIS.
    RosterImport,
    /// Issue one-time access codes to guardians.
    AccessCodesIssue,
    /// Create and suspend staff accounts, reset their passwords.
    StaffManage,
    /// Change the school's name, hours and languages.
    SchoolSettingsManage,
    /// See how many families an audience reaches, before publishing to it.
    AudiencePreview,
    /// Read the calendar's events addressed to one's audience.
    CalendarRead,
    /// Put events on the calendar for classes (and their pupils), change and cancel them.
    CalendarWriteClass,
    /// Put events on the calendar for year groups, the whole school or staff only.
    CalendarWriteSchool,
    /// Read the newsfeed: the school story, class stories and portfolios one may see.
    NewsRead,
    /// Post to class stories and the portfolios of the class's pupils.
    NewsPostClass,
    /// Post to the school story.
    NewsPostSchool,
    /// Answer the forms sent to one's children, and sign them.
    FormAnswer,
    /// Send forms to families (classes, or the whole school) and see their answers.
    FormManage,
    /// Approve or reject the contact details and photo consents families ask to change.
    RosterChangeApprove,
    /// Download the reports one's children's school publishes for them.
    ReportRead,
    /// Upload and publish reports, and see who has opened them and every download.
    ReportManage,
}

/// How far a granted capability reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// Only what concerns the user's own children.
    OwnChildren,
    /// Only the classes the member of staff teaches or supports.
    OwnClasses,
    /// The whole school.
    WholeSchool,
}

impl Capability {
    /// A stable dotted name for logs, audit entries and the authorization matrix.
    pub fn code(self) -> &'static str {
        match self {
            Capability::NoticeRead => "notice.read",
            Capability::NoticeAcknowledge => "notice.acknowledge",
            Capability::NoticePublishClass => "notice.publish.class",
            Capability::NoticePublishSchool => "notice.publish.school",
            Capability::NoticeStatsView => "notice.stats.view",
            Capability::RosterImport => "roster.import",
            Capability::AccessCodesIssue => "account.codes.issue",
            Capability::StaffManage => "staff.manage",
            Capability::SchoolSettingsManage => "school.settings.manage",
            Capability::AudiencePreview => "audience.preview",
            Capability::CalendarRead => "calendar.read",
            Capability::CalendarWriteClass => "calendar.write.class",
            Capability::CalendarWriteSchool => "calendar.write.school",
            Capability::NewsRead => "news.read",
            Capability::NewsPostClass => "news.post.class",
            Capability::NewsPostSchool => "news.post.school",
            Capability::FormAnswer => "form.answer",
            Capability::FormManage => "form.manage",
            Capability::RosterChangeApprove => "roster.change.approve",
            Capability::ReportRead => "report.read",
            Capability::ReportManage => "report.manage",
        }
    }
}

/// The table: what each role grants, and how far.
fn grants(role: Role) -> &'static [(Capability, Scope)] {
    use Capability::*;
    use Scope::*;
    match role {
        Role::Guardian => &[
            (NoticeRead, OwnChildren),
            (NoticeAcknowledge, OwnChildren),
            (CalendarRead, OwnChildren),
            (NewsRead, OwnChildren),
            (FormAnswer, OwnChildren),
            (ReportRead, OwnChildren),
        ],
        // Every member of staff plans around the whole school's calendar.
        Role::Teacher => &[
            (NoticeRead, OwnClasses),
            (CalendarRead, WholeSchool),
            (NoticePublishClass, OwnClasses),
            (NoticeStatsView, OwnClasses),
            (AudiencePreview, OwnClasses),
            (CalendarWriteClass, OwnClasses),
            (NewsRead, OwnClasses),
            (NewsPostClass, OwnClasses),
            (FormManage, OwnClasses),
        ],
        // Assistants share the class's day with its families as its teacher does.
        Role::TeachingAssistant => &[
            (NoticeRead, OwnClasses),
            (CalendarRead, WholeSchool),
            (NewsRead, OwnClasses),
            (NewsPostClass, OwnClasses),
        ],
        Role::OfficeAdmin => &[
            (NoticeRead, WholeSchool),
            (CalendarRead, WholeSchool),
            (NoticePublishClass, WholeSchool),
            (NoticePublishSchool, WholeSchool),
            (NoticeStatsView, WholeSchool),
            (RosterImport, WholeSchool),
            (AccessCodesIssue, WholeSchool),
            (AudiencePreview, WholeSchool),
            (CalendarWriteClass, WholeSchool),
            (CalendarWriteSchool, WholeSchool),
            (NewsRead, WholeSchool),
            (NewsPostClass, WholeSchool),
            (NewsPostSchool, WholeSchool),
            (FormManage, WholeSchool),
            (RosterChangeApprove, WholeSchool),
            (ReportManage, WholeSchool),
        ],
        Role::Leadership | Role::SafeguardingLead => &[
            (NoticeRead, WholeSchool),
            (CalendarRead, WholeSchool),
            (NoticePublishClass, WholeSchool),
            (NoticePublishSchool, WholeSchool),
            (NoticeStatsView, WholeSchool),
            (AudiencePreview, WholeSchool),
            (CalendarWriteClass, WholeSchool),
            (CalendarWriteSchool, WholeSchool),
            (NewsRead, WholeSchool),
            (NewsPostClass, WholeSchool),
            (NewsPostSchool, WholeSchool),
            (FormManage, WholeSchool),
            (RosterChangeApprove, WholeSchool),
            (ReportManage, WholeSchool),
        ],
        Role::SystemAdmin => &[
            (StaffManage, WholeSchool),
            (SchoolSettingsManage, WholeSchool),
        ],
    }
}

/// The widest scope in which any of `roles` grants `capability`; `None` means not allowed.
pub fn allowed_scope(roles: &[Role], capability: Capability) -> Option<Scope> {
    roles
        .iter()
        .flat_map(|role| grants(*role).iter())
        .filter(|(granted, _)| *granted == capability)
        .map(|(_, scope)| *scope)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [Role; 7] = Role::ALL;
    const CAPABILITIES: [Capability; 21] = [
        Capability::NoticeRead,
        Capability::NoticeAcknowledge,
        Capability::NoticePublishClass,
        Capability::NoticePublishSchool,
        Capability::NoticeStatsView,
        Capability::RosterImport,
        Capability::AccessCodesIssue,
        Capability::StaffManage,
        Capability::SchoolSettingsManage,
        Capability::AudiencePreview,
        Capability::CalendarRead,
        Capability::CalendarWriteClass,
        Capability::CalendarWriteSchool,
        Capability::NewsRead,
        Capability::NewsPostClass,
        Capability::NewsPostSchool,
        Capability::FormAnswer,
        Capability::FormManage,
        Capability::RosterChangeApprove,
        Capability::ReportRead,
        Capability::ReportManage,
    ];

    #[test]
    fn teachers_publish_to_their_own_classes_only() {
        assert_eq!(
            allowed_scope(&[Role::Teacher], Capability::NoticePublishClass),
            Some(Scope::OwnClasses)
        );
        assert_eq!(
            allowed_scope(&[Role::Teacher], Capability::NoticePublishSchool),
            None
        );
        assert_eq!(
            allowed_scope(&[Role::Teacher], Capability::RosterImport),
            None
        );
        assert_eq!(
            allowed_scope(&[Role::Teacher], Capability::CalendarWriteClass),
            Some(Scope::OwnClasses)
        );
        assert_eq!(
            allowed_scope(&[Role::Teacher], Capability::CalendarWriteSchool),
            None
        );
    }

    #[test]
    fn office_and_leadership_reach_the_whole_school() {
        for role in [Role::OfficeAdmin, Role::Leadership] {
            assert_eq!(
                allowed_scope(&[role], Capability::NoticePublishSchool),
                Some(Scope::WholeSchool)
            );
        }
        assert_eq!(
            allowed_scope(&[Role::Leadership], Capability::RosterImport),
            None
        );
    }

    #[test]
    fn guardians_only_read_and_acknowledge_for_their_children() {
        for capability in CAPABILITIES {
            let expected = matches!(
                capability,
                Capability::NoticeRead
                    | Capability::NoticeAcknowledge
                    | Capability::CalendarRead
                    | Capability::NewsRead
                    | Capability::FormAnswer
                    | Capability::ReportRead
            )
            .then_some(Scope::OwnChildren);
            assert_eq!(
                allowed_scope(&[Role::Guardian], capability),
                expected,
                "{capability:?}"
            );
        }
    }

    #[test]
    fn several_roles_give_the_widest_scope() {
        assert_eq!(
            allowed_scope(
                &[Role::Teacher, Role::SafeguardingLead],
                Capability::NoticeStatsView
            ),
            Some(Scope::WholeSchool)
        );
        assert_eq!(allowed_scope(&[], Capability::NoticeRead), None);
    }

    #[test]
    fn every_capability_is_granted_by_some_role_and_codes_are_unique() {
        let mut codes = std::collections::HashSet::new();
        for capability in CAPABILITIES {
            assert!(
                ROLES
                    .iter()
                    .any(|r| allowed_scope(&[*r], capability).is_some()),
                "{} is granted by no role",
                capability.code()
            );
            assert!(
                codes.insert(capability.code()),
                "duplicate code {}",
                capability.code()
            );
        }
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("head"), None);
    }

    #[test]
    fn the_system_admin_runs_the_installation_but_reads_no_family_data() {
        assert_eq!(
            allowed_scope(&[Role::SystemAdmin], Capability::NoticeRead),
            None
        );
        assert_eq!(
            allowed_scope(&[Role::SystemAdmin], Capability::StaffManage),
            Some(Scope::WholeSchool)
        );
    }
}
