//! Quote enrichment: direct quotes with cue verb and speaker (canonical
//! entity name). Runs after the entity enricher and uses its entities; when
//! none are there yet it runs the entity analysis itself.

mod attribute;
mod canonical;
mod cues;
mod documents;
pub mod find;
mod gender;
mod possessive;
mod resolve;
#[cfg(test)]
mod rule_tests;
mod title_modifier;
mod titles;
mod titles_abbrev;

use newsflow_model::{EnrichedArticle, Quote};

use crate::dates::body_cache::with_name_tokens;
use crate::entities::{analyze, ensure_english};
use crate::{EnrichError, Enricher};

/// Fills `quotes`. English only.
#[derive(Debug, Default, Clone)]
pub struct QuoteEnricher;

impl QuoteEnricher {
    pub fn new() -> Self {
        Self
    }
}

impl Enricher for QuoteEnricher {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn enrich(&self, article: &mut EnrichedArticle) -> Result<(), EnrichError> {
        ensure_english(article)?;
        article.quotes = extract_quotes(article);
        Ok(())
    }
}

/// The quotes of an article's body, in order.
pub fn extract_quotes(article: &EnrichedArticle) -> Vec<Quote> {
    let body = &article.article.body;
    let spans = find::find_quotes(body);
    if spans.is_empty() {
        return Vec::new();
    }
    let computed;
    let entities = if article.entities.is_empty() {
        computed = analyze(article).0;
        &computed
    } else {
        &article.entities
    };
    with_name_tokens(body, |tokens| {
        let attributor = attribute::Attributor::new(tokens, entities, body, &spans);
        let mut quotes = Vec::with_capacity(spans.len());
        let breaks = paragraph_breaks(body);
        // The last attributed quote: speaker, paragraph of its end, closing mark.
        let mut previous: Option<(usize, u32, usize)> = None;
        // The closing mark of the last quote, when a cue gave it to no one.
        let mut unnamed_close: Option<usize> = None;
        for span in &spans {
            let last = previous.map(|p| attribute::Previous {
                speaker: p.0,
                close: p.2,
            });
            let text = &body[span.start_byte..span.end_byte];
            let (speaker, cue) = if attributor.is_title(span, text) {
                // A title has no speaker and passes none on.
                (None, None)
            } else {
                let attribution = attributor.attribute(span, last);
                let paragraph_of = |pos: usize| breaks.partition_point(|&b| b < pos) as u32;
                // "… a man from Eritrea, told the BBC he had been "afraid". "I
                // want to be safe," he said": the pronoun is the unnamed
                // speaker of the paragraph's quote before.
                let unnamed_pronoun = unnamed_close.is_some_and(|c| {
                    paragraph_of(c) == paragraph_of(span.open)
                        && attributor.next_sentence(c, span.open)
                        && attribution
                            .cue_at
                            .is_some_and(|at| attributor.pronoun_beside(at))
                });
                unnamed_close = None;
                if attribution.anonymous || unnamed_pronoun {
                    // The unnamed speaker's words: no one's, and they pass no
                    // earlier speaker on to the quotes after them.
                    previous = None;
                    (None, attribution.cue)
                } else {
                    let speaker = match attribution.speaker {
                        Some(s) => Some(s),
                        // "Q: … A: “…”": an interview's answer is its subject's.
                        None if attribution.cue.is_none() && is_answer(body, span) => {
                            attributor.most_salient_person(span.open)
                        }
                        None if attribution.cue.is_none() => {
                            let start_paragraph = paragraph_of(span.open);
                            uncued_speaker(&attributor, span, last, previous, start_paragraph)
                        }
                        // "… "for months", and said it was "damning…"": a cue
                        // without a subject of its own continues the sentence's
                        // earlier quote.
                        None => previous
                            .filter(|p| attributor.same_sentence(p.2, span.open))
                            .map(|p| p.0),
                    };
                    if let Some(s) = speaker {
                        previous = Some((s, paragraph_of(span.close), span.close));
                    } else if attribution.cue.is_some() {
                        unnamed_close = Some(span.close);
                    }
                    (speaker, attribution.cue)
                }
            };
            quotes.push(Quote {
                text: text.to_owned(),
                start: span.start,
                end: span.end,
                speaker: speaker.map(|s| canonical::speaker_name(entities, s, span.start, body)),
                cue,
            });
        }
        quotes
    })
}

