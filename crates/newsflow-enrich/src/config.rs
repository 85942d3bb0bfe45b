use chrono::NaiveDate;
use serde::Deserialize;

/// `[enrich]` in the config: which enrichers run, and their settings.
/// Every enricher is on by default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnrichConfig {
    /// Switch the whole enrichment stage off (records pass through unchanged).
    pub disabled: bool,
    pub language: bool,
    /// Answer "en" without running the statistical detector when the text
    /// is plainly English (common function words); much faster.
    pub english_fast_path: bool,
    pub entities: bool,
    pub places: bool,
    pub quotes: bool,
    pub dates: bool,
    /// Relative dates of articles with neither `published_at` nor
    /// `fetched_at` resolve against this date.
    pub reference_date: Option<NaiveDate>,
    pub amounts: bool,
    pub keywords: bool,
    pub max_keywords: usize,
    pub subjects: bool,
    pub tone: bool,
    pub near_duplicates: bool,
    /// SimHash Hamming distance at or under which two articles are near-duplicates.
    pub duplicate_max_distance: u32,
    /// How many recent articles the near-duplicate index remembers. Memory
    /// is bounded by it: about 650 bytes per article (20,000 ≈ 13 MB).
    pub duplicate_window: usize,
}

impl Default for EnrichConfig {
    fn default() -> Self {
        Self {
            disabled: false,
            language: true,
            english_fast_path: true,
            entities: true,
            places: true,
            quotes: true,
            dates: true,
            reference_date: None,
            amounts: true,
            keywords: true,
            max_keywords: 10,
            subjects: true,
            tone: true,
            near_duplicates: true,
            duplicate_max_distance: 3,
            duplicate_window: 20_000,
        }
    }
}

impl EnrichConfig {
    /// Problems with values serde cannot check: (key, message).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.max_keywords == 0 {
            problems.push(("max_keywords", "must be greater than 0".to_owned()));
        }
        if self.duplicate_window == 0 {
            problems.push(("duplicate_window", "must be greater than 0".to_owned()));
        }
        if self.duplicate_max_distance > 16 {
            problems.push((
                "duplicate_max_distance",
                "must be at most 16 (of 64 SimHash bits)".to_owned(),
            ));
        }
        problems
    }
}
