//! Organisation names joined by "and": "the Securities and Exchange
//! Commission", "the Food and Drug Administration". The recogniser reads up
//! to "and" as a name of its own; the ordinary capitalised words before
//! "and" belong to the organisation named after it.

use newsflow_model::EntityType;

use super::lexicon::{is_common_word, WORDS};
use super::recognize::Span;
use crate::text_util::Token;

/// Last words of organisation names that "X and Y" names end in.
const ORG_HEADS: &[&str] = &[
    "Commission",
    "Administration",
    "Agency",
    "Department",
    "Board",
    "Authority",
    "Bureau",
    "Office",
    "Executive",
    "Corporation",
    "Company",
    "Bank",
    "Institute",
    "Service",
    "Services",
    "Association",
    "Council",
    "Committee",
    "Trust",
    "Fund",
    "Foundation",
    "Union",
    "Federation",
    "Organisation",
    "Organization",
    "Society",
    "Ministry",
    "Directorate",
    "Tribunal",
];

/// At most this many ordinary words before "and".
const MAX_WORDS_BEFORE_AND: usize = 2;

/// Drops the spans at the indexes in `removed` (in any order, repeats
/// allowed), keeping the others in order.
fn remove_spans_at(spans: &mut Vec<Span>, mut removed: Vec<usize>) {
    if removed.is_empty() {
        return;
    }
    removed.sort_unstable();
    let mut k = 0;
    spans.retain(|_| {
        let keep = removed.binary_search(&k).is_err();
        k += 1;
        keep
    });
}

