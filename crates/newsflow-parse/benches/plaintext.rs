//! Plain-text parsing throughput: generates ≥ 50 MB of synthetic glued news
//! (invented vocabulary), parses it in chunks the way the file source
//! delivers it, and prints MB/s on one core and articles/s.
//!
//! `cargo bench -p newsflow-parse` (env NEWSFLOW_BENCH_MB to change the size).

use std::time::{Duration, Instant};

use newsflow_model::RawDocument;
use newsflow_parse::segment::{segment, Line};
use newsflow_parse::text::{decode, lines};
use newsflow_parse::{parse, ParseLimits};

const CHUNK_BYTES: usize = 4 * 1024 * 1024;

const NOUNS: &[&str] = &[
    "council",
    "harbour",
    "ferry",
    "orchard",
    "river",
    "bridge",
    "ministry",
    "festival",
    "market",
    "school",
    "museum",
    "railway",
    "lighthouse",
    "valley",
    "union",
    "budget",
    "archive",
    "storm",
    "vote",
    "clinic",
    "factory",
    "court",
    "grant",
    "island",
    "village",
    "tunnel",
    "reservoir",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "opened",
    "closed",
    "rebuilt",
    "funded",
    "questioned",
    "expanded",
    "reviewed",
    "cancelled",
    "welcomed",
    "criticised",
    "inspected",
];
const ADJECTIVES: &[&str] = &[
    "new",
    "old",
    "local",
    "regional",
    "quiet",
    "costly",
    "early",
    "late",
    "northern",
    "coastal",
    "small",
    "public",
    "disputed",
    "temporary",
    "historic",
];
const NAMES: &[&str] = &[
    "Mara Quill",
    "Ivo Brandt",
    "Dora Penhallow",
    "Tomas Reyes",
    "Hanna Lind",
    "Edna Vos",
    "Jo\u{eb}l Marin",
    "Priya Anand",
    "Kofi Mensah",
    "Lena Sorel",
];
const PLACES: &[&str] = &[
    "ELM FORD",
    "GULL ISLAND",
    "PINE VALLEY",
    "NORTHWICK",
    "SALT HARBOUR",
    "RIVERTON",
    "OAKMERE",
];
const AGENCIES: &[&str] = &["Reuters", "AFP", "AP", "Kyodo", "dpa"];
const STARTERS: &[&str] = &[
    "The",
    "After",
    "Officials",
    "Residents",
    "In",
    "Meanwhile",
    "Critics",
];

/// xorshift: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(STARTERS));
    out.push(' ');
    for _ in 0..3 + rng.below(12) {
        let word = match rng.below(4) {
            0 => rng.pick(VERBS),
            1 => rng.pick(ADJECTIVES),
            _ => rng.pick(NOUNS),
        };
        out.push_str(word);
        out.push(' ');
    }
    match rng.below(6) {
        0 => {
            out.push_str("the \u{201C}");
            out.push_str(rng.pick(NOUNS));
            out.push_str("\u{201D} plan, ");
            out.push_str(rng.pick(NAMES));
            out.push_str(" told ");
            out.push_str(rng.pick(AGENCIES));
            out.push('.');
        }
        1 => {
            out.push_str("by 2,");
            out.push_str(&(100 + rng.below(900)).to_string());
            out.push_str(" votes, officials said.");
        }
        _ => {
            out.push_str(rng.pick(NOUNS));
            out.push('.');
        }
    }
}

