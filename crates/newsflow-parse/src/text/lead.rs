//! The start of the first paragraph: a dateline ("TOKYO, June 5 (Reuters) -"),
//! a kicker ("NUCLEAR WARNING:") and a deck that runs into the body without
//! its full stop ("..., Tulsi Gabbard said After a trip to ...").

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{compile, DATE_PATTERN};

/// Upper-case place words: "TOKYO", "NEW DELHI", "ST. LOUIS", "AL-ARISH".
const PLACE: &str = r"\p{Lu}[\p{Lu}\p{M}'\u{2019}.\-]*(?:\s\p{Lu}[\p{Lu}\p{M}'\u{2019}.\-]*){0,3}";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A place, maybe a region, then at least one mark: a date (maybe with
    // agency and dash), an agency (maybe with dash), or a dash alone.
    compile(&format!(
        r"^(?P<place>{PLACE})(?:\s*,\s*\p{{Lu}}[\p{{L}}.'\u{{2019}}\-]*(?:\s\p{{Lu}}[\p{{L}}.'\u{{2019}}\-]*){{0,2}})??(?:(?P<date>\s*,?\s+{date})(?P<agency>{AGENCY})?(?P<dash>{DASH})?|(?P<agency_only>{AGENCY})(?P<dash_after_agency>{DASH})?|(?P<dash_only>{DASH}))(?:\s+|$)",
        date = *DATE_PATTERN,
    ))
});

const AGENCY: &str = r"\s*\([^()]{1,40}\)";
const DASH: &str = r"\s*(?:--|[-\u{2013}\u{2014}:|])";

static KICKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<kicker>\p{Lu}[\p{Lu}\p{N}'\u{2019}&.\-]*(?:\s\p{Lu}[\p{Lu}\p{N}'\u{2019}&.\-]*){0,5})\s*[:|]\s+",
    )
});

/// Cities whose name alone followed by a colon is a dateline ("NEW DELHI:",
/// common in South Asian papers) rather than a kicker.
const COLON_DATELINE_CITIES: &[&str] = &[
    "NEW DELHI",
    "DELHI",
    "MUMBAI",
    "KOLKATA",
    "CHENNAI",
    "BENGALURU",
    "BANGALORE",
    "HYDERABAD",
    "AHMEDABAD",
    "PUNE",
    "LUCKNOW",
    "JAIPUR",
    "PATNA",
    "BHOPAL",
    "CHANDIGARH",
    "SRINAGAR",
    "GUWAHATI",
    "ISLAMABAD",
    "KARACHI",
    "LAHORE",
    "PESHAWAR",
    "QUETTA",
    "DHAKA",
    "COLOMBO",
    "KATHMANDU",
    "KABUL",
    "DUBAI",
    "ABU DHABI",
    "RIYADH",
    "DOHA",
    "TEHRAN",
    "BEIJING",
    "SHANGHAI",
    "HONG KONG",
    "SINGAPORE",
    "KUALA LUMPUR",
    "JAKARTA",
    "MANILA",
    "BANGKOK",
    "TOKYO",
    "SEOUL",
    "LONDON",
    "PARIS",
    "WASHINGTON",
    "NEW YORK",
    "MOSCOW",
    "KYIV",
    "CAIRO",
    "NAIROBI",
    "LAGOS",
    "JOHANNESBURG",
    "SYDNEY",
];

/// All-caps words that open a paragraph like a dateline but are labels.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "FACTBOX",
    "EXPLAINER",
    "NOTE",
    "CORRECTION",
];

/// Capitalised words that start a sentence but are not names: after a
/// lower-case word with no punctuation between, they mark a lost full stop.
const SENTENCE_STARTERS: &[&str] = &[
    "After",
    "Before",
    "When",
    "While",
    "As",
    "Although",
    "Though",
    "But",
    "However",
    "Meanwhile",
    "In",
    "On",
    "At",
    "During",
    "Since",
    "Until",
    "Despite",
    "Amid",
    "Following",
    "Earlier",
    "Later",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "Its",
    "According",
    "Speaking",
    "Officials",
    "Authorities",
    "Police",
];

/// Determiners that also start titles ("The Hague", "A Quiet Place"): only a
/// boundary when the next word is lower-case.
const DETERMINERS: &[&str] = &["The", "A", "An", "This", "That", "These", "Those"];

const MIN_DECK_WORDS: usize = 5;
const MIN_BODY_WORDS_AFTER_DECK: usize = 3;

/// A dateline at the start of `paragraph`: its text as written (trimmed) and
/// the byte offset where the rest of the paragraph starts.
pub fn split_dateline(paragraph: &str) -> Option<(&str, usize)> {
    // Cheap check: a dateline starts with an upper-case letter followed by
    // another upper-case letter ("TOKYO", "WASHINGTON").
    let mut chars = paragraph.chars();
    if !(chars.next()?.is_uppercase() && chars.next()?.is_uppercase()) {
        return None;
    }
    let captures = DATELINE.captures(paragraph)?;
    let place = captures.name("place")?.as_str();
    let has_date = captures.name("date").is_some();
    let has_agency = captures.name("agency").is_some() || captures.name("agency_only").is_some();
    let dash = ["dash", "dash_after_agency", "dash_only"]
        .iter()
        .find_map(|name| captures.name(name))
        .map(|m| m.as_str().trim());
    let place_key = place.trim_end_matches(['.', ',']);
    if NOT_PLACES.contains(&place_key) {
        return None;
    }
    let marked = match dash {
        Some(":") | Some("|") => {
            has_date || has_agency || COLON_DATELINE_CITIES.contains(&place_key)
        }
        Some(_) => true,
        None => has_date || has_agency,
    };
    if !marked {
        return None;
    }
    let whole = captures.get(0)?;
    Some((whole.as_str().trim_end(), whole.end()))
}

