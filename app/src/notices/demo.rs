//! The demo school's first notices, published by its office when `schoolgate seed` creates the
//! school, so a new user trying the portal finds a noticeboard with something on it: a welcome
//! to every family in three languages, a Year 3 trip to acknowledge, and a pinned closure.

use super::Category;
use super::store::{self, Draft, TranslationInput};
use crate::audience::Audience;
use crate::db::entities::notice;
use crate::i18n::Locale;
use chrono::{Duration, Utc};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};

/// Publishes the demo notices in `school_id`; returns how many.
pub async fn seed(db: &DatabaseConnection, school_id: i32) -> Result<usize, DbErr> {
    use crate::roster::demo::{OFFICE_EMAIL, office_account};
    let author = office_account(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(OFFICE_EMAIL.into()))?;
    let class_3a = crate::roster::demo::class_id(db, school_id, "3A").await?;
    let now = Utc::now();
    let whole_school = Audience {
        whole_school: true,
        ..Audience::default()
    };
    let mut drafts = vec![
        Draft {
            title: "Welcome to Schoolgate".into(),
            body_source: "Letters, events, forms and reports from school now arrive here, in the \
                          language you choose at the top of the page.\n\nQuestions? Ask the \
                          **school office**."
                .into(),
            language: Locale::EnGb,
            category: Category::General,
            audience: whole_school.clone(),
            translations: vec![
                TranslationInput {
                    language: Locale::ZhCn,
                    title: "欢迎使用 Schoolgate".into(),
                    body_source: "学校的信函、活动、表格和报告现在都会发到这里，使用您在页面顶部\
                                  选择的语言。\n\n有问题？请联系**学校办公室**。"
                        .into(),
                },
                TranslationInput {
                    language: Locale::Ar,
                    title: "مرحبًا بكم في Schoolgate".into(),
                    body_source: "تصلكم هنا الآن رسائل المدرسة وفعالياتها ونماذجها وتقاريرها، \
                                  باللغة التي تختارونها أعلى الصفحة.\n\nلديكم سؤال؟ تواصلوا مع \
                                  **مكتب المدرسة**."
                        .into(),
                },
            ],
            ..Draft::default()
        },
        Draft {
            title: "School closed on Friday for staff training".into(),
            body_source: "The school is closed to pupils on **Friday** for an INSET day. \
                          Breakfast club and after-school clubs do not run."
                .into(),
            language: Locale::EnGb,
            category: Category::Closure,
            audience: whole_school,
            pinned: true,
            ..Draft::default()
        },
    ];
    if let Some(class_3a) = class_3a {
        drafts.push(Draft {
            title: "Class 3A trip to the Science Museum".into(),
            body_source: "Class 3A visits the Science Museum next month. Please send a **packed \
                          lunch** and a waterproof coat, and acknowledge this letter."
                .into(),
            language: Locale::EnGb,
            category: Category::Trip,
            audience: Audience {
                classes: vec![class_3a],
                ..Audience::default()
            },
            ack_required: true,
            ack_by: Some((now + Duration::days(14)).date_naive()),
            ..Draft::default()
        });
    }
    let zone = crate::school::db::timezone(db, school_id).await?;
    for draft in &drafts {
        let id = store::save_draft(db, school_id, author, None, draft, now).await?;
        let notice = notice::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("notice {id}")))?;
        store::publish(db, &notice, now, now, &zone).await?;
    }
    Ok(drafts.len())
}
