//! US-style titles and party tags around a speaker's name: "said Sen.
//! Ada Quill", "Rep. Tom Brink (R-Texas) said".

use super::attribute::{Attributor, AUXILIARIES};
use crate::text_util::TokenKind;

/// Title abbreviations whose dot does not end the subject phrase.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Sen", "Rep", "Gov", "Lt", "Gen", "Col", "Sgt", "Capt", "Dr", "Prof", "Mr", "Mrs", "Ms", "Det",
    "Supt", "Rev", "Adm", "Cmdr", "Maj", "Cpl", "Pvt", "Atty", "Insp", "Amb", "Pres", "Del",
];

impl Attributor<'_> {
    /// Token index past a title abbreviation and its dot at `from` ("Sen ."
    /// before "Ada Quill"), or `from` when there is none.
    pub(super) fn past_title(&self, from: usize) -> usize {
        let is = |k: usize, f: &dyn Fn(&str) -> bool| self.tokens.get(k).is_some_and(|t| f(t.text));
        if is(from, &|w| TITLE_ABBREVIATIONS.contains(&w))
            && is(from + 1, &|w| w == ".")
            && self
                .tokens
                .get(from + 2)
                .is_some_and(|t| t.kind == TokenKind::Word && t.is_capitalized())
        {
            from + 2
        } else {
            from
        }
    }

    /// Token index of a parenthesis closing right before `k` mapped to its
    /// opening one ("Tom Brink (R-Texas) said": the cue's subject ends before
    /// the party tag), when it opens after `a` within a few tokens; else `k`.
    pub(super) fn before_parenthetical(&self, a: usize, k: usize) -> usize {
        // "the Chamber of Trade (CoT) has said": past auxiliaries first.
        let mut p = k;
        while p > a + 1 && AUXILIARIES.contains(&self.tokens[p - 1].text) {
            p -= 1;
        }
        if p == 0 || self.tokens.get(p - 1).is_none_or(|t| t.text != ")") {
            return k;
        }
        let from = a.max(p.saturating_sub(8));
        (from..p - 1)
            .rev()
            .find(|&j| self.tokens[j].text == "(")
            .filter(|&j| j > a)
            .unwrap_or(k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::rule_tests::{quotes_of, speaker_of};

    #[test]
    fn titles_and_party_tags_around_the_speaker() {
        let qs = quotes_of(&[
            "The Senate vote was delayed on Monday.",
            "“This is a sham,” said Sen. Lucia Varga (D-Ohio).",
            "“We will not stand for it,” Rep. Tomas Brink (R-Texas) said in a statement.",
            "“We have heard this before,” said Rep. Idris Pelham, a Republican from Alabama.",
            "Farm incomes will face “serious strain”, the Northshire Growers Union (NGU) has said.",
        ]);
        assert_eq!(
            speaker_of(&qs, "This is a sham").as_deref(),
            Some("Lucia Varga")
        );
        assert_eq!(
            speaker_of(&qs, "We will not").as_deref(),
            Some("Tomas Brink")
        );
        assert_eq!(
            speaker_of(&qs, "We have heard").as_deref(),
            Some("Idris Pelham")
        );
        assert_eq!(
            speaker_of(&qs, "serious strain").as_deref(),
            Some("Northshire Growers Union")
        );
    }
}
