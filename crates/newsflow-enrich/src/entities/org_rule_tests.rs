//! Unit tests of the organisation rules, on invented sentences.

use newsflow_model::EntityType;

use super::test_support::{has, typed};

#[test]
fn title_after_of_stays_in_the_body_name() {
    let text =
        "Association of Chief Harbour Masters president Dora Pilkey said the rules were weak.";
    assert!(
        has(
            text,
            "Association of Chief Harbour Masters",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
    let text = "The agency's Office of the Inspector General released a critical report.";
    assert!(
        has(
            text,
            "Office of the Inspector General",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
}

#[test]
fn and_joins_words_before_a_public_body_head() {
    let text = "Officials at the Food and Drug Administration approved the pill on Friday.";
    assert!(
        has(
            text,
            "Food and Drug Administration",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
    // Two firms listed with "and" stay apart.
    let text = "Quorvane Robotics and Telmix Systems Inc signed the deal.";
    assert!(
        !typed(text).iter().any(|(s, _)| s.contains(" and ")),
        "{:?}",
        typed(text)
    );
}

#[test]
fn descriptor_after_a_given_name_makes_a_firm() {
    let text = "Analysts at Sal Brindlemayer investment bank said the deal was expensive.";
    assert!(
        has(text, "Sal Brindlemayer", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "Zorblex bosses met the unions on Monday.";
    assert!(
        has(text, "Zorblex", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn two_jobs_at_a_firm_before_the_holder() {
    let text = "She spoke with Quillnet founder and co-chief Marta Ovenden on Tuesday.";
    assert!(
        has(text, "Quillnet", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn publications_named_after_journal_or_published() {
    let text = "The findings appear in the journal Planetary Letters this week.";
    assert!(
        has(text, "Planetary Letters", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "This story was first published by Glimmerpost.";
    assert!(
        has(text, "Glimmerpost", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    // A place after "published in" stays a place.
    let text = "The novel was published in London.";
    assert!(has(text, "London", EntityType::Place), "{:?}", typed(text));
}

#[test]
fn events_and_their_acronyms_are_no_organisations() {
    let text = "Ada Brunel opened the Home Robotics Show (HRS) in Leeds. HRS drew big crowds.";
    let found = typed(text);
    assert!(
        !found
            .iter()
            .any(|(s, k)| *k == EntityType::Organization && (s == "HRS" || s.ends_with("Show"))),
        "{found:?}"
    );
}

#[test]
fn a_product_model_before_a_comma_is_not_listed_with_a_firm() {
    let text = "After the 15-inch Zephyrbook Pro, Acme Computers plans a smaller model.";
    let found = typed(text);
    assert!(
        !found
            .iter()
            .any(|(s, k)| *k == EntityType::Organization && s == "Zephyrbook Pro"),
        "{found:?}"
    );
}

#[test]
fn honorific_opening_a_sentence_marks_a_person() {
    let text = "Police chief Alan Fox spoke first. Mr Fox said more officers were needed.";
    let found = typed(text);
    assert!(
        found
            .iter()
            .filter(|(s, k)| s == "Fox" && *k == EntityType::Person)
            .count()
            == 1,
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(s, k)| s == "Fox" && *k == EntityType::Organization),
        "{found:?}"
    );
}

#[test]
fn a_groups_possessive_inside_a_body_name() {
    let text = "Members of the People's Transit Union voted to strike on Friday.";
    assert!(
        has(text, "People's Transit Union", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn lower_case_party_after_a_political_adjective() {
    let text = "The mayor joined the Socialist party last year.";
    assert!(
        has(text, "Socialist party", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    // A party named by its own short name keeps the short name.
    let text = "She left the Labour party in May.";
    assert!(
        has(text, "Labour", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn and_joins_an_exchange_commission() {
    let text = "The firm faces questions from the U.S. Grain and Exchange Commission this week.";
    assert!(
        has(
            text,
            "U.S. Grain and Exchange Commission",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
}

#[test]
fn shouted_words_units_and_plural_acronyms_are_no_organisations() {
    let text = "The answer is YES! The plant makes 900 MW a day. The group that runs the BMAs, Kelbo Productions, agreed.";
    let found = typed(text);
    assert!(
        !found
            .iter()
            .any(|(s, k)| *k == EntityType::Organization
                && matches!(s.as_str(), "YES" | "MW" | "BMAs")),
        "{found:?}"
    );
    assert!(
        has(text, "Kelbo Productions", EntityType::Organization),
        "{found:?}"
    );
}

#[test]
fn a_list_passes_the_organisation_type_along() {
    let text = "Rivals such as Google, Quenbit, Zorvane, Plimtek and Apple all sell such tools.";
    let found = typed(text);
    for name in ["Quenbit", "Zorvane", "Plimtek"] {
        assert!(
            has(text, name, EntityType::Organization),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_research_centre_is_a_body_and_animation_studios_are_firms() {
    let text = "Scientists at the Brellin Cancer Research Centre in Leeds led the work.";
    assert!(
        has(
            text,
            "Brellin Cancer Research Centre",
            EntityType::Organization
        ),
        "{:?}",
        typed(text)
    );
    let text = "The film came from Quobble Animation last year.";
    assert!(
        has(text, "Quobble Animation", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn rugby_lineups_with_semicolons_particles_and_replacements() {
    let text = "The scrum half kicked a late penalty in the rugby match as the try line held. \
The fly-half missed a conversion and the flanker won a lineout before the second try.\n\n\
Brackwood, Tilsey, Omberly, Fenwright, Gattler; Poskin, Ledrow; Harnaby, van der Molt, Quintell; Ashdown, Crail.\n\n\
Replacements: Dunmere for Poskin (53), Wexley for Ledrow (77). Not used: Pellow, Trask";
    let found = typed(text);
    for name in [
        "Brackwood",
        "Gattler",
        "Poskin",
        "van der Molt",
        "Dunmere",
        "Wexley",
        "Pellow",
        "Trask",
    ] {
        assert!(has(text, name, EntityType::Person), "{name}: {found:?}");
    }
    assert!(!found.iter().any(|(s, _)| s == "Molt"), "{found:?}");
}

#[test]
fn word_acronyms_appositions_and_ownership() {
    let text = "The Association of Harbour Pilots and Mariners met on Monday. Ahpm made its case to ministers.";
    assert!(
        has(text, "Ahpm", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "A board member of the country's central bank, the Veldbank, disagreed.";
    assert!(
        has(text, "Veldbank", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "The exchange, owner of Quarnex in London, may raise its offer.";
    assert!(
        has(text, "Quarnex", EntityType::Organization),
        "{:?}",
        typed(text)
    );
    let text = "The merger of the Royal Lowland Fusiliers was announced.";
    assert!(
        has(text, "Royal Lowland Fusiliers", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn a_handle_of_given_name_and_surname_is_a_person() {
    let text = "“Thank you @SarahQuillby for the support!” the mayor wrote. Follow @QuarnexNews for updates.";
    let found = typed(text);
    assert!(has(text, "SarahQuillby", EntityType::Person), "{found:?}");
    assert!(!has(text, "QuarnexNews", EntityType::Person), "{found:?}");
}

#[test]
fn a_weekday_after_on_ends_a_body_name() {
    let text = "The Arctic Council on Tuesday opened a review of shipping lanes.";
    assert!(
        has(text, "Arctic Council", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}

#[test]
fn an_initial_dot_never_joins_the_next_paragraph() {
    let text = "The embassy posted its warning on X.\n\nGreenpeace International called for calm.";
    assert!(
        has(text, "Greenpeace International", EntityType::Organization),
        "{:?}",
        typed(text)
    );
}
