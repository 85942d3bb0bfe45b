//! The file source against real files: chunk positions, checkpoints and
//! resume, dead letters, deletion, change detection.

mod support;

use std::fs;

use newsflow_fetch::{run_file_source, AfterDone, FileSourceConfig};
use support::*;

fn config_for(paths: &[&std::path::Path]) -> FileSourceConfig {
    FileSourceConfig::new(paths.iter().map(|p| path_string(p)))
}

#[tokio::test]
async fn reads_files_in_name_order_with_correct_positions() {
    let (_dir, input, state) = dirs();
    let first = paragraphs(40, 3);
    let second = "single line without newline";
    fs::write(input.join("b.txt"), second).unwrap();
    fs::write(input.join("a.txt"), &first).unwrap();
    fs::write(input.join("notes.md"), "skipped by include\n").unwrap();
    let mut config = config_for(&[&input]);
    config.include = vec!["*.txt".into()];
    config.max_chunk_bytes = 700;
    config.max_line_bytes = 200;
    config.media_type = Some("text/x-wire".into());

    let (ctx, links, _) = context("files", &state, 4);
    let downstream = acking(links);
    within("source run", run_file_source(config, ctx))
        .await
        .unwrap();
    let received = downstream.await.unwrap();

    let origins: Vec<_> = received.docs.iter().map(|d| d.origin.clone()).collect();
    let a = path_string(&input.join("a.txt"));
    let b = path_string(&input.join("b.txt"));
    assert!(
        origins.iter().take_while(|o| **o == a).count() > 1,
        "a.txt first, in chunks"
    );
    assert_eq!(origins.last(), Some(&b));
    assert!(received.dead.is_empty(), "{:?}", received.dead);
    assert_eq!(received.text_of(&input.join("a.txt")), first);
    assert_eq!(received.text_of(&input.join("b.txt")), second);
    for doc in received.docs.iter().filter(|d| d.origin == a) {
        let at = doc.byte_offset as usize;
        assert!(doc.bytes.len() <= 700);
        assert_eq!(&first.as_bytes()[at..at + doc.bytes.len()], &doc.bytes[..]);
        let line = first[..at].matches('\n').count() as u64 + 1;
        assert_eq!(doc.first_line, line, "first_line of chunk at {at}");
        assert!(
            doc.bytes.ends_with(b"\n\n"),
            "cut after a blank line: {:?}",
            doc.bytes
        );
        assert_eq!(doc.media_type.as_deref(), Some("text/x-wire"));
        assert_eq!(doc.source, "files");
    }

    let checkpoint = load_checkpoint(&state, "files");
    let a_entry = entry(&checkpoint, &input.join("a.txt")).expect("a.txt in checkpoint");
    assert!(a_entry.done);
    assert_eq!(a_entry.offset, first.len() as u64);
    assert_eq!(a_entry.line, 40 * 4 + 1);
    assert!(entry(&checkpoint, &input.join("b.txt")).unwrap().done);
    assert!(entry(&checkpoint, &input.join("notes.md")).is_none());
}

#[tokio::test]
async fn an_empty_file_gives_one_empty_document() {
    let (_dir, input, state) = dirs();
    let empty = input.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let (ctx, links, _) = context("empty", &state, 4);
    let downstream = acking(links);
    within("run", run_file_source(config_for(&[&empty]), ctx))
        .await
        .unwrap();
    let received = downstream.await.unwrap();
    assert_eq!(received.docs.len(), 1);
    assert!(received.docs[0].bytes.is_empty());
    assert_eq!(received.docs[0].first_line, 1);
    assert!(
        entry(&load_checkpoint(&state, "empty"), &empty)
            .unwrap()
            .done
    );
}

