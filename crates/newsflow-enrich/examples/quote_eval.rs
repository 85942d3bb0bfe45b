//! Quote-speaker accuracy of the quote enricher on held-out news that we
//! annotated ourselves (`eval/quotes/*.tsv`, see `eval/quotes/README.md`).
//! The texts are read from the shared corpus: `<CORPUS>/bbc-dev` and
//! `<CORPUS>/gum-news`.
//!
//! From the repository root:
//! cargo run --release -p newsflow-enrich --example quote_eval -- ../shared/corpus [--errors]
//!     [--set NAME] [--half tune|held]
//!
//! Each article is built like `ner_eval` builds one: the body is the file's
//! content exactly as read (headline paragraph included, no trimming),
//! paragraphs are its blank-line blocks, no lede. The default enrichment
//! chain runs on it (language, entities, places, quotes, ...), as the
//! pipeline runs it. Gold offsets are code points into that body.
//!
//! A gold quote (keyed by the code point of its opening mark `open`) is found
//! when a predicted quote's `start` (first code point of its text, after the
//! mark and any blank) lies in `open + 1 ..= open + 3`.
//!
//! Speaker names match strictly when equal; leniently when equal ignoring
//! case, or when, after dropping a leading honorific (Mr, Ms, Dr, ...) or
//! "the", the tokens of one are a prefix or suffix of the other's
//! ("Blair" ~ "Tony Blair", "Mr Eddington" ~ "Rod Eddington").

#[path = "common/aeb.rs"]
mod aeb;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_model::{Article, EnrichedArticle, Quote};

/// Annotation sets: TSV name in `eval/quotes/` and directory in the corpus.
/// (annotation set, corpus folder of its texts). The attribution rules were
/// developed on bbc-dev and gum-news, then on bbc-held, bbc-test, bbc-final,
/// bbc-last, bbc-next and bbc-more in turn (each annotated after the
/// previous round of fixes, and first scored before being tuned on);
/// bbc-extra was annotated after them and not tuned on; aeb (other outlets,
/// another decade) came last.
const SETS: [(&str, &str); 14] = [
    ("bbc-dev", "bbc-dev"),
    ("gum-news", "gum-news"),
    ("bbc-held", "bbc-dev"),
    ("bbc-test", "bbc-dev"),
    ("bbc-final", "bbc-dev"),
    ("bbc-last", "bbc-dev"),
    ("bbc-next", "bbc-dev"),
    ("bbc-more", "bbc-dev"),
    ("bbc-extra", "bbc-dev"),
    // Modern news from many outlets (2019), texts in aeb/ground-truth.json.
    ("aeb", "aeb"),
    // The next 30 aeb articles, annotated after the rounds of fixes on aeb.
    ("aeb-2", "aeb"),
    // The 30 aeb articles after those, annotated after the aeb-2 rounds.
    ("aeb-3", "aeb"),
    // The last unused BBC files with quotes, scored once at the end of
    // session 3 (never tuned on).
    ("bbc-fresh", "bbc-dev"),
    // The last six aeb pages with quotes, annotated in session 5 and never
    // tuned on.
    ("aeb-4", "aeb"),
];

/// Leading words the lenient name match drops.
const HONORIFICS: [&str; 10] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "prof",
    "professor",
    "the",
];

/// Code points after the opening mark where a predicted quote may start.
const START_SLACK: usize = 3;

