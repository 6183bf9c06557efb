//! The front-end files (wasm, JS glue, chunk loader, CSS) by their content-hashed names, and the
//! tags that load them.

use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// URL prefix under which the build's `pkg/` folder is served.
pub const PKG_PREFIX: &str = "/pkg";

/// Lazy function id → the chunk files (stems, without `.wasm`) it needs.
pub type PrefetchMap = BTreeMap<String, Vec<String>>;

/// What the server needs from the build's `pkg/manifest.txt`, which names the content-hashed
/// files: the URLs it writes into every page, built once when the manifest is read.
#[derive(Clone, Debug)]
pub struct AssetManifest {
    /// The file holding the prefetch map (`split=`), read by the server at start; `None` for an
    /// unsplit build.
    pub split: Option<String>,
    /// Which chunk files each lazy function needs, as URLs, built once (copied for every page,
    /// the map cost `/sign-in` a third of its throughput).
    chunk_urls: Option<ChunkUrls>,
    /// The stylesheet's URL and the boot script, built once: formatting the 1.7 KB script for
    /// every page was work each request repeated for the same text.
    stylesheet: Arc<str>,
    boot: Arc<str>,
}

/// Lazy function id → the URLs of the chunk files it needs; read by [`defer_chunk_preloads`].
///
/// Our own type, not Leptos's `WasmSplitManifest`: given that, Leptos writes a
/// `<link rel=preload>` in the head for every chunk a page ran, which is what the boot script's
/// downloads after the first paint replace. Without it Leptos writes none, whatever a page does.
#[derive(Clone, Debug)]
#[cfg_attr(
    not(feature = "ssr"),
    allow(dead_code, reason = "read by the server only")
)]
pub struct ChunkUrls(Arc<BTreeMap<String, Vec<String>>>);

/// A file name from the manifest: a plain name inside `pkg/`, never a path.
fn usable(name: &str) -> bool {
    !name.is_empty() && !name.contains('/') && !name.contains("..")
}

/// The URL of `file` in the build's `pkg/` folder.
fn pkg_url(file: impl std::fmt::Display) -> String {
    format!("{PKG_PREFIX}/{file}")
}

impl AssetManifest {
    /// Parses `key=value` lines (`js=`, `wasm=`, `css=`, and for a split build `loader=`,
    /// `split=` and one `chunk=` per chunk), as written by the build.
    ///
    /// Every name is checked, the chunks' and the loader's too, though the server writes none of
    /// them into a page: a manifest with a bad line is a broken build, found at start.
    pub fn parse(text: &str) -> Result<Self, String> {
        let pairs: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        let optional = |key: &str| -> Result<Option<&str>, String> {
            match pairs.iter().find(|(k, _)| *k == key) {
                None => Ok(None),
                Some((_, v)) if usable(v) => Ok(Some(*v)),
                Some(_) => Err(format!("manifest has an unusable `{key}=` line")),
            }
        };
        let required = |key: &str| {
            optional(key)?.ok_or_else(|| format!("manifest has no usable `{key}=` line"))
        };
        if pairs.iter().any(|(k, v)| *k == "chunk" && !usable(v)) {
            return Err("manifest has an unusable `chunk=` line".to_string());
        }
        let (split, loader) = (optional("split")?, optional("loader")?);
        if split.is_some() && loader.is_none() {
            return Err("manifest names a chunk map (`split=`) but no chunk loader".to_string());
        }
        let (js, wasm, css) = (required("js")?, required("wasm")?, required("css")?);
        Ok(Self {
            split: split.map(str::to_string),
            chunk_urls: None,
            stylesheet: pkg_url(css).into(),
            boot: boot_script(&pkg_url(js), &pkg_url(wasm)).into(),
        })
    }

    /// Sets which chunks each lazy route needs (the build's `split=` file); `map` holds each
    /// lazy function's chunk stems, without `.wasm`.
    pub fn set_prefetch(&mut self, map: PrefetchMap) {
        let urls = map
            .into_iter()
            .map(|(id, stems)| {
                let urls = stems
                    .iter()
                    .map(|stem| pkg_url(format_args!("{stem}.wasm")))
                    .collect();
                (id, urls)
            })
            .collect();
        self.chunk_urls = Some(ChunkUrls(Arc::new(urls)));
    }
}

