use newsflow_model::RawDocument;

use super::*;

fn article(text: &str) -> Article {
    let doc = RawDocument::new("test", "mem://story", Vec::new());
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line {
            text: t,
            number: i as u64 + 1,
            blank_before: 0,
        })
        .collect();
    let context = StoryContext {
        doc: &doc,
        segment: 0,
        single_story: true,
    };
    build_article(&lines, &context)
}

#[test]
fn headline_byline_dateline_and_body() {
    let a = article(
        "Harbour town votes to rebuild its lighthouse\n\
         By Mara Quill and Ivo Brandt\n\
         ELM FORD, Maine, June 5 (Reuters) - The council voted 7-2 on Tuesday.\n\
         Work starts in May, the mayor told Reuters.",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour town votes to rebuild its lighthouse")
    );
    assert_eq!(a.byline, ["Mara Quill", "Ivo Brandt"]);
    assert_eq!(
        a.dateline.as_deref(),
        Some("ELM FORD, Maine, June 5 (Reuters) -")
    );
    assert_eq!(a.agencies, ["Reuters"]);
    assert_eq!(a.lede.as_deref(), Some("The council voted 7-2 on Tuesday."));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(
        a.body,
        format!("{}\n\n{}", a.paragraphs[0], a.paragraphs[1])
    );
    assert!(!a.truncated);
    assert_eq!(a.published_at, None, "no year in the dateline");
    assert_eq!(a.provenance.lines, Some([1, 4]));
    assert_eq!(a.provenance.parser, "plaintext/1");
}

#[test]
fn name_alone_under_headline_is_byline() {
    let a = article("Ferry returns after ten years\nMara Quill\nThe ferry sailed at dawn.");
    assert_eq!(a.byline, ["Mara Quill"]);
    assert_eq!(a.paragraphs, ["The ferry sailed at dawn."]);
}

#[test]
fn kicker_and_run_in_deck() {
    let a = article(
        "FLOOD ALERT: Rivers are rising faster than the old maps predicted, the mayor warned After a wet spring, the town moved its archive. Staff packed boxes",
    );
    assert_eq!(a.kicker.as_deref(), Some("FLOOD ALERT"));
    assert_eq!(
        a.deck.as_deref(),
        Some("Rivers are rising faster than the old maps predicted, the mayor warned")
    );
    assert_eq!(
        a.paragraphs,
        ["After a wet spring, the town moved its archive. Staff packed boxes"]
    );
    assert!(a.truncated);
    assert_eq!(a.title, None);
}

#[test]
fn credits_are_not_paragraphs() {
    let a = article(
        "The bridge reopened on Monday, officials told AFP.\nPhoto: Lakeside Gazette file photo\n\u{201C}It is safe,\u{201D} she said.",
    );
    assert_eq!(a.media_credits, ["Photo: Lakeside Gazette file photo"]);
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.agencies, ["AFP"]);
    assert!(!a.truncated, "closing quote after the full stop");
    assert_eq!(a.title, None, "a sentence is not a headline");
}

#[test]
fn dated_dateline_sets_published_at_and_hints_win() {
    let a = article("LIMA, 7 March 2024 (EFE) - Rain fell.");
    assert_eq!(
        a.published_at.map(|d| d.to_rfc3339()).as_deref(),
        Some("2024-03-07T00:00:00+00:00")
    );
    assert_eq!(a.agencies, ["EFE"]);
}

#[test]
fn headline_alone_is_not_a_title() {
    let a = article("Harbour town votes to rebuild its lighthouse");
    assert_eq!(a.title, None);
    assert_eq!(
        a.paragraphs,
        ["Harbour town votes to rebuild its lighthouse"]
    );
    assert!(a.truncated);
}

#[test]
fn truncation() {
    assert!(stops_mid_sentence("He walked to the"));
    assert!(stops_mid_sentence("He said \u{201C}we will"));
    assert!(!stops_mid_sentence("He left.\u{201D}"));
    assert!(!stops_mid_sentence("Why?)"));
    assert!(!stops_mid_sentence("And then\u{2026}"));
}
