use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One news story as the parser found it. Field names follow the record
/// contract in DESIGN.md; offsets elsewhere index into `body`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    pub schema_version: u32,
    /// Stable id: hash of the canonical URL, else of the normalised text.
    pub id: String,
    /// Config name of the source.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// All-caps lead-in such as "NUCLEAR WARNING".
    pub kicker: Option<String>,
    /// Standfirst / summary that precedes the body.
    pub deck: Option<String>,
    /// "TOKYO, June 5 (Reuters) -" as written.
    pub dateline: Option<String>,
    /// First body paragraph.
    pub lede: Option<String>,
    pub byline: Vec<String>,
    /// Wire services named in attribution ("Reuters", "AFP").
    pub agencies: Vec<String>,
    /// Credit lines such as "Photo: Reuters file photo".
    pub media_credits: Vec<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub fetched_at: Option<DateTime<Utc>>,
    /// The paragraphs joined by "\n\n"; every offset is a code-point index into it.
    pub body: String,
    pub paragraphs: Vec<String>,
    /// The text stops mid-sentence.
    pub truncated: bool,
    pub provenance: Provenance,
}

impl Article {
    /// An article from text that needs no parsing (tests, tools, other
    /// producers): paragraphs as given, lede = the first, id from the text.
    pub fn from_paragraphs(source: &str, origin: &str, paragraphs: Vec<String>) -> Self {
        let body = paragraphs.join("\n\n");
        Self {
            schema_version: crate::SCHEMA_VERSION,
            id: crate::record_id(None, &body),
            source: source.to_owned(),
            url: None,
            title: None,
            kicker: None,
            deck: None,
            dateline: None,
            lede: paragraphs.first().cloned(),
            byline: Vec::new(),
            agencies: Vec::new(),
            media_credits: Vec::new(),
            published_at: None,
            fetched_at: None,
            body,
            paragraphs,
            truncated: false,
            provenance: Provenance {
                parser: "manual".to_owned(),
                origin: origin.to_owned(),
                segment: 0,
                lines: None,
            },
        }
    }
}

/// Where an article came from and which parser made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// Parser name and version, e.g. "plaintext/1".
    pub parser: String,
    /// URL or path of the input.
    pub origin: String,
    /// 0-based index of this article among those found in the input.
    pub segment: u32,
    /// First and last line (1-based, inclusive) in the input, for line-oriented inputs.
    pub lines: Option<[u64; 2]>,
}
