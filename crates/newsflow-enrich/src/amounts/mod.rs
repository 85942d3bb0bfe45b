//! Amounts: numbers with what they count or measure — "140,000 people",
//! "US$5 billion" (5e9 USD), "£75m", "47.3%" (47.3 percent), "24 years",
//! "two-year-old" (2 years), "a dozen eggs", "Eight other crew members",
//! and both ends of ranges ("5-10 million", "between 3 and 4 percent").
//!
//! Units: currencies as ISO 4217 codes, measures as short symbols ("km",
//! "kg", "t"), time spans and people as plural words ("years", "people"),
//! percentages as "percent" (value 47.3, not 0.473); otherwise the counted
//! noun as written, lower-case ("crew members"). Numbers inside date
//! mentions are not amounts. A written-out number ("three") is kept only
//! with something it counts, a bare digit number with `unit: null`.

pub(crate) mod numbers;
mod units;

use newsflow_model::{Amount, EnrichedArticle};

use crate::dates::body_cache;
use crate::dates::scan::Found;
use crate::dates::tokens::{span_text, Kind, Token};
use crate::language::require_english;
use crate::{EnrichError, Enricher};
use numbers::{digits_value, scale_word, written_number};

#[derive(Debug, Default, Clone, Copy)]
pub struct AmountEnricher;

impl AmountEnricher {
    pub fn new() -> Self {
        Self
    }
}

impl Enricher for AmountEnricher {
    fn name(&self) -> &'static str {
        "amounts"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        require_english(record)?;
        let mut amounts = find_amounts(&record.article.body);
        // "Oil hits $60 a barrel": headlines carry amounts too.
        for (name, text) in crate::text_fields(&record.article) {
            amounts.extend(find_field_amounts(text).into_iter().map(|mut a| {
                a.field = Some(name.to_owned());
                a
            }));
        }
        record.amounts = amounts;
        Ok(())
    }
}

/// Every amount in `text`, in order.
pub fn find_amounts(text: &str) -> Vec<Amount> {
    body_cache::with_dates(text, |tokens, dates| amounts_in(text, tokens, dates))
}

/// The amounts of a short text field, bypassing the body cache.
fn find_field_amounts(text: &str) -> Vec<Amount> {
    body_cache::with_dates_uncached(text, |tokens, dates| amounts_in(text, tokens, dates))
}

