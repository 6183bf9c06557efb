//! What the benchmarks share: percentiles of timings, printed as one line, and the SQLite file a
//! benchmark's data lives in.

use std::time::Duration;

/// The `p` quantile (0..=1) of sorted timings.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Prints p50, p99 and max of `times` after `label`.
pub fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{label:<52} p50 {:>10}  p99 {:>10}  max {:>10}  (n={})",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
        times.len()
    );
}

/// The database URL: the file `SG_BENCH_DB` names (emptied first, kept afterwards for the
/// load test), else a file in `scratch`; and the kept path, if any.
pub fn database_url(scratch: &std::path::Path) -> (String, Option<String>) {
    match std::env::var("SG_BENCH_DB").ok() {
        Some(path) => {
            let _ = std::fs::remove_file(&path);
            (format!("sqlite://{path}?mode=rwc"), Some(path))
        }
        None => (app::db::scratch::sqlite_url_in(scratch), None),
    }
}
