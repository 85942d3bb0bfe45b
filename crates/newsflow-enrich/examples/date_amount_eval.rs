//! Date and amount enrichers against gold we annotated ourselves
//! (`eval/dates/gum-news-{dates,amounts}.tsv`, see `eval/dates/README.md`;
//! `--held` scores `gum-news-held-*.tsv`, the held-out documents).
//! The texts are read from the shared corpus: `<CORPUS>/gum-news/docs`, and
//! each article's publication date from `<CORPUS>/gum-news/extras/doc_metadata.tsv`
//! (column `dateCreated`).
//!
//! From the repository root:
//! cargo run --release -p newsflow-enrich --example date_amount_eval -- ../shared/corpus [--errors]
//!
//! Each article is built like `quote_eval` builds one: the body is the file's
//! content exactly as read, paragraphs are its blank-line blocks, no lede;
//! `published_at` is the `dateCreated` day at 12:00 UTC (the date enricher
//! resolves relative mentions against it). The default enrichment chain runs
//! on it. Gold offsets are code points into that body.
//!
//! Matching: a predicted span matches a gold span when they overlap. Pairs are
//! one-to-one: gold rows in text order each take the still unpaired
//! overlapping prediction with the largest overlap (the earliest on a tie).
//! Detection precision is paired predictions / predictions, recall paired
//! gold / gold. A prediction that overlaps a gold row already paired (a split
//! or duplicate) counts as a false positive and is also reported apart.
//!
//! Over the pairs: dates score the value (ISO strings equal), granularity and
//! the relative flag; amounts the value (|pred - gold| <= 1e-6 |gold|) and the
//! unit (after [`norm_unit`]: lower case, '-' as a blank, blanks collapsed,
//! one trailing 's' of the last word dropped, no unit = "-").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, TimeZone, Utc};
use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_model::{Article, EnrichedArticle, Granularity};

struct GoldDate {
    start: usize,
    end: usize,
    value: String,
    granularity: String,
    relative: bool,
}

struct GoldAmount {
    start: usize,
    end: usize,
    value: f64,
    /// `None` for `-`.
    unit: Option<String>,
}

/// A predicted or gold span.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    paired: usize,
    /// Unpaired predictions that overlap a gold row (splits, duplicates).
    split: usize,
    value: usize,
    /// Granularity (dates) or unit (amounts).
    kind: usize,
    relative: usize,
}

impl Tally {
    /// (gold, predicted, paired) so far.
    fn counts(&self) -> (usize, usize, usize) {
        (self.gold, self.predicted, self.paired)
    }

    /// "gold/predicted/paired" counted since `before`.
    fn since(&self, before: (usize, usize, usize)) -> String {
        let (g, p, m) = self.counts();
        format!(
            "{:>3}/{:>3}/{:>3}",
            g - before.0,
            p - before.1,
            m - before.2
        )
    }

    /// Pairs one document's gold and predicted spans (see [`pair`]) and
    /// counts them in.
    fn pair(
        &mut self,
        gold: impl Iterator<Item = Span>,
        pred: impl Iterator<Item = Span>,
    ) -> (Vec<Option<usize>>, Vec<bool>) {
        let (gold, pred): (Vec<Span>, Vec<Span>) = (gold.collect(), pred.collect());
        let (pairs, split) = pair(&gold, &pred);
        self.gold += gold.len();
        self.predicted += pred.len();
        self.paired += pairs.iter().flatten().count();
        self.split += split.iter().filter(|s| **s).count();
        (pairs, split)
    }

