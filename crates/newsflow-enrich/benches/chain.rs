//! Enrichment chain benchmark on generated ~3 KB English articles
//! (invented text with names, places, dates, amounts and quotes).
//! Single-threaded, so the figures are per core.
//!
//! cargo bench -p newsflow-enrich --bench chain [-- ARTICLES] [--only ENRICHER | --chain]
//!
//! Each step of the per-step table runs over every article before the next
//! step starts, so it pays for tokenizing each body itself; the whole-chain
//! figure is what the pipeline sees (steps share one tokenization per body).

use std::hint::black_box;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use newsflow_enrich::amounts::AmountEnricher;
use newsflow_enrich::dates::DateEnricher;
use newsflow_enrich::dedup::NearDuplicateEnricher;
use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::keywords::KeywordEnricher;
use newsflow_enrich::language::LanguageEnricher;
use newsflow_enrich::places::PlaceEnricher;
use newsflow_enrich::quotes::QuoteEnricher;
use newsflow_enrich::subjects::SubjectEnricher;
use newsflow_enrich::tone::ToneEnricher;
use newsflow_enrich::{EnrichChain, Enricher};
use newsflow_model::{Article, EnrichedArticle, Provenance, SCHEMA_VERSION};

const TARGET_BYTES: usize = 3_000;

/// CPU time of this thread: the machine is shared, and wall-clock time
/// would count the time other processes held the core.
#[derive(Clone, Copy)]
struct Instant(Duration);

impl Instant {
    fn now() -> Self {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the call only fills it.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        Self(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }

    fn elapsed(&self) -> Duration {
        Self::now().0.saturating_sub(self.0)
    }
}

/// The chain in the order the lead registers it.
fn enrichers() -> Vec<Box<dyn Enricher>> {
    vec![
        Box::new(LanguageEnricher::new()),
        Box::new(EntityEnricher::new()),
        Box::new(PlaceEnricher::new()),
        Box::new(QuoteEnricher::new()),
        Box::new(DateEnricher::new(None)),
        Box::new(AmountEnricher::new()),
        Box::new(KeywordEnricher::default()),
        Box::new(SubjectEnricher::new()),
        Box::new(ToneEnricher::new()),
        Box::new(NearDuplicateEnricher::default()),
    ]
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PEOPLE: &[&str] = &[
    "Maria Lindqvist",
    "Tomasz Oberg",
    "Amara Okafor",
    "Kenji Watanabe",
    "Elena Marchetti",
    "David Ferreira",
    "Sofia Haddad",
    "Lukas Brenner",
    "Priya Raman",
    "Owen Gallagher",
];
const ROLES: &[&str] = &[
    "Prime Minister",
    "Finance Minister",
    "President",
    "the chief executive",
    "the mayor",
    "opposition leader",
];
const PLACES: &[&str] = &[
    "Paris",
    "Nairobi",
    "Tokyo",
    "Brazil",
    "Germany",
    "Ottawa",
    "Lagos",
    "Canberra",
    "Georgia",
    "Washington",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the World Bank",
    "Northwind Energy",
    "the Central Bank",
    "Harbor Logistics",
];
const DATES: &[&str] = &[
    "on Monday",
    "last week",
    "on March 3, 2024",
    "in 2019",
    "yesterday",
    "next month",
    "on 5 June",
    "three days later",
];
const AMOUNTS: &[&str] = &[
    "US$5 billion",
    "£75m",
    "140,000 people",
    "47.3%",
    "24 years",
    "three suspects",
    "a dozen villages",
    "2.5 per cent",
];
const VERBS: &[&str] = &[
    "announced",
    "criticised",
    "defended",
    "approved",
    "rejected",
    "welcomed",
    "questioned",
];
const OBJECTS: &[&str] = &[
    "the budget plan",
    "a new trade agreement",
    "the flood relief package",
    "the rail strike",
    "an inquiry into the crash",
    "the climate targets",
];
const QUOTES: &[&str] = &[
    "We will not accept a deal that hurts working families",
    "This is a difficult moment, but we are confident the economy will recover",
    "The attack was a terrible tragedy and our thoughts are with the victims",
    "Nobody expected prices to rise so quickly",
];

fn sentence(rng: &mut Rng) -> String {
    let person = rng.pick(PEOPLE);
    match rng.next() % 4 {
        0 => format!(
            "{} {} {} {} {} in {}, a move worth {}.",
            rng.pick(ROLES),
            person,
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(DATES),
            rng.pick(PLACES),
            rng.pick(AMOUNTS)
        ),
        1 => format!(
            "\"{},\" {} said {}.",
            rng.pick(QUOTES),
            person,
            rng.pick(DATES)
        ),
        2 => format!(
            "Officials at {} said {} had been affected {}, up from {} a year earlier.",
            rng.pick(ORGS),
            rng.pick(AMOUNTS),
            rng.pick(DATES),
            rng.pick(AMOUNTS)
        ),
        _ => {
            format!(
            "According to {}, talks in {} and {} will continue {} as {} of funding remain unpaid.",
            rng.pick(ORGS), rng.pick(PLACES), rng.pick(PLACES), rng.pick(DATES), rng.pick(AMOUNTS)
        )
        }
    }
}

fn article(rng: &mut Rng, n: usize) -> Article {
    let mut paragraphs = Vec::new();
    let mut len = 0;
    while len < TARGET_BYTES {
        let p = (0..3).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ");
        len += p.len() + 2;
        paragraphs.push(p);
    }
    Article {
        schema_version: SCHEMA_VERSION,
        id: format!("bench-{n}"),
        source: "bench".into(),
        url: None,
        title: Some(format!(
            "{} {} {}",
            rng.pick(PEOPLE),
            rng.pick(VERBS),
            rng.pick(OBJECTS)
        )),
        kicker: None,
        deck: None,
        dateline: None,
        lede: paragraphs.first().cloned(),
        byline: vec![],
        agencies: vec![],
        media_credits: vec![],
        published_at: Utc.with_ymd_and_hms(2024, 6, 5, 12, 0, 0).single(),
        fetched_at: None,
        body: paragraphs.join("\n\n"),
        paragraphs,
        truncated: false,
        provenance: Provenance {
            parser: "bench".into(),
            origin: "bench".into(),
            segment: 0,
            lines: None,
        },
    }
}

fn per_article(elapsed: Duration, n: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / n as f64
}

/// Runs `enricher` ten times over `records` and prints its time.
fn profile(enricher: &dyn Enricher, records: &mut [EnrichedArticle]) {
    const ROUNDS: usize = 10;
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for record in records.iter_mut() {
            let _ = black_box(enricher.enrich(black_box(record)));
        }
    }
    let us = per_article(start.elapsed(), records.len() * ROUNDS);
    println!("{}: {us:.1} µs/article", enricher.name());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(3_000);
    // `--only NAME`: run just that step (after the steps before it, once)
    // ten times over, for a profiler.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let articles: Vec<Article> = (0..count).map(|n| article(&mut rng, n)).collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    println!(
        "{count} generated articles, mean body {} bytes, one thread, thread CPU time",
        bytes / count
    );

