//! Top-1 accuracy of the subject enricher on a directory laid out like
//! `../shared/corpus/bbc-dev` (`index.tsv`: path, category, headline; each
//! file's first line is the headline). Categories map to IPTC Media Topics:
//! business → 04000000, entertainment → 01000000, politics → 11000000,
//! sport → 15000000, tech → 13000000. Reports even-numbered files (the
//! tuning half), odd-numbered files (held out) and all.
//!
//! cargo run --release -p newsflow-enrich --example topic_eval -- ../shared/corpus/bbc-dev [--errors]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use newsflow_enrich::subjects::subjects;

fn expected_code(category: &str) -> Option<&'static str> {
    Some(match category {
        "business" => "medtop:04000000",
        "entertainment" => "medtop:01000000",
        "politics" => "medtop:11000000",
        "sport" => "medtop:15000000",
        "tech" => "medtop:13000000",
        _ => return None,
    })
}

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }

    fn show(&self) -> String {
        let pct = if self.total == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.total as f64
        };
        format!("{:5.1}% ({}/{})", pct, self.right, self.total)
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: topic_eval DIR [--errors]");
        return ExitCode::from(2);
    };
    let show_errors = args.any(|a| a == "--errors");
    let dir = Path::new(&dir);
    let index = match std::fs::read_to_string(dir.join("index.tsv")) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("skipping: {}/index.tsv not readable: {e}", dir.display());
            return ExitCode::SUCCESS;
        }
    };
    let mut halves: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut per_category: BTreeMap<String, Tally> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut no_subject = 0;
    for line in index.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(path), Some(category)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some(expected) = expected_code(category) else {
            continue;
        };
        let text = match std::fs::read_to_string(dir.join(path)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let found = subjects(title.trim(), body.trim());
        let top = found.first().map_or("none", |s| s.code.as_str());
        if found.is_empty() {
            no_subject += 1;
        }
        let ok = top == expected;
        let number: u32 = Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        halves
            .entry(if number & 1 == 0 {
                "even (tuning)"
            } else {
                "odd (held out)"
            })
            .or_default()
            .add(ok);
        halves.entry("all").or_default().add(ok);
        per_category.entry(category.to_owned()).or_default().add(ok);
        if !ok {
            let got = found.first().map_or("none".to_owned(), |s| s.name.clone());
            *confusion.entry((category.to_owned(), got)).or_default() += 1;
            if show_errors {
                println!(
                    "MISS {path} [{category}] -> {top}  {}",
                    found
                        .iter()
                        .map(|s| format!("{}={}", &s.code[7..9], s.score))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
    }
    println!("top-1 accuracy (IPTC media topic vs. category):");
    for (half, tally) in &halves {
        println!("  {half:15} {}", tally.show());
    }
    println!("per category:");
    for (category, tally) in &per_category {
        println!("  {category:15} {}", tally.show());
    }
    println!("articles with no subject: {no_subject}");
    println!("most frequent confusions:");
    let mut worst: Vec<_> = confusion.into_iter().collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.1));
    for ((category, got), n) in worst.into_iter().take(8) {
        println!("  {n:3}  {category} -> {got}");
    }
    ExitCode::SUCCESS
}
