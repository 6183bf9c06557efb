//! Photos from phones made safe to show: decoded within a pixel and memory bound, turned upright
//! by their orientation tag, and written again as JPEG and WebP at a few widths. Nothing of the file but
//! its pixels survives, so GPS positions, camera serials and embedded thumbnails are gone.

use crate::i18n::Locale;
use crate::msg;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The largest file taken: a 48 MP phone photo is about 15 MB.
// Under the server's request limit (20 MB by default), so one photo sent on its own always
// reaches the check that names it.
pub const MAX_PHOTO_BYTES: usize = 15 * 1024 * 1024;
/// The most pixels decoded; more is refused before a byte of pixel data is read.
pub const MAX_PIXELS: u64 = 50_000_000;
/// The most a decoder may allocate (50 MP of 8-bit RGBA is 200 MB; 16-bit PNGs need twice that).
const MAX_DECODE_BYTES: u64 = 450 * 1024 * 1024;
/// The widths stored, for phones, tablets and the few who read on a wide screen.
pub const WIDTHS: [u32; 3] = [320, 768, 1600];
/// Good enough to be indistinguishable on a phone at a third of the size of quality 95.
const JPEG_QUALITY: u8 = 82;
/// Looks as good as the JPEG on a phone at about two thirds of its bytes.
const WEBP_QUALITY: f32 = 75.0;

/// Why a photo was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhotoProblem {
    /// Over [`MAX_PHOTO_BYTES`].
    #[error("the file is too large")]
    TooLarge,
    /// Over [`MAX_PIXELS`], or more than the decoder may allocate.
    #[error("the photo has too many pixels")]
    TooManyPixels,
    /// Not JPEG, PNG or WebP (HEIC included: no maintained decoder installs here).
    #[error("not a JPEG, PNG or WebP photo")]
    Format,
    /// It says it is one but cannot be decoded.
    #[error("the photo cannot be read")]
    Unreadable,
}

impl PhotoProblem {
    /// What went wrong, for the uploader, naming the file.
    pub fn message(self, locale: Locale, file: &str) -> String {
        match self {
            PhotoProblem::TooLarge => {
                let mb = (MAX_PHOTO_BYTES / (1024 * 1024)).to_string();
                msg!(
                    locale,
                    "news-photo-too-large",
                    file = file,
                    mb = mb.as_str()
                )
            }
            PhotoProblem::TooManyPixels => {
                let megapixels = (MAX_PIXELS / 1_000_000).to_string();
                msg!(
                    locale,
                    "news-photo-too-many-pixels",
                    file = file,
                    megapixels = megapixels.as_str()
                )
            }
            PhotoProblem::Format => msg!(locale, "news-photo-format", file = file),
            PhotoProblem::Unreadable => msg!(locale, "news-photo-unreadable", file = file),
        }
    }
}

/// A photo ready to store: its upright size and its JPEG and WebP at each stored width,
/// narrowest first.
pub struct Processed {
    /// Width after orientation.
    pub width: u32,
    /// Height after orientation.
    pub height: u32,
    /// (width, JPEG bytes), narrowest first.
    pub sizes: Vec<(u32, Vec<u8>)>,
    /// The WebP bytes of each of `sizes`, in the same order.
    pub webp: Vec<Vec<u8>>,
}

/// The widths stored for a photo `width` pixels wide: each of [`WIDTHS`] it is wider than, and
/// its own width when it is narrower than the widest.
pub fn stored_widths(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < width).collect();
    let widest = WIDTHS[WIDTHS.len() - 1];
    if width <= widest {
        widths.push(width);
    }
    widths
}

/// Decodes, checks, turns upright and re-encodes `bytes`. CPU-bound: call it off the async
/// threads (see [`process_blocking`]).
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoProblem> {
    sizes(decode_upright(bytes)?)
}

/// The pixels of `bytes`, upright, on white; refused as [`process`] says.
fn decode_upright(bytes: &[u8]) -> Result<RgbImage, PhotoProblem> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoProblem::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoProblem::Format)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoProblem::Format);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    // Read from the header: a decompression bomb is refused before it is inflated.
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoProblem::TooManyPixels);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut decoded = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    decoded.apply_orientation(orientation);
    Ok(on_white(decoded))
}

