//! Tokenisation shared by the entity, quote and place enrichers: word /
//! number / punctuation tokens with byte AND code-point offsets (the record
//! contract counts code points), plus sentence and paragraph starts.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and internal `-`, `'`, `.` as in "Jong-un", "O'Brien", "U.S.").
    Word,
    /// Digits, possibly with internal `,` `.` ("1,302", "3.5").
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets into the tokenised text.
    pub start: usize,
    pub end: usize,
    /// Code-point offsets into the tokenised text.
    pub char_start: usize,
    pub char_end: usize,
    pub kind: TokenKind,
    /// First token of a sentence (or of a paragraph).
    pub sentence_start: bool,
    /// First token after a blank line (or of the text).
    pub paragraph_start: bool,
    /// 0-based paragraph index (paragraphs are separated by a blank line).
    pub paragraph: u32,
    /// First token after a line break (or of the text): lists and tables
    /// put one item per line, and no name runs across lines.
    pub line_start: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        // Called several times per token by the recognisers: an ASCII
        // initial (nearly all) is judged on its byte, without decoding.
        self.kind == TokenKind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// Two or more letters, all upper case ("NATO", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The character starting at byte `pos` and its UTF-8 length (ASCII fast path).
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens. Possessive "'s" / "’s" becomes its own token so
/// "Russia’s" yields the name "Russia"; a name and a hyphenated modifier
/// become three ("Paris" "-" "based", "ex" "-" "Chelsea").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// As [`tokenize`], into `tokens` (cleared first), so the body cache can
/// reuse one allocation across articles.
///
/// Walks bytes, keeping the code-point index in step; ASCII (nearly all of
/// news prose) never goes through UTF-8 decoding, and look-ahead is only
/// computed where a rule needs it.
pub fn tokenize_into<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>) {
    tokens.clear();
    // News prose averages about one token per 4.5 bytes; `len / 5` fell
    // short for half the bodies and paid a reallocation.
    tokens.reserve(text.len() / 4);
    let bytes = text.as_bytes();
    // Byte and code-point positions of the next character.
    let (mut pos, mut cp) = (0usize, 0usize);
    let mut paragraph = 0u32;
    let mut newlines_since_token = 0u32;
    let mut sentence_pending = true;
    let mut paragraph_pending = true;
    while let Some((c, len)) = char_at(text, pos) {
        if c == ' ' {
            // Most common character: skip without the checks below.
            pos += 1;
            cp += 1;
            continue;
        }
        if c.is_whitespace() {
            if c == '\n' {
                newlines_since_token += 1;
                if newlines_since_token == 2 && !tokens.is_empty() {
                    paragraph += 1;
                    sentence_pending = true;
                    paragraph_pending = true;
                }
            }
            pos += len;
            cp += 1;
            continue;
        }
        let newline_before = newlines_since_token > 0;
        newlines_since_token = 0;
        let (start, start_cp) = (pos, cp);
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            pos += 1;
            cp += 1;
            // Digits, and ',' '.' followed by a digit ("1,302", "3.5"); all
            // ASCII, so one byte is one code point.
            while let Some(&d) = bytes.get(pos) {
                let separator =
                    (d == b',' || d == b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
                if !(d.is_ascii_digit() || separator) {
                    break;
                }
                pos += 1;
                cp += 1;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            pos += len;
            cp += 1;
            let mut has_dot = false;
            // Start of the current hyphen-separated part ("Qaeda" in "al-Qaeda").
            let mut part_start = start;
            loop {
                // ASCII letters and digits in one tight run.
                let run = bytes[pos..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                pos += run;
                cp += run;
                let Some((ch, ch_len)) = char_at(text, pos) else {
                    break;
                };
                // The run took every ASCII letter and digit: only a
                // non-ASCII character can still continue the word.
                if !ch.is_ascii() && is_word_char(ch) {
                    pos += ch_len;
                    cp += 1;
                    continue;
                }
                if !matches!(ch, '-' | '.' | '\'' | '\u{2019}') {
                    break;
                }
                let next = char_at(text, pos + ch_len);
                let next_is_word = next.is_some_and(|(n, _)| is_word_char(n));
                if ch == '-' && next_is_word && splits_at_hyphen(text, start, part_start, pos) {
                    // "Paris-based", "pro-Moscow": the name becomes a word of
                    // its own, the hyphen and the modifier separate tokens.
                    break;
                } else if (ch == '-' || ch == '.') && next_is_word {
                    // "Jong-un", "U.S" (the trailing dot is added below).
                    has_dot |= ch == '.';
                    if ch == '-' {
                        part_start = pos + 1;
                    }
                } else if is_apostrophe(ch) && next_is_word {
                    // Possessive 's stays a separate token; O'Brien / don't stay whole.
                    let is_possessive = matches!(next, Some(('s' | 'S', _)))
                        && !char_at(text, pos + ch_len + 1).is_some_and(|(a, _)| is_word_char(a));
                    if is_possessive {
                        break;
                    }
                } else {
                    break;
                }
                pos += ch_len;
                cp += 1;
            }
            // Abbreviations with internal dots keep their final dot: "U.S.", "D.C.".
            if has_dot && bytes.get(pos) == Some(&b'.') {
                pos += 1;
                cp += 1;
            }
        } else if is_apostrophe(c)
            && matches!(bytes.get(pos + len), Some(b's' | b'S'))
            && !char_at(text, pos + len + 1).is_some_and(|(a, _)| is_word_char(a))
            && text[..pos].chars().next_back().is_some_and(is_word_char)
        {
            kind = TokenKind::Word;
            pos += len + 1;
            cp += 2;
        } else {
            kind = TokenKind::Punct;
            pos += len;
            cp += 1;
        }
        // A capitalised word after an opening quote that starts a sentence
        // also starts one: `He said: "The ...`.
        let after_opening_quote = tokens
            .last()
            .is_some_and(|p| p.sentence_start && is_quote_mark(p.text));
        let text_of_token = &text[start..pos];
        // "Sen. Ben Sasse, R-Neb., called": a comma after a full stop shows
        // the stop ended an abbreviation, not the sentence.
        let continues = matches!(text_of_token, "," | ";") && !paragraph_pending;
        let token = Token {
            text: text_of_token,
            start,
            end: pos,
            char_start: start_cp,
            char_end: cp,
            kind,
            sentence_start: (sentence_pending && !continues) || after_opening_quote,
            paragraph_start: paragraph_pending,
            paragraph,
            line_start: tokens.is_empty() || newline_before,
        };
        sentence_pending = kind == TokenKind::Punct && ends_sentence(&token, tokens.last());
        paragraph_pending = false;
        tokens.push(token);
    }
}

/// Lower-case second parts that make "<Name>-<part>" a modifier of the name
/// ("Paris-based", "Iran-backed", "Kenyan-born", "Soviet-era").
const MODIFIER_SUFFIXES: &[&str] = &[
    "aligned",
    "allied",
    "backed",
    "based",
    "born",
    "bound",
    "brokered",
    "controlled",
    "educated",
    "era",
    "flagged",
    "friendly",
    "funded",
    "headquartered",
    "held",
    "inspired",
    "led",
    "linked",
    "listed",
    "made",
    "occupied",
    "owned",
    "registered",
    "run",
    "sponsored",
    "style",
    "supported",
    "trained",
    "wide",
];

/// Lower-case prefixes that make "<prefix>-<Name>" a modifier of the name
/// ("ex-Chelsea", "mid-July", "post-Brexit"). Not "pro-" and "anti-":
/// "pro-Moscow" reads as one adjective, and token-based gold (GUM) keeps it
/// whole.
const MODIFIER_PREFIXES: &[&str] = &["ex", "mid", "non", "pan", "post", "pre", "trans"];

/// Whether the word starting at byte `start` splits at the hyphen at byte
/// `hyphen`, `part_start` being where the part before the hyphen begins:
/// "pro-Moscow" (a listed lower-case prefix, then a capital) and
/// "Paris-based" (a capitalised part, then a listed lower-case modifier that
/// ends the word); also "US-China" (see [`joins_two_places`]). "Jong-un",
/// "Rolls-Royce", "Guinea-Bissau", "state-run" stay whole.
fn splits_at_hyphen(text: &str, start: usize, part_start: usize, hyphen: usize) -> bool {
    let bytes = text.as_bytes();
    let after = hyphen + 1;
    if start == part_start && MODIFIER_PREFIXES.contains(&&text[start..hyphen]) {
        return char_at(text, after).is_some_and(|(c, _)| c.is_uppercase());
    }
    if !char_at(text, part_start).is_some_and(|(c, _)| c.is_uppercase()) {
        return false;
    }
    if char_at(text, after).is_some_and(|(c, _)| c.is_uppercase()) {
        return joins_two_places(text, part_start, hyphen);
    }
    let n = bytes[after..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let tail = &text[after..after + n];
    // The modifier ends the word: "Paris-based" but not "Paris-basedness".
    let ends = char_at(text, after + n).is_none_or(|(c, _)| !is_word_char(c) && c != '-');
    ends && MODIFIER_SUFFIXES.contains(&tail)
}

/// "US-China", "Baghdad-Damascus": two countries or cities of the
/// gazetteer joined by the hyphen at byte `hyphen`, which together name no
/// place ("Guinea-Bissau" does; "Asia-Pacific" joins regions).
fn joins_two_places(text: &str, part_start: usize, hyphen: usize) -> bool {
    use crate::places::gazetteer::{PlaceKind, GAZETTEER};
    let after = hyphen + 1;
    let mut end = after;
    while let Some((c, len)) = char_at(text, end) {
        if !is_word_char(c) {
            break;
        }
        end += len;
    }
    let (Some(left), Some(right), Some(whole)) = (
        text.get(part_start..hyphen),
        text.get(after..end),
        text.get(part_start..end),
    ) else {
        return false;
    };
    let is_country_or_city = |name: &str| {
        GAZETTEER.lookup(name).iter().any(|&i| {
            matches!(
                GAZETTEER.entries[i].kind,
                PlaceKind::Country | PlaceKind::City
            )
        })
    };
    is_country_or_city(left) && is_country_or_city(right) && GAZETTEER.lookup(whole).is_empty()
}

/// Whether `tokens[k]` is the hyphen [`tokenize`] split out of a modifier
/// compound ("Paris" "-" "based", "ex" "-" "Chelsea"): a phrase runs on
/// across it.
pub fn is_modifier_hyphen(tokens: &[Token<'_>], k: usize) -> bool {
    let (Some(prev), Some(hyphen), Some(next)) = (
        k.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(k),
        tokens.get(k + 1),
    ) else {
        return false;
    };
    hyphen.is_punct("-")
        && prev.end == hyphen.start
        && hyphen.end == next.start
        && prev.is_word()
        && next.is_word()
        && (MODIFIER_SUFFIXES.contains(&next.text) || MODIFIER_PREFIXES.contains(&prev.text))
}

/// Code-point offset → byte offset of one text: free for ASCII texts, else
/// the code-point count before every 64-byte block (a vectorisable count of
/// UTF-8 lead bytes) and a short walk inside one block.
pub struct CharToByte<'a> {
    text: &'a str,
    /// Code points that start before block `k` (bytes `64k..`); empty for ASCII.
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 64;

fn is_char_start(b: u8) -> bool {
    // Not a UTF-8 continuation byte (0b10xx_xxxx).
    (b as i8) >= -0x40
}

impl<'a> CharToByte<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut chars_before_block = Vec::new();
        if !text.is_ascii() {
            chars_before_block.reserve(text.len() / BLOCK + 1);
            let mut chars = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                chars_before_block.push(chars);
                chars += block.iter().filter(|&&b| is_char_start(b)).count();
            }
        }
        Self {
            text,
            chars_before_block,
        }
    }

    /// Byte offset of code point `char_offset` (clamped to the text end).
    pub fn byte(&self, char_offset: usize) -> usize {
        if self.chars_before_block.is_empty() {
            return char_offset.min(self.text.len());
        }
        let block = self
            .chars_before_block
            .partition_point(|&c| c <= char_offset)
            .saturating_sub(1);
        let mut remaining = char_offset - self.chars_before_block[block];
        let bytes = self.text.as_bytes();
        for (pos, &b) in bytes.iter().enumerate().skip(block * BLOCK) {
            if is_char_start(b) {
                if remaining == 0 {
                    return pos;
                }
                remaining -= 1;
            }
        }
        bytes.len()
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let (a, b) = (self.byte(start), self.byte(end));
        &self.text[a..b.max(a)]
    }
}

/// Calls `f` with `s` lower-cased, without allocating for short ASCII words
/// (the common case for name candidates).
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if s.len() <= buf.len() && s.is_ascii() {
        let lower = &mut buf[..s.len()];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&s.to_lowercase())
}

fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}" | "'"
    )
}

/// Titles whose abbreviation dot does not end a sentence.
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Jr", "Sr", "No", "Vol", "vs", "Mt", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

fn ends_sentence(token: &Token<'_>, previous: Option<&Token<'_>>) -> bool {
    match token.text {
        "!" | "?" => true,
        "." => !previous.is_some_and(|p| {
            p.kind == TokenKind::Word
                && (NON_FINAL_ABBREVIATIONS.contains(&p.text)
                    || (p.text.chars().count() == 1 && p.is_capitalized()))
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        let toks = tokenize("Russia’s U.S. ally Kim Jong-un's O'Brien, 1,302 people.");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Russia", "’s", "U.S.", "ally", "Kim", "Jong-un", "'s", "O'Brien", ",", "1,302",
                "people", "."
            ]
        );
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_names_from_hyphenated_modifiers() {
        assert_eq!(
            texts("a Lyon-based bakery"),
            ["a", "Lyon", "-", "based", "bakery"]
        );
        assert_eq!(
            texts("the U.S.-led talks"),
            ["the", "U.S.", "-", "led", "talks"]
        );
        assert_eq!(
            texts("Hong Kong-listed shares"),
            ["Hong", "Kong", "-", "listed", "shares"]
        );
        assert_eq!(
            texts("an Iran-backed group, a Kenyan-born poet"),
            ["an", "Iran", "-", "backed", "group", ",", "a", "Kenyan", "-", "born", "poet"]
        );
        assert_eq!(
            texts("pro-Moscow and anti-NATO voters"),
            ["pro-Moscow", "and", "anti-NATO", "voters"]
        );
        assert_eq!(
            texts("the ex-Arsenal keeper in mid-July."),
            ["the", "ex", "-", "Arsenal", "keeper", "in", "mid", "-", "July", "."]
        );
        // The name keeps its own hyphens; the last part is the modifier.
        assert_eq!(
            texts("al-Shabab-linked cells"),
            ["al-Shabab", "-", "linked", "cells"]
        );
    }

    #[test]
    fn splits_two_places_joined_by_a_hyphen() {
        assert_eq!(
            texts("the China-Peru talks"),
            ["the", "China", "-", "Peru", "talks"]
        );
        assert_eq!(
            texts("a Dallas-Baghdad flight"),
            ["a", "Dallas", "-", "Baghdad", "flight"]
        );
        // A place name of its own, regions, and unknown parts stay whole.
        for word in [
            "Guinea-Bissau",
            "Asia-Pacific",
            "China-Wexford",
            "Peru-based",
        ] {
            let expected: &[&str] = if word == "Peru-based" {
                &["Peru", "-", "based"]
            } else {
                &[word]
            };
            assert_eq!(texts(word), expected, "{word}");
        }
    }

    #[test]
    fn keeps_hyphenated_names_and_lower_case_compounds_whole() {
        for word in [
            "Jong-un",
            "Ki-moon",
            "Rolls-Royce",
            "Coca-Cola",
            "Bre-X",
            "Al-Ain",
            "Stratford-upon-Avon",
            "Guinea-Bissau",
            "Hewlett-Packard",
            "Mercedes-Benz",
            "state-run",
            "family-owned",
            "pro-democracy",
            "mid-2020",
            "Anti-Slavery",
            "Post-Dispatch",
            "Lyon-basedness",
            "T-shirt",
        ] {
            assert_eq!(texts(word), [word], "{word}");
        }
    }

    #[test]
    fn hyphen_split_respects_non_ascii_offsets() {
        let text = "A São Paulo-based bank hired a Zürich-born chef.";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "A", "São", "Paulo", "-", "based", "bank", "hired", "a", "Zürich", "-", "born",
                "chef", "."
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        for t in &toks {
            let s: String = chars[t.char_start..t.char_end].iter().collect();
            assert_eq!(s, t.text);
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert!(is_modifier_hyphen(&toks, 3));
        assert!(is_modifier_hyphen(&toks, 9));
        assert!(!is_modifier_hyphen(&toks, 0));
        assert!(!is_modifier_hyphen(&toks, toks.len()));
    }

    #[test]
    fn hyphen_split_never_panics_on_odd_input() {
        for text in [
            "-based",
            "Lyon-",
            "pro-",
            "pro-é",
            "pro-Ärzte",
            "ex-Ärzte",
            "Ü-led",
            "é-born",
            "X-based-",
            "Lyon-based-",
            "pro--Moscow",
            "ex-日本",
            "Öl-run",
        ] {
            let toks = tokenize(text);
            for k in 0..=toks.len() {
                let _ = is_modifier_hyphen(&toks, k);
            }
        }
        assert_eq!(texts("ex-Ärzte"), ["ex", "-", "Ärzte"]);
        assert_eq!(texts("Öl-run"), ["Öl", "-", "run"]);
    }

    #[test]
    fn a_comma_after_an_abbreviation_continues_the_sentence() {
        let toks = tokenize("Sen. Ben Sasse, R-Neb., called it a crisis. Then it ended.");
        assert!(
            toks.iter().filter(|t| t.sentence_start).count() == 2,
            "{toks:#?}"
        );
        let called = toks.iter().find(|t| t.text == "called").unwrap();
        assert!(!called.sentence_start);
    }

    #[test]
    fn code_point_offsets_and_sentences() {
        let text = "“Hé” said Mr. Li. Then\n\nNew para";
        let toks = tokenize(text);
        let li = toks.iter().find(|t| t.text == "Li").unwrap();
        assert_eq!(li.char_start, 14);
        assert!(!li.sentence_start, "Mr. does not end a sentence");
        let then = toks.iter().find(|t| t.text == "Then").unwrap();
        assert!(then.sentence_start);
        let new = toks.iter().find(|t| t.text == "New").unwrap();
        assert!(new.paragraph_start && new.sentence_start);
        assert_eq!(new.paragraph, 1);
        let chars: Vec<char> = text.chars().collect();
        let s: String = chars[new.char_start..new.char_end].iter().collect();
        assert_eq!(s, "New");
    }

    #[test]
    fn char_to_byte_matches_char_indices() {
        let text = "é“Hé” said Mr. Li.\n\n日本語".repeat(20);
        let map = CharToByte::new(&text);
        let expected: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (k, &b) in expected.iter().enumerate() {
            assert_eq!(map.byte(k), b, "code point {k}");
        }
        assert_eq!(map.byte(expected.len()), text.len());
        assert_eq!(map.slice(1, 4), "“Hé");
        let ascii = CharToByte::new("plain text");
        assert_eq!(ascii.slice(6, 10), "text");
    }

    #[test]
    fn lowercase_helper_handles_ascii_and_unicode() {
        assert!(with_lowercase("Space", |l| l == "space"));
        assert!(with_lowercase("ÉCOLE", |l| l == "école"));
    }
}
