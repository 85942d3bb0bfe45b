//! newsflow-sink: where records leave the pipeline.
//!
//! - [`run_jsonl_file_sink`] (and [`run_article_file_sink`],
//!   [`run_dead_letter_file_sink`]): JSON Lines files, rotated by size and
//!   age, fsynced before acknowledgement, torn tails repaired on start.
//! - [`run_stdout_sink`]: JSON Lines, ninjs or a human summary on stdout.
//! - [`format`]: the pure renderers (native JSON, ninjs 2.1, pretty), also
//!   used by the one-shot `newsflow parse` command.
//!
//! Delivery contract: a record is acknowledged by dropping its envelope's
//! [`AckToken`](newsflow_runtime::AckToken). Sinks hold the tokens of a batch
//! until it is durably written; a batch that cannot be written is retried
//! with backoff, then its tokens are marked failed and the sink goes on.
//! A sink never drops a queued envelope unacknowledged-as-success: when it
//! stops early it closes its input and fails what was queued.

mod batch;
pub mod config;
pub mod error;
pub mod format;
mod jsonl;
mod stdout;

use newsflow_runtime::Envelope;
use tokio::sync::mpsc;

pub use config::{
    JsonlFileSinkConfig, LineFormat, OutputFormat, RetryConfig, StdoutSinkConfig,
    DEFAULT_ARTICLE_PREFIX, DEFAULT_DEAD_LETTER_PREFIX,
};
pub use error::{ConfigError, FileError, FormatError, SinkError};
pub use jsonl::{
    repair_torn_tails, run_article_file_sink, run_dead_letter_file_sink, run_jsonl_file_sink,
    RepairedFile,
};
pub use stdout::{is_closed_pipe, run_stdout_sink, run_writer_sink};

/// What a sink did during its run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SinkReport {
    /// Records durably written (and acknowledged).
    pub records_written: u64,
    /// Records marked failed: unwritable after every retry, unrenderable,
    /// or queued when the sink had to stop.
    pub records_failed: u64,
    /// Batches given up on after every retry.
    pub batches_failed: u64,
    /// Output files started.
    pub files_opened: u64,
    /// Files whose torn last line was cut on start.
    pub repaired_files: u64,
}

/// Closes `input` and marks every queued record failed: dropping them
/// unmarked would acknowledge records that were never written. Returns how
/// many there were.
async fn fail_queued<R>(input: &mut mpsc::Receiver<Envelope<R>>) -> u64 {
    input.close();
    let mut failed = 0;
    while let Some(envelope) = input.recv().await {
        envelope.ack.fail();
        failed += 1;
    }
    failed
}