pub fn join_and_names(tokens: &[Token<'_>], spans: &mut Vec<Span>) {
    let words = &*WORDS;
    let mut removed = Vec::new();
    for j in 0..spans.len() {
        let s = &spans[j];
        let and_at = s.tok_start.wrapping_sub(1);
        if s.kind != EntityType::Organization
            || s.tok_start < 2
            || tokens[and_at].text != "and"
            || !ORG_HEADS.contains(&tokens[s.tok_end - 1].text)
        {
            continue;
        }
        let mut start = and_at;
        while start > 0
            && and_at - start < MAX_WORDS_BEFORE_AND
            && ordinary_capitalised(&tokens[start - 1])
            && !words.known_orgs.contains(tokens[start - 1].text)
            && !ORG_HEADS.contains(&tokens[start - 1].text)
        {
            start -= 1;
        }
        // The words must open the name: "the Food and ...", not "Tom Food and".
        let opens = start == 0
            || !tokens[start - 1].is_capitalized()
            || matches!(tokens[start - 1].text, "The" | "A" | "An");
        if start == and_at || !opens {
            continue;
        }
        // What the recogniser made of the words before "and" (an
        // organisation or an unknown name) gives way; a person or a place
        // there means a list, not one name.
        let before: Vec<usize> = (0..spans.len())
            .filter(|&k| spans[k].tok_start >= start && spans[k].tok_end <= and_at)
            .collect();
        let list = before
            .iter()
            .any(|&k| matches!(spans[k].kind, EntityType::Person | EntityType::Place));
        if list {
            continue;
        }
        removed.extend(before);
        spans[j].tok_start = start;
    }
    remove_spans_at(spans, removed);
}

/// Words that make "X and Y <word>" one firm's name.
fn is_firm_word(word: &str) -> bool {
    matches!(
        word,
        "Holdings"
            | "Capital"
            | "Partners"
            | "LLC"
            | "LLP"
            | "Inc"
            | "Corp"
            | "Corporation"
            | "Co"
            | "Company"
            | "Group"
            | "Ltd"
            | "Limited"
            | "Plc"
            | "PLC"
            | "Associates"
            | "Management"
            | "Advisors"
            | "Advisers"
            | "Investments"
    )
}

/// "Blackwood and Sterling Capital Management LLC", "Baker and Whitfield
/// Holdings": one lone name, "and", then a firm's name that opens with a
/// name of its own and carries a firm word, is one firm of two partners'
/// names. A place before "and" makes a list ("Britain and France"), and so
/// does a name the text uses on its own elsewhere or the lexicon knows.
pub fn join_partner_firms(tokens: &[Token<'_>], spans: &mut Vec<Span>) {
    let words = &*WORDS;
    let mut removed = Vec::new();
    for j in 1..spans.len() {
        let (first, firm) = (&spans[j - 1], &spans[j]);
        let and_at = firm.tok_start.wrapping_sub(1);
        if firm.kind != EntityType::Organization
            || firm.tok_end - firm.tok_start < 2
            || firm.tok_start < 2
            || tokens[and_at].text != "and"
            || first.tok_end != and_at
            || first.tok_end - first.tok_start != 1
            || first.demonym
            || !matches!(
                first.kind,
                EntityType::Person | EntityType::Organization | EntityType::Other
            )
            || !first.roles.is_empty()
        {
            continue;
        }
        let partner = &tokens[first.tok_start];
        let second = &tokens[firm.tok_start];
        let name_like = |t: &Token<'_>| {
            t.is_word()
                && t.is_capitalized()
                && !t.is_all_caps()
                && !is_common_word(t.text)
                && !words.known_orgs.contains(t.text)
        };
        if !name_like(partner)
            || !name_like(second)
            || !tokens[firm.tok_start + 1..firm.tok_end]
                .iter()
                .any(|t| is_firm_word(t.text))
        {
            continue;
        }
        // Either partner named on its own elsewhere: two names.
        let alone_elsewhere = spans.iter().enumerate().any(|(k, s)| {
            k != j - 1
                && k != j
                && s.tok_end - s.tok_start == 1
                && (tokens[s.tok_start].text == partner.text
                    || tokens[s.tok_start].text == second.text)
        });
        if alone_elsewhere {
            continue;
        }
        removed.push(j - 1);
        let start = spans[j - 1].tok_start;
        let span = &mut spans[j];
        span.tok_start = start;
        span.place = None;
        span.expansion = None;
    }
    remove_spans_at(spans, removed);
}

fn ordinary_capitalised(t: &Token<'_>) -> bool {
    t.is_word() && t.is_capitalized() && !t.is_all_caps() && is_common_word(t.text)
}

/// Heads of bodies named after a list of portfolios.
const PORTFOLIO_HEADS: &[&str] = &["Ministry", "Department", "Committee", "Commission"];

/// "Ministry of Trade, Industry and Energy", "Department for Culture, Media
/// and Sport": a body's name runs on through a list of capitalised single
/// words ("X, Y and Z") after its "of"/"for". The recogniser stops at the
/// first comma.
pub fn join_portfolio_lists(tokens: &[Token<'_>], spans: &mut Vec<Span>) {
    let mut removed = Vec::new();
    for j in 0..spans.len() {
        let s = &spans[j];
        let (a, b) = (s.tok_start, s.tok_end);
        // "<Head> of <Word>" at the span's end.
        if s.kind != EntityType::Organization
            || b < a + 3
            || !matches!(tokens[b - 2].text, "of" | "for")
            || !PORTFOLIO_HEADS.contains(&tokens[b - 3].text)
        {
            continue;
        }
        let Some(end) = portfolio_list_end(tokens, b) else {
            continue;
        };
        let inside: Vec<usize> = (0..spans.len())
            .filter(|&k| k != j && spans[k].tok_start >= b && spans[k].tok_end <= end)
            .collect();
        // "the Ministry of Defence, Britain and France", "the Department for
        // Education, Ofsted and Unison": places, people or bodies after it
        // make a list of their own.
        if inside.iter().any(|&k| {
            matches!(
                spans[k].kind,
                EntityType::Person | EntityType::Place | EntityType::Organization
            ) || tokens[spans[k].tok_start].is_all_caps()
        }) {
            continue;
        }
        removed.extend(inside);
        spans[j].tok_end = end;
    }
    remove_spans_at(spans, removed);
}

/// End (exclusive) of ", Word, Word and Word" starting at `at`, each word
/// capitalised, on one line; `None` unless the list closes with "and".
fn portfolio_list_end(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    // Portfolios are ordinary words ("Trade", "Energy"), not names
    // ("Ofsted", "Microsoft").
    let word_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word() && t.is_capitalized() && !t.line_start && is_common_word(t.text)
        })
    };
    let mut k = at;
    // At most four more portfolios before "and".
    for _ in 0..4 {
        if !(tokens.get(k).is_some_and(|t| t.is_punct(",")) && word_at(k + 1)) {
            break;
        }
        k += 2;
    }
    // Oxford comma or not: "X, Y and Z" / "X, Y, and Z".
    let mut and_at = k;
    if k > at && tokens.get(k).is_some_and(|t| t.is_punct(",")) {
        and_at = k + 1;
    }
    if k == at || tokens.get(and_at).is_none_or(|t| t.text != "and") || !word_at(and_at + 1) {
        return None;
    }
    // "..., Trade and Energy Minister": the list must end the name.
    if word_at(and_at + 2) {
        return None;
    }
    Some(and_at + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::test_support::names;

    #[test]
    fn ordinary_words_before_and_belong_to_the_organisation() {
        let found = names(
            "The Securities and Exchange Commission and the Food and Drug Administration \
             wrote to the Water and Sewerage Board.",
        );
        for org in [
            "Securities and Exchange Commission",
            "Food and Drug Administration",
            "Water and Sewerage Board",
        ] {
            assert!(
                found
                    .iter()
                    .any(|(s, k)| s == org && *k == EntityType::Organization),
                "{org}: {found:?}"
            );
        }
    }

    #[test]
    fn lists_stay_lists() {
        let found = names(
            "The Senate and House Intelligence Committee met. Britain and Labour Party members.",
        );
        assert!(found.iter().any(|(s, _)| s == "Senate"), "{found:?}");
        assert!(
            !found.iter().any(|(s, _)| s.starts_with("Senate and")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(s, _)| s.starts_with("Britain and")),
            "{found:?}"
        );
    }
}
