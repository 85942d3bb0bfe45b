//! Delivery guarantees: only acknowledged positions are checkpointed, a
//! restart resumes exactly there, shutdown is prompt and consistent,
//! in-flight chunks are bounded; spool mode and the stdin/reader source.

mod support;

use std::fs;
use std::time::Duration;

use newsflow_fetch::{
    run_file_source, run_reader_source, AfterDone, FileSourceConfig, StdinSourceConfig,
};
use support::*;

fn small_chunks(path: &std::path::Path) -> FileSourceConfig {
    let mut config = FileSourceConfig::new([path_string(path)]);
    config.max_chunk_bytes = 256;
    config.max_line_bytes = 128;
    config
}

#[tokio::test]
async fn a_restart_after_a_crash_resumes_at_the_last_acknowledged_chunk() {
    let (_dir, input, state) = dirs();
    let file = input.join("feed.txt");
    let text = paragraphs(30, 2);
    fs::write(&file, &text).unwrap();
    let (ctx, mut links, _) = context("crash", &state, 64);
    let source = tokio::spawn(run_file_source(small_chunks(&file), ctx));

    // Acknowledge two chunks; the rest stay unacknowledged until the "crash".
    let first = within("chunk 1", links.docs.recv()).await.unwrap();
    let second = within("chunk 2", links.docs.recv()).await.unwrap();
    let acked_until = second.record.byte_offset + second.record.bytes.len() as u64;
    let next_line = second.record.first_line
        + second.record.bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    let third = within("chunk 3", links.docs.recv()).await.unwrap();
    drop(first);
    drop(second);
    wait_for_checkpoint(&state, "crash", |c| {
        entry(c, &file).is_some_and(|e| e.offset == acked_until)
    })
    .await;

    // Crash: the source dies, the unacknowledged tokens are never released.
    source.abort();
    let _ = source.await;
    std::mem::forget(third);
    std::mem::forget(links);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let checkpoint = load_checkpoint(&state, "crash");
    let saved = entry(&checkpoint, &file).unwrap();
    assert_eq!(
        (saved.offset, saved.line, saved.done),
        (acked_until, next_line, false)
    );

    // Restart: exactly the unacknowledged part comes again.
    let (ctx, links, _) = context("crash", &state, 64);
    let downstream = acking(links);
    within("restart", run_file_source(small_chunks(&file), ctx))
        .await
        .unwrap();
    let received = downstream.await.unwrap();
    assert_eq!(received.docs[0].byte_offset, acked_until);
    assert_eq!(received.docs[0].first_line, next_line);
    assert_eq!(received.text_of(&file), text[acked_until as usize..]);
    assert!(
        entry(&load_checkpoint(&state, "crash"), &file)
            .unwrap()
            .done
    );
}

#[tokio::test]
async fn shutdown_mid_file_is_prompt_and_leaves_a_consistent_checkpoint() {
    let (_dir, input, state) = dirs();
    let file = input.join("big.txt");
    let text = paragraphs(3000, 2);
    fs::write(&file, &text).unwrap();
    let (ctx, mut links, shutdown) = context("stop", &state, 4);
    let source = tokio::spawn(run_file_source(small_chunks(&file), ctx));

    let mut ends = vec![0u64];
    for _ in 0..10 {
        let doc = within("chunk", links.docs.recv()).await.unwrap();
        ends.push(doc.record.byte_offset + doc.record.bytes.len() as u64);
    }
    shutdown.cancel();
    // Keep acknowledging whatever was already on its way, as the runtime drains.
    let downstream = acking(links);
    within("prompt return after shutdown", source)
        .await
        .unwrap()
        .unwrap();
    let drained = downstream.await.unwrap();
    for doc in &drained.docs {
        ends.push(doc.byte_offset + doc.bytes.len() as u64);
    }
    let checkpoint = load_checkpoint(&state, "stop");
    let saved = entry(&checkpoint, &file).unwrap();
    assert!(!saved.done, "stopped mid-file");
    assert!(saved.offset < text.len() as u64);
    assert_eq!(
        saved.offset,
        *ends.iter().max().unwrap(),
        "everything sent was acknowledged"
    );
    assert_eq!(
        saved.line,
        text[..saved.offset as usize].matches('\n').count() as u64 + 1
    );

    // A restart reads the rest, nothing before it.
    let (ctx, links, _) = context("stop", &state, 4);
    let downstream = acking(links);
    within("restart", run_file_source(small_chunks(&file), ctx))
        .await
        .unwrap();
    let rest = downstream.await.unwrap();
    assert_eq!(rest.docs[0].byte_offset, saved.offset);
    assert_eq!(rest.text_of(&file), text[saved.offset as usize..]);
}

#[tokio::test]
async fn in_flight_chunks_are_bounded_by_acknowledgements() {
    let (_dir, input, state) = dirs();
    let file = input.join("many.txt");
    fs::write(&file, paragraphs(50, 2)).unwrap();
    let mut config = small_chunks(&file);
    config.max_in_flight = 3;
    // The link has room for far more: only the tracker can hold the source back.
    let (ctx, mut links, _) = context("bound", &state, 100);
    let source = tokio::spawn(run_file_source(config, ctx));

    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(within("chunk", links.docs.recv()).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        links.docs.try_recv().is_err(),
        "a 4th chunk while 3 are unacknowledged"
    );
    held.remove(0);
    let fourth = within("4th chunk after an ack", links.docs.recv())
        .await
        .unwrap();
    assert!(fourth.record.byte_offset > held[1].record.byte_offset);
    drop(held);
    drop(fourth);
    let downstream = acking(links);
    within("run", source).await.unwrap().unwrap();
    assert!(!downstream.await.unwrap().docs.is_empty());
}

