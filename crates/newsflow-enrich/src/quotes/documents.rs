//! "said a report from Norvik Bank", "wrote a note by the analysts
//! of Firm X": a document named after an inverted cue speaks for its
//! author, named right after "from" or "by".

use newsflow_model::EntityType;

use super::attribute::Attributor;

/// Nouns for what a body or person publishes.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "note",
    "statement",
    "letter",
    "study",
    "analysis",
    "memo",
    "filing",
    "survey",
    "release",
    "post",
    "tweet",
    "email",
    "paper",
    "review",
    "briefing",
];

impl Attributor<'_> {
    /// The author named after the document phrase in tokens `s..e` (which
    /// follows an inverted cue): `a report from X`, `a statement by the X`.
    /// Only within the clause (before token `b`).
    pub(super) fn document_author(&self, s: usize, e: usize, b: usize) -> Option<usize> {
        let opener = self.tokens.get(s)?;
        if !matches!(
            opener.text.to_lowercase().as_str(),
            "a" | "an" | "the" | "its" | "their"
        ) || e <= s + 1
        {
            return None;
        }
        let head = self.tokens.get(e - 1)?.text.to_lowercase();
        if !DOCUMENT_NOUNS.contains(&head.as_str()) {
            return None;
        }
        let by = self.tokens.get(e).filter(|_| e < b)?;
        if !matches!(by.text, "from" | "by") {
            return None;
        }
        // "from the Norvik Bank": one determiner may come first.
        let mut n = e + 1;
        if self
            .tokens
            .get(n)
            .is_some_and(|t| matches!(t.text, "the" | "The"))
        {
            n += 1;
        }
        let name = self.tokens.get(n).filter(|_| n < b)?;
        self.mentions
            .iter()
            .find(|m| m.start == name.char_start && !m.quoted)
            .filter(|m| {
                matches!(
                    self.entities[m.entity].entity_type,
                    EntityType::Person | EntityType::Organization
                )
            })
            .map(|m| m.entity)
    }
}

#[cfg(test)]
mod tests {
    use super::super::rule_tests::{quotes_of, speaker_of};

    #[test]
    fn an_inverted_cue_with_a_document_from_a_named_author() {
        let qs = quotes_of(&[
            "Shares of Lormant Industries fell on Monday.",
            "“The market is nervous,” said a note from Brackwell Capital.",
            "“Costs will rise,” said a statement by the Harrow Institute.",
        ]);
        assert_eq!(
            speaker_of(&qs, "The market").as_deref(),
            Some("Brackwell Capital")
        );
        assert_eq!(
            speaker_of(&qs, "Costs will").as_deref(),
            Some("Harrow Institute")
        );
    }
}
