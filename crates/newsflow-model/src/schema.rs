use schemars::schema::RootSchema;

use crate::EnrichedArticle;

/// JSON Schema of the native output record, generated from the Rust types.
pub fn output_schema() -> RootSchema {
    schemars::schema_for!(EnrichedArticle)
}

/// The schema as pretty JSON with a trailing newline, exactly as committed in
/// `schemas/newsflow-record.schema.json`.
pub fn output_schema_json() -> String {
    // Serialising a schemars RootSchema (plain maps and strings) cannot fail.
    let mut json = serde_json::to_string_pretty(&output_schema()).unwrap_or_default();
    json.push('\n');
    json
}
