//! One pass over each line: tokens interned to ids, plus the shape facts the
//! boundary features need. Tokens land in flat arrays (no per-line vectors).

use super::lexicon::{Interner, WordClass};
use super::Line;

/// How a paragraph opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Opening {
    Pronoun,
    Connective,
    /// "The" followed by a lowercase word: an anaphoric "The company ...".
    DefiniteNoun,
    Quote,
    /// Two capitalised words, e.g. a full name or an organisation.
    NameRun,
    #[default]
    Other,
}

/// Layout and shape facts of one line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LineShape {
    pub words: u32,
    pub sentences: u32,
    /// Ends mid-sentence: no terminal punctuation after closing quotes/brackets.
    pub truncated: bool,
    /// Ends with terminal punctuation inside a closing quote (`."`, `.”`).
    pub ends_in_quote: bool,
    pub opening: Opening,
    pub has_quote: bool,
    /// Short, no terminal punctuation: looks like a headline or a caption.
    pub headline_like: bool,
    /// Opens with an all-caps label and a colon ("NUCLEAR WARNING:").
    pub caps_kicker: bool,
    pub blank_before: u32,
}

/// Tokenised lines: per-line shapes plus flat term arrays with end offsets.
pub(crate) struct Analysis {
    pub shapes: Vec<LineShape>,
    /// Content word ids of every line, concatenated.
    pub terms: Vec<u32>,
    pub terms_end: Vec<u32>,
    /// Capitalised content words not at a sentence start (names, places).
    pub names: Vec<u32>,
    pub names_end: Vec<u32>,
    /// Surnames after a courtesy title ("Mr Smith" -> smith).
    pub titled: Vec<u32>,
    pub titled_end: Vec<u32>,
    pub vocabulary: u32,
}

impl Analysis {
    pub fn line_terms(&self, line: usize) -> &[u32] {
        slice(&self.terms, &self.terms_end, line)
    }
    pub fn line_names(&self, line: usize) -> &[u32] {
        slice(&self.names, &self.names_end, line)
    }
    pub fn line_titled(&self, line: usize) -> &[u32] {
        slice(&self.titled, &self.titled_end, line)
    }
}

fn slice<'a>(flat: &'a [u32], ends: &[u32], line: usize) -> &'a [u32] {
    let start = if line == 0 {
        0
    } else {
        ends[line - 1] as usize
    };
    &flat[start..ends[line] as usize]
}

/// Byte classes the tokenizer needs.
#[derive(PartialEq, Eq)]
enum Byte {
    Word,
    Space,
    Terminal,
    Quote,
    CloseBracket,
    Other,
}

/// Class and byte length of the character starting at `bytes[i]`.
fn classify(bytes: &[u8], i: usize) -> (Byte, usize) {
    let b = bytes[i];
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (Byte::Word, 1),
        b' ' | b'\t' | b'\r' | b'\n' => (Byte::Space, 1),
        b'.' | b'!' | b'?' => (Byte::Terminal, 1),
        b'"' | b'\'' => (Byte::Quote, 1),
        b')' | b']' => (Byte::CloseBracket, 1),
        0xC2 => {
            // Latin-1 symbols (NBSP, pound sign, guillemets): not word characters.
            let class = if bytes.get(i + 1) == Some(&0xA0) {
                Byte::Space
            } else {
                Byte::Other
            };
            (class, 2)
        }
        0xE2 if bytes.get(i + 1) == Some(&0x80) => {
            // General punctuation U+2000..U+203F: quotes, dashes, ellipsis, spaces.
            let class = match bytes.get(i + 2).copied().unwrap_or(0) {
                0x98..=0x9F => Byte::Quote,
                0xA6 => Byte::Terminal,
                0x80..=0x8B | 0xAF => Byte::Space,
                _ => Byte::Other,
            };
            (class, 3)
        }
        0x80.. => {
            let len = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            (Byte::Word, len)
        }
        _ => (Byte::Other, 1),
    }
}

