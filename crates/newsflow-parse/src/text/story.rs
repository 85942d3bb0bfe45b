//! One story's lines to an [`Article`]: header lines, credits, the lead of
//! the first paragraph, agencies, truncation, dates and ids.

use newsflow_model::{record_id, Article, Provenance, RawDocument, SCHEMA_VERSION};

use super::agencies::{find_attributed_agencies, push_unique};
use super::credits::is_media_credit;
use super::dates::unambiguous_date;
use super::header::{
    is_closing_quote_or_bracket, is_name_line, looks_like_headline, parse_by_line,
};
use super::lead::{is_bare_dateline, split_dateline, split_kicker, split_run_in_deck};
use super::PARSER_NAME;
use crate::segment::Line;

/// How many lines under the headline may hold the byline.
const HEADER_LINES_AFTER_TITLE: usize = 2;

/// What a story needs to know about the document it came from.
pub struct StoryContext<'a> {
    pub doc: &'a RawDocument,
    /// 0-based index of the story in the document.
    pub segment: u32,
    /// The document holds this one story only (transport hints such as a
    /// feed item's title then describe it).
    pub single_story: bool,
}

/// The parts of a story before ids and provenance are attached.
#[derive(Debug, Default)]
struct Parts<'a> {
    title: Option<&'a str>,
    kicker: Option<&'a str>,
    deck: Option<&'a str>,
    dateline: Option<&'a str>,
    byline: Vec<String>,
    agencies: Vec<String>,
    media_credits: Vec<String>,
    paragraphs: Vec<&'a str>,
}

/// Builds the article for `lines` (non-empty, one story).
pub fn build_article(lines: &[Line<'_>], context: &StoryContext<'_>) -> Article {
    let parts = read_parts(lines);
    let doc = context.doc;
    let paragraphs: Vec<String> = parts.paragraphs.iter().map(|p| (*p).to_owned()).collect();
    let body = paragraphs.join("\n\n");
    let url = doc.hints.link.clone();
    // Several stories from one URL must not share the URL's id.
    let id_url = if context.single_story {
        url.as_deref()
    } else {
        None
    };
    let id = if body.is_empty() {
        // Only headline/credit/lead-in lines: identify by all the text.
        let all_text: Vec<&str> = lines.iter().map(|line| line.text).collect();
        record_id(id_url, &all_text.join("\n"))
    } else {
        record_id(id_url, &body)
    };
    let title = parts.title.map(str::to_owned).or_else(|| {
        context
            .single_story
            .then(|| doc.hints.title.clone())
            .flatten()
    });
    let published_at = doc
        .hints
        .published_at
        .or_else(|| parts.dateline.and_then(unambiguous_date));
    let first = lines.first().map_or(doc.first_line, |line| line.number);
    let last = lines.last().map_or(first, |line| line.number);
    Article {
        schema_version: SCHEMA_VERSION,
        id,
        source: doc.source.clone(),
        url,
        title,
        kicker: parts.kicker.map(str::to_owned),
        deck: parts.deck.map(str::to_owned),
        dateline: parts.dateline.map(str::to_owned),
        lede: paragraphs.first().cloned(),
        byline: parts.byline,
        agencies: parts.agencies,
        media_credits: parts.media_credits,
        published_at,
        fetched_at: Some(doc.fetched_at),
        truncated: paragraphs.last().is_some_and(|p| stops_mid_sentence(p)),
        body,
        paragraphs,
        provenance: Provenance {
            parser: PARSER_NAME.to_owned(),
            origin: doc.origin.clone(),
            segment: context.segment,
            lines: Some([first, last]),
        },
    }
}

fn read_parts<'a>(lines: &[Line<'a>]) -> Parts<'a> {
    let mut parts = Parts::default();
    let body_start = read_header(lines, &mut parts);
    for line in &lines[body_start..] {
        if is_media_credit(line.text) {
            parts.media_credits.push(line.text.to_owned());
        } else {
            parts.paragraphs.push(line.text);
        }
    }
    read_lead(&mut parts);
    for paragraph in &parts.paragraphs {
        find_attributed_agencies(paragraph, &mut parts.agencies);
    }
    parts
}

/// Headline and byline lines; returns the index of the first body line.
fn read_header<'a>(lines: &[Line<'a>], parts: &mut Parts<'a>) -> usize {
    let mut index = 0;
    // A headline needs a body under it that is more than a credit.
    let has_body_after = |from: usize| lines[from..].iter().any(|line| !is_media_credit(line.text));
    // Wire copy may end its headline with a full stop when the dateline
    // stands on its own line under it ("EU rejects ban.", "BRUSSELS 1997-06-03").
    let headline_over_dateline = lines.len() > 2
        && is_bare_dateline(lines[1].text)
        && lines[0]
            .text
            .trim_end()
            .strip_suffix('.')
            .is_some_and(looks_like_headline);
    if lines.len() > 1
        && (looks_like_headline(lines[0].text) || headline_over_dateline)
        && !is_media_credit(lines[0].text)
        && parse_by_line(lines[0].text).is_none()
        && split_dateline(lines[0].text).is_none()
        && has_body_after(1)
    {
        parts.title = Some(lines[0].text);
        index = 1;
    }
    let header_end = (index + HEADER_LINES_AFTER_TITLE).min(lines.len());
    while index < header_end && parts.byline.is_empty() && has_body_after(index + 1) {
        let text = lines[index].text;
        if let Some(byline) = parse_by_line(text) {
            parts.byline = byline.names;
            for agency in byline.agencies {
                push_unique(&mut parts.agencies, agency);
            }
        } else if parts.title.is_some() && index == 1 && is_name_line(text) {
            parts.byline = vec![text.to_owned()];
        } else if is_media_credit(text) {
            parts.media_credits.push(text.to_owned());
        } else {
            break;
        }
        index += 1;
    }
    index
}

/// Dateline, kicker and run-in deck at the start of the first paragraph.
fn read_lead<'a>(parts: &mut Parts<'a>) {
    let Some(&first) = parts.paragraphs.first() else {
        return;
    };
    let mut rest = first;
    if let Some((kicker, offset)) = split_kicker(rest).filter(|_| split_dateline(rest).is_none()) {
        parts.kicker = Some(kicker);
        rest = &rest[offset..];
    }
    if let Some((dateline, offset)) = split_dateline(rest) {
        parts.dateline = Some(dateline);
        if let Some(agency) = dateline_agency(dateline) {
            push_unique(&mut parts.agencies, agency);
        }
        rest = &rest[offset..];
    }
    if let Some((deck, offset)) = split_run_in_deck(rest) {
        parts.deck = Some(deck);
        rest = &rest[offset..];
    }
    if rest.is_empty() {
        // The line held only the lead-in; its text lives in those fields.
        parts.paragraphs.remove(0);
    } else {
        parts.paragraphs[0] = rest;
    }
}

/// "(Reuters)" inside a dateline.
fn dateline_agency(dateline: &str) -> Option<&'static str> {
    let open = dateline.find('(')?;
    let close = dateline[open..].find(')')? + open;
    super::agencies::canonical_agency(dateline[open + 1..close].trim())
}

/// No terminal . ! ? … at the end, allowing closing quotes and brackets.
pub fn stops_mid_sentence(paragraph: &str) -> bool {
    let core = paragraph.trim_end_matches(is_closing_quote_or_bracket);
    !core.ends_with([
        '.', '!', '?', '\u{2026}', '\u{3002}', '\u{FF01}', '\u{FF1F}',
    ])
}

#[cfg(test)]
mod tests;