    fn print(&self, label: &str, kind_label: &str, with_relative: bool) {
        let p = ratio(self.paired, self.predicted);
        let r = ratio(self.paired, self.gold);
        let f1 = if self.predicted + self.gold == 0 {
            "    -".to_owned()
        } else {
            format!(
                "{:.3}",
                2.0 * self.paired as f64 / (self.predicted + self.gold) as f64
            )
        };
        println!(
            "== {label}: gold {}, predicted {}, matched {} (overlapping but unpaired predictions: {})",
            self.gold, self.predicted, self.paired, self.split
        );
        println!("  detection  P {p}  R {r}  F1 {f1}");
        println!(
            "  over matched: value {} ({}/{}), {kind_label} {} ({}/{})",
            ratio(self.value, self.paired),
            self.value,
            self.paired,
            ratio(self.kind, self.paired),
            self.kind,
            self.paired,
        );
        if with_relative {
            println!(
                "  over matched: relative flag {} ({}/{})",
                ratio(self.relative, self.paired),
                self.relative,
                self.paired
            );
        }
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
    let corpus = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .cloned()
            .unwrap_or_else(|| "../shared/corpus".into()),
    );
    let gum = corpus.join("gum-news");
    let metadata_path = gum.join("extras/doc_metadata.tsv");
    if !gum.join("docs").is_dir() || !metadata_path.is_file() {
        eprintln!(
            "skipping: {} has no gum-news/docs and gum-news/extras/doc_metadata.tsv (run from the repository root with ../shared/corpus)",
            corpus.display(),
        );
        return ExitCode::SUCCESS;
    }
    let eval_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/dates");
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| eprintln!("{}: {e}", path.display()))
    };
    let Ok(metadata) = read(&metadata_path) else {
        return ExitCode::FAILURE;
    };
    let published = parse_metadata(&metadata);
    // `--held`: the other 12 documents, annotated after the fixes made on
    // the first 12 and never tuned on.
    let set = if args.iter().any(|a| a == "--held") {
        "gum-news-held"
    } else {
        "gum-news"
    };
    let (Ok(dates_tsv), Ok(amounts_tsv)) = (
        read(&eval_dir.join(format!("{set}-dates.tsv"))),
        read(&eval_dir.join(format!("{set}-amounts.tsv"))),
    ) else {
        return ExitCode::FAILURE;
    };
    let gold_dates = parse_dates(&dates_tsv);
    let gold_amounts = parse_amounts(&amounts_tsv);
    let mut docs: Vec<&String> = gold_dates.keys().chain(gold_amounts.keys()).collect();
    docs.sort();
    docs.dedup();

    let chain = EnrichChain::from_config(&EnrichConfig::default());
    let mut date_tally = Tally::default();
    let mut amount_tally = Tally::default();
    let mut date_errors = Vec::new();
    let mut amount_errors = Vec::new();
    println!("doc                    dates gold/pred/matched   amounts gold/pred/matched");
    for doc in docs {
        let path = gum.join("docs").join(format!("{doc}.txt"));
        let Ok(text) = read(&path) else {
            return ExitCode::FAILURE;
        };
        let Some(&day) = published.get(doc.as_str()) else {
            eprintln!("{doc}: no dateCreated in {}", metadata_path.display());
            return ExitCode::FAILURE;
        };
        let mut record = enrich(&chain, &text, day);
        // The gold covers the body: mentions in other fields are not scored.
        record.dates.retain(|d| d.field.is_none());
        record.amounts.retain(|a| a.field.is_none());
        for e in &record.errors {
            eprintln!("{doc}: stage {} failed: {}", e.stage, e.message);
        }
        let chars: Vec<char> = text.chars().collect();
        let ctx = Context { doc, chars: &chars };

        let gold = gold_dates.get(doc).map_or(&[][..], Vec::as_slice);
        let before = date_tally.counts();
        let (pairs, split) = date_tally.pair(
            gold.iter().map(|g| Span::new(g.start, g.end)),
            record.dates.iter().map(|d| Span::new(d.start, d.end)),
        );
        for (g, hit) in gold.iter().zip(&pairs) {
            let Some(k) = *hit else {
                date_errors.push(format!(
                    "MISSED  {} | gold {} {} | {}",
                    ctx.span(g.start, g.end),
                    g.value,
                    g.granularity,
                    ctx.around(g.start, g.end)
                ));
                continue;
            };
            let p = &record.dates[k];
            let value_ok = p.value == g.value;
            let gran = granularity_name(p.granularity);
            let gran_ok = gran == g.granularity;
            let rel_ok = p.relative == g.relative;
            date_tally.value += usize::from(value_ok);
            date_tally.kind += usize::from(gran_ok);
            date_tally.relative += usize::from(rel_ok);
            if !(value_ok && gran_ok && rel_ok) {
                let what = match (value_ok, gran_ok, rel_ok) {
                    (false, _, _) => "VALUE  ",
                    (true, false, _) => "GRAN   ",
                    _ => "RELFLAG",
                };
                date_errors.push(format!(
                    "{what} {} | gold {} {} rel={} | pred {:?} {} {gran} rel={} | {}",
                    ctx.span(g.start, g.end),
                    g.value,
                    g.granularity,
                    g.relative,
                    p.text,
                    p.value,
                    p.relative,
                    ctx.around(g.start, g.end)
                ));
            }
        }
        for (k, p) in record.dates.iter().enumerate() {
            if !pairs.contains(&Some(k)) {
                let label = if split[k] { "SPLIT  " } else { "SPURIOUS" };
                date_errors.push(format!(
                    "{label} {} | pred {} {} rel={} | {}",
                    ctx.span(p.start, p.end),
                    p.value,
                    granularity_name(p.granularity),
                    p.relative,
                    ctx.around(p.start, p.end)
                ));
            }
        }
        let dates_line = date_tally.since(before);

        let gold = gold_amounts.get(doc).map_or(&[][..], Vec::as_slice);
        let before = amount_tally.counts();
        let (pairs, split) = amount_tally.pair(
            gold.iter().map(|g| Span::new(g.start, g.end)),
            record.amounts.iter().map(|a| Span::new(a.start, a.end)),
        );
        for (g, hit) in gold.iter().zip(&pairs) {
            let gold_unit = g.unit.as_deref().unwrap_or("-");
            let Some(k) = *hit else {
                amount_errors.push(format!(
                    "MISSED  {} | gold {} {gold_unit} | {}",
                    ctx.span(g.start, g.end),
                    g.value,
                    ctx.around(g.start, g.end)
                ));
                continue;
            };
            let p = &record.amounts[k];
            let value_ok = (p.value - g.value).abs() <= 1e-6 * g.value.abs();
            let unit_ok = norm_unit(p.unit.as_deref()) == norm_unit(g.unit.as_deref());
            amount_tally.value += usize::from(value_ok);
            amount_tally.kind += usize::from(unit_ok);
            if !(value_ok && unit_ok) {
                let what = if value_ok { "UNIT   " } else { "VALUE  " };
                amount_errors.push(format!(
                    "{what} {} | gold {} {gold_unit} | pred {:?} {} {} | {}",
                    ctx.span(g.start, g.end),
                    g.value,
                    p.text,
                    p.value,
                    p.unit.as_deref().unwrap_or("-"),
                    ctx.around(g.start, g.end)
                ));
            }
        }
        for (k, p) in record.amounts.iter().enumerate() {
            if !pairs.contains(&Some(k)) {
                let label = if split[k] { "SPLIT  " } else { "SPURIOUS" };
                amount_errors.push(format!(
                    "{label} {} | pred {} {} | {}",
                    ctx.span(p.start, p.end),
                    p.value,
                    p.unit.as_deref().unwrap_or("-"),
                    ctx.around(p.start, p.end)
                ));
            }
        }
        println!(
            "{doc:<22} {dates_line:>25}   {}",
            amount_tally.since(before)
        );
    }
    println!();
    date_tally.print("dates", "granularity", true);
    amount_tally.print("amounts", "unit", false);
    if show_errors {
        println!("\ndate errors (kind doc [span] | gold | predicted | context):");
        for line in &date_errors {
            println!("  {line}");
        }
        println!("\namount errors (kind doc [span] | gold | predicted | context):");
        for line in &amount_errors {
            println!("  {line}");
        }
    }
    ExitCode::SUCCESS
}

