//! Text to non-blank lines: LF, CRLF and lone CR endings, 1-based line
//! numbers, blank-line counts, and whitespace normalised inside each line.

use std::borrow::Cow;

use crate::{ParseError, ParseLimits};

/// A non-blank line with its whitespace normalised (borrowed when it was
/// already clean, which is the common case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine<'a> {
    pub text: Cow<'a, str>,
    pub number: u64,
    pub blank_before: u32,
}

/// Splits `text` into its non-blank lines. `first_line` is the number of the
/// first line of `text` in its origin.
pub fn split_lines<'a>(
    text: &'a str,
    first_line: u64,
    limits: &ParseLimits,
) -> Result<Vec<TextLine<'a>>, ParseError> {
    let mut lines = Vec::new();
    let mut blank_before = 0u32;
    for (index, raw) in physical_lines(text).enumerate() {
        let number = first_line + index as u64;
        if raw.len() > limits.max_line_bytes {
            return Err(ParseError::LineTooLong {
                line: number,
                size: raw.len(),
                limit: limits.max_line_bytes,
            });
        }
        let normalised = normalise_whitespace(raw);
        if normalised.is_empty() {
            blank_before = blank_before.saturating_add(1);
            continue;
        }
        if lines.len() == limits.max_paragraphs {
            return Err(ParseError::TooManyParagraphs {
                limit: limits.max_paragraphs,
            });
        }
        lines.push(TextLine {
            text: normalised,
            number,
            blank_before,
        });
        blank_before = 0;
    }
    Ok(lines)
}

/// Physical lines ending in LF, CRLF or a lone CR (old Mac files).
fn physical_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let bytes = current.as_bytes();
        match memchr::memchr2(b'\n', b'\r', bytes) {
            None => {
                rest = None;
                // A final empty piece after a terminator is not a line.
                (!current.is_empty()).then_some(current)
            }
            Some(end) => {
                let after = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                // Both indices sit next to ASCII bytes, so on char boundaries.
                rest = Some(&current[after..]);
                Some(&current[..end])
            }
        }
    })
}

/// Whitespace and control characters inside a line, with what they mean for
/// layout: runs of them become one space, and the ends are trimmed. Letters,
/// quotes and punctuation are kept exactly as written.
pub fn normalise_whitespace(line: &str) -> Cow<'_, str> {
    if is_normalised(line) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for ch in line.chars() {
        if is_space_like(ch) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// Tab, NBSP, em space, ideographic space, stray control characters...
pub fn is_space_like(ch: char) -> bool {
    ch.is_whitespace() || ch.is_control()
}

/// True when the line has no leading/trailing space, no doubled space and
/// no whitespace or control character other than a plain space. This runs
/// on every line, so plain ASCII is checked eight bytes at a time; the few
/// non-ASCII whitespace and control characters are recognised by their
/// UTF-8 encodings, so curly quotes and accents cost little.
fn is_normalised(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    let mut index = 0;
    while index + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[index..index + 8]);
        let word = u64::from_le_bytes(word);
        let spaces = bytes_equal(word, b' ');
        let plain_ascii = word & HIGH_BITS == 0
            && bytes_below(word, 0x20) == 0
            && bytes_equal(word, 0x7F) == 0
            && spaces & (spaces << 8) == 0
            && !(previous_space && spaces & 0x80 != 0);
        if plain_ascii {
            previous_space = spaces >> 63 != 0;
        } else {
            for offset in index..index + 8 {
                if !check_byte(bytes, offset, &mut previous_space) {
                    return false;
                }
            }
        }
        index += 8;
    }
    (index..bytes.len()).all(|offset| check_byte(bytes, offset, &mut previous_space))
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `word` equal to `byte` (exact, no false
/// positives).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let diff = word ^ (LOW_BITS * u64::from(byte));
    !(((diff & !HIGH_BITS) + !HIGH_BITS) | diff) & HIGH_BITS
}

