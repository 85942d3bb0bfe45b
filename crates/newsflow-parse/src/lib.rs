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
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self {
            max_document_bytes: 64 * 1024 * 1024,
            max_line_bytes: 1024 * 1024,
            max_paragraphs: 100_000,
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
    #[error("{0}")]
    Invalid(String),
}

/// The input formats the parser recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
}

/// Which parser a document needs. Only plain text exists so far; binary
/// content is rejected here so no parser has to look at it.
pub fn detect_format(doc: &RawDocument) -> Result<Format, ParseError> {
    text::decode::check_not_binary(&doc.bytes)?;
    Ok(Format::PlainText)
}

/// Parses one raw document into the articles it holds.
pub fn parse(doc: &RawDocument, limits: &ParseLimits) -> Result<Vec<Article>, ParseError> {
    match detect_format(doc)? {
        Format::PlainText => text::parse_plain_text(doc, limits),
    }
}
