//! One tokenisation per body and thread, shared by every enricher of the
//! chain: each enricher borrows the cached tokens through a closure instead
//! of re-tokenising (or copying) them. The cache owns a copy of the body,
//! so tokens borrow from it (a self-referential cell); a body with the same
//! text gives the same offsets, so callers may index their own copy.

use std::cell::RefCell;

use self_cell::self_cell;

use super::scan::{self, Found};
use super::tokens::{self, Token};
use crate::text_util;

/// Texts shorter than this are tokenised afresh (titles); longer ones
/// (bodies) go through the per-thread cache.
const CACHE_MIN_BYTES: usize = 256;

struct Owner {
    body: String,
    /// `body` ASCII-lower-cased (same byte offsets).
    lower: String,
}

struct Analysis<'a> {
    words: Vec<Token<'a>>,
    /// Date expressions of `words` (dates and amounts both need them),
    /// valid once `dates_done`.
    dates: Vec<Found>,
    dates_done: bool,
    /// The entity tokeniser's tokens (entities and quotes), valid once
    /// `names_done`.
    names: Vec<text_util::Token<'a>>,
    names_done: bool,
}

self_cell!(
    struct CachedBody {
        owner: Owner,
        #[covariant]
        dependent: Analysis,
    }
);

/// The emptied buffers of the previous entry, reused for the next body:
/// the token vectors are tens of KB, and allocating and freeing them per
/// article cost about 2% of the chain in malloc alone.
#[derive(Default)]
struct Spare {
    body: String,
    lower: String,
    words: Vec<Token<'static>>,
    names: Vec<text_util::Token<'static>>,
    dates: Vec<Found>,
}

/// Bodies longer than this do not hand their buffers on, so one huge
/// article does not pin its token vectors for the thread's lifetime.
const RECYCLE_MAX_BYTES: usize = 64 * 1024;

/// `v` emptied, as a vector of a type with the same layout (a token type
/// under another lifetime); the standard library's in-place collection
/// keeps the allocation.
fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

impl CachedBody {
    fn into_spare(mut self) -> Spare {
        if self.borrow_owner().body.len() > RECYCLE_MAX_BYTES {
            return Spare::default();
        }
        let (words, names, dates) = self.with_dependent_mut(|_, analysis| {
            (
                recycle(std::mem::take(&mut analysis.words)),
                recycle(std::mem::take(&mut analysis.names)),
                std::mem::take(&mut analysis.dates),
            )
        });
        let Owner { body, lower } = self.into_owner();
        Spare {
            body,
            lower,
            words,
            names,
            dates,
        }
    }

    fn build(text: &str, spare: Spare) -> Self {
        let Spare {
            mut body,
            mut lower,
            words,
            names,
            mut dates,
        } = spare;
        body.clear();
        body.push_str(text);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        dates.clear();
        CachedBody::new(Owner { body, lower }, |o| {
            let mut words = recycle(words);
            tokens::tokens_into(&o.body, &o.lower, &mut words);
            Analysis {
                words,
                dates,
                dates_done: false,
                names: recycle(names),
                names_done: false,
            }
        })
    }
}

thread_local! {
    /// The last body seen on this thread (one body per thread: bounded).
    static LAST_BODY: RefCell<Option<CachedBody>> = const { RefCell::new(None) };
}

/// Runs `f` on the cache entry for `text` (built unless it is the body seen
/// last); `None` when `text` is not cached (short, huge, or the cache is
/// already borrowed by an enclosing call).
fn with_cached<R>(
    text: &str,
    f: impl for<'a> FnOnce(&'a Owner, &mut Analysis<'a>) -> R,
) -> Option<R> {
    if text.len() < CACHE_MIN_BYTES || text.len() > u32::MAX as usize {
        return None;
    }
    LAST_BODY.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        let stale = slot
            .as_ref()
            .is_none_or(|cached| cached.borrow_owner().body != text);
        if stale {
            let spare = slot.take().map(CachedBody::into_spare).unwrap_or_default();
            *slot = Some(CachedBody::build(text, spare));
        }
        let cached = slot.as_mut()?;
        Some(cached.with_dependent_mut(|owner, analysis| f(owner, analysis)))
    })
}