#[tokio::test]
async fn spool_mode_picks_up_files_written_later_and_deletes_them() {
    let (_dir, input, state) = dirs();
    let mut config = FileSourceConfig::new([path_string(&input)]);
    config.watch = true;
    config.poll_interval_ms = 50;
    config.after_done = AfterDone::Delete;
    let (ctx, mut links, shutdown) = context("spool", &state, 8);
    let source = tokio::spawn(run_file_source(config, ctx));
    tokio::time::sleep(Duration::from_millis(200)).await;

    // Writer protocol: write under a .part name, then rename into the spool.
    let part = input.join("story.txt.part");
    fs::write(&part, "a story arriving late\n").unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(links.docs.try_recv().is_err(), ".part files are not taken");
    let story = input.join("story.txt");
    fs::rename(&part, &story).unwrap();
    let doc = within("spooled file", links.docs.recv()).await.unwrap();
    assert_eq!(doc.record.origin, path_string(&story));
    assert_eq!(doc.record.bytes, b"a story arriving late\n");
    drop(doc);
    within("deleted after commit", async {
        while story.exists() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;

    // A second file with the same name is a new file.
    fs::write(input.join("story.txt"), "another story\n").unwrap();
    let doc = within("second file", links.docs.recv()).await.unwrap();
    assert_eq!(doc.record.bytes, b"another story\n");
    drop(doc);
    shutdown.cancel();
    within("stop", source).await.unwrap().unwrap();
}

#[tokio::test]
async fn the_reader_source_chunks_and_waits_for_acknowledgements() {
    let input = format!("{}{}\nlast line\n", paragraphs(20, 2), "W".repeat(300));
    let config = StdinSourceConfig {
        max_chunk_bytes: 400,
        max_line_bytes: 200,
        max_in_flight: 4,
    };
    let dir = tempfile::tempdir().unwrap();
    let (ctx, mut links, _) = context("stdin", dir.path(), 64);
    let reader = std::io::Cursor::new(input.clone().into_bytes());
    let source = tokio::spawn(async move { run_reader_source(reader, "stdin", config, ctx).await });

    let held = within("first chunk", links.docs.recv()).await.unwrap();
    assert_eq!((held.record.first_line, held.record.byte_offset), (1, 0));
    assert_eq!(held.record.origin, "stdin");
    let rest = acking(links);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !source.is_finished(),
        "returns only once everything is acknowledged"
    );
    let held_text = String::from_utf8(held.record.bytes.clone()).unwrap();
    drop(held);
    within("source end", source).await.unwrap().unwrap();
    let received = rest.await.unwrap();
    let text: String = held_text + &received.text_of(std::path::Path::new("stdin"));
    assert_eq!(text, input.replace(&format!("{}\n", "W".repeat(300)), ""));
    assert_eq!(received.dead.len(), 1);
    assert_eq!(received.dead[0].first_line, 61);
    assert!(
        fs::read_dir(dir.path()).unwrap().next().is_none(),
        "no checkpoint for stdin"
    );
}

#[tokio::test]
async fn spool_mode_waits_until_a_file_stops_changing() {
    let (_dir, input, state) = dirs();
    let mut config = FileSourceConfig::new([path_string(&input)]);
    config.watch = true;
    config.poll_interval_ms = 300;
    let (ctx, mut links, shutdown) = context("settle", &state, 8);
    let source = tokio::spawn(run_file_source(config, ctx));

    // A writer that does not use the rename protocol, appending for a while.
    let growing = input.join("growing.txt");
    let mut expected = String::new();
    for i in 0..60 {
        let line = format!("appended line {i}\n");
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&growing)
            .unwrap();
        std::io::Write::write_all(&mut file, line.as_bytes()).unwrap();
        expected.push_str(&line);
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let doc = within("settled file", links.docs.recv()).await.unwrap();
    assert_eq!(
        String::from_utf8_lossy(&doc.record.bytes),
        expected,
        "taken only when complete"
    );
    drop(doc);
    shutdown.cancel();
    within("stop", source).await.unwrap().unwrap();
}

#[tokio::test]
async fn a_quiet_interactive_input_still_delivers_its_complete_lines() {
    use tokio::io::AsyncWriteExt;
    let (mut writer, reader) = tokio::io::duplex(1024);
    let dir = tempfile::tempdir().unwrap();
    let (ctx, mut links, _) = context("typing", dir.path(), 8);
    let source = tokio::spawn(run_reader_source(
        reader,
        "stdin",
        StdinSourceConfig::default(),
        ctx,
    ));
    writer.write_all(b"typed line\nhalf a li").await.unwrap();
    // No EOF and far below max_chunk_bytes: the idle flush sends the whole line.
    let doc = within("idle flush", links.docs.recv()).await.unwrap();
    assert_eq!(doc.record.bytes, b"typed line\n");
    drop(doc);
    writer.write_all(b"ne\n").await.unwrap();
    drop(writer); // EOF
    let doc = within("rest at EOF", links.docs.recv()).await.unwrap();
    assert_eq!(
        (doc.record.bytes.as_slice(), doc.record.first_line),
        (&b"half a line\n"[..], 2)
    );
    drop(doc);
    within("source end", source).await.unwrap().unwrap();
}
