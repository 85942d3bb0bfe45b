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