struct Gold {
    doc: String,
    open: usize,
    /// `None` for quotes without an attributable speaker (`-`).
    speaker: Option<String>,
    kind: String,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    docs: usize,
    rows: usize,
    with_speaker: usize,
    found: usize,
    strict: usize,
    lenient: usize,
    no_speaker: usize,
    no_speaker_found: usize,
    /// Quotes without a gold speaker that got one anyway.
    no_speaker_attributed: usize,
    predicted: usize,
    /// Predicted quotes that match no gold row.
    unmatched_predictions: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.rows += o.rows;
        self.with_speaker += o.with_speaker;
        self.found += o.found;
        self.strict += o.strict;
        self.lenient += o.lenient;
        self.no_speaker += o.no_speaker;
        self.no_speaker_found += o.no_speaker_found;
        self.no_speaker_attributed += o.no_speaker_attributed;
        self.predicted += o.predicted;
        self.unmatched_predictions += o.unmatched_predictions;
    }
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "    -".to_owned()
    } else {
        format!("{:.3}", a as f64 / b as f64)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    // `--show SET/DOC`: print the entities and quotes found in one document.
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|k| args.get(k + 1));
    // `--set NAME`: score one annotation set only (e.g. the held-out bbc-next).
    let only = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|k| args.get(k + 1));
    // `--half tune|held`: a set's even (tune) or odd (held) documents, so a
    // set can be tuned on by halves while the other half stays held out.
    let half = args
        .iter()
        .position(|a| a == "--half")
        .and_then(|k| args.get(k + 1))
        .map(String::as_str);
    let corpus = PathBuf::from(
        args.iter()
            .enumerate()
            .find(|(k, a)| {
                !a.starts_with("--")
                    && (*k == 0 || !matches!(args[k - 1].as_str(), "--show" | "--set" | "--half"))
            })
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| "../shared/corpus".into()),
    );
    if !SETS.iter().all(|(_, dir)| corpus.join(dir).is_dir()) {
        eprintln!(
            "skipping: {} has no bbc-dev / gum-news (run from the repository root with ../shared/corpus)",
            corpus.display(),
        );
        return ExitCode::SUCCESS;
    }
    let eval_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/quotes");
    let chain = EnrichChain::from_config(&EnrichConfig::default());
    if let Some(doc) = show {
        return show_doc(&chain, &corpus.join(doc));
    }
    let mut all = Tally::default();
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut rows_out = Vec::new();
    let mut aeb_bodies = None;
    for (set, dir) in SETS {
        if only.is_some_and(|o| o != set) {
            continue;
        }
        let path = eval_dir.join(format!("{set}.tsv"));
        let gold = match std::fs::read_to_string(&path) {
            Ok(text) => parse_gold(&text),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let mut docs: BTreeMap<&str, Vec<&Gold>> = BTreeMap::new();
        for g in &gold {
            docs.entry(g.doc.as_str()).or_default().push(g);
        }
        let mut tally = Tally::default();
        for (position, (doc, golds)) in docs.into_iter().enumerate() {
            // `--half tune|held`: the even or odd documents (sorted) only.
            if half.is_some_and(|h| (h == "tune") != (position % 2 == 0)) {
                continue;
            }
            let text = if dir == "aeb" {
                aeb_bodies
                    .get_or_insert_with(|| aeb::bodies(&corpus.join(dir)).unwrap_or_default())
                    .get(doc)
                    .cloned()
                    .ok_or_else(|| format!("no articleBody for {doc} in aeb/ground-truth.json"))
            } else {
                std::fs::read_to_string(corpus.join(dir).join(doc)).map_err(|e| e.to_string())
            };
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{set}/{doc}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let record = enrich(&chain, &text);
            for e in &record.errors {
                eprintln!("{set}/{doc}: stage {} failed: {}", e.stage, e.message);
            }
            let chars: Vec<char> = text.chars().collect();
            tally.docs += 1;
            tally.predicted += record.quotes.len();
            let mut used = vec![false; record.quotes.len()];
            for g in golds {
                let hit = record
                    .quotes
                    .iter()
                    .position(|q| q.start > g.open && q.start <= g.open + START_SLACK);
                if let Some(k) = hit {
                    used[k] = true;
                }
                let predicted = hit.map(|k| &record.quotes[k]);
                let kind = by_kind.entry(g.kind.clone()).or_default();
                let outcome = score(g, predicted, &mut tally, kind);
                if show_errors && outcome != Outcome::Right {
                    rows_out.push(error_line(set, g, predicted, &chars, outcome));
                }
            }
            tally.unmatched_predictions += used.iter().filter(|u| !**u).count();
        }
        print_tally(set, &tally);
        all.add(&tally);
    }
    print_tally("combined", &all);
    println!("\nby kind (combined):");
    for (kind, t) in &by_kind {
        println!(
            "  {kind:<8} rows {:>4}  with speaker {:>4}  found {:>4}  strict {}  lenient {}",
            t.rows,
            t.with_speaker,
            t.found + t.no_speaker_found,
            ratio(t.strict, t.with_speaker),
            ratio(t.lenient, t.with_speaker),
        );
    }
    if show_errors {
        println!("\nerrors (set doc open | gold | predicted [cue] | context):");
        for line in rows_out {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}

/// Entities and quotes of one document, for error analysis.
fn show_doc(chain: &EnrichChain, path: &Path) -> ExitCode {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{}: not readable", path.display());
        return ExitCode::FAILURE;
    };
    let record = enrich(chain, &text);
    for e in &record.entities {
        let at: Vec<usize> = e.mentions.iter().map(|m| m.start).collect();
        println!(
            "entity {:?} {:?} at {at:?} roles {:?}",
            e.entity_type, e.name, e.roles
        );
    }
    for q in &record.quotes {
        let head: String = q.text.chars().take(50).collect();
        println!(
            "quote {}..{} speaker {:?} cue {:?} {head:?}",
            q.start, q.end, q.speaker, q.cue
        );
    }
    ExitCode::SUCCESS
}

/// The record the enricher produces for one plain-text document.
fn enrich(chain: &EnrichChain, text: &str) -> EnrichedArticle {
    let paragraphs = text.split("\n\n").map(str::to_owned).collect();
    let mut article = Article::from_paragraphs("quote-eval", "quote-eval", paragraphs);
    // The headline paragraph is body here, not a lede to weigh.
    article.lede = None;
    article.body = text.to_owned();
    chain.enrich(article)
}

fn parse_gold(text: &str) -> Vec<Gold> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let doc = cols.next()?.to_owned();
            let open = cols.next()?.trim().parse().ok()?;
            let speaker = cols.next()?.trim();
            let kind = cols.next().unwrap_or("").trim().to_owned();
            Some(Gold {
                doc,
                open,
                speaker: (speaker != "-").then(|| speaker.to_owned()),
                kind,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Right,
    /// Lenient match only.
    Partial,
    WrongSpeaker,
    NoSpeaker,
    Missed,
    /// No gold speaker, but one was predicted.
    Spurious,
}

fn score(g: &Gold, predicted: Option<&Quote>, tally: &mut Tally, kind: &mut Tally) -> Outcome {
    for t in [&mut *tally, &mut *kind] {
        t.rows += 1;
    }
    let Some(gold_speaker) = &g.speaker else {
        for t in [&mut *tally, &mut *kind] {
            t.no_speaker += 1;
            t.no_speaker_found += usize::from(predicted.is_some());
            t.no_speaker_attributed += usize::from(predicted.is_some_and(|q| q.speaker.is_some()));
        }
        return match predicted {
            Some(q) if q.speaker.is_some() => Outcome::Spurious,
            _ => Outcome::Right,
        };
    };
    let strict = predicted.is_some_and(|q| q.speaker.as_deref() == Some(gold_speaker));
    let lenient = predicted
        .and_then(|q| q.speaker.as_deref())
        .is_some_and(|p| names_match(p, gold_speaker));
    for t in [&mut *tally, &mut *kind] {
        t.with_speaker += 1;
        t.found += usize::from(predicted.is_some());
        t.strict += usize::from(strict);
        t.lenient += usize::from(lenient);
    }
    match predicted {
        None => Outcome::Missed,
        Some(_) if strict => Outcome::Right,
        Some(_) if lenient => Outcome::Partial,
        Some(q) if q.speaker.is_none() => Outcome::NoSpeaker,
        Some(_) => Outcome::WrongSpeaker,
    }
}

/// Lenient name match (see the module comment).
fn names_match(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let tokens = |s: &str| -> Vec<String> {
        let mut t: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        if t.len() > 1 && HONORIFICS.contains(&t[0].trim_end_matches('.')) {
            t.remove(0);
        }
        t
    };
    let (a, b) = (tokens(a), tokens(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && (long.starts_with(&short) || long.ends_with(&short))
}

fn error_line(
    set: &str,
    g: &Gold,
    predicted: Option<&Quote>,
    chars: &[char],
    outcome: Outcome,
) -> String {
    let snippet = |from: usize, to: usize| -> String {
        chars[from.min(chars.len())..to.min(chars.len())]
            .iter()
            .map(|&c| if c == '\n' { '⏎' } else { c })
            .collect()
    };
    let before = snippet(g.open.saturating_sub(60), g.open);
    let after = snippet(g.open, g.open + 60);
    let shown = match predicted {
        None => "MISSED".to_owned(),
        Some(q) => format!(
            "{} [{}]",
            q.speaker.as_deref().unwrap_or("(none)"),
            q.cue.as_deref().unwrap_or("-")
        ),
    };
    let tail = predicted
        .map(|q| format!(" … {}", snippet(q.end, q.end + 60)))
        .unwrap_or_default();
    format!(
        "{:?} {} {set} {} {} | {} | {shown} | …{before}{after}{tail}",
        outcome,
        g.kind,
        g.doc,
        g.open,
        g.speaker.as_deref().unwrap_or("-"),
    )
}

fn print_tally(label: &str, t: &Tally) {
    println!("== {label}: {} docs, {} gold quotes", t.docs, t.rows);
    println!(
        "  with speaker {:>4}: found {:>4} (recall {}), speaker accuracy strict {} ({}), lenient {} ({})",
        t.with_speaker,
        t.found,
        ratio(t.found, t.with_speaker),
        ratio(t.strict, t.with_speaker),
        t.strict,
        ratio(t.lenient, t.with_speaker),
        t.lenient,
    );
    println!(
        "  over found quotes: strict {}, lenient {}",
        ratio(t.strict, t.found),
        ratio(t.lenient, t.found),
    );
    println!(
        "  without speaker (scare quotes, titles, anonymous) {:>4}: found {}, given a speaker anyway {}",
        t.no_speaker, t.no_speaker_found, t.no_speaker_attributed
    );
    println!(
        "  predicted quotes {:>4}, matching no gold row {}",
        t.predicted, t.unmatched_predictions
    );
}
