//! Chunk downloads the page starts before the wasm. The boot script fetches the chunks a page
//! names once it has painted, and the loader takes those downloads instead of asking again: a
//! `<link rel=preload>` and the loader's `fetch` were two requests' worth of main-thread work per
//! chunk (about 3 and 2.5 ms each with the CPU slowed four times), and compose loads 70 chunks.

use anyhow::{Context, Result, bail};

/// How the generated loader asks for a chunk.
const FETCH: &str = "fetch(new URL(";
/// The loader's own way instead: a download the page started (`globalThis.sgChunks.get`, by
/// absolute URL, the `fetch` promise; asking also tells the page not to start it later) is used
/// once; anything else, or a second try after a failed download, is fetched as before.
const EARLY_FETCH: &str = "__sgFetch(new URL(";
const DEFINE: &str = "const __sgFetch = (url) => {\n    \
    const early = globalThis.sgChunks?.get(url.href);\n    \
    if (early === undefined) return fetch(url);\n    \
    globalThis.sgChunks.delete(url.href);\n    \
    return early;\n};";

/// The loader with every chunk download going through `__sgFetch`, defined after its import.
pub fn use_early_downloads(loader: &str) -> Result<String> {
    if !loader.contains(FETCH) {
        bail!("the loader fetches no chunk the way the build expects (`{FETCH}`)");
    }
    let (import, rest) = loader
        .split_once('\n')
        .filter(|(first, _)| first.starts_with("import "))
        .context("the loader does not start with its import of the main module")?;
    Ok(format!(
        "{import}\n{DEFINE}\n{}",
        rest.replace(FETCH, EARLY_FETCH)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "import { initSync } from \"./schoolgate.js\";\n\
        const __chunk_1 = makeLoad(() => {\n    \
        const src = fetch(new URL(\"./chunk_1.wasm\", import.meta.url));\n    \
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}, []);\n\
        const __chunk_2 = makeLoad(() => {\n    \
        const src = fetch(new URL(\"./chunk_2.wasm\", import.meta.url));\n    \
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}, []);\n";

    #[test]
    fn every_chunk_download_goes_through_the_early_downloads() {
        let out = use_early_downloads(LOADER).expect("rewritten");
        assert!(out.starts_with("import { initSync } from \"./schoolgate.js\";\nconst __sgFetch"));
        assert_eq!(out.matches("__sgFetch(new URL(").count(), 2);
        // The only plain `fetch` left is the fallback inside `__sgFetch`.
        assert_eq!(out.matches("fetch(").count(), 1);
        assert_eq!(out.matches("return fetch(url)").count(), 1);
    }

    #[test]
    fn a_loader_of_another_shape_stops_the_build() {
        assert!(use_early_downloads("import x from \"./a.js\";\nconst y = 1;\n").is_err());
        assert!(use_early_downloads("const src = fetch(new URL(\"./c.wasm\"));\n").is_err());
    }
}
