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
#[test]
fn a_place_and_a_place_word_are_one_place() {
    let text = "June 23 – Virginia Beach, VA @ Harbor Lights Amphitheater\nThey later flew to Kansas City.";
    for place in [
        "Virginia Beach",
        "VA",
        "Harbor Lights Amphitheater",
        "Kansas City",
    ] {
        assert!(
            has(text, place, EntityType::Place),
            "{place}: {:?}",
            typed(text)
        );
    }
    let text = "Cases were found in the Democratic Republic of Congo and in Peru.";
    assert!(
        has(text, "Democratic Republic of Congo", EntityType::Place),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_venue_named_after_a_person_is_one_place() {
    let text = "The band closes the tour at the Marion Hale Garrison Pavilion in Ohio.";
    assert!(
        has(text, "Marion Hale Garrison Pavilion", EntityType::Place),
        "{:?}",
        typed(text)
    );
}

#[test]
fn hospitals_are_organisations_and_plans_are_works() {
    let text = "Doctors from Norbury Hospital and the Westfield Royal Infirmary wrote the report.";
    assert!(
        has(text, "Norbury Hospital", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    assert!(
        has(text, "Westfield Royal Infirmary", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "It is part of the Third Water Technology Development Plan, the agency said.";
    assert!(typed(text).is_empty(), "{:?}", typed(text));
}

#[test]
fn a_given_name_before_a_romanised_name_is_a_person() {
    let text = "The case was written up by Chris LiWen Tao and two colleagues.";
    assert!(
        has(text, "Chris LiWen Tao", EntityType::Person),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_ministry_named_after_a_list_of_portfolios_is_one_body() {
    let text = "Harlan’s Ministry of Trade, Industry and Energy unveiled a plan.";
    assert!(
        has(
            text,
            "Ministry of Trade, Industry and Energy",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
    let text = "The Ministry of Defence, Britain and France signed it.";
    assert!(
        has(text, "Ministry of Defence", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    assert!(has(text, "France", EntityType::Place), "{:?}", typed(text));
}

#[test]
fn letters_after_a_persons_name_are_no_state() {
    let text = "In the words of the prosecutor, Mark Tedesco, QC, the case was clear. \
                Jane Holloway, MD, treated him in Dayton, OH.";
    for person in ["Mark Tedesco", "Jane Holloway"] {
        assert!(
            has(text, person, EntityType::Person),
            "{person}: {:?}",
            typed(text)
        );
    }
    assert!(!has(text, "MD", EntityType::Place), "{:?}", typed(text));
    assert!(has(text, "OH", EntityType::Place), "{:?}", typed(text));
}

#[test]
fn a_list_of_bodies_after_a_department_stays_a_list() {
    let text = "Talks between the Department for Education, Ofsted and Unison broke down.";
    assert!(
        has(text, "Department for Education", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    assert!(
        has(text, "Ofsted", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn letters_after_a_body_or_before_and_are_no_state() {
    let text =
        "A spokesman told the BBC, PA and ITV that the mayor, Garcetti, LA's leader, had left.";
    for name in ["BBC", "PA", "Garcetti", "LA"] {
        assert!(
            !has(text, name, EntityType::Place),
            "{name}: {:?}",
            typed(text)
        );
    }
}

#[test]
fn what_follows_a_free_standing_at_sign_in_a_listing_is_the_venue() {
    let text = "Tour Dates\n\nJune 24 – Bristow, VA @ Jiffy Lube Live\nJune 26 – Toronto, ON @ Brightwater Stage\n\
                Follow @Lumberjacks for news.";
    for venue in ["Jiffy Lube Live", "Brightwater Stage"] {
        assert!(
            has(text, venue, EntityType::Place),
            "{venue}: {:?}",
            typed(text)
        );
    }
    assert!(
        !has(text, "Lumberjacks", EntityType::Place),
        "{:?}",
        typed(text)
    );
}
