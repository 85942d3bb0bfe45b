//! Keywords: the article's top terms with scores in (0, 1], computed from
//! statistics within the article (no background corpus): how often a term
//! occurs, whether it is a proper name (capitalised runs such as "Bank of
//! England" are preferred, multiword ones most), and how early it first
//! appears. A single name inside a longer one ("Kishida" in "Fumio
//! Kishida") adds its count to the longer one. Plurals fold onto the
//! singular. Stop words and generic news words are never keywords.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

use newsflow_model::{EnrichedArticle, Keyword};

use crate::dates::body_cache;
use crate::dates::tokens::{Kind, Token};
use crate::language::require_english;
use crate::subjects::lexicon::stem;
use crate::{EnrichError, Enricher};

pub const MAX_KEYWORDS: usize = 10;

const TITLE_WEIGHT: f64 = 2.0;
const PROPER_WEIGHT: f64 = 2.0;
const MULTIWORD_WEIGHT: f64 = 3.0;

static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/subjects/stopwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

#[derive(Debug, Clone, Copy)]
pub struct KeywordEnricher {
    max_keywords: usize,
}

impl Default for KeywordEnricher {
    fn default() -> Self {
        Self::new(MAX_KEYWORDS)
    }
}

impl KeywordEnricher {
    pub fn new(max_keywords: usize) -> Self {
        LazyLock::force(&STOP_WORDS);
        Self { max_keywords }
    }
}

impl Enricher for KeywordEnricher {
    fn name(&self) -> &'static str {
        "keywords"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        require_english(record)?;
        let article = &record.article;
        record.keywords = keywords(
            article.title.as_deref().unwrap_or(""),
            &article.body,
            self.max_keywords,
        );
        Ok(())
    }
}

/// Keys and forms borrow the text or its lower-cased copy, so counting
/// allocates nothing per word.
#[derive(Default)]
struct Candidate<'a> {
    /// Surface forms and their counts (the most frequent one is reported).
    /// The first form lives inline: most candidates have only one, and a
    /// `Vec` per candidate was the keyword step's main allocation cost.
    first_form: (&'a str, u32),
    more_forms: Vec<(&'a str, u32)>,
    count: f64,
    body_count: u32,
    /// Seen capitalised (a name, or a sentence-initial word).
    capitalised: bool,
    words: usize,
    proper: bool,
    /// Earliest position, 0 (start) .. 1 (end of body).
    first: f64,
}

/// The top `max` keywords of an article.
pub fn keywords(title: &str, body: &str, max: usize) -> Vec<Keyword> {
    body_cache::with_words(body, |body, body_lower, body_tokens| {
        body_cache::with_words(title, |title, title_lower, title_tokens| {
            rank(
                (body, body_lower, body_tokens),
                (title, title_lower, title_tokens),
                max,
            )
        })
    })
}

/// A text, its ASCII-lower-cased copy and its tokens.
type Tokenized<'a, 't> = (&'a str, &'a str, &'t [Token<'a>]);

fn rank(
    (body, body_lower, body_tokens): Tokenized<'_, '_>,
    (title, title_lower, title_tokens): Tokenized<'_, '_>,
    max: usize,
) -> Vec<Keyword> {
    // Sized up front: growing the map rehashes every candidate again.
    let mut candidates: HashMap<Cow<'_, str>, Candidate<'_>> =
        HashMap::with_capacity_and_hasher(body_tokens.len() / 3 + 16, Default::default());
    collect((body, body_lower), body_tokens, 1.0, false, &mut candidates);
    collect(
        (title, title_lower),
        title_tokens,
        TITLE_WEIGHT,
        true,
        &mut candidates,
    );
    fold_short_names(&mut candidates);
    let mut scored: Vec<(&str, f64)> = candidates
        .into_values()
        .filter(|c| c.proper || c.body_count >= 2)
        .map(|c| {
            let kind = match (c.proper, c.words) {
                (true, 1) => PROPER_WEIGHT,
                (true, _) => MULTIWORD_WEIGHT,
                (false, 1) => 1.0,
                (false, _) => PROPER_WEIGHT,
            };
            let early = 1.0 + 0.5 * (1.0 - c.first);
            let score = (1.0 + c.count.ln()) * kind * early;
            let form = std::iter::once(&c.first_form)
                .chain(&c.more_forms)
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or("", |(f, _)| *f);
            (form, score)
        })
        .collect();
    let best_first = |a: &(&str, f64), b: &(&str, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(b.0));
    // Only the top `max` need sorting: select them first (linear).
    if max > 0 && scored.len() > max {
        scored.select_nth_unstable_by(max - 1, best_first);
        scored.truncate(max);
    }
    scored.sort_unstable_by(best_first);
    let top = scored.first().map_or(1.0, |s| s.1);
    scored
        .into_iter()
        .take(max)
        .map(|(term, score)| Keyword {
            term: term.to_owned(),
            score: (score / top * 1000.0).round() / 1000.0,
        })
        .collect()
}

fn is_stop(lower: &str) -> bool {
    lower.is_empty() || STOP_WORDS.contains(lower)
}

