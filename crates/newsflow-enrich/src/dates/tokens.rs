//! A small word tokenizer shared by the date, amount, keyword, subject,
//! tone and near-duplicate enrichers. It reports code-point offsets (the
//! record contract's unit) and whether whitespace preceded each token, so
//! callers can tell "75m" or "two-year-old" from "75 m" or "two year old".

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with internal apostrophes ("don't"). A trailing possessive
    /// "'s" is split off as its own word token.
    Word,
    /// Digits, with internal "," or "." followed by a digit ("140,000", "5.3").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of `text` in the tokenized string.
    pub byte_start: usize,
    pub byte_end: usize,
    pub kind: Kind,
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == Kind::Number
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    pub fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Ends a sentence (".", "!", "?"; abbreviations are not told apart).
    pub fn ends_sentence(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "." | "!" | "?")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. Whitespace is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut cursor = Cursor {
        text,
        byte: 0,
        cp: 0,
    };
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5);
    let mut space_before = true;
    while let Some(c) = cursor.peek() {
        if c.is_whitespace() {
            space_before = true;
            cursor.bump(c);
            continue;
        }
        let (byte_start, start) = (cursor.byte, cursor.cp);
        let kind = if c.is_ascii_digit() {
            cursor.bump(c);
            while let Some(d) = cursor.peek() {
                let continues = d.is_ascii_digit()
                    || ((d == ',' || d == '.')
                        && cursor.peek_second().is_some_and(|n| n.is_ascii_digit()));
                if !continues {
                    break;
                }
                cursor.bump(d);
            }
            Kind::Number
        } else if c.is_alphabetic() {
            cursor.bump(c);
            while let Some(d) = cursor.peek() {
                if d.is_alphabetic() {
                    cursor.bump(d);
                } else if is_apostrophe(d) && cursor.peek_second().is_some_and(char::is_alphabetic)
                {
                    // "Japan's" → "Japan" + "'s"; "don't" stays whole.
                    if cursor.possessive_follows(d) {
                        break;
                    }
                    cursor.bump(d);
                } else {
                    break;
                }
            }
            Kind::Word
        } else if is_apostrophe(c) && !space_before && cursor.possessive_follows(c) {
            cursor.bump(c);
            cursor.bump('s');
            Kind::Word
        } else {
            cursor.bump(c);
            Kind::Punct
        };
        tokens.push(Token {
            text: &text[byte_start..cursor.byte],
            start,
            end: cursor.cp,
            byte_start,
            byte_end: cursor.byte,
            kind,
            space_before,
        });
        space_before = false;
    }
    tokens
}

/// Texts shorter than this are tokenized afresh (titles); longer ones
/// (bodies) go through the per-thread cache.
const CACHE_MIN_BYTES: usize = 256;

thread_local! {
    /// The last body tokenized on this thread and its tokens as offsets:
    /// the chain's enrichers each tokenize the same body in turn.
    static LAST_BODY: std::cell::RefCell<(String, Vec<Token<'static>>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// [`tokenize`], reusing this thread's previous result when `text` is the
/// same as last time (one body copy per thread, so memory stays bounded).
pub(crate) fn tokenize_cached(text: &str) -> Vec<Token<'_>> {
    if text.len() < CACHE_MIN_BYTES {
        return tokenize(text);
    }
    let rebuild = |cached: &[Token<'static>]| -> Vec<Token<'_>> {
        cached
            .iter()
            .map(|t| Token {
                text: &text[t.byte_start..t.byte_end],
                ..*t
            })
            .collect()
    };
    LAST_BODY.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.0 == text {
            return rebuild(&cache.1);
        }
        let tokens = tokenize(text);
        // Stored without their text (offsets suffice), so the cache owns
        // no borrow of `text`.
        cache.1.clear();
        cache
            .1
            .extend(tokens.iter().map(|t| Token { text: "", ..*t }));
        cache.0.clear();
        cache.0.push_str(text);
        tokens
    })
}

/// Walks `text` keeping byte and code-point positions in step; ASCII is
/// decoded without the general UTF-8 path.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    cp: usize,
}

impl Cursor<'_> {
    fn char_at(&self, byte: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(byte)?;
        if b.is_ascii() {
            Some(b as char)
        } else {
            self.text[byte..].chars().next()
        }
    }

    fn peek(&self) -> Option<char> {
        self.char_at(self.byte)
    }

    fn peek_second(&self) -> Option<char> {
        let first = self.peek()?;
        self.char_at(self.byte + first.len_utf8())
    }

    fn bump(&mut self, c: char) {
        self.byte += c.len_utf8();
        self.cp += 1;
    }

    /// At an apostrophe `apostrophe`: is it "'s" ending a word?
    fn possessive_follows(&self, apostrophe: char) -> bool {
        let after = self.byte + apostrophe.len_utf8();
        self.char_at(after) == Some('s')
            && !self.char_at(after + 1).is_some_and(char::is_alphabetic)
    }
}

/// The text from the start of `tokens[first]` to the end of `tokens[last]`.
pub(crate) fn span_text<'a>(
    text: &'a str,
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
) -> &'a str {
    &text[tokens[first].byte_start..tokens[last].byte_end]
}

/// ASCII lower-case copy of `word` in a stack buffer (no allocation); ""
/// when the word is not ASCII or longer than the buffer. Cue-word lists are
/// short ASCII words, so "" simply never matches them.
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b str {
    let bytes = word.as_bytes();
    if !word.is_ascii() || bytes.len() > buf.len() {
        return "";
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(out).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_numbers_words_and_punctuation() {
        assert_eq!(
            texts("Aug. 6, 1945: 140,000 people, US$5.5bn."),
            [
                "Aug", ".", "6", ",", "1945", ":", "140,000", "people", ",", "US", "$", "5.5",
                "bn", "."
            ]
        );
        assert_eq!(
            texts("Japan's two-year-old don't"),
            ["Japan", "'s", "two", "-", "year", "-", "old", "don't"]
        );
    }

    #[test]
    fn offsets_are_code_points_and_spacing_is_kept() {
        let toks = tokenize("né £75m");
        assert_eq!((toks[0].start, toks[0].end), (0, 2));
        assert_eq!(
            (toks[1].text, toks[1].start, toks[1].space_before),
            ("£", 3, true)
        );
        assert_eq!((toks[2].text, toks[2].space_before), ("75", false));
        assert_eq!((toks[3].text, toks[3].start, toks[3].end), ("m", 6, 7));
    }
}
