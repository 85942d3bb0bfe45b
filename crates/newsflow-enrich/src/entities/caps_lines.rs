//! Lines written in capitals: wire headlines ("RUGBY - LEEDS HOLD WIGAN
//! AS RAIN FALLS") and datelines ("NEW YORK 1996-08-30"). Their words are
//! no acronyms, so the recogniser does not guess at them: a name in such a
//! line is one the rest of the text names, a place the gazetteer knows, or
//! a known organisation.

use rustc_hash::FxHashMap;

use newsflow_model::EntityType;

use super::lexicon::{is_common_word, Gender, WORDS};
use super::recognize::Span;
use crate::places::gazetteer::{PlaceKind, GAZETTEER};
use crate::text_util::{Token, TokenKind};

/// Longest name looked up in a capitals line, in words.
const MAX_NAME_WORDS: usize = 4;

/// Token ranges (end exclusive) of the lines of `text`: a line ends where a
/// line break lies between two tokens. Found from the line breaks (a few
/// per article), not by looking between every pair of tokens.
pub fn line_ranges(text: &str, tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let next = tokens.partition_point(|t| t.start <= newline);
        if next > start {
            ranges.push((start, next));
            start = next;
        }
    }
    if start < tokens.len() {
        ranges.push((start, tokens.len()));
    }
    ranges
}

/// Of `lines`, those written in capitals: at least two words in capitals
/// and no word with a lower-case letter.
pub fn caps_lines(tokens: &[Token<'_>], lines: &[(usize, usize)]) -> Vec<(usize, usize)> {
    lines
        .iter()
        .copied()
        .filter(|&(start, end)| {
            let mut caps = 0;
            for t in tokens[start..end].iter().filter(|t| t.is_word()) {
                // Most lines show a lower-case word at once.
                if has_lowercase(t.text) {
                    return false;
                }
                if t.is_all_caps() {
                    caps += 1;
                }
            }
            caps >= 2
        })
        .collect()
}

fn has_lowercase(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        word.chars().any(char::is_lowercase)
    }
}

/// Whether token `i` lies in one of `lines` (sorted); `cursor` walks the
/// lines along with ascending `i`.
pub fn in_caps_line(lines: &[(usize, usize)], cursor: &mut usize, i: usize) -> Option<usize> {
    while *cursor < lines.len() && lines[*cursor].1 <= i {
        *cursor += 1;
    }
    lines
        .get(*cursor)
        .and_then(|&(s, e)| (s <= i && i < e).then_some(e))
}

/// "NEW YORK (Reuters) -", "SAN FRANCISCO (AP) —": a known place of
/// several words in capitals opening a line, right before a bracket, is a
/// dateline's place.
pub fn caps_dateline_place(text: &str, tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let line_start = a == 0
        || text
            .get(tokens[a - 1].end..tokens[a].start)
            .is_some_and(|gap| gap.contains('\n'));
    if !line_start
        || !(2..=3).contains(&(b - a))
        || !tokens.get(b).is_some_and(|t| t.is_punct("("))
        || !tokens[a..b].iter().all(|t| t.is_word() && t.is_all_caps())
    {
        return false;
    }
    let mut title = String::with_capacity(tokens[b - 1].end - tokens[a].start);
    for (k, t) in tokens[a..b].iter().enumerate() {
        if k > 0 {
            title.push(' ');
        }
        for (n, c) in t.text.chars().enumerate() {
            if n == 0 {
                title.push(c);
            } else {
                title.extend(c.to_lowercase());
            }
        }
    }
    !GAZETTEER.lookup(&title).is_empty()
}

/// "AL-AIN, United Arab Emirates 1996-12-06", "KAMPALA, Uganda (Reuters) -":
/// a name in capitals opening a line, then a known region or country and
/// the date or the agency, is the dateline's place.
pub fn opens_dateline(text: &str, tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    let line_start = a == 0
        || text
            .get(tokens[a - 1].end..tokens[a].start)
            .is_some_and(|gap| gap.contains('\n'));
    if !line_start || !tokens.get(b).is_some_and(|t| t.is_punct(",")) {
        return false;
    }
    (b + 2..=(b + 4).min(tokens.len())).any(|end| {
        let region = &text[tokens[b + 1].start..tokens[end - 1].end];
        let known = GAZETTEER.lookup(region).iter().any(|&p| {
            matches!(
                GAZETTEER.entries[p].kind,
                PlaceKind::Region | PlaceKind::Country
            )
        });
        known
            && tokens.get(end).is_none_or(|t| {
                t.kind == TokenKind::Number
                    || t.is_punct("(")
                    || text
                        .get(tokens[end - 1].end..t.start)
                        .is_some_and(|gap| gap.contains('\n'))
            })
    })
}

