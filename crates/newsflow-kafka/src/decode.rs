//! Decoders from messages to records: the stage topics' JSON, and the
//! plain-text / JSON payloads of users' own topics.

use newsflow_model::{RawDocument, SCHEMA_VERSION};
use rdkafka::message::{BorrowedMessage, Message};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::config::SourceFormat;
use crate::consumer::Decoder;
use crate::payload::{header_value, HEADER_SCHEMA_VERSION};

/// Records of a stage topic: native JSON of a schema version we know.
pub fn json_decoder<T: DeserializeOwned + 'static>() -> Decoder<T> {
    Box::new(|message| {
        if let Some(version) = header_value(message.headers(), HEADER_SCHEMA_VERSION) {
            match version.parse::<u32>() {
                Ok(v) if v <= SCHEMA_VERSION => {}
                _ => {
                    return Err(format!(
                        "unsupported schema_version {version:?} (this build reads up to {SCHEMA_VERSION})"
                    ))
                }
            }
        }
        let payload = message
            .payload()
            .ok_or_else(|| "empty payload".to_owned())?;
        serde_json::from_slice(payload).map_err(|e| format!("invalid JSON payload: {e}"))
    })
}

/// `{"text": ..., "url": ...}`: the simplest JSON a user can produce.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextPayload {
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    media_type: Option<String>,
}

/// Raw documents from a user topic read by the source named `source`.
pub fn raw_document_decoder(source: String, format: SourceFormat) -> Decoder<RawDocument> {
    Box::new(move |message: &BorrowedMessage<'_>| {
        let payload = message
            .payload()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| "empty payload".to_owned())?;
        let origin = format!(
            "kafka://{}/{}/{}",
            message.topic(),
            message.partition(),
            message.offset()
        );
        let offset = u64::try_from(message.offset()).unwrap_or(0);
        match format {
            SourceFormat::Text => {
                let mut doc = RawDocument::new(source.clone(), origin, payload.to_vec());
                doc.byte_offset = offset;
                Ok(doc)
            }
            SourceFormat::Json => decode_json_document(&source, origin, offset, payload),
        }
    })
}

fn decode_json_document(
    source: &str,
    origin: String,
    offset: u64,
    payload: &[u8],
) -> Result<RawDocument, String> {
    if let Ok(mut doc) = serde_json::from_slice::<RawDocument>(payload) {
        // The document is ours now: name the source that read it.
        doc.source = source.to_owned();
        return Ok(doc);
    }
    let text: TextPayload = serde_json::from_slice(payload).map_err(|e| {
        format!("payload is neither a RawDocument nor {{\"text\": ..., \"url\": ...}}: {e}")
    })?;
    let mut doc = RawDocument::new(
        source,
        text.url.clone().unwrap_or(origin),
        text.text.into_bytes(),
    );
    doc.byte_offset = offset;
    doc.media_type = text.media_type.or_else(|| Some("text/plain".to_owned()));
    doc.hints.link = text.url;
    Ok(doc)
}
