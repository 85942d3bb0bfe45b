//! Wire-service organisation names, partner firms and market benchmarks,
//! on text we wrote.

#[path = "common_entities.rs"]
mod common_entities;

use common_entities::spans;
use newsflow_model::EntityType;

fn has(spans: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
    spans.iter().any(|(s, k)| s == name && *k == kind)
}

#[test]
fn a_body_may_end_in_the_region_it_covers() {
    let s = spans(
        "The Organisation for Security and Cooperation in Europe sent monitors to the border town.",
    );
    assert!(
        has(
            &s,
            "Organisation for Security and Cooperation in Europe",
            EntityType::Organization
        ),
        "{s:?}"
    );
    assert!(!s.iter().any(|(n, _)| n == "Europe"), "{s:?}");
    // A bank "of" a country, then where it works: two names.
    let s = spans("The Bank of Ruritania in Asia hired staff.");
    assert!(
        !s.iter().any(|(n, _)| n == "Bank of Ruritania in Asia"),
        "{s:?}"
    );
}

#[test]
fn an_office_named_after_its_holder_keeps_the_holders_of_the() {
    let s = spans(
        "The Office of the Comptroller of the Currency fined the lender on Friday. \
         Later the Office of the U.S. Trade Representative said tariffs would stay.",
    );
    for org in [
        "Office of the Comptroller of the Currency",
        "Office of the U.S. Trade Representative",
    ] {
        assert!(has(&s, org, EntityType::Organization), "{org}: {s:?}");
    }
    // A place after a second "of the" still stays out of a university's name.
    let s = spans("A professor at the University of Leeds of the UK said so.");
    assert!(
        has(&s, "University of Leeds", EntityType::Organization),
        "{s:?}"
    );
}

#[test]
fn members_bodies_and_numbered_groups() {
    let s = spans(
        "The Veterans of Foreign Wars criticised the plan. Finance ministers of the \
         Group of Seven met in Rome, and the Group of 20 will meet next month.",
    );
    for org in ["Veterans of Foreign Wars", "Group of Seven", "Group of 20"] {
        assert!(has(&s, org, EntityType::Organization), "{org}: {s:?}");
    }
}

#[test]
fn two_partners_names_before_a_firm_word_are_one_firm() {
    let s = spans(
        "Shares of Blackwood and Sterling Capital Management LLC rose. Investors in \
         Baker and Whitfield Holdings were told on Monday that Harlan and Pruett Co had left.",
    );
    for org in [
        "Blackwood and Sterling Capital Management LLC",
        "Baker and Whitfield Holdings",
        "Harlan and Pruett Co",
    ] {
        assert!(has(&s, org, EntityType::Organization), "{org}: {s:?}");
    }
}

#[test]
fn places_and_people_joined_by_and_stay_apart() {
    let s = spans("Britain and France agreed. Smith and Jones said the deal was fair.");
    assert!(has(&s, "Britain", EntityType::Place), "{s:?}");
    assert!(has(&s, "France", EntityType::Place), "{s:?}");
    assert!(has(&s, "Smith", EntityType::Person), "{s:?}");
    assert!(has(&s, "Jones", EntityType::Person), "{s:?}");
    // A firm the text names on its own elsewhere is a second firm.
    let s = spans("Ostrava and Veltrum Holdings both rose. Ostrava later fell.");
    assert!(
        !s.iter().any(|(n, _)| n == "Ostrava and Veltrum Holdings"),
        "{s:?}"
    );
}

#[test]
fn a_role_before_a_name_ending_in_a_place_makes_a_person() {
    let s = spans("The talks were over, adviser Dore Golan said on Sunday.");
    assert!(has(&s, "Dore Golan", EntityType::Person), "{s:?}");
}

#[test]
fn market_benchmarks_are_no_people_firms_or_places() {
    let s = spans(
        "Brent crude rose 2% on Tuesday while WTI slipped. The S&P 500 fell, the \
         Dow Jones Industrial Average ended flat and the Nasdaq Composite gained.",
    );
    for name in [
        "Brent",
        "WTI",
        "S&P",
        "Jones Industrial",
        "Nasdaq Composite",
    ] {
        assert!(!s.iter().any(|(n, _)| n == name), "{name}: {s:?}");
    }
    // A person called Brent is still a person.
    let s = spans("Brent Tulloch said he was pleased. Brent said the team played well.");
    assert!(has(&s, "Brent Tulloch", EntityType::Person), "{s:?}");
}
