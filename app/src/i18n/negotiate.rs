//! Chooses the language of a server render: the visitor's cookie first, then `Accept-Language`.

use super::{LANGUAGE_COOKIE, Locale};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use http::HeaderMap;
use http::header::{ACCEPT_LANGUAGE, COOKIE};

/// The locale for a request with these headers.
pub fn locale_for_request(headers: &HeaderMap) -> Locale {
    cookie_locale(headers)
        .or_else(|| accept_language_locale(headers))
        .unwrap_or_default()
}

fn cookie_locale(headers: &HeaderMap) -> Option<Locale> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .and_then(|(_, value)| Locale::from_tag(value))
}

fn accept_language_locale(headers: &HeaderMap) -> Option<Locale> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    let requested = accepted_languages::parse(header);
    let available: Vec<_> = Locale::ALL.iter().map(|l| l.langid()).collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
    let first = chosen.first()?;
    Locale::ALL.into_iter().find(|l| &&l.langid() == first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(http::header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                name.clone(),
                HeaderValue::from_str(value).expect("test header"),
            );
        }
        map
    }

    #[test]
    fn no_headers_gives_english() {
        assert_eq!(locale_for_request(&HeaderMap::new()), Locale::EnGb);
    }

    #[test]
    fn accept_language_picks_the_best_shipped_match() {
        let h = headers(&[(ACCEPT_LANGUAGE, "fr-FR,zh;q=0.9,en;q=0.5")]);
        assert_eq!(locale_for_request(&h), Locale::ZhCn);
        let h = headers(&[(ACCEPT_LANGUAGE, "ar-EG,ar;q=0.9")]);
        assert_eq!(locale_for_request(&h), Locale::Ar);
        let h = headers(&[(ACCEPT_LANGUAGE, "de-DE")]);
        assert_eq!(locale_for_request(&h), Locale::EnGb);
    }

    #[test]
    fn cookie_wins_over_accept_language() {
        let h = headers(&[
            (ACCEPT_LANGUAGE, "zh-CN"),
            (COOKIE, "other=1; sg_lang=ar; x=y"),
        ]);
        assert_eq!(locale_for_request(&h), Locale::Ar);
    }

    #[test]
    fn a_forged_cookie_falls_back_to_negotiation() {
        let h = headers(&[(ACCEPT_LANGUAGE, "zh-CN"), (COOKIE, "sg_lang=<script>")]);
        assert_eq!(locale_for_request(&h), Locale::ZhCn);
    }
}
