//! Unknown organisations found by the words around them, by the lists they
//! stand in and by their other mentions in the text.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{count, spans};
use newsflow_model::EntityType;

#[test]
fn share_phrases_mark_a_firm() {
    let s = spans("Investors rushed to trade in Brellix shares on Monday.");
    assert_eq!(count(&s, "Brellix", EntityType::Organization), 1, "{s:?}");
    let s = spans("The fund bought a stake in Quorvane last year.");
    assert_eq!(count(&s, "Quorvane", EntityType::Organization), 1, "{s:?}");
    let s = spans("Talks went on while Zentrax shares fell sharply.");
    assert_eq!(count(&s, "Zentrax", EntityType::Organization), 1, "{s:?}");
}

#[test]
fn corporate_possessions_mark_a_firm() {
    let s = spans("Analysts expect Morvella's profits to double.");
    assert_eq!(count(&s, "Morvella", EntityType::Organization), 1, "{s:?}");
    let s = spans("It was a blow to Tandor's chief executive, who resigned.");
    assert_eq!(count(&s, "Tandor", EntityType::Organization), 1, "{s:?}");
}

#[test]
fn descriptor_after_the_name() {
    let s = spans("The story first ran in the influential Pellow magazine.");
    assert_eq!(count(&s, "Pellow", EntityType::Organization), 1, "{s:?}");
    let s = spans("He told Brackwater news agency that the talks had failed.");
    assert_eq!(
        count(&s, "Brackwater", EntityType::Organization),
        1,
        "{s:?}"
    );
}

#[test]
fn a_job_at_the_body_before_its_holder() {
    let s = spans("Vostrel chief Anna Petrova confirmed the plan.");
    assert_eq!(count(&s, "Vostrel", EntityType::Organization), 1, "{s:?}");
    assert_eq!(count(&s, "Anna Petrova", EntityType::Person), 1, "{s:?}");
}

#[test]
fn owned_and_based_compounds() {
    let s = spans("It bought the Kerlin-owned Drovask last year.");
    assert_eq!(count(&s, "Drovask", EntityType::Organization), 1, "{s:?}");
}

#[test]
fn role_of_the_name() {
    let s = spans("Mary Fenwick, editor of the Harbinger, said the paper would close.");
    assert_eq!(count(&s, "Harbinger", EntityType::Organization), 1, "{s:?}");
    assert_eq!(count(&s, "Mary Fenwick", EntityType::Person), 1, "{s:?}");
}

#[test]
fn chambers_of_is_a_body_but_a_surname_is_not() {
    let s = spans("The British Chambers of Commerce warned about the cost.");
    assert_eq!(
        count(&s, "British Chambers of Commerce", EntityType::Organization),
        1,
        "{s:?}"
    );
    let s = spans("The song was written with Guy Chambers last year.");
    assert_eq!(count(&s, "Guy Chambers", EntityType::Person), 1, "{s:?}");
}

#[test]
fn a_name_listed_with_organisations_is_one() {
    let s = spans("Rivals such as Google, Plixora and Yahoo offer the same tools.");
    assert_eq!(count(&s, "Plixora", EntityType::Organization), 1, "{s:?}");
}

#[test]
fn cue_typed_names_pass_their_type_to_other_mentions() {
    let s = spans(
        "Oil firm Verantis bought Kolvane last year. Shares in Kolvane rose. \
         Kolvane is a heavy cash generator, and Kolvane will be run separately.",
    );
    assert_eq!(count(&s, "Kolvane", EntityType::Organization), 4, "{s:?}");
    let s = spans(
        "Jim Law, chief executive of Drink Wise Scotland, spoke. Later, Drink \
         Wise Scotland called for a higher price.",
    );
    assert_eq!(
        count(&s, "Drink Wise Scotland", EntityType::Organization),
        2,
        "{s:?}"
    );
}

#[test]
fn an_acronym_with_roman_letters_is_no_numeral() {
    let s = spans("The year was the most difficult in MMC's history.");
    assert_eq!(count(&s, "MMC", EntityType::Organization), 1, "{s:?}");
    let s = spans("Henry VIII had six wives.");
    assert_eq!(count(&s, "VIII", EntityType::Organization), 0, "{s:?}");
}

#[test]
fn a_producer_is_a_person() {
    let s = spans("The show was put together by producer Jane Hollis, who returned.");
    assert_eq!(count(&s, "Jane Hollis", EntityType::Person), 1, "{s:?}");
}
