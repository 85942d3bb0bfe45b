//! Dates and amounts in the headline and dateline carry `field` and offsets
//! into that field (the record contract), next to the body's.

#[path = "common_article.rs"]
mod common_article;

use common_article::article;
use newsflow_enrich::amounts::AmountEnricher;
use newsflow_enrich::dates::DateEnricher;
use newsflow_enrich::Enricher;

#[test]
fn headline_and_dateline_dates_and_amounts_carry_their_field() {
    let mut record = article(
        Some("Oil tops $60 a barrel for the first time since 2008"),
        &["Prices rose on Tuesday as traders bought 2 million barrels."],
    );
    record.article.dateline = Some("LONDON, June 5, 2024".to_owned());
    DateEnricher::new(chrono::NaiveDate::from_ymd_opt(2024, 6, 5))
        .enrich(&mut record)
        .unwrap();
    AmountEnricher::new().enrich(&mut record).unwrap();

    let title = record.article.title.clone().unwrap();
    let dates: Vec<(Option<&str>, &str, &str)> = record
        .dates
        .iter()
        .map(|d| (d.field.as_deref(), d.text.as_str(), d.value.as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            (None, "Tuesday", "2024-06-04"),
            (Some("title"), "2008", "2008"),
            (Some("dateline"), "June 5, 2024", "2024-06-05"),
        ]
    );
    let in_title = record
        .dates
        .iter()
        .find(|d| d.field.as_deref() == Some("title"))
        .unwrap();
    let chars: Vec<char> = title.chars().collect();
    assert_eq!(
        chars[in_title.start..in_title.end]
            .iter()
            .collect::<String>(),
        "2008"
    );

    let amounts: Vec<(Option<&str>, f64, Option<&str>)> = record
        .amounts
        .iter()
        .map(|a| (a.field.as_deref(), a.value, a.unit.as_deref()))
        .collect();
    assert_eq!(
        amounts,
        [
            (None, 2e6, Some("barrels")),
            (Some("title"), 60.0, Some("USD"))
        ]
    );
}
