use std::fs;
use std::time::Duration;

use crate::util::{marker_counts, story_line, wait_until, Scratch};

const FILES: usize = 40;
const STORIES_PER_FILE: usize = 500;
const MAX_CHUNK_BYTES: usize = 32 * 1024;
const MAX_IN_FLIGHT: usize = 4;

/// SIGKILL mid-run, restart: every story is delivered, and replays stay
/// within what was in flight when the process died.
#[test]
fn sigkill_then_restart_loses_nothing() {
    let scratch = Scratch::new();
    for file in 0..FILES {
        let text: String = (0..STORIES_PER_FILE)
            .map(|i| story_line(file * STORIES_PER_FILE + i) + "\n")
            .collect();
        fs::write(scratch.spool().join(format!("wire-{file:03}.txt")), text).expect("write");
    }
    let total = FILES * STORIES_PER_FILE;
    let extra = format!(
        "max_chunk_bytes = {MAX_CHUNK_BYTES}\nmax_line_bytes = 16384\nmax_in_flight = {MAX_IN_FLIGHT}"
    );
    let config = scratch.config(false, &extra);

    let mut first = scratch.start(&config);
    assert!(
        wait_until(Duration::from_secs(120), || scratch.articles().len()
            >= total / 5),
        "some output before the kill: {}",
        scratch.log()
    );
    first.signal(libc::SIGKILL);
    first
        .wait_for_exit(Duration::from_secs(10))
        .expect("killed");
    let before_restart = scratch.articles().len();
    assert!(
        before_restart < total,
        "killed mid-run ({before_restart} of {total})"
    );

    let mut second = scratch.start(&config);
    let status = second
        .wait_for_exit(Duration::from_secs(300))
        .expect("restart finishes");
    assert!(status.success(), "{}", scratch.log());

    let seen = marker_counts(&scratch.articles());
    let missing: Vec<usize> = (0..total).filter(|n| !seen.contains_key(n)).collect();
    assert!(
        missing.is_empty(),
        "{} stories lost, first {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    let duplicates: usize = seen.values().map(|c| c - 1).sum();
    let line_len = story_line(0).len() + 1;
    // In flight when killed, plus chunks acknowledged but not yet
    // checkpointed (the checkpoint is written a moment after the ack).
    let bound = (MAX_IN_FLIGHT + 2) * MAX_CHUNK_BYTES.div_ceil(line_len);
    println!("delivered {total} stories; {before_restart} before the kill, {duplicates} replayed (bound {bound})");
    assert!(
        duplicates <= bound,
        "{duplicates} duplicates, bound {bound}"
    );
}
