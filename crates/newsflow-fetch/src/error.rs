use std::io;
use std::path::PathBuf;

use crate::ConfigError;

/// Why a source stopped with an error (bad input never does: it becomes a
/// dead letter).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid source config: {0}")]
    Config(#[from] ConfigError),
    #[error("cannot create the state directory {}: {source}", path.display())]
    StateDir { path: PathBuf, source: io::Error },
    #[error("cannot read the checkpoint {}: {source}", path.display())]
    ReadCheckpoint { path: PathBuf, source: io::Error },
    #[error(
        "the checkpoint {} is corrupt ({source}); move it away to start over \
         (files are then read again from the beginning)",
        path.display()
    )]
    CorruptCheckpoint {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot write the checkpoint {}: {source}", path.display())]
    WriteCheckpoint { path: PathBuf, source: io::Error },
    #[error("the {link} link closed while the source was still sending")]
    DownstreamClosed { link: &'static str },
    #[error("cannot read {origin}: {source}")]
    Read { origin: String, source: io::Error },
    #[error("a blocking task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}
