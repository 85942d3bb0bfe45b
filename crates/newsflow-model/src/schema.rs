use schemars::schema::RootSchema;

use crate::EnrichedArticle;

/// JSON Schema of the native output record, generated from the Rust types.
pub fn output_schema() -> RootSchema {
    schemars::schema_for!(EnrichedArticle)
}

/// The schema as pretty JSON with a trailing newline, exactly as committed in
/// `crates/newsflow-model/schema/newsflow-record.schema.json`.
pub fn output_schema_json() -> String {
    // Serialising a schemars RootSchema (plain maps and strings) cannot fail.
    let mut json = serde_json::to_string_pretty(&output_schema()).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The committed schema is what downstream users validate against: it
    /// must be regenerated (`newsflow schema > ...`) whenever the types change.
    #[test]
    fn committed_schema_matches_the_types() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/newsflow-record.schema.json");
        let generated = super::output_schema_json();
        if std::env::var_os("NEWSFLOW_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).expect("committed schema file");
        assert!(
            committed == generated,
            "{} is out of date: run `NEWSFLOW_UPDATE_SCHEMA=1 cargo test -p newsflow-model` and commit it",
            path.display()
        );
    }

    #[test]
    fn schema_names_the_contract_fields() {
        let json = super::output_schema_json();
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let properties = value["properties"].as_object().expect("properties");
        for field in [
            "schema_version",
            "id",
            "source",
            "url",
            "title",
            "kicker",
            "deck",
            "dateline",
            "lede",
            "byline",
            "agencies",
            "media_credits",
            "published_at",
            "fetched_at",
            "body",
            "paragraphs",
            "truncated",
            "provenance",
            "language",
            "entities",
            "quotes",
            "dates",
            "amounts",
            "places",
            "keywords",
            "subjects",
            "tone",
            "simhash",
            "duplicate_of",
            "errors",
        ] {
            assert!(properties.contains_key(field), "schema lacks `{field}`");
        }
    }
}