/// Calls `f` with `text` (maybe the cache's equal copy), its ASCII
/// lower-cased form and its word tokens, all with one lifetime.
pub(crate) fn with_words<R>(
    text: &str,
    f: impl for<'a> FnOnce(&'a str, &'a str, &[Token<'a>]) -> R,
) -> R {
    let mut f = Some(f);
    let cached = with_cached(text, |owner, analysis| {
        // `f` is only taken here or below, never both.
        f.take()
            .map(|f| f(&owner.body, &owner.lower, &analysis.words))
    })
    .flatten();
    match (cached, f) {
        (Some(r), _) => r,
        (None, Some(f)) => {
            let lower = text.to_ascii_lowercase();
            f(text, &lower, &tokens::tokens_of(text, &lower))
        }
        // `f` was taken only when the cached call returned its result.
        (None, None) => unreachable!("cached call took the closure"),
    }
}

/// Calls `f` with the word tokens of `text` and their date expressions.
/// As [`with_dates`], never touching the cache: for a title or dateline,
/// which must not evict the body the other enrichers are about to read.
pub(crate) fn with_dates_uncached<R>(text: &str, f: impl FnOnce(&[Token<'_>], &[Found]) -> R) -> R {
    let lower = text.to_ascii_lowercase();
    let words = tokens::tokens_of(text, &lower);
    f(&words, &scan::scan(&words))
}

pub(crate) fn with_dates<R>(text: &str, f: impl FnOnce(&[Token<'_>], &[Found]) -> R) -> R {
    let mut f = Some(f);
    let cached = with_cached(text, |_, analysis| {
        if !analysis.dates_done {
            let found = std::mem::take(&mut analysis.dates);
            analysis.dates = scan::scan_into(&analysis.words, found);
            analysis.dates_done = true;
        }
        f.take().map(|f| f(&analysis.words, &analysis.dates))
    })
    .flatten();
    match (cached, f) {
        (Some(r), _) => r,
        (None, Some(f)) => {
            let lower = text.to_ascii_lowercase();
            let words = tokens::tokens_of(text, &lower);
            f(&words, &scan::scan(&words))
        }
        (None, None) => unreachable!("cached call took the closure"),
    }
}

/// Calls `f` with the entity tokeniser's tokens of `text`.
pub(crate) fn with_name_tokens<R>(text: &str, f: impl FnOnce(&[text_util::Token<'_>]) -> R) -> R {
    let mut f = Some(f);
    let cached = with_cached(text, |owner, analysis| {
        if !analysis.names_done {
            text_util::tokenize_into(&owner.body, &mut analysis.names);
            analysis.names_done = true;
        }
        f.take().map(|f| f(&analysis.names))
    })
    .flatten();
    match (cached, f) {
        (Some(r), _) => r,
        (None, Some(f)) => f(&text_util::tokenize(text)),
        (None, None) => unreachable!("cached call took the closure"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Alternating bodies rebuild the entry from the previous one's
    /// recycled buffers: every view must still match a fresh analysis.
    #[test]
    fn recycled_entries_match_fresh_analysis() {
        let bodies = [
            "On Monday the U.N. said £75m was pledged; \"We won't wait,\" Mr. Li said. ".repeat(6),
            "Né à Paris in 2019, she left.\n\nThree days later, 140,000 people marched. ".repeat(9),
        ];
        for body in bodies.iter().cycle().take(5) {
            let lower = body.to_ascii_lowercase();
            let fresh = tokens::tokens_of(body, &lower);
            with_words(body, |_, cached_lower, words| {
                assert_eq!(cached_lower, lower);
                assert_eq!(words, fresh);
            });
            with_dates(body, |_, dates| assert_eq!(dates, scan::scan(&fresh)));
            let names: Vec<_> = text_util::tokenize(body)
                .iter()
                .map(|t| (t.text, t.char_start, t.sentence_start))
                .collect();
            with_name_tokens(body, |cached| {
                let cached: Vec<_> = cached
                    .iter()
                    .map(|t| (t.text, t.char_start, t.sentence_start))
                    .collect();
                assert_eq!(cached, names);
            });
        }
    }
}