/// Tokenises every line. `interner` keeps ids stable across calls.
pub(crate) fn analyze(lines: &[Line<'_>], interner: &mut Interner) -> Analysis {
    let mut out = Analysis {
        shapes: Vec::with_capacity(lines.len()),
        terms: Vec::new(),
        terms_end: Vec::with_capacity(lines.len()),
        names: Vec::new(),
        names_end: Vec::with_capacity(lines.len()),
        titled: Vec::new(),
        titled_end: Vec::with_capacity(lines.len()),
        vocabulary: 0,
    };
    for line in lines {
        let shape = analyze_line(line, interner, &mut out);
        out.shapes.push(shape);
        out.terms_end.push(out.terms.len() as u32);
        out.names_end.push(out.names.len() as u32);
        out.titled_end.push(out.titled.len() as u32);
    }
    out.vocabulary = interner.len();
    out
}

fn analyze_line(line: &Line<'_>, interner: &mut Interner, out: &mut Analysis) -> LineShape {
    let bytes = line.text.as_bytes();
    let mut shape = LineShape {
        blank_before: line.blank_before,
        ..LineShape::default()
    };
    let mut i = 0;
    let mut word_start: Option<usize> = None;
    // Sentence tracking: a terminal mark then space ends a sentence.
    let mut saw_terminal = false;
    let mut pending_break = false;
    let mut sentence_start = true;
    let mut previous_class = WordClass::Function;
    let mut previous_short = false;
    let mut first_words: [(u32, bool, bool); 2] = [(u32::MAX, false, false); 2];
    let mut kicker_caps = true;
    let mut first_nonspace: Option<Byte> = None;
    while i <= bytes.len() {
        let (class, len) = if i < bytes.len() {
            classify(bytes, i)
        } else {
            (Byte::Space, 1)
        };
        if first_nonspace.is_none() && class != Byte::Space {
            first_nonspace = Some(if class == Byte::Quote {
                Byte::Quote
            } else {
                Byte::Other
            });
        }
        if class == Byte::Word {
            if word_start.is_none() {
                word_start = Some(i);
            }
            i += len;
            continue;
        }
        if let Some(start) = word_start.take() {
            let word = &bytes[start..i];
            if pending_break && (word[0].is_ascii_uppercase() || word[0].is_ascii_digit()) {
                shape.sentences += 1;
                sentence_start = true;
            }
            pending_break = false;
            saw_terminal = false;
            let id = interner.intern(word);
            let word_class = interner.class(id);
            let capitalised = word[0].is_ascii_uppercase();
            let all_caps = word.len() > 1 && word.iter().all(|c| !c.is_ascii_lowercase());
            if shape.words < 2 {
                first_words[shape.words as usize] =
                    (id, capitalised, word_class == WordClass::Content);
            }
            // A kicker is a run of all-caps words closed by a colon.
            if shape.words < 6 && kicker_caps {
                if !all_caps {
                    kicker_caps = false;
                } else if bytes.get(i) == Some(&b':') {
                    shape.caps_kicker = true;
                    kicker_caps = false;
                }
            }
            shape.words += 1;
            if word_class == WordClass::Content && (word.len() > 2 || word[0].is_ascii_digit()) {
                out.terms.push(id);
                if capitalised && !sentence_start {
                    out.names.push(id);
                }
                if previous_class == WordClass::Honorific && capitalised {
                    out.titled.push(id);
                }
            }
            previous_class = word_class;
            previous_short = word.len() == 1 && word[0].is_ascii_alphabetic();
            sentence_start = false;
        }
        match class {
            Byte::Terminal => saw_terminal = !previous_short || saw_terminal,
            Byte::Space if saw_terminal => pending_break = true,
            Byte::Quote | Byte::CloseBracket | Byte::Space => {}
            _ => saw_terminal = false,
        }
        i += len;
    }
    if shape.words > 0 {
        shape.sentences += 1;
    }
    finish_shape(bytes, &mut shape, first_words, first_nonspace, interner);
    shape
}

fn finish_shape(
    bytes: &[u8],
    shape: &mut LineShape,
    first_words: [(u32, bool, bool); 2],
    first_nonspace: Option<Byte>,
    interner: &Interner,
) {
    shape.has_quote = bytes.contains(&b'"') || line_has_curly_double_quote(bytes);
    let (ends_terminal, quoted) = ending(bytes);
    shape.truncated = !ends_terminal && shape.words > 0;
    shape.ends_in_quote = ends_terminal && quoted;
    shape.headline_like = !ends_terminal && shape.words > 0 && shape.words <= 14;
    let (first_id, first_cap, _) = first_words[0];
    let (second_id, second_cap, second_content) = first_words[1];
    shape.opening = if first_nonspace == Some(Byte::Quote) {
        Opening::Quote
    } else if first_id == u32::MAX {
        Opening::Other
    } else {
        match interner.class(first_id) {
            WordClass::Pronoun => Opening::Pronoun,
            WordClass::Connective => Opening::Connective,
            _ if first_id == interner.the_id && second_id != u32::MAX && !second_cap => {
                Opening::DefiniteNoun
            }
            WordClass::Content if first_cap && second_cap && second_content => Opening::NameRun,
            _ => Opening::Other,
        }
    };
}

fn line_has_curly_double_quote(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .any(|w| w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x9D))
}

