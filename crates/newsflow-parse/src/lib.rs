//! Parsing: raw bytes in, [`Article`]s out. Pure and synchronous: no I/O,
//! no clocks except what the caller passes in.

use newsflow_model::{Article, RawDocument};

pub mod segment;
pub mod text;

/// Limits that turn hostile input into a clear error instead of a stall.
#[derive(Debug, Clone)]
pub struct ParseLimits {
    pub max_document_bytes: usize,
    pub max_line_bytes: usize,
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
    #[error("{0}")]
    Invalid(String),
}

/// Parses one raw document into the articles it holds.
pub fn parse(doc: &RawDocument, limits: &ParseLimits) -> Result<Vec<Article>, ParseError> {
    text::parse_plain_text(doc, limits)
}
