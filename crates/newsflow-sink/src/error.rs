use std::io;
use std::path::PathBuf;

/// A record that could not be rendered in the requested output format.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("cannot serialise record as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A config value out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("`{field}` must be greater than 0")]
    Zero { field: &'static str },
    #[error("`path` must not be empty")]
    EmptyPath,
    #[error(
        "`prefix` {prefix:?} must be non-empty and use only ASCII letters, digits, '_' and '-'"
    )]
    BadPrefix { prefix: String },
    #[error(
        "`retry.initial_backoff_ms` ({initial}) must not exceed `retry.max_backoff_ms` ({max})"
    )]
    BackoffOrder { initial: u64, max: u64 },
    #[error("`format` {format:?} is not available here: {why}")]
    FormatNotAllowed {
        format: &'static str,
        why: &'static str,
    },
}

/// Why a sink stopped early or could not start.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error("sink {sink}: invalid config: {source}")]
    Config {
        sink: String,
        #[source]
        source: ConfigError,
    },
    /// Standard output is closed (EPIPE) or failed; the records that could
    /// not be written were marked failed.
    #[error("sink {sink}: cannot write to stdout: {source}")]
    Stdout {
        sink: String,
        #[source]
        source: io::Error,
    },
    /// Standard output stayed blocked after shutdown began.
    #[error(
        "sink {sink}: stdout blocked for {waited_ms} ms after shutdown; remaining records failed"
    )]
    StdoutStalled { sink: String, waited_ms: u64 },
}

/// A file operation that failed, with the path it was about.
#[derive(Debug, thiserror::Error)]
#[error("{action} {path}: {source}")]
pub struct FileError {
    pub action: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

impl FileError {
    pub(crate) fn new(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self {
            action,
            path: path.into(),
            source,
        }
    }
}
