//! Reports of other sports than football (rugby line-ups, cricket
//! scorecards, tennis and athletics results) and initials before surnames,
//! on text we wrote (invented names).

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::{has, spans};
use newsflow_model::EntityType;

#[test]
fn rugby_report_lineups_and_clubs() {
    use EntityType::*;
    let text = "Ireland edged England in a tense Six Nations match at Lansdowne Road.\n\n\
        Fly-half Tom Garvey kicked two penalties and a conversion before the scrum-half \
        went over for a late try. The Wasps flanker and the Sale Sharks prop both started, \
        and the Leicester lock was outstanding. Munster and Leinster provided most of the pack. \
        Garvey said the rugby had been hard.\n\n\
        Ireland: G Murphy; D Quill, B O'Rourke (capt), S Tiernan, D Hickey; R O'Garvey, \
        P Stanton; R Carrig, S Byrne, J Hales; M O'Kelleher, P O'Connors.\n\n\
        Replacements: F Sheady, M Horrigan, A Foyle, E Milner.\n\n\
        England: J Robson; M Cueva, J Nunn, O Barkworth, J Lewis-Hart; C Hodgkin, H Elliot; \
        G Rowan, S Thomason, M Stephenson.\n\n\
        A Tattersall, D Belling, S Borthwood, A Hazelton.";
    let s = spans(text);
    for player in [
        "G Murphy",
        "B O'Rourke",
        "R O'Garvey",
        "S Byrne",
        "J Robson",
        "J Lewis-Hart",
        "A Foyle",
        "A Tattersall",
        "A Hazelton",
        "F Sheady",
        "Tom Garvey",
    ] {
        assert!(has(&s, player, Person), "{player}: {s:?}");
    }
    for club in ["Wasps", "Sale Sharks", "Leicester", "Munster", "Leinster"] {
        assert!(has(&s, club, Organization), "{club}: {s:?}");
    }
    assert!(has(&s, "Garvey", Person), "{s:?}");
    assert!(!s.iter().any(|(n, _)| n.contains("Replacements")), "{s:?}");
}

#[test]
fn rugby_lineup_of_surnames_after_a_colon() {
    use EntityType::*;
    let text = "Scotland will face Italy in the Six Nations after the try-scoring flanker \
        recovered. The rugby squad trained at Murrayfield on Monday, and the scrum coach said \
        the lineout was fine.\n\n\
        : Mulvey, Horrocks, D'Arcy, Hickling, O'Garra, Stringfellow, Corrin, S Easton.";
    let s = spans(text);
    for player in ["Mulvey", "Horrocks", "Hickling", "O'Garra", "S Easton"] {
        assert!(has(&s, player, Person), "{player}: {s:?}");
    }
}

#[test]
fn cricket_scorecard() {
    use EntityType::*;
    let text = "England were bowled out on the second day of the Test as the wicket turned.\n\n\
        M Vaughton c Gilroy b McGrane 45, A Straus lbw b Warnock 12, \
        G Thorburn c & b Kasprow 3.\n\n\
        Yorkshire and Lancashire both lost in the county cricket championship, and the \
        batsman said the innings had been long.";
    let s = spans(text);
    for player in [
        "M Vaughton",
        "Gilroy",
        "McGrane",
        "Warnock",
        "Kasprow",
        "A Straus",
    ] {
        assert!(has(&s, player, Person), "{player}: {s:?}");
    }
    assert!(has(&s, "Yorkshire", Organization), "{s:?}");
    assert!(has(&s, "Lancashire", Organization), "{s:?}");
}

#[test]
fn tennis_and_athletics_results() {
    use EntityType::*;
    let s = spans(
        "Results from the tennis championship: Roger Federer (Switzerland) beat Andy Roddick (USA) \
         6-4 6-2.\n\n\
         Women's marathon: 1. Paula Radcliffe (GB) 2:17:18, 2. Catherine Ndereba (Kenya) 2:19:01.",
    );
    for name in [
        "Roger Federer",
        "Andy Roddick",
        "Paula Radcliffe",
        "Catherine Ndereba",
    ] {
        assert!(has(&s, name, Person), "{name}: {s:?}");
    }
    assert!(has(&s, "Switzerland", Place), "{s:?}");
    assert!(has(&s, "Kenya", Place), "{s:?}");
}

#[test]
fn an_initial_and_a_surname_is_a_person_anywhere() {
    use EntityType::*;
    let s = spans(
        "The referee was P Dowling (Staffordshire), and the fourth official R O'Hagan. \
         Shares in J Sainsbury rose, said analyst K Maltby.",
    );
    assert!(has(&s, "P Dowling", Person), "{s:?}");
    assert!(has(&s, "R O'Hagan", Person), "{s:?}");
    assert!(has(&s, "K Maltby", Person), "{s:?}");
    assert!(has(&s, "J Sainsbury", Organization), "{s:?}");
}

#[test]
fn articles_and_letters_before_words_are_no_people() {
    let s = spans(
        "A Bank spokesman declined to comment. A November to remember ended with the \
         X Factor final and the V Festival.",
    );
    assert!(!s.iter().any(|(_, k)| *k == EntityType::Person), "{s:?}");
}

#[test]
fn towns_stay_places_in_other_news() {
    let s = spans("Heavy rain flooded streets in Leicester, Bath and Gloucester on Monday.");
    for town in ["Leicester", "Bath", "Gloucester"] {
        assert!(!has(&s, town, EntityType::Organization), "{town}: {s:?}");
    }
}
