//! The daemon's TOML config: named components like Vector
//! (`[sources.NAME]`, `[sinks.NAME]`), unknown keys rejected, `${ENV}`
//! interpolation, every problem reported with its TOML path and line.

mod interpolate;
mod locate;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use newsflow_enrich::EnrichConfig;
use newsflow_fetch::{FileSourceConfig, StdinSourceConfig};
use newsflow_parse::ParseLimits;
use newsflow_sink::{JsonlFileSinkConfig, StdoutSinkConfig};
use serde::Deserialize;

pub use interpolate::interpolate;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where checkpoints and other state live.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    #[serde(default)]
    pub pipeline: PipelineConfig,
    #[serde(default)]
    pub parse: ParseConfig,
    #[serde(default)]
    pub enrich: EnrichConfig,
    #[serde(default)]
    pub log: LogConfig,
    #[serde(default)]
    pub admin: crate::admin::AdminConfig,
    pub sources: BTreeMap<String, SourceConfig>,
    pub sinks: BTreeMap<String, SinkConfig>,
    pub dead_letters: JsonlFileSinkConfig,
    /// The broker and topics of the distributed mode and of Kafka
    /// sources/sinks.
    #[serde(default)]
    pub kafka: Option<newsflow_kafka::KafkaConfig>,
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("var/newsflow")
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum SourceConfig {
    File(FileSourceConfig),
    Stdin(StdinSourceConfig),
    Kafka(newsflow_kafka::KafkaSourceConfig),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum SinkConfig {
    Jsonl(JsonlFileSinkConfig),
    Stdout(StdoutSinkConfig),
    Kafka(newsflow_kafka::KafkaSinkConfig),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Blocking worker threads for each of the parse and enrich stages.
    pub workers: usize,
    /// Capacity of each bounded link between stages, in records.
    pub link_capacity: usize,
    /// How long a graceful stop may take before the daemon gives up
    /// draining (committed checkpoints stay consistent either way).
    pub shutdown_timeout_secs: u64,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        Self {
            workers: std::thread::available_parallelism().map_or(2, usize::from),
            link_capacity: 256,
            shutdown_timeout_secs: 30,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ParseConfig {
    pub max_document_bytes: usize,
    pub max_line_bytes: usize,
    pub max_paragraphs: usize,
    /// "auto": the story segmenter finds where articles glued together in
    /// one document begin; "one": every document (file chunk, message) is
    /// one article.
    pub stories: StoriesPerDocument,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoriesPerDocument {
    #[default]
    Auto,
    One,
}

impl Default for ParseConfig {
    fn default() -> Self {
        let limits = ParseLimits::default();
        Self {
            max_document_bytes: limits.max_document_bytes,
            max_line_bytes: limits.max_line_bytes,
            max_paragraphs: limits.max_paragraphs,
            stories: StoriesPerDocument::Auto,
        }
    }
}

impl ParseConfig {
    pub fn limits(&self) -> ParseLimits {
        ParseLimits {
            max_document_bytes: self.max_document_bytes,
            max_line_bytes: self.max_line_bytes,
            max_paragraphs: self.max_paragraphs,
            one_story_per_document: self.stories == StoriesPerDocument::One,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// `tracing` filter, e.g. "info" or "newsflow=debug,info"; RUST_LOG wins.
    pub level: Option<String>,
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable on a terminal, JSON otherwise.
    #[default]
    Auto,
    Human,
    Json,
}

/// One problem in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// TOML path of the key, e.g. `sources.spool.watch` ("" for the file).
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.path.is_empty()) {
            (Some(line), false) => write!(f, "line {line}: `{}`: {}", self.path, self.message),
            (Some(line), true) => write!(f, "line {line}: {}", self.message),
            (None, false) => write!(f, "`{}`: {}", self.path, self.message),
            (None, true) => write!(f, "{}", self.message),
        }
    }
}

/// Every problem found in a config file.
#[derive(Debug)]
pub struct ConfigErrors {
    pub file: PathBuf,
    pub problems: Vec<ConfigProblem>,
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{}: {n} problem{}",
            self.file.display(),
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl Config {
    /// Reads, interpolates, parses and validates `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigErrors {
            file: path.to_owned(),
            problems: vec![ConfigProblem {
                path: String::new(),
                line: None,
                message: format!("cannot read the file: {e}"),
            }],
        })?;
        Self::from_toml(&text, |name| std::env::var(name).ok()).map_err(|problems| ConfigErrors {
            file: path.to_owned(),
            problems,
        })
    }

    /// Parses config text; `env` resolves `${VAR}` references.
    pub fn from_toml(
        text: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, Vec<ConfigProblem>> {
        let text = interpolate(text, env).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| ConfigProblem {
                    path: String::new(),
                    line: Some(e.line),
                    message: e.message,
                })
                .collect::<Vec<_>>()
        })?;
        let config = locate::deserialize_reporting_all::<Config>(&text, refine_component)?;
        let problems = config.validate();
        if problems.is_empty() {
            Ok(config)
        } else {
            let document = locate::Document::parse(&text);
            Err(problems
                .into_iter()
                .map(|(path, message)| ConfigProblem {
                    line: document.as_ref().and_then(|d| d.line_of(&path)),
                    path,
                    message,
                })
                .collect())
        }
    }

    /// Checks that serde cannot express: values in range, names usable.
    fn validate(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        if self.sources.is_empty() {
            problems.push((
                "sources".to_owned(),
                "at least one source is needed".to_owned(),
            ));
        }
        if self.sinks.is_empty() {
            problems.push(("sinks".to_owned(), "at least one sink is needed".to_owned()));
        }
        for (name, source) in &self.sources {
            if let Err(message) = check_component_name(name) {
                problems.push((format!("sources.{name}"), message));
            }
            let result = match source {
                SourceConfig::File(c) => c.validate().map_err(|e| e.to_string()),
                SourceConfig::Stdin(c) => c.validate().map_err(|e| e.to_string()),
                SourceConfig::Kafka(c) => c.validate().map_err(|e| e.to_string()).and_then(|()| {
                    self.kafka.as_ref().map(|_| ()).ok_or_else(|| {
                        "a kafka source needs a [kafka] section with the brokers".to_owned()
                    })
                }),
            };
            if let Err(message) = result {
                problems.push((format!("sources.{name}"), message));
            }
        }
        for (name, sink) in &self.sinks {
            if let Err(message) = check_component_name(name) {
                problems.push((format!("sinks.{name}"), message));
            }
            let result = match sink {
                SinkConfig::Jsonl(c) => c.validate().map_err(|e| e.to_string()),
                SinkConfig::Stdout(c) => c.validate().map_err(|e| e.to_string()),
                SinkConfig::Kafka(c) => c.validate().map_err(|e| e.to_string()).and_then(|()| {
                    self.kafka.as_ref().map(|_| ()).ok_or_else(|| {
                        "a kafka sink needs a [kafka] section with the brokers".to_owned()
                    })
                }),
            };
            if let Err(message) = result {
                problems.push((format!("sinks.{name}"), message));
            }
        }
        if let Some(Err(e)) = self
            .kafka
            .as_ref()
            .map(newsflow_kafka::KafkaConfig::validate)
        {
            problems.push(("kafka".to_owned(), e.to_string()));
        }
        if let Err(e) = self.dead_letters.validate_for_dead_letters() {
            problems.push(("dead_letters".to_owned(), e.to_string()));
        }
        // One directory + prefix per file sink: a sink's start-up repair of
        // torn files must never touch another sink's open file.
        let mut file_sinks: Vec<(String, PathBuf, String)> = self
            .sinks
            .iter()
            .filter_map(|(name, sink)| match sink {
                SinkConfig::Jsonl(c) => Some((
                    format!("sinks.{name}"),
                    c.path.clone(),
                    c.prefix_or(newsflow_sink::DEFAULT_ARTICLE_PREFIX)
                        .to_owned(),
                )),
                _ => None,
            })
            .collect();
        file_sinks.push((
            "dead_letters".to_owned(),
            self.dead_letters.path.clone(),
            self.dead_letters
                .prefix_or(newsflow_sink::DEFAULT_DEAD_LETTER_PREFIX)
                .to_owned(),
        ));
        for (i, (key, path, prefix)) in file_sinks.iter().enumerate() {
            if let Some((other, ..)) = file_sinks[..i]
                .iter()
                .find(|(_, p, x)| p == path && x == prefix)
            {
                problems.push((
                    format!("{key}.path"),
                    format!(
                        "`{other}` already writes `{prefix}-*` files to {}",
                        path.display()
                    ),
                ));
            }
        }
        let stdin_sources = self
            .sources
            .values()
            .filter(|s| matches!(s, SourceConfig::Stdin(_)))
            .count();
        if stdin_sources > 1 {
            problems.push((
                "sources".to_owned(),
                "only one stdin source can exist".to_owned(),
            ));
        }
        for (key, message) in self.enrich.problems() {
            problems.push((format!("enrich.{key}"), message));
        }
        let p = &self.pipeline;
        for (key, value) in [
            ("pipeline.workers", p.workers),
            ("pipeline.link_capacity", p.link_capacity),
            ("parse.max_document_bytes", self.parse.max_document_bytes),
            ("parse.max_line_bytes", self.parse.max_line_bytes),
            ("parse.max_paragraphs", self.parse.max_paragraphs),
        ] {
            if value == 0 {
                problems.push((key.to_owned(), "must be greater than 0".to_owned()));
            }
        }
        problems
    }
}

