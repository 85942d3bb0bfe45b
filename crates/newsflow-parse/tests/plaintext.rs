//! Plain-text parsing end to end on fixtures we wrote (fictional articles).

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use newsflow_model::{record_id, Article, RawDocument, SCHEMA_VERSION};
use newsflow_parse::text::parse_single_story;
use newsflow_parse::{detect_format, parse, Format, ParseError, ParseLimits};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn doc(bytes: Vec<u8>) -> RawDocument {
    RawDocument::new("fixtures", "fixtures/test.txt", bytes)
}

fn parse_bytes(bytes: Vec<u8>) -> Result<Vec<Article>, ParseError> {
    parse(&doc(bytes), &ParseLimits::default())
}

fn harbour() -> Article {
    parse_single_story(&doc(fixture("harbour-story.txt")), &ParseLimits::default())
        .expect("fixture parses")
}

#[test]
fn headline_byline_dateline_story() {
    let a = harbour();
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour town votes to rebuild its old lighthouse")
    );
    assert_eq!(a.byline, ["Mara Quill", "Ivo Brandt"]);
    assert_eq!(
        a.dateline.as_deref(),
        Some("ELM FORD, Maine, June 5 (Reuters) -")
    );
    assert_eq!(a.agencies, ["Reuters"]);
    assert_eq!(a.media_credits, ["Photo: Lakeside Gazette file photo"]);
    assert_eq!(a.paragraphs.len(), 4);
    assert!(a.paragraphs[0].starts_with("The town council of Elm Ford voted 7-2"));
    assert_eq!(a.lede.as_deref(), Some(a.paragraphs[0].as_str()));
    assert_eq!(
        a.paragraphs[1],
        "\u{201C}We owe it to the fishermen,\u{201D} council chair Dora Penhallow told Reuters after the vote."
    );
    assert_eq!(a.body, a.paragraphs.join("\n\n"));
    assert!(!a.truncated);
    assert_eq!(a.published_at, None, "June 5 without a year is ambiguous");
    assert_eq!(a.provenance.lines, Some([1, 7]));
    assert_eq!(a.provenance.origin, "fixtures/test.txt");
    assert_eq!(a.schema_version, SCHEMA_VERSION);
    assert_eq!(a.source, "fixtures");
    assert_eq!(a.id, record_id(None, &a.body));
}

#[test]
fn line_endings_and_encodings_give_the_same_story() {
    let utf8 = fixture("harbour-story.txt");
    let text = String::from_utf8(utf8.clone()).expect("fixture is UTF-8");
    let expected = harbour();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&utf8);
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let variants = [
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        ("lone cr", text.replace('\n', "\r").into_bytes()),
        ("bom", with_bom),
        ("utf-16le", utf16le),
        ("utf-16be", utf16be),
    ];
    for (name, bytes) in variants {
        let got = parse_single_story(&doc(bytes), &ParseLimits::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.paragraphs, expected.paragraphs, "{name}");
        assert_eq!(got.title, expected.title, "{name}");
        assert_eq!(got.provenance.lines, expected.provenance.lines, "{name}");
        assert_eq!(got.id, expected.id, "{name}");
    }
}

#[test]
fn windows_1252_bytes_are_decoded() {
    let bytes = b"Caf\xE9 owners in Elm Ford say \x93we stay open\x94 all winter\r\n\
The owner of the Caf\xE9 Brise, Jo\xEBl Marin, said the town\x92s visitors \x96 mostly hikers \x96 keep coming.\r\n"
        .to_vec();
    let articles = parse_bytes(bytes).expect("parses");
    let all: Vec<&String> = articles.iter().flat_map(|a| &a.paragraphs).collect();
    let titles: Vec<&str> = articles.iter().filter_map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        ["Caf\u{e9} owners in Elm Ford say \u{201C}we stay open\u{201D} all winter"]
    );
    assert_eq!(
        all,
        ["The owner of the Caf\u{e9} Brise, Jo\u{eb}l Marin, said the town\u{2019}s visitors \u{2013} mostly hikers \u{2013} keep coming."]
    );
}

#[test]
fn whitespace_is_normalised_inside_paragraphs() {
    let bytes = "The \t mayor\u{a0}said \u{2018}no\u{2019}  and \"maybe\".\u{3000}\n"
        .as_bytes()
        .to_vec();
    let a = parse_single_story(&doc(bytes), &ParseLimits::default()).expect("parses");
    assert_eq!(
        a.paragraphs,
        ["The mayor said \u{2018}no\u{2019} and \"maybe\"."]
    );
}

