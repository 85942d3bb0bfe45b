//! Entity enricher on text we wrote.

#[path = "common_article.rs"]
mod common_article;

use common_article::article;
use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::{EnrichError, Enricher};
use newsflow_model::{EntityType, Language};

fn entities(title: Option<&str>, paragraphs: &[&str]) -> Vec<newsflow_model::Entity> {
    let mut record = article(title, paragraphs);
    EntityEnricher::new().enrich(&mut record).unwrap();
    record.entities
}

fn find<'a>(es: &'a [newsflow_model::Entity], name: &str) -> &'a newsflow_model::Entity {
    es.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {es:#?}"))
}

#[test]
fn surnames_and_honorifics_resolve_to_the_full_name() {
    let es = entities(
        Some("Airline Chief Warns on Fuel Costs"),
        &[
            "Rod Eddington, chief executive of British Airways, met officials at the Bank of England on Tuesday.",
            "Mr Eddington said fuel prices would rise. Eddington added that the FBI and NATO were not involved.",
        ],
    );
    let rod = find(&es, "Rod Eddington");
    assert_eq!(rod.entity_type, EntityType::Person);
    assert_eq!(rod.mentions.len(), 3);
    let texts: Vec<&str> = rod.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Rod Eddington", "Eddington", "Eddington"]);
    assert_eq!(
        find(&es, "British Airways").entity_type,
        EntityType::Organization
    );
    assert_eq!(
        find(&es, "Bank of England").entity_type,
        EntityType::Organization
    );
    assert_eq!(find(&es, "FBI").entity_type, EntityType::Organization);
    assert_eq!(find(&es, "NATO").entity_type, EntityType::Organization);
    assert!(es.iter().all(|e| e.name != "Tuesday" && e.name != "Mr"));
    // The most mentioned, earliest entity is the most salient.
    assert_eq!(es[0].name, "Rod Eddington");
    assert!((es[0].salience - 1.0).abs() < 1e-9);
}

#[test]
fn roles_demonyms_and_title_mentions() {
    let es = entities(
        Some("Tarrow Says Talks With Japan Went Well"),
        &["Director of National Intelligence Ada Tarrow met Japanese Prime Minister Hiro Tanabe and University of Michigan researchers in Washington.",
          "North Korean leader Kim Jong-un was not invited, the Japanese leader said."],
    );
    let ada = find(&es, "Ada Tarrow");
    assert_eq!(ada.roles, ["Director of National Intelligence"]);
    let title_mention = ada
        .mentions
        .iter()
        .find(|m| m.field.as_deref() == Some("title"))
        .expect("title mention");
    assert_eq!((title_mention.start, title_mention.end), (0, 6));
    let tanabe = find(&es, "Hiro Tanabe");
    assert_eq!(tanabe.roles, ["Prime Minister"]);
    assert_eq!(find(&es, "Kim Jong-un").roles, ["leader"]);
    let japan = find(&es, "Japan");
    assert_eq!(japan.entity_type, EntityType::Place);
    let forms: Vec<&str> = japan.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        forms.contains(&"Japanese") && forms.contains(&"Japan"),
        "{forms:?}"
    );
    assert_eq!(find(&es, "North Korea").mentions[0].text, "North Korean");
    assert_eq!(
        find(&es, "University of Michigan").entity_type,
        EntityType::Organization
    );
    assert!(es
        .iter()
        .all(|e| e.entity_type != EntityType::Person || !e.name.contains("Japanese")));
}

#[test]
fn other_languages_are_skipped_with_an_error() {
    let mut record = article(None, &["Der Bundeskanzler sagte am Montag ..."]);
    record.language = Some(Language {
        code: "de".into(),
        confidence: 0.9,
    });
    let err = EntityEnricher::new().enrich(&mut record).unwrap_err();
    assert!(matches!(err, EnrichError::UnsupportedLanguage { .. }));
    assert!(record.entities.is_empty());
}
