//! The JSON Lines file sink against real files in temporary directories.

mod common;

use std::fs;
use std::sync::Arc;
use std::time::Duration;

use common::{all_lines, article, shared, sink_files, wait_committed};
use newsflow_model::{DeadLetter, EnrichedArticle, RawDocument};
use newsflow_runtime::{AckToken, AckTracker, Envelope};
use newsflow_sink::{
    format::to_json_line, run_article_file_sink, run_dead_letter_file_sink, run_jsonl_file_sink,
    FormatError, JsonlFileSinkConfig, RetryConfig, SinkError, SinkReport,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

type ArticleTx = mpsc::Sender<Envelope<Arc<EnrichedArticle>>>;

fn config(dir: &std::path::Path) -> JsonlFileSinkConfig {
    let mut config = JsonlFileSinkConfig::new(dir);
    config.batch_max_ms = 20;
    config.retry = RetryConfig {
        max_attempts: 2,
        initial_backoff_ms: 5,
        max_backoff_ms: 5,
    };
    config
}

fn spawn_articles(
    config: JsonlFileSinkConfig,
) -> (ArticleTx, JoinHandle<Result<SinkReport, SinkError>>) {
    let (tx, rx) = mpsc::channel(64);
    let task = tokio::spawn(async move { run_article_file_sink("archive", config, rx).await });
    (tx, task)
}

/// A generic sink of plain strings, one JSON string per line.
fn spawn_strings(
    config: JsonlFileSinkConfig,
) -> (
    mpsc::Sender<Envelope<String>>,
    JoinHandle<Result<SinkReport, SinkError>>,
) {
    let (tx, rx) = mpsc::channel(64);
    let render = |s: &String| -> Result<String, FormatError> { Ok(serde_json::to_string(s)?) };
    let task =
        tokio::spawn(async move { run_jsonl_file_sink("strings", config, render, rx).await });
    (tx, task)
}

#[tokio::test]
async fn acks_follow_the_durable_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = config(dir.path());
    config.batch_max_records = 3;
    config.batch_max_ms = 60_000;
    let (tx, task) = spawn_articles(config);
    let tracker = AckTracker::<u8, u64>::new(16);
    for n in 0..2u64 {
        let token = tracker.register(0, n).await;
        tx.send(Envelope::new(shared(article(n as usize)), token))
            .await
            .expect("send");
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(
        tracker.take_committed().is_empty(),
        "acked before the batch was written"
    );
    assert!(
        all_lines(dir.path(), "articles").is_empty(),
        "a partial batch was written early"
    );
    let token = tracker.register(0, 2).await;
    tx.send(Envelope::new(shared(article(2)), token))
        .await
        .expect("send");
    // The batch is full now: once the commit shows, the lines must be on disk.
    assert_eq!(wait_committed(&tracker).await, vec![2]);
    let lines = all_lines(dir.path(), "articles");
    let expected: Vec<String> = (0..3)
        .map(|n| to_json_line(&article(n)).expect("json"))
        .collect();
    assert_eq!(lines, expected);
    drop(tx);
    let report = task.await.expect("join").expect("sink");
    assert_eq!(report.records_written, 3);
    assert_eq!(report.records_failed, 0);
    assert_eq!(report.files_opened, 1);
}

#[tokio::test]
async fn a_partial_batch_is_written_after_batch_max_ms() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = config(dir.path());
    config.batch_max_ms = 300;
    let (tx, task) = spawn_articles(config);
    let tracker = AckTracker::<u8, u64>::new(16);
    let started = tokio::time::Instant::now();
    tx.send(Envelope::new(
        shared(article(1)),
        tracker.register(0, 1).await,
    ))
    .await
    .expect("send");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        tracker.take_committed().is_empty(),
        "written before the batch time"
    );
    assert_eq!(wait_committed(&tracker).await, vec![1]);
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "batch written too early"
    );
    assert_eq!(all_lines(dir.path(), "articles").len(), 1);
    drop(tx);
    task.await.expect("join").expect("sink");
}

#[tokio::test]
async fn size_rotation_keeps_whole_lines_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = config(dir.path());
    config.rotate_bytes = 200;
    config.batch_max_records = 7;
    let (tx, task) = spawn_strings(config);
    // Lines of 3..=302 bytes: some share a file, one is longer than the limit.
    let input: Vec<String> = (0..60).map(|n| "x".repeat((n * 37) % 300)).collect();
    for line in &input {
        tx.send(Envelope::new(line.clone(), AckToken::untracked()))
            .await
            .expect("send");
    }
    drop(tx);
    let report = task.await.expect("join").expect("sink");
    assert_eq!(report.records_written, 60);
    let files = sink_files(dir.path(), "articles");
    assert!(
        files.len() > 10,
        "expected many rotations, got {}",
        files.len()
    );
    assert_eq!(report.files_opened, files.len() as u64);
    for file in &files {
        let text = fs::read_to_string(file).expect("read");
        let lines = text.lines().count();
        assert!(text.ends_with('\n'));
        assert!(
            text.len() <= 200 || lines == 1,
            "{} has {} bytes in {lines} lines",
            file.display(),
            text.len()
        );
    }
    let expected: Vec<String> = input
        .iter()
        .map(|s| serde_json::to_string(s).expect("json"))
        .collect();
    assert_eq!(all_lines(dir.path(), "articles"), expected);
}

