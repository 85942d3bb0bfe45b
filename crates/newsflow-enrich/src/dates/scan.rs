//! Finds date expressions in a token stream. Resolution against a
//! reference date happens later (`resolve`), so scanning needs no clock.

use chrono::Weekday;

use super::tokens::Token;
use super::words::{self, Unit};

/// Which occurrence of a weekday or month a mention means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// On or before the reference ("said on Monday").
    Past,
    /// On or after the reference ("will meet on Friday").
    Future,
    /// Strictly before ("last Monday", "last June").
    StrictPast,
    /// Strictly after ("next Monday").
    StrictFuture,
    /// Closest to the reference ("in June", "this Friday").
    Nearest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar day; a missing year is the one closest to the reference.
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    Month {
        year: Option<i32>,
        month: u32,
        dir: Dir,
    },
    Year(i32),
    /// First year of the decade ("1990s" → 1990).
    Decade(i32),
    /// `after_previous`: "from today to Friday" — the first such day on or
    /// after the previous date mention.
    Weekday {
        weekday: Weekday,
        dir: Dir,
        after_previous: bool,
    },
    /// "yesterday" (-1 day), "next week" (+1 week), "two years ago" (-2 years).
    FromReference {
        unit: Unit,
        amount: i64,
    },
    /// "this weekend": in the past tense on a weekday, the weekend before
    /// the reference's (Monday-based) week; else the reference's own.
    Weekend {
        past: bool,
    },
    /// "three days later" (+3 days after the previous date mention).
    FromPrevious {
        unit: Unit,
        amount: i64,
    },
}

impl Expr {
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Weekday { .. }
            | Expr::FromReference { .. }
            | Expr::FromPrevious { .. }
            | Expr::Weekend { .. } => true,
            Expr::Month { dir, .. } => matches!(dir, Dir::StrictPast | Dir::StrictFuture),
            Expr::Day { .. } | Expr::Year(_) | Expr::Decade(_) => false,
        }
    }
}

/// A date expression over `tokens[first..=last]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

