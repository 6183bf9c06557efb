//! Files staff attach to notices and events: what may be uploaded (checked by content, not by
//! name), the name kept, and how a download is named.

use crate::i18n::Locale;

/// The largest file a notice or an event may carry.
pub const MAX_ATTACHMENT_BYTES: usize = 8 * 1024 * 1024;
/// Files per notice or event.
pub const MAX_ATTACHMENTS: usize = 5;
/// Longest kept file name.
const MAX_NAME_CHARS: usize = 120;

/// Why an upload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UploadProblem {
    /// Not a PDF or an image we show, whatever its name says.
    #[error("file type not allowed")]
    Type,
    /// Over [`MAX_ATTACHMENT_BYTES`].
    #[error("file too large")]
    Size,
    /// Over [`MAX_ATTACHMENTS`].
    #[error("too many files")]
    Count,
}

impl UploadProblem {
    /// The problem in `locale`.
    pub fn message(self, locale: Locale) -> String {
        match self {
            UploadProblem::Type => crate::msg!(locale, "notice-file-type"),
            UploadProblem::Size => {
                let mb = (MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string();
                crate::msg!(locale, "notice-file-size", mb = mb.as_str())
            }
            UploadProblem::Count => {
                let count = MAX_ATTACHMENTS.to_string();
                crate::msg!(locale, "file-count", count = count.as_str())
            }
        }
    }
}

/// The content type of an acceptable attachment, read from its first bytes.
pub fn check(bytes: &[u8]) -> Result<&'static str, UploadProblem> {
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(UploadProblem::Size);
    }
    let kind = infer::get(bytes).ok_or(UploadProblem::Type)?;
    match kind.mime_type() {
        "application/pdf" => Ok("application/pdf"),
        "image/png" => Ok("image/png"),
        "image/jpeg" => Ok("image/jpeg"),
        "image/gif" => Ok("image/gif"),
        "image/webp" => Ok("image/webp"),
        _ => Err(UploadProblem::Type),
    }
}

/// A file name safe to store and show: no folders, no control characters, not too long.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned
    }
}

/// A file's size in whole kilobytes, rounded up (a 1-byte file is "1 KB", not "0 KB").
pub fn kilobytes(bytes: i64) -> u64 {
    (bytes.max(0) as u64).div_ceil(1024)
}

/// "240 KB" in the reader's language.
pub fn size_text(locale: Locale, bytes: i64) -> String {
    let kb = kilobytes(bytes).to_string();
    crate::msg!(locale, "notice-file-kb", kb = kb.as_str())
}

/// `Content-Disposition` for a download: an ASCII fallback and the exact UTF-8 name.
pub fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || " .-_()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b".-_".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A file as uploaded with a form: its name as the browser gave it, and its bytes.
pub struct Upload {
    /// The name on the uploader's device.
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// How much of a file a download reads at a time.
const DOWNLOAD_CHUNK: usize = 128 * 1024;

/// A private download of the file stored under `key`, named `name`, sent as it is read: "not
/// found" if the store lost it.
pub async fn download(
    files: &crate::storage::SharedStore,
    key: &str,
    name: &str,
    content_type: &str,
) -> Result<axum::response::Response, crate::error::AppError> {
    let opened = files.open(key).await.map_err(|e| {
        tracing::error!(error = %e, key, "a file is missing from the store");
        crate::error::AppError::NotFound
    })?;
    // Sent as it is read: a hundred parents downloading at once do not hold a hundred files in
    // memory. Reads of 128 KiB, since each read of a file is a trip to tokio's blocking pool
    // (the default 4 KiB made 1 MB downloads 2.5 times slower).
    let body = axum::body::Body::from_stream(tokio_util::io::ReaderStream::with_capacity(
        opened.reader,
        DOWNLOAD_CHUNK,
    ));
    axum::response::Response::builder()
        .header(http::header::CONTENT_TYPE, content_type)
        .header(http::header::CONTENT_DISPOSITION, disposition(name))
        .header(http::header::CACHE_CONTROL, "private, no-store")
        .header(http::header::CONTENT_LENGTH, opened.len)
        .body(body)
        .map_err(|e| {
            tracing::error!(error = %e, "a download's headers were refused");
            crate::error::AppError::Internal
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_pdfs_and_images_by_content_only() {
        assert_eq!(check(b"%PDF-1.7\n%more"), Ok("application/pdf"));
        assert_eq!(
            check(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            Ok("image/png")
        );
        assert_eq!(
            check(b"<script>alert(1)</script>"),
            Err(UploadProblem::Type)
        );
        assert_eq!(
            check(b"MZ\x90\x00 windows program"),
            Err(UploadProblem::Type)
        );
        let big = vec![b'%'; MAX_ATTACHMENT_BYTES + 1];
        assert_eq!(check(&big), Err(UploadProblem::Size));
    }

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\a\\trip.pdf"), "trip.pdf");
        assert_eq!(clean_name("a\u{0}b\nc.pdf"), "abc.pdf");
        assert_eq!(clean_name(".."), "file");
        assert!(disposition("旅行 \"x\".pdf").contains("filename*=UTF-8''%E6%97%85"));
        assert!(!disposition("a\".pdf").contains("a\".pdf"));
    }
}
