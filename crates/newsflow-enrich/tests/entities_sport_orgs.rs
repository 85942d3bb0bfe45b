//! Football reports (clubs, line-ups), party names, firms with "&" or "'s",
//! on text we wrote.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{has, spans};
use newsflow_model::EntityType;

#[test]
fn football_report_clubs_and_lineups() {
    let text = "Everton beat Newcastle as the striker scored a late goal in the match.\n\n\
        Newcastle manager Graeme Souness said his midfielder was injured. United had the better \
        of the first half. Fortune headed wide.\n\n\
        Everton: Martyn, Hibbert, Yobo, Stubbs, Fortune (Bradley Wright-Phillips 83). \
        Subs Not Used: Wright, Pistone.\n\n\
        Newcastle United: Given, Carr, Bramble, Hughes, Shearer.";
    let s = spans(text);
    use EntityType::*;
    assert!(has(&s, "Everton", Organization), "{s:?}");
    assert!(has(&s, "Newcastle", Organization), "{s:?}");
    assert!(has(&s, "Newcastle United", Organization), "{s:?}");
    assert!(has(&s, "United", Organization), "{s:?}");
    for player in [
        "Martyn",
        "Stubbs",
        "Fortune",
        "Bradley Wright-Phillips",
        "Wright",
        "Given",
    ] {
        assert!(has(&s, player, Person), "{player}: {s:?}");
    }
    assert!(!s.iter().any(|(n, _)| n.contains("Subs")), "{s:?}");
}

#[test]
fn towns_stay_places_outside_football() {
    let s = spans("Heavy rain flooded streets in Newcastle and Liverpool on Monday.");
    assert!(has(&s, "Newcastle", EntityType::Place), "{s:?}");
    assert!(has(&s, "Liverpool", EntityType::Place), "{s:?}");
}

#[test]
fn parties_and_firms() {
    use EntityType::*;
    let s = spans(
        "The Lib Dems and a Conservative spokesman criticised the plan. \
         Analysts at Standard & Poor's and Marks & Spencer agreed, said Mike Powell of \
         Dresdner Kleinwort Wasserstein. The paintings will be sold at Sotheby's.",
    );
    assert!(has(&s, "Lib Dems", Organization), "{s:?}");
    assert!(has(&s, "Conservative", Organization), "{s:?}");
    assert!(has(&s, "Standard & Poor's", Organization), "{s:?}");
    assert!(has(&s, "Marks & Spencer", Organization), "{s:?}");
    assert!(
        has(&s, "Dresdner Kleinwort Wasserstein", Organization),
        "{s:?}"
    );
    assert!(has(&s, "Sotheby's", Organization), "{s:?}");
    assert!(has(&s, "Mike Powell", Person), "{s:?}");
}

#[test]
fn illnesses_titles_and_demonym_phrases_are_no_names() {
    let s = spans(
        "Patients with Multiple Sclerosis spoke to the Shadow Secretary of State for Health \
         about the Latin American scene.",
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn one_word_names_in_a_football_text() {
    // A one-word name that is no club must not be read as "town + suffix".
    let s = spans(
        "Newcastle 2-1 Bolton\n\nKieron Dyer smashed home the winner in the match to end \
         Bolton's run. The striker scored after the goalkeeper and a defender slipped. Wanderers \
         boss Sam Allardyce said Dyer was superb.",
    );
    assert!(has(&s, "Kieron Dyer", EntityType::Person), "{s:?}");
}

/// A league table or a draw after a colon is a list of clubs, not a line-up.
#[test]
fn tables_and_draws_are_no_lineups() {
    let text = "Everton beat Newcastle as the striker scored a late goal in the match. \
        The manager praised his midfielder after the penalty.\n\n\
        Premiership table: Chelsea 61, Arsenal 56, Everton 48, Liverpool 45.\n\n\
        Chelsea play again on Saturday.";
    let s = spans(text);
    use EntityType::*;
    assert!(has(&s, "Chelsea", Organization), "{s:?}");
    assert!(
        !s.iter().any(|(n, k)| n == "Chelsea" && *k == Person),
        "{s:?}"
    );
    assert!(
        !s.iter().any(|(n, k)| n == "Arsenal" && *k == Person),
        "{s:?}"
    );
}