/// High bit set in each byte below `limit` (<= 0x80), for words whose bytes
/// are all ASCII.
fn bytes_below(word: u64, limit: u8) -> u64 {
    !((word | HIGH_BITS) - LOW_BITS * u64::from(limit)) & HIGH_BITS
}

/// One byte of the slow path: false when it starts a whitespace or control
/// character other than a single space.
fn check_byte(bytes: &[u8], index: usize, previous_space: &mut bool) -> bool {
    let byte = bytes[index];
    if byte == b' ' {
        let doubled = *previous_space;
        *previous_space = true;
        return !doubled;
    }
    *previous_space = false;
    let space_like = match byte {
        0x00..=0x1F | 0x7F => true,
        // U+0080..U+009F (C1 controls) and U+00A0 (NBSP).
        0xC2 => bytes.get(index + 1).is_some_and(|&next| next <= 0xA0),
        // U+1680 OGHAM SPACE MARK.
        0xE1 => bytes.get(index + 1..index + 3) == Some(&[0x9A, 0x80]),
        // U+2000..U+200A, U+2028, U+2029, U+202F, U+205F.
        0xE2 => match bytes.get(index + 1..index + 3) {
            Some(&[0x80, last]) => last <= 0x8A || matches!(last, 0xA8 | 0xA9 | 0xAF),
            Some(&[0x81, 0x9F]) => true,
            _ => false,
        },
        // U+3000 IDEOGRAPHIC SPACE.
        0xE3 => bytes.get(index + 1..index + 3) == Some(&[0x80, 0x80]),
        _ => false,
    };
    !space_like
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(String, u64, u32)> {
        split_lines(text, 10, &ParseLimits::default())
            .unwrap()
            .into_iter()
            .map(|l| (l.text.into_owned(), l.number, l.blank_before))
            .collect()
    }

    #[test]
    fn crlf_lone_cr_and_blank_counts() {
        let got = lines("One\r\nTwo\r\r\nThree\n \n\t\nFour");
        assert_eq!(
            got,
            vec![
                ("One".into(), 10, 0),
                ("Two".into(), 11, 0),
                ("Three".into(), 13, 1),
                ("Four".into(), 16, 2),
            ]
        );
    }

    #[test]
    fn whitespace_is_collapsed_but_quotes_kept() {
        assert_eq!(
            normalise_whitespace("\t\u{201C}Yes,\u{a0}\u{a0}sir\u{201D}  he\u{3000}said 'no' "),
            "\u{201C}Yes, sir\u{201D} he said 'no'"
        );
        assert!(matches!(
            normalise_whitespace("Already \u{2019}clean\u{2019} text."),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn byte_check_agrees_with_char_classes() {
        for code in 0u32..0x11000 {
            let Some(ch) = char::from_u32(code).filter(|&c| c != ' ') else {
                continue;
            };
            // Short lines take the byte path, long ones the 8-byte path.
            for line in [format!("a{ch}b"), format!("abcdefg {ch} hijklmnopq")] {
                assert_eq!(is_normalised(&line), !is_space_like(ch), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn doubled_spaces_found_anywhere() {
        let base = "abcdefghijklmnopqrstuvwx";
        assert!(is_normalised(base));
        for at in 1..base.len() - 1 {
            let line = format!("{} {}", &base[..at], &base[at..]);
            assert!(is_normalised(&line), "{line:?}");
            let doubled = format!("{}  {}", &base[..at], &base[at..]);
            assert!(!is_normalised(&doubled), "{doubled:?}");
        }
    }

    #[test]
    fn limits_are_errors() {
        let limits = ParseLimits {
            max_line_bytes: 5,
            ..ParseLimits::default()
        };
        let err = split_lines("ok\nmuch too long", 1, &limits).unwrap_err();
        assert!(matches!(
            err,
            ParseError::LineTooLong {
                line: 2,
                size: 13,
                limit: 5
            }
        ));
        let limits = ParseLimits {
            max_paragraphs: 2,
            ..ParseLimits::default()
        };
        assert!(split_lines("a\nb\n\nc", 1, &limits).is_err());
        assert!(split_lines("a\nb\n\n", 1, &limits).is_ok());
    }
}