#[tokio::test]
async fn an_overlong_line_becomes_a_dead_letter_and_reading_goes_on() {
    let (_dir, input, state) = dirs();
    let file = input.join("wire.txt");
    let text = format!(
        "first line\nsecond line\n{}\nafter the long one\n",
        "Z".repeat(5000)
    );
    fs::write(&file, &text).unwrap();
    let mut config = config_for(&[&file]);
    config.max_line_bytes = 1000;
    config.max_chunk_bytes = 4000;
    let (ctx, links, _) = context("long", &state, 4);
    let downstream = acking(links);
    within("run", run_file_source(config, ctx)).await.unwrap();
    let received = downstream.await.unwrap();

    assert_eq!(received.dead.len(), 1);
    let dead = &received.dead[0];
    assert_eq!(dead.stage, "source");
    assert_eq!(
        dead.reason,
        "line 3 is 5000 bytes, over the 1000-byte limit (max_line_bytes)"
    );
    assert_eq!((dead.first_line, dead.byte_offset), (3, 23));
    assert_eq!(dead.original_len, 5000);
    assert_eq!(dead.original.len(), 1000);
    assert!(dead.original_truncated);
    assert_eq!(
        received.text_of(&file),
        "first line\nsecond line\nafter the long one\n"
    );
    let after = received.docs.last().unwrap();
    assert_eq!((after.first_line, after.byte_offset), (4, 23 + 5001));
    let checkpoint = load_checkpoint(&state, "long");
    let entry = entry(&checkpoint, &file).unwrap();
    assert!(entry.done);
    assert_eq!(entry.offset, text.len() as u64);
}

#[tokio::test]
async fn unreadable_paths_become_dead_letters_and_the_rest_is_read() {
    let (_dir, input, state) = dirs();
    fs::write(input.join("good.txt"), "readable\n").unwrap();
    std::os::unix::fs::symlink(input.join("nowhere"), input.join("dangling.txt")).unwrap();
    let missing = input.join("missing.txt");
    let config = config_for(&[&input, &missing]);
    let (ctx, links, _) = context("bad", &state, 4);
    let downstream = acking(links);
    within("run", run_file_source(config, ctx)).await.unwrap();
    let received = downstream.await.unwrap();

    assert_eq!(received.text_of(&input.join("good.txt")), "readable\n");
    let mut dead: Vec<_> = received.dead.iter().map(|d| d.origin.clone()).collect();
    dead.sort();
    assert_eq!(
        dead,
        [
            path_string(&input.join("dangling.txt")),
            path_string(&missing)
        ]
    );
    for letter in &received.dead {
        assert_eq!(letter.stage, "source");
        assert!(letter.reason.contains("No such file"), "{}", letter.reason);
    }
    let checkpoint = load_checkpoint(&state, "bad");
    assert!(entry(&checkpoint, &input.join("dangling.txt")).is_none());
    assert!(entry(&checkpoint, &input.join("good.txt")).unwrap().done);
}

#[tokio::test]
async fn done_files_are_skipped_and_changed_files_read_again() {
    let (_dir, input, state) = dirs();
    let file = input.join("daily.txt");
    fs::write(&file, "version one\n").unwrap();
    let run = |state: std::path::PathBuf, config: FileSourceConfig| async move {
        let (ctx, links, _) = context("daily", &state, 4);
        let downstream = acking(links);
        within("run", run_file_source(config, ctx)).await.unwrap();
        downstream.await.unwrap()
    };
    let config = config_for(&[&file]);
    assert_eq!(
        run(state.clone(), config.clone()).await.text_of(&file),
        "version one\n"
    );
    let again = run(state.clone(), config.clone()).await;
    assert!(again.docs.is_empty(), "done and unchanged: skipped");

    // Replaced by a new version (write then rename, as a spool writer does).
    let tmp = input.join("daily.txt.tmp");
    fs::write(&tmp, "version two, longer\n").unwrap();
    fs::rename(&tmp, &file).unwrap();
    let changed = run(state.clone(), config).await;
    assert_eq!(changed.text_of(&file), "version two, longer\n");
    assert_eq!(changed.docs[0].byte_offset, 0);
}

#[tokio::test]
async fn after_done_delete_removes_a_file_only_once_it_is_committed() {
    let (_dir, input, state) = dirs();
    let file = input.join("spool-item.txt");
    fs::write(&file, paragraphs(3, 2)).unwrap();
    let mut config = config_for(&[&input]);
    config.after_done = AfterDone::Delete;
    let (ctx, mut links, _) = context("del", &state, 8);
    let source = tokio::spawn(run_file_source(config, ctx));

    let held = within("first chunk", links.docs.recv()).await.unwrap();
    // Let the committer run a few rounds while the chunk is unacknowledged.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        file.exists(),
        "must not delete before the chunk is acknowledged"
    );
    assert!(!source.is_finished(), "waits for the acknowledgement");
    drop(held);
    within("source end", source).await.unwrap().unwrap();
    assert!(!file.exists(), "deleted once committed");
    assert!(entry(&load_checkpoint(&state, "del"), &file).is_none());
}
