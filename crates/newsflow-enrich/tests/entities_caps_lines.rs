//! Wire headlines and datelines in capitals, on text we wrote: their words
//! are no acronyms, and the names in them join the article's entities.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{entities, find, kind_of};
use newsflow_model::EntityType;

#[test]
fn names_in_a_capitals_headline_join_the_entities_of_the_text() {
    let es = entities(&[
        "GOLF - HALVORSEN HOLDS OFF OKONJO IN NEW ZEALAND OPEN",
        "AUCKLAND 1997-02-09",
        "Erik Halvorsen held off Daniel Okonjo by a stroke to win in Auckland on Sunday.",
        "Halvorsen said the wind had made the last round hard.",
    ]);
    let halvorsen = find(&es, "Erik Halvorsen").expect("Erik Halvorsen");
    assert_eq!(halvorsen.entity_type, EntityType::Person);
    assert!(
        halvorsen.mentions.iter().any(|m| m.text == "HALVORSEN"),
        "the headline's HALVORSEN is a mention of Erik Halvorsen: {halvorsen:#?}"
    );
    assert_eq!(kind_of(&es, "Daniel Okonjo"), Some(EntityType::Person));
    assert_eq!(kind_of(&es, "Auckland"), Some(EntityType::Place));
    for shouted in ["GOLF", "OPEN", "HOLDS", "HALVORSEN", "OKONJO"] {
        assert!(find(&es, shouted).is_none(), "{shouted}: {es:#?}");
    }
}

#[test]
fn a_shouted_line_of_ordinary_words_names_nothing() {
    let es = entities(&[
        "MARKETS MAY RISE AS TALKS RESUME",
        "Prices may rise, Theresa May said on Monday.",
    ]);
    let may = find(&es, "Theresa May").expect("Theresa May");
    assert!(
        may.mentions.iter().all(|m| m.text != "MAY"),
        "MAY in the headline is the verb: {may:#?}"
    );
    assert!(
        find(&es, "MARKETS").is_none() && find(&es, "TALKS").is_none(),
        "{es:#?}"
    );
}

#[test]
fn a_member_named_after_the_body_is_a_person_but_a_firm_named_after_people_is_not() {
    let es = entities(&[
        "The chair of the ethics committee Werner Lenz said on Tuesday the rules were clear.",
        "The consultancy firm Arthur Andersen said it would appeal.",
        "Morgan Hollis raised its forecast for the year; Jon Thorne backed it.",
    ]);
    assert_eq!(
        kind_of(&es, "Morgan Hollis"),
        Some(EntityType::Organization),
        "{es:#?}"
    );
    assert_eq!(
        kind_of(&es, "Jon Thorne"),
        Some(EntityType::Person),
        "{es:#?}"
    );
    assert_eq!(
        kind_of(&es, "Werner Lenz"),
        Some(EntityType::Person),
        "{es:#?}"
    );
    assert_eq!(
        kind_of(&es, "Arthur Andersen"),
        Some(EntityType::Organization),
        "{es:#?}"
    );
}

#[test]
fn people_at_a_workplace_name_a_firm() {
    let es = entities(&[
        "Analysts at Harlow Stanford said rates would hold. Traders at Vestbank agreed.",
        "Dealers at Morgan Hale said the rand fell.",
    ]);
    for firm in ["Harlow Stanford", "Vestbank", "Morgan Hale"] {
        assert_eq!(
            kind_of(&es, firm),
            Some(EntityType::Organization),
            "{firm}: {es:#?}"
        );
    }
}

#[test]
fn an_industry_word_ends_a_firms_name() {
    let es = entities(&[
        "Harbor Shipping said it would appeal. Nordic Telekom and Kestrel Pharmaceuticals fell.",
        "Sanvik Mining Oyj and Valtor Steel agreed a deal.",
    ]);
    for firm in [
        "Harbor Shipping",
        "Nordic Telekom",
        "Kestrel Pharmaceuticals",
        "Sanvik Mining Oyj",
        "Valtor Steel",
    ] {
        assert_eq!(
            kind_of(&es, firm),
            Some(EntityType::Organization),
            "{firm}: {es:#?}"
        );
    }
}

#[test]
fn a_surname_ending_like_an_inflection_opens_a_sentence() {
    let es = entities(&[
        "Security chief Arkady Lebed should resign, an aide said.",
        "Lebed, speaking in the capital, dismissed the criticism. Reportedly, he laughed.",
    ]);
    let lebed = find(&es, "Arkady Lebed").expect("Arkady Lebed");
    assert_eq!(lebed.mentions.len(), 2, "{lebed:#?}");
    assert!(find(&es, "Reportedly").is_none(), "{es:#?}");
}

#[test]
fn a_plural_possessive_inside_an_organisations_name() {
    let es = entities(&[
        "The Norwegian Seafarers' Union and the Harbour Pilots’ Association called for talks.",
        "The owners' lawyers said the Pilots' demands were too high.",
    ]);
    for org in ["Norwegian Seafarers' Union", "Harbour Pilots’ Association"] {
        assert_eq!(
            kind_of(&es, org),
            Some(EntityType::Organization),
            "{org}: {es:#?}"
        );
    }
}

#[test]
fn a_single_name_after_the_that_speaks_is_an_organisation() {
    let es = entities(&[
        "The Treasury said the measures would raise revenue, and the Vestbank said rates would hold.",
        "The Foreign Office said it was aware of the case. Halvorsen said he was not.",
    ]);
    for org in ["Treasury", "Vestbank", "Foreign Office"] {
        assert_eq!(
            kind_of(&es, org),
            Some(EntityType::Organization),
            "{org}: {es:#?}"
        );
    }
    assert_eq!(
        kind_of(&es, "Halvorsen"),
        Some(EntityType::Person),
        "{es:#?}"
    );
}