/// The photo as JPEG and WebP at each stored width, narrowest first.
fn sizes(upright: RgbImage) -> Result<Processed, PhotoProblem> {
    let (width, height) = upright.dimensions();
    let mut sizes = Vec::new();
    let mut webps = Vec::new();
    // Widest first, each made from the last: much less work than each from the original.
    let mut source = upright;
    for target in stored_widths(width).into_iter().rev() {
        let resized = if target == source.width() {
            source.clone()
        } else {
            let target_height = scaled_height(width, height, target);
            image::imageops::resize(&source, target, target_height, FilterType::Triangle)
        };
        sizes.push((target, jpeg(&resized)?));
        webps.push(webp(&resized)?);
        source = resized;
    }
    sizes.reverse();
    webps.reverse();
    Ok(Processed {
        width,
        height,
        sizes,
        webp: webps,
    })
}

/// A part of a photo to blur, in thousandths of its width and height from its top left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlurBox {
    /// From the left edge.
    pub x: u32,
    /// From the top edge.
    pub y: u32,
    /// Across.
    pub width: u32,
    /// Down.
    pub height: u32,
}

impl BlurBox {
    /// The box in pixels of a `width` × `height` photo, clipped to it; `None` if nothing is left.
    fn pixels(self, width: u32, height: u32) -> Option<(u32, u32, u32, u32)> {
        let scale = |v: u32, of: u32| (u64::from(v.min(1000)) * u64::from(of) / 1000) as u32;
        let (left, top) = (scale(self.x, width), scale(self.y, height));
        let right = scale(self.x.saturating_add(self.width), width);
        let bottom = scale(self.y.saturating_add(self.height), height);
        (right > left && bottom > top).then(|| (left, top, right - left, bottom - top))
    }
}

/// The widest stored size of a photo (its `bytes`, ours) with `boxes` blurred beyond recognition,
/// made again at every width: nothing of what was under a box survives in any size.
pub fn blur(bytes: &[u8], boxes: &[BlurBox]) -> Result<Processed, PhotoProblem> {
    let mut image = decode_upright(bytes)?;
    let (width, height) = image.dimensions();
    for (left, top, across, down) in boxes.iter().filter_map(|b| b.pixels(width, height)) {
        let part = image::imageops::crop_imm(&image, left, top, across, down).to_image();
        // Down to a few pixels and back: every detail of a face is averaged away.
        let tiny = image::imageops::resize(
            &part,
            across.min(BLUR_CELLS),
            down.min(BLUR_CELLS),
            FilterType::Triangle,
        );
        let smeared = image::imageops::resize(&tiny, across, down, FilterType::Triangle);
        image::imageops::replace(&mut image, &smeared, i64::from(left), i64::from(top));
    }
    sizes(image)
}

/// How many colours a blurred box keeps across and down: a face becomes a smooth smudge.
const BLUR_CELLS: u32 = 4;

/// [`blur`] on the blocking pool, sharing [`process_blocking`]'s bound.
pub async fn blur_blocking(bytes: Vec<u8>, boxes: Vec<BlurBox>) -> Result<Processed, PhotoProblem> {
    let _permit = DECODING
        .acquire()
        .await
        .map_err(|_| PhotoProblem::Unreadable)?;
    tokio::task::spawn_blocking(move || blur(&bytes, &boxes))
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "photo blurring stopped");
            PhotoProblem::Unreadable
        })?
}

/// At most two photos decoded at once, so photos arriving together cannot hold more than two
/// decoders' memory or starve the request threads.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// [`process`] on the blocking pool, at most two at a time (see [`DECODING`]).
pub async fn process_blocking(bytes: Vec<u8>) -> Result<Processed, PhotoProblem> {
    let _permit = DECODING
        .acquire()
        .await
        .map_err(|_| PhotoProblem::Unreadable)?;
    tokio::task::spawn_blocking(move || process(&bytes))
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "photo processing stopped");
            PhotoProblem::Unreadable
        })?
}

fn refusal(err: image::ImageError) -> PhotoProblem {
    match err {
        image::ImageError::Limits(_) => PhotoProblem::TooManyPixels,
        image::ImageError::Unsupported(_) => PhotoProblem::Format,
        _ => PhotoProblem::Unreadable,
    }
}

fn scaled_height(width: u32, height: u32, target: u32) -> u32 {
    let scaled = (u64::from(height) * u64::from(target) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// The photo as RGB; transparent parts (a PNG screenshot's) on white, as a page would show them.
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    RgbImage::from_fn(width, height, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| {
            let c = u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a));
            (c / 255) as u8
        };
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

fn jpeg(image: &RgbImage) -> Result<Vec<u8>, PhotoProblem> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(image)
        .map_err(|err| {
            tracing::error!(error = %err, "a photo could not be encoded");
            PhotoProblem::Unreadable
        })?;
    Ok(out)
}

