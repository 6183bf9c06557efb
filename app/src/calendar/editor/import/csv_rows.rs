//! A spreadsheet of events saved as CSV: a header line naming the columns, then one event a
//! line, each read into the event form's fields so the form's own checks apply to it.

use super::{FileRows, LineProblem};
use crate::calendar::{EventCategory, EventFields};
use crate::i18n::Locale;
use crate::msg;
use crate::notices::{AudienceChoices, TargetKind};

/// The columns a file may have, as the README documents them.
const COLUMNS: [&str; 13] = [
    "title",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "category",
    "location",
    "description",
    "audience",
    "public",
    "repeat_weeks",
    "repeat_until",
    "skipped_dates",
];
/// The columns every file needs.
const REQUIRED: [&str; 2] = ["title", "start_date"];

/// A header as the README names it: "Start date" and "start-date" are `start_date`.
fn column_name(header: &str) -> String {
    header.trim().to_lowercase().replace([' ', '-'], "_")
}

/// The category a cell names: its code or its name in any shipped language; empty is "Other".
fn category(value: &str) -> Option<EventCategory> {
    let value = value.trim().to_lowercase();
    if value.is_empty() {
        return Some(EventCategory::Other);
    }
    EventCategory::ALL.into_iter().find(|c| {
        c.code() == value
            || Locale::ALL
                .into_iter()
                .any(|l| c.name(l).to_lowercase() == value)
    })
}

/// Reads a cell's audience into `fields`: empty or "whole school" is the whole school, "staff"
/// is staff only, anything else year groups and classes by name, separated by ";". Returns the
/// first name nothing is called.
fn audience(value: &str, choices: &AudienceChoices, fields: &mut EventFields) -> Option<String> {
    let value = value.trim();
    match value.to_lowercase().as_str() {
        "" | "whole school" | "school" | "everyone" => {
            fields.whole_school = true;
            return None;
        }
        "staff" | "staff only" => {
            fields.staff_only = true;
            return None;
        }
        _ => {}
    }
    for name in value.split(';').map(str::trim).filter(|n| !n.is_empty()) {
        let found = choices
            .targets
            .iter()
            .filter(|t| t.kind != TargetKind::Pupil)
            .find(|t| t.name.trim().eq_ignore_ascii_case(name));
        match found {
            Some(t) if t.kind == TargetKind::YearGroup => fields.year_groups.push(t.id),
            Some(t) => fields.classes.push(t.id),
            None => return Some(name.to_string()),
        }
    }
    None
}

