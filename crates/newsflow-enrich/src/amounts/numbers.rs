//! Numbers written as digits ("140,000", "5.5") or words ("three",
//! "twenty-five", "a dozen", "two hundred and fifty").

use crate::dates::tokens::{Kind, Token};

/// Value of a digit token: "140,000" → 140000, "5.5" → 5.5.
pub(crate) fn digits_value(text: &str) -> Option<f64> {
    if !text.contains(',') {
        return text.parse().ok();
    }
    let cleaned: String = text.chars().filter(|&c| c != ',').collect();
    cleaned.parse().ok()
}

/// One..nineteen and the tens, lower-case.
pub(crate) fn small_number_word(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Multipliers written as words or abbreviations ("million", "bn", "m").
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "mln" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// A written-out number starting at `tokens[i]`: its value and the index
/// after its last token. Hyphens inside ("twenty-five") and "and" between
/// parts ("two hundred and fifty") are part of it. "a"/"an" count as one
/// only before "hundred", "thousand", "million", "dozen", ...
pub(crate) fn written_number(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    let mut j = i;
    let mut end = i;
    while let Some(tok) = tokens.get(j) {
        if tok.kind != Kind::Word {
            // "twenty-five": a hyphen glued to words on both sides.
            let glued = tok.is_punct('-')
                && !tok.space_before
                && seen
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| !n.space_before && n.is_word());
            if glued {
                j += 1;
                continue;
            }
            break;
        }
        let word = tok.lower;
        if let Some(v) = small_number_word(word) {
            current += f64::from(v);
        } else if (word == "a" || word == "an") && !seen {
            let next_scales = tokens.get(j + 1).is_some_and(|n| {
                [
                    "dozen", "hundred", "thousand", "million", "billion", "trillion",
                ]
                .contains(&n.lower)
            });
            if !next_scales {
                break;
            }
            current = 1.0;
            j += 1;
            continue;
        } else if word == "dozen" && (seen || current > 0.0) {
            current = current.max(1.0) * 12.0;
        } else if word == "hundred" && (seen || current > 0.0) {
            current = current.max(1.0) * 100.0;
        } else if let Some(scale) = scale_word(word).filter(|&s| s >= 1e3 && word.len() > 2) {
            if !(seen || current > 0.0) {
                break;
            }
            total += current.max(1.0) * scale;
            current = 0.0;
        } else if word == "and" && seen {
            // Only inside a number: "two hundred and fifty".
            let continues = tokens
                .get(j + 1)
                .is_some_and(|n| small_number_word(n.lower).is_some());
            if !continues {
                break;
            }
            j += 1;
            continue;
        } else {
            break;
        }
        seen = true;
        j += 1;
        end = j;
    }
    seen.then_some((total + current, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::tokens::tokenize;

    fn value(s: &str) -> Option<(f64, usize)> {
        let mut lower = String::new();
        written_number(&tokenize(s, &mut lower), 0)
    }

    #[test]
    fn reads_written_numbers() {
        assert_eq!(value("three people"), Some((3.0, 1)));
        assert_eq!(value("twenty-five years"), Some((25.0, 3)));
        assert_eq!(value("a dozen eggs"), Some((12.0, 2)));
        assert_eq!(value("two hundred and fifty homes"), Some((250.0, 4)));
        assert_eq!(value("three million people"), Some((3e6, 2)));
        assert_eq!(value("a thousand"), Some((1000.0, 2)));
        assert_eq!(value("a man"), None);
        assert_eq!(value("hundred"), None);
        assert_eq!(digits_value("140,000"), Some(140_000.0));
        assert_eq!(digits_value("5.5"), Some(5.5));
    }
}