/// The glued fixture's blank-line separated blocks, each parsed as one
/// story (no segmenter), numbered as in the file.
fn glued_blocks() -> Vec<Article> {
    let text = String::from_utf8(fixture("glued-blank-lines.txt")).expect("UTF-8");
    let mut first_line = 1;
    let mut stories = Vec::new();
    for block in text.split("\n\n") {
        let mut chunk = doc(block.as_bytes().to_vec());
        chunk.first_line = first_line;
        stories.push(parse_single_story(&chunk, &ParseLimits::default()).expect("parses"));
        first_line += block.lines().count() as u64 + 1;
    }
    stories
}

#[test]
fn glued_stories_fields() {
    let stories = glued_blocks();
    let [ferry, orchard, frost] = stories.as_slice() else {
        panic!("three blocks expected, got {}", stories.len());
    };
    assert_eq!(
        ferry.title.as_deref(),
        Some("Ferry service returns to Gull Island after ten years")
    );
    assert_eq!(ferry.byline, ["Tomas Reyes"]);
    assert_eq!(
        ferry.dateline.as_deref(),
        Some("GULL ISLAND, Nov. 3 (AFP) -")
    );
    assert_eq!(ferry.agencies, ["AFP"]);
    assert_eq!(ferry.paragraphs.len(), 3);
    assert_eq!(ferry.provenance.lines, Some([1, 5]));
    assert!(!ferry.truncated);
    assert_eq!(
        orchard.title.as_deref(),
        Some("Orchard growers warn of a thin apple harvest")
    );
    assert_eq!(orchard.byline, ["Hanna Lind"]);
    assert_eq!(orchard.agencies, ["Kyodo"]);
    assert_eq!(
        orchard.dateline.as_deref(),
        Some("PINE VALLEY, 12 April 2024 -")
    );
    assert_eq!(
        orchard.media_credits,
        ["Image: frost on apple blossoms at dawn"]
    );
    assert_eq!(
        orchard.published_at,
        Some(Utc.with_ymd_and_hms(2024, 4, 12, 0, 0, 0).unwrap())
    );
    assert_eq!(orchard.provenance.lines, Some([7, 12]));
    assert_eq!(frost.title, None);
    assert_eq!(frost.kicker.as_deref(), Some("FROST WARNING"));
    assert!(frost
        .deck
        .as_deref()
        .is_some_and(|d| d.ends_with("the co-op chair said")));
    assert!(frost
        .lede
        .as_deref()
        .is_some_and(|l| l.starts_with("After three nights")));
    assert!(frost.truncated);
    assert_eq!(frost.provenance.lines, Some([14, 14]));
}

/// Needs the segmenter (crate::segment) to split at the blank lines
/// between stories; the fields of each story are checked above.
#[test]
fn glued_fixture_splits_into_three_stories() {
    let articles = parse_bytes(fixture("glued-blank-lines.txt")).expect("parses");
    let starts: Vec<u64> = articles
        .iter()
        .map(|a| a.provenance.lines.expect("line-oriented")[0])
        .collect();
    assert_eq!(starts, [1, 7, 14]);
    let expected: Vec<Vec<String>> = glued_blocks().into_iter().map(|a| a.paragraphs).collect();
    let got: Vec<Vec<String>> = articles.into_iter().map(|a| a.paragraphs).collect();
    assert_eq!(got, expected);
}

#[test]
fn chunk_line_numbers_and_transport_hints() {
    let mut chunk = doc(fixture("harbour-story.txt"));
    chunk.first_line = 101;
    chunk.hints.link = Some("https://news.example/elm-ford/lighthouse?utm_source=feed".into());
    chunk.hints.published_at = Some(Utc.with_ymd_and_hms(2024, 6, 5, 9, 30, 0).unwrap());
    let a = parse_single_story(&chunk, &ParseLimits::default()).expect("parses");
    assert_eq!(a.provenance.lines, Some([101, 107]));
    assert_eq!(a.url.as_deref(), chunk.hints.link.as_deref());
    assert_eq!(
        a.id,
        record_id(Some("https://news.example/elm-ford/lighthouse"), "")
    );
    assert_eq!(a.published_at, chunk.hints.published_at);
    assert_eq!(a.fetched_at, Some(chunk.fetched_at));
}

#[test]
fn binary_garbage_is_rejected() {
    // A made-up archive header followed by pseudo-random bytes.
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    let mut state = 0x2545_f491u32;
    bytes.extend((0..4096).map(|_| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as u8
    }));
    assert_eq!(detect_format(&doc(bytes.clone())).ok(), None);
    let err = parse_bytes(bytes).unwrap_err();
    assert!(matches!(err, ParseError::Binary { .. }), "{err}");
    assert!(err.to_string().contains("NUL byte at offset 5"), "{err}");
}

#[test]
fn control_heavy_text_is_binary() {
    let bytes = b"\x1b[31mred\x1b[0m\x07\x08\x1b[1m bold \x1b[0m\x01\x02".to_vec();
    let err = parse_bytes(bytes).unwrap_err();
    assert!(err.to_string().contains("control characters"), "{err}");
}

