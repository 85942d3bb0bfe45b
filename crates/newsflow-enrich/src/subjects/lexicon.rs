//! The subject lexicon (`data/subjects/lexicon.txt`), parsed once, and the
//! word hashing shared with the scorer: terms are looked up by a 64-bit
//! hash of their (stemmed) words, so scoring allocates nothing per token.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::dates::tokens::ascii_lower;

const SOURCE: &str = include_str!("../../data/subjects/lexicon.txt");

/// Longest term in words.
pub(crate) const MAX_TERM_WORDS: usize = 3;

pub(crate) struct Topic {
    pub code: &'static str,
    pub name: &'static str,
}

pub(crate) struct Lexicon {
    pub topics: Vec<Topic>,
    /// Term hash → (topic index, weight) for each topic the term belongs to.
    pub terms: FxHashMap<u64, Vec<(usize, f64)>>,
    /// Hashes of the first words of multi-word terms ([`ngram`] of a
    /// proper prefix): the scorer extends only these word runs.
    pub prefixes: FxHashSet<u64>,
    /// Every key of `terms` and `prefixes`: most words of a text are
    /// neither, and this check is far cheaper than the two map lookups.
    pub keys: KeyFilter,
}

/// A one-hash Bloom filter over 64-bit term hashes (no false negatives).
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
}

impl KeyFilter {
    /// 2^16 bits (8 KiB): a few percent false positives for this lexicon.
    const BITS_LOG2: u32 = 16;

    fn new(keys: impl Iterator<Item = u64>) -> Self {
        let mut bits = vec![0u64; 1 << (Self::BITS_LOG2 - 6)];
        for key in keys {
            let bit = Self::bit(key);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        Self { bits }
    }

    fn bit(key: u64) -> usize {
        // The top bits: the hashes are fully mixed.
        (key >> (64 - Self::BITS_LOG2)) as usize
    }

    /// False only when `key` is certainly not in the set.
    #[inline]
    pub fn may_contain(&self, key: u64) -> bool {
        let bit = Self::bit(key);
        self.bits
            .get(bit >> 6)
            .is_some_and(|word| word & (1 << (bit & 63)) != 0)
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(SOURCE));

/// Parses the lexicon text. The file is ours and checked by a unit test,
/// so a malformed line is skipped rather than reported at run time.
fn parse(source: &'static str) -> Lexicon {
    let mut topics = Vec::new();
    let mut terms: FxHashMap<u64, Vec<(usize, f64)>> = FxHashMap::default();
    let mut prefixes = FxHashSet::default();
    for line in source.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            if let Some((code, name)) = rest.split_once(']') {
                topics.push(Topic {
                    code,
                    name: name.trim(),
                });
            }
            continue;
        }
        let Some(topic) = topics.len().checked_sub(1) else {
            continue;
        };
        let Some((weight, term)) = line.split_once(' ') else {
            continue;
        };
        let Ok(weight) = weight.parse::<f64>() else {
            continue;
        };
        let Some((exact, words)) = term_words(term) else {
            continue;
        };
        for len in 1..words.len() {
            prefixes.insert(ngram(exact, words[..len].iter().copied()));
        }
        let hash = ngram(exact, words.into_iter());
        let entry = terms.entry(hash).or_default();
        match entry.iter_mut().find(|(t, _)| *t == topic) {
            Some(existing) => existing.1 = existing.1.max(weight),
            None => entry.push((topic, weight)),
        }
    }
    let keys = KeyFilter::new(terms.keys().chain(prefixes.iter()).copied());
    Lexicon {
        topics,
        terms,
        prefixes,
        keys,
    }
}

/// Hash of a lexicon term: capitalised terms match as written, lower-case
/// ones after [`stem`]. Hyphens separate words ("semi-final").
#[cfg(test)]
fn term_hash(term: &str) -> Option<u64> {
    term_words(term).map(|(exact, words)| ngram(exact, words.into_iter()))
}

/// Whether `term` matches as written, and its word hashes.
fn term_words(term: &str) -> Option<(bool, Vec<u64>)> {
    let exact = term.starts_with(|c: char| c.is_uppercase());
    let words: Vec<&str> = term.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_TERM_WORDS {
        return None;
    }
    let mut buf = [0u8; 24];
    let hashes = words.iter().map(|w| {
        if exact {
            exact_hash(w)
        } else {
            lower_hash(w, &mut buf)
        }
    });
    Some((exact, hashes.collect()))
}