/// Whether the quote's paragraph opens with an interview answer's "A:"
/// right before its opening mark.
fn is_answer(body: &str, span: &find::QuoteSpan) -> bool {
    let Some(before) = body.get(..span.start_byte) else {
        return false;
    };
    let paragraph = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let lead = paragraph
        .trim_end_matches(['"', '\u{201c}', '\'', '\u{2018}'])
        .trim();
    lead == "A:"
}

/// The speaker of a quote with no cue of its own. `previous` is the last
/// attributed quote: speaker, paragraph of its end, closing mark.
fn uncued_speaker(
    attributor: &attribute::Attributor<'_>,
    span: &find::QuoteSpan,
    last: Option<attribute::Previous>,
    previous: Option<(usize, u32, usize)>,
    start_paragraph: u32,
) -> Option<usize> {
    // "Sunak defended the record, promising …: “The Home Secretary and I
    // …”": a colon hands the quote to the subject of the sentence it ends.
    let colon_subject = attributor
        .after_colon(span)
        .then(|| {
            attributor
                .sentence_subject(span, last)
                .or_else(|| attributor.colon_possessor(span, last))
        })
        .flatten();
    // A quote opening a sentence continues the previous speaker's words in
    // the same or the next paragraph; one inside a sentence only that
    // sentence's earlier quote.
    let continues = previous.filter(|p| {
        if attributor.starts_sentence(span) {
            start_paragraph <= p.1 + 1
        } else {
            attributor.same_sentence(p.2, span.open)
        }
    });
    // "“…,” Ferro said. Quill disagreed. “It was finished.”": a sentence
    // of narrative about another person, in the quote's own paragraph,
    // hands the quote to that person.
    let narrated = continues
        .filter(|_| attributor.starts_sentence(span) && attributor.follows_in_paragraph(span))
        .and_then(|p| {
            attributor
                .previous_sentence_subject(span, last)
                .filter(|&s| s != p.0)
        });
    colon_subject
        .or(narrated)
        .or(continues.map(|p| p.0))
        .or_else(|| {
            if attributor.starts_sentence(span) {
                attributor.previous_sentence_subject(span, last)
            } else {
                attributor.sentence_subject(span, last)
            }
        })
}

/// Code points of every blank-line paragraph break (the second `\n` of each
/// `\n\n` pair), for paragraph numbers. Byte-wise: newlines are rare, and
/// code points are counted only up to each break.
fn paragraph_breaks(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut breaks = Vec::new();
    let (mut counted_bytes, mut code_points) = (0, 0);
    for j in memchr::memchr_iter(b'\n', bytes) {
        if j > 0 && bytes[j - 1] == b'\n' {
            code_points += body[counted_bytes..j].chars().count();
            counted_bytes = j;
            breaks.push(code_points);
        }
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::paragraph_breaks;

    #[test]
    fn paragraph_breaks_are_code_points_of_each_second_newline() {
        let body = "“Hé”\n\nNext ‘one’.\n\n\nLast\n";
        // Sized once (a code point is at most one byte of the body each).
        let mut chars: Vec<char> = Vec::with_capacity(body.len());
        chars.extend(body.chars());
        let expected: Vec<usize> = (1..chars.len())
            .filter(|&i| chars[i - 1] == '\n' && chars[i] == '\n')
            .collect();
        assert_eq!(paragraph_breaks(body), expected);
        assert_eq!(expected.len(), 3);
    }
}
