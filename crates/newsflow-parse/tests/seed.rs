//! The canonical seed file (../shared/samples/seed-news.txt): third-party
//! text read at test time only, never copied into the repository.

use std::path::PathBuf;

use newsflow_model::{Article, RawDocument};
use newsflow_parse::text::parse_single_story;
use newsflow_parse::{parse, ParseLimits};

fn seed_bytes() -> Option<Vec<u8>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seed-news.txt");
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!("skipping: ../shared/samples/seed-news.txt not present");
            None
        }
    }
}

/// Lines `first..=last` of the seed as their own document, numbered as in
/// the file: one story, parsed without the segmenter.
fn seed_story(bytes: &[u8], first: u64, last: u64) -> Article {
    let text = std::str::from_utf8(bytes).expect("seed is UTF-8");
    let chunk: Vec<&str> = text
        .lines()
        .skip(first as usize - 1)
        .take((last - first + 1) as usize)
        .collect();
    let mut doc = RawDocument::new("seed", "seed-news.txt", chunk.join("\n").into_bytes());
    doc.first_line = first;
    parse_single_story(&doc, &ParseLimits::default()).expect("seed story parses")
}

/// Needs the real segmenter (crate::segment): fails on the count until it
/// finds all five stories.
#[test]
fn seed_has_five_articles_at_the_right_lines() {
    let Some(bytes) = seed_bytes() else { return };
    let doc = RawDocument::new("seed", "seed-news.txt", bytes);
    let articles = parse(&doc, &ParseLimits::default()).expect("seed parses");
    let starts: Vec<u64> = articles
        .iter()
        .map(|a| a.provenance.lines.expect("line-oriented")[0])
        .collect();
    assert_eq!(starts, [1, 22, 23, 24, 25], "story start lines");
    let truncated: Vec<bool> = articles.iter().map(|a| a.truncated).collect();
    assert_eq!(truncated, [false, true, true, true, true]);
    let segments: Vec<u32> = articles.iter().map(|a| a.provenance.segment).collect();
    assert_eq!(segments, [0, 1, 2, 3, 4]);
}

#[test]
fn seed_article_one_credit_and_agency() {
    let Some(bytes) = seed_bytes() else { return };
    let a = seed_story(&bytes, 1, 21);
    assert_eq!(a.media_credits, ["Photo: Reuters file photo"]);
    assert!(a.paragraphs.iter().all(|p| !p.starts_with("Photo:")));
    assert_eq!(a.paragraphs.len(), 20);
    assert_eq!(a.agencies, ["Reuters"]);
    assert!(!a.truncated);
    assert_eq!(a.title, None, "line 1 is a sentence, not a headline");
    assert_eq!(a.kicker, None);
    assert_eq!(a.deck, None);
    assert_eq!(a.provenance.lines, Some([1, 21]));
    assert!(a
        .lede
        .as_deref()
        .is_some_and(|l| l.ends_with("Fumio Kishida told Reuters.")));
    assert_eq!(a.body, a.paragraphs.join("\n\n"));
}

#[test]
fn seed_articles_two_to_four_are_truncated_single_paragraphs() {
    let Some(bytes) = seed_bytes() else { return };
    for line in [22, 23, 25] {
        let a = seed_story(&bytes, line, line);
        assert!(a.truncated, "line {line}");
        assert_eq!(a.paragraphs.len(), 1, "line {line}");
        assert_eq!(a.provenance.lines, Some([line, line]));
        assert_eq!(a.kicker, None, "line {line}");
        assert_eq!(a.deck, None, "line {line}");
    }
}

#[test]
fn seed_article_five_kicker_and_deck() {
    let Some(bytes) = seed_bytes() else { return };
    let a = seed_story(&bytes, 24, 24);
    assert_eq!(a.kicker.as_deref(), Some("NUCLEAR WARNING"));
    let deck = a.deck.as_deref().expect("deck");
    assert!(
        deck.starts_with("Elites are carelessly fomenting fear"),
        "{deck}"
    );
    assert!(deck.ends_with("Tulsi Gabbard said"), "{deck}");
    let lede = a.lede.as_deref().expect("lede");
    assert!(lede.starts_with("After a trip to Hiroshima"), "{lede}");
    assert!(!a.body.contains("NUCLEAR WARNING"));
    assert!(!a.body.contains(deck));
    assert!(a.truncated);
}
