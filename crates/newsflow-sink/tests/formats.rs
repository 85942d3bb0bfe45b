//! The pure renderers.

mod common;

use common::{article, enriched_article};
use newsflow_model::EnrichedArticle;
use newsflow_sink::format::{render, to_json_line, to_ninjs, to_pretty, WRAP_COLUMNS};
use newsflow_sink::OutputFormat;

#[test]
fn json_line_is_the_native_record_on_one_line() {
    let record = enriched_article();
    let line = to_json_line(&record).expect("json");
    assert!(!line.contains('\n'));
    let back: EnrichedArticle = serde_json::from_str(&line).expect("parse back");
    assert_eq!(back, record);
    assert_eq!(render(&record, OutputFormat::Json).expect("render"), line);
}

#[test]
fn pretty_shows_the_title_and_wrapped_paragraphs() {
    let record = article(3);
    let text = to_pretty(&record);
    assert!(
        text.starts_with("Lowmere council backs harbour plan 3\n====="),
        "{text}"
    );
    assert!(text.contains("By: Ada Quill"));
    assert!(text.contains("Published: 2024-06-05T09:30:00Z"));
    assert!(text.contains("Lines: 1-4 of fixtures/lowmere.txt"));
    for line in text.lines() {
        assert!(
            line.chars().count() <= WRAP_COLUMNS,
            "line too long: {line:?}"
        );
    }
    // The first paragraph is longer than one line, so it was wrapped; its
    // words all survive in order.
    let body: Vec<&str> = text.lines().filter(|l| l.starts_with("    ")).collect();
    assert!(body.len() >= 3, "{text}");
    let joined = body.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    assert_eq!(joined, record.article.paragraphs.join(" "));
    // No enrichment: no enrichment sections.
    for label in [
        "People:",
        "Places:",
        "Quotes:",
        "Subjects:",
        "Tone:",
        "Truncated:",
    ] {
        assert!(!text.contains(label), "{label} shown without data");
    }
}

#[test]
fn pretty_shows_the_enrichment_when_present() {
    let text = to_pretty(&enriched_article());
    for expected in [
        "Kicker: HARBOUR VOTE",
        "Deck: A divided council keeps the ferry running through winter",
        "Dateline: LOWMERE, June 5 (Coastwire) -",
        "Agencies: Coastwire",
        "Credits: Photo: Coastwire/Ben Arlo",
        "Language: en (0.97)",
        "Truncated: yes",
        "People: Mara Holt (Harbour Master)",
        "Organisations: Lowmere Harbour Council",
        "Places: Lowmere (GB), North Sea",
        "Dates: \"Tuesday\" = 2024-06-04",
        "Amounts: \"$2.5 million\" = 2500000 USD",
        "Keywords: ferry, sea wall",
        "Subjects: politics (medtop:11000000)",
        "Tone: -0.50",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Quotes are grouped by speaker, unattributed last.
    let quotes = &text[text.find("Quotes:").expect("quotes section")..];
    let holt = quotes.find("  Mara Holt:").expect("speaker");
    let first = quotes.find("lifeline").expect("first quote");
    let second = quotes.find("single crossing").expect("second quote");
    let anonymous = quotes.find("(unattributed):").expect("unattributed");
    assert!(
        holt < first && first < second && second < anonymous,
        "{quotes}"
    );
    assert_eq!(quotes.matches("Mara Holt:").count(), 1);
}

#[test]
fn ninjs_maps_the_article_fields() {
    let record = article(4);
    let ninjs = to_ninjs(&record);
    assert_eq!(ninjs["uri"], format!("urn:newsflow:{}", record.article.id));
    assert_eq!(ninjs["type"], "text");
    assert_eq!(
        ninjs["headlines"][0]["value"],
        "Lowmere council backs harbour plan 4"
    );
    assert_eq!(ninjs["bodies"][0]["value"], record.article.body.as_str());
    assert_eq!(
        ninjs["descriptions"][0]["value"],
        record.article.paragraphs[0].as_str()
    );
    assert_eq!(ninjs["firstcreated"], "2024-06-05T09:30:00Z");
    assert_eq!(
        ninjs["altids"][1]["value"],
        "https://news.example/lowmere/4"
    );
    assert!(ninjs.get("people").is_none(), "no empty arrays");
    assert!(ninjs.get("language").is_none());
}
