//! Finds direct quotes in a body: curly and straight double quotes (single
//! quotes only nest inside them), quotes that run over paragraphs, and short
//! partial quotes inside a sentence.

/// A quote's text span in code points (marks excluded), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Code point of the opening mark.
    pub open: usize,
    /// Code point of the closing mark (or paragraph end if never closed).
    pub close: usize,
    pub start: usize,
    pub end: usize,
    /// Byte range of the text (`start..end` in bytes).
    pub start_byte: usize,
    pub end_byte: usize,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/')
    })
}

/// A straight mark at byte `at` with a blank before it and a word after it.
fn is_reopening(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_alphanumeric)
}

/// Code points in `bytes` (valid UTF-8): its bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A mark that matters: a line break or a double quote mark.
fn mark_at(bytes: &[u8], at: usize) -> Option<char> {
    match bytes[at] {
        b'\n' => Some('\n'),
        b'"' => Some('"'),
        // “ and ” are E2 80 9C / E2 80 9D in UTF-8.
        _ => match bytes.get(at + 1..at + 3) {
            Some([0x80, 0x9C]) => Some('“'),
            Some([0x80, 0x9D]) => Some('”'),
            _ => None,
        },
    }
}

/// An opening mark: code point and the byte just after it.
#[derive(Clone, Copy)]
struct Open {
    char_at: usize,
    text_byte: usize,
}

/// Quotes in `text` (the body). Scans bytes for line breaks and quote marks
/// only (most of a body is neither) and counts code points between them.
pub fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let bytes = text.as_bytes();
    let mut quotes = Vec::new();
    let mut open: Option<Open> = None;
    // Code points before byte `counted`.
    let (mut counted, mut chars) = (0, 0);
    let mut i = 0;
    while let Some(found) = memchr::memchr3(b'\n', b'"', 0xE2, &bytes[i..]) {
        let at = i + found;
        let Some(c) = mark_at(bytes, at) else {
            i = at + 1;
            continue;
        };
        chars += count_chars(&bytes[counted..at]);
        counted = at;
        i = at + c.len_utf8();
        if c == '\n' {
            if bytes.get(at + 1) != Some(&b'\n') {
                continue;
            }
            if let Some(o) = open {
                // A paragraph ends inside a quote: it continues only when the
                // next paragraph reopens with a quote mark.
                let rest = &text[at..];
                let next = rest.len() - rest.trim_start().len();
                if let Some(m @ ('“' | '"')) = rest[next..].chars().next() {
                    i = at + next + m.len_utf8();
                    continue;
                }
                push(&mut quotes, text, o, chars, at);
                open = None;
            }
            continue;
        }
        let opening = || Open {
            char_at: chars,
            text_byte: i,
        };
        match (c, open) {
            ('“', None) => open = Some(opening()),
            ('“', Some(_)) => {} // stray reopen inside a quote
            // `… months. "We are …`: a straight mark between a blank and a
            // word opens, so the open quote lost its closing mark where two
            // paragraphs were merged; the quote continues.
            ('"', Some(_)) if is_reopening(text, at) => {}
            ('”', Some(o)) | ('"', Some(o)) => {
                push(&mut quotes, text, o, chars, at);
                open = None;
            }
            ('"', None) if is_opening_context(text[..at].chars().next_back()) => {
                open = Some(opening());
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        let total = chars + count_chars(&bytes[counted..]);
        push(&mut quotes, text, o, total, bytes.len());
    }
    quotes
}

/// Records the quote from `open` to the closing mark (or paragraph end) at
/// code point `close`, byte `close_byte`, without surrounding blanks.
fn push(quotes: &mut Vec<QuoteSpan>, text: &str, open: Open, close: usize, close_byte: usize) {
    let inner = &text[open.text_byte..close_byte];
    let leading = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    let start = open.char_at + 1 + inner[..leading].chars().count();
    let end = start + trimmed.chars().count();
    debug_assert!(end <= close);
    if end > start {
        let start_byte = open.text_byte + leading;
        quotes.push(QuoteSpan {
            open: open.char_at,
            close,
            start,
            end,
            start_byte,
            end_byte: start_byte + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find_quotes(s)
            .iter()
            .map(|q| chars[q.start..q.end].iter().collect())
            .collect()
    }

    #[test]
    fn curly_straight_nested_and_partial() {
        let found =
            texts("He said “we ‘will’ win” and \"not lose\", calling it “a farce”. It's 5'11\".");
        assert_eq!(found, ["we ‘will’ win", "not lose", "a farce"]);
    }

    #[test]
    fn quote_runs_over_paragraphs_only_when_reopened() {
        let found = texts("“First part.\n\n“Second part,” she said.\n\n“Unclosed\n\nPlain text.");
        assert_eq!(found, ["First part.\n\n“Second part,", "Unclosed"]);
    }
}
