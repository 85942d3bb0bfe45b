//! Source configs as they appear under `[sources.NAME]` (the binary adds the
//! `type = "file"` / `type = "stdin"` tag), and their validation.

use serde::{Deserialize, Serialize};

const MIB: usize = 1024 * 1024;

fn default_poll_interval_ms() -> u64 {
    1000
}
fn default_max_chunk_bytes() -> usize {
    4 * MIB
}
fn default_max_line_bytes() -> usize {
    MIB
}
fn default_max_in_flight() -> usize {
    16
}

/// Reads files, directories and glob patterns (`type = "file"`).
///
/// Files are streamed in chunks that end at a line boundary (preferably at a
/// blank line), each acknowledged end to end; the committed position of every
/// file is checkpointed in `<data_dir>/<name>.checkpoint.json`, so a restart
/// resumes where the pipeline had durably got to.
///
/// Spool directories (`watch = true`): writers must write a file under a
/// hidden name or a name ending in `.tmp` / `.part` and then rename it into
/// the directory; such names are always skipped. A file is taken once it is
/// stable (the same size, mtime and inode on two consecutive polls).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSourceConfig {
    /// Files, directories (their files, not recursive) and glob patterns
    /// (`news/**/*.txt`). Relative paths are relative to the working directory.
    pub paths: Vec<String>,
    /// Keep polling for files that appear later (spool mode). Without it, the
    /// source reads every matching file once and finishes.
    #[serde(default)]
    pub watch: bool,
    /// How often to look for new files in watch mode.
    #[serde(default = "default_poll_interval_ms")]
    pub poll_interval_ms: u64,
    /// Glob patterns (one or a list) on file names, not paths, e.g. `*.txt`;
    /// a file found in a directory or by a pattern is read when it matches
    /// any of them. Empty: every file. Files named explicitly are always read.
    #[serde(default, deserialize_with = "one_or_many")]
    pub include: Vec<String>,
    /// Glob patterns (one or a list) on file names to skip.
    #[serde(default, deserialize_with = "one_or_many")]
    pub exclude: Vec<String>,
    /// Largest chunk handed to the parser. A chunk ends at a line boundary,
    /// preferably at a blank line (paragraph-group separator).
    #[serde(default = "default_max_chunk_bytes")]
    pub max_chunk_bytes: usize,
    /// Longer lines become dead letters (only their head is kept) and reading
    /// goes on with the next line. At most `max_chunk_bytes`.
    #[serde(default = "default_max_line_bytes")]
    pub max_line_bytes: usize,
    /// Chunks emitted and not yet acknowledged by every sink; reading waits
    /// when this many are out (backpressure).
    #[serde(default = "default_max_in_flight")]
    pub max_in_flight: usize,
    /// What to do with a file once everything from it is durably written.
    #[serde(default)]
    pub after_done: AfterDone,
    /// Media type to declare for every file (default `text/plain`).
    #[serde(default)]
    pub media_type: Option<String>,
}

/// Accepts `"*.txt"` as well as `["*.txt", "*.text"]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

impl FileSourceConfig {
    /// A config with default settings for `paths`.
    pub fn new(paths: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            paths: paths.into_iter().map(Into::into).collect(),
            watch: false,
            poll_interval_ms: default_poll_interval_ms(),
            include: Vec::new(),
            exclude: Vec::new(),
            max_chunk_bytes: default_max_chunk_bytes(),
            max_line_bytes: default_max_line_bytes(),
            max_in_flight: default_max_in_flight(),
            after_done: AfterDone::default(),
            media_type: None,
        }
    }

    /// Checks what serde cannot: sizes, patterns, paths.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.paths.is_empty() {
            return Err(ConfigError::NoPaths);
        }
        if let Some(index) = self.paths.iter().position(|p| p.trim().is_empty()) {
            return Err(ConfigError::EmptyPath { index });
        }
        for path in &self.paths {
            glob::Pattern::new(path).map_err(|e| ConfigError::BadGlob {
                field: "paths",
                pattern: path.clone(),
                message: e.to_string(),
            })?;
        }
        for (field, patterns) in [("include", &self.include), ("exclude", &self.exclude)] {
            for pattern in patterns {
                glob::Pattern::new(pattern).map_err(|e| ConfigError::BadGlob {
                    field,
                    pattern: pattern.clone(),
                    message: e.to_string(),
                })?;
            }
        }
        if self.poll_interval_ms == 0 {
            return Err(ConfigError::Zero {
                field: "poll_interval_ms",
            });
        }
        if self.max_in_flight == 0 {
            return Err(ConfigError::Zero {
                field: "max_in_flight",
            });
        }
        if self
            .media_type
            .as_deref()
            .is_some_and(|m| m.trim().is_empty())
        {
            return Err(ConfigError::EmptyMediaType);
        }
        check_sizes(self.max_chunk_bytes, self.max_line_bytes)
    }
}

/// What happens to a file once everything read from it is committed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AfterDone {
    /// Leave it; the checkpoint remembers it is done (until it changes).
    #[default]
    Keep,
    /// Remove it (spool directories).
    Delete,
}

/// Reads standard input until EOF (`type = "stdin"`). No checkpoint: what was
/// read cannot be read again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StdinSourceConfig {
    /// Largest chunk handed to the parser (ends at a line boundary,
    /// preferably at a blank line).
    #[serde(default = "default_max_chunk_bytes")]
    pub max_chunk_bytes: usize,
    /// Longer lines become dead letters; reading goes on with the next line.
    #[serde(default = "default_max_line_bytes")]
    pub max_line_bytes: usize,
    /// Chunks emitted and not yet acknowledged; reading waits beyond this.
    #[serde(default = "default_max_in_flight")]
    pub max_in_flight: usize,
}