/// A line that is only a dateline: "MOSCOW 1997-10-15", "PARIS (Reuters) -".
pub fn is_bare_dateline(line: &str) -> bool {
    split_dateline(line)
        .is_some_and(|(_, rest)| line.get(rest..).is_some_and(|r| r.trim().is_empty()))
}

/// An all-caps lead-in ending in a colon: the kicker (without the colon)
/// and the byte offset of the rest.
pub fn split_kicker(paragraph: &str) -> Option<(&str, usize)> {
    let first = paragraph.as_bytes().first()?;
    if !first.is_ascii_uppercase() && first.is_ascii() {
        return None;
    }
    let captures = KICKER.captures(paragraph)?;
    let kicker = captures.name("kicker")?.as_str();
    let letters = kicker.chars().filter(|c| c.is_alphabetic()).count();
    let whole = captures.get(0)?;
    (letters >= 3 && whole.end() < paragraph.len()).then_some((kicker, whole.end()))
}

/// A deck that runs into the body: the first place, before any full stop,
/// where a lower-case word is followed by a capitalised sentence starter.
/// Returns the deck and the byte offset where the body starts.
pub fn split_run_in_deck(paragraph: &str) -> Option<(&str, usize)> {
    let mut words = word_spans(paragraph).peekable();
    let mut deck_words = 0;
    let mut previous: Option<(usize, &str)> = None;
    while let Some((start, word)) = words.next() {
        if let Some((_, before)) = previous {
            let boundary = deck_words >= MIN_DECK_WORDS
                && is_lower_word(before)
                && SENTENCE_STARTERS.contains(&word)
                && (!DETERMINERS.contains(&word)
                    || words
                        .peek()
                        .is_some_and(|(_, next)| next.starts_with(char::is_lowercase)));
            if boundary {
                let body_words = word_spans(&paragraph[start..])
                    .take(MIN_BODY_WORDS_AFTER_DECK)
                    .count();
                if body_words < MIN_BODY_WORDS_AFTER_DECK {
                    return None;
                }
                return Some((paragraph[..start].trim_end(), start));
            }
        }
        if ends_sentence(word) {
            return None;
        }
        deck_words += 1;
        previous = Some((start, word));
    }
    None
}

fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ').scan(0usize, |offset, word| {
        let start = *offset;
        *offset += word.len() + 1;
        Some((start, word))
    })
}

fn is_lower_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-')
}

fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(super::header::is_closing_quote_or_bracket);
    core.ends_with(['.', '!', '?', '\u{2026}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<(&str, &str)> {
        split_dateline(text).map(|(d, rest)| (d, &text[rest..]))
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("TOKYO, June 5 (Reuters) - Rain fell."),
            Some(("TOKYO, June 5 (Reuters) -", "Rain fell."))
        );
        assert_eq!(
            dateline("NAIROBI , Kenya 2024-03-01 Farmers met."),
            Some(("NAIROBI , Kenya 2024-03-01", "Farmers met."))
        );
        assert_eq!(
            dateline("WASHINGTON (AP) \u{2014} The vote passed."),
            Some(("WASHINGTON (AP) \u{2014}", "The vote passed."))
        );
        assert_eq!(
            dateline("NEW DELHI: The court ruled."),
            Some(("NEW DELHI:", "The court ruled."))
        );
        assert_eq!(
            dateline("ST. LOUIS, Mo. -- Crowds gathered."),
            Some(("ST. LOUIS, Mo. --", "Crowds gathered."))
        );
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dateline("NUCLEAR WARNING: Elites are worried."), None);
        assert_eq!(dateline("US Director Jane Doe spoke."), None);
        assert_eq!(dateline("BREAKING - A fire."), None);
        assert_eq!(dateline("The mayor said so."), None);
        assert_eq!(dateline("NATO allies met in Vilnius."), None);
    }

    #[test]
    fn kickers() {
        let text = "FLOOD ALERT: Rivers rose overnight.";
        let (kicker, rest) = split_kicker(text).unwrap();
        assert_eq!(
            (kicker, &text[rest..]),
            ("FLOOD ALERT", "Rivers rose overnight.")
        );
        assert_eq!(split_kicker("Flood alert: rivers rose."), None);
        assert_eq!(split_kicker("UN: talks resume"), None);
        assert_eq!(split_kicker("NASA said the probe is fine."), None);
    }

    #[test]
    fn run_in_decks() {
        let text = "Rivers are rising faster than the old maps predicted, the mayor warned After a wet spring, the town of Elm Ford moved its archive.";
        let (deck, rest) = split_run_in_deck(text).unwrap();
        assert_eq!(
            deck,
            "Rivers are rising faster than the old maps predicted, the mayor warned"
        );
        assert!(text[rest..].starts_with("After a wet spring"));
    }

    #[test]
    fn no_deck_in_ordinary_prose() {
        assert_eq!(
            split_run_in_deck("The mayor told The Harbour Times that rain fell."),
            None
        );
        assert_eq!(
            split_run_in_deck("Rain fell. After that the mayor spoke of floods in Elm Ford."),
            None
        );
        assert_eq!(split_run_in_deck("Short text said After it"), None);
    }
}