/// Whether a "public" cell says yes; `None` when it says neither yes nor no.
fn yes_or_no(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// The events of a CSV file, each as the form's fields with its line, and every problem found
/// reading it (problems with the values themselves are the form's checks, made by the caller).
pub fn read(text: &str, choices: &AudienceChoices) -> FileRows {
    let mut rows = FileRows::default();
    // The csv crate counts neither blank lines nor the ones it skips before a record; the
    // office's editor counts them all.
    let line_starts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let line_at = |position: Option<&csv::Position>| {
        position.map_or(0, |p| {
            let mut byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            line_starts.partition_point(|start| *start <= byte) as u64 + 1
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(column_name).collect(),
        Err(_) => {
            rows.problems
                .push(LineProblem::new(1, |l| msg!(l, "import-csv-unreadable")));
            return rows;
        }
    };
    for header in headers.iter().filter(|h| !h.is_empty()) {
        if !COLUMNS.contains(&header.as_str()) {
            rows.problems.push(LineProblem::new(1, |l| {
                msg!(l, "import-csv-column-unknown", value = header.as_str())
            }));
        }
    }
    for needed in REQUIRED {
        if !headers.iter().any(|h| h == needed) {
            rows.problems.push(LineProblem::new(1, |l| {
                msg!(l, "import-csv-column-missing", value = needed)
            }));
        }
    }
    if !rows.problems.is_empty() {
        return rows;
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(err) => {
                let line = line_at(err.position());
                rows.problems
                    .push(LineProblem::new(line, |l| msg!(l, "import-csv-unreadable")));
                continue;
            }
        };
        let line = line_at(record.position());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .unwrap_or_default()
                .to_string()
        };
        let mut fields = EventFields {
            title: cell("title"),
            start_date: cell("start_date"),
            end_date: cell("end_date"),
            start_time: cell("start_time"),
            end_time: cell("end_time"),
            location: cell("location"),
            description: cell("description"),
            repeat_weeks: cell("repeat_weeks"),
            repeat_until: cell("repeat_until"),
            skipped_dates: cell("skipped_dates"),
            ..EventFields::default()
        };
        fields.all_day = fields.start_time.is_empty() && fields.end_time.is_empty();
        let category_cell = cell("category");
        match category(&category_cell) {
            Some(c) => fields.category = c.code().to_string(),
            None => rows.problems.push(LineProblem::new(line, |l| {
                msg!(l, "import-csv-category", value = category_cell.as_str())
            })),
        }
        if let Some(unknown) = audience(&cell("audience"), choices, &mut fields) {
            rows.problems.push(LineProblem::new(line, |l| {
                msg!(l, "import-csv-audience", value = unknown.as_str())
            }));
        }
        let public_cell = cell("public");
        match yes_or_no(&public_cell) {
            Some(public) => fields.public = public,
            None => rows.problems.push(LineProblem::new(line, |l| {
                msg!(l, "import-csv-public", value = public_cell.as_str())
            })),
        }
        rows.events.push((line, fields));
    }
    rows
}

/// The column a form field is read from, to name it beside a problem.
pub fn column(field: &str) -> &str {
    match field {
        "all_day" => "start_time",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::Target;

    fn choices() -> AudienceChoices {
        let target = |kind, id, name: &str| Target {
            kind,
            id,
            name: name.to_string(),
            within: String::new(),
        };
        AudienceChoices {
            whole_school: true,
            targets: vec![
                target(TargetKind::YearGroup, 3, "Year 3"),
                target(TargetKind::Class, 31, "3A"),
                target(TargetKind::Pupil, 7, "Amira Khan"),
            ],
        }
    }

    #[test]
    fn reads_each_line_into_the_forms_fields_with_its_line() {
        let file = "Title,Start date,End date,Start time,End time,Category,Audience,Public\n\
                    Autumn half term,2027-10-25,2027-10-29,,,closure,,yes\n\
                    \n\
                    \"Trip, museum\",2027-11-03,,09:00,15:00,Trip,Year 3; 3a,no\n";
        let rows = read(file, &choices());
        assert!(rows.problems.is_empty(), "{:?}", rows.problems);
        assert_eq!(rows.events.len(), 2);
        let (line, half_term) = &rows.events[0];
        assert_eq!(*line, 2);
        assert!(half_term.all_day && half_term.whole_school && half_term.public);
        assert_eq!(half_term.category, "closure");
        let (line, trip) = &rows.events[1];
        assert_eq!(*line, 4);
        assert_eq!(trip.title, "Trip, museum");
        assert!(!trip.all_day && !trip.whole_school && !trip.public);
        assert_eq!(
            (trip.year_groups.clone(), trip.classes.clone()),
            (vec![3], vec![31])
        );
        assert_eq!(trip.category, "trip");
    }

    #[test]
    fn names_every_problem_by_line_and_never_a_pupil() {
        let file = "title,start_date,category,audience,public\n\
                    A,2027-01-04,sports day,,\n\
                    B,2027-01-05,,Amira Khan,\n\
                    C,2027-01-06,,,perhaps\n";
        let rows = read(file, &choices());
        let lines: Vec<u64> = rows.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        let text = rows.problems[1].text.text(Locale::EnGb);
        assert!(text.contains("Amira Khan"), "{text}");
    }

    #[test]
    fn a_missing_or_unknown_column_stops_the_file() {
        let rows = read("title,date\nA,2027-01-04\n", &choices());
        assert!(rows.events.is_empty());
        assert_eq!(
            rows.problems.len(),
            2,
            "the unknown date and the missing start_date"
        );
    }
}
