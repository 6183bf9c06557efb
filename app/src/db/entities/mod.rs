//! sea-orm entities, one module per table.

pub mod academic_year;
pub mod access_code;
pub mod class;
pub mod class_staff;
pub mod enrolment;
pub mod guardian;
pub mod guardian_pupil;
pub mod pupil;
pub mod roster_upload;
pub mod school;
pub mod session;
pub mod sign_in_failure;
pub mod staff;
pub mod staff_role;
pub mod user_account;
pub mod year_group;
