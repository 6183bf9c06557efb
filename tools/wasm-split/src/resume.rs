//! Each chunk compiles, and the wasm that waited for it resumes, in a task of its own.
//!
//! The generated loader instantiates a chunk as soon as its dependencies are in, and calls back
//! into the main module as soon as the chunk is instantiated, all in the task that finished the
//! last download. When the bytes are already there (a warm HTTP cache, or the chunks the boot
//! script downloaded beside the main module), hydrating the shell, compiling a page's chunks and
//! hydrating the page ran as one task: compose's was 63 ms (73 chunks compiled in 33 ms of it),
//! 250 ms with the CPU slowed four times, and a tap in that time waits for all of it. Yielding
//! before each chunk and before the wasm resumes lets the browser handle input and paint between
//! them.

use anyhow::{Result, bail};

/// A fresh task: what follows it runs after the browser has had its turn.
const YIELD: &str = "await new Promise((resume) => setTimeout(resume));";
/// Where the loader instantiates (and so compiles) a chunk.
const INSTANTIATE: &str = "return instantiate(imports);";
/// Where the loader hands control back to the wasm after a chunk loaded.
const AWAIT_CHUNK: &str = "await callee();";

/// The loader with each chunk's compilation, and each callback into the wasm, in a task of its
/// own.
pub fn resume_in_own_task(loader: &str) -> Result<String> {
    for point in [INSTANTIATE, AWAIT_CHUNK] {
        if loader.matches(point).count() != 1 {
            bail!("the loader does not load its chunks the way the build expects (`{point}`)");
        }
    }
    Ok(loader
        .replace(INSTANTIATE, &format!("{YIELD} {INSTANTIATE}"))
        .replace(AWAIT_CHUNK, &format!("{AWAIT_CHUNK} {YIELD}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "function wrapAsyncCb(callee) {\n    return async (i, d) => {\n        \
        let success;\n        try {\n            await callee();\n            success = true;\n\
        function makeLoad(fetcher, deps) {\n    const loader = async () => {\n        \
        const imports = getSharedImports();\n        return instantiate(imports);\n    };\n";

    #[test]
    fn chunks_compile_and_the_wasm_resumes_in_new_tasks() {
        let out = resume_in_own_task(LOADER).expect("rewritten");
        assert!(out.contains(
            "await callee(); await new Promise((resume) => setTimeout(resume));\n            success = true;"
        ));
        assert!(out.contains(
            "await new Promise((resume) => setTimeout(resume)); return instantiate(imports);\n    };"
        ));
    }

    #[test]
    fn a_loader_of_another_shape_stops_the_build() {
        assert!(resume_in_own_task("const y = 1;\n").is_err());
        assert!(resume_in_own_task("await callee();\nreturn x;\n").is_err());
        assert!(
            resume_in_own_task("await callee();\nawait callee();\nreturn instantiate(imports);\n")
                .is_err()
        );
    }
}