/// The record the enricher produces for one plain-text document published on `day`.
fn enrich(chain: &EnrichChain, text: &str, day: NaiveDate) -> EnrichedArticle {
    let paragraphs = text.split("\n\n").map(str::to_owned).collect();
    let mut article = Article::from_paragraphs("date-eval", "date-eval", paragraphs);
    article.lede = None;
    article.body = text.to_owned();
    article.published_at = day.and_hms_opt(12, 0, 0).map(|t| Utc.from_utc_datetime(&t));
    chain.enrich(article)
}

/// Gold rows in text order each take the unpaired overlapping prediction
/// with the largest overlap. Returns the prediction index per gold row and,
/// per prediction, whether it is unpaired but overlaps some gold row.
fn pair(gold: &[Span], pred: &[Span]) -> (Vec<Option<usize>>, Vec<bool>) {
    let overlap = |a: Span, b: Span| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::with_capacity(gold.len());
    for &g in gold {
        let best = pred
            .iter()
            .enumerate()
            .filter(|&(k, &p)| !used[k] && overlap(g, p) > 0)
            .max_by_key(|&(k, &p)| (overlap(g, p), std::cmp::Reverse(k)))
            .map(|(k, _)| k);
        if let Some(k) = best {
            used[k] = true;
        }
        pairs.push(best);
    }
    let split = pred
        .iter()
        .enumerate()
        .map(|(k, &p)| !used[k] && gold.iter().any(|&g| overlap(g, p) > 0))
        .collect();
    (pairs, split)
}

