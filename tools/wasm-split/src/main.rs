//! Build step between cargo and the browser: splits the front end's wasm into a main module and
//! lazily loaded chunks (`split`), then names every file by its content and writes the manifest
//! the server reads (`finish`). `scripts/lib.sh` runs wasm-bindgen and wasm-opt in between.

mod early;
mod grouping;
mod merge;
mod resume;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The loader's name until its content is known: the same length as the hash that replaces it,
/// so the main wasm, which imports the loader by name, stays valid when the name is patched in.
const LOADER_PLACEHOLDER: &str = "______________________";
/// How the main module is named at split time; `finish` points the loader at the hashed name.
const MAIN_JS: &str = "schoolgate.js";
/// wasm-bindgen's output for the main module.
const MAIN_WASM: &str = "schoolgate_bg.wasm";
/// The chunks the split wrote, one file name a line.
const CHUNK_LIST: &str = "chunks.txt";
/// Lazy function id → the chunk stems it needs, as the split computed them.
const PREFETCH_MAP: &str = "prefetch.json";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, input, work] if cmd == "split" => split(Path::new(input), Path::new(work), &[]),
        [cmd, input, work, flag, staff] if cmd == "split" && flag == "--staff" => {
            let staff: Vec<&str> = staff.split(',').filter(|s| !s.is_empty()).collect();
            split(Path::new(input), Path::new(work), &staff)
        }
        [cmd, work, pkg] if cmd == "finish" => finish(Path::new(work), Path::new(pkg)),
        _ => bail!(
            "usage: wasm-split split <cargo output .wasm> <work dir> [--staff <route>,<route>…]\n       \
             wasm-split finish <work dir> <pkg dir>"
        ),
    }
}

fn loader_name(hash: &str) -> String {
    format!("__wasm_split.{hash}.js")
}

/// Splits the raw cargo output (compiled with `--emit-relocs`) into `work/main.wasm`, the chunks
/// and the loader script, then joins small chunks (`grouping`). `staff` names the staff routes
/// (the start of their route type in snake case: `compose`, `staff_`…).
fn split(input: &Path, work: &Path, staff: &[&str]) -> Result<()> {
    let wasm = std::fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    std::fs::create_dir_all(work)?;
    let main_out = work.join("main.wasm");
    let link_name = format!("./{}", loader_name(LOADER_PLACEHOLDER));
    let main_module = format!("./{MAIN_JS}");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = work;
    options.main_out_path = &main_out;
    options.link_name = &link_name;
    options.main_module = &main_module;
    let result = wasm_split_cli_support::transform(options)
        .map_err(|e| anyhow::anyhow!("{e:?}"))
        .context("splitting the wasm")?;
    let mut chunks: Vec<String> = result
        .split_modules
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let split_into = chunks.len();
    let mut prefetch: BTreeMap<String, Vec<String>> = result.prefetch_map.into_iter().collect();
    let is_staff = |route: &str| {
        let route = route.trim_start_matches("__");
        staff.iter().any(|s| route.starts_with(s))
    };
    let size_of = |stem: &str| {
        std::fs::metadata(work.join(format!("{stem}.wasm")))
            .map(|m| m.len())
            .unwrap_or(u64::MAX)
    };
    let loader_path = work.join(loader_name(LOADER_PLACEHOLDER));
    let mut loader = std::fs::read_to_string(&loader_path)?;
    for group in grouping::groups(&prefetch, size_of, is_staff) {
        join_group(work, &group, &mut loader, &mut prefetch, &mut chunks)?;
    }
    std::fs::write(
        &loader_path,
        early::use_early_downloads(&resume::resume_in_own_task(&loader)?)?,
    )?;
    std::fs::write(work.join(CHUNK_LIST), chunks.join("\n"))?;
    std::fs::write(
        work.join(PREFETCH_MAP),
        serde_json::to_string_pretty(&prefetch)?,
    )?;
    println!(
        "    split into the main module and {split_into} chunk(s); small chunks joined: {} file(s)",
        chunks.len()
    );
    Ok(())
}

