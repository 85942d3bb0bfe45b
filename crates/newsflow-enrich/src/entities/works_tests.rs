//! Titles of works named right after what they are ("the film ..."), on
//! invented sentences.

use newsflow_model::EntityType;

use super::test_support::{has, typed};

#[test]
fn a_name_after_a_work_noun_is_a_title() {
    for (text, title) in [
        (
            "He starred in the 1997 film Harbour Lights.",
            "Harbour Lights",
        ),
        ("She played the game Moss Raider for hours.", "Moss Raider"),
        ("The album Copper Tides sold well.", "Copper Tides"),
    ] {
        assert!(
            !has(text, title, EntityType::Person),
            "{text}: {:?}",
            typed(text)
        );
    }
}

#[test]
fn a_person_speaking_after_the_game_stays_a_person() {
    let text = "After the game Wenger said the referee was right.";
    assert!(has(text, "Wenger", EntityType::Person), "{:?}", typed(text));
}

#[test]
fn competitions_are_events_not_bodies() {
    let text =
        "Dunmore meet Westbridge in the Champions League, and Wales won the RBS Six Nations.";
    for name in ["Champions League", "RBS Six Nations"] {
        assert!(
            !typed(text).iter().any(|(s, _)| s == name),
            "{name}: {:?}",
            typed(text)
        );
    }
    // A body whose name merely ends the same way stays one.
    let text = "The Eastern Rugby League said the fixture would stand.";
    assert!(!typed(text).is_empty(), "{:?}", typed(text));
}

#[test]
fn a_person_after_a_work_noun_stays_a_person() {
    let text =
        "The film Tom Hanks starred in was a hit, and the game Jones played on Saturday was tense.";
    assert!(
        has(text, "Tom Hanks", EntityType::Person),
        "{:?}",
        typed(text)
    );
    assert!(has(text, "Jones", EntityType::Person), "{:?}", typed(text));
}

#[test]
fn a_one_word_answer_in_quotes_is_the_person_named() {
    let text = "Priya Kaur spoke first. Asked who would win, voters said: \u{201c}Kaur.\u{201d}";
    let kaur = typed(text)
        .iter()
        .filter(|(s, k)| s == "Kaur" && *k == EntityType::Person)
        .count();
    assert_eq!(kaur, 1, "{:?}", typed(text));
}

#[test]
fn a_person_told_something_stays_a_person() {
    let text = "The judge told Oluwaseun Adeyemi, a farmer from Lagos, that he was free. \
                Police told Hargreaves to leave.";
    assert!(
        has(text, "Oluwaseun Adeyemi", EntityType::Person),
        "{:?}",
        typed(text)
    );
    assert!(
        has(text, "Hargreaves", EntityType::Person),
        "{:?}",
        typed(text)
    );
}
