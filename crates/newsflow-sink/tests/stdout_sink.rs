//! The stdout sink, driven through in-memory pipes.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{article, enriched_article, shared, wait_committed};
use newsflow_model::EnrichedArticle;
use newsflow_runtime::{AckTracker, CancellationToken, Envelope};
use newsflow_sink::{
    format::{to_json_line, to_ninjs},
    run_writer_sink, OutputFormat, SinkError, StdoutSinkConfig,
};
use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;

fn stdout_config(format: OutputFormat) -> StdoutSinkConfig {
    StdoutSinkConfig {
        format,
        shutdown_timeout_ms: 100,
        ..StdoutSinkConfig::default()
    }
}

async fn render_all(format: OutputFormat, records: Vec<EnrichedArticle>) -> String {
    let (tx, rx) = mpsc::channel(8);
    let (write_half, mut read_half) = tokio::io::duplex(1 << 20);
    let sink = tokio::spawn(run_writer_sink(
        "out",
        stdout_config(format),
        write_half,
        rx,
        CancellationToken::new(),
    ));
    for record in records {
        tx.send(Envelope::new(
            shared(record),
            newsflow_runtime::AckToken::untracked(),
        ))
        .await
        .expect("send");
    }
    drop(tx);
    let report = sink.await.expect("join").expect("sink");
    assert_eq!(report.records_failed, 0);
    let mut text = String::new();
    read_half.read_to_string(&mut text).await.expect("read");
    text
}

#[tokio::test]
async fn json_lines_and_ninjs_lines() {
    let text = render_all(OutputFormat::Json, vec![article(1), article(2)]).await;
    let expected = format!(
        "{}\n{}\n",
        to_json_line(&article(1)).expect("json"),
        to_json_line(&article(2)).expect("json")
    );
    assert_eq!(text, expected);
    let text = render_all(OutputFormat::Ninjs, vec![enriched_article()]).await;
    let value: serde_json::Value = serde_json::from_str(text.trim_end()).expect("one json line");
    assert_eq!(value, to_ninjs(&enriched_article()));
}

#[tokio::test]
async fn pretty_blocks_are_separated_by_blank_lines() {
    let text = render_all(OutputFormat::Pretty, vec![article(1), article(2)]).await;
    assert!(
        text.starts_with("Lowmere council backs harbour plan 1\n"),
        "{text}"
    );
    assert!(
        text.contains("\n\nLowmere council backs harbour plan 2\n"),
        "{text}"
    );
    assert!(text.contains("Residents said the vote was closer than expected."));
}

#[tokio::test]
async fn acks_follow_the_flush() {
    let tracker = AckTracker::<u8, u64>::new(8);
    let (tx, rx) = mpsc::channel(8);
    // A pipe too small for one record: the write blocks until we read.
    let (write_half, mut read_half) = tokio::io::duplex(64);
    let sink = tokio::spawn(run_writer_sink(
        "out",
        stdout_config(OutputFormat::Json),
        write_half,
        rx,
        CancellationToken::new(),
    ));
    tx.send(Envelope::new(
        shared(article(1)),
        tracker.register(0, 1).await,
    ))
    .await
    .expect("send");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        tracker.take_committed().is_empty(),
        "acked before the write finished"
    );
    let reader = tokio::spawn(async move {
        let mut text = String::new();
        read_half.read_to_string(&mut text).await.expect("read");
        text
    });
    assert_eq!(wait_committed(&tracker).await, vec![1]);
    drop(tx);
    sink.await.expect("join").expect("sink");
    assert_eq!(reader.await.expect("join").lines().count(), 1);
}

#[tokio::test]
async fn a_closed_pipe_is_an_error_and_fails_the_records() {
    let tracker = AckTracker::<u8, u64>::new(8);
    let (tx, rx) = mpsc::channel::<Envelope<Arc<EnrichedArticle>>>(8);
    let (write_half, read_half) = tokio::io::duplex(1024);
    drop(read_half);
    for n in 0..3 {
        tx.send(Envelope::new(
            shared(article(n)),
            tracker.register(0, n as u64).await,
        ))
        .await
        .expect("send");
    }
    let result = run_writer_sink(
        "out",
        stdout_config(OutputFormat::Json),
        write_half,
        rx,
        CancellationToken::new(),
    )
    .await;
    match result {
        Err(SinkError::Stdout { source, .. }) => {
            assert!(newsflow_sink::is_closed_pipe(&source), "{source}")
        }
        other => panic!("expected a stdout error, got {other:?}"),
    }
    assert_eq!(tracker.failed_units(), 3);
    assert!(tracker.take_committed().is_empty());
    assert!(
        tx.send(Envelope::new(
            shared(article(5)),
            newsflow_runtime::AckToken::untracked()
        ))
        .await
        .is_err(),
        "input is closed so upstream fails what it still sends"
    );
}

#[tokio::test]
async fn a_stalled_reader_is_abandoned_after_shutdown() {
    let tracker = AckTracker::<u8, u64>::new(8);
    let (tx, rx) = mpsc::channel(8);
    let (write_half, _read_half_never_read) = tokio::io::duplex(16);
    let shutdown = CancellationToken::new();
    let sink = tokio::spawn(run_writer_sink(
        "out",
        stdout_config(OutputFormat::Json),
        write_half,
        rx,
        shutdown.clone(),
    ));
    tx.send(Envelope::new(
        shared(article(1)),
        tracker.register(0, 1).await,
    ))
    .await
    .expect("send");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(!sink.is_finished(), "blocked writes wait while running");
    shutdown.cancel();
    let result = tokio::time::timeout(Duration::from_secs(5), sink)
        .await
        .expect("sink gave up within the timeout")
        .expect("join");
    assert!(
        matches!(result, Err(SinkError::StdoutStalled { .. })),
        "{result:?}"
    );
    assert_eq!(tracker.failed_units(), 1);
}
