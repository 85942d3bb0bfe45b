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
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
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

/// Splits `text` into tokens. Possessive "'s" / "’s" becomes its own token so
/// "Russia’s" yields the name "Russia".
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut paragraph = 0u32;
    let mut newlines_since_token = 0u32;
    let mut sentence_pending = true;
    let mut paragraph_pending = true;
    while i < chars.len() {
        let (byte, c) = chars[i];
        if c.is_whitespace() {
            if c == '\n' {
                newlines_since_token += 1;
                if newlines_since_token == 2 && !tokens.is_empty() {
                    paragraph += 1;
                    sentence_pending = true;
                    paragraph_pending = true;
                }
            }
            i += 1;
            continue;
        }
        newlines_since_token = 0;
        let start_idx = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while i < chars.len() {
                let ch = chars[i].1;
                let next_digit = chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
                if ch.is_ascii_digit() || ((ch == ',' || ch == '.') && next_digit) {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i += 1;
            while i < chars.len() {
                let ch = chars[i].1;
                let next_is_word = chars.get(i + 1).is_some_and(|n| is_word_char(n.1));
                if is_word_char(ch) {
                    i += 1;
                } else if (ch == '-' || ch == '.') && next_is_word {
                    // "Jong-un", "U.S" (the trailing dot is added below).
                    i += 1;
                } else if is_apostrophe(ch) && next_is_word {
                    // Possessive 's stays a separate token; O'Brien / don't stay whole.
                    let after = chars.get(i + 2).map(|n| n.1);
                    let is_possessive =
                        matches!(chars[i + 1].1, 's' | 'S') && !after.is_some_and(is_word_char);
                    if is_possessive {
                        break;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            // Abbreviations with internal dots keep their final dot: "U.S.", "D.C.".
            let word: String = chars[start_idx..i].iter().map(|p| p.1).collect();
            if word.contains('.') && chars.get(i).is_some_and(|n| n.1 == '.') {
                i += 1;
            }
        } else if is_apostrophe(c)
            && chars.get(i + 1).is_some_and(|n| matches!(n.1, 's' | 'S'))
            && !chars.get(i + 2).is_some_and(|n| is_word_char(n.1))
            && start_idx > 0
            && is_word_char(chars[start_idx - 1].1)
        {
            kind = TokenKind::Word;
            i += 2;
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let end_byte = chars.get(i).map_or(text.len(), |p| p.0);
        let token = Token {
            text: &text[byte..end_byte],
            start: byte,
            end: end_byte,
            char_start: start_idx,
            char_end: i,
            kind,
            sentence_start: sentence_pending,
            paragraph_start: paragraph_pending,
            paragraph,
        };
        sentence_pending = false;
        paragraph_pending = false;
        if ends_sentence(&token, tokens.last()) {
            sentence_pending = true;
        }
        tokens.push(token);
    }
    // A capitalised word after an opening quote that starts a sentence also
    // starts one: `He said: "The ...`. Mark tokens right after a sentence-start quote.
    for k in 1..tokens.len() {
        if tokens[k - 1].sentence_start && is_quote_mark(tokens[k - 1].text) {
            tokens[k].sentence_start = true;
        }
    }
    tokens
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
}
