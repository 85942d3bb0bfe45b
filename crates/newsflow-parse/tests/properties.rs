//! Properties: parsing never panics, and what comes out as paragraphs is
//! the input's own text, in order, with nothing invented.

use newsflow_model::RawDocument;
use newsflow_parse::text::lines::is_space_like;
use newsflow_parse::{parse, ParseLimits};
use proptest::prelude::*;

fn words(text: &str) -> Vec<&str> {
    text.split(is_space_like)
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `needle` appears in `haystack` in order (gaps allowed).
fn is_subsequence(needle: &[&str], haystack: &[&str]) -> bool {
    let mut rest = haystack.iter();
    needle
        .iter()
        .all(|word| rest.any(|candidate| candidate == word))
}

/// Words, capitalised words, all-caps lead-ins, datelines, credits and
/// punctuation glued with spaces, tabs, NBSPs and line breaks.
fn newsy_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[a-z]{1,8}",
        "[A-Z][a-z]{1,8}",
        "[A-Z]{2,8}:",
        Just("TOKYO, June 5 (Reuters) -".to_owned()),
        Just("By Mara Quill".to_owned()),
        Just("Photo: Gazette".to_owned()),
        Just("told Reuters".to_owned()),
        Just("said After a".to_owned()),
        "[.,!?\u{201C}\u{201D}\"'-]",
        "[0-9]{1,4}",
    ];
    let separator = prop_oneof![
        6 => Just(" "),
        1 => Just("\n"),
        1 => Just("\n\n"),
        1 => Just("\r\n"),
        1 => Just("\t"),
        1 => Just("\u{a0}"),
        1 => Just(". "),
    ];
    prop::collection::vec((token, separator), 0..120).prop_map(|pairs| {
        pairs
            .into_iter()
            .flat_map(|(token, sep)| [token, sep.to_owned()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let doc = RawDocument::new("prop", "prop", bytes);
        let _ = parse(&doc, &ParseLimits::default());
    }

    #[test]
    fn paragraphs_are_a_faithful_subsequence(text in newsy_text()) {
        let doc = RawDocument::new("prop", "prop", text.clone().into_bytes());
        let Ok(articles) = parse(&doc, &ParseLimits::default()) else {
            // Only whitespace-only input may fail.
            prop_assert!(words(&text).is_empty(), "failed on {text:?}");
            return Ok(());
        };
        let input = words(&text);
        let output: Vec<&str> = articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .flat_map(|p| words(p))
            .collect();
        prop_assert!(is_subsequence(&output, &input), "{output:?}\nnot in\n{input:?}");
        for article in &articles {
            prop_assert_eq!(&article.body, &article.paragraphs.join("\n\n"));
            prop_assert!(article.paragraphs.iter().all(|p| !p.is_empty() && p.trim() == p));
            prop_assert_eq!(article.lede.as_ref(), article.paragraphs.first());
        }
    }
}

#[test]
fn subsequence_helper_detects_invented_words() {
    assert!(is_subsequence(&["a", "c"], &["a", "b", "c"]));
    assert!(!is_subsequence(&["c", "a"], &["a", "b", "c"]));
    assert!(!is_subsequence(&["d"], &["a", "b", "c"]));
}
