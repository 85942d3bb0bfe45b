//! A quoted title modifying a person noun inside a cue's subject: "the
//! “Harbour Lights” star said", "said the former “Quiz Night” host". The
//! marks of such a title do not end the cue's sentence.

use super::attribute::Attributor;
use super::cues::PERSON_STAND_INS;
use crate::text_util::{with_lowercase, TokenKind};

/// Person nouns a show's or a work's title modifies, beyond the general
/// person stand-ins.
const TITLED_NOUNS: &[&str] = &[
    "alum",
    "alumna",
    "alumnus",
    "host",
    "creator",
    "showrunner",
    "co-star",
    "contestant",
    "narrator",
    "rapper",
    "producer",
    "writer",
    "frontman",
    "winner",
];

/// At most this many code points between the title's marks.
const TITLE_REACH: usize = 40;

impl Attributor<'_> {
    /// The index of the opening mark's token when token `k` is the closing
    /// mark of a short title that a word before it and a person noun after
    /// it enclose (`the “Harbour Lights” star`).
    pub(super) fn title_modifier_open(&self, k: usize) -> Option<usize> {
        let close = self.tokens.get(k)?;
        let &(open, _) = self.quotes.iter().find(|q| q.1 == close.char_start)?;
        let o = self.tokens.partition_point(|t| t.char_start < open);
        self.is_title_modifier(o, k).then_some(o)
    }

    /// The index of the closing mark's token when token `o` opens such a
    /// title.
    pub(super) fn title_modifier_close(&self, o: usize) -> Option<usize> {
        let open = self.tokens.get(o)?;
        let &(_, close) = self.quotes.iter().find(|q| q.0 == open.char_start)?;
        let k = self.tokens.partition_point(|t| t.char_start < close);
        self.is_title_modifier(o, k).then_some(k)
    }

    fn is_title_modifier(&self, o: usize, k: usize) -> bool {
        let (Some(open), Some(close)) = (self.tokens.get(o), self.tokens.get(k)) else {
            return false;
        };
        if o >= k || close.char_start - open.char_start > TITLE_REACH {
            return false;
        }
        let before = o.checked_sub(1).and_then(|b| self.tokens.get(b));
        let after = self.tokens.get(k + 1);
        let word_before = before.is_some_and(|b| {
            b.kind == TokenKind::Word && b.paragraph == open.paragraph && !b.sentence_start
                || matches!(b.text, "The" | "A")
        });
        let noun_after = after.is_some_and(|a| {
            with_lowercase(a.text, |l| {
                PERSON_STAND_INS.contains(&l) || TITLED_NOUNS.contains(&l)
            })
        });
        word_before && noun_after
    }
}

#[cfg(test)]
mod tests {
    use super::super::rule_tests::{quotes_of, speaker_of};

    #[test]
    fn a_quoted_title_inside_the_cue_subject() {
        let qs = quotes_of(&[
            "Nadia Ferro has left the show after six seasons.",
            "The “Harbour Lights” star said: “It was time to go.”",
            "“I will miss everyone,” the “Harbour Lights” star added on Monday.",
            "“The cast is my family,” the “Harbour Lights” actress previously said.",
        ]);
        assert_eq!(
            speaker_of(&qs, "It was time").as_deref(),
            Some("Nadia Ferro")
        );
        assert_eq!(
            speaker_of(&qs, "I will miss").as_deref(),
            Some("Nadia Ferro")
        );
        assert_eq!(
            speaker_of(&qs, "The cast is").as_deref(),
            Some("Nadia Ferro")
        );
    }
}
