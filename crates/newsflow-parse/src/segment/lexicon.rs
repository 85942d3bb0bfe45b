//! Word interning and the small closed word classes the boundary features
//! look for. Every list here is written by hand for this crate.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Pronouns and demonstratives: a paragraph that opens with one refers back,
/// so it rarely opens a story.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this",
    "these", "those", "that", "him", "them", "such",
];

/// Discourse connectives that continue an argument.
const CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "however",
    "also",
    "meanwhile",
    "yet",
    "so",
    "still",
    "instead",
    "indeed",
    "moreover",
    "furthermore",
    "although",
    "though",
    "while",
    "nevertheless",
    "then",
    "as",
    "because",
    "since",
    "or",
    "nor",
    "even",
    "both",
    "other",
    "another",
    "others",
    "last",
    "earlier",
    "later",
    "previously",
    "separately",
    "elsewhere",
    "there",
];

/// Courtesy titles: "Mr Smith" means Smith was introduced earlier.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr"];

/// Function words that carry no topic.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "after",
    "before",
    "between",
    "against",
    "during",
    "without",
    "within",
    "through",
    "up",
    "down",
    "out",
    "off",
    "not",
    "no",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "told",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "if",
    "than",
    "too",
    "very",
    "more",
    "most",
    "much",
    "many",
    "some",
    "any",
    "all",
    "each",
    "every",
    "few",
    "own",
    "same",
    "just",
    "only",
    "now",
    "new",
    "one",
    "two",
    "s",
    "t",
    "us",
    "me",
    "my",
    "your",
    "itself",
    "himself",
    "herself",
    "themselves",
    "here",
    "per",
    "via",
    "mr",
    "year",
    "years",
    "last",
    "first",
    "time",
    "made",
    "make",
    "like",
    "well",
    "back",
    "get",
    "got",
    "going",
    "go",
    "set",
    "put",
    "added",
    "according",
    "around",
    "because",
    "further",
    "until",
    "upon",
    "whether",
    "again",
    "ago",
    "already",
    "among",
    "amid",
];

/// Word class of an interned id, decided by where the id falls: the closed
/// classes are interned first, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    Pronoun,
    Connective,
    Honorific,
    Function,
    Content,
}

/// Passes an already-mixed 64-bit hash straight through.
#[derive(Default)]
pub(crate) struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed by this map; fold bytes just in case.
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Hash of a word, lowercasing ASCII on the fly (FNV-1a plus a final mix so
/// both the low and the high bits are usable by the table).
pub(crate) fn word_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// Maps lowercase words to dense ids. Collisions of the 64-bit hash are
/// possible in principle but only blur a statistic, never break parsing.
pub(crate) struct Interner {
    ids: HashMap<u64, u32, BuildHasherDefault<PassThroughHasher>>,
    class_bounds: [u32; 4],
    pub(crate) the_id: u32,
}

impl Interner {
    pub(crate) fn new() -> Self {
        let mut interner = Interner {
            ids: HashMap::with_capacity_and_hasher(4096, BuildHasherDefault::default()),
            class_bounds: [0; 4],
            the_id: 0,
        };
        for (slot, list) in [PRONOUNS, CONNECTIVES, HONORIFICS, FUNCTION_WORDS]
            .iter()
            .enumerate()
        {
            for word in list.iter() {
                interner.intern(word.as_bytes());
            }
            interner.class_bounds[slot] = interner.len();
        }
        interner.the_id = interner.intern(b"the");
        interner
    }

    pub(crate) fn len(&self) -> u32 {
        // Ids are u32 by construction: a line count limit keeps vocabularies far below 4e9.
        self.ids.len() as u32
    }

    pub(crate) fn intern(&mut self, word: &[u8]) -> u32 {
        let next = self.len();
        *self.ids.entry(word_hash(word)).or_insert(next)
    }

    pub(crate) fn class(&self, id: u32) -> WordClass {
        let [p, c, h, f] = self.class_bounds;
        if id < p {
            WordClass::Pronoun
        } else if id < c {
            WordClass::Connective
        } else if id < h {
            WordClass::Honorific
        } else if id < f {
            WordClass::Function
        } else {
            WordClass::Content
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_classes_are_recognised_case_insensitively() {
        let mut interner = Interner::new();
        let he = interner.intern(b"He");
        let but = interner.intern(b"BUT");
        let mr = interner.intern(b"Mr");
        let of = interner.intern(b"of");
        let river = interner.intern(b"River");
        assert_eq!(interner.class(he), WordClass::Pronoun);
        assert_eq!(interner.class(but), WordClass::Connective);
        assert_eq!(interner.class(mr), WordClass::Honorific);
        assert_eq!(interner.class(of), WordClass::Function);
        assert_eq!(interner.class(river), WordClass::Content);
        assert_eq!(interner.intern(b"river"), river);
        assert_eq!(interner.intern(b"the"), interner.the_id);
    }
}
