//! Creates the school model: years, year groups, classes, pupils, guardians, staff, accounts,
//! sessions, access codes and sign-in failures.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum School {
    Table,
    Id,
    StaffHoursStart,
    StaffHoursEnd,
}

#[derive(DeriveIden)]
enum AcademicYear {
    Table,
    Id,
    SchoolId,
    Name,
    StartsOn,
    EndsOn,
    IsCurrent,
}

#[derive(DeriveIden)]
enum YearGroup {
    Table,
    Id,
    SchoolId,
    Name,
    Position,
}

#[derive(DeriveIden)]
enum Class {
    Table,
    Id,
    SchoolId,
    AcademicYearId,
    YearGroupId,
    Name,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
    SchoolId,
    Name,
    Email,
}

#[derive(DeriveIden)]
enum StaffRole {
    Table,
    Id,
    StaffId,
    Role,
}

#[derive(DeriveIden)]
enum ClassStaff {
    Table,
    Id,
    ClassId,
    StaffId,
    Kind,
}

#[derive(DeriveIden)]
enum Pupil {
    Table,
    Id,
    SchoolId,
    MisId,
    LegalFirstName,
    LegalLastName,
    PreferredName,
    DateOfBirth,
    PhotoConsent,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    Id,
    PupilId,
    AcademicYearId,
    YearGroupId,
    ClassId,
}

#[derive(DeriveIden)]
enum Guardian {
    Table,
    Id,
    SchoolId,
    MisId,
    Name,
    Email,
    EmailAlt,
    Phone,
    PhoneAlt,
    PreferredLocale,
}

#[derive(DeriveIden)]
enum GuardianPupil {
    Table,
    Id,
    GuardianId,
    PupilId,
    Relationship,
    ParentalResponsibility,
    ReceivesReports,
    MayConsent,
    LivesWithPupil,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    SchoolId,
    Email,
    PasswordHash,
    Status,
    GuardianId,
    StaffId,
    SelectedPupilId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    UserId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccessCode {
    Table,
    Id,
    SchoolId,
    GuardianId,
    UserId,
    Purpose,
    CodeHash,
    ExpiresAt,
    UsedAt,
    FailedAttempts,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SignInFailure {
    Table,
    Id,
    Key,
    At,
}

fn id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn int<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).integer().not_null().to_owned()
}

fn text<T: IntoIden>(name: T, len: u32) -> ColumnDef {
    ColumnDef::new(name).string_len(len).not_null().to_owned()
}

fn optional_text<T: IntoIden>(name: T, len: u32) -> ColumnDef {
    ColumnDef::new(name).string_len(len).null().to_owned()
}

fn flag<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .boolean()
        .not_null()
        .default(false)
        .to_owned()
}

fn instant<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

/// A foreign key from `table.column` to `to.id`; children go with their parent.
fn parent<T: IntoIden, C: IntoIden, P: IntoIden, I: IntoIden>(
    table: T,
    column: C,
    to: P,
    to_id: I,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, to_id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn unique<T: IntoIden>(name: &str, table: T, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).unique().to_owned();
    for column in columns {
        index.col(Alias::new(*column));
    }
    index
}

