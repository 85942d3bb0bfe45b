//! Kafka settings as they appear in the daemon's TOML (`[kafka]`,
//! `[sources.NAME] type = "kafka"`, `[sinks.NAME] type = "kafka"`).

use std::collections::BTreeMap;

use rdkafka::ClientConfig;
use serde::Deserialize;

use crate::error::KafkaError;

/// `[kafka]`: the broker, the topics that join the stages, and client
/// settings shared by every link of this process.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaConfig {
    /// Bootstrap servers, e.g. `"${KAFKA_BROKERS:-127.0.0.1:9092}"`.
    pub brokers: String,
    #[serde(default)]
    pub topics: TopicsConfig,
    /// Consumer groups are `{group_prefix}.{stage}` (e.g. `newsflow.enrich`).
    #[serde(default = "default_group_prefix")]
    pub group_prefix: String,
    #[serde(default)]
    pub producer: ProducerSettings,
    #[serde(default)]
    pub consumer: ConsumerSettings,
    /// When set, missing stage topics are created with this many partitions
    /// on start (the broker's auto-creation is not relied on).
    #[serde(default)]
    pub create_topics: Option<CreateTopics>,
    /// Passed to librdkafka as is (TLS, SASL, ...): e.g.
    /// `"security.protocol" = "SASL_SSL"`, `"sasl.password" = "${KAFKA_PASSWORD}"`.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

fn default_group_prefix() -> String {
    "newsflow".to_owned()
}

/// The topics that join the stages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TopicsConfig {
    /// Fetch -> parse: `RawDocument` JSON.
    pub raw: String,
    /// Parse -> enrich: `Article` JSON.
    pub articles: String,
    /// Enrich -> sinks (and downstream users): `EnrichedArticle` JSON.
    pub enriched: String,
    /// Dead letters from every stage: `DeadLetter` JSON.
    pub dlq: String,
}

impl Default for TopicsConfig {
    fn default() -> Self {
        Self {
            raw: "news.raw".to_owned(),
            articles: "news.articles".to_owned(),
            enriched: "news.enriched".to_owned(),
            dlq: "news.dlq".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateTopics {
    pub partitions: i32,
    #[serde(default = "default_replication")]
    pub replication_factor: i32,
}

fn default_replication() -> i32 {
    1
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    None,
    Gzip,
    Snappy,
    #[default]
    Lz4,
    Zstd,
}

impl Compression {
    fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Gzip => "gzip",
            Self::Snappy => "snappy",
            Self::Lz4 => "lz4",
            Self::Zstd => "zstd",
        }
    }
}

/// Producer settings exposed in TOML (anything else: `[kafka.options]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProducerSettings {
    pub compression: Compression,
    /// How long the producer waits to fill a batch.
    pub linger_ms: u64,
    /// Max bytes per batch.
    pub batch_size: u64,
    /// Max messages per batch (librdkafka `batch.num.messages`).
    pub batch_num_messages: u64,
    /// No duplicates from producer retries (acks=all implied).
    pub enable_idempotence: bool,
    /// How long a message may wait for delivery (0 = forever) before the
    /// record is marked failed and its input is left uncommitted.
    pub delivery_timeout_ms: u64,
    /// Deliveries awaited at once per link; more waits (backpressure).
    pub max_pending: usize,
}

impl Default for ProducerSettings {
    fn default() -> Self {
        Self {
            compression: Compression::Lz4,
            linger_ms: 5,
            batch_size: 1_000_000,
            batch_num_messages: 10_000,
            enable_idempotence: true,
            delivery_timeout_ms: 300_000,
            max_pending: 10_000,
        }
    }
}

/// Consumer settings exposed in TOML (anything else: `[kafka.options]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConsumerSettings {
    pub session_timeout_ms: u64,
    /// Messages of one partition consumed but not yet fully acknowledged
    /// downstream; at the bound the consumer waits (backpressure). Also the
    /// bound on duplicates per partition after a crash.
    pub max_in_flight_per_partition: usize,
    /// How often finished offsets are committed.
    pub commit_interval_ms: u64,
    /// On rebalance or shutdown, how long to wait for in-flight messages
    /// of revoked partitions to finish before committing what is finished.
    pub drain_timeout_ms: u64,
    /// Where a new group starts: "earliest" or "latest".
    pub auto_offset_reset: String,
}

impl Default for ConsumerSettings {
    fn default() -> Self {
        Self {
            session_timeout_ms: 10_000,
            max_in_flight_per_partition: 1_000,
            commit_interval_ms: 1_000,
            drain_timeout_ms: 10_000,
            auto_offset_reset: "earliest".to_owned(),
        }
    }
}

impl KafkaConfig {
    /// A config with defaults for everything but the brokers.
    pub fn new(brokers: impl Into<String>) -> Self {
        Self {
            brokers: brokers.into(),
            topics: TopicsConfig::default(),
            group_prefix: default_group_prefix(),
            producer: ProducerSettings::default(),
            consumer: ConsumerSettings::default(),
            create_topics: None,
            options: BTreeMap::new(),
        }
    }

