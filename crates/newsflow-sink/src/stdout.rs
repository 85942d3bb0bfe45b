//! The stdout sink: records as JSON Lines, ninjs lines or pretty blocks,
//! flushed per batch. A batch is whatever is already queued (up to
//! `batch_max_records`), so a terminal sees records without delay.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use newsflow_model::EnrichedArticle;
use newsflow_runtime::{CancellationToken, Envelope};
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tracing::{error, info};

use crate::batch::Batch;
use crate::config::{OutputFormat, StdoutSinkConfig};
use crate::error::SinkError;
use crate::format::render;
use crate::{fail_queued, SinkReport};

/// Writes `input` to standard output until it is closed and drained.
///
/// Tokens are dropped (acknowledged) after their batch is written and
/// flushed. A closed stdout (EPIPE) fails the batch and every queued record,
/// closes `input` (upstream then fails what it still sends) and returns
/// `Err`. After `shutdown` is cancelled, a write that stays blocked longer
/// than `shutdown_timeout_ms` is abandoned the same way.
pub async fn run_stdout_sink(
    config: StdoutSinkConfig,
    input: mpsc::Receiver<Envelope<Arc<EnrichedArticle>>>,
    shutdown: CancellationToken,
) -> Result<SinkReport, SinkError> {
    run_writer_sink("stdout", config, tokio::io::stdout(), input, shutdown).await
}

/// [`run_stdout_sink`] writing to any async writer (a pipe, a socket, a test buffer).
pub async fn run_writer_sink<W: AsyncWrite + Unpin>(
    name: &str,
    config: StdoutSinkConfig,
    mut out: W,
    mut input: mpsc::Receiver<Envelope<Arc<EnrichedArticle>>>,
    shutdown: CancellationToken,
) -> Result<SinkReport, SinkError> {
    if let Err(source) = config.validate() {
        fail_queued(&mut input).await;
        return Err(SinkError::Config {
            sink: name.to_owned(),
            source,
        });
    }
    let mut report = SinkReport::default();
    let mut batch = Batch::default();
    let grace = Duration::from_millis(config.shutdown_timeout_ms);
    while let Some(first) = input.recv().await {
        add(name, config.format, &mut batch, first, &mut report);
        while batch.len() < config.batch_max_records {
            match input.try_recv() {
                Ok(envelope) => add(name, config.format, &mut batch, envelope, &mut report),
                Err(_) => break,
            }
        }
        if batch.is_empty() {
            continue;
        }
        let write = async {
            out.write_all(batch.lines.all()).await?;
            out.flush().await
        };
        let stalled = async {
            shutdown.cancelled().await;
            tokio::time::sleep(grace).await;
        };
        let error = tokio::select! {
            result = write => match result {
                Ok(()) => {
                    report.records_written += batch.len() as u64;
                    batch.finish(batch.len());
                    continue;
                }
                Err(source) => SinkError::Stdout { sink: name.to_owned(), source },
            },
            () = stalled => SinkError::StdoutStalled {
                sink: name.to_owned(),
                waited_ms: config.shutdown_timeout_ms,
            },
        };
        report.records_failed += batch.finish(0) as u64;
        report.batches_failed += 1;
        report.records_failed += fail_queued(&mut input).await;
        error!(sink = name, error = %error, ?report, "stdout sink stopped; unwritten records failed");
        return Err(error);
    }
    info!(sink = name, ?report, "input closed; stdout sink finished");
    Ok(report)
}

fn add(
    name: &str,
    format: OutputFormat,
    batch: &mut Batch,
    envelope: Envelope<Arc<EnrichedArticle>>,
    report: &mut SinkReport,
) {
    match render(&envelope.record, format) {
        // Pretty blocks are separated by a blank line.
        Ok(text) if format == OutputFormat::Pretty => {
            batch.push(&format!("{text}\n"), envelope.ack)
        }
        Ok(line) => batch.push(&line, envelope.ack),
        Err(e) => {
            error!(sink = name, error = %e, "cannot render record; record failed");
            envelope.ack.fail();
            report.records_failed += 1;
        }
    }
}

/// Whether `error` means the reader went away (EPIPE and friends).
pub fn is_closed_pipe(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset
    )
}
