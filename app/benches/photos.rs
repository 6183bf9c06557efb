//! A 12-megapixel phone photo (4,000 × 3,000 JPEG at quality 90, with detail everywhere, as a
//! real photo has) through the newsfeed's pipeline: decoded, turned upright, re-encoded at every
//! stored width. Prints the time per photo and the process's peak memory over the runs (the
//! pipeline is all this process does); then the same for blurring a face on the widest stored
//! size. Asserts none. Run with `scripts/bench-photos`.

// Shared with the database benchmarks; this one uses only the timings.
#[allow(dead_code)]
mod timing;

use app::news::photo::{self, BlurBox};
use rand::{Rng, SeedableRng};
use std::io::Cursor;
use std::time::Instant;

const SAMPLES: usize = 10;

/// The process's peak resident memory so far, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> anyhow::Result<()> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(12);
    // Smooth gradients with noise on top: compresses like a photo, not like a flat test card.
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let n: u8 = rng.random_range(0..48);
        image::Rgb([
            ((x / 16) % 200) as u8 + n,
            ((y / 12) % 200) as u8 + n,
            (((x + y) / 28) % 200) as u8 + n,
        ])
    });
    let mut jpeg = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&image)?;
    let jpeg = jpeg.into_inner();
    drop(image);
    let before = peak_mb().unwrap_or(0.0);
    println!(
        "photo: 4000 × 3000 JPEG, {:.1} MB; process peak before the pipeline {before:.0} MB",
        jpeg.len() as f64 / 1_048_576.0
    );

    let mut times = Vec::new();
    let mut widest = Vec::new();
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let processed = photo::process(&jpeg).map_err(|e| anyhow::anyhow!("{e}"))?;
        times.push(start.elapsed());
        let sizes: Vec<String> = processed
            .sizes
            .iter()
            .zip(&processed.webp)
            .map(|((w, jpeg), webp)| {
                let kb = |b: &[u8]| b.len() as f64 / 1024.0;
                format!("{w} px JPEG {:.0} KB / WebP {:.0} KB", kb(jpeg), kb(webp))
            })
            .collect();
        if widest.is_empty() {
            println!("stored: {}", sizes.join(", "));
        }
        widest = processed
            .sizes
            .last()
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
    }
    timing::report("12 MP JPEG → upright JPEG and WebP at every width", times);
    let after = peak_mb().unwrap_or(0.0);
    println!(
        "process peak memory: {after:.0} MB (+{:.0} MB for the pipeline)",
        after - before
    );

    let face = BlurBox {
        x: 400,
        y: 200,
        width: 150,
        height: 250,
    };
    let mut times = Vec::new();
    for _ in 0..SAMPLES {
        let start = Instant::now();
        std::hint::black_box(photo::blur(&widest, &[face]).map_err(|e| anyhow::anyhow!("{e}"))?);
        times.push(start.elapsed());
    }
    timing::report("blur a face on the widest size, every width again", times);
    Ok(())
}
