//! Language identification with `whatlang` (trigram model, fast and
//! dependency-light), reported as ISO 639-1.
//!
//! whatlang costs ~100 µs per call whatever the text length (it scores
//! every language), which alone would blow the chain's budget. Most input
//! is English, so [`LanguageEnricher::new`] first checks the share of
//! common English function words: a sample of at least
//! [`FAST_PATH_MIN_WORDS`] words of which at least [`FAST_PATH_MIN_SHARE`]
//! are such words is English without asking whatlang (confidence = share /
//! 0.3, capped at 1). Everything else goes to whatlang.
//! [`LanguageEnricher::whatlang_only`] skips the shortcut.

use newsflow_model::{EnrichedArticle, Language};
use whatlang::Lang;

use crate::{EnrichError, Enricher};

/// Enough text for a stable guess; more only costs time.
const SAMPLE_BYTES: usize = 600;
/// The English shortcut's second look when the sample alone is not enough.
const LONG_SAMPLE_BYTES: usize = 3_000;

pub const FAST_PATH_MIN_WORDS: usize = 30;
pub const FAST_PATH_MIN_SHARE: f64 = 0.2;

/// Frequent English words that are rare as words in other languages (a
/// `match`, which compiles to a length switch and a few compares).
fn is_english_marker(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "and"
            | "of"
            | "to"
            | "that"
            | "was"
            | "with"
            | "for"
            | "said"
            | "his"
            | "her"
            | "have"
            | "has"
            | "are"
            | "were"
            | "from"
            | "by"
            | "this"
            | "which"
            | "it"
            | "be"
            | "been"
            | "will"
            | "would"
            | "not"
            | "they"
            | "he"
            | "she"
            | "who"
            | "their"
            | "its"
            | "after"
            | "but"
            | "had"
            | "is"
            | "at"
            | "on"
            | "an"
            | "as"
    )
}

/// Sets `language` from the title and the start of the body. Leaves it
/// unset when the text is empty or has no letters.
#[derive(Debug, Clone, Copy)]
pub struct LanguageEnricher {
    english_fast_path: bool,
}

impl Default for LanguageEnricher {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageEnricher {
    /// With the English shortcut (see the module docs).
    pub fn new() -> Self {
        Self {
            english_fast_path: true,
        }
    }

    /// Every article through whatlang.
    pub fn whatlang_only() -> Self {
        Self {
            english_fast_path: false,
        }
    }
}

impl Enricher for LanguageEnricher {
    fn name(&self) -> &'static str {
        "language"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        let article = &record.article;
        let mut sample = String::with_capacity(SAMPLE_BYTES + 256);
        if let Some(title) = &article.title {
            sample.push_str(title);
            sample.push_str(".\n");
        }
        sample.push_str(prefix_at_char_boundary(&article.body, SAMPLE_BYTES));
        record.language = if self.english_fast_path {
            clearly_english(&sample)
                // Name- and number-heavy openings: a longer look is still
                // far cheaper than whatlang.
                .or_else(|| {
                    clearly_english(prefix_at_char_boundary(&article.body, LONG_SAMPLE_BYTES))
                })
                .or_else(|| detect(&sample))
        } else {
            detect(&sample)
        };
        Ok(())
    }
}

/// English when function words make it obvious; `None` = ask whatlang.
pub fn clearly_english(text: &str) -> Option<Language> {
    let (words, markers) = count_english_markers(text);
    let share = markers as f64 / words.max(1) as f64;
    (words >= FAST_PATH_MIN_WORDS && share >= FAST_PATH_MIN_SHARE).then(|| Language {
        code: "en".to_owned(),
        confidence: ((share / 0.3).min(1.0) * 1000.0).round() / 1000.0,
    })
}

/// Words (maximal runs of alphabetic characters) of `text` and how many of
/// them are English markers. Byte-wise with an ASCII fast path: splitting
/// on a char predicate cost more than the rest of the language step.
fn count_english_markers(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // The letter at byte `i` and its UTF-8 length, or `None` for a non-letter.
    let letter_at = |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b < 0x80 {
            return b.is_ascii_alphabetic().then_some(1);
        }
        let c = text.get(i..)?.chars().next()?;
        c.is_alphabetic().then(|| c.len_utf8())
    };
    let (mut words, mut markers) = (0, 0);
    let mut buf = [0u8; 24];
    let mut i = 0;
    while i < bytes.len() {
        let Some(len) = letter_at(i) else {
            // Non-letter: skip it (a whole code point).
            i += if bytes[i] < 0x80 {
                1
            } else {
                text.get(i..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8)
            };
            continue;
        };
        let start = i;
        i += len;
        while i < bytes.len() {
            match letter_at(i) {
                Some(len) => i += len,
                None => break,
            }
        }
        words += 1;
        // No marker is longer than five letters.
        markers += usize::from(
            i - start <= 5
                && is_english_marker(crate::dates::tokens::ascii_lower(&text[start..i], &mut buf)),
        );
    }
    (words, markers)
}

/// ISO 639-1 code and confidence (0..1) of `text`, if it can be told.
pub fn detect(text: &str) -> Option<Language> {
    let info = whatlang::detect(text)?;
    Some(Language {
        code: iso_639_1(info.lang()).to_owned(),
        confidence: (info.confidence() * 1000.0).round() / 1000.0,
    })
}

/// The English-only enrichers' guard: Ok when the language is English or
/// unknown, else the error the chain records.
pub(crate) fn require_english(record: &EnrichedArticle) -> Result<(), EnrichError> {
    match &record.language {
        Some(lang) if lang.code != "en" => Err(EnrichError::UnsupportedLanguage {
            found: lang.code.clone(),
            supported: "en",
        }),
        _ => Ok(()),
    }
}

fn prefix_at_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// whatlang reports ISO 639-3; the record contract wants 639-1.
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward split the byte-wise counter replaces.
    fn reference_count(text: &str) -> (usize, usize) {
        let mut buf = [0u8; 24];
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let markers = words
            .iter()
            .filter(|w| is_english_marker(crate::dates::tokens::ascii_lower(w, &mut buf)))
            .count();
        (words.len(), markers)
    }

    #[test]
    fn byte_wise_counting_matches_a_plain_split() {
        let texts = [
            "",
            "The mayor said: “It’s over,” and the crowd — 3,000 strong — left.",
            "Der Bürgermeister sagte, dass the Brücke geschlossen wird. Ça va?",
            "Ünïcödé wörds and ASCII, mixed;with—punctuation…and 42 numbers to be",
            "  leading spaces\nand\tTABS and THE AND Of\u{a0}to ",
            "日本語のテキスト and the 漢字 of it",
        ];
        for text in texts {
            assert_eq!(count_english_markers(text), reference_count(text), "{text}");
        }
    }
}
