//! Glued test streams: articles shuffled with a seed, headlines and blank
//! lines dropped, one paragraph per line, gold story starts kept aside.
//! Training may ask for layout variants (truncation, headlines, blank lines,
//! one sentence per line) so the scorer also learns those cues.

use std::fmt;
use std::str::FromStr;

use newsflow_parse::segment::Line;

use crate::corpus::CorpusArticle;
use crate::rng::SplitMix64;

/// Which articles: even positions (sorted by path) train, odd ones test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Test,
    All,
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Split::Train => "train",
            Split::Test => "test",
            Split::All => "all",
        })
    }
}

impl FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "train" => Ok(Split::Train),
            "test" => Ok(Split::Test),
            "all" => Ok(Split::All),
            other => Err(format!("unknown split {other:?} (train, test, all)")),
        }
    }
}

pub fn select(articles: &[CorpusArticle], split: Split) -> Vec<&CorpusArticle> {
    articles
        .iter()
        .enumerate()
        .filter(|(i, _)| match split {
            Split::Train => i % 2 == 0,
            Split::Test => i % 2 == 1,
            Split::All => true,
        })
        .map(|(_, a)| a)
        .collect()
}

/// A glued stream and its gold segmentation.
#[derive(Debug, Clone, Default)]
pub struct Stream {
    pub lines: Vec<String>,
    pub blank_before: Vec<u32>,
    /// Index of the first line of each article.
    pub starts: Vec<usize>,
}

impl Stream {
    pub fn as_lines(&self) -> Vec<Line<'_>> {
        self.lines
            .iter()
            .zip(&self.blank_before)
            .enumerate()
            .map(|(i, (text, &blank))| Line {
                text,
                number: i as u64 + 1,
                blank_before: blank,
            })
            .collect()
    }

    fn push(&mut self, text: String, blank_before: u32) {
        self.lines.push(text);
        self.blank_before.push(blank_before);
    }
}

/// Per-stream probabilities of layout variants (all zero: the plain format).
#[derive(Debug, Clone, Copy, Default)]
pub struct Augment {
    /// Each article's last paragraph is cut mid-sentence with probability 1/2.
    pub truncate: f64,
    /// Each article keeps its headline as a line above the body.
    pub headlines: f64,
    /// Blank lines appear (between articles only, or everywhere).
    pub blanks: f64,
    /// Paragraphs are split into one sentence per line.
    pub sentences: f64,
    /// Some articles shrink to a clipped teaser: the lede cut mid-sentence.
    pub snippets: f64,
    /// Some ledes open with an all-caps kicker taken from the headline ("FUEL PRICES: ...").
    pub kickers: f64,
}

/// Shuffles the articles `repeats` times (seeded) and glues each run of
/// `per_stream` into a stream; a short remainder joins the previous stream.
pub fn build(
    articles: &[&CorpusArticle],
    per_stream: usize,
    repeats: usize,
    seed: u64,
    augment: &Augment,
) -> Vec<Stream> {
    let mut rng = SplitMix64::new(seed);
    let mut streams = Vec::new();
    let per_stream = per_stream.max(2);
    for _ in 0..repeats {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        rng.shuffle(&mut order);
        let mut groups: Vec<Vec<usize>> = order.chunks(per_stream).map(<[usize]>::to_vec).collect();
        if groups.len() > 1 && groups.last().is_some_and(|g| g.len() < 2) {
            let tail = groups.pop().unwrap_or_default();
            if let Some(previous) = groups.last_mut() {
                previous.extend(tail);
            }
        }
        for group in groups {
            streams.push(glue(articles, &group, augment, &mut rng));
        }
    }
    streams
}