/// The stylesheet link and the module script that loads the wasm and hydrates the page.
///
/// Rendered only by the server shell, with the request's CSP nonce on the one inline script.
/// With a split build it also provides the chunk map, which [`defer_chunk_preloads`] reads to
/// name the chunks a page whose route lives in one needs.
#[component]
pub fn AssetTags(assets: Arc<AssetManifest>) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    // One map shared by every request and never changed.
    if let Some(urls) = &assets.chunk_urls {
        provide_context(urls.clone());
    }
    view! {
        <link rel="stylesheet" href=assets.stylesheet.clone()/>
        <script type="module" nonce=nonce>{assets.boot.clone()}</script>
    }
}

/// The module script that downloads the glue and the wasm (`js`, `wasm`: their URLs) once the
/// page is on screen, then starts the wasm and hydrates.
fn boot_script(js: &str, wasm: &str) -> String {
    // The JS glue, the wasm and the chunks the page names (`sg-chunks`) are fetched once the
    // server-rendered page is on screen: on a slow connection the page's own bytes and
    // stylesheet get the bandwidth first, and a parent reads before the page turns interactive.
    // "On screen" is the browser's first-contentful-paint entry, which comes when the frame is
    // presented; after an animation frame, a wasm request sometimes started before the frame
    // reached the screen, and Lighthouse's LCP counted its 255 KB (2.5 s in one run of six). A
    // hidden tab paints nothing, so it starts at once. The glue was a `modulepreload` and a
    // static import, fetched beside the stylesheet (LCP 0.9–1.3 s against 0.9 s without); the
    // wasm is asked for beside the glue, not by it, so the two downloads overlap. Hydrating
    // starts in a task after the one that compiled the wasm, so neither is a long task of both.
    // The chunks download beside the main module rather than after it, and the chunk loader
    // takes those downloads (`sgChunks`; `tools/wasm-split/src/early.rs`) instead of asking
    // again; one the loader asked for before its turn here is left to the loader, not fetched
    // twice. They are asked for a few per task: starting a request costs the main thread about a
    // millisecond on a phone, and compose's 70 at once were a long task of their own. A page led
    // by a photo (`fetchpriority=high`) waits for it too, at most three seconds: the photo is
    // what the parent came to see, and the 300 KB of wasm would otherwise share the line with
    // it.
    format!(
        "const chunks = [...document.querySelectorAll('meta[name=sg-chunks]')]\
         .flatMap((meta) => meta.content.split(' '));\
         const started = new Map(); const taken = new Set();\
         globalThis.sgChunks = {{ get: (url) => {{ taken.add(url); return started.get(url); }}, \
         delete: (url) => started.delete(url) }};\
         const download = (from) => {{\
         for (const href of chunks.slice(from, from + 6)) {{\
         const url = new URL(href, location.href).href;\
         if (taken.has(url)) continue;\
         const response = fetch(url); response.catch(() => {{}}); started.set(url, response); }}\
         if (from + 6 < chunks.length) setTimeout(() => download(from + 6)); }};\
         const boot = () => setTimeout(() => {{\
         const wasm = fetch('{wasm}'); wasm.catch(() => {{}});\
         import('{js}').then((glue) => glue.default({{ module_or_path: wasm }})\
         .then(() => setTimeout(() => glue.hydrate()))); download(0); }});\
         const painted = new Promise((done) => {{\
         if (document.visibilityState !== 'visible') {{ done(); return; }}\
         if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {{\
         requestAnimationFrame(done); return; }}\
         new PerformanceObserver((list, observer) => {{\
         if (list.getEntriesByName('first-contentful-paint').length === 0) return;\
         observer.disconnect(); done(); }}).observe({{ type: 'paint', buffered: true }}); }});\
         const first = [...document.querySelectorAll('img[fetchpriority=high]')]\
         .filter((img) => !img.complete)\
         .map((img) => new Promise((done) => {{ img.addEventListener('load', done); \
         img.addEventListener('error', done); }}));\
         Promise.race([Promise.all([painted, ...first]), new Promise((done) => setTimeout(done, 3000))])\
         .then(boot);"
    )
}

