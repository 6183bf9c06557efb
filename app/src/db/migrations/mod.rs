//! Schema migrations, applied in order at every start.

mod m20261123_000001_create_school;
mod m20261123_000002_create_roster;
mod m20261123_000003_create_roster_upload;
mod m20261123_000004_create_notices;
mod m20261130_000005_notice_excerpts;
mod m20261130_000006_create_events;
mod m20261201_000007_create_calendar_feeds;
mod m20261201_000008_notice_period;
mod m20261201_000009_repeating_events;
mod m20261201_000010_calendar_uploads;
mod m20261201_000011_event_attachments;
mod m20261201_000012_create_news;
mod m20261201_000013_news_comments;
mod m20261201_000014_news_edits;
mod m20261202_000015_staff_mail;
mod m20261202_000016_create_forms;
mod m20261202_000017_form_reminders;
mod m20261202_000018_answers_by_phone;
mod m20261202_000019_roster_changes;
mod m20261202_000020_reports;
mod m20261202_000021_report_follow_up;
mod m20261202_000022_photo_webp;
mod m20261203_000023_feed_index;
mod tables;

use sea_orm_migration::prelude::*;

/// Every migration Schoolgate knows, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_school::Migration),
            Box::new(m20261123_000002_create_roster::Migration),
            Box::new(m20261123_000003_create_roster_upload::Migration),
            Box::new(m20261123_000004_create_notices::Migration),
            Box::new(m20261130_000005_notice_excerpts::Migration),
            Box::new(m20261130_000006_create_events::Migration),
            Box::new(m20261201_000007_create_calendar_feeds::Migration),
            Box::new(m20261201_000008_notice_period::Migration),
            Box::new(m20261201_000009_repeating_events::Migration),
            Box::new(m20261201_000010_calendar_uploads::Migration),
            Box::new(m20261201_000011_event_attachments::Migration),
            Box::new(m20261201_000012_create_news::Migration),
            Box::new(m20261201_000013_news_comments::Migration),
            Box::new(m20261201_000014_news_edits::Migration),
            Box::new(m20261202_000015_staff_mail::Migration),
            Box::new(m20261202_000016_create_forms::Migration),
            Box::new(m20261202_000017_form_reminders::Migration),
            Box::new(m20261202_000018_answers_by_phone::Migration),
            Box::new(m20261202_000019_roster_changes::Migration),
            Box::new(m20261202_000020_reports::Migration),
            Box::new(m20261202_000021_report_follow_up::Migration),
            Box::new(m20261202_000022_photo_webp::Migration),
            Box::new(m20261203_000023_feed_index::Migration),
        ]
    }
}
