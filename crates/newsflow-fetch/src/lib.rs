//! newsflow sources: files, directories, glob patterns and spool
//! directories ([`run_file_source`], checkpointed), and stdin
//! ([`run_stdin_source`]).
//!
//! A source streams its input in chunks of whole lines ([`RawDocument`]s with
//! `first_line` / `byte_offset`), each registered with an ack tracker before
//! it is sent; the file source commits a file position to its checkpoint only
//! when every record derived from the chunks before it is durably written.
//! Bad input (over-long lines, unreadable files) becomes a dead letter and
//! reading goes on.

mod checkpoint;
pub mod chunker;
mod committer;
mod config;
mod delivery;
mod error;
mod file_source;
mod listing;
mod stdin_source;

use std::path::PathBuf;

use newsflow_model::{DeadLetter, RawDocument};
use newsflow_runtime::{CancellationToken, Envelope};
use tokio::sync::mpsc::Sender;

pub use checkpoint::{checkpoint_path, Checkpoint, FileCheckpoint, FilePosition, Fingerprint};
pub use config::{AfterDone, ConfigError, FileSourceConfig, StdinSourceConfig};
pub use error::FetchError;
pub use file_source::run_file_source;
pub use stdin_source::{run_reader_source, run_stdin_source};

/// Everything a source needs from the runtime.
#[derive(Debug, Clone)]
pub struct SourceContext {
    /// Config name, e.g. "spool" from `[sources.spool]`.
    pub name: String,
    /// To the parse stage (bounded).
    pub out: Sender<Envelope<RawDocument>>,
    /// To the dead-letter sink (bounded).
    pub dead_letters: Sender<Envelope<DeadLetter>>,
    pub shutdown: CancellationToken,
    /// Where checkpoints live (created if missing).
    pub state_dir: PathBuf,
}