fn plain<T: IntoIden>(name: &str, table: T, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for column in columns {
        index.col(Alias::new(*column));
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER.
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(
                        ColumnDef::new(School::StaffHoursStart)
                            .string_len(5)
                            .not_null()
                            .default("08:30"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .add_column(
                        ColumnDef::new(School::StaffHoursEnd)
                            .string_len(5)
                            .not_null()
                            .default("16:00"),
                    )
                    .to_owned(),
            )
            .await?;

        let tables = [
            Table::create()
                .table(AcademicYear::Table)
                .col(id(AcademicYear::Id))
                .col(int(AcademicYear::SchoolId))
                .col(text(AcademicYear::Name, 40))
                .col(ColumnDef::new(AcademicYear::StartsOn).date().not_null())
                .col(ColumnDef::new(AcademicYear::EndsOn).date().not_null())
                .col(flag(AcademicYear::IsCurrent))
                .foreign_key(&mut parent(
                    AcademicYear::Table,
                    AcademicYear::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .to_owned(),
            Table::create()
                .table(YearGroup::Table)
                .col(id(YearGroup::Id))
                .col(int(YearGroup::SchoolId))
                .col(text(YearGroup::Name, 60))
                .col(int(YearGroup::Position))
                .foreign_key(&mut parent(
                    YearGroup::Table,
                    YearGroup::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .to_owned(),
            Table::create()
                .table(Class::Table)
                .col(id(Class::Id))
                .col(int(Class::SchoolId))
                .col(int(Class::AcademicYearId))
                .col(int(Class::YearGroupId))
                .col(text(Class::Name, 60))
                .foreign_key(&mut parent(
                    Class::Table,
                    Class::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .foreign_key(&mut parent(
                    Class::Table,
                    Class::AcademicYearId,
                    AcademicYear::Table,
                    AcademicYear::Id,
                ))
                .foreign_key(&mut parent(
                    Class::Table,
                    Class::YearGroupId,
                    YearGroup::Table,
                    YearGroup::Id,
                ))
                .to_owned(),
            Table::create()
                .table(Staff::Table)
                .col(id(Staff::Id))
                .col(int(Staff::SchoolId))
                .col(text(Staff::Name, 200))
                .col(text(Staff::Email, 254))
                .foreign_key(&mut parent(
                    Staff::Table,
                    Staff::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .to_owned(),
            Table::create()
                .table(StaffRole::Table)
                .col(id(StaffRole::Id))
                .col(int(StaffRole::StaffId))
                .col(text(StaffRole::Role, 40))
                .foreign_key(&mut parent(
                    StaffRole::Table,
                    StaffRole::StaffId,
                    Staff::Table,
                    Staff::Id,
                ))
                .to_owned(),
            Table::create()
                .table(ClassStaff::Table)
                .col(id(ClassStaff::Id))
                .col(int(ClassStaff::ClassId))
                .col(int(ClassStaff::StaffId))
                .col(text(ClassStaff::Kind, 20))
                .foreign_key(&mut parent(
                    ClassStaff::Table,
                    ClassStaff::ClassId,
                    Class::Table,
                    Class::Id,
                ))
                .foreign_key(&mut parent(
                    ClassStaff::Table,
                    ClassStaff::StaffId,
                    Staff::Table,
                    Staff::Id,
                ))
                .to_owned(),
            Table::create()
                .table(Pupil::Table)
                .col(id(Pupil::Id))
                .col(int(Pupil::SchoolId))
                .col(text(Pupil::MisId, 64))
                .col(text(Pupil::LegalFirstName, 100))
                .col(text(Pupil::LegalLastName, 100))
                .col(optional_text(Pupil::PreferredName, 100))
                .col(ColumnDef::new(Pupil::DateOfBirth).date().not_null())
                .col(text(Pupil::PhotoConsent, 20))
                .foreign_key(&mut parent(
                    Pupil::Table,
                    Pupil::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .to_owned(),
            Table::create()
                .table(Enrolment::Table)
                .col(id(Enrolment::Id))
                .col(int(Enrolment::PupilId))
                .col(int(Enrolment::AcademicYearId))
                .col(int(Enrolment::YearGroupId))
                .col(ColumnDef::new(Enrolment::ClassId).integer().null())
                .foreign_key(&mut parent(
                    Enrolment::Table,
                    Enrolment::PupilId,
                    Pupil::Table,
                    Pupil::Id,
                ))
                .foreign_key(&mut parent(
                    Enrolment::Table,
                    Enrolment::AcademicYearId,
                    AcademicYear::Table,
                    AcademicYear::Id,
                ))
                .foreign_key(&mut parent(
                    Enrolment::Table,
                    Enrolment::YearGroupId,
                    YearGroup::Table,
                    YearGroup::Id,
                ))
                .foreign_key(&mut parent(
                    Enrolment::Table,
                    Enrolment::ClassId,
                    Class::Table,
                    Class::Id,
                ))
                .to_owned(),
            Table::create()
                .table(Guardian::Table)
                .col(id(Guardian::Id))
                .col(int(Guardian::SchoolId))
                .col(text(Guardian::MisId, 64))
                .col(text(Guardian::Name, 200))
                .col(optional_text(Guardian::Email, 254))
                .col(optional_text(Guardian::EmailAlt, 254))
                .col(optional_text(Guardian::Phone, 40))
                .col(optional_text(Guardian::PhoneAlt, 40))
                .col(text(Guardian::PreferredLocale, 35))
                .foreign_key(&mut parent(
                    Guardian::Table,
                    Guardian::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .to_owned(),
            Table::create()
                .table(GuardianPupil::Table)
                .col(id(GuardianPupil::Id))
                .col(int(GuardianPupil::GuardianId))
                .col(int(GuardianPupil::PupilId))
                .col(text(GuardianPupil::Relationship, 40))
                .col(flag(GuardianPupil::ParentalResponsibility))
                .col(flag(GuardianPupil::ReceivesReports))
                .col(flag(GuardianPupil::MayConsent))
                .col(flag(GuardianPupil::LivesWithPupil))
                .foreign_key(&mut parent(
                    GuardianPupil::Table,
                    GuardianPupil::GuardianId,
                    Guardian::Table,
                    Guardian::Id,
                ))
                .foreign_key(&mut parent(
                    GuardianPupil::Table,
                    GuardianPupil::PupilId,
                    Pupil::Table,
                    Pupil::Id,
                ))
                .to_owned(),
            Table::create()
                .table(UserAccount::Table)
                .col(id(UserAccount::Id))
                .col(int(UserAccount::SchoolId))
                .col(text(UserAccount::Email, 254))
                .col(optional_text(UserAccount::PasswordHash, 200))
                .col(text(UserAccount::Status, 20))
                .col(ColumnDef::new(UserAccount::GuardianId).integer().null())
                .col(ColumnDef::new(UserAccount::StaffId).integer().null())
                .col(
                    ColumnDef::new(UserAccount::SelectedPupilId)
                        .integer()
                        .null(),
                )
                .col(instant(UserAccount::CreatedAt))
                .foreign_key(&mut parent(
                    UserAccount::Table,
                    UserAccount::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .foreign_key(&mut parent(
                    UserAccount::Table,
                    UserAccount::GuardianId,
                    Guardian::Table,
                    Guardian::Id,
                ))
                .foreign_key(&mut parent(
                    UserAccount::Table,
                    UserAccount::StaffId,
                    Staff::Table,
                    Staff::Id,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserAccount::Table, UserAccount::SelectedPupilId)
                        .to(Pupil::Table, Pupil::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
            Table::create()
                .table(Session::Table)
                .col(
                    ColumnDef::new(Session::Id)
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(int(Session::UserId))
                .col(instant(Session::CreatedAt))
                .col(instant(Session::ExpiresAt))
                .foreign_key(&mut parent(
                    Session::Table,
                    Session::UserId,
                    UserAccount::Table,
                    UserAccount::Id,
                ))
                .to_owned(),
            Table::create()
                .table(AccessCode::Table)
                .col(id(AccessCode::Id))
                .col(int(AccessCode::SchoolId))
                .col(ColumnDef::new(AccessCode::GuardianId).integer().null())
                .col(ColumnDef::new(AccessCode::UserId).integer().null())
                .col(text(AccessCode::Purpose, 20))
                .col(text(AccessCode::CodeHash, 64))
                .col(instant(AccessCode::ExpiresAt))
                .col(
                    ColumnDef::new(AccessCode::UsedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(AccessCode::FailedAttempts)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(instant(AccessCode::CreatedAt))
                .foreign_key(&mut parent(
                    AccessCode::Table,
                    AccessCode::SchoolId,
                    School::Table,
                    School::Id,
                ))
                .foreign_key(&mut parent(
                    AccessCode::Table,
                    AccessCode::GuardianId,
                    Guardian::Table,
                    Guardian::Id,
                ))
                .foreign_key(&mut parent(
                    AccessCode::Table,
                    AccessCode::UserId,
                    UserAccount::Table,
                    UserAccount::Id,
                ))
                .to_owned(),
            Table::create()
                .table(SignInFailure::Table)
                .col(id(SignInFailure::Id))
                .col(text(SignInFailure::Key, 300))
                .col(instant(SignInFailure::At))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }

        let indexes = [
            unique(
                "ux_year_group_name",
                YearGroup::Table,
                &["school_id", "name"],
            ),
            unique("ux_class_name", Class::Table, &["academic_year_id", "name"]),
            unique("ux_staff_email", Staff::Table, &["school_id", "email"]),
            unique("ux_staff_role", StaffRole::Table, &["staff_id", "role"]),
            unique(
                "ux_class_staff",
                ClassStaff::Table,
                &["class_id", "staff_id"],
            ),
            plain("ix_class_staff_staff", ClassStaff::Table, &["staff_id"]),
            unique("ux_pupil_mis", Pupil::Table, &["school_id", "mis_id"]),
            unique(
                "ux_enrolment",
                Enrolment::Table,
                &["pupil_id", "academic_year_id"],
            ),
            plain("ix_enrolment_class", Enrolment::Table, &["class_id"]),
            plain(
                "ix_enrolment_year_group",
                Enrolment::Table,
                &["academic_year_id", "year_group_id"],
            ),
            unique("ux_guardian_mis", Guardian::Table, &["school_id", "mis_id"]),
            unique(
                "ux_guardian_pupil",
                GuardianPupil::Table,
                &["guardian_id", "pupil_id"],
            ),
            plain(
                "ix_guardian_pupil_pupil",
                GuardianPupil::Table,
                &["pupil_id"],
            ),
            unique("ux_user_email", UserAccount::Table, &["email"]),
            unique("ux_user_guardian", UserAccount::Table, &["guardian_id"]),
            unique("ux_user_staff", UserAccount::Table, &["staff_id"]),
            plain("ix_session_user", Session::Table, &["user_id"]),
            unique("ux_access_code_hash", AccessCode::Table, &["code_hash"]),
            plain("ix_sign_in_failure", SignInFailure::Table, &["key", "at"]),
        ];
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SignInFailure::Table.into_iden(),
            AccessCode::Table.into_iden(),
            Session::Table.into_iden(),
            UserAccount::Table.into_iden(),
            GuardianPupil::Table.into_iden(),
            Guardian::Table.into_iden(),
            Enrolment::Table.into_iden(),
            Pupil::Table.into_iden(),
            ClassStaff::Table.into_iden(),
            StaffRole::Table.into_iden(),
            Staff::Table.into_iden(),
            Class::Table.into_iden(),
            YearGroup::Table.into_iden(),
            AcademicYear::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .drop_column(School::StaffHoursStart)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(School::Table)
                    .drop_column(School::StaffHoursEnd)
                    .to_owned(),
            )
            .await
    }
}