#[tokio::test]
async fn age_rotation_starts_a_new_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = config(dir.path());
    config.rotate_secs = 1;
    let (tx, task) = spawn_strings(config);
    tx.send(Envelope::new("first".to_owned(), AckToken::untracked()))
        .await
        .expect("send");
    tokio::time::sleep(Duration::from_millis(1_300)).await;
    tx.send(Envelope::new("second".to_owned(), AckToken::untracked()))
        .await
        .expect("send");
    tx.send(Envelope::new("third".to_owned(), AckToken::untracked()))
        .await
        .expect("send");
    drop(tx);
    task.await.expect("join").expect("sink");
    let files = sink_files(dir.path(), "articles");
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(fs::read_to_string(&files[0]).expect("read"), "\"first\"\n");
    assert_eq!(
        fs::read_to_string(&files[1]).expect("read"),
        "\"second\"\n\"third\"\n"
    );
}

#[tokio::test]
async fn a_torn_tail_is_cut_on_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("articles-20200101T000000Z-0000.jsonl");
    fs::write(&old, "\"kept\"\n\"torn mid-wr").expect("write");
    let other_prefix = dir.path().join("dead-letters-20200101T000000Z-0000.jsonl");
    fs::write(&other_prefix, "{\"half").expect("write");
    let (tx, task) = spawn_strings(config(dir.path()));
    tx.send(Envelope::new("new".to_owned(), AckToken::untracked()))
        .await
        .expect("send");
    drop(tx);
    let report = task.await.expect("join").expect("sink");
    assert_eq!(report.repaired_files, 1);
    assert_eq!(fs::read_to_string(&old).expect("read"), "\"kept\"\n");
    assert_eq!(
        all_lines(dir.path(), "articles"),
        vec!["\"kept\"", "\"new\""]
    );
    assert_eq!(
        sink_files(dir.path(), "articles").len(),
        2,
        "new lines go to a new file"
    );
    assert_eq!(
        fs::read_to_string(&other_prefix).expect("read"),
        "{\"half",
        "other prefixes untouched"
    );
}

#[tokio::test]
async fn write_failures_fail_the_tokens_and_the_sink_recovers() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The "directory" is a regular file: creating files in it fails (even as root).
    let path = dir.path().join("not-a-dir");
    fs::write(&path, "occupied").expect("write");
    let (tx, task) = spawn_articles(config(&path));
    let tracker = AckTracker::<u8, u64>::new(16);
    for n in 0..3u64 {
        tx.send(Envelope::new(
            shared(article(n as usize)),
            tracker.register(0, n).await,
        ))
        .await
        .expect("send");
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while tracker.failed_units() < 3 {
        assert!(tokio::time::Instant::now() < deadline, "tokens not failed");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(
        tracker.take_committed().is_empty(),
        "failed records must not commit"
    );
    // The sink is still alive: once the path is usable, writing resumes.
    fs::remove_file(&path).expect("remove");
    tx.send(Envelope::new(
        shared(article(9)),
        tracker.register(1, 9).await,
    ))
    .await
    .expect("send");
    assert_eq!(wait_committed(&tracker).await, vec![9]);
    drop(tx);
    let report = task.await.expect("join").expect("sink survives");
    assert_eq!(report.records_failed, 3);
    assert!(report.batches_failed >= 1);
    assert_eq!(report.records_written, 1);
    assert_eq!(
        all_lines(&path, "articles"),
        vec![to_json_line(&article(9)).expect("json")]
    );
    assert_eq!(
        tracker.pending_in(&0),
        3,
        "stream 0 stays pending for replay"
    );
}

#[tokio::test]
async fn dead_letters_get_their_own_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (tx, rx) = mpsc::channel(8);
    let config = config(dir.path());
    let task = tokio::spawn(async move { run_dead_letter_file_sink("dead", config, rx).await });
    let doc = RawDocument::new("world", "fixtures/bad.txt", b"\xff\xfe not text".to_vec());
    let dead = DeadLetter::for_document("parse", "no article found", &doc);
    tx.send(Envelope::new(dead.clone(), AckToken::untracked()))
        .await
        .expect("send");
    drop(tx);
    task.await.expect("join").expect("sink");
    let lines = all_lines(dir.path(), "dead-letters");
    assert_eq!(lines.len(), 1);
    let back: DeadLetter = serde_json::from_str(&lines[0]).expect("dead letter json");
    assert_eq!(back, dead);
    assert!(sink_files(dir.path(), "articles").is_empty());
}

#[tokio::test]
async fn an_invalid_config_fails_queued_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = config(dir.path());
    config.batch_max_records = 0;
    let tracker = AckTracker::<u8, u64>::new(4);
    let (tx, rx) = mpsc::channel(4);
    tx.send(Envelope::new(
        shared(article(1)),
        tracker.register(0, 1).await,
    ))
    .await
    .expect("send");
    let result = run_article_file_sink("bad", config, rx).await;
    assert!(
        matches!(result, Err(SinkError::Config { .. })),
        "{result:?}"
    );
    assert_eq!(tracker.failed_units(), 1);
    assert!(
        tx.send(Envelope::new(shared(article(2)), AckToken::untracked()))
            .await
            .is_err(),
        "input closed"
    );
}
