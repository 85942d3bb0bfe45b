//! General newswire name patterns of the entity recogniser, on text we wrote.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{entities, kind_of};
use newsflow_model::EntityType;

#[test]
fn name_particles_stay_inside_person_names() {
    let es = entities(&[
        "Nick Van den Brul said the vote was close. Rafael van der Vaart scored twice.",
        "Suleiman al-Amr said talks would resume. Xi Jin-ping met Ban Ki-moon.",
    ]);
    for name in [
        "Nick Van den Brul",
        "Rafael van der Vaart",
        "Suleiman al-Amr",
        "Xi Jin-ping",
        "Ban Ki-moon",
    ] {
        assert_eq!(
            kind_of(&es, name),
            Some(EntityType::Person),
            "{name}: {es:#?}"
        );
    }
    assert!(kind_of(&es, "Nick Van").is_none());
}

#[test]
fn organisation_and_place_patterns() {
    let es = entities(&[
        "Environment Canada issued a warning. The State of Texas sued the Department of Health and Human Services.",
        "The Joint Council for the Welfare of Immigrants and the British Red Cross objected. The Scottish Executive agreed.",
        "Officials of the Municipality of Livorno, in Lombardy, met. A Moscow-based group wore NASA T-shirts in East Los Angeles.",
    ]);
    for name in [
        "Environment Canada",
        "Department of Health and Human Services",
        "Joint Council for the Welfare of Immigrants",
        "British Red Cross",
        "Scottish Executive",
        "Municipality of Livorno",
        "NASA",
    ] {
        assert_eq!(
            kind_of(&es, name),
            Some(EntityType::Organization),
            "{name}: {es:#?}"
        );
    }
    for name in ["State of Texas", "East Los Angeles"] {
        assert_eq!(
            kind_of(&es, name),
            Some(EntityType::Place),
            "{name}: {es:#?}"
        );
    }
    assert!(es
        .iter()
        .any(|e| e.entity_type == EntityType::Place
            && e.mentions.iter().any(|m| m.text == "Lombardy")));
}

#[test]
fn and_does_not_join_two_institutions() {
    let es = entities(&["The University of Chicago and Yale University signed the letter."]);
    assert_eq!(
        kind_of(&es, "University of Chicago"),
        Some(EntityType::Organization)
    );
    assert_eq!(
        kind_of(&es, "Yale University"),
        Some(EntityType::Organization)
    );
}

#[test]
fn bracketed_acronym_is_the_same_organisation() {
    let es = entities(&[
        "The North American Court of Arbitration for Sport (CAS) ruled on Friday. CAS said the appeal failed.",
    ]);
    let court = es
        .iter()
        .find(|e| e.name == "North American Court of Arbitration for Sport")
        .unwrap();
    assert_eq!(court.entity_type, EntityType::Organization);
    assert_eq!(court.mentions.len(), 3, "{court:#?}");
    assert!(es.iter().all(|e| e.name != "CAS"), "{es:#?}");
}

#[test]
fn everyday_abbreviations_and_captions_are_not_names() {
    let es = entities(&[
        "He received VIP treatment and an IQ test. The station crew waved. Image: Tessaly Wire.",
        "Google Chrome and Mozilla Firefox users complained.",
    ]);
    assert_ne!(kind_of(&es, "VIP"), Some(EntityType::Organization));
    assert_ne!(kind_of(&es, "IQ"), Some(EntityType::Organization));
    assert!(kind_of(&es, "Image").is_none(), "{es:#?}");
    assert_ne!(kind_of(&es, "Google Chrome"), Some(EntityType::Person));
    assert_ne!(kind_of(&es, "Mozilla Firefox"), Some(EntityType::Person));
}
