//! The JSON Lines file sink: batches records, writes whole lines, fsyncs,
//! then acknowledges. Serves articles and dead letters alike.

mod names;
mod repair;
mod writer;

use std::sync::Arc;
use std::time::Duration;

use newsflow_model::{DeadLetter, EnrichedArticle};
use newsflow_runtime::Envelope;
use tokio::sync::mpsc;
use tokio::time::{timeout_at, Instant};
use tracing::{error, info, warn};

use crate::batch::Batch;
use crate::config::{JsonlFileSinkConfig, DEFAULT_ARTICLE_PREFIX, DEFAULT_DEAD_LETTER_PREFIX};
use crate::error::{FormatError, SinkError};
use crate::format::{dead_letter_line, line_renderer};
use crate::{fail_queued, SinkReport};

pub use repair::{repair_torn_tails, RepairedFile};
use writer::RotatingWriter;

/// Writes `input` as JSON Lines into `config.path` until `input` is closed
/// and drained; returns what it did.
///
/// Each record is rendered by `render` as one line. A batch (up to
/// `batch_max_records` records / `batch_max_bytes` bytes, or whatever came
/// within `batch_max_ms` of its first record) is written whole, fsynced,
/// and only then are its envelopes' tokens dropped (acknowledged). A batch
/// that still fails after `retry.max_attempts` is logged and its tokens are
/// marked failed (replayed after a restart); the sink goes on with the next.
/// A record that cannot be rendered is logged and failed the same way.
/// The file prefix is `config.prefix`, else "articles".
///
/// Returns `Err` only for an invalid config, after failing every queued record.
pub async fn run_jsonl_file_sink<R, F>(
    name: &str,
    config: JsonlFileSinkConfig,
    render: F,
    mut input: mpsc::Receiver<Envelope<R>>,
) -> Result<SinkReport, SinkError>
where
    R: Send + 'static,
    F: Fn(&R) -> Result<String, FormatError> + Send + 'static,
{
    if let Err(source) = config.validate() {
        fail_queued(&mut input).await;
        return Err(SinkError::Config {
            sink: name.to_owned(),
            source,
        });
    }
    let prefix = config.prefix_or(DEFAULT_ARTICLE_PREFIX).to_owned();
    let mut sink = FileSink {
        name,
        config: &config,
        prefix,
        writer: None,
        report: SinkReport::default(),
    };
    sink.start().await;
    let max_wait = Duration::from_millis(config.batch_max_ms);
    let mut batch = Batch::default();
    let mut closed = false;
    while !closed {
        let Some(first) = sink.next_first_record(&mut input).await else {
            break;
        };
        sink.add(&mut batch, first, &render);
        let deadline = Instant::now() + max_wait;
        while batch.len() < config.batch_max_records
            && batch.lines.byte_len() < config.batch_max_bytes
        {
            match timeout_at(deadline, input.recv()).await {
                Ok(Some(envelope)) => sink.add(&mut batch, envelope, &render),
                Ok(None) => {
                    closed = true;
                    break;
                }
                Err(_elapsed) => break,
            }
        }
        if !batch.is_empty() {
            sink.write(&mut batch).await;
        }
    }
    let report = sink.report;
    info!(sink = name, ?report, "input closed; file sink finished");
    Ok(report)
}

/// [`run_jsonl_file_sink`] for articles, rendered in `config.format`.
pub async fn run_article_file_sink(
    name: &str,
    config: JsonlFileSinkConfig,
    input: mpsc::Receiver<Envelope<Arc<EnrichedArticle>>>,
) -> Result<SinkReport, SinkError> {
    let render = line_renderer(config.format);
    run_jsonl_file_sink(
        name,
        config,
        move |a: &Arc<EnrichedArticle>| render(a),
        input,
    )
    .await
}

/// [`run_jsonl_file_sink`] for dead letters: one [`DeadLetter`] JSON object
/// per line, prefix "dead-letters" unless configured.
pub async fn run_dead_letter_file_sink(
    name: &str,
    mut config: JsonlFileSinkConfig,
    mut input: mpsc::Receiver<Envelope<DeadLetter>>,
) -> Result<SinkReport, SinkError> {
    if let Err(source) = config.validate_for_dead_letters() {
        fail_queued(&mut input).await;
        return Err(SinkError::Config {
            sink: name.to_owned(),
            source,
        });
    }
    config.prefix = Some(config.prefix_or(DEFAULT_DEAD_LETTER_PREFIX).to_owned());
    run_jsonl_file_sink(name, config, dead_letter_line, input).await
}