    pub fn validate(&self) -> Result<(), KafkaError> {
        let bad = |field: &'static str, why: &str| {
            Err(KafkaError::Config {
                field,
                message: why.to_owned(),
            })
        };
        if self.brokers.trim().is_empty() {
            return bad("brokers", "must not be empty");
        }
        if self.group_prefix.is_empty() {
            return bad("group_prefix", "must not be empty");
        }
        let t = &self.topics;
        if [&t.raw, &t.articles, &t.enriched, &t.dlq]
            .iter()
            .any(|name| name.is_empty())
        {
            return bad("topics", "topic names must not be empty");
        }
        if self.consumer.max_in_flight_per_partition == 0 {
            return bad(
                "consumer.max_in_flight_per_partition",
                "must be greater than 0",
            );
        }
        if self.producer.max_pending == 0 {
            return bad("producer.max_pending", "must be greater than 0");
        }
        if !matches!(
            self.consumer.auto_offset_reset.as_str(),
            "earliest" | "latest"
        ) {
            return bad(
                "consumer.auto_offset_reset",
                "must be \"earliest\" or \"latest\"",
            );
        }
        if let Some(create) = &self.create_topics {
            if create.partitions < 1 || create.replication_factor < 1 {
                return bad(
                    "create_topics",
                    "partitions and replication_factor must be >= 1",
                );
            }
        }
        Ok(())
    }

    /// Settings every client shares; `options` last so users can override.
    fn base(&self) -> ClientConfig {
        let mut config = ClientConfig::new();
        config.set("bootstrap.servers", &self.brokers);
        config.set("client.id", "newsflow");
        config
    }

    fn with_options(&self, mut config: ClientConfig) -> ClientConfig {
        for (key, value) in &self.options {
            config.set(key, value);
        }
        config
    }

    pub fn producer_config(&self) -> ClientConfig {
        let p = &self.producer;
        let mut config = self.base();
        config
            .set("compression.type", p.compression.as_str())
            .set("linger.ms", p.linger_ms.to_string())
            .set("batch.size", p.batch_size.to_string())
            .set("batch.num.messages", p.batch_num_messages.to_string())
            .set("enable.idempotence", p.enable_idempotence.to_string())
            .set("message.timeout.ms", p.delivery_timeout_ms.to_string())
            .set("acks", "all");
        self.with_options(config)
    }

    pub fn consumer_config(&self, group: &str) -> ClientConfig {
        let c = &self.consumer;
        let mut config = self.base();
        config
            .set("group.id", group)
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false")
            .set("auto.offset.reset", &c.auto_offset_reset)
            .set("session.timeout.ms", c.session_timeout_ms.to_string())
            .set(
                "heartbeat.interval.ms",
                (c.session_timeout_ms / 3).max(100).to_string(),
            )
            .set("enable.partition.eof", "false");
        self.with_options(config)
    }

    /// The consumer group of a stage.
    pub fn group(&self, stage: &str) -> String {
        format!("{}.{stage}", self.group_prefix)
    }
}

/// Payload format of a user topic read by a Kafka source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Each message is one raw document (plain text, HTML, a feed...).
    #[default]
    Text,
    /// A `RawDocument` JSON object, or `{"text": "...", "url": "..."}`.
    Json,
}

/// `[sources.NAME] type = "kafka"`: raw articles from any topic.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaSourceConfig {
    pub topic: String,
    /// Consumer group; default `{group_prefix}.source.{NAME}`.
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub format: SourceFormat,
}

impl KafkaSourceConfig {
    pub fn validate(&self) -> Result<(), KafkaError> {
        if self.topic.is_empty() {
            return Err(KafkaError::Config {
                field: "topic",
                message: "must not be empty".to_owned(),
            });
        }
        Ok(())
    }
}

/// `[sinks.NAME] type = "kafka"`: enriched records to any topic.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaSinkConfig {
    pub topic: String,
    /// "json" (the native record) or "ninjs".
    #[serde(default)]
    pub format: newsflow_sink::LineFormat,
}

impl KafkaSinkConfig {
    pub fn validate(&self) -> Result<(), KafkaError> {
        if self.topic.is_empty() {
            return Err(KafkaError::Config {
                field: "topic",
                message: "must not be empty".to_owned(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_unknown_keys() {
        let config: KafkaConfig = toml::from_str(r#"brokers = "b:9092""#).expect("parse");
        assert_eq!(config.topics.dlq, "news.dlq");
        assert_eq!(config.group("enrich"), "newsflow.enrich");
        assert!(config.validate().is_ok());
        let error = toml::from_str::<KafkaConfig>("brokers = \"b\"\n[producer]\nlinger = 5")
            .expect_err("unknown key");
        assert!(error.to_string().contains("linger"), "{error}");
    }

    #[test]
    fn options_pass_through_last() {
        let config: KafkaConfig = toml::from_str(
            "brokers = \"b:9092\"\n[options]\n\"security.protocol\" = \"SASL_SSL\"\n\"linger.ms\" = \"50\"",
        )
        .expect("parse");
        let client = config.producer_config();
        assert_eq!(client.get("security.protocol"), Some("SASL_SSL"));
        assert_eq!(client.get("linger.ms"), Some("50"), "user options win");
        assert_eq!(
            config.consumer_config("g").get("enable.auto.commit"),
            Some("false")
        );
    }

    #[test]
    fn rejects_bad_values() {
        let mut config = KafkaConfig::new("b:9092");
        config.consumer.max_in_flight_per_partition = 0;
        assert!(config.validate().is_err());
        let mut config = KafkaConfig::new("b:9092");
        config.consumer.auto_offset_reset = "middle".into();
        assert!(config.validate().is_err());
    }
}
