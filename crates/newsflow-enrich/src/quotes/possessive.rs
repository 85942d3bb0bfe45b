//! A possessor who speaks: "In Quill's words, “…”", "Quill's advice is
//! simple: “…”", "Her answer: “…”".

use newsflow_model::EntityType;

use super::attribute::{Attributor, Previous};
use super::find::QuoteSpan;
use crate::entities::lexicon::Gender;

impl Attributor<'_> {
    /// Token `k` is "In": "In Quill's words" or "In her words" before the
    /// quote (tokens up to `b`) names the speaker.
    pub(super) fn possessor_words(
        &self,
        k: usize,
        b: usize,
        previous: Option<Previous>,
    ) -> Option<usize> {
        if !self.tokens.get(k)?.text.eq_ignore_ascii_case("in") {
            return None;
        }
        let word = |j: usize| self.tokens.get(j).filter(|_| j < b).map(|t| t.text);
        if word(k + 2) == Some("words") {
            if let Some(g) = word(k + 1).and_then(possessive_gender) {
                let at = self.tokens[k + 1].char_start;
                return self.pronoun_antecedent(at, g, previous);
            }
        }
        let (entity, after) = self.possessor_at(k + 1)?;
        (word(after + 1) == Some("words")).then_some(entity)
    }

    /// "Quill's advice is simple: “…”", "Her message: “…”": the possessor
    /// opening the sentence that a colon ends right before `quote`.
    pub(super) fn colon_possessor(
        &self,
        quote: &QuoteSpan,
        previous: Option<Previous>,
    ) -> Option<usize> {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let k = (before_end.saturating_sub(12)..before_end)
            .rev()
            .find(|&k| self.tokens[k].sentence_start)?;
        let first = &self.tokens[k];
        if let Some(g) = possessive_gender(first.text) {
            return self.pronoun_antecedent(first.char_start, g, previous);
        }
        self.possessor_at(k).map(|(entity, _)| entity)
    }

    /// A person or organisation named at token `k` and followed by a
    /// possessive ending: the entity and the token index of the ending.
    fn possessor_at(&self, k: usize) -> Option<(usize, usize)> {
        let start = self.tokens.get(k)?.char_start;
        let m = self
            .mentions
            .iter()
            .find(|m| m.start == start && !m.quoted && self.is_possessor(m))?;
        let kind = self.entities[m.entity].entity_type;
        if !matches!(kind, EntityType::Person | EntityType::Organization) {
            return None;
        }
        let after = self.tokens.partition_point(|t| t.char_start < m.end);
        Some((m.entity, after))
    }
}

fn possessive_gender(word: &str) -> Option<Gender> {
    if word.eq_ignore_ascii_case("his") {
        Some(Gender::Male)
    } else if word.eq_ignore_ascii_case("her") {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::rule_tests::{quotes_of, speaker_of};

    #[test]
    fn a_possessor_introducing_a_quote_speaks_it() {
        let qs = quotes_of(&[
            "Ada Quill has written about sleep for years.",
            "In Quill’s words, “sleep is the cheapest medicine.”",
            "Quill’s advice is simple: “Go to bed at ten.”",
            "Tomas Brink, a farmer, disagrees.",
            "His answer: “Cows do not wait.”",
        ]);
        assert_eq!(speaker_of(&qs, "sleep is").as_deref(), Some("Ada Quill"));
        assert_eq!(speaker_of(&qs, "Go to bed").as_deref(), Some("Ada Quill"));
        assert_eq!(speaker_of(&qs, "Cows do").as_deref(), Some("Tomas Brink"));
    }
}
