//! Place enricher: geocoding and context disambiguation.

#[path = "common_article.rs"]
mod common_article;

use common_article::article;
use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::places::PlaceEnricher;
use newsflow_enrich::Enricher;

fn places(paragraphs: &[&str]) -> Vec<newsflow_model::Place> {
    let mut record = article(None, paragraphs);
    EntityEnricher::new().enrich(&mut record).unwrap();
    PlaceEnricher::new().enrich(&mut record).unwrap();
    record.places
}

fn place<'a>(ps: &'a [newsflow_model::Place], name: &str) -> &'a newsflow_model::Place {
    ps.iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no place {name}: {ps:#?}"))
}

#[test]
fn countries_cities_and_demonyms_are_geocoded() {
    let ps = places(&["Japanese officials flew from Tokyo to the U.S. and then to Kyiv."]);
    let japan = place(&ps, "Japan");
    assert_eq!(
        (japan.country_code.as_deref(), japan.kind.as_str()),
        (Some("JP"), "country")
    );
    let tokyo = place(&ps, "Tokyo");
    assert_eq!(
        (tokyo.country_code.as_deref(), tokyo.kind.as_str()),
        (Some("JP"), "city")
    );
    assert!((tokyo.lat.unwrap() - 35.69).abs() < 0.1 && (tokyo.lon.unwrap() - 139.69).abs() < 0.1);
    assert_eq!(
        place(&ps, "United States").country_code.as_deref(),
        Some("US")
    );
    assert_eq!(place(&ps, "Kyiv").country_code.as_deref(), Some("UA"));
}

#[test]
fn georgia_and_washington_follow_context() {
    let us = places(&["Voters in Georgia and Texas lined up early, officials in Atlanta said."]);
    assert_eq!(place(&us, "Georgia").country_code.as_deref(), Some("US"));
    assert_eq!(place(&us, "Georgia").kind, "region");
    let caucasus = places(&["Georgia and Armenia signed a trade deal in Tbilisi."]);
    assert_eq!(
        place(&caucasus, "Georgia").country_code.as_deref(),
        Some("GE")
    );
    let capital = places(&["Officials in Washington and Beijing traded accusations."]);
    assert_eq!(place(&capital, "Washington").kind, "city");
    let state = places(&["Wildfires spread across Washington state, near Seattle."]);
    assert_eq!(place(&state, "Washington").kind, "region");
}
