//! Stable record ids: the same article gets the same id on every run, so
//! replays after a crash are harmless downstream.

use sha2::{Digest, Sha256};

/// Id of an article: from its canonical URL when it has one, else from its
/// normalised text. 32 hex characters (128 bits of SHA-256).
pub fn record_id(url: Option<&str>, text: &str) -> String {
    let key = match url.and_then(canonical_url) {
        Some(url) => format!("url:{url}"),
        None => format!("text:{}", normalised_text_key(text)),
    };
    let digest = Sha256::digest(key.as_bytes());
    hex::encode(&digest[..16])
}

/// Lower-cased scheme and host, no fragment, no tracking parameters, no
/// trailing slash. `None` for strings that are not http(s) URLs.
pub fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let (host_and_path, query) = match rest.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (rest, None),
    };
    let (host, path) = match host_and_path.find('/') {
        Some(i) => host_and_path.split_at(i),
        None => (host_and_path, ""),
    };
    if host.is_empty() {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_suffix(":80")
        .filter(|_| scheme == "http")
        .or_else(|| host.strip_suffix(":443").filter(|_| scheme == "https"))
        .unwrap_or(&host);
    let path = path.trim_end_matches('/');
    let mut params: Vec<&str> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty() && !is_tracking_param(p))
        .collect();
    params.sort_unstable();
    // Both schemes name the same article.
    let mut out = format!("//{host}{path}");
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    Some(out)
}

fn is_tracking_param(param: &str) -> bool {
    let name = param.split('=').next().unwrap_or_default();
    name.starts_with("utm_") || matches!(name, "fbclid" | "gclid" | "ocid" | "cmpid" | "ref")
}

/// Lower-case alphanumeric words joined by single spaces: the same story
/// with different whitespace, quotes or punctuation gets the same key.
pub fn normalised_text_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        // Most news text is ASCII: lower-case it in place, cheaply.
        if word.is_ascii() {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_variants_share_an_id() {
        let a = record_id(Some("https://Example.com/news/1/?utm_source=x#top"), "a");
        let b = record_id(Some("http://example.com/news/1"), "b");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn text_ids_ignore_whitespace_and_quote_style() {
        let a = record_id(None, "He said “yes”.\n\nThen  left.");
        let b = record_id(None, "He said \"yes\". Then left.");
        assert_eq!(a, b);
        assert_ne!(a, record_id(None, "He said no. Then left."));
    }

    #[test]
    fn text_key_lowercases_ascii_and_unicode_alike() {
        assert_eq!(normalised_text_key("ÉCOLE  Nord, 2024!"), "école nord 2024");
    }

    #[test]
    fn non_http_urls_fall_back_to_text() {
        assert_eq!(canonical_url("file:///tmp/x"), None);
        assert_eq!(record_id(Some("mailto:x"), "t"), record_id(None, "t"));
    }
}