fn amounts_in(text: &str, tokens: &[Token<'_>], dates: &[Found]) -> Vec<Amount> {
    let mut in_date = vec![false; tokens.len()];
    for found in dates {
        in_date[found.first..=found.last]
            .iter_mut()
            .for_each(|d| *d = true);
    }
    // "Bomb Kills 25 In Baghdad": in a title-case headline every word is
    // capitalised, so a capital before a number says nothing about names.
    let words = tokens.iter().filter(|t| t.is_word()).count();
    let capitalised = tokens
        .iter()
        .filter(|t| t.is_word() && t.starts_upper())
        .count();
    let parser = Parser {
        tokens,
        in_date: &in_date,
        title_case: words >= 3 && capitalised * 10 >= words * 7,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(mut first) = parser.one(i, false) else {
            i += 1;
            continue;
        };
        let mut next = first.last + 1;
        let mut second = parser.range_end(&first).and_then(|j| parser.one(j, true));
        if let Some(b) = &mut second {
            // "$5-10 million": each end borrows what the other has.
            if first.scale == 1.0 && b.scale != 1.0 {
                first.value *= b.scale;
            }
            if first.unit.is_none() {
                first.unit.clone_from(&b.unit);
            }
            if b.unit.is_none() {
                b.unit.clone_from(&first.unit);
            }
            next = b.last + 1;
        }
        for p in std::iter::once(first).chain(second) {
            // A written "one" is too often a pronoun ("no one came"): keep
            // it only with a currency or a unit of measure ("one year").
            let pronoun_like = p.written_out
                && p.value == 1.0
                && !p.unit.as_deref().is_some_and(units::is_normalised);
            let keep = (p.unit.is_some() || !p.written_out) && !pronoun_like;
            if keep && p.value.is_finite() {
                out.push(Amount {
                    text: span_text(text, tokens, p.first, p.last).to_owned(),
                    start: tokens[p.first].start,
                    end: tokens[p.last].end,
                    value: p.value,
                    unit: p.unit,
                    field: None,
                });
            }
        }
        i = next;
    }
    out
}

#[derive(Debug, Clone)]
struct Parsed {
    first: usize,
    last: usize,
    value: f64,
    scale: f64,
    unit: Option<String>,
    written_out: bool,
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    in_date: &'t [bool],
    title_case: bool,
}

impl Parser<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.tokens
            .get(i)
            .filter(|_| !self.in_date.get(i).copied().unwrap_or(true))
    }

    fn glued(&self, i: usize) -> Option<&Token<'_>> {
        self.tok(i).filter(|t| !t.space_before)
    }

    /// Lower-cased word at `i` ("" for non-words, date tokens and out of range).
    fn lower(&self, i: usize) -> &str {
        match self.tok(i) {
            Some(t) if t.is_word() => t.lower,
            _ => "",
        }
    }

    /// Cheap gate: digits, symbols, capitalised words (currency codes,
    /// "US$") and number words can start an amount; other words cannot.
    fn may_start_amount(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.is_word() || t.starts_upper() {
            return true;
        }
        let w = t.lower;
        matches!(w, "a" | "an") || numbers::small_number_word(w).is_some()
    }

    /// A currency written before the number: its code and the number's index.
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        if !t.is_word() {
            return units::currency_symbol("", t.text).map(|c| (c, i + 1));
        }
        // "US$5", and "NZ $ 26 million" with a stray space after the code.
        let spaced_dollar = |s: &&Token<'_>| {
            s.text == "$" && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_uppercase())
        };
        let symbol = self
            .glued(i + 1)
            .filter(|s| !s.is_word() && !s.is_number())
            .or_else(|| self.tok(i + 1).filter(spaced_dollar));
        if let Some(sym) = symbol {
            if let Some(code) = units::currency_symbol(t.text, sym.text) {
                return Some((code, i + 2));
            }
        }
        let code = units::currency_code(t.text)?;
        let n = if self.glued(i + 1).is_some_and(|d| d.is_punct('.')) {
            i + 2
        } else {
            i + 1
        };
        Some((code, n))
    }

    /// A digit number that stands alone: not "G7", "COVID-19", "10:30", "5th".
    fn is_free_number(&self, n: usize, after_currency: bool, in_range: bool) -> bool {
        let Some(t) = self.tok(n).filter(|t| t.is_number()) else {
            return false;
        };
        let before = n.checked_sub(1).map(|p| &self.tokens[p]);
        // Opening brackets and quotes may touch a number; anything else
        // glued before it makes a label or a time ("G7", "F-35", "10:30").
        let opener = |b: &Token<'_>| {
            b.kind == Kind::Punct
                && matches!(b.text, "(" | "[" | "\"" | "'" | "\u{201c}" | "\u{2018}")
        };
        let glued_to_label =
            !t.space_before && !after_currency && !in_range && before.is_some_and(|b| !opener(b));
        let after = self.tokens.get(n + 1);
        let time_or_ordinal = after.is_some_and(|a| {
            !a.space_before
                && (a.is_punct(':') || matches!(a.text, "st" | "nd" | "rd" | "th" | "s"))
        });
        // "4chan": letters glued after the number that are no unit make a name.
        let glued_name = after.is_some_and(|a| {
            !a.space_before
                && a.is_word()
                && a.text.len() >= 3
                && units::measure(a.lower).is_none()
                && units::currency_word(a.lower).is_none()
                && scale_word(a.lower).is_none()
        });
        // "Internet Explorer 6", "HTML 5": a short number after a capitalised
        // word inside a sentence is part of a name.
        let inside_sentence = n
            .checked_sub(2)
            .is_some_and(|k| !self.tokens[k].ends_sentence());
        // Not after a date word ("On Monday 12 people were killed").
        let calendar_before = n.checked_sub(1).is_some_and(|p| {
            self.in_date[p]
                || crate::dates::words::weekday(self.tokens[p].text, self.tokens[p].lower).is_some()
                || crate::dates::words::month_lower(self.tokens[p].text, self.tokens[p].lower)
                    .is_some()
        });
        let name_number = !after_currency
            && !self.title_case
            && !calendar_before
            && t.text.len() <= 2
            && inside_sentence
            && before.is_some_and(|b| {
                b.is_word() && b.starts_upper() && units::currency_code(b.text).is_none()
            });
        !glued_to_label && !time_or_ordinal && !glued_name && !name_number
    }

    /// The amount starting at `i`; `in_range` when it is the second end of
    /// "5-10".
    fn one(&self, i: usize, in_range: bool) -> Option<Parsed> {
        if !self.may_start_amount(i) {
            return None;
        }
        let (currency, n) = match self.currency_prefix(i) {
            Some((code, n)) if self.tok(n).is_some_and(|t| t.is_number()) => (Some(code), n),
            _ => (None, i),
        };
        let (value, mut j, written_out) = if self.is_free_number(n, currency.is_some(), in_range) {
            (digits_value(self.tokens[n].text)?, n + 1, false)
        } else if currency.is_none() && self.tok(n).is_some_and(|t| t.is_word()) {
            let (v, end) = written_number(self.tokens, n)?;
            if self.in_date[n..end].iter().any(|&d| d) {
                return None;
            }
            (v, end, true)
        } else {
            return None;
        };
        let mut parsed = Parsed {
            first: i,
            last: j - 1,
            value,
            scale: 1.0,
            unit: currency.map(str::to_owned),
            written_out,
        };
        // Scale: "5 billion", "£75m", "3bn".
        if let Some(t) = self.tok(j).filter(|t| t.is_word()) {
            let word = t.lower;
            let spelled = word.len() > 2;
            // "5m people" is millions, "the 100m final" metres.
            let next = self.lower(j + 1);
            let counted_follows = self.noun_at(j + 1) && (next.ends_with('s') || next == "people");
            let metres_not_million = word == "m" && currency.is_none() && !counted_follows;
            if let Some(scale) =
                scale_word(word).filter(|_| (spelled || !t.space_before) && !metres_not_million)
            {
                parsed.value *= scale;
                parsed.scale = scale;
                parsed.last = j;
                j += 1;
            }
        }
        if currency.is_some() {
            return Some(parsed);
        }
        self.suffix_unit(&mut parsed, j);
        if parsed.unit.is_none() && self.is_age_apposition(&parsed) {
            parsed.unit = Some("years".to_owned());
        }
        Some(parsed)
    }

    /// "Thomas Sam, 42, and his wife": a bare number between commas right
    /// after a name is an age.
    fn is_age_apposition(&self, p: &Parsed) -> bool {
        let whole = p.value.fract() == 0.0 && (1.0..=120.0).contains(&p.value);
        let comma = |k: Option<usize>| k.and_then(|k| self.tok(k)).is_some_and(|t| t.is_punct(','));
        let name_before = p
            .first
            .checked_sub(2)
            .and_then(|k| self.tok(k))
            .is_some_and(|t| t.is_word() && t.starts_upper());
        whole
            && !p.written_out
            && comma(p.first.checked_sub(1))
            && comma(Some(p.last + 1))
            && name_before
    }

    /// Whether `i` is a lower-case content word (a counted noun candidate).
    fn noun_at(&self, i: usize) -> bool {
        match self.tok(i) {
            Some(t) if t.is_word() && !t.starts_upper() => {
                let w = t.lower;
                w.len() >= 2
                    && !units::is_function_word(w)
                    && !w.ends_with("ed")
                    && !w.ends_with("ly")
                    && (!w.ends_with("ing") || w.ends_with("ings"))
            }
            _ => false,
        }
    }

    /// What follows the number: "%", "per cent", "euros", "km",
    /// "-year-old", or a counted noun.
    fn suffix_unit(&self, p: &mut Parsed, j: usize) {
        let Some(t) = self.tok(j) else { return };
        let set = |p: &mut Parsed, unit: &str, last: usize| {
            p.unit = Some(unit.to_owned());
            p.last = last;
        };
        if t.is_punct('%') {
            return set(p, "percent", j);
        }
        // "two-year-old", "a 10-year plan", "5-km".
        if t.is_punct('-') && !t.space_before {
            if let Some(unit) = self.glued(j + 1).and_then(|u| units::measure(u.lower)) {
                let old = self.glued(j + 2).is_some_and(|d| d.is_punct('-'))
                    && self
                        .glued(j + 3)
                        .is_some_and(|o| o.text.eq_ignore_ascii_case("old"));
                return set(p, unit, if old { j + 3 } else { j + 1 });
            }
            return;
        }
        if !t.is_word() {
            return;
        }
        if let Some(code) = units::currency_code(t.text) {
            return set(p, code, j);
        }
        let word = t.lower;
        let next = self.lower(j + 1);
        match (word, next) {
            ("per", "cent") => return set(p, "percent", j + 1),
            ("percentage", "points" | "point") => return set(p, "percentage points", j + 1),
            ("pounds", "of") => return set(p, "lb", j),
            _ => {}
        }
        if let Some((code, factor)) =
            units::currency_word(word).filter(|_| word != "p" || !t.space_before)
        {
            p.value *= factor;
            return set(p, code, j);
        }
        if word == "m" && !t.space_before {
            return set(p, "m", j);
        }
        if let Some(unit) = units::measure(word) {
            let unit = match (unit, next) {
                ("degrees", "celsius" | "centigrade") => return set(p, "degC", j + 1),
                ("degrees", "fahrenheit") => return set(p, "degF", j + 1),
                (u, _) => u,
            };
            return set(p, unit, j);
        }
        self.counted_noun(p, j);
    }

    /// "eight other crew members" → "crew members".
    fn counted_noun(&self, p: &mut Parsed, mut j: usize) {
        for _ in 0..2 {
            if self.tok(j).is_some_and(|t| !t.starts_upper()) && units::is_modifier(self.lower(j)) {
                j += 1;
            }
        }
        if !self.noun_at(j) {
            return;
        }
        let first = self.tokens[j].text;
        let mut last = j;
        let mut unit = first.to_lowercase();
        if !first.ends_with('s') && self.noun_at(j + 1) && self.tokens[j + 1].text.ends_with('s') {
            last = j + 1;
            unit.push(' ');
            unit.push_str(&self.tokens[j + 1].text.to_lowercase());
        }
        if let Some(norm) = units::measure(&unit) {
            unit = norm.to_owned();
        }
        p.unit = Some(unit);
        p.last = last;
    }

    /// Index of a range's second number: "5-10", "5 to 10", "between 5 and 10".
    fn range_end(&self, a: &Parsed) -> Option<usize> {
        let j = a.last + 1;
        let t = self.tok(j)?;
        let before = a.first.checked_sub(1).map_or("", |p| self.lower(p));
        let joins = t.is_punct('-')
            || t.is_punct('\u{2013}')
            || t.text == "to"
            || (t.text == "and" && before == "between");
        let next = self.tok(j + 1)?;
        let starts_amount =
            next.is_number() || self.currency_prefix(j + 1).is_some() || next.is_word();
        (joins && starts_amount).then_some(j + 1)
    }
}
