//! Unit tests of the rules that tell bodies and places from people, on
//! invented sentences.

use newsflow_model::EntityType;

use super::test_support::{has, typed};

#[test]
fn the_one_told_without_a_full_name_is_an_outlet() {
    let text = "“We never saw it coming,” Hallworth told Brindlepost by email.";
    assert!(
        has(text, "Brindlepost", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "Oriel Vantley said the plan was sound, Marsh told Vantley on Monday.";
    assert!(
        has(text, "Vantley", EntityType::Person),
        "{:?}",
        typed(text)
    );
    let text = "The minister told Jonah he would resign.";
    assert!(has(text, "Jonah", EntityType::Person), "{:?}", typed(text));
}

#[test]
fn an_article_before_an_unknown_name_marks_no_person() {
    let text = "Fans of the Vortan Gallopers cheered as a Brisco Marlan rolled past.";
    let found = typed(text);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityType::Person),
        "{found:?}"
    );
    // Without the article the unknown pair still reads as a person.
    let text = "Brisco Marlan cheered as the results came in.";
    assert!(
        has(text, "Brisco Marlan", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn what_a_title_is_of_is_no_person() {
    let text = "The Archbishop of Wexcombe said the service would be short.";
    assert!(
        has(text, "Wexcombe", EntityType::Place),
        "{:?}",
        typed(text)
    );
}

#[test]
fn streets_and_chapels_are_places_unless_a_given_name_opens_them() {
    let text = "Fans gathered outside Marrow Hart Lane before the match.";
    assert!(
        has(text, "Marrow Hart Lane", EntityType::Place),
        "{:?}",
        typed(text)
    );
    let text = "The vows were said in Ostley Chapel on Saturday.";
    assert!(
        has(text, "Ostley Chapel", EntityType::Place),
        "{:?}",
        typed(text)
    );
    let text = "The actress Diane Lane said she was delighted.";
    assert!(
        has(text, "Diane Lane", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn cups_and_championships_are_events() {
    let text = "Dunmore were knocked out of the Harrow Vale Cup on Tuesday.";
    let found = typed(text);
    assert!(!found.iter().any(|(s, _)| s.contains("Cup")), "{found:?}");
}

#[test]
fn an_acronym_of_a_term_is_no_organisation() {
    let text = "Regulators studied a radio method called Quasi Lightband (QLB). \
                QLB chips are cheap, and QLB could reach every home.";
    let found = typed(text);
    assert!(
        !found
            .iter()
            .any(|(s, _)| s.contains("QLB") || s.contains("Lightband")),
        "{found:?}"
    );
    let text = "Marlow backs PAVE (Protected Alien Visa Exemption) recipients.";
    let found = typed(text);
    assert!(!found.iter().any(|(s, _)| s == "PAVE"), "{found:?}");
    // A body spelt out keeps its acronym.
    let text = "The Federal Narrows Authority (FNA) said FNA staff would help.";
    assert!(
        has(text, "FNA", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_name_alone_in_quotation_marks_is_a_title() {
    let text = "The studio re-released “Marla Venn” and “Otterby.” last year.";
    let found = typed(text);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityType::Person),
        "{found:?}"
    );
    let text = "The film starred Marla Venn, who said “Otterby” was her favourite.";
    assert!(
        has(text, "Marla Venn", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_month_before_an_organisation_is_listed_with_nothing() {
    let text = "In May, NASA named three firms for the lander.";
    let found = typed(text);
    assert!(!found.iter().any(|(s, _)| s == "May"), "{found:?}");
    assert!(has(text, "NASA", EntityType::Organization), "{found:?}");
}

#[test]
fn settlements_in_apposition_storms_and_indefinite_pronouns() {
    let text = "Pell Orrin, 55, of Wexbridge, a village south of Tamsworth, pleaded guilty.";
    assert!(
        has(text, "Wexbridge", EntityType::Place),
        "{:?}",
        typed(text)
    );
    let text = "Pell Orrin, the city engineer, inspected the bridge.";
    assert!(
        has(text, "Pell Orrin", EntityType::Person),
        "{:?}",
        typed(text)
    );
    let text = "Homes were lost when Hurricane Orvella hit the coast.";
    let found = typed(text);
    assert!(
        !found.iter().any(|(_, k)| *k == EntityType::Person),
        "{found:?}"
    );
    let text = "Somebody told me it was the biggest launch ever.";
    let found = typed(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_source_after_according_to_is_a_body() {
    let text = "The sequel is stalled, according to The Spool, and according to Vantor it may die.";
    let found = typed(text);
    assert!(has(text, "Spool", EntityType::Organization), "{found:?}");
    assert!(has(text, "Vantor", EntityType::Organization), "{found:?}");
    let text = "According to Marla Venn, the sequel is stalled.";
    assert!(
        has(text, "Marla Venn", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_law_is_no_organisation() {
    let text = "Ministers said the Harbour Dredging Act would pass before the Clean Rivers Act.";
    let found = typed(text);
    assert!(!found.iter().any(|(s, _)| s.ends_with("Act")), "{found:?}");
}