/// Joins a group's chunk files into its first one, points the loader's entries for the others
/// at the first's (so the joined file is fetched and instantiated once), and renames them in
/// the routes' lists.
fn join_group(
    work: &Path,
    group: &[String],
    loader: &mut String,
    prefetch: &mut BTreeMap<String, Vec<String>>,
    chunks: &mut Vec<String>,
) -> Result<()> {
    let Some((first, others)) = group.split_first() else {
        return Ok(());
    };
    let modules = group
        .iter()
        .map(|stem| std::fs::read(work.join(format!("{stem}.wasm"))))
        .collect::<std::io::Result<Vec<_>>>()?;
    let joined = merge::join(&modules).with_context(|| format!("joining {}", group.join(", ")))?;
    std::fs::write(work.join(format!("{first}.wasm")), joined)?;
    for other in others {
        *loader = alias_in_loader(loader, other, first)?;
        std::fs::remove_file(work.join(format!("{other}.wasm")))?;
        chunks.retain(|c| c != &format!("{other}.wasm"));
    }
    for stems in prefetch.values_mut() {
        let mut kept: Vec<String> = Vec::with_capacity(stems.len());
        for stem in stems.drain(..) {
            let stem = if others.contains(&stem) {
                first.clone()
            } else {
                stem
            };
            if !kept.contains(&stem) {
                kept.push(stem);
            }
        }
        *stems = kept;
    }
    Ok(())
}

/// The loader with `member`'s loading function replaced by `first`'s, which must come before it.
fn alias_in_loader(loader: &str, member: &str, first: &str) -> Result<String> {
    let definition = |stem: &str| format!("const __{stem} = makeLoad(");
    let first_at = loader
        .find(&definition(first))
        .with_context(|| format!("the loader does not define {first}"))?;
    let start = loader
        .find(&definition(member))
        .with_context(|| format!("the loader does not define {member}"))?;
    if start < first_at {
        bail!("the loader defines {member} before {first}");
    }
    // A chunk's loading function has no dependencies of its own: it ends with `, []);`.
    let end_marker = "\n, []);";
    let end = loader[start..]
        .find(end_marker)
        .map(|e| start + e + end_marker.len())
        .with_context(|| format!("the loader's entry for {member} has an unexpected shape"))?;
    Ok(format!(
        "{}const __{member} = __{first};{}",
        &loader[..start],
        &loader[end..]
    ))
}

/// The first `len` hex digits of the SHA-256 of `bytes`.
fn content_hash(bytes: &[u8], len: usize) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex[..len].to_string()
}

/// `name.ext` → `name.<hash>.ext`.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes, 12);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Replaces every occurrence of `from` with `to` (equal lengths) in `bytes`; returns how many.
fn patch_in_place(bytes: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len(), "patches keep the length");
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    count
}

