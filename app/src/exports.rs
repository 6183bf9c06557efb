//! Files staff download to open in a spreadsheet: a table as CSV or XLSX, each cell that a
//! spreadsheet would run as a formula made plain text first.

use crate::error::AppError;
use axum::response::{IntoResponse, Response};

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A table: its header row, then its rows.
pub struct Table {
    /// The columns' names.
    pub header: Vec<String>,
    /// The rows, as text.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as UTF-8 CSV with a byte-order mark, so spreadsheet programs read names in
    /// any script correctly.
    pub fn csv(&self) -> Result<Vec<u8>, AppError> {
        let failed = |e: csv::Error| {
            tracing::error!(error = %e, "CSV export failed");
            AppError::Internal
        };
        let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        writer.write_record(&self.header).map_err(failed)?;
        for row in &self.rows {
            writer
                .write_record(row.iter().map(|c| neutralise(c)))
                .map_err(failed)?;
        }
        writer.into_inner().map_err(|e| {
            tracing::error!(error = %e, "CSV export failed");
            AppError::Internal
        })
    }

    /// The table as one XLSX worksheet named `sheet`, its header bold and frozen. Cells are
    /// written as text, never as formulas, and neutralised as in the CSV so that saving the
    /// sheet as CSV later keeps them harmless.
    pub fn xlsx(&self, sheet: &str) -> Result<Vec<u8>, AppError> {
        use rust_xlsxwriter::{Format, Workbook, XlsxError};
        let failed = |e: XlsxError| {
            tracing::error!(error = %e, "XLSX export failed");
            AppError::Internal
        };
        let mut workbook = Workbook::new();
        let worksheet = workbook.add_worksheet();
        // Sheet names are at most 31 characters and may not hold []:*?/\.
        let name: String = sheet
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        if !name.is_empty() {
            worksheet.set_name(&name).map_err(failed)?;
        }
        let bold = Format::new().set_bold();
        for (col, title) in (0u16..).zip(&self.header) {
            worksheet
                .write_string_with_format(0, col, neutralise(title), &bold)
                .map_err(failed)?;
            worksheet.set_column_width(col, 20).map_err(failed)?;
        }
        for (row, cells) in (1u32..).zip(&self.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                worksheet
                    .write_string(row, col, neutralise(cell))
                    .map_err(failed)?;
            }
        }
        worksheet.set_freeze_panes(1, 0).map_err(failed)?;
        workbook.save_to_buffer().map_err(failed)
    }
}

/// The download of `bytes` as `filename`, never cached (it names children).
pub fn download(bytes: Vec<u8>, content_type: &str, filename: &str) -> Response {
    (
        [
            (http::header::CONTENT_TYPE, content_type.to_string()),
            (
                http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (http::header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// XLSX's media type.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// CSV's media type.
pub const CSV_TYPE: &str = "text/csv; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            header: vec!["Child".into(), "Answer".into()],
            rows: vec![
                vec!["Amira Khan".into(), "=HYPERLINK(\"x\")".into()],
                vec!["李明".into(), "+1 555".into()],
            ],
        }
    }

    #[test]
    fn formulas_are_neutralised_and_plain_text_kept() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("Amira"), "Amira");
    }

    #[test]
    fn csv_has_a_byte_order_mark_and_neutral_cells() {
        let bytes = table().csv().expect("csv");
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains("'+1 555"), "{text}");
        assert!(text.contains("李明"), "{text}");
    }

    #[test]
    fn xlsx_is_a_zip_with_the_cells_as_shared_strings() {
        let bytes = table().xlsx("Answers: trip [Year 3]").expect("xlsx");
        assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("xl/sharedStrings.xml").expect("strings"),
            &mut strings,
        )
        .expect("read");
        assert!(strings.contains("'=HYPERLINK"), "{strings}");
        assert!(strings.contains("李明"), "{strings}");
        let mut workbook = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("xl/workbook.xml").expect("workbook"),
            &mut workbook,
        )
        .expect("read");
        assert!(
            workbook.contains("name=\"Answers trip Year 3\""),
            "{workbook}"
        );
    }
}
