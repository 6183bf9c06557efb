//! The newsfeed through the pages as a browser uses them: a teacher's post with photos from a
//! phone is refused while a tagged pupil's consent does not cover it, and published once it does;
//! every stored size of a photo carries no EXIF at all (read by Pillow, not by us) and is upright;
//! a pixel bomb and a HEIC are refused by name with the server alive; the class's families see
//! the post and its photos, another class's family sees neither; a teacher cannot post to the
//! school story or another class. Runs on SQLite and PostgreSQL.

use crate::calendar_editor::class_id;
use crate::support::{
    Harness, body_text, home_as, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{enrolment, guardian_pupil, news_photo, news_post, pupil, user_account};
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use std::io::Cursor;
use std::path::Path;
use std::process::Command;

const TEACHER_3A: &str = "teacher.3a@riverside.example";

/// Runs the photo helper (Pillow) with `args`; its standard output.
fn pillow(args: &[&str]) -> String {
    let python = std::env::var("SG_TEST_SMTP_PYTHON")
        .expect("SG_TEST_SMTP_PYTHON must name a Python with Pillow; `./sg test` sets it up");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tools/smtp/photo_check.py");
    let output = Command::new(python)
        .arg(script)
        .args(args)
        .output()
        .expect("run the photo helper");
    assert!(
        output.status.success(),
        "photo helper failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// What Pillow reads in `bytes`.
fn inspect(dir: &Path, bytes: &[u8]) -> serde_json::Value {
    let path = dir.join("inspect.jpg");
    std::fs::write(&path, bytes).expect("write");
    serde_json::from_str(&pillow(&["inspect", path.to_str().expect("path")])).expect("json")
}

/// A 900 × 600 PNG, as a screenshot would come.
pub(crate) fn png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(900, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

async fn post(
    h: &Harness,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    photos: &[(&str, &[u8])],
    language: &str,
) -> (StatusCode, String, String) {
    post_form(h, path, cookie, fields, ("photo", photos), language).await
}

async fn get(h: &Harness, path: &str, cookie: &str) -> (StatusCode, String, String, Vec<u8>) {
    let response = h.get(path, &[(header::COOKIE, cookie)]).await;
    let status = response.status();
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let content_type = header_text(header::CONTENT_TYPE);
    let cache = header_text(header::CACHE_CONTROL);
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    (status, content_type, cache, bytes)
}

/// The `held_photo` ids a form page carries.
fn held_in(page: &str) -> Vec<String> {
    page.split("name=\"held_photo\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The demo parent's child in 3A, and another 3A pupil.
pub(crate) async fn pupils_of_3a(h: &Harness, class: i32) -> (pupil::Model, pupil::Model) {
    let account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(demo::PARENT_EMAIL))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the demo parent");
    let theirs: Vec<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(account.guardian_id.expect("a guardian")))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|g| g.pupil_id)
        .collect();
    let in_class: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::ClassId.eq(class))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let find = |id: i32| {
        let db = h.db.clone();
        async move {
            pupil::Entity::find_by_id(id)
                .one(&db)
                .await
                .expect("query")
                .expect("pupil")
        }
    };
    let child = *in_class
        .iter()
        .find(|id| theirs.contains(id))
        .expect("the demo parent has a child in 3A");
    let other = *in_class
        .iter()
        .find(|id| !theirs.contains(id))
        .expect("3A has other pupils");
    (find(child).await, find(other).await)
}

pub(crate) async fn set_consent(h: &Harness, pupil_id: i32, level: &str) {
    pupil::Entity::update_many()
        .col_expr(pupil::Column::PhotoConsent, Expr::value(level))
        .filter(pupil::Column::Id.eq(pupil_id))
        .exec(&h.db)
        .await
        .expect("consent");
}

async fn posts(h: &Harness) -> Vec<news_post::Model> {
    news_post::Entity::find().all(&h.db).await.expect("query")
}

async fn photos_of(h: &Harness, post: Option<i32>) -> Vec<news_photo::Model> {
    let query = news_photo::Entity::find();
    let query = match post {
        Some(id) => query.filter(news_photo::Column::PostId.eq(id)),
        None => query.filter(news_photo::Column::PostId.is_null()),
    };
    query.all(&h.db).await.expect("query")
}

async fn photos_and_consent(h: Harness) {
    let h = h.with_body_limit(8 * 1024 * 1024);
    let dir = tempfile::tempdir().expect("temp dir");
    let teacher = session_for(&h.db, TEACHER_3A).await;
    let parent_3a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let class_3a = class_id(&h, "3A").await;
    let class_4b = class_id(&h, "4B").await;
    let (child, other) = pupils_of_3a(&h, class_3a).await;
    set_consent(&h, child.id, "portfolio").await;
    set_consent(&h, other.id, "class").await;
    let child_name = app::roster::display_name(&child);
    let path = format!("/admin/news/c{class_3a}");

    // The teacher's stories: their class only.
    let stories = body_text(
        h.get("/admin/news", &[(header::COOKIE, teacher.as_str())])
            .await,
    )
    .await;
    assert!(stories.contains(&format!("href=\"{path}\"")), "{stories}");
    assert!(!stories.contains("/admin/news/school"), "{stories}");

    // A phone photo with a GPS position, and a screenshot, tagging a child whose consent is "own
    // portfolio only", to the class story: refused in Chinese, naming the child; both photos
    // kept for the next post; nothing published.
    let jpeg_path = dir.path().join("gps.jpg");
    pillow(&["gps-jpeg", jpeg_path.to_str().expect("path")]);
    let jpeg = std::fs::read(&jpeg_path).expect("read");
    let before = inspect(dir.path(), &jpeg);
    assert_eq!(before["exif"]["274"], "6", "the fixture is rotated");
    assert!(
        !before["gps"].as_object().expect("gps").is_empty(),
        "and located"
    );
    let png = png();
    let child_id = child.id.to_string();
    let other_id = other.id.to_string();
    let body = "Our trip to the farm <script>alert(1)</script>";
    let (status, _, page) = post(
        &h,
        &path,
        &teacher,
        &[("body", body), ("tag", &child_id), ("tag", &other_id)],
        &[("IMG_0001.jpg", &jpeg), ("screenshot.png", &png)],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains(&format!("{child_name} 的照片同意范围是“仅限本人档案”")),
        "the refusal names the child and their consent, in Chinese: {page}"
    );
    assert!(
        !page.contains(&format!(
            "{} 的照片同意范围",
            app::roster::display_name(&other)
        )),
        "the pupil whose consent covers the class is not named"
    );
    let held = held_in(&page);
    assert_eq!(held.len(), 2, "both photos kept: {held:?}");
    assert!(page.contains("Our trip to the farm"), "the text is kept");
    assert!(!page.contains("<script>alert(1)</script>"), "and inert");
    assert!(posts(&h).await.is_empty(), "nothing published");

    // Untagged, the child is out of it: published to the class story with both photos.
    let (status, location, _) = post(
        &h,
        &path,
        &teacher,
        &[
            ("body", body),
            ("tag", &other_id),
            ("held_photo", &held[0]),
            ("held_photo", &held[1]),
        ],
        &[],
        "en-GB",
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/news")
    );
    let published = posts(&h).await;
    assert_eq!(published.len(), 1);
    let photos = photos_of(&h, Some(published[0].id)).await;
    assert_eq!(photos.len(), 2);
    assert!(photos_of(&h, None).await.is_empty(), "nothing left held");

    // Every stored size, JPEG and WebP, fetched as the 3A family would: private, no EXIF or XMP
    // at all; a WebP nothing but the picture (one lossy `VP8 ` chunk).
    for photo in &photos {
        for width in photo.widths.split(' ') {
            for (suffix, content_type, format, chunks) in [
                ("", "image/jpeg", "JPEG", serde_json::json!([])),
                (".webp", "image/webp", "WEBP", serde_json::json!(["VP8 "])),
            ] {
                let address = format!("/news/photos/{}/{width}{suffix}", photo.id);
                let (status, served_as, cache, bytes) = get(&h, &address, &parent_3a).await;
                assert_eq!(status, StatusCode::OK, "{address}");
                assert_eq!(served_as, content_type, "{address}");
                assert!(cache.starts_with("private"), "{cache}");
                let read = inspect(dir.path(), &bytes);
                assert_eq!(read["format"], format, "{address}");
                assert_eq!(read["webp_chunks"], chunks, "{address}");
                assert_eq!(read["exif"], serde_json::json!({}), "{address}: {read}");
                assert_eq!(read["gps"], serde_json::json!({}), "{address}: {read}");
                assert_eq!(read["exif_block"], false, "{address}");
                assert_eq!(read["xmp_block"], false, "{address}");
                assert_eq!(read["width"].as_u64(), width.parse().ok(), "{address}");
            }
        }
    }
    // The phone photo (60 × 40, orientation 6) is stored upright: 40 × 60, its red half on top.
    let upright = photos
        .iter()
        .find(|p| p.width == 40)
        .expect("the phone photo");
    assert_eq!((upright.height, upright.widths.as_str()), (60, "40"));
    let (_, _, _, bytes) = get(&h, &format!("/news/photos/{}/40", upright.id), &parent_3a).await;
    let read = inspect(dir.path(), &bytes);
    let channel = |at: &str, i: usize| read[at][i].as_u64().expect("colour");
    assert!(channel("top", 0) > 200 && channel("top", 2) < 60, "{read}");
    assert!(
        channel("bottom", 2) > 200 && channel("bottom", 0) < 60,
        "{read}"
    );
    let screenshot = photos.iter().find(|p| p.width == 900).expect("the PNG");
    assert_eq!(screenshot.widths, "320 768 900");

    // The 3A family sees the post, its photos and its text as text; the 4B family sees neither
    // the post nor, by address, a photo.
    let feed = body_text(
        h.get("/news", &[(header::COOKIE, parent_3a.as_str())])
            .await,
    )
    .await;
    assert!(feed.contains("Class 3A"), "{feed}");
    assert!(!feed.contains("<script>alert(1)</script>"), "{feed}");
    assert!(
        feed.contains(&format!("/news/photos/{}/320", screenshot.id)),
        "{feed}"
    );
    assert!(
        feed.contains("width=\"900\" height=\"600\""),
        "the box is reserved: {feed}"
    );
    assert!(
        feed.contains(&format!(
            "<source type=\"image/webp\" srcset=\"/news/photos/{0}/320.webp 320w, \
             /news/photos/{0}/768.webp 768w, /news/photos/{0}/900.webp 900w\"",
            screenshot.id
        )),
        "WebP offered first: {feed}"
    );
    let feed_4b = body_text(
        h.get("/news", &[(header::COOKIE, parent_4b.as_str())])
            .await,
    )
    .await;
    assert!(!feed_4b.contains("Our trip to the farm"), "{feed_4b}");
    let address = format!("/news/photos/{}/320", screenshot.id);
    assert_eq!(get(&h, &address, &parent_4b).await.0, StatusCode::NOT_FOUND);
    // The home page's latest news: the post's story, words and first photo for the 3A family,
    // nothing of it for the 4B family.
    let home_3a = home_as(&h, &parent_3a).await;
    assert!(home_3a.contains("Latest news"), "{home_3a}");
    assert!(
        home_3a.contains(&format!("href=\"/news/{}\"", published[0].id)),
        "{home_3a}"
    );
    assert!(home_3a.contains("Our trip to the farm"), "{home_3a}");
    assert!(!home_3a.contains("<script>alert(1)"), "{home_3a}");
    let home_4b = home_as(&h, &parent_4b).await;
    assert!(!home_4b.contains("Our trip to the farm"), "{home_4b}");
    assert!(!home_4b.contains(&format!("href=\"/news/{}\"", published[0].id)));
    // A photo stored before photos were kept as WebP is offered as JPEG alone.
    let mut jpeg_only: news_photo::ActiveModel = screenshot.clone().into();
    jpeg_only.webp_keys = sea_orm::Set(None);
    jpeg_only.update(&h.db).await.expect("update");
    let webp = format!("/news/photos/{}/320.webp", screenshot.id);
    assert_eq!(get(&h, &webp, &parent_3a).await.0, StatusCode::NOT_FOUND);
    let feed = body_text(
        h.get("/news", &[(header::COOKIE, parent_3a.as_str())])
            .await,
    )
    .await;
    assert!(!feed.contains(&webp), "{feed}");
    assert!(
        feed.contains(&format!("/news/photos/{}/320 320w", screenshot.id)),
        "{feed}"
    );

    // Only to the child's own portfolio, their consent allows the photo; their family sees it
    // as the child's portfolio.
    let (status, _, _) = post(
        &h,
        &path,
        &teacher,
        &[
            ("body", "Reading award"),
            ("tag", &child_id),
            ("portfolio", "on"),
        ],
        &[("award.png", &png)],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let feed = body_text(
        h.get("/news", &[(header::COOKIE, parent_3a.as_str())])
            .await,
    )
    .await;
    let first = child_name.split(' ').next().expect("a first name");
    assert!(feed.contains(&format!("{first}’s portfolio")), "{feed}");
    let feed_4b = body_text(
        h.get("/news", &[(header::COOKIE, parent_4b.as_str())])
            .await,
    )
    .await;
    assert!(!feed_4b.contains("Reading award"), "{feed_4b}");

    // A teacher posts to neither the school story nor another class.
    for other_story in [
        "/admin/news/school".to_string(),
        format!("/admin/news/c{class_4b}"),
    ] {
        let (status, _, _) = post(
            &h,
            &other_story,
            &teacher,
            &[("body", "Hello")],
            &[],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{other_story}");
    }
    assert_eq!(posts(&h).await.len(), 2);

    // A 20,000 × 20,000 PNG (a few hundred KB that would inflate to 400 MB) and an iPhone HEIC
    // are refused by name; nothing is held; the server goes on answering.
    let bomb_path = dir.path().join("bomb.png");
    pillow(&[
        "bomb-png",
        bomb_path.to_str().expect("path"),
        "20000",
        "20000",
    ]);
    let bomb = std::fs::read(&bomb_path).expect("read");
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic more bytes".to_vec();
    let (status, _, page) = post(
        &h,
        &path,
        &teacher,
        &[("body", "Sports day")],
        &[("bomb.png", &bomb), ("IMG_0002.HEIC", &heic)],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("bomb.png has more than 50 million pixels"),
        "{page}"
    );
    assert!(
        page.contains("IMG_0002.HEIC is not a photo we can show. Send JPEG, PNG or WebP"),
        "{page}"
    );
    assert!(held_in(&page).is_empty());
    assert!(photos_of(&h, None).await.is_empty());
    let alive = h.get("/news", &[(header::COOKIE, teacher.as_str())]).await;
    assert_eq!(alive.status(), StatusCode::OK);

    blurring(&h, &teacher, &path).await;
}

/// A checkerboard of 40 px squares, 1,000 × 600: detail a blur cannot leave behind.
fn checkerboard() -> Vec<u8> {
    let image = image::RgbImage::from_fn(1000, 600, |x, y| {
        let v = if (x / 40 + y / 40) % 2 == 0 { 0 } else { 255 };
        image::Rgb([v, v, v])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

/// Every size of a photo as served to `cookie`, JPEG then WebP, by width.
async fn served(
    h: &Harness,
    photo: &news_photo::Model,
    cookie: &str,
) -> Vec<(u32, image::GrayImage)> {
    let mut sizes = Vec::new();
    for suffix in ["", ".webp"] {
        for width in photo.widths.split(' ') {
            let address = format!("/news/photos/{}/{width}{suffix}", photo.id);
            let (status, _, _, bytes) = get(h, &address, cookie).await;
            assert_eq!(status, StatusCode::OK, "{address}");
            let decoded = image::load_from_memory(&bytes)
                .expect("a JPEG or WebP")
                .into_luma8();
            sizes.push((width.parse().expect("a width"), decoded));
        }
    }
    sizes
}

/// A box marked on a held photo is blurred in every size before the post goes out; the earlier
/// bytes are gone from the store; a box that is not four percentages is refused by photo number.
async fn blurring(h: &Harness, teacher: &str, path: &str) {
    let (status, _, page) = post(
        h,
        path,
        teacher,
        &[("body", "Sports day"), ("action", "blur")],
        &[("team.png", &checkerboard())],
        "en-GB",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "blurring nothing shows the form again: {page}"
    );
    let held = photos_of(h, None).await;
    assert_eq!(held.len(), 1);
    let before = served(h, &held[0], teacher).await;
    let id = held[0].id.to_string();
    let old_keys = held[0].storage_keys.clone();
    let (x, y, w, hgt) = (
        format!("blur_x_{id}"),
        format!("blur_y_{id}"),
        format!("blur_w_{id}"),
        format!("blur_h_{id}"),
    );

    // Not a box: refused by the photo's number, nothing blurred.
    let (status, _, page) = post(
        h,
        path,
        teacher,
        &[
            ("held_photo", &id),
            (&x, "10"),
            (&y, "twenty"),
            (&w, "30"),
            (&hgt, "40"),
            ("action", "blur"),
        ],
        &[],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("The area to blur on photo 1 needs four numbers"),
        "{page}"
    );
    assert_eq!(photos_of(h, None).await[0].storage_keys, old_keys);

    // Left 10 %, top 20 %, 30 % wide, 40 % high: blurred, the form shown again to look at.
    let (status, _, page) = post(
        h,
        path,
        teacher,
        &[
            ("held_photo", &id),
            (&x, "10"),
            (&y, "20"),
            (&w, "30"),
            (&hgt, "40"),
            ("action", "blur"),
        ],
        &[],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let blurred = photos_of(h, None).await.pop().expect("still held");
    assert_ne!(
        blurred.id, held[0].id,
        "a new address, so no browser shows what it kept"
    );
    let old_address = format!("/news/photos/{}/320", held[0].id);
    assert_eq!(get(h, &old_address, teacher).await.0, StatusCode::NOT_FOUND);
    assert!(page.contains(&format!("name=\"held_photo\" value=\"{}\"", blurred.id)));
    let after = served(h, &blurred, teacher).await;
    assert_eq!(after.len(), before.len());
    for ((width, old), (_, new)) in before.iter().zip(&after) {
        let at = |v: u32, of: u32| v * of / 1000;
        let change = |x0, x1, y0, y1| {
            let height = old.height();
            let (x0, x1, y0, y1) = (
                at(x0, *width),
                at(x1, *width),
                at(y0, height),
                at(y1, height),
            );
            let total: u64 = (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .map(|(x, y)| {
                    u64::from(old.get_pixel(x, y).0[0].abs_diff(new.get_pixel(x, y).0[0]))
                })
                .sum();
            total / u64::from((x1 - x0) * (y1 - y0))
        };
        assert!(
            change(120, 380, 220, 580) > 60,
            "{width}: the marked area changed"
        );
        assert!(change(600, 950, 100, 900) < 4, "{width}: the rest did not");
    }
    // The unblurred bytes are deleted from the store, JPEG and WebP.
    let old_webp = held[0].webp_keys.clone().expect("kept as WebP too");
    for key in old_keys.split(' ').chain(old_webp.split(' ')) {
        assert!(h.state.files.get(key).await.is_err(), "{key} is gone");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn photos_and_consent_on_sqlite() {
    photos_and_consent(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn photos_and_consent_on_postgres() {
    photos_and_consent(postgres_harness().await).await;
}

/// The post form's script sends each photo on its own: the photo comes back in postcard, held for
/// the form; a file that is not a photo is refused by name, in every language; another class's
/// teacher gets 404; the held photo then goes out with the post.
async fn photos_one_at_a_time(h: Harness) {
    let h = h.with_body_limit(8 * 1024 * 1024);
    let class_3a = class_id(&h, "3A").await;
    let teacher = session_for(&h.db, TEACHER_3A).await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let path = format!("/admin/news/c{class_3a}/photo");
    let send = |cookie: String, name: &'static str, bytes: Vec<u8>| {
        let request = crate::support::multipart_form_with(
            &path,
            &[],
            "photo",
            &[(name, &bytes)],
            Some(&cookie),
        );
        let h = &h;
        async move {
            let response = h.send(request).await;
            let status = response.status();
            let kind = response.headers().get(http::header::CONTENT_TYPE).cloned();
            let body = crate::support::body_bytes(response).await;
            if status != StatusCode::NOT_FOUND {
                assert_eq!(
                    kind.as_ref().and_then(|k| k.to_str().ok()),
                    Some(app::codec::POSTCARD),
                    "{status}"
                );
            }
            (status, body)
        }
    };
    let (status, body) = send(teacher.clone(), "sports.png", png()).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let photo: app::news::NewsPhoto =
        app::codec::decode_whole(&body).expect("the photo in postcard");
    assert_eq!((photo.width, photo.height), (900, 600));
    let held = photos_of(&h, None).await;
    assert_eq!(
        held.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![photo.id],
        "held for the form"
    );

    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic more bytes".to_vec();
    let (status, body) = send(teacher.clone(), "IMG_0003.HEIC", heic).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let refusal: app::news::PhotoRefusal =
        app::codec::decode_whole(&body).expect("the refusal in postcard");
    let english = refusal.message.text(app::i18n::Locale::EnGb);
    assert!(
        english.contains("IMG_0003.HEIC is not a photo we can show"),
        "{english}"
    );
    assert!(
        refusal
            .message
            .text(app::i18n::Locale::ZhCn)
            .contains("IMG_0003.HEIC")
    );

    let (status, _) = send(teacher_4b, "sports.png", png()).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "4B's teacher cannot send photos for 3A"
    );
    assert_eq!(photos_of(&h, None).await.len(), 1, "nothing more held");

    let held_id = photo.id.to_string();
    let (status, _, _) = post(
        &h,
        &format!("/admin/news/c{class_3a}"),
        &teacher,
        &[("body", "Sports day"), ("held_photo", &held_id)],
        &[],
        "en-GB",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "published with the photo sent before"
    );
    let post = posts(&h).await.pop().expect("the post");
    assert_eq!(
        photos_of(&h, Some(post.id))
            .await
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        vec![photo.id]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn photos_one_at_a_time_on_sqlite() {
    photos_one_at_a_time(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn photos_one_at_a_time_on_postgres() {
    photos_one_at_a_time(postgres_harness().await).await;
}
