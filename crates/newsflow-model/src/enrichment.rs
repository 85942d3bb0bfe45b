use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Article;

/// The output record: an article plus everything the enrichers found.
/// Serialises flat (article fields and enrichment fields side by side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EnrichedArticle {
    #[serde(flatten)]
    pub article: Article,
    pub language: Option<Language>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub amounts: Vec<Amount>,
    pub places: Vec<Place>,
    pub keywords: Vec<Keyword>,
    pub subjects: Vec<Subject>,
    pub tone: Option<Tone>,
    pub simhash: Option<String>,
    pub duplicate_of: Option<String>,
    /// Enrichers that failed on this article; the article still flows.
    pub errors: Vec<StageError>,
}

impl EnrichedArticle {
    /// An article with no enrichment yet.
    pub fn from_article(article: Article) -> Self {
        Self {
            article,
            language: None,
            entities: Vec::new(),
            quotes: Vec::new(),
            dates: Vec::new(),
            amounts: Vec::new(),
            places: Vec::new(),
            keywords: Vec::new(),
            subjects: Vec::new(),
            tone: None,
            simhash: None,
            duplicate_of: None,
            errors: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical name: the fullest form used in the article.
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    pub salience: f64,
}

/// A span of text. Offsets are code-point indices, `end` exclusive, into
/// `body` unless `field` names another text field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Canonical name of the speaker entity, if resolved.
    pub speaker: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Instant,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601, as precise as known ("2024", "2024-06", "2024-06-05").
    pub value: String,
    pub granularity: Granularity,
    pub relative: bool,
    /// The text field the date is in ("title", "kicker", "deck", "dateline"),
    /// offsets into that field; absent for the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Amount {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: Option<String>,
    /// The text field the amount is in ("title", "kicker", "deck",
    /// "dateline"), offsets into that field; absent for the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// "country", "city", "region", ...
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Keyword {
    pub term: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Subject {
    /// IPTC Media Topic code, "medtop:11000000".
    pub code: String,
    pub name: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tone {
    pub score: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub words: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StageError {
    pub stage: String,
    pub message: String,
}
