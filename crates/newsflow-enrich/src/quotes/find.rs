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
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/')
    })
}

/// Quotes in `chars` (the body as code points).
pub fn find_quotes(chars: &[char]) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Only line breaks and double quote marks matter: skip the rest fast.
        if !matches!(c, '\n' | '“' | '”' | '"') {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        if c == '\n' && chars.get(i + 1) == Some(&'\n') {
            if let Some(o) = open {
                // A paragraph ends inside a quote: it continues only when the
                // next paragraph reopens with a quote mark.
                let mut next = i;
                while next < chars.len() && chars[next].is_whitespace() {
                    next += 1;
                }
                let reopens = matches!(chars.get(next), Some('“') | Some('"'));
                if reopens {
                    i = next + 1;
                    continue;
                }
                push(&mut quotes, chars, o, i);
                open = None;
            }
            i += 1;
            continue;
        }
        match (c, open) {
            ('“', None) => open = Some(i),
            ('“', Some(_)) => {} // stray reopen inside a quote
            ('”', Some(o)) => {
                push(&mut quotes, chars, o, i);
                open = None;
            }
            ('"', None) if is_opening_context(prev) => open = Some(i),
            ('"', Some(o)) => {
                push(&mut quotes, chars, o, i);
                open = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(o) = open {
        push(&mut quotes, chars, o, chars.len());
    }
    quotes
}

fn push(quotes: &mut Vec<QuoteSpan>, chars: &[char], open: usize, close: usize) {
    let mut start = open + 1;
    let mut end = close;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        quotes.push(QuoteSpan {
            open,
            close,
            start,
            end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find_quotes(&chars)
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
