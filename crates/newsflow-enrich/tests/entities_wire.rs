//! Wire-service (Reuters/AP style) patterns of the entity recogniser, on
//! text we wrote.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::spans;
use newsflow_model::EntityType;

fn has(spans: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
    spans.iter().any(|(s, k)| s == name && *k == kind)
}

#[test]
fn a_patronymic_after_bin_stays_in_the_name() {
    let s = spans(
        "The official Mohammed bin Khalid Al-Faisal said demand was strong. \
         Later Omar bin Rashid Al Nuaimi met him in Riyadh.",
    );
    for name in ["Mohammed bin Khalid Al-Faisal", "Omar bin Rashid Al Nuaimi"] {
        assert!(has(&s, name, EntityType::Person), "{name}: {s:?}");
    }
    assert!(!s.iter().any(|(n, _)| n == "Mohammed bin"), "{s:?}");
}

#[test]
fn market_people_opening_a_sentence_are_no_names() {
    let s = spans(
        "Shares in Corvel Mining fell 9p. Dealers said the bank would hold rates. \
         Brokers said volumes were thin.",
    );
    for word in ["Dealers", "Brokers"] {
        assert!(!s.iter().any(|(n, _)| n == word), "{word}: {s:?}");
    }
}