/// What a name in capitals can be, from the names of the rest of the text:
/// its full names and the surnames of its people, in capitals.
struct KnownNames {
    by_caps: FxHashMap<String, Known>,
}

/// A name of the text: its type, place, gender and tokens.
#[derive(Clone, Copy)]
struct Known {
    kind: EntityType,
    place: Option<usize>,
    gender: Gender,
    /// The full name's tokens: the entity the capitals stand for.
    tokens: Option<(usize, usize)>,
    /// The text writes the name in capitals itself ("WHO", "NATO").
    in_capitals: bool,
}

impl KnownNames {
    fn of(text: &str, tokens: &[Token<'_>], spans: &[Span]) -> Self {
        let mut by_caps = FxHashMap::default();
        // Full names first: "GEORGIA" is the place the text names before it
        // is anyone's surname.
        for s in spans.iter().filter(|s| !s.demonym) {
            let surface = &text[tokens[s.tok_start].start..tokens[s.tok_end - 1].end];
            let upper = surface.to_uppercase();
            let in_capitals = upper == surface;
            by_caps.entry(upper).or_insert(Known {
                kind: s.kind,
                place: s.place,
                gender: s.gender,
                tokens: Some((s.tok_start, s.tok_end)),
                in_capitals,
            });
        }
        for s in spans.iter().filter(|s| s.kind == EntityType::Person) {
            let last = tokens[s.tok_end - 1].text;
            if s.tok_end - s.tok_start >= 2 && last.chars().count() >= 3 {
                by_caps.entry(last.to_uppercase()).or_insert(Known {
                    kind: s.kind,
                    place: None,
                    gender: s.gender,
                    tokens: Some((s.tok_start, s.tok_end)),
                    in_capitals: false,
                });
            }
        }
        Self { by_caps }
    }
}

/// Adds the names found in `lines` to `spans` (which stay in text order).
/// `in_lower_case` tells whether a lower-case word occurs in the text ("may"
/// in "prices may rise" keeps "MAY" from being Theresa May).
pub fn recognize_caps_lines(
    text: &str,
    tokens: &[Token<'_>],
    lines: &[(usize, usize)],
    in_lower_case: impl Fn(&str) -> bool,
    spans: &mut Vec<Span>,
) {
    if lines.is_empty() {
        return;
    }
    let known = KnownNames::of(text, tokens, spans);
    let mut found = Vec::new();
    for &(start, end) in lines {
        let mut k = start;
        while k < end {
            if !is_caps_word(&tokens[k]) {
                k += 1;
                continue;
            }
            // The longest run of space-separated words in capitals that
            // names something, up to MAX_NAME_WORDS.
            let mut run_end = k + 1;
            while run_end < end
                && run_end - k < MAX_NAME_WORDS
                && is_caps_word(&tokens[run_end])
                && text.get(tokens[run_end - 1].end..tokens[run_end].start) == Some(" ")
            {
                run_end += 1;
            }
            let matched = (k + 1..=run_end).rev().find_map(|b| {
                let surface = &text[tokens[k].start..tokens[b - 1].end];
                name_in_caps(surface, &known, &in_lower_case).map(|found| (b, found))
            });
            match matched {
                Some((b, known)) => {
                    found.push(Span {
                        tok_start: k,
                        tok_end: b,
                        kind: known.kind,
                        place: known.place,
                        demonym: false,
                        roles: Vec::new(),
                        gender: known.gender,
                        nationality: None,
                        // "HALVORSEN" is a mention of the text's "Erik Halvorsen".
                        expansion: known.tokens,
                        peer_title: None,
                    });
                    k = b;
                }
                None => k += 1,
            }
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|s| s.tok_start);
    }
}

fn is_caps_word(t: &Token<'_>) -> bool {
    t.is_word() && t.is_all_caps()
}

/// The entity a name written in capitals stands for, if any.
fn name_in_caps(
    surface: &str,
    known: &KnownNames,
    in_lower_case: impl Fn(&str) -> bool,
) -> Option<Known> {
    // An ordinary word ("WIN", or "MAY" where the text writes "may") is a
    // name only as a country or where the text itself writes it in capitals.
    let ordinary = !surface.contains([' ', '-'])
        && (is_common_word(surface) || in_lower_case(&surface.to_lowercase()));
    let is_country = |place: Option<usize>| {
        place.is_some_and(|p| GAZETTEER.entries[p].kind == PlaceKind::Country)
    };
    let named = |kind, place| Known {
        kind,
        place,
        gender: Gender::Unknown,
        tokens: None,
        in_capitals: false,
    };
    if let Some(&found) = known.by_caps.get(surface) {
        if !ordinary || found.in_capitals || is_country(found.place) {
            return Some(found);
        }
    }
    let words = &*WORDS;
    let title = title_case(surface);
    // "NATO", "UEFA": an acronym the organisations list knows as written.
    if !ordinary
        && (words.known_orgs.contains(surface) || words.known_orgs.contains(title.as_str()))
    {
        return Some(named(EntityType::Organization, None));
    }
    // "FEYENOORD HELD": a listed club that is no place.
    let club = super::sport::is_club(surface) || super::sport::is_club(&title);
    if club && !ordinary && GAZETTEER.lookup(&title).is_empty() {
        return Some(named(EntityType::Organization, None));
    }
    let place = GAZETTEER.default_choice(GAZETTEER.lookup(&title))?;
    // "CHINA" and "TURKEY" are countries even in capitals; a town named
    // like an ordinary word ("MOBILE") is not read into a headline.
    if ordinary && !is_country(Some(place)) {
        return None;
    }
    Some(named(EntityType::Place, Some(place)))
}

/// "NEW YORK" -> "New York", "AL-AIN" -> "Al-Ain".
fn title_case(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut word_start = true;
    for c in surface.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic() && c != '\'' && c != '’';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::test_support::names;
    use crate::text_util::tokenize;

    #[test]
    fn finds_capitals_lines() {
        let text = "HOCKEY - OTTAWA SIGN A GOALIE\nOTTAWA 1997-01-04\nThe Senators signed him.";
        let tokens = tokenize(text);
        let lines = caps_lines(&tokens, &line_ranges(text, &tokens));
        assert_eq!(lines.len(), 1, "the dateline has one word in capitals");
        assert_eq!(tokens[lines[0].0].text, "HOCKEY");
        assert_eq!(tokens[lines[0].1 - 1].text, "GOALIE");
    }

    #[test]
    fn headline_words_are_no_acronyms() {
        let found = names(
            "TENNIS - KOVAC BEATS LINDHOLM IN NEW YORK FINAL\n\
             NEW YORK 1997-09-08\n\
             Marta Kovac beat Sofie Lindholm in the final in New York on Sunday.",
        );
        let kinds: Vec<_> = found.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert!(
            !kinds.iter().any(|(s, _)| *s == "TENNIS" || *s == "FINAL"),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("KOVAC", EntityType::Person)), "{kinds:?}");
        assert!(
            kinds.contains(&("LINDHOLM", EntityType::Person)),
            "{kinds:?}"
        );
        let places = kinds
            .iter()
            .filter(|(s, k)| *s == "NEW YORK" && *k == EntityType::Place);
        assert_eq!(places.count(), 2, "headline and dateline: {kinds:?}");
    }

    #[test]
    fn countries_and_known_organisations_in_capitals() {
        let found = names(
            "SOCCER - TURKEY AND CHINA DRAW, UEFA FINES CLUB\n\
             The match ended goalless.",
        );
        let kinds: Vec<_> = found.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert!(kinds.contains(&("TURKEY", EntityType::Place)), "{kinds:?}");
        assert!(kinds.contains(&("CHINA", EntityType::Place)), "{kinds:?}");
        assert!(
            kinds.contains(&("UEFA", EntityType::Organization)),
            "{kinds:?}"
        );
        assert!(
            !kinds.iter().any(|(s, _)| *s == "CLUB" || *s == "SOCCER"),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_capitals_name_opening_a_dateline_is_a_place() {
        let found = names(
            "CRICKET - HOSTS WIN\nMIRPURKHAS, Pakistan 1997-03-02\nThe hosts won by six wickets.",
        );
        let kinds: Vec<_> = found.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert!(
            kinds.contains(&("MIRPURKHAS", EntityType::Place)),
            "{kinds:?}"
        );
        let found = names("The ADB board met.\nTORVAN, Norway (Reuters) - Talks began.");
        let kinds: Vec<_> = found.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert!(kinds.contains(&("TORVAN", EntityType::Place)), "{kinds:?}");
        assert!(
            kinds.contains(&("ADB", EntityType::Organization)),
            "{kinds:?}"
        );
    }

    #[test]
    fn title_cases_each_word() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("AL-AIN"), "Al-Ain");
        assert_eq!(title_case("O'HARE"), "O'hare");
    }
}
