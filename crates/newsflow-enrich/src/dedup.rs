//! Near-duplicate detection: a 64-bit SimHash over word 3-shingles, and an
//! in-memory index of the last `window` articles. An article within
//! Hamming distance `max_distance` of an earlier one — or with the same
//! normalised text — gets `duplicate_of` = that article's id.
//!
//! Memory is bounded: a ring of `window` entries plus a banded index. The
//! hash is cut into `max_distance + 1` bands; two hashes that differ in at
//! most `max_distance` bits agree exactly on at least one band
//! (pigeonhole), so a lookup only compares the entries sharing a band
//! (4 × 16-bit bands at the default distance 3).
//!
//! An article whose `id` is already in the window is a replay (a restart
//! re-reading its input): it gets the answer it got the first time and is
//! never its own duplicate. Bodies under [`MIN_WORDS`] words get a
//! simhash but are neither looked up nor indexed (too little text to
//! call two of them the same story).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use newsflow_model::EnrichedArticle;
use rustc_hash::FxHashMap as HashMap;

use crate::dates::body_cache;
use crate::dates::tokens::Kind;
use crate::{EnrichError, Enricher};

pub const DEFAULT_MAX_DISTANCE: u32 = 3;
pub const DEFAULT_WINDOW: usize = 100_000;
/// Bands are at least 4 bits wide, so distances above 15 are capped.
pub const MAX_SUPPORTED_DISTANCE: u32 = 15;
pub const MIN_WORDS: usize = 10;

/// SimHash fingerprint and exact-text hash of one body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub simhash: u64,
    /// Hash of the lower-cased word sequence (punctuation and spacing ignored).
    pub exact: u128,
    pub words: usize,
}

pub fn fingerprint(text: &str) -> Fingerprint {
    let word_hashes: Vec<u64> = body_cache::with_words(text, |_, _, tokens| {
        tokens
            .iter()
            .filter(|t| t.kind != Kind::Punct)
            .map(|t| {
                if t.lower.is_empty() {
                    word_hash(t.text)
                } else {
                    fnv(t.lower.as_bytes())
                }
            })
            .collect()
    });
    // Per bit, how many shingle hashes have it set; a bit is on when more
    // than half do. The 64 counters are kept bit-sliced (plane k holds bit k
    // of every counter), so adding a hash is a few word operations.
    let mut counter = BitSlicedCounter::default();
    if word_hashes.len() < 3 {
        word_hashes.iter().for_each(|&h| counter.add(mix(h)));
    } else {
        for w in word_hashes.windows(3) {
            counter.add(mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42)));
        }
    }
    let simhash = counter.majority();
    let (mut lo, mut hi) = (0x243f_6a88_85a3_08d3_u64, 0x1319_8a2e_0370_7344_u64);
    for &h in &word_hashes {
        lo = mix(lo ^ h);
        hi = mix(hi.rotate_left(17) ^ h.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    }
    Fingerprint {
        simhash,
        exact: (u128::from(hi) << 64) | u128::from(lo),
        words: word_hashes.len(),
    }
}

/// 64 counters, one per bit position, stored as bit planes: `planes[k]`
/// has bit `b` set when counter `b` has bit `k` set.
#[derive(Default)]
struct BitSlicedCounter {
    planes: [u64; 32],
    added: u64,
}

impl BitSlicedCounter {
    /// Adds 1 to the counter of every bit set in `h` (ripple-carry over
    /// the planes; the carry dies out after ~2 planes on average).
    fn add(&mut self, h: u64) {
        self.added += 1;
        let mut carry = h;
        for plane in &mut self.planes {
            if carry == 0 {
                break;
            }
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
        }
    }

    /// Bits whose counter exceeds half of the values added.
    fn majority(&self) -> u64 {
        (0..64).fold(0u64, |acc, bit| {
            let count = self
                .planes
                .iter()
                .enumerate()
                .fold(0u64, |c, (k, plane)| c | ((plane >> bit & 1) << k));
            if 2 * count > self.added {
                acc | 1 << bit
            } else {
                acc
            }
        })
    }
}

/// FNV-1a of bytes already lower-cased (what [`word_hash`] of an ASCII
/// word comes to).
fn fnv(lower: &[u8]) -> u64 {
    lower.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// FNV-1a over the lower-cased word: stable across runs and machines.
fn word_hash(word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in word.chars() {
        if c.is_ascii() {
            feed(c.to_ascii_lowercase() as u8);
        } else {
            let mut utf8 = [0u8; 4];
            for l in c.to_lowercase() {
                l.encode_utf8(&mut utf8).bytes().for_each(&mut feed);
            }
        }
    }
    h
}

/// splitmix64's finaliser: spreads FNV's weak high bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub struct NearDuplicateEnricher {
    max_distance: u32,
    index: Mutex<Index>,
}

