//! IPTC ninjs 2.1 ("News in JSON") rendering of a record.
//!
//! Mapping: title/deck/kicker -> `headlines` (roles main/sub/kicker), body
//! -> `bodies`, lede -> `descriptions` (role lede), byline -> `by`,
//! dateline -> `located`, agencies -> `infosources` (and `copyrightholder`
//! when exactly one agency is named), entities -> `people` /
//! `organisations`, geocoded places (and place entities) -> `places` with a
//! GeoJSON Feature carrying the country, subjects -> `subjects` (IPTC Media
//! Topic URIs). Quotes, dates, amounts, keywords and tone have no ninjs
//! field and stay in the native record only.

use chrono::{DateTime, SecondsFormat, Utc};
use newsflow_model::{EnrichedArticle, EntityType, Place};
use serde_json::{json, Map, Value};

/// The schema a generated object is valid against (`standard.schema`).
pub const NINJS_SCHEMA_URI: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

const MEDIA_TOPIC_BASE: &str = "http://cv.iptc.org/newscodes/mediatopic/";

/// Renders `record` as a ninjs 2.1 object. Absent values are left out
/// rather than written as null (ninjs has no nullable fields).
pub fn to_ninjs(record: &EnrichedArticle) -> Value {
    let a = &record.article;
    let mut n = Map::new();
    // `uri` names the ninjs object itself; the article's URL goes to altids.
    n.insert("uri".into(), json!(format!("urn:newsflow:{}", a.id)));
    n.insert("type".into(), json!("text"));
    let representation = if a.truncated { "partial" } else { "full" };
    n.insert("representationtype".into(), json!(representation));
    n.insert("profile".into(), json!("newsflow-article"));
    // newsflow sees one version of a story; ids are stable across replays.
    n.insert("version".into(), json!("1"));
    if let Some(published) = a.published_at {
        n.insert("firstcreated".into(), json!(rfc3339(published)));
    }
    if let Some(created) = a.published_at.or(a.fetched_at) {
        n.insert("versioncreated".into(), json!(rfc3339(created)));
    }
    n.insert("pubstatus".into(), json!("usable"));
    if let Some(language) = &record.language {
        n.insert("language".into(), json!(language.code));
    }
    if let Some(title) = &a.title {
        n.insert("title".into(), json!(title));
    }
    let headlines: Vec<Value> = [("main", &a.title), ("sub", &a.deck), ("kicker", &a.kicker)]
        .into_iter()
        .filter_map(|(role, text)| Some(json!({ "role": role, "value": text.as_deref()? })))
        .collect();
    insert_array(&mut n, "headlines", headlines);
    if let Some(lede) = &a.lede {
        n.insert(
            "descriptions".into(),
            json!([{ "role": "lede", "contenttype": "text/plain", "value": lede }]),
        );
    }
    n.insert(
        "bodies".into(),
        json!([{
            "role": "main",
            "contenttype": "text/plain",
            "charcount": a.body.chars().count(),
            "wordcount": a.body.split_whitespace().count(),
            "value": a.body,
        }]),
    );
    if !a.byline.is_empty() {
        n.insert("by".into(), json!(a.byline.join(", ")));
    }
    if let Some(dateline) = &a.dateline {
        n.insert("located".into(), json!(dateline));
    }
    if let [agency] = a.agencies.as_slice() {
        n.insert("copyrightholder".into(), json!(agency));
    }
    if a.truncated {
        n.insert(
            "ednote".into(),
            json!("The text stops mid-sentence: the source delivered it cut."),
        );
    }
    let infosources: Vec<Value> = a
        .agencies
        .iter()
        .map(|agency| json!({ "name": agency, "role": "agency" }))
        .collect();
    insert_array(&mut n, "infosources", infosources);
    insert_array(&mut n, "people", entities(record, EntityType::Person));
    insert_array(
        &mut n,
        "organisations",
        entities(record, EntityType::Organization),
    );
    insert_array(&mut n, "places", places(record));
    insert_array(&mut n, "subjects", subjects(record));
    let mut altids = vec![json!({ "role": "newsflow-id", "value": a.id })];
    if let Some(url) = &a.url {
        altids.push(json!({ "role": "url", "value": url }));
    }
    n.insert("altids".into(), Value::Array(altids));
    n.insert(
        "standard".into(),
        json!({ "name": "ninjs", "version": "2.1", "schema": NINJS_SCHEMA_URI }),
    );
    Value::Object(n)
}

fn rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn insert_array(n: &mut Map<String, Value>, key: &str, items: Vec<Value>) {
    if !items.is_empty() {
        n.insert(key.into(), Value::Array(items));
    }
}

fn entities(record: &EnrichedArticle, kind: EntityType) -> Vec<Value> {
    record
        .entities
        .iter()
        .filter(|e| e.entity_type == kind)
        .map(|e| json!({ "name": e.name, "rel": "mentioned" }))
        .collect()
}

/// Geocoded places first, then place entities the geocoder did not cover.
fn places(record: &EnrichedArticle) -> Vec<Value> {
    let mut out: Vec<Value> = record.places.iter().map(place).collect();
    for entity in record
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Place)
    {
        if !record.places.iter().any(|p| p.name == entity.name) {
            out.push(json!({ "name": entity.name, "rel": "mentioned" }));
        }
    }
    out
}

/// A place with its country and kind as GeoJSON Feature properties and, when
/// geocoded, a Point geometry (GeoJSON order: longitude, latitude).
fn place(p: &Place) -> Value {
    let geometry = match (p.lat, p.lon) {
        (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
            json!({ "type": "Point", "coordinates": [lon, lat] })
        }
        _ => Value::Null,
    };
    let mut properties = Map::new();
    properties.insert("kind".into(), json!(p.kind));
    if let Some(code) = &p.country_code {
        properties.insert("country_code".into(), json!(code));
    }
    json!({
        "name": p.name,
        "rel": "mentioned",
        "geojson": { "type": "Feature", "geometry": geometry, "properties": properties },
    })
}

fn subjects(record: &EnrichedArticle) -> Vec<Value> {
    record
        .subjects
        .iter()
        .map(|s| {
            let mut subject = Map::new();
            subject.insert("name".into(), json!(s.name));
            if let Some(number) = s.code.strip_prefix("medtop:") {
                subject.insert("uri".into(), json!(format!("{MEDIA_TOPIC_BASE}{number}")));
            }
            subject.insert("literal".into(), json!(s.code));
            subject.insert("creator".into(), json!("newsflow"));
            // Scores are 0..1; ninjs wants an integer percentage.
            if s.score.is_finite() {
                let relevance = (s.score * 100.0).round().clamp(0.0, 100.0) as u64;
                subject.insert("relevance".into(), json!(relevance));
            }
            Value::Object(subject)
        })
        .collect()
}