impl Default for StdinSourceConfig {
    fn default() -> Self {
        Self {
            max_chunk_bytes: default_max_chunk_bytes(),
            max_line_bytes: default_max_line_bytes(),
            max_in_flight: default_max_in_flight(),
        }
    }
}

impl StdinSourceConfig {
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.max_in_flight == 0 {
            return Err(ConfigError::Zero {
                field: "max_in_flight",
            });
        }
        check_sizes(self.max_chunk_bytes, self.max_line_bytes)
    }
}

fn check_sizes(max_chunk_bytes: usize, max_line_bytes: usize) -> Result<(), ConfigError> {
    if max_chunk_bytes == 0 {
        return Err(ConfigError::Zero {
            field: "max_chunk_bytes",
        });
    }
    if max_line_bytes == 0 {
        return Err(ConfigError::Zero {
            field: "max_line_bytes",
        });
    }
    if max_line_bytes > max_chunk_bytes {
        return Err(ConfigError::LineOverChunk {
            max_line_bytes,
            max_chunk_bytes,
        });
    }
    Ok(())
}

/// A source config value that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("`paths` is empty: list at least one file, directory or glob pattern")]
    NoPaths,
    #[error("`paths[{index}]` is empty")]
    EmptyPath { index: usize },
    #[error("`{field}` has a bad glob pattern {pattern:?}: {message}")]
    BadGlob {
        field: &'static str,
        pattern: String,
        message: String,
    },
    #[error("`{field}` must be greater than 0")]
    Zero { field: &'static str },
    #[error(
        "`max_line_bytes` ({max_line_bytes}) must not exceed `max_chunk_bytes` ({max_chunk_bytes})"
    )]
    LineOverChunk {
        max_line_bytes: usize,
        max_chunk_bytes: usize,
    },
    #[error("`media_type` is empty: remove it or name a media type")]
    EmptyMediaType,
}

impl ConfigError {
    /// The config key at fault, for error messages with a TOML path.
    pub fn field(&self) -> &'static str {
        match self {
            Self::NoPaths | Self::EmptyPath { .. } => "paths",
            Self::BadGlob { field, .. } | Self::Zero { field } => field,
            Self::LineOverChunk { .. } => "max_line_bytes",
            Self::EmptyMediaType => "media_type",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_unknown_keys() {
        let config: FileSourceConfig = serde_json::from_str(r#"{"paths": ["in/*.txt"]}"#).unwrap();
        assert_eq!(config, FileSourceConfig::new(["in/*.txt"]));
        assert_eq!(config.max_chunk_bytes, 4 * MIB);
        assert_eq!(config.after_done, AfterDone::Keep);
        config.validate().unwrap();
        let err = serde_json::from_str::<FileSourceConfig>(r#"{"paths": [], "wach": true}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `wach`"), "{err}");
        let delete: FileSourceConfig =
            serde_json::from_str(r#"{"paths": ["x"], "after_done": "delete"}"#).unwrap();
        assert_eq!(delete.after_done, AfterDone::Delete);
        assert_eq!(StdinSourceConfig::default().max_line_bytes, MIB);
    }

    #[test]
    fn embeds_in_a_tagged_enum_and_takes_one_or_many_patterns() {
        #[derive(Debug, Deserialize)]
        #[serde(tag = "type", rename_all = "lowercase")]
        enum Source {
            File(FileSourceConfig),
            Stdin(StdinSourceConfig),
        }
        let json =
            r#"{"type": "file", "paths": ["spool"], "include": "*.txt", "exclude": ["a*", "b*"]}"#;
        let Source::File(file) = serde_json::from_str(json).unwrap() else {
            panic!("file source expected")
        };
        assert_eq!(file.include, ["*.txt"]);
        assert_eq!(file.exclude, ["a*", "b*"]);
        let unknown = r#"{"type": "file", "paths": ["spool"], "poll_ms": 5}"#;
        let err = serde_json::from_str::<Source>(unknown)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `poll_ms`"), "{err}");
        let stdin: Source = serde_json::from_str(r#"{"type": "stdin"}"#).unwrap();
        assert!(matches!(stdin, Source::Stdin(c) if c == StdinSourceConfig::default()));
    }

    #[test]
    fn rejects_bad_values() {
        let mut config = FileSourceConfig::new(Vec::<String>::new());
        assert_eq!(config.validate(), Err(ConfigError::NoPaths));
        config.paths = vec!["a".into(), " ".into()];
        assert_eq!(config.validate(), Err(ConfigError::EmptyPath { index: 1 }));
        config.paths = vec!["news/[a-".into()];
        assert_eq!(config.validate().unwrap_err().field(), "paths");
        config.paths = vec!["news".into()];
        config.include = vec!["**[".into()];
        assert_eq!(config.validate().unwrap_err().field(), "include");
        config.include.clear();
        config.max_chunk_bytes = 0;
        assert_eq!(config.validate().unwrap_err().field(), "max_chunk_bytes");
        config.max_chunk_bytes = 10;
        config.max_line_bytes = 11;
        assert!(matches!(
            config.validate(),
            Err(ConfigError::LineOverChunk { .. })
        ));
        config.max_line_bytes = 10;
        config.validate().unwrap();
        config.max_in_flight = 0;
        assert_eq!(config.validate().unwrap_err().field(), "max_in_flight");
        let stdin = StdinSourceConfig {
            max_line_bytes: 0,
            ..StdinSourceConfig::default()
        };
        assert_eq!(stdin.validate().unwrap_err().field(), "max_line_bytes");
    }
}
