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

/// The segmenter's story starts, checked: they must begin at 0 and rise
/// strictly inside `lines`, or stories would be lost or duplicated.
fn story_starts(lines: &[Line<'_>]) -> Result<Vec<usize>, ParseError> {
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
