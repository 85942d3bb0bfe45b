//! Output formats: pure functions from a record to text, shared by the
//! sinks and the one-shot `newsflow parse` command.

mod ninjs;
mod pretty;

use newsflow_model::{DeadLetter, EnrichedArticle};

use crate::config::{LineFormat, OutputFormat};
use crate::error::FormatError;

pub use ninjs::{to_ninjs, NINJS_SCHEMA_URI};
pub use pretty::{to_pretty, WRAP_COLUMNS};

/// The native record as one JSON line (no trailing newline).
pub fn to_json_line(article: &EnrichedArticle) -> Result<String, FormatError> {
    Ok(serde_json::to_string(article)?)
}

/// The record as one ninjs 2.1 JSON line (no trailing newline).
pub fn to_ninjs_line(article: &EnrichedArticle) -> Result<String, FormatError> {
    Ok(serde_json::to_string(&to_ninjs(article))?)
}

/// A dead letter as one JSON line (no trailing newline).
pub fn dead_letter_line(dead_letter: &DeadLetter) -> Result<String, FormatError> {
    Ok(serde_json::to_string(dead_letter)?)
}

/// Renders `article` in `format`, without a trailing newline. "pretty" is a
/// multi-line block; the others are one line.
pub fn render(article: &EnrichedArticle, format: OutputFormat) -> Result<String, FormatError> {
    match format {
        OutputFormat::Json => to_json_line(article),
        OutputFormat::Ninjs => to_ninjs_line(article),
        OutputFormat::Pretty => Ok(to_pretty(article)),
    }
}

/// The line renderer of a file sink for `format`.
pub fn line_renderer(format: LineFormat) -> fn(&EnrichedArticle) -> Result<String, FormatError> {
    match format {
        LineFormat::Json => to_json_line,
        LineFormat::Ninjs => to_ninjs_line,
    }
}
