//! The front-end files (wasm, JS glue, CSS) by their content-hashed names, and the tags that load them.

use leptos::prelude::*;

/// URL prefix under which the build's `pkg/` folder is served.
pub const PKG_PREFIX: &str = "/pkg";

/// The content-hashed file names the build wrote into `pkg/manifest.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetManifest {
    /// wasm-bindgen's JS glue.
    pub js: String,
    /// The application's wasm.
    pub wasm: String,
    /// The stylesheet.
    pub css: String,
}

impl AssetManifest {
    /// Parses `key=value` lines (`js=`, `wasm=`, `css=`), as written by the build.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value = |key: &str| {
            text.lines()
                .filter_map(|line| line.split_once('='))
                .find(|(k, _)| k.trim() == key)
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty() && !v.contains('/') && !v.contains(".."))
                .ok_or_else(|| format!("manifest has no usable `{key}=` line"))
        };
        Ok(Self {
            js: value("js")?,
            wasm: value("wasm")?,
            css: value("css")?,
        })
    }
}

/// The stylesheet link and the module script that loads the wasm and hydrates the page.
///
/// Rendered only by the server shell, with the request's CSP nonce on the one inline script.
#[component]
pub fn AssetTags(assets: AssetManifest) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let js = format!("{PKG_PREFIX}/{}", assets.js);
    let wasm = format!("{PKG_PREFIX}/{}", assets.wasm);
    let boot = format!(
        "import init, {{ hydrate }} from '{js}';\
         init({{ module_or_path: '{wasm}' }}).then(() => hydrate());"
    );
    view! {
        <link rel="stylesheet" href=format!("{PKG_PREFIX}/{}", assets.css)/>
        <link rel="modulepreload" href=js/>
        <script type="module" nonce=nonce>{boot}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::AssetManifest;

    #[test]
    fn parses_the_build_manifest() {
        let m = AssetManifest::parse(
            "js=schoolgate.1a2b.js\nwasm=schoolgate.1a2b.wasm\ncss=schoolgate.9f.css\n",
        )
        .expect("valid manifest");
        assert_eq!(m.wasm, "schoolgate.1a2b.wasm");
        assert_eq!(m.css, "schoolgate.9f.css");
    }

    #[test]
    fn rejects_missing_or_path_like_entries() {
        assert!(AssetManifest::parse("js=a.js\nwasm=a.wasm").is_err());
        assert!(AssetManifest::parse("js=../a.js\nwasm=a.wasm\ncss=a.css").is_err());
    }
}