/// Lossy WebP, from the pixels alone: like the JPEG, it carries no metadata.
fn webp(image: &RgbImage) -> Result<Vec<u8>, PhotoProblem> {
    webp::Encoder::from_rgb(image.as_raw(), image.width(), image.height())
        .encode_simple(false, WEBP_QUALITY)
        .map(|encoded| encoded.to_vec())
        .map_err(|err| {
            tracing::error!(error = ?err, "a photo could not be encoded as WebP");
            PhotoProblem::Unreadable
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 0, 0]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).expect("encodes");
        out.into_inner()
    }

    #[test]
    fn stores_each_width_narrower_than_the_photo_and_no_wider() {
        assert_eq!(stored_widths(4000), vec![320, 768, 1600]);
        assert_eq!(stored_widths(1600), vec![320, 768, 1600]);
        assert_eq!(stored_widths(1000), vec![320, 768, 1000]);
        assert_eq!(stored_widths(200), vec![200]);
    }

    #[test]
    fn a_png_comes_out_as_jpegs_and_webps_keeping_its_proportions() {
        let out = process(&png(1000, 500)).expect("a plain PNG is taken");
        assert_eq!((out.width, out.height), (1000, 500));
        let widths: Vec<u32> = out.sizes.iter().map(|(w, _)| *w).collect();
        assert_eq!(widths, vec![320, 768, 1000]);
        assert_eq!(out.webp.len(), out.sizes.len());
        for ((width, jpeg), webp) in out.sizes.iter().zip(&out.webp) {
            for (bytes, format) in [(jpeg, ImageFormat::Jpeg), (webp, ImageFormat::WebP)] {
                assert_eq!(image::guess_format(bytes).ok(), Some(format));
                let read = image::load_from_memory(bytes).expect("reads back");
                assert_eq!(read.width(), *width);
                assert_eq!(read.height(), scaled_height(1000, 500, *width));
            }
        }
    }

    #[test]
    fn a_blurred_box_is_changed_in_every_size_and_the_rest_is_not() {
        // A checkerboard of 40 px squares, as sharp as detail gets.
        let board = RgbImage::from_fn(1000, 600, |x, y| {
            let v = if (x / 40 + y / 40) % 2 == 0 { 0 } else { 255 };
            image::Rgb([v, v, v])
        });
        let mut png = Cursor::new(Vec::new());
        board.write_to(&mut png, ImageFormat::Png).expect("encodes");
        let before = process(png.get_ref()).expect("processed");
        let widest = &before.sizes.last().expect("a size").1;
        let face = BlurBox {
            x: 100,
            y: 200,
            width: 300,
            height: 400,
        };
        let after = blur(widest, &[face]).expect("blurred");
        assert_eq!((after.width, after.height), (1000, 600));
        assert_eq!(after.sizes.len(), before.sizes.len());
        let jpegs = before.sizes.iter().zip(&after.sizes);
        let webps = (before.sizes.iter().map(|(w, _)| w).zip(&before.webp))
            .zip(after.sizes.iter().map(|(w, _)| w).zip(&after.webp))
            .map(|((w, old), (_, new))| ((*w, old.clone()), (*w, new.clone())));
        let pairs: Vec<_> = jpegs
            .map(|(old, new)| (old.clone(), new.clone()))
            .chain(webps)
            .collect();
        assert_eq!(pairs.len(), 2 * before.sizes.len());
        for ((width, old), (_, new)) in &pairs {
            let old = image::load_from_memory(old).expect("reads").into_luma8();
            let new = image::load_from_memory(new).expect("reads").into_luma8();
            let height = old.height();
            let at = |v: u32, of: u32| v * of / 1000;
            // The mean difference of the two versions over thousandths (x0, x1, y0, y1).
            let change = |x0, x1, y0, y1| {
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
            // Inside the box (a margin in) the squares are gone; well outside it, nothing moved.
            assert!(change(120, 380, 220, 580) > 60, "{width}: the box changed");
            assert!(change(600, 950, 100, 900) < 4, "{width}: the rest did not");
        }
    }

    #[test]
    fn refuses_what_is_not_a_photo_we_read() {
        assert_eq!(process(b"GIF89a....").err(), Some(PhotoProblem::Format));
        assert_eq!(process(b"<svg></svg>").err(), Some(PhotoProblem::Format));
        // An iPhone's HEIC: an ISO box naming the `heic` brand.
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(process(heic).err(), Some(PhotoProblem::Format));
        let mut cut = png(64, 64);
        cut.truncate(60);
        assert_eq!(process(&cut).err(), Some(PhotoProblem::Unreadable));
        assert_eq!(
            process(&vec![0xFF; MAX_PHOTO_BYTES + 1]).err(),
            Some(PhotoProblem::TooLarge)
        );
    }
}
