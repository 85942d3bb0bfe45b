//! The relative matchers of [`Scanner`]: weekdays, "yesterday", "last
//! week", "three days later", "the next day".

use super::scan::{Dir, Expr, Found, Scanner};
use super::words::{self, Unit};
use crate::amounts::numbers::written_number;

/// Present-tense verbs that put "this weekend" in the reference's own week.
const PRESENT_CUES: &[&str] = &[
    "is", "are", "features", "feature", "opens", "open", "starts", "begins", "runs", "hosts",
    "takes", "plays",
];

impl Scanner<'_, '_> {
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let weekday = words::weekday(t.text, t.lower)?;
        let prev = i.checked_sub(1);
        let cue = prev.map_or("", |p| self.lower(p));
        let (first, dir) = match cue {
            "last" => (i - 1, Dir::StrictPast),
            "next" => (i - 1, Dir::StrictFuture),
            "this" => (i - 1, Dir::Nearest),
            _ => (i, self.tense(i)),
        };
        // "from today to Friday", "Monday to Wednesday": counts on from the
        // date mention just before.
        let after_previous = matches!(cue, "to" | "until" | "till" | "through" | "and")
            || prev.is_some_and(|p| {
                self.tokens[p].is_punct('-') || self.tokens[p].is_punct('\u{2013}')
            });
        let after_previous = after_previous && self.found.last().is_some_and(|f| f.last + 3 >= i);
        self.found(
            first,
            i,
            Expr::Weekday {
                weekday,
                dir,
                after_previous,
            },
        )
    }

    /// Past unless a future cue precedes in the same sentence, nearer than
    /// any past-tense verb.
    fn tense(&self, i: usize) -> Dir {
        self.explicit_tense(i).unwrap_or(Dir::Past)
    }

    /// The tense a cue in the sentence gives, if any: a cue before the date
    /// first, then one after it ("On Wednesday, Mohamed and his father are
    /// to travel": the verb follows a sentence-initial weekday).
    fn explicit_tense(&self, i: usize) -> Option<Dir> {
        for j in (i.saturating_sub(12)..i).rev() {
            let t = &self.tokens[j];
            if t.ends_sentence() && !self.is_abbreviation_dot(j) {
                break;
            }
            // "are to travel", "is to meet": a plan, so the future.
            let planned = matches!(self.lower(j), "is" | "are") && self.is_lower(j + 1, "to");
            if planned || words::is_future_cue(self.lower(j)) {
                return Some(Dir::Future);
            }
            if words::is_past_verb(self.lower(j)) {
                return Some(Dir::Past);
            }
        }
        for j in i + 1..(i + 10).min(self.tokens.len()) {
            if self.tokens[j].ends_sentence() {
                break;
            }
            let planned = matches!(self.lower(j), "is" | "are") && self.is_lower(j + 1, "to");
            if planned || words::is_future_cue(self.lower(j)) {
                return Some(Dir::Future);
            }
            if words::is_past_verb(self.lower(j)) {
                return Some(Dir::Past);
            }
        }
        None
    }

    /// Whether the sentence around token `i` contains one of `words`.
    fn sentence_has(&self, i: usize, words: &[&str]) -> bool {
        let back = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&j| !self.tokens[j].ends_sentence() || self.is_abbreviation_dot(j));
        let ahead = (i + 1..(i + 12).min(self.tokens.len()))
            .take_while(|&j| !self.tokens[j].ends_sentence());
        back.chain(ahead).any(|j| words.contains(&self.lower(j)))
    }

    /// A "." after "Aug", "U.S" or "Mr" rather than at a sentence end.
    fn is_abbreviation_dot(&self, j: usize) -> bool {
        let (before, before_lower) = j
            .checked_sub(1)
            .map_or(("", ""), |p| (self.tokens[p].text, self.tokens[p].lower));
        self.tokens[j].text == "."
            && (words::month_lower(before, before_lower).is_some()
                || (before.len() <= 3 && before.starts_with(|c: char| c.is_uppercase())))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning",
    /// "last week", "next month", "this year".
    pub(super) fn deictic(&self, i: usize) -> Option<Found> {
        let word = self.lower(i);
        let day = |amount| Expr::FromReference {
            unit: Unit::Day,
            amount,
        };
        match word {
            "today" | "tonight" => return self.found(i, i, day(0)),
            "yesterday" => return self.found(i, i, day(-1)),
            "tomorrow" => return self.found(i, i, day(1)),
            _ => {}
        }
        let following = self.lower(i + 1);
        let amount = match word {
            "last" => -1,
            "next" => 1,
            "this" => 0,
            // "over the weekend": the reference's week.
            "the" if following == "weekend" => 0,
            _ => return None,
        };
        if following == "weekend" {
            if amount == 0 {
                // Which weekend "this weekend" is depends on the reference's
                // weekday: resolved with it.
                // A report without a tense cue looks back ("drew crowds this
                // weekend, attracting thousands"); a present-tense sentence
                // looks ahead ("The festival this weekend features 40 bands").
                let past = match self.explicit_tense(i) {
                    Some(dir) => dir == Dir::Past,
                    None => !self.sentence_has(i, PRESENT_CUES),
                };
                return self.found(i, i + 1, Expr::Weekend { past });
            }
            let unit = Unit::Week;
            return self.found(i, i + 1, Expr::FromReference { unit, amount });
        }
        if amount == 0 && matches!(following, "morning" | "afternoon" | "evening") {
            return self.found(i, i + 1, day(0));
        }
        let unit = words::unit(following).filter(|_| !following.ends_with('s'))?;
        self.found(i, i + 1, Expr::FromReference { unit, amount })
    }

    /// "three days later", "10 years ago", "a week earlier".
    pub(super) fn count_with_unit(&self, i: usize) -> Option<Found> {
        let tok = self.tok(i)?;
        let (n, next) = if tok.is_number() {
            let n: f64 = tok.text.parse().ok()?;
            (n, i + 1)
        } else if matches!(tok.lower, "a" | "an") {
            (1.0, i + 1)
        } else {
            written_number(self.tokens, i)?
        };
        // "a decade ago": ten years.
        let (unit, n) = match self.lower(next) {
            "decade" | "decades" => (Unit::Year, n * 10.0),
            other => (words::unit(other)?, n),
        };
        let sign = match self.lower(next + 1) {
            "ago" => {
                return self.found(
                    i,
                    next + 1,
                    Expr::FromReference {
                        unit,
                        amount: -(n as i64),
                    },
                )
            }
            "later" => 1,
            "earlier" => -1,
            _ => return None,
        };
        self.found(
            i,
            next + 1,
            Expr::FromPrevious {
                unit,
                amount: sign * n as i64,
            },
        )
    }

    /// "the next day", "the following week", "the day before", "the previous day".
    pub(super) fn the_next_day(&self, i: usize) -> Option<Found> {
        if !self.is_lower(i, "the") {
            return None;
        }
        let second = self.lower(i + 1);
        let third = self.lower(i + 2);
        let (unit, amount) = match (second, words::unit(third), words::unit(second)) {
            ("next" | "following", Some(u), _) => (u, 1),
            ("previous", Some(u), _) => (u, -1),
            (_, _, Some(u)) if third == "before" => (u, -1),
            (_, _, Some(u))
                if third == "after" && !self.tok(i + 3).is_some_and(|t| t.is_word()) =>
            {
                (u, 1)
            }
            _ => return None,
        };
        self.found(i, i + 2, Expr::FromPrevious { unit, amount })
    }
}
