//! Entity-level exact-span P/R/F1 (person / organization / place) and speed of
//! the rule-based recogniser on GUM news (../shared/corpus/gum-news).
//!
//! cargo run --release -p newsflow-enrich --example ner_eval -- ../shared/corpus/gum-news [--errors]
//! cargo run --release -p newsflow-enrich --example ner_eval -- ../shared/corpus/bbc-dev \
//!     --gold crates/newsflow-enrich/eval/entities/bbc-test.jsonl   (our BBC annotations)
//! cargo run --release -p newsflow-enrich --example ner_eval -- ../shared/corpus/aeb \
//!     --gold crates/newsflow-enrich/eval/entities/aeb.jsonl   (modern news, texts in ground-truth.json)

#[path = "common/aeb.rs"]
mod aeb;

use std::path::PathBuf;
use std::time::Duration;

use newsflow_enrich::entities::analyze;
use newsflow_enrich::entities::eval::{predict, score, Counts, TypedSpan, TYPES};
use newsflow_model::{Article, EnrichedArticle, EntityType};

fn main() {
    let mut args = std::env::args().skip(1);
    // Usage: ner_eval [DIR] [--errors [--half tune|held]] [--gold FILE] [--text "..."]
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/gum-news".into()),
    );
    let rest: Vec<String> = args.collect();
    let show_errors = rest.iter().any(|a| a == "--errors");
    // `--half tune|held`: with --errors, print only that half's documents
    // (tune = even positions, held = odd positions).
    let half = rest
        .iter()
        .position(|a| a == "--half")
        .and_then(|k| rest.get(k + 1))
        .map(|h| usize::from(h != "tune"));
    // `--text "..."`: print what the recogniser finds in one text and stop.
    if let Some(k) = rest.iter().position(|a| a == "--text") {
        let text = rest.get(k + 1).cloned().unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        for s in predict(&text) {
            let surface: String = chars[s.start..s.end].iter().collect();
            println!("{:?} {surface:?}", s.kind);
        }
        return;
    }
    // `--gold FILE`: another gold set in the same JSON Lines shape, whose
    // `doc` paths are relative to DIR (e.g. our BBC annotations,
    // `--gold crates/newsflow-enrich/eval/entities/bbc-test.jsonl ../shared/corpus/bbc-dev`).
    let gold_file = rest
        .iter()
        .position(|a| a == "--gold")
        .and_then(|k| rest.get(k + 1))
        .map(PathBuf::from);
    let (gold_path, texts) = match &gold_file {
        Some(path) => (path.clone(), dir.clone()),
        None => (dir.join("entities.jsonl"), dir.join("docs")),
    };
    let Ok(jsonl) = std::fs::read_to_string(&gold_path) else {
        eprintln!("skipping: {} not present", gold_path.display());
        return;
    };
    if !texts.is_dir() {
        eprintln!("skipping: {} not present", texts.display());
        return;
    }
    // Two halves by sorted document id parity: rules are tuned on "tune"
    // (even positions) and checked on "held" (odd positions).
    let mut lines: Vec<(String, serde_json::Value)> = Vec::new();
    for (number, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = match serde_json::from_str(line) {
            Ok(row) => row,
            Err(e) => {
                eprintln!("{}:{}: {e}", gold_path.display(), number + 1);
                std::process::exit(1);
            }
        };
        let Some(doc) = row.get("doc").and_then(|d| d.as_str()) else {
            eprintln!("{}:{}: no \"doc\"", gold_path.display(), number + 1);
            std::process::exit(1);
        };
        lines.push((doc.to_owned(), row));
    }
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    // The aeb benchmark keeps its texts in one JSON file, keyed by page id.
    let aeb = aeb::bodies(&texts);
    let mut halves = [[Counts::default(); 3]; 2];
    let mut docs = Vec::new();
    for (position, (doc, line)) in lines.into_iter().enumerate() {
        let text = if let Some(bodies) = &aeb {
            bodies.get(&doc).cloned()
        } else if doc.ends_with(".txt") {
            std::fs::read_to_string(texts.join(&doc)).ok()
        } else {
            std::fs::read_to_string(texts.join(format!("{doc}.txt"))).ok()
        };
        let Some(text) = text else {
            eprintln!("{doc}: text not found under {}", texts.display());
            std::process::exit(1);
        };
        let gold = gold_spans(&line);
        let predicted = predict(&text);
        let counts = score(&predicted, &gold);
        for (t, c) in halves[position % 2].iter_mut().zip(counts) {
            t.add(c);
        }
        if show_errors && half.is_none_or(|h| h == position % 2) {
            print_errors(&doc, &text, &predicted, &gold);
        }
        docs.push(text);
    }
    let mut all = halves[0];
    for (t, c) in all.iter_mut().zip(halves[1]) {
        t.add(c);
    }
    print_table("tune (even docs)", &halves[0]);
    print_table("held (odd docs)", &halves[1]);
    print_table("all", &all);
    // Speed on one core (thread CPU time, the machine is shared): the
    // recogniser alone, then the whole entity analysis as the enricher runs it.
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(String::len).sum();
    let rounds = 50;
    let start = cpu_time();
    let mut found = 0;
    for _ in 0..rounds {
        for d in &docs {
            found += predict(d).len();
        }
    }
    let secs = (cpu_time() - start).as_secs_f64();
    println!(
        "recogniser: {:.0} words/s ({} words x {rounds} rounds in {secs:.2}s, {found} spans)",
        (words * rounds) as f64 / secs,
        words
    );
    let records: Vec<EnrichedArticle> = docs.iter().map(|d| record(d)).collect();
    let start = cpu_time();
    let mut entities = 0;
    for _ in 0..rounds {
        for r in &records {
            entities += analyze(r).0.len();
        }
    }
    let secs = (cpu_time() - start).as_secs_f64();
    let per_doc = secs * 1e6 / (rounds * records.len()) as f64;
    println!(
        "entities::analyze: {:.0} words/s, {:.1} µs/doc (mean {} bytes), {:.1} µs per 3.2 KB ({entities} entities)",
        (words * rounds) as f64 / secs,
        per_doc,
        bytes / records.len(),
        per_doc * 3200.0 / (bytes / records.len()) as f64,
    );
}

