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
    /// `text` ASCII-lower-cased, as [`ascii_lower`] gives it ("" when not
    /// ASCII or longer than 24 bytes): computed once per body, so the
    /// enrichers compare cue words without lower-casing per lookup.
    pub lower: &'a str,
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
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// Ends a sentence (".", "!", "?"; abbreviations are not told apart).
    pub fn ends_sentence(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "." | "!" | "?")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Longest word [`ascii_lower`] and [`Token::lower`] lower-case.
const MAX_LOWER_BYTES: usize = 24;

/// A token's position and kind, without the borrowed text.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
    byte_start: u32,
    byte_end: u32,
    kind: Kind,
    space_before: bool,
    has_lower: bool,
}

impl Span {
    #[inline]
    fn token<'a>(&self, text: &'a str, lower: &'a str) -> Token<'a> {
        let (bs, be) = (self.byte_start as usize, self.byte_end as usize);
        Token {
            text: &text[bs..be],
            lower: if self.has_lower { &lower[bs..be] } else { "" },
            start: self.start as usize,
            end: self.end as usize,
            byte_start: bs,
            byte_end: be,
            kind: self.kind,
            space_before: self.space_before,
        }
    }
}

/// Splits `text` into tokens (whitespace is dropped); `lower` receives
/// the ASCII-lower-cased text the tokens' `lower` fields point into.
#[cfg(test)]
pub(crate) fn tokenize<'a>(text: &'a str, lower: &'a mut String) -> Vec<Token<'a>> {
    *lower = text.to_ascii_lowercase();
    tokens_of(text, lower)
}

/// The tokens of `text`; `lower` must be `text` ASCII-lower-cased (same
/// byte offsets), which the tokens' `lower` fields point into.
pub(crate) fn tokens_of<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    tokens_into(text, lower, &mut tokens);
    tokens
}

/// As [`tokens_of`], into `tokens` (cleared first), so the body cache can
/// reuse one allocation across articles.
pub(crate) fn tokens_into<'a>(text: &'a str, lower: &'a str, tokens: &mut Vec<Token<'a>>) {
    tokens.clear();
    // Built in the scanning pass itself: no intermediate `Vec<Span>`.
    scan_spans(text, |span| tokens.push(span.token(text, lower)));
}

/// Calls `emit` with every token's span, in order.
fn scan_spans(text: &str, mut emit: impl FnMut(Span)) {
    let mut cursor = Cursor {
        text,
        byte: 0,
        cp: 0,
    };
    let mut space_before = true;
    while let Some(c) = cursor.peek() {
        if c.is_whitespace() {
            space_before = true;
            cursor.bump(c);
            continue;
        }
        let ascii_letter = c.is_ascii_alphabetic();
        let (byte_start, start) = (cursor.byte, cursor.cp);
        let kind = if c.is_ascii_digit() {
            cursor.bump(c);
            cursor.skip_ascii(u8::is_ascii_digit);
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
        } else if ascii_letter || c.is_alphabetic() {
            cursor.bump(c);
            loop {
                cursor.skip_ascii(u8::is_ascii_alphabetic);
                let Some(d) = cursor.peek() else { break };
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
        let byte_end = cursor.byte;
        let bytes = byte_end - byte_start;
        // One code point per byte: the token is ASCII.
        let ascii = cursor.cp - start == bytes;
        // Offsets fit u32: enrichers see article bodies, far below 4 GiB.
        emit(Span {
            start: start as u32,
            end: cursor.cp as u32,
            byte_start: byte_start as u32,
            byte_end: byte_end as u32,
            kind,
            space_before,
            has_lower: ascii && bytes <= MAX_LOWER_BYTES,
        });
        space_before = false;
    }
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

    /// Skips ASCII bytes that satisfy `accept` (one code point each).
    fn skip_ascii(&mut self, accept: impl Fn(&u8) -> bool) {
        let rest = &self.text.as_bytes()[self.byte..];
        let n = rest.iter().take_while(|b| accept(b)).count();
        self.byte += n;
        self.cp += n;
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

    fn texts(s: &str) -> Vec<String> {
        let mut lower = String::new();
        tokenize(s, &mut lower)
            .into_iter()
            .map(|t| t.text.to_owned())
            .collect()
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
        let mut lower = String::new();
        let toks = tokenize("né £75m", &mut lower);
        assert_eq!((toks[0].start, toks[0].end), (0, 2));
        assert_eq!(
            (toks[1].text, toks[1].start, toks[1].space_before),
            ("£", 3, true)
        );
        assert_eq!((toks[2].text, toks[2].space_before), ("75", false));
        assert_eq!((toks[3].text, toks[3].start, toks[3].end), ("m", 6, 7));
    }

    #[test]
    fn lower_forms_and_the_cache_agree_with_fresh_tokenizing() {
        let body = "Né à Paris, the U.N. Secretary-General’s aide said on MONDAY: \
            \"We won't wait\" for $5bn. "
            .repeat(8)
            + "Averyveryveryverylongwordthatisover24 end.";
        assert!(body.len() >= 256, "long enough to be cached");
        let mut fresh_lower = String::new();
        let fresh = tokenize(&body, &mut fresh_lower);
        let mut buf = [0u8; 24];
        for t in &fresh {
            assert_eq!(t.lower, ascii_lower(t.text, &mut buf), "{t:?}");
        }
        // Twice: a miss fills the cache, the second call is a hit.
        for _ in 0..2 {
            super::super::body_cache::with_words(&body, |_, lower, cached| {
                assert_eq!(cached, fresh);
                assert_eq!(lower, body.to_ascii_lowercase());
            });
            super::super::body_cache::with_dates(&body, |_, dates| {
                assert_eq!(dates, super::super::scan::scan(&fresh));
            });
        }
    }
}
