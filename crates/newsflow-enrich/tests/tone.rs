mod language_support;
use language_support as common;

use newsflow_enrich::tone::{tone, ToneEnricher};
use newsflow_enrich::{EnrichError, Enricher};

#[test]
fn clearly_positive_text_scores_above_zero() {
    let t = tone("The festival was a wonderful success and visitors were happy, praising the excellent music.");
    assert!(t.score > 5.0, "{t:?}");
    assert!(t.positive > t.negative);
    assert_eq!(t.words, 14);
    assert!((t.polarity - (t.positive + t.negative)).abs() < 1e-9);
}

#[test]
fn clearly_negative_text_scores_below_zero() {
    let t = tone(
        "The attack killed dozens; terrified survivors described horrific violence and grief.",
    );
    assert!(t.score < -10.0, "{t:?}");
    assert!(t.negative > t.positive);
}

#[test]
fn negation_flips_a_word() {
    assert!(tone("The plan is good.").score > 0.0);
    assert!(tone("The plan is not good.").score < 0.0);
}

#[test]
fn empty_text_is_neutral() {
    let t = tone("");
    assert_eq!((t.score, t.words), (0.0, 0));
}

#[test]
fn other_languages_are_skipped_with_an_error() {
    let mut record = common::in_language(common::record("a", "Das ist gut."), "de");
    let err = ToneEnricher::new().enrich(&mut record).unwrap_err();
    assert!(matches!(err, EnrichError::UnsupportedLanguage { .. }));
    assert!(record.tone.is_none());
}