impl NearDuplicateEnricher {
    /// `max_distance`: Hamming distance that still counts as a duplicate
    /// (capped at [`MAX_SUPPORTED_DISTANCE`]); `window`: how many recent
    /// articles are remembered (at least 1).
    pub fn new(max_distance: u32, window: usize) -> Self {
        let max_distance = max_distance.min(MAX_SUPPORTED_DISTANCE);
        Self {
            max_distance,
            index: Mutex::new(Index::new(window.max(1), max_distance + 1)),
        }
    }

    /// Number of articles currently remembered.
    pub fn len(&self) -> usize {
        self.index.lock().map_or(0, |i| i.entries.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for NearDuplicateEnricher {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_DISTANCE, DEFAULT_WINDOW)
    }
}

impl Enricher for NearDuplicateEnricher {
    fn name(&self) -> &'static str {
        "near_duplicates"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        // Hash outside the lock; only the index lookup is serialised.
        let print = fingerprint(&record.article.body);
        record.simhash = Some(format!("{:016x}", print.simhash));
        if print.words < MIN_WORDS {
            return Ok(());
        }
        let mut index = self.index.lock().map_err(|_| {
            EnrichError::Failed("near-duplicate index poisoned by an earlier panic".into())
        })?;
        record.duplicate_of = index.check_and_insert(&record.article.id, print, self.max_distance);
        Ok(())
    }
}

/// Candidates compared per band in one lookup.
const MAX_BAND_CANDIDATES: usize = 64;

struct Entry {
    id: Arc<str>,
    simhash: u64,
    exact: u128,
    duplicate_of: Option<Arc<str>>,
}

/// Entries are numbered by arrival (`seq`); `entries[0]` has `first_seq`.
struct Index {
    capacity: usize,
    bands: u32,
    entries: VecDeque<Entry>,
    first_seq: u64,
    /// Entry numbers per band key, oldest first (eviction pops the front).
    by_band: HashMap<(u8, u64), VecDeque<u64>>,
    by_exact: HashMap<u128, u64>,
    by_id: HashMap<Arc<str>, u64>,
}

impl Index {
    fn new(capacity: usize, bands: u32) -> Self {
        Self {
            capacity,
            bands,
            entries: VecDeque::new(),
            first_seq: 0,
            by_band: HashMap::default(),
            by_exact: HashMap::default(),
            by_id: HashMap::default(),
        }
    }

    /// The `bands` keys of `simhash`: band number and its bits.
    fn band_keys(&self, simhash: u64) -> impl Iterator<Item = (u8, u64)> {
        let bands = self.bands;
        let width = 64 / bands;
        (0..bands).map(move |b| {
            let shift = b * width;
            // The last band takes the leftover bits.
            let bits = if b + 1 == bands { 64 - shift } else { width };
            let mask = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            (b as u8, simhash >> shift & mask)
        })
    }

    fn entry(&self, seq: u64) -> Option<&Entry> {
        self.entries
            .get(usize::try_from(seq.checked_sub(self.first_seq)?).ok()?)
    }

    fn check_and_insert(
        &mut self,
        id: &str,
        print: Fingerprint,
        max_distance: u32,
    ) -> Option<String> {
        if let Some(&seq) = self.by_id.get(id) {
            // Replay: same answer as the first time.
            return self
                .entry(seq)
                .and_then(|e| e.duplicate_of.as_deref().map(str::to_owned));
        }
        let exact = self
            .by_exact
            .get(&print.exact)
            .and_then(|&s| self.entry(s))
            .map(|e| e.id.clone());
        let original = exact.or_else(|| self.nearest(print.simhash, max_distance));
        self.insert(Entry {
            id: Arc::from(id),
            simhash: print.simhash,
            exact: print.exact,
            duplicate_of: original.clone(),
        });
        original.map(|o| o.to_string())
    }