fn glue(
    articles: &[&CorpusArticle],
    group: &[usize],
    augment: &Augment,
    rng: &mut SplitMix64,
) -> Stream {
    let truncate = rng.unit() < augment.truncate;
    let headlines = rng.unit() < augment.headlines;
    let blanks = rng.unit() < augment.blanks;
    let everywhere = blanks && rng.unit() < 0.5;
    let sentences = rng.unit() < augment.sentences;
    let snippets = rng.unit() < augment.snippets;
    let kickers = rng.unit() < augment.kickers;
    let mut stream = Stream::default();
    for &index in group {
        let article = articles[index];
        stream.starts.push(stream.lines.len());
        let article_blank = u32::from(blanks) * (1 + u32::from(everywhere));
        let mut first = true;
        let blank_for = |first: &mut bool| {
            let b = if *first {
                article_blank
            } else {
                u32::from(everywhere)
            };
            *first = false;
            b
        };
        if headlines {
            let b = blank_for(&mut first);
            stream.push(article.headline.clone(), b);
        }
        let snippet = snippets && rng.unit() < 0.4;
        let paragraphs = if snippet {
            &article.paragraphs[..1]
        } else {
            &article.paragraphs[..]
        };
        let last = paragraphs.len() - 1;
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let clip = snippet || (truncate && p == last && rng.unit() < 0.5);
            let mut text = if clip {
                cut(paragraph, rng)
            } else {
                paragraph.clone()
            };
            if p == 0 && kickers && rng.unit() < 0.3 {
                text = format!("{}: {text}", kicker(&article.headline, rng));
            }
            if sentences {
                for sentence in split_sentences(&text) {
                    let b = blank_for(&mut first);
                    stream.push(sentence.to_owned(), b);
                }
            } else {
                let b = blank_for(&mut first);
                stream.push(text, b);
            }
        }
    }
    stream
}

/// One to three headline words in capitals.
fn kicker(headline: &str, rng: &mut SplitMix64) -> String {
    let words: Vec<&str> = headline.split_whitespace().take(1 + rng.below(3)).collect();
    words.join(" ").to_uppercase()
}

/// Cuts a paragraph after a random word so it ends mid-sentence.
fn cut(paragraph: &str, rng: &mut SplitMix64) -> String {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    if words.len() < 4 {
        return paragraph.to_owned();
    }
    let keep = words.len() / 3 + rng.below(words.len() / 2);
    let mut kept = words[..keep.max(2)].to_vec();
    while let Some(last) = kept.last() {
        if last.ends_with(|c: char| ".!?\"'\u{201d}\u{2019}".contains(c)) && kept.len() > 1 {
            kept.pop();
        } else {
            break;
        }
    }
    kept.join(" ")
}

/// Rough sentence split: after . ! ? (and closing quotes) followed by a space
/// and an uppercase letter or opening quote.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..bytes.len().saturating_sub(1) {
        if bytes[i] != b' ' {
            continue;
        }
        let before = text[..i].trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
        let next = bytes[i + 1];
        let ends = before.ends_with(['.', '!', '?'])
            && !before.ends_with(" Mr.")
            && before.len() > start + 1;
        if ends && (next.is_ascii_uppercase() || next == b'"') {
            out.push(text[start..i].trim());
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, paragraphs: &[&str]) -> CorpusArticle {
        CorpusArticle {
            path: path.into(),
            headline: format!("Headline {path}"),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn streams_keep_every_article_and_gold_starts() {
        let pool: Vec<CorpusArticle> = (0..5)
            .map(|i| article(&format!("a/{i}.txt"), &["One.", "Two. Three.", "Four."]))
            .collect();
        let refs: Vec<&CorpusArticle> = pool.iter().collect();
        let streams = build(&refs, 2, 1, 7, &Augment::default());
        // 5 articles in pairs: the lone fifth joins the last pair.
        assert_eq!(streams.len(), 2);
        assert_eq!(streams[1].starts, vec![0, 3, 6]);
        assert_eq!(streams.iter().map(|s| s.lines.len()).sum::<usize>(), 15);
        assert!(streams
            .iter()
            .all(|s| s.blank_before.iter().all(|&b| b == 0)));
    }

    #[test]
    fn split_by_parity() {
        let pool: Vec<CorpusArticle> = (0..5)
            .map(|i| article(&format!("a/{i}.txt"), &["x."]))
            .collect();
        assert_eq!(select(&pool, Split::Train).len(), 3);
        assert_eq!(select(&pool, Split::Test).len(), 2);
        assert_eq!(select(&pool, Split::All).len(), 5);
    }

    #[test]
    fn sentence_split_and_cut() {
        assert_eq!(
            split_sentences("It rained. \"Wet,\" he said. Then sun."),
            vec!["It rained.", "\"Wet,\" he said.", "Then sun."]
        );
        let mut rng = SplitMix64::new(1);
        let cut_text = cut(
            "The mayor opened the new bridge on Monday. Crowds cheered loudly.",
            &mut rng,
        );
        assert!(!cut_text.ends_with('.'));
        assert!(cut_text.starts_with("The mayor"));
    }
}
