use super::*;

fn limits(max_chunk_bytes: usize, max_line_bytes: usize) -> ChunkLimits {
    ChunkLimits {
        max_chunk_bytes,
        max_line_bytes,
    }
}

fn chunk_all(limits: ChunkLimits, input: &[u8], block: usize) -> Vec<Event> {
    let mut chunker = Chunker::new(limits, Cursor::START);
    let mut out = Vec::new();
    for piece in input.chunks(block) {
        chunker.feed(piece, &mut out);
    }
    chunker.finish(&mut out);
    out
}

fn chunk_texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| match e {
            Event::Chunk { bytes, .. } => String::from_utf8_lossy(bytes).into_owned(),
            Event::OverlongLine { len, .. } => format!("<overlong {len}>"),
        })
        .collect()
}

/// Every event starts where the previous one ended, and the line numbers
/// agree with the newlines in the input.
fn assert_contiguous(input: &[u8], events: &[Event]) {
    let mut at = Cursor::START;
    for event in events {
        let (start, end) = match event {
            Event::Chunk { start, end, bytes } => {
                let slice = &input[start.offset as usize..end.offset as usize];
                assert_eq!(slice, &bytes[..], "chunk bytes are the input at its offset");
                (*start, *end)
            }
            Event::OverlongLine { start, end, .. } => (*start, *end),
        };
        assert_eq!(start, at, "events are contiguous");
        let newlines_before = input[..start.offset as usize]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        assert_eq!(start.line, newlines_before + 1, "line number at {start:?}");
        at = end;
    }
    assert_eq!(at.offset, input.len() as u64, "everything was covered");
}

#[test]
fn cuts_at_line_boundaries_within_the_limit() {
    let input = b"alpha one\nbravo two\ncharlie three\ndelta four\necho five\n";
    let events = chunk_all(limits(25, 20), input, 7);
    assert_eq!(
        chunk_texts(&events),
        [
            "alpha one\nbravo two\n",
            "charlie three\ndelta four\n",
            "echo five\n"
        ]
    );
    assert_contiguous(input, &events);
    let Event::Chunk { start, .. } = &events[2] else {
        panic!("chunk expected")
    };
    assert_eq!(
        *start,
        Cursor {
            offset: 45,
            line: 5
        }
    );
}

#[test]
fn prefers_to_cut_after_a_blank_line() {
    let input = b"Title A\nbody a1\nbody a2\n\nTitle B\nbody b1\nbody b2\n\nTitle C\n";
    let events = chunk_all(limits(40, 20), input, 1000);
    assert_eq!(
        chunk_texts(&events),
        [
            "Title A\nbody a1\nbody a2\n\n",
            "Title B\nbody b1\nbody b2\n\nTitle C\n"
        ]
    );
    assert_contiguous(input, &events);
}

#[test]
fn ignores_a_blank_line_too_early_in_the_chunk() {
    // The only blank line is in the first quarter: cutting there would make
    // a tiny chunk, so the cut falls at the last line boundary instead.
    let input = b"a\n\nline number one\nline number two\nline number three\n";
    let events = chunk_all(limits(40, 20), input, 1000);
    assert_eq!(
        chunk_texts(&events),
        [
            "a\n\nline number one\nline number two\n",
            "line number three\n"
        ]
    );
}

#[test]
fn the_same_events_whatever_the_read_size() {
    let mut input = Vec::new();
    for i in 0..200 {
        let line = match i % 7 {
            0 => String::new(),
            3 => "x".repeat(45 + i % 11), // over the 40-byte line limit
            _ => format!("line {i} {}", "word ".repeat(i % 6)),
        };
        input.extend_from_slice(line.as_bytes());
        input.extend_from_slice(if i % 5 == 0 { b"\r\n" } else { b"\n" });
    }
    input.extend_from_slice(b"no newline at the end");
    let reference = chunk_all(limits(120, 40), &input, input.len());
    assert_contiguous(&input, &reference);
    for block in [1, 2, 3, 7, 64, 119, 4096] {
        assert_eq!(
            chunk_all(limits(120, 40), &input, block),
            reference,
            "block {block}"
        );
    }
    for event in &reference {
        if let Event::Chunk { bytes, .. } = event {
            assert!(bytes.len() <= 120, "chunk of {} bytes", bytes.len());
        }
    }
}

#[test]
fn an_overlong_line_keeps_its_head_and_reading_goes_on() {
    let long = "L".repeat(100);
    let input = format!("first\nsecond\n{long}\nthird\n");
    let events = chunk_all(limits(64, 30), input.as_bytes(), 16);
    assert_eq!(
        chunk_texts(&events),
        ["first\nsecond\n", "<overlong 100>", "third\n"]
    );
    let Event::OverlongLine {
        head, start, end, ..
    } = &events[1]
    else {
        panic!("overlong line expected")
    };
    assert_eq!(head.len(), 30);
    assert_eq!(
        *start,
        Cursor {
            offset: 13,
            line: 3
        }
    );
    assert_eq!(
        *end,
        Cursor {
            offset: 114,
            line: 4
        }
    );
    assert_contiguous(input.as_bytes(), &events);
}

#[test]
fn an_overlong_last_line_without_newline() {
    let input = format!("ok\n{}", "z".repeat(50));
    let events = chunk_all(limits(64, 10), input.as_bytes(), 5);
    assert_eq!(chunk_texts(&events), ["ok\n", "<overlong 50>"]);
    assert_contiguous(input.as_bytes(), &events);
}

#[test]
fn a_huge_line_is_never_buffered_whole() {
    let max_line = 1024 * 1024;
    let mut chunker = Chunker::new(limits(4 * max_line, max_line), Cursor::START);
    let mut out = Vec::new();
    let block = vec![b'q'; 64 * 1024];
    let mut peak = 0;
    for _ in 0..320 {
        // 20 MiB in one line
        chunker.feed(&block, &mut out);
        peak = peak.max(chunker.buffered_capacity());
    }
    chunker.feed(b"\nafter\n", &mut out);
    chunker.finish(&mut out);
    assert!(peak <= 2 * max_line + 64 * 1024, "peak buffer {peak} bytes");
    assert_eq!(chunk_texts(&out), ["<overlong 20971520>", "after\n"]);
    let Event::OverlongLine { head, .. } = &out[0] else {
        panic!("overlong line expected")
    };
    assert_eq!(head.len(), DEAD_LETTER_MAX_ORIGINAL_BYTES);
}

#[test]
fn resumes_counting_from_a_start_cursor() {
    let start = Cursor {
        offset: 1000,
        line: 42,
    };
    let mut chunker = Chunker::new(limits(100, 50), start);
    let mut out = Vec::new();
    chunker.feed(b"one\ntwo\n", &mut out);
    chunker.finish(&mut out);
    assert_eq!(
        out,
        [Event::Chunk {
            bytes: b"one\ntwo\n".to_vec(),
            start,
            end: Cursor {
                offset: 1008,
                line: 44
            }
        }]
    );
}

#[test]
fn empty_input_gives_no_events() {
    assert!(chunk_all(limits(10, 10), b"", 1).is_empty());
}
