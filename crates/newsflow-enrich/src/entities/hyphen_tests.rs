//! Names inside hyphenated modifiers ("Lyon-based", "pro-Moscow"), on
//! invented sentences.

use newsflow_model::EntityType;

use super::recognize::recognize;
use super::test_support::{has, typed};
use crate::places::gazetteer::GAZETTEER;
use crate::text_util::tokenize;

/// No span holds a modifier part.
fn no_modifier_inside(text: &str) {
    for (s, _) in typed(text) {
        for part in [
            "based", "led", "backed", "born", "pro", "anti", "ex-", "mid",
        ] {
            assert!(!s.contains(part), "{s:?} in {:?}", typed(text));
        }
    }
}

#[test]
fn places_before_a_modifier_are_names() {
    let cases = [
        ("A Lyon-based bakery opened a second shop.", "Lyon"),
        ("Troops of the U.S.-led mission left the port.", "U.S."),
        ("Hong Kong-based lenders cut their rates.", "Hong Kong"),
        ("The Iran-backed group denied the report.", "Iran"),
        ("The São Paulo-based bank reported a loss.", "São Paulo"),
    ];
    for (text, place) in cases {
        assert!(
            has(text, place, EntityType::Place),
            "{text}: {:?}",
            typed(text)
        );
        no_modifier_inside(text);
    }
}

#[test]
fn names_after_a_prefix_are_names() {
    let text = "The ex-Chelsea striker moved to a non-EU club in mid-July.";
    assert!(
        typed(text).iter().any(|(s, _)| s == "Chelsea"),
        "{:?}",
        typed(text)
    );
    assert!(
        has(text, "EU", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    no_modifier_inside(text);
    // "pro-Moscow" and "anti-NATO" stay single adjectives.
    let text = "The anti-NATO rally was smaller than the pro-Moscow march.";
    assert!(!has(text, "Moscow", EntityType::Place), "{:?}", typed(text));
    // Typed as the name standing alone would be.
    let text = "The ex-Arsenal keeper joined a club in Leeds.";
    let alone = typed("The Arsenal keeper joined a club in Leeds.");
    let kind = alone.iter().find(|(s, _)| s == "Arsenal").map(|(_, k)| *k);
    let split = typed(text);
    assert_eq!(
        split.iter().find(|(s, _)| s == "Arsenal").map(|(_, k)| *k),
        kind,
        "{split:?}"
    );
    no_modifier_inside(text);
}

#[test]
fn demonyms_before_a_modifier_stay_demonyms() {
    let text = "The Kenyan-born poet read at the Saudi-led summit.";
    let tokens = tokenize(text);
    let spans = recognize(text, &tokens);
    for (word, country) in [("Kenyan", "Kenya"), ("Saudi", "Saudi Arabia")] {
        let span = spans
            .iter()
            .find(|s| s.tok_end == s.tok_start + 1 && tokens[s.tok_start].text == word);
        let span = span.unwrap_or_else(|| panic!("{word}: {spans:?}"));
        assert!(span.demonym, "{word}");
        let name = span.place.map(|p| GAZETTEER.entries[p].name);
        assert_eq!(name, Some(country), "{word}");
    }
    assert!(typed(text).is_empty(), "{:?}", typed(text));
}

#[test]
fn hyphenated_names_stay_whole() {
    let text = "Kim Jong-un wrote to Ban Ki-moon.";
    assert!(
        has(text, "Kim Jong-un", EntityType::Person),
        "{:?}",
        typed(text)
    );
    assert!(
        has(text, "Ban Ki-moon", EntityType::Person),
        "{:?}",
        typed(text)
    );
    let text = "Shares in Rolls-Royce and Hewlett-Packard rose.";
    assert!(
        has(text, "Rolls-Royce", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    for text in [
        "Coca-Cola and Mercedes-Benz sponsor the event.",
        "Fans of Al-Ain travelled to Guinea-Bissau.",
        "The festival in Stratford-upon-Avon sold out.",
        "The Bre-X affair is remembered.",
    ] {
        for (s, _) in typed(text) {
            for word in [
                "Coca", "Cola", "Mercedes", "Benz", "Ain", "Bissau", "Avon", "Bre",
            ] {
                assert!(s != word, "{text}: {:?}", typed(text));
            }
        }
    }
}

#[test]
fn lower_case_compounds_name_no_one() {
    let text = "The state-run broadcaster and a family-owned farm joined pro-democracy marches.";
    assert!(typed(text).is_empty(), "{:?}", typed(text));
}

#[test]
fn two_places_joined_by_a_hyphen_are_two_names() {
    let text = "The China-Peru trade deal was signed in Lima.";
    assert!(has(text, "China", EntityType::Place), "{:?}", typed(text));
    assert!(has(text, "Peru", EntityType::Place), "{:?}", typed(text));
    let text = "Aid reached Guinea-Bissau on Monday.";
    assert!(
        has(text, "Guinea-Bissau", EntityType::Place),
        "{:?}",
        typed(text)
    );
}
