//! Fixtures (invented text) and helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use newsflow_model::{
    Amount, Article, DateMention, EnrichedArticle, Entity, EntityType, Granularity, Keyword,
    Language, Mention, Place, Provenance, Quote, Subject, Tone,
};
use newsflow_runtime::AckTracker;

/// A plain article with no enrichment.
pub fn article(n: usize) -> EnrichedArticle {
    let paragraphs = vec![
        format!("The harbour council of Lowmere approved plan number {n} on Tuesday after a long night of debate about the sea wall, the ferry timetable and the price of moorings."),
        "Residents said the vote was closer than expected.".to_owned(),
    ];
    EnrichedArticle::from_article(Article {
        schema_version: newsflow_model::SCHEMA_VERSION,
        id: format!("{n:032x}"),
        source: "test".to_owned(),
        url: Some(format!("https://news.example/lowmere/{n}")),
        title: Some(format!("Lowmere council backs harbour plan {n}")),
        kicker: None,
        deck: None,
        dateline: None,
        lede: Some(paragraphs[0].clone()),
        byline: vec!["Ada Quill".to_owned()],
        agencies: Vec::new(),
        media_credits: Vec::new(),
        published_at: Some(
            Utc.with_ymd_and_hms(2024, 6, 5, 9, 30, 0)
                .single()
                .expect("date"),
        ),
        fetched_at: None,
        body: paragraphs.join("\n\n"),
        paragraphs,
        truncated: false,
        provenance: Provenance {
            parser: "plaintext/1".to_owned(),
            origin: "fixtures/lowmere.txt".to_owned(),
            segment: n as u32,
            lines: Some([1, 4]),
        },
    })
}

/// An article with every header and enrichment field filled.
pub fn enriched_article() -> EnrichedArticle {
    let mut record = article(7);
    let a = &mut record.article;
    a.kicker = Some("HARBOUR VOTE".to_owned());
    a.deck = Some("A divided council keeps the ferry running through winter".to_owned());
    a.dateline = Some("LOWMERE, June 5 (Coastwire) -".to_owned());
    a.agencies = vec!["Coastwire".to_owned()];
    a.media_credits = vec!["Photo: Coastwire/Ben Arlo".to_owned()];
    a.byline = vec!["Ada Quill".to_owned(), "Tom Reef".to_owned()];
    a.fetched_at = Some(
        Utc.with_ymd_and_hms(2024, 6, 5, 10, 0, 0)
            .single()
            .expect("date"),
    );
    a.truncated = true;
    let mention = |text: &str| Mention {
        start: 0,
        end: text.chars().count(),
        text: text.to_owned(),
        field: None,
    };
    record.language = Some(Language {
        code: "en".to_owned(),
        confidence: 0.97,
    });
    record.entities = vec![
        Entity {
            entity_type: EntityType::Person,
            name: "Mara Holt".to_owned(),
            roles: vec!["Harbour Master".to_owned()],
            mentions: vec![mention("Mara Holt")],
            salience: 0.8,
        },
        Entity {
            entity_type: EntityType::Organization,
            name: "Lowmere Harbour Council".to_owned(),
            roles: Vec::new(),
            mentions: vec![mention("harbour council")],
            salience: 0.6,
        },
        Entity {
            entity_type: EntityType::Place,
            name: "Gull Point".to_owned(),
            roles: Vec::new(),
            mentions: vec![mention("Gull Point")],
            salience: 0.2,
        },
    ];
    record.quotes = vec![
        Quote {
            text: "The ferry is the town's lifeline".to_owned(),
            start: 10,
            end: 42,
            speaker: Some("Mara Holt".to_owned()),
            cue: Some("said".to_owned()),
        },
        Quote {
            text: "We will not cut a single crossing".to_owned(),
            start: 50,
            end: 83,
            speaker: Some("Mara Holt".to_owned()),
            cue: Some("added".to_owned()),
        },
        Quote {
            text: "Nobody asked the fishermen".to_owned(),
            start: 90,
            end: 116,
            speaker: None,
            cue: None,
        },
    ];
    record.dates = vec![DateMention {
        text: "Tuesday".to_owned(),
        start: 60,
        end: 67,
        value: "2024-06-04".to_owned(),
        granularity: Granularity::Day,
        relative: true,
        field: None,
    }];
    record.amounts = vec![Amount {
        text: "$2.5 million".to_owned(),
        start: 70,
        end: 82,
        value: 2_500_000.0,
        unit: Some("USD".to_owned()),
        field: None,
    }];
    record.places = vec![
        Place {
            name: "Lowmere".to_owned(),
            country_code: Some("GB".to_owned()),
            lat: Some(50.1),
            lon: Some(-5.2),
            kind: "city".to_owned(),
        },
        Place {
            name: "North Sea".to_owned(),
            country_code: None,
            lat: None,
            lon: None,
            kind: "region".to_owned(),
        },
    ];
    record.keywords = vec![
        Keyword {
            term: "ferry".to_owned(),
            score: 0.9,
        },
        Keyword {
            term: "sea wall".to_owned(),
            score: 0.5,
        },
    ];
    record.subjects = vec![Subject {
        code: "medtop:11000000".to_owned(),
        name: "politics".to_owned(),
        score: 0.72,
    }];
    record.tone = Some(Tone {
        score: -0.5,
        positive: 1.0,
        negative: 1.5,
        polarity: 2.5,
        words: 48,
    });
    record
}

pub fn shared(record: EnrichedArticle) -> Arc<EnrichedArticle> {
    Arc::new(record)
}

/// Sink files of `dir` in name order.
pub fn sink_files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".jsonl")
        })
        .collect();
    files.sort();
    files
}

/// Every line of every sink file of `dir`, in file-name order.
pub fn all_lines(dir: &Path, prefix: &str) -> Vec<String> {
    sink_files(dir, prefix)
        .iter()
        .flat_map(|f| {
            let text = fs::read_to_string(f).expect("read file");
            assert!(
                text.is_empty() || text.ends_with('\n'),
                "{} ends mid-line",
                f.display()
            );
            text.lines().map(str::to_owned).collect::<Vec<_>>()
        })
        .collect()
}

/// Waits until some position of `tracker` is committed; panics after 10 s.
/// (Polls: `AckTracker::changed` registers only when first polled.)
pub async fn wait_committed(tracker: &Arc<AckTracker<u8, u64>>) -> Vec<u64> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let committed = tracker.take_committed();
        if !committed.is_empty() {
            return committed.into_iter().map(|c| c.position).collect();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "nothing committed within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}
