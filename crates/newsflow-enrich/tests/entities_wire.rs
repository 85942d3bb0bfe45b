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

#[test]
fn a_stock_ticker_in_brackets_is_no_entity() {
    let s = spans(
        "Lianhua Chemical Industry Co (600636.SS) gained 6% in Shanghai. \
         Harrowgate Systems Corp (HGSC.O) fell. The World Health Organization (WHO) objected.",
    );
    for word in ["SS", "HGSC.O", "HGSC"] {
        assert!(!s.iter().any(|(n, _)| n == word), "{word}: {s:?}");
    }
    assert!(has(&s, "WHO", EntityType::Organization), "{s:?}");
    assert!(
        has(&s, "Harrowgate Systems Corp", EntityType::Organization),
        "{s:?}"
    );
}

#[test]
fn a_firm_named_without_its_legal_form_is_the_firm() {
    let s = spans(
        "Blackwood Capital agreed to buy First Harbor Bancorp for $2.1 billion. \
         The deal values First Harbor at $34 a share. Shares of First Harbor jumped.",
    );
    let short = s.iter().filter(|(n, _)| n == "First Harbor").count();
    assert_eq!(short, 2, "{s:?}");
    assert!(
        s.iter()
            .filter(|(n, _)| n == "First Harbor")
            .all(|(_, k)| *k == EntityType::Organization),
        "{s:?}"
    );
}

#[test]
fn a_team_of_the_results_table_is_a_team_in_the_report() {
    let s = spans(
        "Dynamo Kiev beat Spartak Vladikavkaz 2-1 on Thursday.\n\n\
         Spartak Vladikavkaz coach Ruslan Dzhibilov said his side was unlucky.\n\n\
         Results:\n\n\
         Dynamo Kiev 2 Spartak Vladikavkaz 1\n\
         Rotor Volgograd 0 Lokomotiv Moscow 0",
    );
    let team: Vec<_> = s
        .iter()
        .filter(|(n, _)| n == "Spartak Vladikavkaz")
        .collect();
    assert_eq!(team.len(), 3, "{s:?}");
    assert!(
        team.iter().all(|(_, k)| *k == EntityType::Organization),
        "{s:?}"
    );
    assert!(has(&s, "Ruslan Dzhibilov", EntityType::Person), "{s:?}");
}

#[test]
fn a_dateline_city_of_several_words_in_capitals_is_a_place() {
    let s = spans(
        "NEW YORK (Reuters) - Blackwood Capital said on Monday it would buy a lender.\n\n\
         It said SAN FRANCISCO (AP) was a headline.\n\n\
         SAN FRANCISCO (AP) — Shares of Harrowgate fell.",
    );
    assert!(has(&s, "NEW YORK", EntityType::Place), "{s:?}");
    let places = s
        .iter()
        .filter(|(n, k)| n == "SAN FRANCISCO" && *k == EntityType::Place)
        .count();
    assert!(places >= 1, "{s:?}");
}

#[test]
fn a_name_after_village_of_or_state_of_is_a_place() {
    let s = spans(
        "Talks will resume in the village of Novye Atagi next week. \
         Fighting near the town of Shali Gorsk continued. \
         Gunmen struck in the northwestern state of Zamfara.",
    );
    for name in ["Novye Atagi", "Shali Gorsk", "Zamfara"] {
        assert!(has(&s, name, EntityType::Place), "{name}: {s:?}");
    }
}

#[test]
fn a_person_after_an_unknown_place_and_a_territorial_title_is_found() {
    let s = spans(
        "Zamfara Governor Bello Matawalle Dauda told reporters that 38 students were missing. \
         Oblensk Mayor Ivan Terek said two people were wounded.",
    );
    for name in ["Bello Matawalle Dauda", "Ivan Terek"] {
        assert!(has(&s, name, EntityType::Person), "{name}: {s:?}");
    }
}

#[test]
fn a_portfolio_before_a_title_is_no_organisation() {
    let s = spans(
        "Energy Minister Prince Abdulrazak bin Faleh told a conference in Riyadh that the group would act.",
    );
    assert!(has(&s, "Abdulrazak bin Faleh", EntityType::Person), "{s:?}");
    assert!(
        !s.iter()
            .any(|(n, k)| n.starts_with("Energy") && *k == EntityType::Organization),
        "{s:?}"
    );
}

#[test]
fn a_plc_opening_a_sentence_is_a_firm() {
    let s = spans("Shares were mixed. Tomkins Plc agreed to buy a rival for 140 million pounds.");
    assert!(has(&s, "Tomkins Plc", EntityType::Organization), "{s:?}");
}

#[test]
fn a_name_whose_price_moves_by_pence_is_a_firm() {
    let s = spans(
        "Among the losers, Redland fell 9p and Glaxo Wellcome slipped 5p. Varden Ostrow jumped 12 cents.",
    );
    for name in ["Redland", "Glaxo Wellcome", "Varden Ostrow"] {
        assert!(has(&s, name, EntityType::Organization), "{name}: {s:?}");
    }
}

#[test]
fn a_gerund_portfolio_before_minister_is_no_organisation() {
    let s = spans("Mining Minister Gwede Tambo told parliament that power cuts would ease.");
    assert!(has(&s, "Gwede Tambo", EntityType::Person), "{s:?}");
    assert!(!s.iter().any(|(n, _)| n == "Mining"), "{s:?}");
}

#[test]
fn an_endowment_for_something_is_one_organisation() {
    let s = spans(
        "Yasmine Farouk, a researcher at the Carnegie Endowment for International Peace, said the move was expected.",
    );
    assert!(
        has(
            &s,
            "Carnegie Endowment for International Peace",
            EntityType::Organization
        ),
        "{s:?}"
    );
}
