//! The producing side of a Kafka link: takes envelopes from a channel,
//! produces each record keyed by its id with headers, and releases the
//! envelope's ack token only when the broker has acknowledged the delivery.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use newsflow_runtime::{AckToken, Envelope};
use rdkafka::error::{KafkaError as RdKafkaError, RDKafkaErrorCode};
use rdkafka::producer::{FutureProducer, FutureRecord};
use tokio::sync::mpsc;
use tracing::{error, info, warn};

use crate::config::KafkaConfig;
use crate::error::KafkaError;
use crate::payload::{headers_for, KafkaPayload, CONTENT_TYPE_JSON};

/// Renders a record's payload bytes.
pub type Encoder<T> = fn(&T) -> Result<Vec<u8>, String>;

/// The native JSON encoding of a record.
pub fn json_encoder<T: KafkaPayload>(record: &T) -> Result<Vec<u8>, String> {
    record.to_json().map_err(|e| e.to_string())
}

/// Where and how a producer link writes.
pub struct ProduceSpec<T> {
    pub topic: String,
    pub content_type: &'static str,
    pub encode: Encoder<T>,
    /// Deliveries awaited at once; beyond it the link stops reading input.
    pub max_pending: usize,
}

impl<T: KafkaPayload> ProduceSpec<T> {
    /// Native JSON to `topic`.
    pub fn json(topic: impl Into<String>, kafka: &KafkaConfig) -> Self {
        Self {
            topic: topic.into(),
            content_type: CONTENT_TYPE_JSON,
            encode: json_encoder::<T>,
            max_pending: kafka.producer.max_pending,
        }
    }
}

/// What a producer link did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProducerReport {
    /// Records the broker acknowledged.
    pub delivered: u64,
    /// Records that could not be encoded or delivered (their tokens failed).
    pub failed: u64,
}

/// Creates the producer shared by every producer link of a process.
pub fn create_producer(kafka: &KafkaConfig) -> Result<FutureProducer, KafkaError> {
    kafka
        .producer_config()
        .create()
        .map_err(|source| KafkaError::Client {
            what: "producer",
            source,
        })
}

type PendingDelivery = Pin<Box<dyn Future<Output = bool> + Send>>;

/// Produces every record of `input` to `spec.topic` until `input` closes
/// and every delivery is settled.
pub async fn run_producer_link<T: KafkaPayload>(
    producer: FutureProducer,
    spec: ProduceSpec<T>,
    mut input: mpsc::Receiver<Envelope<T>>,
) -> ProducerReport {
    let mut report = ProducerReport::default();
    let mut pending: FuturesUnordered<PendingDelivery> = FuturesUnordered::new();
    let max_pending = spec.max_pending.max(1);
    loop {
        tokio::select! {
            Some(delivered) = pending.next(), if !pending.is_empty() => count(&mut report, delivered),
            next = input.recv(), if pending.len() < max_pending => {
                let Some(Envelope { record, ack }) = next else { break };
                match send(&producer, &spec, &record, ack, &mut pending, &mut report).await {
                    Some(delivery) => pending.push(delivery),
                    None => report.failed += 1,
                }
            }
        }
    }
    while let Some(delivered) = pending.next().await {
        count(&mut report, delivered);
    }
    info!(topic = %spec.topic, delivered = report.delivered, failed = report.failed, "producer link stopped");
    report
}

fn count(report: &mut ProducerReport, delivered: bool) {
    if delivered {
        report.delivered += 1;
    } else {
        report.failed += 1;
    }
}

/// Enqueues one record; the returned future settles its ack token.
async fn send<T: KafkaPayload>(
    producer: &FutureProducer,
    spec: &ProduceSpec<T>,
    record: &T,
    ack: AckToken,
    pending: &mut FuturesUnordered<PendingDelivery>,
    report: &mut ProducerReport,
) -> Option<PendingDelivery> {
    let payload = match (spec.encode)(record) {
        Ok(payload) => payload,
        Err(e) => {
            error!(topic = %spec.topic, error = %e, "cannot encode record");
            ack.fail();
            return None;
        }
    };
    let key = record.key();
    let mut message = FutureRecord::to(&spec.topic)
        .key(&key)
        .payload(&payload)
        .headers(headers_for(record, spec.content_type));
    loop {
        match producer.send_result(message) {
            Ok(delivery) => {
                let topic = spec.topic.clone();
                return Some(Box::pin(async move {
                    match delivery.await {
                        Ok(Ok(_)) => {
                            drop(ack);
                            true
                        }
                        Ok(Err((e, _))) => {
                            error!(%topic, error = %e, "delivery failed; the input stays uncommitted");
                            ack.fail();
                            false
                        }
                        Err(_) => {
                            error!(%topic, "producer dropped before delivery");
                            ack.fail();
                            false
                        }
                    }
                }));
            }
            Err((RdKafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), returned)) => {
                // librdkafka's queue is full: settle a delivery, then retry.
                message = returned;
                match pending.next().await {
                    Some(delivered) => count(report, delivered),
                    None => tokio::time::sleep(Duration::from_millis(5)).await,
                }
            }
            Err((e, _)) => {
                warn!(topic = %spec.topic, error = %e, "cannot produce record");
                ack.fail();
                return None;
            }
        }
    }
}