    /// The closest remembered article within `max_distance` (earliest on ties).
    fn nearest(&self, simhash: u64, max_distance: u32) -> Option<Arc<str>> {
        let mut best: Option<(u32, u64)> = None;
        for key in self.band_keys(simhash) {
            // Templated stories can pile thousands of entries into one band:
            // a crowded band is compared on its oldest half of the budget
            // (originals) and its newest half (a copy of a recent story), so
            // a lookup costs at most bands x MAX_BAND_CANDIDATES comparisons.
            let Some(bucket) = self.by_band.get(&key) else {
                continue;
            };
            let half = MAX_BAND_CANDIDATES / 2;
            let (oldest, newest) = if bucket.len() <= MAX_BAND_CANDIDATES {
                (bucket.len(), 0)
            } else {
                (half, half)
            };
            let candidates = bucket
                .iter()
                .take(oldest)
                .chain(bucket.iter().skip(bucket.len() - newest));
            for &seq in candidates {
                let Some(entry) = self.entry(seq) else {
                    continue;
                };
                let distance = (entry.simhash ^ simhash).count_ones();
                let better = match best {
                    Some(b) => (distance, seq) < b,
                    None => true,
                };
                if distance <= max_distance && better {
                    best = Some((distance, seq));
                }
                if distance == 0 {
                    break; // candidates come in arrival order: none later beats it
                }
            }
        }
        best.and_then(|(_, seq)| self.entry(seq))
            .map(|e| e.id.clone())
    }

    fn insert(&mut self, entry: Entry) {
        if self.entries.len() == self.capacity {
            self.evict_oldest();
        }
        let seq = self.first_seq + self.entries.len() as u64;
        let keys: Vec<_> = self.band_keys(entry.simhash).collect();
        for key in keys {
            self.by_band.entry(key).or_default().push_back(seq);
        }
        self.by_exact.entry(entry.exact).or_insert(seq);
        self.by_id.insert(entry.id.clone(), seq);
        self.entries.push_back(entry);
    }

    fn evict_oldest(&mut self) {
        let Some(old) = self.entries.pop_front() else {
            return;
        };
        let seq = self.first_seq;
        self.first_seq += 1;
        let keys: Vec<_> = self.band_keys(old.simhash).collect();
        for key in keys {
            if let Some(bucket) = self.by_band.get_mut(&key) {
                // The evicted entry is the oldest, so it leads every bucket it is in.
                if bucket.front() == Some(&seq) {
                    bucket.pop_front();
                }
                if bucket.is_empty() {
                    self.by_band.remove(&key);
                }
            }
        }
        if self.by_exact.get(&old.exact) == Some(&seq) {
            self.by_exact.remove(&old.exact);
        }
        if self.by_id.get(&old.id) == Some(&seq) {
            self.by_id.remove(&old.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A band crowded far past the per-band budget: a copy of the newest
    /// entry that shares only that band with it is still found.
    #[test]
    fn a_recent_entry_is_found_through_a_crowded_band() {
        let mut index = Index::new(10_000, 4);
        let print = |simhash: u64, exact: u128| Fingerprint {
            simhash,
            exact,
            words: MIN_WORDS,
        };
        // All share band 0 (the low 16 bits); the other bands are random,
        // so none is within 3 bits of the query below.
        for k in 0..2_000u64 {
            let simhash = (mix(k + 1) & !0xffff) | 0x1234;
            index.check_and_insert(&format!("old{k}"), print(simhash, k.into()), 3);
        }
        let recent = (mix(999_999) & !0xffff) | 0x1234;
        assert_eq!(
            index.check_and_insert("recent", print(recent, 1 << 100), 3),
            None
        );
        // One bit off in each of bands 1-3: only band 0 is shared.
        let query = recent ^ (1 << 16) ^ (1 << 32) ^ (1 << 48);
        assert_eq!(
            index.check_and_insert("copy", print(query, 1 << 101), 3),
            Some("recent".to_owned())
        );
    }

    #[test]
    fn bit_sliced_majority_matches_plain_counting() {
        let hashes: Vec<u64> = (0..1001u64).map(|i| mix(i.wrapping_mul(7919))).collect();
        for n in [1, 2, 3, 64, 1001] {
            let mut counter = BitSlicedCounter::default();
            let mut counts = [0u64; 64];
            for &h in &hashes[..n] {
                counter.add(h);
                for (bit, c) in counts.iter_mut().enumerate() {
                    *c += h >> bit & 1;
                }
            }
            let expected = (0..64).fold(0u64, |acc, bit| {
                if 2 * counts[bit] > n as u64 {
                    acc | 1 << bit
                } else {
                    acc
                }
            });
            assert_eq!(counter.majority(), expected, "n = {n}");
        }
    }
}
