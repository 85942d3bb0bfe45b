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
    /// Date expressions of `words` (dates and amounts both need them).
    dates: Option<Vec<Found>>,
    /// The entity tokeniser's tokens (entities and quotes).
    names: Option<Vec<text_util::Token<'a>>>,
}

self_cell!(
    struct CachedBody {
        owner: Owner,
        #[covariant]
        dependent: Analysis,
    }
);

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
            let owner = Owner {
                body: text.to_owned(),
                lower: text.to_ascii_lowercase(),
            };
            *slot = Some(CachedBody::new(owner, |o| Analysis {
                words: tokens::tokens_of(&o.body, &o.lower),
                dates: None,
                names: None,
            }));
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
        let dates = analysis
            .dates
            .get_or_insert_with(|| scan::scan(&analysis.words));
        f.take().map(|f| f(&analysis.words, dates))
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
        let names = analysis
            .names
            .get_or_insert_with(|| text_util::tokenize(&owner.body));
        f.take().map(|f| f(names))
    })
    .flatten();
    match (cached, f) {
        (Some(r), _) => r,
        (None, Some(f)) => f(&text_util::tokenize(text)),
        (None, None) => unreachable!("cached call took the closure"),
    }
}