struct FileSink<'a> {
    name: &'a str,
    config: &'a JsonlFileSinkConfig,
    prefix: String,
    /// `None` only while a blocking job holds it.
    writer: Option<RotatingWriter>,
    report: SinkReport,
}

impl FileSink<'_> {
    fn new_writer(&self) -> RotatingWriter {
        RotatingWriter::new(
            self.config.path.clone(),
            self.prefix.clone(),
            self.config.rotate_bytes,
            self.config.rotate_after(),
            self.config.fsync,
        )
    }

    /// Creates the directory and repairs torn files. A failure is logged;
    /// every write retries it.
    async fn start(&mut self) {
        let mut writer = self.new_writer();
        let job = tokio::task::spawn_blocking(move || {
            let result = writer.prepare();
            (writer, result)
        });
        match job.await {
            Ok((writer, result)) => {
                self.writer = Some(writer);
                match result {
                    Ok(repaired) => self.report.repaired_files += repaired.len() as u64,
                    Err(e) => {
                        error!(sink = self.name, error = %e, "cannot prepare the output directory; will retry on write")
                    }
                }
            }
            Err(e) => error!(sink = self.name, error = %e, "directory preparation panicked"),
        }
    }

    /// Waits for the first record of a batch, closing the current file when
    /// it reaches its age limit meanwhile. `None` when input is closed.
    async fn next_first_record<R>(
        &mut self,
        input: &mut mpsc::Receiver<Envelope<R>>,
    ) -> Option<Envelope<R>> {
        loop {
            let due = self.writer.as_ref().and_then(RotatingWriter::rotation_due);
            let Some(due) = due else {
                return input.recv().await;
            };
            match timeout_at(due.into(), input.recv()).await {
                Ok(next) => return next,
                Err(_elapsed) => {
                    if let Some(writer) = &mut self.writer {
                        writer.close_current();
                    }
                }
            }
        }
    }

    fn add<R, F>(&mut self, batch: &mut Batch, envelope: Envelope<R>, render: &F)
    where
        F: Fn(&R) -> Result<String, FormatError>,
    {
        let Envelope { record, ack } = envelope;
        match render(&record) {
            Ok(line) if !line.contains('\n') => batch.push(&line, ack),
            Ok(_) => {
                error!(
                    sink = self.name,
                    "renderer produced a line break inside a record; record failed"
                );
                ack.fail();
                self.report.records_failed += 1;
            }
            Err(e) => {
                error!(sink = self.name, error = %e, "cannot render record; record failed");
                ack.fail();
                self.report.records_failed += 1;
            }
        }
    }

    /// Writes `batch` with retries, then acknowledges what was written and
    /// fails the rest. Leaves `batch` empty.
    async fn write(&mut self, batch: &mut Batch) {
        let retry = &self.config.retry;
        let mut done = 0usize;
        let mut attempt = 1u32;
        let outcome = loop {
            let mut writer = self.writer.take().unwrap_or_else(|| self.new_writer());
            let lines = std::mem::take(&mut batch.lines);
            let job = tokio::task::spawn_blocking(move || {
                let result = writer.write(&lines, &mut done);
                (writer, lines, done, result)
            });
            let (writer, lines, now_done, result) = match job.await {
                Ok(parts) => parts,
                Err(e) => break Err(format!("write job panicked: {e}")),
            };
            self.report.files_opened += writer.files_opened;
            let mut writer = writer;
            writer.files_opened = 0;
            self.writer = Some(writer);
            batch.lines = lines;
            done = now_done;
            match result {
                Ok(()) => break Ok(()),
                Err(e) if attempt < retry.max_attempts => {
                    let wait = retry.backoff(attempt);
                    warn!(sink = self.name, error = %e, attempt, wait_ms = wait.as_millis() as u64, "write failed; retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(e) => break Err(e.to_string()),
            }
        };
        self.report.records_written += done as u64;
        if let Err(e) = outcome {
            let failed = batch.finish(done);
            self.report.records_failed += failed as u64;
            self.report.batches_failed += 1;
            error!(sink = self.name, error = %e, attempts = attempt, failed, "giving up on a batch; its records are marked failed");
        } else {
            batch.finish(done);
        }
    }
}
