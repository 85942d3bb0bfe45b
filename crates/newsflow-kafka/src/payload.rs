//! What travels on the topics: JSON payloads keyed by record id, with
//! headers a consumer can route on without parsing the payload.

use std::sync::{Arc, OnceLock};

use newsflow_model::{Article, DeadLetter, EnrichedArticle, RawDocument, SCHEMA_VERSION};
use rdkafka::message::{Header, Headers, OwnedHeaders};
use sha2::{Digest, Sha256};

pub const HEADER_SCHEMA_VERSION: &str = "schema_version";
pub const HEADER_CONTENT_TYPE: &str = "content-type";
pub const HEADER_SOURCE: &str = "source";
pub const HEADER_TRACE_ID: &str = "trace_id";
pub const HEADER_RECORD_TYPE: &str = "record_type";
pub const HEADER_REASON: &str = "reason";
pub const HEADER_STAGE: &str = "stage";

pub const CONTENT_TYPE_JSON: &str = "application/json";
pub const CONTENT_TYPE_NINJS: &str = "application/ninjs+json";

/// A record that can be produced to a topic.
pub trait KafkaPayload: Send + Sync + 'static {
    /// The message key: the record id where there is one, so every version
    /// of a record lands in the same partition.
    fn key(&self) -> String;
    /// Config name of the source the record came from.
    fn source(&self) -> &str;
    /// Stable across stages and replays: the trace of one fetched input
    /// (source + origin), so a document can be followed topic to topic.
    fn trace_id(&self) -> String;
    /// `raw_document`, `article`, `enriched_article`, `dead_letter`.
    fn record_type(&self) -> &'static str;
    /// Appends the record's native JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
    fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::new();
        self.write_json(&mut out)?;
        Ok(out)
    }
    /// Extra headers (the dead-letter reason and stage).
    fn extra_headers(&self, headers: OwnedHeaders) -> OwnedHeaders {
        headers
    }
}

/// 16 hex digits naming one fetched input.
pub fn trace_id_of(source: &str, origin: &str) -> String {
    let digest = Sha256::new()
        .chain_update(source.as_bytes())
        .chain_update([0u8])
        .chain_update(origin.as_bytes())
        .finalize();
    hex::encode(&digest[..8])
}

impl KafkaPayload for RawDocument {
    fn key(&self) -> String {
        // No record id before parsing; origin + offset spreads the chunks
        // of one big file over the partitions.
        format!("{}#{}", self.origin, self.byte_offset)
    }
    fn source(&self) -> &str {
        &self.source
    }
    fn trace_id(&self) -> String {
        trace_id_of(&self.source, &self.origin)
    }
    fn record_type(&self) -> &'static str {
        "raw_document"
    }
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

impl KafkaPayload for Article {
    fn key(&self) -> String {
        self.id.clone()
    }
    fn source(&self) -> &str {
        &self.source
    }
    fn trace_id(&self) -> String {
        trace_id_of(&self.source, &self.provenance.origin)
    }
    fn record_type(&self) -> &'static str {
        "article"
    }
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

impl KafkaPayload for EnrichedArticle {
    fn key(&self) -> String {
        self.article.key()
    }
    fn source(&self) -> &str {
        self.article.source()
    }
    fn trace_id(&self) -> String {
        self.article.trace_id()
    }
    fn record_type(&self) -> &'static str {
        "enriched_article"
    }
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

impl KafkaPayload for DeadLetter {
    fn key(&self) -> String {
        format!("{}#{}", self.origin, self.byte_offset)
    }
    fn source(&self) -> &str {
        &self.source
    }
    fn trace_id(&self) -> String {
        trace_id_of(&self.source, &self.origin)
    }
    fn record_type(&self) -> &'static str {
        "dead_letter"
    }
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
    fn extra_headers(&self, headers: OwnedHeaders) -> OwnedHeaders {
        // Header values are bounded: the full reason is in the payload.
        let reason: String = self.reason.chars().take(512).collect();
        headers
            .insert(Header {
                key: HEADER_REASON,
                value: Some(reason.as_str()),
            })
            .insert(Header {
                key: HEADER_STAGE,
                value: Some(self.stage.as_str()),
            })
    }
}

/// Sinks receive records shared with other sinks.
impl<T: KafkaPayload> KafkaPayload for Arc<T> {
    fn key(&self) -> String {
        (**self).key()
    }
    fn source(&self) -> &str {
        (**self).source()
    }
    fn trace_id(&self) -> String {
        (**self).trace_id()
    }
    fn record_type(&self) -> &'static str {
        (**self).record_type()
    }
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        (**self).write_json(out)
    }
    fn extra_headers(&self, headers: OwnedHeaders) -> OwnedHeaders {
        (**self).extra_headers(headers)
    }
}

/// The headers of a record: schema version, content type, source, trace id.
pub fn headers_for<T: KafkaPayload>(record: &T, content_type: &str) -> OwnedHeaders {
    let version = schema_version_header();
    let headers = OwnedHeaders::new_with_capacity(7)
        .insert(Header {
            key: HEADER_SCHEMA_VERSION,
            value: Some(version),
        })
        .insert(Header {
            key: HEADER_CONTENT_TYPE,
            value: Some(content_type),
        })
        .insert(Header {
            key: HEADER_SOURCE,
            value: Some(record.source()),
        })
        .insert(Header {
            key: HEADER_TRACE_ID,
            value: Some(record.trace_id().as_str()),
        })
        .insert(Header {
            key: HEADER_RECORD_TYPE,
            value: Some(record.record_type()),
        });
    record.extra_headers(headers)
}

/// SCHEMA_VERSION as header text, rendered once.
fn schema_version_header() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| SCHEMA_VERSION.to_string())
}

/// The value of header `key` as UTF-8, if present.
pub fn header_value<H: Headers>(headers: Option<&H>, key: &str) -> Option<String> {
    headers?
        .iter()
        .find(|h| h.key == key)
        .and_then(|h| h.value)
        .map(|v| String::from_utf8_lossy(v).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsflow_model::DeadLetter;

    #[test]
    fn dead_letters_carry_reason_and_stage() {
        let doc = RawDocument::new("wire", "/spool/a.txt", b"bad".to_vec());
        let dead = DeadLetter::for_document("parse", "no text", &doc);
        let headers = headers_for(&dead, CONTENT_TYPE_JSON);
        assert_eq!(
            header_value(Some(&headers), HEADER_REASON).as_deref(),
            Some("no text")
        );
        assert_eq!(
            header_value(Some(&headers), HEADER_STAGE).as_deref(),
            Some("parse")
        );
        assert_eq!(
            header_value(Some(&headers), HEADER_SOURCE).as_deref(),
            Some("wire")
        );
        assert_eq!(
            header_value(Some(&headers), HEADER_TRACE_ID),
            Some(doc.trace_id()),
            "a dead letter keeps the trace of its input"
        );
        assert_eq!(
            header_value(Some(&headers), HEADER_SCHEMA_VERSION),
            Some(SCHEMA_VERSION.to_string())
        );
    }
}
