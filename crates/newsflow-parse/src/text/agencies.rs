//! Wire agencies named in attribution: "told Reuters", "(AFP)", "Reuters
//! reported", "AP said", "according to the Associated Press". A bare mention
//! ("Michael Bloomberg said", "Thomson Reuters shares") is not attribution.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Spellings and the canonical name each stands for.
const AGENCIES: &[(&str, &str)] = &[
    ("Reuters", "Reuters"),
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("AP", "AP"),
    ("Associated Press", "AP"),
    ("Bloomberg", "Bloomberg"),
    ("Bloomberg News", "Bloomberg"),
    ("Xinhua", "Xinhua"),
    ("Xinhua News Agency", "Xinhua"),
    ("Kyodo", "Kyodo"),
    ("Kyodo News", "Kyodo"),
    ("dpa", "dpa"),
    ("DPA", "dpa"),
    ("Deutsche Presse-Agentur", "dpa"),
    ("ANSA", "ANSA"),
    ("EFE", "EFE"),
    ("UPI", "UPI"),
    ("United Press International", "UPI"),
    ("PTI", "PTI"),
    ("Press Trust of India", "PTI"),
    ("ANI", "ANI"),
    ("IANS", "IANS"),
    ("Yonhap", "Yonhap"),
    ("TASS", "TASS"),
    ("Tass", "TASS"),
    ("RIA Novosti", "RIA Novosti"),
    ("RIA", "RIA Novosti"),
    ("Interfax", "Interfax"),
    ("Anadolu", "Anadolu"),
    ("Anadolu Agency", "Anadolu"),
    ("Jiji", "Jiji"),
    ("Jiji Press", "Jiji"),
    ("Bernama", "Bernama"),
    ("Antara", "Antara"),
    ("KCNA", "KCNA"),
    ("WAFA", "WAFA"),
    ("IRNA", "IRNA"),
    ("AAP", "AAP"),
    ("Australian Associated Press", "AAP"),
    ("Canadian Press", "Canadian Press"),
    ("Europa Press", "Europa Press"),
    ("Lusa", "Lusa"),
    ("Dow Jones", "Dow Jones"),
];

/// Words right before an agency name that make it an attribution.
const CUES_BEFORE: &[&str] = &[
    "told", "tells", "to", "by", "from", "with", "via", "per", "citing",
];

/// What may follow an agency name in attribution.
const CUES_AFTER: &[&str] = &[
    " reported",
    " reports",
    " said",
    " says",
    " cited",
    " quoted",
    " reporter",
    " correspondent",
    " journalist",
    " photographer",
    " news agency",
    " has learned",
    " learned",
    " contributed",
    " calculations",
    " tally",
    " poll",
    " survey",
    " interview",
    " report",
    " wrote",
    " added",
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Built from constant patterns; failing here is a programming error
    // that every test run would hit.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(AGENCIES.iter().map(|(alias, _)| alias))
        .expect("agency patterns are valid")
});

/// Canonical agency name for an exact alias ("Associated Press" -> "AP").
pub fn canonical_agency(alias: &str) -> Option<&'static str> {
    AGENCIES
        .iter()
        .find(|(known, _)| *known == alias)
        .map(|(_, canonical)| *canonical)
}

/// Adds to `found` (keeping first-seen order, no duplicates) every agency
/// that `text` names in attribution.
pub fn find_attributed_agencies(text: &str, found: &mut Vec<String>) {
    for hit in MATCHER.find_iter(text) {
        let before = &text[..hit.start()];
        let after = &text[hit.end()..];
        if !is_word_boundary(before.chars().next_back()) || !is_word_boundary(after.chars().next())
        {
            continue;
        }
        if is_attribution(before, after) {
            push_unique(found, AGENCIES[hit.pattern().as_usize()].1);
        }
    }
}

pub fn push_unique(found: &mut Vec<String>, name: &str) {
    if !found.iter().any(|known| known == name) {
        found.push(name.to_owned());
    }
}

fn is_word_boundary(ch: Option<char>) -> bool {
    !matches!(ch, Some(c) if c.is_alphanumeric() || c == '-')
}

fn is_attribution(before: &str, after: &str) -> bool {
    // "(Reuters)", "(AFP) -", "(AP, Reuters)".
    if before.ends_with('(') && (after.starts_with(')') || after.starts_with(',')) {
        return true;
    }
    // "- Reuters" / "— AFP" closing a paragraph.
    if (before.ends_with("- ") || before.ends_with("\u{2014} ") || before.ends_with("\u{2013} "))
        && after.trim_end_matches(['.', ')']).is_empty()
    {
        return true;
    }
    if CUES_AFTER.iter().any(|cue| after.starts_with(cue)) || after.starts_with("\u{2019}s ") {
        return !preceded_by_name(before);
    }
    let before = before.trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" The"))
        .unwrap_or(before);
    let last_word = before.rsplit(' ').next().unwrap_or_default();
    CUES_BEFORE.contains(&last_word)
}

/// "Michael Bloomberg said": the agency name is part of a person's or
/// company's name.
fn preceded_by_name(before: &str) -> bool {
    if !before.ends_with(' ') {
        return false;
    }
    let last_word = before.trim_end().rsplit(' ').next().unwrap_or_default();
    last_word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() && !matches!(last_word, "The" | "A" | "An"))
        && last_word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        find_attributed_agencies(text, &mut found);
        found
    }

    #[test]
    fn attribution_forms() {
        assert_eq!(
            agencies("the minister told Reuters on Monday."),
            ["Reuters"]
        );
        assert_eq!(agencies("LIMA (AFP) - Rains fell."), ["AFP"]);
        assert_eq!(agencies("the mayor told the Associated Press."), ["AP"]);
        assert_eq!(agencies("Xinhua news agency reported that ..."), ["Xinhua"]);
        assert_eq!(
            agencies("AP said the ship sank, Reuters reported."),
            ["AP", "Reuters"]
        );
        assert_eq!(agencies("according to dpa."), ["dpa"]);
        assert_eq!(agencies("Talks ended. - Kyodo"), ["Kyodo"]);
        assert_eq!(agencies("told Reuters and then told Reuters"), ["Reuters"]);
    }

    #[test]
    fn bare_mentions_are_not_attribution() {
        assert!(agencies("Michael Bloomberg said he would run.").is_empty());
        assert!(agencies("Thomson Reuters shares rose.").is_empty());
        assert!(agencies("The APEC summit opened; RIAA sued.").is_empty());
        assert!(agencies("Reuters is a news company.").is_empty());
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical_agency("Agence France-Presse"), Some("AFP"));
        assert_eq!(canonical_agency("Nobody"), None);
    }
}
