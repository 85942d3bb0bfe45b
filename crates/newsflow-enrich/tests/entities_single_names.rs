//! One-word names typed by their other mentions, clubs in texts that touch
//! on football, parties before a title, outlets of a known organisation.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{count, spans};
use newsflow_model::EntityType;

#[test]
fn one_word_name_takes_the_type_of_its_other_mentions() {
    let s = spans(
        "Juninho wants assurances about his future. \"I want to play,\" said Juninho. \
         Juninho joined in the summer.",
    );
    assert_eq!(count(&s, "Juninho", EntityType::Person), 3, "{s:?}");
}

#[test]
fn listed_club_in_a_text_touching_on_football() {
    let s = spans(
        "The Brazilian midfielder comes closer to departing Celtic. The manager has \
         not picked him since his move to Celtic.",
    );
    assert_eq!(count(&s, "Celtic", EntityType::Organization), 2, "{s:?}");
}

#[test]
fn party_before_a_title_and_outlets() {
    let s = spans("Green MEP Caroline Lucas told BBC Five Live she welcomed the vote.");
    assert_eq!(count(&s, "Caroline Lucas", EntityType::Person), 1, "{s:?}");
    assert_eq!(count(&s, "Green", EntityType::Organization), 1, "{s:?}");
    assert_eq!(
        count(&s, "BBC Five Live", EntityType::Organization),
        1,
        "{s:?}"
    );
}
