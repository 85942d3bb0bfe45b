use serde::Deserialize;

/// `[enrich]` in the config: which enrichers run.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrichConfig {
    /// Switch the whole enrichment stage off (records pass through unchanged).
    #[serde(default)]
    pub disabled: bool,
}