/// Names, in a `<meta name="sg-chunks">`, the wasm chunks of the lazily loaded code this page has
/// run on the server since the last call, for the boot script to download after the first
/// paint.
///
/// Not `<link rel=preload>`s in the head (see [`ChunkUrls`]): those start at once, beside the
/// stylesheet, and on a slow line a notice's 33 files or compose's 70 shared it with the one
/// file the first paint waits for. Called by every lazily loaded page once its view is built
/// (`pages::loading`); a page that does not gets its chunks when it hydrates. A no-op in the
/// browser.
pub fn defer_chunk_preloads() {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Meta;
        use std::collections::BTreeSet;
        let (Some(lazy), Some(ChunkUrls(map))) = (
            use_context::<leptos::PrefetchLazyFn>(),
            use_context::<ChunkUrls>(),
        ) else {
            return;
        };
        let ids: Vec<&'static str> = lazy
            .0
            .try_update_value(|ids| ids.drain().collect())
            .unwrap_or_default();
        let urls: BTreeSet<&str> = ids
            .iter()
            .flat_map(|id| map.get(*id).into_iter().flatten())
            .map(String::as_str)
            .collect();
        if !urls.is_empty() {
            let content = urls.into_iter().collect::<Vec<_>>().join(" ");
            // Rendered for its side effect: leptos_meta puts it in the head.
            let _ = view! { <Meta name="sg-chunks" content/> }.to_html();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{AssetManifest, AssetTags, ChunkUrls};
    use leptos::prelude::*;
    use std::sync::Arc;

    #[test]
    fn the_boot_script_is_built_once_and_served_as_written() {
        let m = AssetManifest::parse("js=s.1.js\nwasm=s.1.wasm\ncss=s.9.css\n").expect("valid");
        let assets = Arc::new(m);
        let render = || {
            let assets = assets.clone();
            Owner::new().with(|| view! { <AssetTags assets/> }.to_html())
        };
        let (first, second) = (render(), render());
        assert_eq!(first, second);
        assert!(first.contains(r#"href="/pkg/s.9.css""#), "{first}");
        // A script's text is not HTML: an escaped `=>` or `&&` would be a syntax error.
        assert!(first.contains("import('/pkg/s.1.js')"), "{first}");
        assert!(first.contains("fetch('/pkg/s.1.wasm')"), "{first}");
        assert!(first.contains("=> "), "{first}");
        assert!(
            !first.contains("&gt;") && !first.contains("&#x27;"),
            "{first}"
        );
        assert!(first.contains(&*assets.boot));
    }

    #[test]
    fn parses_the_build_manifest() {
        let m = AssetManifest::parse(
            "js=schoolgate.1a2b.js\nwasm=schoolgate.1a2b.wasm\ncss=schoolgate.9f.css\n",
        )
        .expect("valid manifest");
        assert_eq!(&*m.stylesheet, "/pkg/schoolgate.9f.css");
        assert!(m.boot.contains("import('/pkg/schoolgate.1a2b.js')"));
        assert!(m.boot.contains("fetch('/pkg/schoolgate.1a2b.wasm')"));
        assert_eq!(m.split, None);
        assert!(m.chunk_urls.is_none());
    }

    #[test]
    fn parses_a_split_build_and_its_chunk_map() {
        let mut m = AssetManifest::parse(
            "js=s.1.js\nwasm=s.1.wasm\nloader=__wasm_split.abc.js\nsplit=__wasm_split_manifest.1.json\n\
             chunk=split_notice.2.wasm\nchunk=chunk_0.3.wasm\ncss=s.9.css\n",
        )
        .expect("valid manifest");
        assert_eq!(m.split.as_deref(), Some("__wasm_split_manifest.1.json"));
        m.set_prefetch(
            [(
                "notice".to_string(),
                vec!["split_notice.2".to_string(), "chunk_0.3".to_string()],
            )]
            .into(),
        );
        let ChunkUrls(urls) = m.chunk_urls.expect("a chunk map");
        assert_eq!(
            urls.get("notice").map(Vec::as_slice),
            Some(
                ["/pkg/split_notice.2.wasm", "/pkg/chunk_0.3.wasm"]
                    .map(String::from)
                    .as_slice()
            )
        );
    }

    #[test]
    fn rejects_missing_or_path_like_entries() {
        assert!(AssetManifest::parse("js=a.js\nwasm=a.wasm").is_err());
        assert!(AssetManifest::parse("js=../a.js\nwasm=a.wasm\ncss=a.css").is_err());
        assert!(AssetManifest::parse("js=a.js\nwasm=a.wasm\ncss=a.css\nchunk=../x.wasm").is_err());
        assert!(AssetManifest::parse("js=a.js\nwasm=a.wasm\ncss=a.css\nloader=x/y.js").is_err());
        // A chunk map with no loader to fetch its chunks is half a split build.
        assert!(AssetManifest::parse("js=a.js\nwasm=a.wasm\ncss=a.css\nsplit=m.json").is_err());
    }
}