/// Adds capitalised runs ("Bank of England") and content words.
/// `texts`: the text and its ASCII-lower-cased copy (same byte offsets).
fn collect<'a>(
    (text, lower_text): (&'a str, &'a str),
    tokens: &[Token<'a>],
    weight: f64,
    in_title: bool,
    out: &mut HashMap<Cow<'a, str>, Candidate<'a>>,
) {
    let n = tokens.len().max(1) as f64;
    let mut i = 0;
    let mut sentence_start = true;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != Kind::Word {
            sentence_start =
                t.ends_sentence() || t.is_punct(':') || (t.is_punct('"') && sentence_start);
            i += 1;
            continue;
        }
        let position = if in_title { 0.0 } else { i as f64 / n };
        if t.starts_upper() {
            let end = proper_run_end(tokens, i);
            // Drop leading titles and stop words: "The Bank of England",
            // "Prime Minister Fumio Kishida".
            let mut first = i;
            while first + 1 < end && is_title_or_stop(tokens[first].lower) {
                first += 1;
            }
            let form = &text[tokens[first].byte_start..tokens[end - 1].byte_end];
            let words = tokens[first..end].iter().filter(|w| w.is_word()).count();
            let lone = words == 1 && first + 1 == end;
            let lower = tokens[first].lower;
            let skip = (lone && (is_title_or_stop(lower) || form.chars().count() < 2))
                || (lone && sentence_start && in_title)
                || (form.len() > 4 && form.chars().all(|c| !c.is_lowercase()));
            if !skip {
                // A lone capitalised word that starts a sentence may be an
                // ordinary word: it shares the ordinary word's (stemmed) key.
                let proper = !sentence_start || words > 1 || first > i;
                let key = if words == 1 {
                    Cow::Borrowed(stem(lower))
                } else {
                    let span = tokens[first].byte_start..tokens[end - 1].byte_end;
                    if form.is_ascii() {
                        Cow::Borrowed(&lower_text[span])
                    } else {
                        Cow::Owned(form.to_lowercase())
                    }
                };
                let added = add(out, key, form, weight, words, proper, position, in_title);
                // A single word's key is its stem: the candidate just updated.
                if words == 1 {
                    added.capitalised = true;
                }
            }
            i = end;
            sentence_start = false;
            continue;
        }
        let lower = t.lower;
        if lower.len() >= 4 && !is_stop(lower) && !lower.contains('\'') {
            add(
                out,
                Cow::Borrowed(stem(lower)),
                lower,
                weight,
                1,
                false,
                position,
                in_title,
            );
        }
        sentence_start = false;
        i += 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn add<'a, 'm>(
    out: &'m mut HashMap<Cow<'a, str>, Candidate<'a>>,
    key: Cow<'a, str>,
    form: &'a str,
    weight: f64,
    words: usize,
    proper: bool,
    at: f64,
    in_title: bool,
) -> &'m mut Candidate<'a> {
    let c = out.entry(key).or_insert_with(|| Candidate {
        first: at,
        first_form: (form, 0),
        ..Candidate::default()
    });
    if c.first_form.0 == form {
        c.first_form.1 += 1;
    } else {
        match c.more_forms.iter_mut().find(|f| f.0 == form) {
            Some(f) => f.1 += 1,
            None => c.more_forms.push((form, 1)),
        }
    }
    c.count += weight;
    if !in_title {
        c.body_count += 1;
    }
    c.words = words;
    c.proper |= proper;
    c.first = c.first.min(at);
    c
}

fn is_title_or_stop(lower: &str) -> bool {
    is_stop(lower)
        || matches!(
            lower,
            "prime"
                | "minister"
                | "president"
                | "chancellor"
                | "secretary"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "dr"
                | "prof"
                | "professor"
                | "general"
                | "gen"
                | "chief"
                | "senator"
                | "sen"
                | "rep"
                | "governor"
                | "gov"
                | "mayor"
                | "judge"
                | "pope"
                | "archbishop"
                | "bishop"
                | "captain"
                | "coach"
                | "deputy"
                | "foreign"
                | "defence"
                | "defense"
                | "finance"
                | "interior"
                | "home"
                | "justice"
                | "vice"
                | "former"
                | "acting"
        )
}

/// End (exclusive) of a run of capitalised words starting at `i`,
/// allowing "of", "for", "the", "and", "de" inside ("Bank of England")
/// and glued numbers ("G7").
fn proper_run_end(tokens: &[Token<'_>], i: usize) -> usize {
    let mut end = i + 1;
    let mut j = i + 1;
    while let Some(t) = tokens.get(j) {
        let glued_number = t.is_number() && !t.space_before && j == end;
        if glued_number || (t.is_word() && t.starts_upper()) {
            j += 1;
            end = j;
        } else if t.is_word()
            && matches!(
                t.text,
                "of" | "for" | "the" | "and" | "de" | "del" | "von" | "al"
            )
        {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// "Kishida" seen alone and inside "Fumio Kishida": count it for the full name.
fn fold_short_names<'a>(candidates: &mut HashMap<Cow<'a, str>, Candidate<'a>>) {
    let long: Vec<Cow<'a, str>> = candidates
        .iter()
        .filter(|(_, c)| c.proper && c.words > 1)
        .map(|(k, _)| k.clone())
        .collect();
    let short: Vec<Cow<'a, str>> = candidates
        .iter()
        .filter(|(_, c)| c.capitalised && c.words == 1)
        .map(|(k, _)| k.clone())
        .collect();
    for s in short {
        let mut owners = long.iter().filter(|l| l.split(' ').any(|w| stem(w) == s));
        // Only an unambiguous part folds ("Smith" in two names stays).
        let (Some(owner), None) = (owners.next(), owners.next()) else {
            continue;
        };
        if let Some(part) = candidates.remove(&s) {
            if let Some(full) = candidates.get_mut(owner) {
                full.count += part.count;
                full.body_count += part.body_count;
                full.first = full.first.min(part.first);
            }
        }
    }
}
