//! The producing side of a Kafka link: takes envelopes from a channel,
//! produces each record keyed by its id with headers, and releases the
//! envelope's ack token only when the broker has acknowledged the delivery.

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use newsflow_runtime::{AckToken, Envelope};
use rdkafka::error::{KafkaError as RdKafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord};
use tokio::sync::mpsc;
use tracing::{error, info, warn};

use crate::config::KafkaConfig;
use crate::error::KafkaError;
use crate::payload::{headers_for, KafkaPayload, CONTENT_TYPE_JSON};

/// Renders a record's payload bytes into `out` (emptied before each call,
/// reused across records so encoding does not allocate per message).
pub type Encoder<T> = fn(&T, &mut Vec<u8>) -> Result<(), String>;

/// The native JSON encoding of a record.
pub fn json_encoder<T: KafkaPayload>(record: &T, out: &mut Vec<u8>) -> Result<(), String> {
    record.write_json(out).map_err(|e| e.to_string())
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

/// Produces every record of `input` to `spec.topic` until `input` closes
/// and every delivery is settled. Deliveries are awaited concurrently (at
/// most `spec.max_pending`), each releasing its envelope's ack token.
pub async fn run_producer_link<T: KafkaPayload>(
    producer: FutureProducer,
    spec: ProduceSpec<T>,
    mut input: mpsc::Receiver<Envelope<T>>,
) -> ProducerReport {
    let mut report = ProducerReport::default();
    let mut pending: FuturesUnordered<PendingDelivery> = FuturesUnordered::new();
    let max_pending = spec.max_pending.max(1);
    let mut payload = Vec::with_capacity(16 * 1024);
    loop {
        tokio::select! {
            Some(delivered) = pending.next(), if !pending.is_empty() => count(&mut report, delivered),
            next = input.recv(), if pending.len() < max_pending => {
                let Some(Envelope { record, ack }) = next else { break };
                let sent = send(&producer, &spec, &record, ack, &mut payload, &mut pending, &mut report).await;
                match sent {
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

/// One delivery in flight: resolves to whether the broker acknowledged it,
/// releasing the ack token on success and failing it otherwise.
struct PendingDelivery {
    delivery: DeliveryFuture,
    ack: Option<AckToken>,
}

impl Future for PendingDelivery {
    type Output = bool;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let outcome = ready!(Pin::new(&mut self.delivery).poll(cx));
        // Polled to completion once (FuturesUnordered drops it after).
        let ack = self.ack.take();
        let delivered = match outcome {
            Ok(Ok(_)) => true,
            Ok(Err((e, message))) => {
                error!(topic = message.topic(), error = %e, "delivery failed; the input stays uncommitted");
                false
            }
            Err(_) => {
                error!("producer dropped before delivery; the input stays uncommitted");
                false
            }
        };
        if let (false, Some(ack)) = (delivered, &ack) {
            ack.fail();
        }
        // Dropping the token here is the acknowledgement.
        drop(ack);
        Poll::Ready(delivered)
    }
}

/// Enqueues one record; the returned future settles its ack token.
async fn send<T: KafkaPayload>(
    producer: &FutureProducer,
    spec: &ProduceSpec<T>,
    record: &T,
    ack: AckToken,
    payload: &mut Vec<u8>,
    pending: &mut FuturesUnordered<PendingDelivery>,
    report: &mut ProducerReport,
) -> Option<PendingDelivery> {
    payload.clear();
    if let Err(e) = (spec.encode)(record, payload) {
        error!(topic = %spec.topic, error = %e, "cannot encode record");
        ack.fail();
        return None;
    }
    let key = record.key();
    // librdkafka copies key, payload and headers on enqueue.
    let mut message = FutureRecord::to(&spec.topic)
        .key(&key)
        .payload(payload.as_slice())
        .headers(headers_for(record, spec.content_type));
    loop {
        match producer.send_result(message) {
            Ok(delivery) => {
                return Some(PendingDelivery {
                    delivery,
                    ack: Some(ack),
                })
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
