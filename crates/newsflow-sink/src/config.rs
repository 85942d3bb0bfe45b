//! Sink configs as they appear in the daemon's TOML (`[sinks.NAME]`, with
//! `type = "jsonl"` or `type = "stdout"` added by the binary's enum).

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::error::ConfigError;

/// File prefix of article sinks when `prefix` is not set.
pub const DEFAULT_ARTICLE_PREFIX: &str = "articles";
/// File prefix of the dead-letter sink when `prefix` is not set.
pub const DEFAULT_DEAD_LETTER_PREFIX: &str = "dead-letters";

/// How records are rendered, one record per line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineFormat {
    /// The native newsflow record (see the record contract).
    #[default]
    Json,
    /// IPTC ninjs 2.1.
    Ninjs,
}

/// How records are rendered on a terminal or a pipe.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// JSON Lines of the native record.
    #[default]
    Json,
    /// JSON Lines of IPTC ninjs 2.1.
    Ninjs,
    /// A multi-line human summary per record (not machine-readable).
    Pretty,
}

impl From<LineFormat> for OutputFormat {
    fn from(format: LineFormat) -> Self {
        match format {
            LineFormat::Json => Self::Json,
            LineFormat::Ninjs => Self::Ninjs,
        }
    }
}

/// How a failed write is retried before its records are marked failed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryConfig {
    /// Attempts in total, the first one included.
    pub max_attempts: u32,
    /// Wait before the second attempt; doubles after every failure.
    pub initial_backoff_ms: u64,
    /// Upper bound of one wait.
    pub max_backoff_ms: u64,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            initial_backoff_ms: 100,
            max_backoff_ms: 5_000,
        }
    }
}

impl RetryConfig {
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.max_attempts == 0 {
            return Err(ConfigError::Zero {
                field: "retry.max_attempts",
            });
        }
        if self.initial_backoff_ms > self.max_backoff_ms {
            return Err(ConfigError::BackoffOrder {
                initial: self.initial_backoff_ms,
                max: self.max_backoff_ms,
            });
        }
        Ok(())
    }

    /// Wait after the failed attempt number `attempt` (1-based).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u64 << attempt.saturating_sub(1).min(32);
        let ms = self
            .initial_backoff_ms
            .saturating_mul(factor)
            .min(self.max_backoff_ms);
        Duration::from_millis(ms)
    }
}

/// `type = "jsonl"`: JSON Lines files in a directory, rotated by size and
/// age, named `<prefix>-<UTC yyyymmddTHHMMSSZ>-<seq>.jsonl`.
///
/// Every line is a complete record: lines are written whole, a file is
/// fsynced before the records in it are acknowledged, and on start a file
/// whose last line was cut by a crash is truncated to its last complete
/// line. Readers that tail a file being written should still only trust
/// lines that end in `\n`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonlFileSinkConfig {
    /// Directory of the files; created when missing.
    pub path: PathBuf,
    /// File name prefix. Default: "articles" for article sinks,
    /// "dead-letters" for the dead-letter sink.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Start a new file before a line would take the current one past this
    /// size (a line longer than this gets a file of its own).
    #[serde(default = "default_rotate_bytes")]
    pub rotate_bytes: u64,
    /// Start a new file when the current one is this old; 0 = never.
    #[serde(default = "default_rotate_secs")]
    pub rotate_secs: u64,
    /// Records written (and fsynced) together.
    #[serde(default = "default_batch_max_records")]
    pub batch_max_records: usize,
    /// Bytes of rendered lines held in memory for one batch, at most
    /// (one line over it still forms a batch of its own).
    #[serde(default = "default_batch_max_bytes")]
    pub batch_max_bytes: usize,
    /// A partial batch is written this long after its first record came.
    #[serde(default = "default_batch_max_ms")]
    pub batch_max_ms: u64,
    /// fsync every batch before acknowledging it. Without it a record is
    /// acknowledged once the OS has it, and a power loss can lose it.
    #[serde(default = "default_true")]
    pub fsync: bool,
    /// "json" (native record) or "ninjs". The dead-letter sink only takes "json".
    #[serde(default)]
    pub format: LineFormat,
    #[serde(default)]
    pub retry: RetryConfig,
}

fn default_rotate_bytes() -> u64 {
    64 * 1024 * 1024
}
fn default_rotate_secs() -> u64 {
    3600
}
fn default_batch_max_records() -> usize {
    512
}
fn default_batch_max_bytes() -> usize {
    8 * 1024 * 1024
}
fn default_batch_max_ms() -> u64 {
    200
}
fn default_true() -> bool {
    true
}

