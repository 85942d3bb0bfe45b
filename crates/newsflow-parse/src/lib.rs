//! Parsing: raw bytes in, [`Article`]s out. Pure and synchronous: no I/O,
//! no clocks except what the caller passes in.

use newsflow_model::{Article, RawDocument};

pub mod segment;
pub mod text;

/// Limits that turn hostile input into a clear error instead of a stall.
#[derive(Debug, Clone)]
pub struct ParseLimits {
    pub max_document_bytes: usize,
    /// Longest accepted line (after decoding). A longer line is an error, not
    /// split: no news paragraph is that long, so it is a dump or a blob.
    pub max_line_bytes: usize,
    /// Most non-blank lines (paragraphs) accepted in one document.
    pub max_paragraphs: usize,
    /// Every document is one story (one article per file or message): no
    /// story segmentation.
    pub one_story_per_document: bool,
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self {
            max_document_bytes: 64 * 1024 * 1024,
            max_line_bytes: 1024 * 1024,
            max_paragraphs: 100_000,
            one_story_per_document: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("empty input: no text to parse")]
    Empty,
    #[error("document is {size} bytes, over the {limit}-byte limit (parse.max_document_bytes)")]
    TooLarge { size: usize, limit: usize },
    #[error("binary content, not text ({detail})")]
    Binary { detail: String },
    #[error("line {line} is {size} bytes, over the {limit}-byte limit (parse.max_line_bytes)")]
    LineTooLong {
        line: u64,
        size: usize,
        limit: usize,
    },
    #[error("document has more than {limit} paragraphs (parse.max_paragraphs)")]
    TooManyParagraphs { limit: usize },
    #[error("{kind} input is recognised but has no parser yet; only plain text is parsed")]
    UnsupportedFormat { kind: &'static str },
    #[error("{0}")]
    Invalid(String),
}

/// The input formats the parser recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
}

/// Which parser a document needs. Only plain text exists so far: binary
/// content, and markup that would otherwise come out as tag soup (HTML
/// pages, RSS/Atom/XML feeds, JSON Feed), are rejected here with a clear
/// reason, so they become dead letters instead of garbage records.
pub fn detect_format(doc: &RawDocument) -> Result<Format, ParseError> {
    text::decode::check_not_binary(&doc.bytes)?;
    if let Some(kind) = markup_kind(&doc.bytes) {
        return Err(ParseError::UnsupportedFormat { kind });
    }
    Ok(Format::PlainText)
}

/// Looks at the first non-blank bytes (after a BOM) for a markup opening.
fn markup_kind(bytes: &[u8]) -> Option<&'static str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head: Vec<u8> = bytes[start..]
        .iter()
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        Some("HTML")
    } else if head.starts_with(b"<?xml") || head.starts_with(b"<rss") || head.starts_with(b"<feed")
    {
        Some(if has(b"<html") { "XHTML" } else { "XML feed" })
    } else if head.starts_with(b"{") && has(b"jsonfeed.org/version") {
        Some("JSON Feed")
    } else {
        None
    }
}

/// Parses one raw document into the articles it holds.
pub fn parse(doc: &RawDocument, limits: &ParseLimits) -> Result<Vec<Article>, ParseError> {
    match detect_format(doc)? {
        Format::PlainText => text::parse_plain_text(doc, limits),
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    fn kind(text: &str) -> Option<&'static str> {
        match detect_format(&RawDocument::new("t", "t", text.as_bytes().to_vec())) {
            Err(ParseError::UnsupportedFormat { kind }) => Some(kind),
            _ => None,
        }
    }

    #[test]
    fn markup_is_named_and_plain_text_passes() {
        assert_eq!(
            kind("\n  <!DOCTYPE html><html><body>x</body></html>"),
            Some("HTML")
        );
        assert_eq!(
            kind("<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Some("XML feed")
        );
        assert_eq!(
            kind("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some("XML feed")
        );
        assert_eq!(
            kind("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"),
            Some("JSON Feed")
        );
        assert_eq!(kind("The council met on <Monday> and said so."), None);
        assert_eq!(kind("{curly} text is still text."), None);
    }
}
