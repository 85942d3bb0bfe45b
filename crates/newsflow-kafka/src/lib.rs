//! newsflow-kafka: Kafka as the links of newsflow's distributed mode, and
//! as a source and sink for users' own topics.
//!
//! - A **consumer link** ([`spawn_consumer_link`]) consumes a topic in a
//!   consumer group and emits [`Envelope`](newsflow_runtime::Envelope)s; each
//!   message is registered with its partition's ack tracker, so a partition's
//!   committed offset only advances past messages whose every derived record
//!   is acknowledged downstream — never past a gap. In-flight messages are
//!   bounded per partition (the consumer waits: backpressure). On revoke it
//!   finishes (bounded wait) and commits the revoked partitions.
//! - A **producer link** ([`run_producer_link`]) produces JSON payloads keyed
//!   by record id with headers (schema version, content type, source, trace
//!   id; reason and stage for dead letters) and acknowledges an envelope
//!   only when the broker acknowledged its delivery.
//! - [`run_kafka_source`] / [`run_kafka_sink`]: users' own topics.
//!
//! Delivery is at-least-once: after a crash, messages that were in flight
//! (at most `max_in_flight_per_partition` per partition) are processed again.

mod admin;
mod config;
mod consumer;
mod decode;
mod error;
mod partitions;
pub mod payload;
mod producer;
mod user;

pub use admin::ensure_topics;
pub use config::{
    Compression, ConsumerSettings, CreateTopics, KafkaConfig, KafkaSinkConfig, KafkaSourceConfig,
    ProducerSettings, SourceFormat, TopicsConfig,
};
pub use consumer::{
    dead_letter_for, spawn_consumer_link, ConsumeSpec, ConsumerLink, ConsumerReport, Decoder,
};
pub use decode::{json_decoder, raw_document_decoder};
pub use error::KafkaError;
pub use partitions::{PartitionKey, PartitionTracker};
pub use payload::KafkaPayload;
pub use producer::{
    create_link_producer, create_producer, json_encoder, run_producer_link, Delivery, Encoder,
    LinkProducer, LinkProducerContext, ProduceSpec, ProducerReport,
};
pub use rdkafka;
pub use user::{run_kafka_sink, run_kafka_source};
