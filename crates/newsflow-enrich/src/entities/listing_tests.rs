//! Tour-date lists, addresses and datelines: one item per line, cities with
//! their state's postal code, venues named by their kind. Invented text.

use newsflow_model::EntityType;

use super::test_support::{has, typed};

const TOUR: &str = "The Lumberjacks will tour next summer.\n\nTour Dates\n\n\
May 3 – Dayton, OH @ Rosewood Bank Amphitheatre\n\
May 5 – Charlotte, NC @ Kestrel Music Pavilion\n\
May 7 – Tulsa, OK @ Hollow Creek Arena\n\
May 9 – Kingston, ON @ Harbourfront Auditorium\n";

#[test]
fn no_name_runs_across_a_line_break() {
    for (surface, _) in typed(TOUR) {
        assert!(!surface.contains('\n'), "{surface:?} in {:?}", typed(TOUR));
    }
    let text = "They met Anna Keller\nMay 9 brought more news.";
    assert!(
        has(text, "Anna Keller", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn venues_are_places_whatever_firm_names_them() {
    for venue in [
        "Rosewood Bank Amphitheatre",
        "Kestrel Music Pavilion",
        "Hollow Creek Arena",
        "Harbourfront Auditorium",
    ] {
        assert!(
            has(TOUR, venue, EntityType::Place),
            "{venue}: {:?}",
            typed(TOUR)
        );
    }
}

#[test]
fn a_city_and_its_state_code_are_places() {
    for (city, code) in [("Dayton", "OH"), ("Charlotte", "NC"), ("Kingston", "ON")] {
        assert!(
            has(TOUR, city, EntityType::Place),
            "{city}: {:?}",
            typed(TOUR)
        );
        assert!(
            has(TOUR, code, EntityType::Place),
            "{code}: {:?}",
            typed(TOUR)
        );
    }
    let dateline =
        "GREENVILLE, S.C. (AP) — The mayor of Fresno, CA, and a judge from Raleigh, N.C., spoke.";
    for place in ["GREENVILLE", "S.C.", "Fresno", "CA", "Raleigh", "N.C."] {
        assert!(
            has(dateline, place, EntityType::Place),
            "{place}: {:?}",
            typed(dateline)
        );
    }
    assert!(
        has(dateline, "AP", EntityType::Organization),
        "{:?}",
        typed(dateline)
    );
}

#[test]
fn a_code_before_a_capitalised_word_is_no_state() {
    let text = "Software makers in Boston, CA Technologies among them, reported gains.";
    assert!(!has(text, "CA", EntityType::Place), "{:?}", typed(text));
    // A person named before a comma keeps being a person.
    let text = "The award went to Mary Dunmore, NY Times columnist.";
    assert!(
        has(text, "Mary Dunmore", EntityType::Person),
        "{:?}",
        typed(text)
    );
}
