//! Generated ninjs records validated against the official IPTC ninjs 2.1
//! schema, read from ../shared at test time (never copied into the repo).

mod common;

use std::path::PathBuf;

use common::{article, enriched_article};
use jsonschema::{Retrieve, Uri};
use newsflow_sink::format::to_ninjs;
use serde_json::{json, Value};

const GEOJSON_URI: &str = "https://geojson.org/schema/GeoJSON.json";

/// The ninjs schema refers to the GeoJSON schema for `places[].geojson`.
/// Tests run offline, so this serves our own small schema for the GeoJSON
/// we emit (a Feature with a Point or null geometry).
struct LocalGeoJson;

impl Retrieve for LocalGeoJson {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        if !uri.as_str().starts_with(GEOJSON_URI) {
            return Err(format!("unexpected external schema {}", uri.as_str()).into());
        }
        Ok(json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": { "const": "Feature" },
                "properties": { "type": ["object", "null"] },
                "geometry": {
                    "oneOf": [
                        { "type": "null" },
                        {
                            "type": "object",
                            "required": ["type", "coordinates"],
                            "properties": {
                                "type": { "const": "Point" },
                                "coordinates": {
                                    "type": "array",
                                    "minItems": 2,
                                    "items": { "type": "number" }
                                }
                            }
                        }
                    ]
                }
            }
        }))
    }
}

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/schemas/ninjs/ninjs-schema_2.1.json")
}

fn validator() -> Option<jsonschema::Validator> {
    let path = schema_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping: ../shared/schemas/ninjs/ninjs-schema_2.1.json not present ({})",
            path.display()
        );
        return None;
    };
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(LocalGeoJson)
        .build(&schema)
        .expect("ninjs schema compiles");
    Some(validator)
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid ninjs: {errors:#?}\n{value:#}");
}

#[test]
fn generated_ninjs_is_valid_against_the_official_schema() {
    let Some(validator) = validator() else { return };
    let plain = article(1);
    let full = enriched_article();
    let mut bare = article(2);
    bare.article.url = None;
    bare.article.title = None;
    bare.article.lede = None;
    bare.article.byline.clear();
    bare.article.published_at = None;
    bare.article.provenance.lines = None;
    for record in [&plain, &full, &bare] {
        assert_valid(&validator, &to_ninjs(record));
    }
    // The enrichment really is in the validated object.
    let ninjs = to_ninjs(&full);
    assert_eq!(ninjs["people"][0]["name"], "Mara Holt");
    assert_eq!(ninjs["organisations"][0]["name"], "Lowmere Harbour Council");
    assert_eq!(
        ninjs["places"][0]["geojson"]["geometry"]["coordinates"],
        json!([-5.2, 50.1])
    );
    assert_eq!(
        ninjs["places"][0]["geojson"]["properties"]["country_code"],
        "GB"
    );
    assert_eq!(ninjs["places"][2]["name"], "Gull Point");
    assert_eq!(
        ninjs["subjects"][0]["uri"],
        "http://cv.iptc.org/newscodes/mediatopic/11000000"
    );
    assert_eq!(ninjs["subjects"][0]["relevance"], 72);
    assert_eq!(ninjs["representationtype"], "partial");
    assert_eq!(ninjs["copyrightholder"], "Coastwire");
    assert_eq!(ninjs["located"], "LOWMERE, June 5 (Coastwire) -");
    assert_eq!(ninjs["by"], "Ada Quill, Tom Reef");
    assert_eq!(ninjs["language"], "en");
}

#[test]
fn the_validator_rejects_what_ninjs_does_not_allow() {
    let Some(validator) = validator() else { return };
    // ninjs 1.x names and bad values must fail, or the test above proves nothing.
    let mut value = to_ninjs(&article(1));
    value["headline"] = json!("ninjs 1.x field");
    assert!(!validator.is_valid(&value));
    let mut value = to_ninjs(&article(1));
    value["versioncreated"] = json!("yesterday");
    assert!(!validator.is_valid(&value));
    let mut value = to_ninjs(&article(1));
    value["places"] = json!([{ "name": "X", "geojson": { "type": "Feature", "geometry": { "type": "Point" }, "properties": null } }]);
    assert!(!validator.is_valid(&value));
}