/// Whether the line ends in terminal punctuation (after stripping closing
/// quotes and brackets), and whether a closing quote followed it.
fn ending(bytes: &[u8]) -> (bool, bool) {
    let mut end = bytes.len();
    let mut quoted = false;
    loop {
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        if end == 0 {
            return (false, quoted);
        }
        let b = bytes[end - 1];
        if matches!(b, b'"' | b'\'' | b')' | b']') {
            quoted |= b != b')' && b != b']';
            end -= 1;
            continue;
        }
        // Closing curly quotes ’ (E2 80 99) and ” (E2 80 9D); opening ones are not stripped.
        if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 {
            match b {
                0x99 | 0x9D => {
                    quoted = true;
                    end -= 3;
                    continue;
                }
                0xA6 => return (true, quoted),
                _ => return (false, quoted),
            }
        }
        return (matches!(b, b'.' | b'!' | b'?'), quoted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(text: &str) -> LineShape {
        let mut interner = Interner::new();
        let lines = [Line {
            text,
            number: 1,
            blank_before: 0,
        }];
        analyze(&lines, &mut interner).shapes[0]
    }

    #[test]
    fn mid_sentence_endings_are_truncated() {
        assert!(shape_of("The council met on a").truncated);
        assert!(shape_of("He said. \u{201c}This is a").truncated);
        assert!(shape_of("the so-called \u{201c}lifeline\u{201d}").truncated);
        assert!(!shape_of("It rained.").truncated);
        assert!(!shape_of("\u{201c}We will win,\u{201d} she said.\u{201d}").truncated);
        assert!(!shape_of("\"Go home.\"").truncated);
        assert!(shape_of("\"Go home.\"").ends_in_quote);
        assert!(!shape_of("Wait\u{2026}").truncated);
    }

    #[test]
    fn sentences_and_openings_are_detected() {
        let s = shape_of("The mayor spoke. She left at 5.30 p.m. on Friday. Mr J. Kovac stayed.");
        assert_eq!(s.sentences, 3);
        assert_eq!(s.opening, Opening::DefiniteNoun);
        assert_eq!(
            shape_of("However, the vote failed.").opening,
            Opening::Connective
        );
        assert_eq!(shape_of("They left early.").opening, Opening::Pronoun);
        assert_eq!(
            shape_of("\u{201c}No,\u{201d} he said.").opening,
            Opening::Quote
        );
        assert_eq!(
            shape_of("Marta Lindqvist won the race.").opening,
            Opening::NameRun
        );
        assert!(shape_of("FLOOD ALERT: rivers rise in the north.").caps_kicker);
        assert!(!shape_of("Flood alert: rivers rise.").caps_kicker);
    }

    #[test]
    fn names_and_titled_surnames_are_collected() {
        let mut interner = Interner::new();
        let lines = [Line {
            text: "Officials in Porvento said Mr Abernathy met Lena Ortiz.",
            number: 1,
            blank_before: 0,
        }];
        let analysis = analyze(&lines, &mut interner);
        let porvento = interner.intern(b"porvento");
        let abernathy = interner.intern(b"abernathy");
        assert!(analysis.line_names(0).contains(&porvento));
        assert_eq!(analysis.line_titled(0), &[abernathy]);
        // Sentence-initial "Officials" is not a name.
        let officials = interner.intern(b"officials");
        assert!(!analysis.line_names(0).contains(&officials));
    }
}