/// Hashes and renames the optimised files into `pkg`, rewriting the names the loader and the
/// prefetch map use, and prints the manifest lines (`js=`, `wasm=`, `loader=`, `split=`, `chunk=`).
fn finish(work: &Path, pkg: &Path) -> Result<()> {
    std::fs::create_dir_all(pkg)?;
    let read = |name: &str| -> Result<Vec<u8>> {
        std::fs::read(work.join(name)).with_context(|| format!("reading {name} in the work dir"))
    };
    let chunk_list = String::from_utf8(read(CHUNK_LIST)?)?;
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut lines = Vec::new();
    for chunk in chunk_list.lines().filter(|l| !l.is_empty()) {
        let bytes = read(chunk)?;
        let name = hashed_name(chunk, &bytes);
        std::fs::write(pkg.join(&name), &bytes)?;
        lines.push(format!("chunk={name}"));
        renamed.insert(chunk.to_string(), name);
    }

    let mut main_js = read(MAIN_JS)?;
    let main_js_name = hashed_name(MAIN_JS, &main_js);

    let placeholder = loader_name(LOADER_PLACEHOLDER);
    let mut loader = String::from_utf8(read(&placeholder)?)?;
    let main_import = format!("\"./{MAIN_JS}\"");
    if !loader.contains(&main_import) {
        bail!("the loader does not import {main_import}");
    }
    loader = loader.replace(&main_import, &format!("\"./{main_js_name}\""));
    for (from, to) in &renamed {
        let quoted = format!("\"./{from}\"");
        if !loader.contains(&quoted) {
            bail!("the loader does not name {from}");
        }
        loader = loader.replace(&quoted, &format!("\"./{to}\""));
    }
    let loader_hash = content_hash(loader.as_bytes(), LOADER_PLACEHOLDER.len());
    let loader_file = loader_name(&loader_hash);
    std::fs::write(pkg.join(&loader_file), &loader)?;

    // The main JS and wasm import the loader by name; same length, so a byte patch is enough.
    if patch_in_place(
        &mut main_js,
        LOADER_PLACEHOLDER.as_bytes(),
        loader_hash.as_bytes(),
    ) == 0
    {
        bail!("the main JS does not import the loader");
    }
    std::fs::write(pkg.join(&main_js_name), &main_js)?;
    let mut main_wasm = read(MAIN_WASM)?;
    if patch_in_place(
        &mut main_wasm,
        LOADER_PLACEHOLDER.as_bytes(),
        loader_hash.as_bytes(),
    ) == 0
    {
        bail!("the main wasm does not import the loader");
    }
    let main_wasm_name = hashed_name("schoolgate.wasm", &main_wasm);
    std::fs::write(pkg.join(&main_wasm_name), &main_wasm)?;

    // Leptos preloads `<stem>.wasm` for each stem the map lists.
    let prefetch: BTreeMap<String, Vec<String>> = serde_json::from_slice(&read(PREFETCH_MAP)?)?;
    let prefetch: BTreeMap<String, Vec<String>> = prefetch
        .into_iter()
        .map(|(id, stems)| {
            let stems = stems
                .into_iter()
                .map(|stem| {
                    renamed
                        .get(&format!("{stem}.wasm"))
                        .and_then(|n| n.strip_suffix(".wasm"))
                        .map(str::to_string)
                        .unwrap_or(stem)
                })
                .collect();
            (id, stems)
        })
        .collect();
    let prefetch_json = serde_json::to_vec(&prefetch)?;
    let prefetch_name = hashed_name("__wasm_split_manifest.json", &prefetch_json);
    std::fs::write(pkg.join(&prefetch_name), &prefetch_json)?;

    println!("js={main_js_name}");
    println!("wasm={main_wasm_name}");
    println!("loader={loader_file}");
    println!("split={prefetch_name}");
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_keep_the_extension() {
        let name = hashed_name("split_notice.wasm", b"abc");
        assert!(name.starts_with("split_notice.") && name.ends_with(".wasm"));
        assert_eq!(name.len(), "split_notice..wasm".len() + 12);
        assert_ne!(name, hashed_name("split_notice.wasm", b"abd"));
    }

    #[test]
    fn patches_every_occurrence_at_the_same_length() {
        let mut bytes = b"a__b__c".to_vec();
        assert_eq!(patch_in_place(&mut bytes, b"__", b"xy"), 2);
        assert_eq!(bytes, b"axybxyc");
    }

    #[test]
    fn a_joined_chunk_is_loaded_through_the_first_ones_entry() {
        let entry = |n: u32| {
            format!(
                "const __chunk_{n} = makeLoad(() => {{\n    const src = fetch(new URL(\"./chunk_{n}.wasm\", import.meta.url));\n}}\n, []);\n"
            )
        };
        let loader = format!(
            "{}{}{}export const load = makeLoad(x, [__chunk_1, __chunk_2, __chunk_3]);\n",
            entry(1),
            entry(2),
            entry(3)
        );
        let joined = alias_in_loader(&loader, "chunk_2", "chunk_1").unwrap();
        assert!(joined.contains("const __chunk_2 = __chunk_1;\nconst __chunk_3 = makeLoad("));
        assert!(!joined.contains("./chunk_2.wasm"));
        assert!(joined.contains("./chunk_1.wasm") && joined.contains("./chunk_3.wasm"));
        assert!(alias_in_loader(&loader, "chunk_1", "chunk_3").is_err());
        assert!(alias_in_loader(&loader, "chunk_9", "chunk_1").is_err());
    }

    #[test]
    fn the_loader_hash_fills_the_placeholder_exactly() {
        assert_eq!(content_hash(b"x", LOADER_PLACEHOLDER.len()).len(), 22);
    }
}
