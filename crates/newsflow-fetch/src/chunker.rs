//! Cuts a byte stream into chunks of whole lines, with bounded memory.
//!
//! Pure and synchronous: the async drivers feed it blocks as they read them.
//! A chunk holds at most `max_chunk_bytes` (unless a single line with its
//! newline is longer) and ends at a line boundary, preferably right after a
//! blank line in the second half of the chunk, so paragraph groups (articles
//! in plain-text dumps) stay together. A line longer than `max_line_bytes` is
//! never buffered whole: its head is kept, the rest skipped up to the newline.

use memchr::memchr;

/// How much of an over-long line is kept for its dead letter: what
/// `DeadLetter` keeps anyway (newsflow-model's private
/// `DEAD_LETTER_MAX_ORIGINAL_BYTES`).
pub(crate) const DEAD_LETTER_MAX_ORIGINAL_BYTES: usize = 64 * 1024;

/// A place in the input: byte offset and the 1-based number of the line that
/// starts there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub offset: u64,
    pub line: u64,
}

impl Cursor {
    pub const START: Cursor = Cursor { offset: 0, line: 1 };
}

#[derive(Debug, Clone, Copy)]
pub struct ChunkLimits {
    pub max_chunk_bytes: usize,
    pub max_line_bytes: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    /// Whole lines from `start` up to `end`.
    Chunk {
        bytes: Vec<u8>,
        start: Cursor,
        end: Cursor,
    },
    /// A line of `len` bytes (newline excluded) over `max_line_bytes`, of
    /// which only `head` was kept; `end` is just past it.
    OverlongLine {
        head: Vec<u8>,
        start: Cursor,
        len: u64,
        end: Cursor,
    },
}

impl Event {
    /// Where the input after this event starts.
    pub fn end(&self) -> Cursor {
        match self {
            Event::Chunk { end, .. } | Event::OverlongLine { end, .. } => *end,
        }
    }
}

struct Overlong {
    head: Vec<u8>,
    start: Cursor,
    len: u64,
}

pub struct Chunker {
    limits: ChunkLimits,
    /// Complete lines of the chunk being built, then the current partial line.
    buf: Vec<u8>,
    /// Where `buf[0]` is in the input.
    buf_start: Cursor,
    /// Index in `buf` where the current (partial) line starts.
    line_start: usize,
    /// Complete lines in `buf[..line_start]`.
    lines_in_buf: u64,
    /// End index in `buf` of the last blank line, and the lines up to it.
    last_blank: Option<(usize, u64)>,
    overlong: Option<Overlong>,
}

impl Chunker {
    pub fn new(limits: ChunkLimits, start: Cursor) -> Self {
        Self {
            limits,
            buf: Vec::new(),
            buf_start: start,
            line_start: 0,
            lines_in_buf: 0,
            last_blank: None,
            overlong: None,
        }
    }

    /// Consumes `data`, appending finished chunks and over-long lines to `out`.
    pub fn feed(&mut self, mut data: &[u8], out: &mut Vec<Event>) {
        while !data.is_empty() {
            if let Some(overlong) = &mut self.overlong {
                let Some(newline) = memchr(b'\n', data) else {
                    overlong.take(data, self.limits.max_line_bytes);
                    return;
                };
                overlong.take(&data[..newline], self.limits.max_line_bytes);
                data = &data[newline + 1..];
                self.end_overlong(1, out);
                continue;
            }
            match memchr(b'\n', data) {
                None => {
                    if self.buf.len() - self.line_start + data.len() > self.limits.max_line_bytes {
                        self.start_overlong(data, out);
                    } else {
                        self.buf.extend_from_slice(data);
                    }
                    return;
                }
                Some(newline) => {
                    let line_len = self.buf.len() - self.line_start + newline;
                    if line_len > self.limits.max_line_bytes {
                        self.start_overlong(&data[..newline], out);
                        data = &data[newline..]; // the overlong branch ends it
                    } else {
                        self.buf.extend_from_slice(&data[..=newline]);
                        data = &data[newline + 1..];
                        self.complete_line(out);
                    }
                }
            }
        }
    }