#[test]
fn empty_and_whitespace_only_are_empty() {
    for name in ["empty.txt", "whitespace-only.txt"] {
        let err = parse_bytes(fixture(name)).unwrap_err();
        assert!(matches!(err, ParseError::Empty), "{name}: {err}");
    }
}

#[test]
fn limits_are_clear_errors() {
    let limits = ParseLimits {
        max_document_bytes: 100,
        ..ParseLimits::default()
    };
    let err = parse(&doc(fixture("harbour-story.txt")), &limits).unwrap_err();
    assert!(err.to_string().contains("max_document_bytes"), "{err}");
    let limits = ParseLimits {
        max_line_bytes: 120,
        ..ParseLimits::default()
    };
    let err = parse(&doc(fixture("harbour-story.txt")), &limits).unwrap_err();
    assert!(
        matches!(err, ParseError::LineTooLong { line: 3, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("max_line_bytes"), "{err}");
}

#[test]
fn plain_text_is_detected() {
    let detected = detect_format(&doc(fixture("harbour-story.txt"))).expect("text");
    assert_eq!(detected, Format::PlainText);
}

#[test]
fn one_story_per_document_skips_segmentation() {
    let limits = ParseLimits {
        one_story_per_document: true,
        ..ParseLimits::default()
    };
    let articles = parse(&doc(fixture("glued-blank-lines.txt")), &limits).expect("parses");
    assert_eq!(articles.len(), 1, "the whole document is one article");
    let lines = articles[0].provenance.lines.expect("line-oriented");
    assert_eq!(lines[0], 1);
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Ferry service returns to Gull Island after ten years")
    );
}

#[test]
fn a_dateline_alone_on_its_line_opens_the_body_after_it() {
    // A headline ending in a full stop, then the dateline on a line of its
    // own, then a body that changes subject halfway: one story, whatever the
    // segmenter makes of the rest, never a story of headline and dateline.
    let text = "Harbour board says ferry fares must rise.\n\
                GULL ISLAND 1997-03-02\n\
                The harbour board said on Sunday that ferry fares would rise by a fifth in the spring.\n\
                \"We cannot run the boats at a loss,\" the board's chairman, Ivo Brandt, told reporters.\n\
                Fishermen on the island said the rise would hit them hardest.\n";
    let articles = parse_bytes(text.as_bytes().to_vec()).expect("parses");
    for a in &articles {
        assert!(
            !a.paragraphs.is_empty(),
            "no story is only a headline and a dateline: {articles:#?}"
        );
    }
    assert_eq!(
        articles[0].dateline.as_deref(),
        Some("GULL ISLAND 1997-03-02")
    );
}

#[test]
fn an_article_headed_once_is_one_story_though_its_subject_turns() {
    // One headline and dateline at the top, no other story's head below:
    // the turn from the board to the fishermen's union is not a new story.
    let text = "Harbour board raises ferry fares by a fifth\n\
                \n\
                GULL ISLAND, March 2 (Reuters) - The harbour board said on Sunday that ferry fares would rise by a fifth in the spring.\n\
                \n\
                \"We cannot run the boats at a loss,\" the board's chairman, Ivo Brandt, told reporters.\n\
                \n\
                The island's fishermen's union called a meeting for Thursday. Its members voted last year to strike over quotas and pay.\n\
                \n\
                \"Our members will decide together,\" union secretary Lena Markov said, adding that catches had fallen for a third year.\n";
    let articles = parse_bytes(text.as_bytes().to_vec()).expect("parses");
    assert_eq!(articles.len(), 1, "{articles:#?}");
    assert_eq!(articles[0].paragraphs.len(), 4);
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Harbour board raises ferry fares by a fifth")
    );
}

#[test]
fn a_body_laid_out_with_one_blank_line_between_paragraphs_is_one_story() {
    // How web extraction hands over one article: no headline, paragraphs
    // one blank line apart, a subhead, and a subject that turns midway.
    let text = "The harbour board said on Sunday that ferry fares would rise by a fifth in the spring, the first rise in six years.\n\
                \n\
                Board members voted seven to two for the plan after a long meeting in the town hall on Saturday night.\n\
                \n\
                What changes for riders\n\
                \n\
                Season tickets for islanders keep their price until the autumn, the board said.\n\
                \n\
                Fishermen on the island meanwhile voted to strike over new quotas, which they say halve their catch of cod and haddock.\n\
                \n\
                Their union said talks with the fisheries agency would resume on Thursday.\n";
    let articles = parse_bytes(text.as_bytes().to_vec()).expect("parses");
    assert_eq!(articles.len(), 1, "{articles:#?}");
    assert_eq!(
        articles[0].paragraphs.len(),
        6,
        "five paragraphs and the subhead"
    );
}