/// Unit comparison key: lower case, '-' as a blank, blanks collapsed, one
/// trailing 's' of the last word dropped ("members" = "member"), no unit "-".
fn norm_unit(unit: Option<&str>) -> String {
    let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty() && *u != "-") else {
        return "-".to_owned();
    };
    let lower = unit.to_lowercase().replace('-', " ");
    let mut out = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.len() > 2 && out.ends_with('s') {
        out.pop();
    }
    out
}

fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Instant => "instant",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
    }
}

struct Context<'a> {
    doc: &'a str,
    chars: &'a [char],
}

impl Context<'_> {
    fn slice(&self, from: usize, to: usize) -> String {
        let n = self.chars.len();
        self.chars[from.min(n)..to.min(n)]
            .iter()
            .map(|&c| if c == '\n' { '⏎' } else { c })
            .collect()
    }

    /// `doc start..end [text]`.
    fn span(&self, start: usize, end: usize) -> String {
        format!(
            "{} {start}..{end} [{}]",
            self.doc.trim_start_matches("GUM_news_"),
            self.slice(start, end)
        )
    }

    /// 40 code points either side, the span in brackets.
    fn around(&self, start: usize, end: usize) -> String {
        format!(
            "…{}[{}]{}…",
            self.slice(start.saturating_sub(40), start),
            self.slice(start, end),
            self.slice(end, end + 40)
        )
    }
}

/// `doc` → `dateCreated` from the corpus metadata.
fn parse_metadata(text: &str) -> BTreeMap<String, NaiveDate> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(doc_col), Some(date_col)) = (col("doc"), col("dateCreated")) else {
        return BTreeMap::new();
    };
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let date = NaiveDate::parse_from_str(cols.get(date_col)?.trim(), "%Y-%m-%d").ok()?;
            Some((cols.get(doc_col)?.trim().to_owned(), date))
        })
        .collect()
}

/// Data rows of a gold TSV (header, blank and `#` lines skipped), split into columns.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn parse_dates(text: &str) -> BTreeMap<String, Vec<GoldDate>> {
    let mut out: BTreeMap<String, Vec<GoldDate>> = BTreeMap::new();
    for c in rows(text) {
        // doc start end text value granularity relative
        let parsed = (|| {
            Some(GoldDate {
                start: c.get(1)?.parse().ok()?,
                end: c.get(2)?.parse().ok()?,
                value: (*c.get(4)?).to_owned(),
                granularity: c.get(5)?.to_lowercase(),
                relative: *c.get(6)? == "yes",
            })
        })();
        match parsed {
            Some(g) => out.entry(c[0].to_owned()).or_default().push(g),
            None => eprintln!("bad date row: {}", c.join("\t")),
        }
    }
    for golds in out.values_mut() {
        golds.sort_by_key(|g| g.start);
    }
    out
}

fn parse_amounts(text: &str) -> BTreeMap<String, Vec<GoldAmount>> {
    let mut out: BTreeMap<String, Vec<GoldAmount>> = BTreeMap::new();
    for c in rows(text) {
        // doc start end text value unit
        let parsed = (|| {
            let unit = *c.get(5)?;
            Some(GoldAmount {
                start: c.get(1)?.parse().ok()?,
                end: c.get(2)?.parse().ok()?,
                value: c.get(4)?.parse().ok()?,
                unit: (unit != "-").then(|| unit.to_owned()),
            })
        })();
        match parsed {
            Some(g) => out.entry(c[0].to_owned()).or_default().push(g),
            None => eprintln!("bad amount row: {}", c.join("\t")),
        }
    }
    for golds in out.values_mut() {
        golds.sort_by_key(|g| g.start);
    }
    out
}