/// Hash of `word` lower-cased and stemmed (0 for non-ASCII or very long words).
pub(crate) fn lower_hash(word: &str, buf: &mut [u8; 24]) -> u64 {
    lowered_hash(ascii_lower(word, buf))
}

/// [`lower_hash`] of a word already lower-cased by [`ascii_lower`].
pub(crate) fn lowered_hash(lower: &str) -> u64 {
    if lower.is_empty() {
        return 0;
    }
    fnv(stem(lower).as_bytes())
}

pub(crate) fn exact_hash(word: &str) -> u64 {
    fnv(word.as_bytes()) ^ 0x5bd1_e995
}

/// Combines word hashes in order; `exact` and stemmed n-grams never collide.
pub(crate) fn ngram(exact: bool, hashes: impl Iterator<Item = u64>) -> u64 {
    hashes.fold(ngram_seed(exact), extend_ngram)
}

/// The hash of the empty n-gram.
pub(crate) fn ngram_seed(exact: bool) -> u64 {
    if exact {
        0x9e37_79b9_7f4a_7c15
    } else {
        0x2545_f491_4f6c_dd1d
    }
}

/// The hash of n-gram `acc` followed by the word hashed `h`.
pub(crate) fn extend_ngram(acc: u64, h: u64) -> u64 {
    mix(acc.rotate_left(5) ^ h)
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Folds plurals onto the singular ("rates" → "rate", "companies" →
/// "company", "matches" → "match"), leaving "bus", "analysis", "press".
pub(crate) fn stem(word: &str) -> &str {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        // "companies" → "compan" + the caller sees "compan"; keep it symmetric
        // by cutting the same way for "company" below.
        return &word[..n - 3];
    }
    if n > 3
        && word.ends_with('y')
        && !word.ends_with("ay")
        && !word.ends_with("ey")
        && !word.ends_with("oy")
    {
        return &word[..n - 1];
    }
    if n > 4
        && (word.ends_with("ches")
            || word.ends_with("shes")
            || word.ends_with("sses")
            || word.ends_with("xes"))
    {
        return &word[..n - 2];
    }
    if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return &word[..n - 1];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_filter_admits_every_key_and_rejects_most_others() {
        let lexicon = &*LEXICON;
        let keys = lexicon.terms.keys().chain(lexicon.prefixes.iter());
        assert!(keys.copied().all(|k| lexicon.keys.may_contain(k)));
        let admitted = (0..10_000u64)
            .map(|n| mix(n ^ 0xdead_beef))
            .filter(|&h| lexicon.keys.may_contain(h))
            .count();
        assert!(
            admitted < 2_000,
            "filter admits {admitted} of 10000 strangers"
        );
    }

    #[test]
    fn every_topic_has_terms_and_the_file_parses_fully() {
        let lexicon = &*LEXICON;
        assert_eq!(lexicon.topics.len(), 17);
        for (i, topic) in lexicon.topics.iter().enumerate() {
            assert!(
                topic.code.starts_with("medtop:") && topic.code.len() == 15,
                "{}",
                topic.code
            );
            let count = lexicon
                .terms
                .values()
                .filter(|v| v.iter().any(|(t, _)| *t == i))
                .count();
            assert!(count >= 20, "{} has only {count} terms", topic.name);
        }
        let term_lines = SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .count();
        let parsed: usize = lexicon.terms.values().map(Vec::len).sum();
        // Duplicated lines collapse; none may be silently malformed.
        for line in SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('['))
        {
            let (w, term) = line.split_once(' ').expect("weight and term");
            assert!(
                w.parse::<f64>().is_ok() && term_hash(term).is_some(),
                "bad line {line:?}"
            );
        }
        assert!(parsed <= term_lines);
    }

    #[test]
    fn stems_fold_plurals() {
        assert_eq!(stem("rates"), stem("rate"));
        assert_eq!(stem("companies"), stem("company"));
        assert_eq!(stem("matches"), stem("match"));
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("press"), "press");
    }
}
