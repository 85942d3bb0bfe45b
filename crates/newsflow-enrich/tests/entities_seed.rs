//! Entities and quote speakers on the seed's first article against our own
//! gold offsets (tests/fixtures/seed_article1_gold.tsv). Reads the seed text
//! from ../shared when present.

use std::collections::HashSet;
use std::path::PathBuf;

use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::quotes::QuoteEnricher;
use newsflow_enrich::Enricher;
use newsflow_model::{Article, EnrichedArticle, EntityType};

fn article(paragraphs: Vec<String>) -> EnrichedArticle {
    let mut article = Article::from_paragraphs("test", "seed", paragraphs);
    article.id = "seed-1".into();
    EnrichedArticle::from_article(article)
}

struct Gold {
    entities: Vec<(usize, usize, String, String)>,
    quotes: Vec<(usize, usize, String)>,
}

/// Seed article 1 as body paragraphs (line 4, a photo credit, left out) and
/// the gold mapped to body code points. `None` when ../shared is absent.
fn seed() -> Option<(EnrichedArticle, Gold)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../../../shared/samples/seed-news.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        println!("skipping: ../shared/samples/seed-news.txt not present");
        return None;
    };
    let lines: Vec<&str> = text.lines().collect();
    let body_lines: Vec<usize> = (1..=21).filter(|&l| l != 4).collect();
    let mut offset_of_line = std::collections::HashMap::new();
    let mut offset = 0;
    for &l in &body_lines {
        offset_of_line.insert(l, offset);
        offset += lines[l - 1].chars().count() + 2;
    }
    let paragraphs = body_lines
        .iter()
        .map(|&l| lines[l - 1].to_owned())
        .collect();
    let gold_text =
        std::fs::read_to_string(root.join("tests/fixtures/seed_article1_gold.tsv")).unwrap();
    let mut gold = Gold {
        entities: vec![],
        quotes: vec![],
    };
    for row in gold_text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = row.split('\t').collect();
        let base = offset_of_line[&cols[1].parse::<usize>().unwrap()];
        let (s, e) = (
            base + cols[2].parse::<usize>().unwrap(),
            base + cols[3].parse::<usize>().unwrap(),
        );
        match cols[0] {
            "entity" => gold
                .entities
                .push((s, e, cols[4].to_owned(), cols[5].to_owned())),
            "quote" => gold.quotes.push((s, e, cols[4].to_owned())),
            other => panic!("unknown gold row {other}"),
        }
    }
    Some((article(paragraphs), gold))
}

fn type_label(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "PER",
        EntityType::Organization => "ORG",
        EntityType::Place => "LOC",
        EntityType::Other => "MISC",
    }
}

#[test]
fn seed_entities_match_gold() {
    let Some((mut record, gold)) = seed() else {
        return;
    };
    EntityEnricher::new().enrich(&mut record).unwrap();
    // Every body mention as (start, end, type, canonical); demonyms are place mentions.
    let chars: Vec<char> = record.article.body.chars().collect();
    let mut predicted = HashSet::new();
    for e in &record.entities {
        for m in e.mentions.iter().filter(|m| m.field.is_none()) {
            assert_eq!(
                chars[m.start..m.end].iter().collect::<String>(),
                m.text,
                "offsets are code points"
            );
            predicted.insert((
                m.start,
                m.end,
                type_label(e.entity_type).to_owned(),
                e.name.clone(),
            ));
        }
    }
    let expected: HashSet<(usize, usize, String, String)> = gold
        .entities
        .iter()
        .map(|(s, e, t, n)| {
            (
                *s,
                *e,
                if t == "DEM" {
                    "LOC".to_owned()
                } else {
                    t.clone()
                },
                n.clone(),
            )
        })
        .collect();
    let tp = predicted.intersection(&expected).count();
    let (p, r) = (
        tp as f64 / predicted.len() as f64,
        tp as f64 / expected.len() as f64,
    );
    let f1 = 2.0 * p * r / (p + r);
    for miss in expected.difference(&predicted) {
        println!(
            "missed {miss:?} {:?}",
            chars[miss.0..miss.1].iter().collect::<String>()
        );
    }
    for extra in predicted.difference(&expected) {
        println!("extra {extra:?}");
    }
    println!("seed article 1 entity mentions (span+type+canonical): P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(f1 >= 0.9, "F1 {f1:.3}");
    let kishida = record
        .entities
        .iter()
        .find(|e| e.name == "Fumio Kishida")
        .expect("Kishida canonical");
    assert!(
        kishida.roles.iter().any(|r| r == "Prime Minister"),
        "roles {:?}",
        kishida.roles
    );
    assert_eq!(kishida.mentions.len(), 4);
    let japan = record.entities.iter().find(|e| e.name == "Japan").unwrap();
    assert!(
        japan.mentions.iter().any(|m| m.text == "Japanese"),
        "demonym counts as a mention of Japan"
    );
    assert!(record.entities.iter().all(|e| e.name != "Japanese"));
    let nato = record.entities.iter().find(|e| e.name == "NATO").unwrap();
    assert_eq!(nato.entity_type, EntityType::Organization);
}

#[test]
fn seed_quotes_have_the_right_speakers() {
    let Some((mut record, gold)) = seed() else {
        return;
    };
    EntityEnricher::new().enrich(&mut record).unwrap();
    QuoteEnricher::new().enrich(&mut record).unwrap();
    let mut correct = 0;
    for (s, e, speaker) in &gold.quotes {
        let found = record.quotes.iter().find(|q| q.start == *s && q.end == *e);
        let got = found.and_then(|q| q.speaker.clone());
        println!(
            "quote {s}..{e}: expected {speaker}, got {got:?} (cue {:?})",
            found.and_then(|q| q.cue.clone())
        );
        if got.as_deref() == Some(speaker.as_str()) {
            correct += 1;
        }
    }
    let accuracy = correct as f64 / gold.quotes.len() as f64;
    println!(
        "seed article 1 quote speaker accuracy: {correct}/{} = {accuracy:.3}",
        gold.quotes.len()
    );
    assert_eq!(
        record.quotes.len(),
        gold.quotes.len(),
        "no extra or missing quotes"
    );
    assert!(accuracy >= 0.9, "speaker accuracy {accuracy:.3}");
}
