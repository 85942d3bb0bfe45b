use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Bytes as a source fetched them, before any parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDocument {
    /// Config name of the source that produced it (`[sources.<name>]`).
    pub source: String,
    /// URL or file path the bytes came from.
    pub origin: String,
    pub fetched_at: DateTime<Utc>,
    /// Declared or sniffed media type (`text/plain`, `text/html`, ...), if known.
    pub media_type: Option<String>,
    /// 1-based line number in `origin` of the first line of `bytes`, for
    /// line-oriented inputs that a source delivers in chunks.
    pub first_line: u64,
    /// Byte offset in `origin` where `bytes` start.
    pub byte_offset: u64,
    #[serde(with = "bytes_as_lossy_string")]
    pub bytes: Vec<u8>,
    #[serde(default)]
    pub hints: TransportHints,
}

impl RawDocument {
    /// A document that starts at the beginning of its origin.
    pub fn new(source: impl Into<String>, origin: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            source: source.into(),
            origin: origin.into(),
            fetched_at: Utc::now(),
            media_type: None,
            first_line: 1,
            byte_offset: 0,
            bytes,
            hints: TransportHints::default(),
        }
    }
}

/// What the transport already knew about the document (a feed item's title,
/// date and link when the page came from a feed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransportHints {
    pub title: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub link: Option<String>,
}

/// Raw documents travel between processes as JSON; bytes that are not UTF-8
/// are carried lossily there (the parser decodes legacy encodings before that
/// point in embedded mode).
mod bytes_as_lossy_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&String::from_utf8_lossy(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        Ok(String::deserialize(d)?.into_bytes())
    }
}
