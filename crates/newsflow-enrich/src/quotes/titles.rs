//! Quotation marks around a title or a name rather than speech: "his book
//! “Musicophilia”", "the film “The One I Love”". Such a quote has no speaker
//! and does not pass one on to the quotes after it.

use super::attribute::Attributor;
use super::find::QuoteSpan;

/// Nouns for works and names that a capitalised quote after them is the title of.
const NAMING_WORDS: &[&str] = &[
    "book",
    "books",
    "memoir",
    "novel",
    "film",
    "films",
    "movie",
    "movies",
    "documentary",
    "album",
    "albums",
    "song",
    "songs",
    "single",
    "track",
    "hit",
    "play",
    "musical",
    "opera",
    "show",
    "series",
    "sitcom",
    "programme",
    "program",
    "podcast",
    "episode",
    "poem",
    "column",
    "essay",
    "magazine",
    "newspaper",
    "game",
    "app",
    "slogan",
    "motto",
    "hashtag",
    "headline",
    "campaign",
    "operation",
    "brand",
];

/// Verbs that name what follows them, in any case: "dubbed “pioneers”".
const NAMING_VERBS: &[&str] = &[
    "titled",
    "entitled",
    "called",
    "dubbed",
    "named",
    "nicknamed",
];

/// Lower-case words a title may hold between its capitalised words.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "or", "is", "my",
];

impl Attributor<'_> {
    /// Whether `quote` (its text `text`) is a title or a name: it follows a
    /// naming word ("the album “Nevermind”"), or it sits inside a sentence
    /// and reads as a short title-case phrase ("star of “The One I Love”").
    pub fn is_title(&self, quote: &QuoteSpan, text: &str) -> bool {
        let before_end = self.tokens.partition_point(|t| t.char_start < quote.open);
        let Some(previous) = before_end.checked_sub(1).map(|k| &self.tokens[k]) else {
            return false;
        };
        let capitalised = text.trim_start().starts_with(char::is_uppercase);
        let word_before = previous.text.to_lowercase();
        // "dubbed “pioneers”" names whatever the case; "the show “similar
        // to the Oscars”" is a partial quote, "the show “Top of the Pops”" a title.
        if NAMING_VERBS.contains(&word_before.as_str())
            || (capitalised && NAMING_WORDS.contains(&word_before.as_str()))
        {
            return true;
        }
        // Inside a sentence: not at a sentence or paragraph start, nor after a
        // colon; a title may follow another ("(“The Discovery,” “The One I Love”)").
        let opening = self.tokens.get(before_end);
        let inside = opening
            .is_some_and(|o| !o.sentence_start && o.paragraph == previous.paragraph)
            && !matches!(previous.text, "." | "!" | "?" | ":");
        inside && is_title_case_phrase(text)
    }
}

/// "The One I Love", "Melvin and Howard", "Wild Rose,": at most eight
/// words, two or more, each capitalised or a small joining word, with no
/// sentence punctuation (a list comma at the end is allowed).
fn is_title_case_phrase(text: &str) -> bool {
    let text = text.trim().trim_end_matches(',');
    if text.is_empty() || text.contains(['.', '!', '?', ';', ':', '"', '“', '”']) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words.iter().enumerate().all(|(k, w)| {
            let first = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            first || (k > 0 && TITLE_SMALL_WORDS.contains(w))
        })
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 2
}

#[cfg(test)]
mod tests {
    use super::is_title_case_phrase;

    #[test]
    fn title_case_phrases() {
        assert!(is_title_case_phrase("The One I Love"));
        assert!(is_title_case_phrase("Melvin and Howard"));
        assert!(is_title_case_phrase("The Discovery,"));
        assert!(
            !is_title_case_phrase("Musicophilia"),
            "one word: no telling"
        );
        assert!(!is_title_case_phrase("a fiasco from start to finish"));
        assert!(!is_title_case_phrase("We Will Win. Soon"));
    }
}