/// Deserialises one component table as its declared `type`, to name the
/// exact key at fault (the tagged enum only says "this component").
fn refine_component(path: &str, table: &str) -> Option<(String, String)> {
    fn narrow<T: serde::de::DeserializeOwned>(table: &str) -> Option<(String, String)> {
        let deserializer = toml::Deserializer::new(table);
        let error = serde_path_to_error::deserialize::<_, T>(deserializer).err()?;
        let inner = error.path().to_string();
        Some((
            if inner == "." { String::new() } else { inner },
            error.inner().message().to_owned(),
        ))
    }
    let (kind, rest) = path.split_once('.')?;
    if rest.contains('.') {
        return None;
    }
    let mut doc: toml_edit::DocumentMut = table.parse().ok()?;
    let component_type = doc.remove("type")?.as_str()?.to_owned();
    let table = doc.to_string();
    match (kind, component_type.as_str()) {
        ("sources", "file") => narrow::<FileSourceConfig>(&table),
        ("sources", "stdin") => narrow::<StdinSourceConfig>(&table),
        ("sinks", "jsonl") => narrow::<JsonlFileSinkConfig>(&table),
        ("sinks", "stdout") => narrow::<StdoutSinkConfig>(&table),
        _ => None,
    }
}

/// Names end up in file names, metric labels and checkpoints.
fn check_component_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "component name `{name}` may only use letters, digits, `_` and `-`"
        ))
    }
}

#[cfg(test)]
mod tests;
