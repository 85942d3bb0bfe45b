use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::RawDocument;

/// How much of the original input a dead letter keeps. Enough to see what
/// went wrong; `origin` + `byte_offset` + `original_len` locate the rest.
pub const DEAD_LETTER_MAX_ORIGINAL_BYTES: usize = 64 * 1024;

/// Input that a stage could not turn into records, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeadLetter {
    pub schema_version: u32,
    /// Stage that gave up: "source", "parse", "enrich", "sink".
    pub stage: String,
    pub reason: String,
    pub source: String,
    pub origin: String,
    pub at: DateTime<Utc>,
    /// 1-based line and byte offset of the input in `origin`.
    pub first_line: u64,
    pub byte_offset: u64,
    /// Length in bytes of the whole original input.
    pub original_len: u64,
    /// The original input (lossy UTF-8), cut at
    /// [`DEAD_LETTER_MAX_ORIGINAL_BYTES`] when longer (`original_truncated`).
    pub original: String,
    pub original_truncated: bool,
}

impl DeadLetter {
    /// A dead letter for a whole raw document.
    pub fn for_document(stage: &str, reason: impl Into<String>, doc: &RawDocument) -> Self {
        Self::for_bytes(
            stage,
            reason,
            &doc.source,
            &doc.origin,
            doc.first_line,
            doc.byte_offset,
            &doc.bytes,
            doc.bytes.len() as u64,
        )
    }

    /// A dead letter for `bytes` (possibly only the head of a longer input of
    /// `original_len` bytes).
    #[allow(clippy::too_many_arguments)]
    pub fn for_bytes(
        stage: &str,
        reason: impl Into<String>,
        source: &str,
        origin: &str,
        first_line: u64,
        byte_offset: u64,
        bytes: &[u8],
        original_len: u64,
    ) -> Self {
        let kept = &bytes[..bytes.len().min(DEAD_LETTER_MAX_ORIGINAL_BYTES)];
        Self {
            schema_version: crate::SCHEMA_VERSION,
            stage: stage.to_owned(),
            reason: reason.into(),
            source: source.to_owned(),
            origin: origin.to_owned(),
            at: Utc::now(),
            first_line,
            byte_offset,
            original_len,
            original: String::from_utf8_lossy(kept).into_owned(),
            original_truncated: (kept.len() as u64) < original_len,
        }
    }
}