impl JsonlFileSinkConfig {
    /// A config with every default, writing into `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            prefix: None,
            rotate_bytes: default_rotate_bytes(),
            rotate_secs: default_rotate_secs(),
            batch_max_records: default_batch_max_records(),
            batch_max_bytes: default_batch_max_bytes(),
            batch_max_ms: default_batch_max_ms(),
            fsync: true,
            format: LineFormat::Json,
            retry: RetryConfig::default(),
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.path.as_os_str().is_empty() {
            return Err(ConfigError::EmptyPath);
        }
        if let Some(prefix) = &self.prefix {
            let usable = !prefix.is_empty()
                && prefix
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if !usable {
                return Err(ConfigError::BadPrefix {
                    prefix: prefix.clone(),
                });
            }
        }
        for (field, value) in [
            ("rotate_bytes", self.rotate_bytes),
            ("batch_max_records", self.batch_max_records as u64),
            ("batch_max_bytes", self.batch_max_bytes as u64),
            ("batch_max_ms", self.batch_max_ms),
        ] {
            if value == 0 {
                return Err(ConfigError::Zero { field });
            }
        }
        self.retry.validate()
    }

    /// [`validate`](Self::validate) plus what only the dead-letter sink
    /// requires (native JSON: dead letters have no ninjs form).
    pub fn validate_for_dead_letters(&self) -> Result<(), ConfigError> {
        self.validate()?;
        if self.format != LineFormat::Json {
            return Err(ConfigError::FormatNotAllowed {
                format: "ninjs",
                why: "dead letters are written as native JSON only",
            });
        }
        Ok(())
    }

    /// The prefix in force, `default` when none is configured.
    pub fn prefix_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.prefix.as_deref().unwrap_or(default)
    }

    pub(crate) fn rotate_after(&self) -> Option<Duration> {
        (self.rotate_secs > 0).then(|| Duration::from_secs(self.rotate_secs))
    }
}

/// `type = "stdout"`: records on standard output, flushed per batch.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StdoutSinkConfig {
    /// "json" (JSON Lines), "ninjs" (JSON Lines of ninjs) or "pretty".
    pub format: OutputFormat,
    /// Records written per flush, at most. A batch is whatever is already
    /// waiting (up to this many): stdout never waits to fill a batch.
    pub batch_max_records: usize,
    /// After shutdown starts, how long a write to a blocked stdout (a
    /// reader that stopped reading) may take before the sink gives up.
    pub shutdown_timeout_ms: u64,
}

impl Default for StdoutSinkConfig {
    fn default() -> Self {
        Self {
            format: OutputFormat::Json,
            batch_max_records: 256,
            shutdown_timeout_ms: 5_000,
        }
    }
}

impl StdoutSinkConfig {
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.batch_max_records == 0 {
            return Err(ConfigError::Zero {
                field: "batch_max_records",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_everything_but_path() {
        let config: JsonlFileSinkConfig = toml::from_str(r#"path = "out""#).expect("parse");
        assert_eq!(config, JsonlFileSinkConfig::new("out"));
        assert_eq!(config.prefix_or(DEFAULT_ARTICLE_PREFIX), "articles");
        assert_eq!(config.rotate_bytes, 64 * 1024 * 1024);
        assert!(config.validate().is_ok());
    }

    #[test]
    fn unknown_keys_and_formats_are_rejected() {
        assert!(toml::from_str::<JsonlFileSinkConfig>("path = \"o\"\nrotate = 1").is_err());
        assert!(
            toml::from_str::<JsonlFileSinkConfig>("path = \"o\"\nformat = \"pretty\"").is_err()
        );
        let stdout: StdoutSinkConfig = toml::from_str(r#"format = "pretty""#).expect("parse");
        assert_eq!(stdout.format, OutputFormat::Pretty);
        assert!(toml::from_str::<StdoutSinkConfig>("colour = true").is_err());
    }

    #[test]
    fn bad_values_are_typed_errors() {
        let mut config = JsonlFileSinkConfig::new("out");
        config.batch_max_records = 0;
        assert_eq!(
            config.validate(),
            Err(ConfigError::Zero {
                field: "batch_max_records"
            })
        );
        let mut config = JsonlFileSinkConfig::new("out");
        config.prefix = Some("../etc".into());
        assert!(matches!(
            config.validate(),
            Err(ConfigError::BadPrefix { .. })
        ));
        let mut config = JsonlFileSinkConfig::new("out");
        config.retry.initial_backoff_ms = 10_000;
        assert!(matches!(
            config.validate(),
            Err(ConfigError::BackoffOrder { .. })
        ));
        let mut config = JsonlFileSinkConfig::new("out");
        config.format = LineFormat::Ninjs;
        assert!(config.validate().is_ok());
        assert!(config.validate_for_dead_letters().is_err());
        let stdout = StdoutSinkConfig {
            batch_max_records: 0,
            ..StdoutSinkConfig::default()
        };
        assert!(stdout.validate().is_err());
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let retry = RetryConfig {
            max_attempts: 9,
            initial_backoff_ms: 100,
            max_backoff_ms: 450,
        };
        let waits: Vec<u64> = (1..=5)
            .map(|a| retry.backoff(a).as_millis() as u64)
            .collect();
        assert_eq!(waits, vec![100, 200, 400, 450, 450]);
    }
}
