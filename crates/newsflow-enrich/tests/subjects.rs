mod language_support;
use language_support as common;

use newsflow_enrich::subjects::{subjects, SubjectEnricher};
use newsflow_enrich::{EnrichError, Enricher};

fn top(title: &str, body: &str) -> String {
    subjects(title, body)
        .first()
        .map(|s| s.code.clone())
        .unwrap_or_default()
}

#[test]
fn clear_articles_get_their_topic_first() {
    assert_eq!(
        top("Striker seals cup win", "The striker scored twice as the home team beat their rivals in the league match, and the coach praised his players after the final whistle."),
        "medtop:15000000"
    );
    assert_eq!(
        top("Bank raises interest rates", "The central bank raised interest rates again as inflation climbed, and shares fell while investors worried about company profits and economic growth."),
        "medtop:04000000"
    );
    assert_eq!(
        top("Minister faces vote", "The prime minister faces a vote in parliament after opposition MPs attacked the government's election promises and the party leadership."),
        "medtop:11000000"
    );
    assert_eq!(
        top("Quake toll rises", "Rescuers searched the rubble after the earthquake, and the death toll rose as survivors were evacuated from the ruined town."),
        "medtop:03000000"
    );
}

#[test]
fn scores_are_shares_best_first() {
    let found = subjects("Film star sues studio", "The actor took the film studio to court, and a judge will hear the lawsuit over the movie's box office earnings.");
    assert!(!found.is_empty() && found.len() <= 3);
    let sum: f64 = found.iter().map(|s| s.score).sum();
    assert!(sum <= 1.0 + 1e-9);
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(found
        .iter()
        .all(|s| s.code.starts_with("medtop:") && !s.name.is_empty()));
}

#[test]
fn no_evidence_no_subject() {
    assert!(subjects("", "It was what it was.").is_empty());
}

#[test]
fn other_languages_are_skipped() {
    let mut record = common::in_language(
        common::record("x", "El partido de fútbol terminó en empate."),
        "es",
    );
    let err = SubjectEnricher::new().enrich(&mut record).unwrap_err();
    assert!(matches!(err, EnrichError::UnsupportedLanguage { .. }));
}

#[test]
fn bbc_dev_accuracy_when_present() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc-dev");
    let Ok(index) = std::fs::read_to_string(dir.join("index.tsv")) else {
        eprintln!("skipping: ../shared/corpus/bbc-dev not present");
        return;
    };
    let (mut right, mut total) = (0, 0);
    for line in index.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let expected = match cols.get(1) {
            Some(&"business") => "medtop:04000000",
            Some(&"entertainment") => "medtop:01000000",
            Some(&"politics") => "medtop:11000000",
            Some(&"sport") => "medtop:15000000",
            Some(&"tech") => "medtop:13000000",
            _ => continue,
        };
        let text = std::fs::read_to_string(dir.join(cols[0])).unwrap();
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        total += 1;
        right += usize::from(top(title, body) == expected);
    }
    let accuracy = right as f64 / total as f64;
    assert!(
        accuracy >= 0.85,
        "top-1 accuracy {accuracy:.3} on {total} articles"
    );
}