pub(crate) fn scan(tokens: &[Token<'_>]) -> Vec<Found> {
    scan_into(tokens, Vec::new())
}

/// As [`scan`], into `found` (cleared first), so the body cache can reuse
/// one allocation across articles.
pub(crate) fn scan_into(tokens: &[Token<'_>], mut found: Vec<Found>) -> Vec<Found> {
    found.clear();
    let mut scanner = Scanner { tokens, found };
    let mut i = 0;
    while i < tokens.len() {
        match scanner.at(i) {
            Some(found) => {
                i = found.last + 1;
                scanner.found.push(found);
            }
            None => i += 1,
        }
    }
    scanner.found
}

pub(super) struct Scanner<'t, 'a> {
    pub(super) tokens: &'t [Token<'a>],
    pub(super) found: Vec<Found>,
}

impl Scanner<'_, '_> {
    pub(super) fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.tokens.get(i)
    }

    /// Lower-cased word at `i` ("" for non-words and out of range).
    pub(super) fn lower(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.is_word() => t.lower,
            _ => "",
        }
    }

    pub(super) fn is_lower(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    /// Index of the word before `i`, skipping a glued hyphen ("mid-June").
    pub(super) fn prev_word(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        let t = &self.tokens[p];
        if t.is_punct('-') && !self.tokens[i].space_before {
            return p.checked_sub(1).filter(|&q| self.tokens[q].is_word());
        }
        t.is_word().then_some(p)
    }

    fn at(&self, i: usize) -> Option<Found> {
        let tok = self.tok(i)?;
        if tok.is_number() {
            self.iso(i)
                .or_else(|| self.day_first(i))
                .or_else(|| self.count_with_unit(i))
                .or_else(|| self.decade(i))
                .or_else(|| self.year(i))
        } else if tok.is_word() {
            if !tok.starts_upper() && !self.may_start_relative(i) {
                return None;
            }
            self.month_first(i)
                .or_else(|| self.weekday(i))
                .or_else(|| self.deictic(i))
                .or_else(|| self.count_with_unit(i))
                .or_else(|| self.the_next_day(i))
        } else {
            None
        }
    }

    /// Cheap gate before the relative matchers: only these lower-case
    /// words can start "yesterday", "last week", "three days later", ...
    fn may_start_relative(&self, i: usize) -> bool {
        let w = self.lower(i);
        matches!(
            w,
            "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "last"
                | "next"
                | "this"
                | "the"
                | "a"
                | "an"
        ) || crate::amounts::numbers::small_number_word(w).is_some()
    }

    pub(super) fn found(&self, first: usize, last: usize, expr: Expr) -> Option<Found> {
        Some(Found { first, last, expr })
    }

    /// A 4-digit number token in a plausible year range.
    fn four_digit_year(&self, i: usize) -> Option<i32> {
        let t = self.tok(i).filter(|t| t.is_number() && t.text.len() == 4)?;
        let y: i32 = t.text.parse().ok()?;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// A 1–2 digit day number, with an optional glued ordinal suffix.
    /// Returns the day and the index of its last token.
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i).filter(|t| t.is_number() && t.text.len() <= 2)?;
        let day: u32 = t.text.parse().ok()?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let suffixed = self
            .tok(i + 1)
            .is_some_and(|s| !s.space_before && matches!(s.text, "st" | "nd" | "rd" | "th"));
        Some((day, if suffixed { i + 1 } else { i }))
    }

    /// "2024-03-01", "2024-03".
    fn iso(&self, i: usize) -> Option<Found> {
        let year = self.four_digit_year(i)?;
        let glued_dash = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.is_punct('-') && !t.space_before)
        };
        let two = |j: usize| {
            self.tok(j)
                .filter(|t| t.is_number() && t.text.len() == 2 && !t.space_before)
                .and_then(|t| t.text.parse::<u32>().ok())
        };
        if !glued_dash(i + 1) {
            return None;
        }
        let month = two(i + 2).filter(|m| (1..=12).contains(m))?;
        if glued_dash(i + 3) {
            if let Some(day) = two(i + 4).filter(|d| (1..=31).contains(d)) {
                return self.found(
                    i,
                    i + 4,
                    Expr::Day {
                        year: Some(year),
                        month,
                        day,
                    },
                );
            }
        }
        self.found(
            i,
            i + 2,
            Expr::Month {
                year: Some(year),
                month,
                dir: Dir::Nearest,
            },
        )
    }

    /// Optional ", 1945" after a day; returns the year and last index.
    fn trailing_year(&self, after: usize) -> Option<(i32, usize)> {
        let j = if self.tok(after).is_some_and(|t| t.is_punct(',')) {
            after + 1
        } else {
            after
        };
        let year = self.four_digit_year(j)?;
        // "June 5, 2024" but not "June 5 1500 troops" ("2,000" is never a
        // year token at all).
        let count_follows = !(1800..=2100).contains(&year)
            && self
                .tok(j + 1)
                .is_some_and(|t| t.is_word() && !t.starts_upper());
        (!count_follows).then_some((year, j))
    }

    /// "6 June 2024", "5th of June".
    fn day_first(&self, i: usize) -> Option<Found> {
        let (day, mut j) = self.day_number(i)?;
        j += 1;
        if self.is_lower(j, "of") {
            j += 1;
        }
        let t = self.tok(j).filter(|t| t.is_word())?;
        let month = words::month_lower(t.text, t.lower)?;
        let mut last = j;
        if self
            .tok(j + 1)
            .is_some_and(|t| t.is_punct('.') && !t.space_before)
        {
            last = j + 1;
        }
        self.day_with_year(i, last + 1, j, month, day)
    }

    /// A day starting at token `i`: through the year at `year_at` when one
    /// is there ("6 Aug. 1945"), else through `last` ("6 Aug").
    fn day_with_year(
        &self,
        i: usize,
        year_at: usize,
        last: usize,
        month: u32,
        day: u32,
    ) -> Option<Found> {
        let (year, end) = match self.trailing_year(year_at) {
            Some((year, y)) => (Some(year), y),
            None => (None, last),
        };
        self.found(i, end, Expr::Day { year, month, day })
    }

    /// "Aug. 6, 1945", "June 5", "June 2024", "in June", "last June".
    fn month_first(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let name = t.text;
        let month = words::month_lower(name, t.lower)?;
        let mut j = i + 1;
        if self
            .tok(j)
            .is_some_and(|t| t.is_punct('.') && !t.space_before)
        {
            j += 1;
        }
        if let Some((day, d)) = self.day_number(j) {
            let not_a_count = !self.tok(d + 1).is_some_and(|t| t.is_punct('%'));
            if not_a_count {
                return self.day_with_year(i, d + 1, d, month, day);
            }
        }
        let k = if self.tok(j).is_some_and(|t| t.is_punct(',')) {
            j + 1
        } else {
            j
        };
        if let Some(year) = self.four_digit_year(k) {
            return self.found(
                i,
                k,
                Expr::Month {
                    year: Some(year),
                    month,
                    dir: Dir::Nearest,
                },
            );
        }
        // A bare month needs a cue word before it.
        let p = self.prev_word(i)?;
        let cue = self.lower(p);
        if !words::is_period_cue(cue) {
            return None;
        }
        let (first, dir) = match cue {
            "last" => (p, Dir::StrictPast),
            "next" => (p, Dir::StrictFuture),
            "this" => (p, Dir::Nearest),
            _ => (i, Dir::Nearest),
        };
        let last = if words::month_is_ambiguous(name) {
            i
        } else {
            j.saturating_sub(1).max(i)
        };
        self.found(
            first,
            last,
            Expr::Month {
                year: None,
                month,
                dir,
            },
        )
    }

    /// "1990s", "the 1980's".
    fn decade(&self, i: usize) -> Option<Found> {
        let year = self.four_digit_year(i).filter(|y| y % 10 == 0)?;
        self.tok(i + 1)
            .filter(|t| !t.space_before && matches!(t.text, "s" | "'s" | "\u{2019}s"))?;
        self.found(i, i + 1, Expr::Decade(year))
    }

    /// A lone year, only in date-like context: "in 2023", "the 2024
    /// election", "2020-2023"; never "2,024 people" (a comma makes it a count).
    fn year(&self, i: usize) -> Option<Found> {
        let year = self.four_digit_year(i)?;
        let next = self.tok(i + 1);
        if next.is_some_and(|t| {
            t.is_punct('%')
                || (t.is_word() && crate::amounts::numbers::scale_word(t.text).is_some())
        }) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| &self.tokens[p]);
        if prev.is_some_and(|t| {
            !t.is_word()
                && !t.is_punct('-')
                && !t.is_punct('\u{2013}')
                && !t.is_punct('(')
                && !t.is_punct(',')
        }) {
            return None; // "$2024", "#2024"
        }
        // Second end of a year range: "2020-2023", "2019 to 2021".
        let range_end = prev.is_some_and(|t| {
            t.is_punct('-') || t.is_punct('\u{2013}') || t.text == "to" || t.text == "and"
        }) && self
            .found
            .last()
            .is_some_and(|f| f.last + 2 == i && matches!(f.expr, Expr::Year(_)));
        if range_end {
            return self.found(i, i, Expr::Year(year));
        }
        let cue = self.prev_word(i).map_or("", |p| self.lower(p));
        if words::is_count_cue(cue) {
            return None;
        }
        let period = words::is_period_cue(cue) && !matches!(cue, "and" | "or" | "to" | "for");
        let range_start = next
            .is_some_and(|t| (t.is_punct('-') || t.is_punct('\u{2013}')) && !t.space_before)
            && self.four_digit_year(i + 2).is_some();
        let counted_noun_follows = self
            .tok(i + 1)
            .is_some_and(|t| t.is_word() && !t.starts_upper() && t.text.ends_with('s'));
        let year_only = words::is_year_only_cue(cue) && !counted_noun_follows;
        (period || year_only || range_start).then_some(Found {
            first: i,
            last: i,
            expr: Expr::Year(year),
        })
    }
}