    // Each enricher on records already enriched by the steps before it.
    let mut records: Vec<EnrichedArticle> = articles
        .iter()
        .cloned()
        .map(EnrichedArticle::from_article)
        .collect();
    // `--chain`: only the whole chain (for an instruction-counting profiler).
    let chain_only = args.iter().any(|a| a == "--chain");
    let mut total = Duration::ZERO;
    println!(
        "{:<18} {:>12} {:>12}",
        "enricher", "µs/article", "articles/s"
    );
    for enricher in enrichers().into_iter().filter(|_| !chain_only) {
        if let Some(name) = only {
            if enricher.name() == name {
                profile(enricher.as_ref(), &mut records);
                return;
            }
            for record in &mut records {
                let _ = enricher.enrich(record);
            }
            continue;
        }
        let start = Instant::now();
        let mut failures = 0;
        for record in &mut records {
            failures += usize::from(enricher.enrich(black_box(record)).is_err());
        }
        let elapsed = start.elapsed();
        total += elapsed;
        let us = per_article(elapsed, count);
        println!(
            "{:<18} {:>12.1} {:>12.0}{}",
            enricher.name(),
            us,
            1e6 / us,
            if failures > 0 {
                format!("  ({failures} errors)")
            } else {
                String::new()
            }
        );
    }
    println!(
        "{:<18} {:>12.1} {:>12.0}",
        "sum of steps",
        per_article(total, count),
        1e6 / per_article(total, count)
    );

    // The whole chain as the pipeline runs it (fresh near-duplicate index).
    let chain = enrichers()
        .into_iter()
        .fold(EnrichChain::default(), EnrichChain::with);
    let inputs: Vec<Article> = articles.clone();
    let start = Instant::now();
    let mut entities = 0;
    for a in inputs {
        entities += black_box(chain.enrich(a)).entities.len();
    }
    let elapsed = start.elapsed();
    let us = per_article(elapsed, count);
    println!(
        "whole chain: {:.1} µs/article, {:.0} articles/s/core, {:.2} MB/s/core ({} entities found)",
        us,
        1e6 / us,
        bytes as f64 / elapsed.as_secs_f64() / 1e6,
        entities
    );
}
