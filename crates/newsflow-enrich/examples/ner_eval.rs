//! Entity-level exact-span P/R/F1 (person / organization / place) and speed of
//! the rule-based recogniser on GUM news (../shared/corpus/gum-news).
//!
//! cargo run --release -p newsflow-enrich --example ner_eval -- ../shared/corpus/gum-news [--errors]

use std::path::PathBuf;
use std::time::Instant;

use newsflow_enrich::entities::eval::{predict, score, Counts, TypedSpan, TYPES};
use newsflow_model::EntityType;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/gum-news".into()),
    );
    let show_errors = args.any(|a| a == "--errors");
    let Ok(jsonl) = std::fs::read_to_string(dir.join("entities.jsonl")) else {
        eprintln!("skipping: {}/entities.jsonl not present", dir.display());
        return;
    };
    let mut totals = [Counts::default(); 3];
    let mut docs = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let Some(doc) = string_field(line, "doc") else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join("docs").join(format!("{doc}.txt")))
            .unwrap_or_default();
        let gold = gold_spans(line);
        let predicted = predict(&text);
        let counts = score(&predicted, &gold);
        for (t, c) in totals.iter_mut().zip(counts) {
            t.add(c);
        }
        if show_errors {
            print_errors(&doc, &text, &predicted, &gold);
        }
        docs.push(text);
    }
    println!(
        "{:<14} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        "type", "P", "R", "F1", "tp", "fp", "fn"
    );
    let mut all = Counts::default();
    for (kind, c) in TYPES.iter().zip(totals) {
        all.add(c);
        println!(
            "{:<14} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
            format!("{kind:?}"),
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    println!(
        "{:<14} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
        "overall",
        all.precision(),
        all.recall(),
        all.f1(),
        all.tp,
        all.fp,
        all.fn_
    );
    // Speed: whitespace words per second on one core, repeated for a stable figure.
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let rounds = 50;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for d in &docs {
            found += predict(d).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "speed: {:.0} words/s ({} words x {rounds} rounds in {secs:.2}s, {found} spans)",
        (words * rounds) as f64 / secs,
        words
    );
}

fn print_errors(doc: &str, text: &str, predicted: &[TypedSpan], gold: &[TypedSpan]) {
    let chars: Vec<char> = text.chars().collect();
    let show = |s: &TypedSpan| chars[s.start..s.end].iter().collect::<String>();
    for g in gold
        .iter()
        .filter(|g| TYPES.contains(&g.kind) && !predicted.contains(g))
    {
        println!("FN {doc} {:?} {:?}", g.kind, show(g));
    }
    for p in predicted.iter().filter(|p| !gold.contains(p)) {
        println!("FP {doc} {:?} {:?}", p.kind, show(p));
    }
}

/// Minimal reader for the fixed entities.jsonl shape (no JSON dependency).
fn gold_spans(line: &str) -> Vec<TypedSpan> {
    let mut out = Vec::new();
    for object in line.split('{').skip(2) {
        let (Some(start), Some(end), Some(kind)) = (
            number_field(object, "start"),
            number_field(object, "end"),
            string_field(object, "type"),
        ) else {
            continue;
        };
        let kind = match kind.as_str() {
            "PER" => EntityType::Person,
            "ORG" => EntityType::Organization,
            "LOC" => EntityType::Place,
            _ => EntityType::Other,
        };
        out.push(TypedSpan { start, end, kind });
    }
    out
}

fn number_field(object: &str, key: &str) -> Option<usize> {
    let rest = &object[object.find(&format!("\"{key}\": "))? + key.len() + 4..];
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

fn string_field(object: &str, key: &str) -> Option<String> {
    let rest = &object[object.find(&format!("\"{key}\": \""))? + key.len() + 5..];
    Some(rest[..rest.find('"')?].to_owned())
}
