//! Canonical names and spurious capitals of the entity recogniser on
//! newswire text we wrote.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{entities, find, kind_of};
use newsflow_model::EntityType;

#[test]
fn peers_keep_their_title_without_a_first_name() {
    let es = entities(&[
        "Lord Falconer said the plan was fair. Lord Strathclyde disagreed.",
        "Falconer later added that talks would go on.",
    ]);
    let falconer = find(&es, "Lord Falconer").expect("Lord Falconer");
    assert_eq!(falconer.entity_type, EntityType::Person);
    assert_eq!(falconer.mentions.len(), 2, "{es:#?}");
    assert_eq!(kind_of(&es, "Lord Strathclyde"), Some(EntityType::Person));
    assert!(find(&es, "Falconer").is_none(), "{es:#?}");
}

#[test]
fn titles_and_weekdays_stay_out_of_names() {
    let es = entities(&[
        "Foreign Secretary Jack Straw spoke in Brussels.",
        "But on Wednesday Mr Straw said the ban would end. The Bishop of Winchester, the Rt Rev Michael Scott-Joynt, objected.",
        "On Monday Tony Blair said no. The Sunday Telegraph reported it.",
    ]);
    let straw = find(&es, "Jack Straw").expect("Jack Straw");
    assert_eq!(straw.mentions.len(), 2, "{es:#?}");
    assert_eq!(
        kind_of(&es, "Michael Scott-Joynt"),
        Some(EntityType::Person),
        "{es:#?}"
    );
    assert_eq!(kind_of(&es, "Tony Blair"), Some(EntityType::Person));
    assert_eq!(
        kind_of(&es, "Sunday Telegraph"),
        Some(EntityType::Organization),
        "{es:#?}"
    );
    for bad in ["Wednesday Mr Straw", "Rt Rev Michael Scott-Joynt", "Monday"] {
        assert!(find(&es, bad).is_none(), "{bad}: {es:#?}");
    }
}

#[test]
fn unbracketed_acronyms_join_their_organisation() {
    let es = entities(&[
        "The European Commission said the Federal Bureau of Investigation had been told.",
        "The EC and the FBI declined to comment.",
    ]);
    for name in ["European Commission", "Federal Bureau of Investigation"] {
        let e = find(&es, name).expect(name);
        assert_eq!(e.entity_type, EntityType::Organization);
        assert_eq!(e.mentions.len(), 2, "{name}: {es:#?}");
    }
}

#[test]
fn demonyms_and_places_are_not_part_of_a_person() {
    let es = entities(&[
        "American Maurice Greene won the race.",
        "A student at University of Texas Arlington Amneh Jafari posted the tag. Jafari said it spread.",
        "Half time came and Dries Mertens scored from a volley.",
    ]);
    for name in ["Maurice Greene", "Amneh Jafari", "Dries Mertens"] {
        assert_eq!(
            kind_of(&es, name),
            Some(EntityType::Person),
            "{name}: {es:#?}"
        );
    }
    assert!(find(&es, "American Maurice Greene").is_none());
}

#[test]
fn ordinary_capitals_are_no_entities() {
    let es = entities(&[
        "EU China arms ban to be lifted",
        "I think it is OK, she said. \"I'm sure,\" he said. \"Clearly, it works.\" Within hours it ended. MPs voted. Edinburgh MSP Susan Deacon agreed.",
    ]);
    for bad in [
        "I", "I'm", "OK", "Clearly", "Within", "MPs", "MSP", "EU China",
    ] {
        assert!(find(&es, bad).is_none(), "{bad}: {es:#?}");
    }
    assert_eq!(kind_of(&es, "EU"), Some(EntityType::Organization));
    assert_eq!(kind_of(&es, "China"), Some(EntityType::Place));
    assert_eq!(kind_of(&es, "Susan Deacon"), Some(EntityType::Person));
}

#[test]
fn organisations_of_two_places() {
    let es =
        entities(&["The Food Standards of Australia and New Zealand said salt should be iodised."]);
    assert_eq!(
        kind_of(&es, "Food Standards of Australia and New Zealand"),
        Some(EntityType::Organization),
        "{es:#?}"
    );
}

#[test]
fn short_given_names_join_the_full_name() {
    let es = entities(&[
        "Joshua Kettler, a professor of engineering, explained the model.",
        "Josh Kettler wrote on Twitter that it held. Kettler said it would last.",
        "Nicola Dunmore and Nicolas Dunmore both voted.",
    ]);
    let kettler = find(&es, "Joshua Kettler").expect("Joshua Kettler");
    assert_eq!(kettler.mentions.len(), 3, "{es:#?}");
    assert!(find(&es, "Josh Kettler").is_none(), "{es:#?}");
    assert!(find(&es, "Kettler").is_none(), "{es:#?}");
    // Given names of different genders are two people.
    assert!(find(&es, "Nicola Dunmore").is_some(), "{es:#?}");
    assert!(find(&es, "Nicolas Dunmore").is_some(), "{es:#?}");
}

#[test]
fn portfolio_titles_postnominals_and_sentence_initial_roles() {
    let es = entities(&[
        "French Culture Minister Renaud Quillet de Vabres spoke in Paris. Mr de Vabres praised the film.",
        "Scottish Finance Minister, Tom Kerrigan MSP, said the budget was fair.",
        "Striker Thierry Lomond scored twice. Lomond was pleased.",
    ]);
    let minister = find(&es, "Renaud Quillet de Vabres").expect("full name");
    assert_eq!(minister.entity_type, EntityType::Person);
    assert_eq!(minister.mentions.len(), 2, "{es:#?}");
    assert!(
        minister.roles.iter().any(|r| r == "Culture Minister"),
        "{minister:#?}"
    );
    assert!(find(&es, "Tom Kerrigan").is_some(), "{es:#?}");
    let striker = find(&es, "Thierry Lomond").expect("no role word in the name");
    assert_eq!(striker.mentions.len(), 2, "{es:#?}");
}

#[test]
fn junior_keeps_its_dot_and_a_firm_its_full_name() {
    let es = entities(&[
        "Patrick W. Dalloway Jr. was charged on Monday. Dalloway denied it.",
        "Cairnley said output rose at the site. Cairnley Energy shares rose 5%.",
    ]);
    let dalloway = find(&es, "Patrick W. Dalloway Jr.").expect("the dot stays");
    assert_eq!(dalloway.mentions.len(), 2, "{es:#?}");
    let club = find(&es, "Cairnley Energy").expect("full name");
    assert_eq!(club.entity_type, EntityType::Organization);
    assert_eq!(club.mentions.len(), 2, "{es:#?}");
}

#[test]
fn a_surname_spelt_one_letter_off_joins_the_full_name() {
    let es = entities(&[
        "Agent Brian Hassell spoke to the club. Hassel says the player wants to stay.",
        "Tom Hill and Ann Hall met. Hull was not there.",
    ]);
    let agent = find(&es, "Brian Hassell").expect("full name");
    assert_eq!(agent.mentions.len(), 2, "{es:#?}");
    // Short names stay apart: "Hull" is neither "Hill" nor "Hall".
    assert!(
        find(&es, "Tom Hill").is_some_and(|e| e.mentions.len() == 1),
        "{es:#?}"
    );
}

#[test]
fn hyphenated_given_names() {
    let es = entities(&[
        "Deputy Director of Public Prosecution Eva-Marie Perrsen said no. Ms Perrsen added more.",
    ]);
    let prosecutor = find(&es, "Eva-Marie Perrsen").expect("the title stays out");
    assert_eq!(prosecutor.mentions.len(), 2, "{es:#?}");
}
