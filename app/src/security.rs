//! The Content-Security-Policy every response carries.

/// The CSP for a response; HTML pages pass the nonce of their one inline module script.
///
/// `wasm-unsafe-eval` lets the browser compile our wasm without allowing JS `eval`.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(n) => format!("script-src 'self' 'nonce-{n}' 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; {scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::content_security_policy;

    #[test]
    fn never_allows_inline_scripts_without_a_nonce() {
        for csp in [
            content_security_policy(None),
            content_security_policy(Some("abc")),
        ] {
            assert!(!csp.contains("unsafe-inline"));
            assert!(csp.contains("frame-ancestors 'none'"));
        }
        assert!(content_security_policy(Some("abc")).contains("'nonce-abc'"));
    }
}
