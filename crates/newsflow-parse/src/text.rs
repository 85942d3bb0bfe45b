//! Plain-text parsing: decode, split into lines, cut into stories with the
//! segmenter, then read each story's structure (headline, byline, dateline,
//! kicker, deck, credits, agencies, paragraphs).

pub mod agencies;
pub mod credits;
pub mod dates;
pub mod decode;
pub mod header;
pub mod lead;
pub mod lines;
pub mod story;

use newsflow_model::{Article, RawDocument};

use crate::segment::{segment, Line};
use crate::{ParseError, ParseLimits};

/// Name and version recorded in every article's provenance.
pub const PARSER_NAME: &str = "plaintext/1";

/// Parses a plain-text document into the stories the segmenter finds in it.
pub fn parse_plain_text(
    doc: &RawDocument,
    limits: &ParseLimits,
) -> Result<Vec<Article>, ParseError> {
    with_lines(doc, limits, |lines| {
        let starts = if limits.one_story_per_document {
            vec![0]
        } else {
            story_starts(lines)?
        };
        let single_story = starts.len() == 1;
        let ends = starts.iter().skip(1).copied().chain([lines.len()]);
        Ok(starts
            .iter()
            .zip(ends)
            .enumerate()
            .map(|(index, (&start, end))| {
                let context = story::StoryContext {
                    doc,
                    segment: index as u32,
                    single_story,
                };
                story::build_article(&lines[start..end], &context)
            })
            .collect())
    })
}

/// Parses a document known to hold exactly one story (no segmentation).
pub fn parse_single_story(doc: &RawDocument, limits: &ParseLimits) -> Result<Article, ParseError> {
    with_lines(doc, limits, |lines| {
        let context = story::StoryContext {
            doc,
            segment: 0,
            single_story: true,
        };
        Ok(story::build_article(lines, &context))
    })
}

/// Decodes and splits `doc`, then hands its non-blank lines to `build`.
fn with_lines<T>(
    doc: &RawDocument,
    limits: &ParseLimits,
    build: impl FnOnce(&[Line<'_>]) -> Result<T, ParseError>,
) -> Result<T, ParseError> {
    let decoded = decode::decode(&doc.bytes, limits)?;
    let text_lines = lines::split_lines(&decoded.text, doc.first_line, limits)?;
    if text_lines.is_empty() {
        return Err(ParseError::Empty);
    }
    let lines: Vec<Line<'_>> = text_lines
        .iter()
        .map(|line| Line {
            text: &line.text,
            number: line.number,
            blank_before: line.blank_before,
        })
        .collect();
    build(&lines)
}

/// A "story" made only of a headline and/or byline lines is the head of
/// the story that follows it: the segmenter may cut after a byline, but a
/// byline never ends a story.
fn join_header_only_stories(lines: &[Line<'_>], starts: Vec<usize>) -> Vec<usize> {
    let is_header = |line: &Line<'_>| {
        header::parse_by_line(line.text).is_some() || header::looks_like_headline(line.text)
    };
    let mut kept: Vec<usize> = Vec::with_capacity(starts.len());
    let mut previous_is_header_only = false;
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(lines.len());
        if !previous_is_header_only {
            kept.push(start);
        }
        // "MOSCOW 1997-10-15" alone on its line opens a body: a story
        // ending in one is the head of the next.
        let this_is_header_only = lines.get(start..end).is_some_and(|story| {
            story.iter().all(is_header)
                || story.last().is_some_and(|l| lead::is_bare_dateline(l.text))
        });
        // A header-only story swallows the next start; a run of them keeps
        // joining until real body text comes.
        previous_is_header_only = this_is_header_only && end < lines.len();
    }
    kept
}

/// A paragraph this long that stops mid-sentence is a cut teaser, not a
/// caption or a list item.
const MIN_CUT_TEASER_WORDS: usize = 25;

/// Lines a story may open with before its body: headline, byline, dateline.
const HEADER_LINES: usize = 3;

/// A document headed like one article (a headline or a dateline at the
/// top) with no other story's head further down (no headline, byline,
/// dateline or capitals kicker line): one story, whatever its topics. The
/// segmenter is for glued stories; a single article that turns from one
/// subject to another is still one article.
fn shaped_as_one_story(lines: &[Line<'_>]) -> bool {
    let head = &lines[..lines.len().min(HEADER_LINES)];
    let headed = head
        .first()
        .is_some_and(|l| header::looks_like_headline(l.text))
        || head.iter().any(|l| lead::split_dateline(l.text).is_some());
    let body = lines.get(HEADER_LINES..).unwrap_or_default();
    let another_head = body.iter().any(|l| {
        header::looks_like_headline(l.text)
            || header::parse_by_line(l.text).is_some()
            || lead::split_dateline(l.text).is_some()
            || lead::split_kicker(l.text).is_some()
    });
    headed && !body.is_empty() && !another_head
}

/// A document whose paragraphs stand apart by one blank line (how
/// web extraction and most article files lay out one article), with no
/// wider gap, no dateline, byline or capitals kicker below its head and no
/// paragraph cut off before the end: one story. Its blank lines carry no
/// story breaks, and topic drift inside one article is no boundary. (Glued
/// dumps keep their stories apart by wider gaps, heads or cut-off teasers.)
fn laid_out_as_one_story(lines: &[Line<'_>]) -> bool {
    let Some((_, rest)) = lines.split_first() else {
        return false;
    };
    // Lists and captions may sit tight under a paragraph; most paragraphs
    // stand apart, none by more than one blank line.
    let apart = rest.iter().filter(|l| l.blank_before == 1).count();
    if rest.is_empty() || rest.iter().any(|l| l.blank_before > 1) || apart * 10 < rest.len() * 7 {
        return false;
    }
    let body = lines.get(HEADER_LINES..).unwrap_or_default();
    let another_head = body.iter().any(|l| {
        header::parse_by_line(l.text).is_some()
            || lead::split_dateline(l.text).is_some()
            || lead::split_kicker(l.text).is_some()
    });
    // A paragraph that stops mid-sentence before the end is a cut teaser
    // (headline-like lines, such as subheads, end without a stop anyway).
    let cut_before_end = lines[..lines.len() - 1].iter().any(|l| {
        story::stops_mid_sentence(l.text)
            && !header::looks_like_headline(l.text)
            && l.text.split(' ').count() > MIN_CUT_TEASER_WORDS
    });
    !another_head && !cut_before_end
}

/// The segmenter's story starts, checked: they must begin at 0 and rise
/// strictly inside `lines`, or stories would be lost or duplicated.
fn story_starts(lines: &[Line<'_>]) -> Result<Vec<usize>, ParseError> {
    if shaped_as_one_story(lines) || laid_out_as_one_story(lines) {
        return Ok(vec![0]);
    }
    let starts = join_header_only_stories(lines, segment(lines));
    let valid = starts.first() == Some(&0)
        && starts.windows(2).all(|pair| pair[0] < pair[1])
        && starts.last().is_some_and(|&last| last < lines.len());
    if valid {
        Ok(starts)
    } else {
        Err(ParseError::Invalid(format!(
            "segmenter returned invalid story starts {starts:?} for {} lines",
            lines.len()
        )))
    }
}
