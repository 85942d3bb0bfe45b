//! A batch in memory: rendered lines plus the ack tokens of their records.
//! The records themselves are dropped once rendered; the tokens are held
//! until the lines are durably written (dropping a token acknowledges it).

use newsflow_runtime::AckToken;

/// Rendered lines, each ending in '\n', in one buffer.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    bytes: Vec<u8>,
    /// `ends[i]` is the offset just past line `i`'s '\n'.
    ends: Vec<usize>,
}

impl Lines {
    pub(crate) fn push(&mut self, line: &str) {
        self.bytes.extend_from_slice(line.as_bytes());
        self.bytes.push(b'\n');
        self.ends.push(self.bytes.len());
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    fn start(&self, line: usize) -> usize {
        if line == 0 {
            0
        } else {
            self.ends[line - 1]
        }
    }

    /// Length in bytes of line `line`, newline included.
    pub(crate) fn line_len(&self, line: usize) -> u64 {
        (self.ends[line] - self.start(line)) as u64
    }

    /// The bytes of lines `from..to`.
    pub(crate) fn slice(&self, from: usize, to: usize) -> &[u8] {
        &self.bytes[self.start(from)..self.start(to)]
    }

    pub(crate) fn all(&self) -> &[u8] {
        &self.bytes
    }

    pub(crate) fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }
}

/// Lines and the token of each line's record (same index).
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub(crate) lines: Lines,
    pub(crate) tokens: Vec<AckToken>,
}

impl Batch {
    pub(crate) fn push(&mut self, line: &str, token: AckToken) {
        self.lines.push(line);
        self.tokens.push(token);
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Acknowledges the records of lines `..done` (durably written) and
    /// marks the rest failed, then empties the batch. Returns how many failed.
    pub(crate) fn finish(&mut self, done: usize) -> usize {
        let failed = self.tokens.len().saturating_sub(done);
        for token in self.tokens.drain(..).skip(done) {
            token.fail();
        }
        self.lines.clear();
        failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_sliced_on_their_boundaries() {
        let mut lines = Lines::default();
        lines.push("a");
        lines.push("bcd");
        lines.push("");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines.line_len(1), 4);
        assert_eq!(lines.slice(1, 3), b"bcd\n\n");
        assert_eq!(lines.slice(0, 1), b"a\n");
        assert_eq!(lines.all(), b"a\nbcd\n\n");
    }
}
