//! Whether a file is a report families can open: a PDF by its bytes (not its name), complete,
//! readable by a PDF parser page by page, not locked with a password, and not too large.

use serde::{Deserialize, Serialize};

/// The largest report taken.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// The most a page's content may inflate to: a crafted PDF could otherwise expand without end.
const MAX_PAGE_CONTENT_BYTES: usize = 64 * 1024 * 1024;

/// Why a file is not a report families can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "kebab-case")]
pub enum PdfProblem {
    /// Not a PDF, whatever its name says.
    #[error("not a PDF")]
    NotPdf,
    /// A PDF that is cut short or broken.
    #[error("unreadable PDF")]
    Unreadable,
    /// Locked with a password.
    #[error("encrypted PDF")]
    Encrypted,
    /// Over [`MAX_BYTES`].
    #[error("too large")]
    TooLarge,
}

/// Checks `bytes` as a report.
pub fn check(bytes: &[u8]) -> Result<(), PdfProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(PdfProblem::TooLarge);
    }
    if infer::get(bytes).is_none_or(|kind| kind.mime_type() != "application/pdf") {
        return Err(PdfProblem::NotPdf);
    }
    // A file cut short in transfer loses its end first; the parser would rebuild much of it.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfProblem::Unreadable);
    }
    let declares_encryption = bytes.windows(8).any(|w| w == b"/Encrypt");
    let document = match lopdf::Document::load_mem(bytes) {
        Ok(document) => document,
        Err(_) if declares_encryption => return Err(PdfProblem::Encrypted),
        Err(_) => return Err(PdfProblem::Unreadable),
    };
    if document.was_encrypted() || document.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    let pages = document.get_pages();
    if pages.is_empty() {
        return Err(PdfProblem::Unreadable);
    }
    for page in pages.values() {
        let content = document
            .get_page_content_with_limit(*page, MAX_PAGE_CONTENT_BYTES)
            .map_err(|_| PdfProblem::Unreadable)?;
        lopdf::content::Content::decode(&content).map_err(|_| PdfProblem::Unreadable)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::sample::pdf_saying;
    use super::*;
    use lopdf::Document;

    #[test]
    fn takes_whole_pdfs_and_refuses_the_rest_by_their_bytes() {
        let good = pdf_saying("Spring report");
        assert_eq!(check(&good), Ok(()));
        assert_eq!(
            check(&good[..good.len() / 2]),
            Err(PdfProblem::Unreadable),
            "cut short"
        );
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
        assert_eq!(check(&jpeg), Err(PdfProblem::NotPdf));
        assert_eq!(
            check(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
            Err(PdfProblem::Unreadable),
            "no pages"
        );
        let mut big = good.clone();
        big.resize(MAX_BYTES + 1, b' ');
        assert_eq!(check(&big), Err(PdfProblem::TooLarge));
    }

    #[test]
    fn refuses_a_pdf_locked_with_a_password() {
        let mut doc = Document::load_mem(&pdf_saying("Locked")).expect("loads");
        // Encryption keys derive from the file's identifier.
        let id = lopdf::Object::string_literal("0123456789abcdef");
        doc.trailer.set("ID", vec![id.clone(), id]);
        let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: "user",
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        })
        .expect("an encryption");
        doc.encrypt(&state).expect("encrypts");
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saves");
        assert_eq!(check(&bytes), Err(PdfProblem::Encrypted));
    }
}
