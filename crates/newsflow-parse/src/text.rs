//! Plain-text parsing.

use newsflow_model::{Article, RawDocument};

use crate::{ParseError, ParseLimits};

pub fn parse_plain_text(doc: &RawDocument, limits: &ParseLimits) -> Result<Vec<Article>, ParseError> {
    let _ = (doc, limits);
    Err(ParseError::Invalid("plain-text parser not written yet".into()))
}