fn story(rng: &mut Rng, out: &mut String) {
    let shape = rng.below(4);
    if shape < 2 {
        out.push_str(rng.pick(ADJECTIVES));
        out.push_str(" vote on the ");
        out.push_str(rng.pick(NOUNS));
        out.push_str(" splits ");
        out.push_str(rng.pick(PLACES));
        out.push('\n');
        out.push_str("By ");
        out.push_str(rng.pick(NAMES));
        out.push('\n');
    }
    let paragraphs = 1 + rng.below(10);
    for index in 0..paragraphs {
        if index == 0 && shape != 3 {
            out.push_str(rng.pick(PLACES));
            out.push_str(", June ");
            out.push_str(&(1 + rng.below(28)).to_string());
            out.push_str(" (");
            out.push_str(rng.pick(AGENCIES));
            out.push_str(") - ");
        }
        if index == 2 && rng.below(3) == 0 {
            out.push_str("Photo: ");
            out.push_str(rng.pick(NAMES));
            out.push_str(" file photo\n");
        }
        for _ in 0..1 + rng.below(4) {
            sentence(rng, out);
            out.push(' ');
        }
        if index + 1 == paragraphs && rng.below(4) == 0 {
            // Truncated story, as scraped dumps often are.
            out.push_str("and the ");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    // Glued: usually no blank line between stories.
    if rng.below(3) == 0 {
        out.push('\n');
    }
}

/// The text and how many stories it holds.
fn generate(target_bytes: usize) -> (String, usize) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(target_bytes + 64 * 1024);
    let mut stories = 0;
    while out.len() < target_bytes {
        story(&mut rng, &mut out);
        stories += 1;
    }
    (out, stories)
}

/// Cuts at line ends near `CHUNK_BYTES`, as the file source does.
fn chunks(text: &str) -> Vec<(u64, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line = 1u64;
    while start < text.len() {
        let mut end = (start + CHUNK_BYTES).min(text.len());
        while end < text.len() && text.as_bytes()[end - 1] != b'\n' {
            end += 1;
        }
        let piece = &text[start..end];
        out.push((line, piece));
        line += piece.bytes().filter(|&b| b == b'\n').count() as u64;
        start = end;
    }
    out
}

fn report(label: &str, bytes: usize, elapsed: Duration, articles: Option<usize>) {
    let secs = elapsed.as_secs_f64();
    let mb_per_s = bytes as f64 / 1e6 / secs;
    match articles {
        Some(n) => println!(
            "{label}: {:.1} MB in {secs:.2} s = {mb_per_s:.1} MB/s on one core, {n} articles = {:.0} articles/s",
            bytes as f64 / 1e6,
            n as f64 / secs
        ),
        None => println!("{label}: {mb_per_s:.1} MB/s on one core"),
    }
}

fn main() {
    let megabytes: usize = std::env::var("NEWSFLOW_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let (text, generated_stories) = generate(megabytes * 1_000_000);
    let pieces = chunks(&text);
    let limits = ParseLimits::default();
    let docs: Vec<RawDocument> = pieces
        .iter()
        .map(|(first_line, piece)| {
            let mut doc = RawDocument::new("bench", "bench.txt", piece.as_bytes().to_vec());
            doc.first_line = *first_line;
            doc
        })
        .collect();
    println!(
        "generated {:.1} MB of glued news ({generated_stories} stories) in {} chunks of ~{} MB",
        text.len() as f64 / 1e6,
        docs.len(),
        CHUNK_BYTES / (1024 * 1024)
    );

    // Decode + split only: the parser's own line handling.
    let started = Instant::now();
    let mut line_count = 0;
    for doc in &docs {
        let decoded = decode::decode(&doc.bytes, &limits).expect("bench text decodes");
        line_count += lines::split_lines(&decoded.text, doc.first_line, &limits)
            .expect("bench text splits")
            .len();
    }
    report("decode+lines", text.len(), started.elapsed(), None);
    println!("({line_count} non-blank lines)");

    // Decode + split + segment only: what segmentation costs on its own.
    let started = Instant::now();
    let mut stories = 0;
    for doc in &docs {
        let decoded = decode::decode(&doc.bytes, &limits).expect("bench text decodes");
        let text_lines =
            lines::split_lines(&decoded.text, doc.first_line, &limits).expect("bench text splits");
        let lines: Vec<Line<'_>> = text_lines
            .iter()
            .map(|l| Line {
                text: &l.text,
                number: l.number,
                blank_before: l.blank_before,
            })
            .collect();
        stories += segment(&lines).len();
    }
    report(
        "decode+lines+segment",
        text.len(),
        started.elapsed(),
        Some(stories),
    );

    // The whole parser, as the pipeline calls it.
    let started = Instant::now();
    let mut articles = 0;
    let mut paragraphs = 0;
    for doc in &docs {
        let parsed = parse(doc, &limits).expect("bench text parses");
        articles += parsed.len();
        paragraphs += parsed.iter().map(|a| a.paragraphs.len()).sum::<usize>();
    }
    report("full parse", text.len(), started.elapsed(), Some(articles));
    println!("({paragraphs} paragraphs)");
}