/// CPU time of this thread.
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the call only fills it.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// A record whose body is one GUM document (headline paragraph included).
fn record(text: &str) -> EnrichedArticle {
    let paragraphs = text.split("\n\n").map(str::to_owned).collect();
    let mut article = Article::from_paragraphs("gum", "gum", paragraphs);
    // The headline paragraph is body here, not a lede to weigh.
    article.lede = None;
    article.body = text.to_owned();
    EnrichedArticle::from_article(article)
}

fn print_table(label: &str, totals: &[Counts; 3]) {
    println!(
        "{:<18} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        label, "P", "R", "F1", "tp", "fp", "fn"
    );
    let mut all = Counts::default();
    for c in totals {
        all.add(*c);
    }
    let names = TYPES.iter().map(|k| format!("  {k:?}"));
    let rows = totals.iter().chain(std::iter::once(&all));
    for (name, c) in names.chain(["  overall".to_owned()]).zip(rows) {
        println!(
            "{:<18} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
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

/// The gold spans of one JSON Lines row (`{"doc", "entities": [{start, end, type}]}`).
fn gold_spans(row: &serde_json::Value) -> Vec<TypedSpan> {
    let Some(entities) = row.get("entities").and_then(|e| e.as_array()) else {
        return Vec::new();
    };
    entities
        .iter()
        .filter_map(|e| {
            let start = usize::try_from(e.get("start")?.as_u64()?).ok()?;
            let end = usize::try_from(e.get("end")?.as_u64()?).ok()?;
            let kind = match e.get("type")?.as_str()? {
                "PER" => EntityType::Person,
                "ORG" => EntityType::Organization,
                "LOC" => EntityType::Place,
                _ => EntityType::Other,
            };
            Some(TypedSpan { start, end, kind })
        })
        .collect()
}
