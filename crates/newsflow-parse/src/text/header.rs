//! The lines above the body: a headline, and a byline ("By Jane Doe and
//! John Roe", "By JANE DOE, Reuters", or a name alone under the headline).

use super::agencies::canonical_agency;

const MAX_HEADLINE_CHARS: usize = 160;
const MAX_HEADLINE_WORDS: usize = 25;
const MAX_BYLINE_BYTES: usize = 160;

/// A short line without terminal punctuation that is not a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_numeric() || is_opening_quote(first)) {
        return false;
    }
    let words = line.split(' ').count();
    if !(2..=MAX_HEADLINE_WORDS).contains(&words) || line.chars().count() > MAX_HEADLINE_CHARS {
        return false;
    }
    let last = line
        .trim_end_matches(is_closing_quote_or_bracket)
        .chars()
        .next_back();
    // A question is a fine headline; a full stop, colon or comma is not.
    if matches!(
        last,
        Some('.' | '!' | '\u{2026}' | ':' | ';' | ',' | '-' | '\u{2014}') | None
    ) {
        return false;
    }
    // Two sentences ("It rained. Then it stopped") are prose, not a headline.
    !has_inner_sentence_break(line)
}

fn has_inner_sentence_break(line: &str) -> bool {
    line.match_indices(". ").any(|(index, _)| {
        line[index + 2..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            // "U.S. Navy", "Dr. Lee": a single-letter or title abbreviation.
            && !is_abbreviation_before(&line[..index])
    })
}

fn is_abbreviation_before(text: &str) -> bool {
    let word = text.rsplit([' ', '.']).next().unwrap_or_default();
    word.chars().count() <= 1
        || matches!(
            word,
            "Dr" | "Mr" | "Mrs" | "Ms" | "St" | "Gen" | "Sen" | "Rep" | "Gov"
        )
}

pub fn is_opening_quote(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '(' | '['
    )
}

pub fn is_closing_quote_or_bracket(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{BB}' | ')' | ']'
    )
}

/// A parsed byline: the names, and any agency named with them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub names: Vec<String>,
    pub agencies: Vec<&'static str>,
}

/// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters",
/// "By Jane Doe in Lima". `None` when the line is not a byline (e.g. "By the
/// time the fire was out, ...").
pub fn parse_by_line(line: &str) -> Option<Byline> {
    if line.len() > MAX_BYLINE_BYTES {
        return None;
    }
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("by "))?;
    let mut byline = Byline::default();
    for part in rest.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        let part = part.split(" in ").next().unwrap_or(part).trim();
        if part.is_empty() || is_role(part) {
            continue;
        }
        if let Some(agency) = canonical_agency(part) {
            byline.agencies.push(agency);
        } else if is_person_name(part) {
            byline.names.push(display_name(part));
        } else if byline.names.is_empty() {
            // The first part must be a name, or this is prose.
            return None;
        }
    }
    (!byline.names.is_empty() || !byline.agencies.is_empty()).then_some(byline)
}

/// "Senior Writer", "Staff Reporter", "Tokyo Bureau Chief".
fn is_role(part: &str) -> bool {
    const ROLE_WORDS: &[&str] = &[
        "Writer",
        "Reporter",
        "Correspondent",
        "Editor",
        "Staff",
        "Bureau",
        "Chief",
        "Columnist",
        "Contributor",
        "Producer",
        "Analyst",
        "Desk",
        "Team",
        "WRITER",
        "REPORTER",
        "CORRESPONDENT",
        "EDITOR",
        "STAFF",
    ];
    part.split(' ').any(|word| ROLE_WORDS.contains(&word))
}

/// "Jane Doe", "J. R. Doe", "Ana de la Cruz", "JANE DOE": one to five
/// words, each capitalised (or a name particle), no digits, no sentence end.
pub fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    if words.is_empty() || words.len() > 5 || text.len() > 60 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised >= 1
        && words.iter().all(|word| {
            is_name_particle(word)
                || (word.chars().next().is_some_and(char::is_uppercase)
                    && word
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}')))
        })
}

/// A name alone under a headline: two to four name words.
pub fn is_name_line(line: &str) -> bool {
    let words = line.split(' ').count();
    (2..=4).contains(&words)
        && is_person_name(line)
        && !line.ends_with('.')
        && !matches!(
            line.split(' ').next(),
            Some("The" | "A" | "An" | "In" | "On" | "At")
        )
}

fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "bin"
            | "bint"
            | "al"
            | "ibn"
            | "dos"
            | "das"
    )
}

/// "JANE DOE" -> "Jane Doe"; mixed-case names stay as written.
fn display_name(name: &str) -> String {
    let has_lower = name.chars().any(char::is_lowercase);
    if has_lower {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    for ch in name.chars() {
        if start_of_word {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
        start_of_word = !ch.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(looks_like_headline(
            "Harbour town votes to rebuild its old lighthouse"
        ));
        assert!(looks_like_headline("Will the ferry run again?"));
        assert!(looks_like_headline("U.S. Navy tests quiet engine"));
        assert!(!looks_like_headline("The council met on Monday."));
        assert!(!looks_like_headline("Lighthouse"));
        assert!(!looks_like_headline("the lower-case start of a line"));
        assert!(!looks_like_headline("It rained. Then the roads flooded"));
        assert!(!looks_like_headline("Photo gallery of the week:"));
        let long = "Word ".repeat(30);
        assert!(!looks_like_headline(long.trim()));
    }

    #[test]
    fn by_lines() {
        let b = parse_by_line("By Jane Doe and John Roe").unwrap();
        assert_eq!(b.names, ["Jane Doe", "John Roe"]);
        let b = parse_by_line("By JANE DOE, Reuters").unwrap();
        assert_eq!(b.names, ["Jane Doe"]);
        assert_eq!(b.agencies, ["Reuters"]);
        let b = parse_by_line("By Ana de la Cruz in Lima, Senior Writer").unwrap();
        assert_eq!(b.names, ["Ana de la Cruz"]);
        assert_eq!(
            parse_by_line("By the time the fire was out, the roof had gone."),
            None
        );
        assert_eq!(parse_by_line("Byron Ash wrote"), None);
    }

    #[test]
    fn name_lines() {
        assert!(is_name_line("Mara Quill"));
        assert!(is_name_line("Ivo van der Berg"));
        assert!(!is_name_line("Mara"));
        assert!(!is_name_line("The Council Met Today Again"));
        assert!(!is_name_line("Rain fell on Tuesday"));
    }
}
