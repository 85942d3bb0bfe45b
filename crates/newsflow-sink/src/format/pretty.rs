//! A person-readable summary of a record for a terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use newsflow_model::{EnrichedArticle, EntityType};

/// Paragraphs and long lists are wrapped to this many columns.
pub const WRAP_COLUMNS: usize = 90;

const INDENT: &str = "    ";

/// A multi-line summary (no trailing newline): header fields, the
/// paragraphs wrapped to [`WRAP_COLUMNS`], then whatever the enrichers
/// found. Empty fields and empty enrichment sections are left out.
pub fn to_pretty(article: &EnrichedArticle) -> String {
    let mut out = String::new();
    header(&mut out, article);
    paragraphs(&mut out, article);
    enrichment(&mut out, article);
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

fn header(out: &mut String, record: &EnrichedArticle) {
    let a = &record.article;
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let rule = "=".repeat(title.chars().count().clamp(8, WRAP_COLUMNS));
    let _ = writeln!(out, "{title}\n{rule}");
    field(out, "Kicker", a.kicker.as_deref());
    field(out, "Deck", a.deck.as_deref());
    list(out, "By", &a.byline);
    field(out, "Dateline", a.dateline.as_deref());
    list(out, "Agencies", &a.agencies);
    list(out, "Credits", &a.media_credits);
    let published = a
        .published_at
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    field(out, "Published", published.as_deref());
    let language = record
        .language
        .as_ref()
        .map(|l| format!("{} ({:.2})", l.code, l.confidence));
    field(out, "Language", language.as_deref());
    field(out, "Source", Some(&a.source));
    field(out, "URL", a.url.as_deref());
    let lines = a
        .provenance
        .lines
        .map(|[first, last]| format!("{first}-{last} of {}", a.provenance.origin));
    field(out, "Lines", lines.as_deref());
    field(out, "Id", Some(&a.id));
    if a.truncated {
        out.push_str("Truncated: yes (the text stops mid-sentence)\n");
    }
}

fn paragraphs(out: &mut String, record: &EnrichedArticle) {
    let options = textwrap::Options::new(WRAP_COLUMNS)
        .initial_indent(INDENT)
        .subsequent_indent(INDENT);
    for paragraph in &record.article.paragraphs {
        out.push('\n');
        for line in textwrap::wrap(paragraph, &options) {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

fn enrichment(out: &mut String, record: &EnrichedArticle) {
    let mut section = String::new();
    for (label, kind) in [
        ("People", EntityType::Person),
        ("Organisations", EntityType::Organization),
        ("Other entities", EntityType::Other),
    ] {
        let names: Vec<String> = record
            .entities
            .iter()
            .filter(|e| e.entity_type == kind)
            .map(|e| match e.roles.as_slice() {
                [] => e.name.clone(),
                roles => format!("{} ({})", e.name, roles.join(", ")),
            })
            .collect();
        list(&mut section, label, &names);
    }
    let places: Vec<String> = record
        .places
        .iter()
        .map(|p| match &p.country_code {
            Some(code) => format!("{} ({code})", p.name),
            None => p.name.clone(),
        })
        .collect();
    list(&mut section, "Places", &places);
    let dates: Vec<String> = record
        .dates
        .iter()
        .map(|d| format!("\"{}\" = {}", d.text, d.value))
        .collect();
    list(&mut section, "Dates", &dates);
    let amounts: Vec<String> = record
        .amounts
        .iter()
        .map(|m| match &m.unit {
            Some(unit) => format!("\"{}\" = {} {unit}", m.text, m.value),
            None => format!("\"{}\" = {}", m.text, m.value),
        })
        .collect();
    list(&mut section, "Amounts", &amounts);
    quotes(&mut section, record);
    let keywords: Vec<String> = record.keywords.iter().map(|k| k.term.clone()).collect();
    list(&mut section, "Keywords", &keywords);
    let subjects: Vec<String> = record
        .subjects
        .iter()
        .map(|s| format!("{} ({})", s.name, s.code))
        .collect();
    list(&mut section, "Subjects", &subjects);
    if let Some(tone) = &record.tone {
        let _ = writeln!(
            section,
            "Tone: {:+.2} (positive {:.2}, negative {:.2}, {} words)",
            tone.score, tone.positive, tone.negative, tone.words
        );
    }
    field(&mut section, "Duplicate of", record.duplicate_of.as_deref());
    let errors: Vec<String> = record
        .errors
        .iter()
        .map(|e| format!("{}: {}", e.stage, e.message))
        .collect();
    list(&mut section, "Enrichment errors", &errors);
    if !section.is_empty() {
        out.push('\n');
        out.push_str(&section);
    }
}

/// Quotes grouped by speaker, in order of first appearance; unattributed last.
fn quotes(out: &mut String, record: &EnrichedArticle) {
    if record.quotes.is_empty() {
        return;
    }
    let mut order: Vec<Option<&str>> = Vec::new();
    let mut by_speaker: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    for quote in &record.quotes {
        let speaker = quote.speaker.as_deref();
        if !order.contains(&speaker) {
            order.push(speaker);
        }
        by_speaker.entry(speaker).or_default().push(&quote.text);
    }
    order.sort_by_key(Option::is_none);
    out.push_str("Quotes:\n");
    let options = textwrap::Options::new(WRAP_COLUMNS)
        .initial_indent(INDENT)
        .subsequent_indent("     ");
    for speaker in order {
        let _ = writeln!(out, "  {}:", speaker.unwrap_or("(unattributed)"));
        for text in by_speaker.get(&speaker).into_iter().flatten() {
            for line in textwrap::wrap(&format!("\u{201c}{text}\u{201d}"), &options) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
}

fn field(out: &mut String, label: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        let _ = writeln!(out, "{label}: {value}");
    }
}

fn list(out: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let text = format!("{label}: {}", items.join(", "));
    let options = textwrap::Options::new(WRAP_COLUMNS).subsequent_indent(INDENT);
    for line in textwrap::wrap(&text, &options) {
        out.push_str(&line);
        out.push('\n');
    }
}
