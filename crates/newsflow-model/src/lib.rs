//! Record types shared by every newsflow stage: what a source fetched
//! ([`RawDocument`]), what the parser found in it ([`Article`]) and what the
//! enrichers added ([`EnrichedArticle`], the output record). No I/O here.

mod article;
mod enrichment;
mod id;
mod raw;
mod schema;

pub use article::{Article, Provenance};
pub use enrichment::{
    Amount, DateMention, EnrichedArticle, Entity, EntityType, Granularity, Keyword, Language,
    Mention, Place, Quote, StageError, Subject, Tone,
};
pub use id::{canonical_url, normalised_text_key, record_id};
pub use raw::{RawDocument, TransportHints};
pub use schema::{output_schema, output_schema_json};

/// Version of the output record contract. Bump on any rename or retype of a
/// field (adding fields does not need a bump).
pub const SCHEMA_VERSION: u32 = 1;

mod dead_letter;
pub use dead_letter::{DeadLetter, DEAD_LETTER_MAX_ORIGINAL_BYTES};