    /// End of input: the last line may lack its newline. Emits everything left.
    pub fn finish(&mut self, out: &mut Vec<Event>) {
        if self.overlong.is_some() {
            self.end_overlong(0, out);
        } else if self.buf.len() > self.line_start {
            self.complete_line(out);
        }
        self.flush_complete_lines(out);
    }

    /// Emits the complete lines buffered so far (for inputs that go quiet,
    /// such as an interactive stdin).
    pub fn flush_complete_lines(&mut self, out: &mut Vec<Event>) {
        if self.line_start > 0 {
            self.emit_prefix(self.line_start, self.lines_in_buf, out);
        }
    }

    pub fn has_complete_lines(&self) -> bool {
        self.line_start > 0
    }

    /// Bytes held in memory, for tests of the memory bound.
    #[cfg(test)]
    pub fn buffered_capacity(&self) -> usize {
        self.buf.capacity() + self.overlong.as_ref().map_or(0, |o| o.head.capacity())
    }

    fn complete_line(&mut self, out: &mut Vec<Event>) {
        let end = self.buf.len();
        if end > self.limits.max_chunk_bytes && self.line_start > 0 {
            // Cut before this line; at the last blank line if that is in the
            // second half and leaves a remainder that still fits.
            let (cut, lines) = match self.last_blank {
                Some((at, lines))
                    if at >= self.line_start / 2 && end - at <= self.limits.max_chunk_bytes =>
                {
                    (at, lines)
                }
                _ => (self.line_start, self.lines_in_buf),
            };
            self.emit_prefix(cut, lines, out);
        }
        let is_blank = self.buf[self.line_start..]
            .iter()
            .all(u8::is_ascii_whitespace);
        self.lines_in_buf += 1;
        self.line_start = self.buf.len();
        if is_blank {
            self.last_blank = Some((self.line_start, self.lines_in_buf));
        }
    }

    /// Emits `buf[..cut]` (holding `lines` lines) as a chunk.
    fn emit_prefix(&mut self, cut: usize, lines: u64, out: &mut Vec<Event>) {
        let start = self.buf_start;
        let end = Cursor {
            offset: start.offset + cut as u64,
            line: start.line + lines,
        };
        let bytes = self.buf[..cut].to_vec();
        self.buf.drain(..cut);
        self.buf_start = end;
        self.line_start -= cut;
        self.lines_in_buf -= lines;
        self.last_blank = None;
        out.push(Event::Chunk { bytes, start, end });
    }

    /// The current line, `buf[line_start..]` + `more`, is too long: flush the
    /// lines before it and keep only its head from now on.
    fn start_overlong(&mut self, more: &[u8], out: &mut Vec<Event>) {
        self.flush_complete_lines(out);
        let cap = self
            .limits
            .max_line_bytes
            .min(DEAD_LETTER_MAX_ORIGINAL_BYTES);
        let mut overlong = Overlong {
            head: Vec::with_capacity(cap),
            start: self.buf_start,
            len: 0,
        };
        overlong.take(&self.buf, self.limits.max_line_bytes);
        overlong.take(more, self.limits.max_line_bytes);
        self.buf = Vec::new(); // drop the big buffer, not just its contents
        self.line_start = 0;
        self.overlong = Some(overlong);
    }

    /// The over-long line ended (`newline` is 1 when a newline ended it).
    fn end_overlong(&mut self, newline: u64, out: &mut Vec<Event>) {
        let Some(Overlong { head, start, len }) = self.overlong.take() else {
            return;
        };
        let end = Cursor {
            offset: start.offset + len + newline,
            line: start.line + 1,
        };
        self.buf_start = end;
        out.push(Event::OverlongLine {
            head,
            start,
            len,
            end,
        });
    }
}

impl Overlong {
    fn take(&mut self, data: &[u8], max_line_bytes: usize) {
        let cap = max_line_bytes.min(DEAD_LETTER_MAX_ORIGINAL_BYTES);
        let room = cap.saturating_sub(self.head.len());
        self.head.extend_from_slice(&data[..data.len().min(room)]);
        self.len += data.len() as u64;
    }
}

#[cfg(test)]
#[path = "chunker_tests.rs"]
mod tests;
