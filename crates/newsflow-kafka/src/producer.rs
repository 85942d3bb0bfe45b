//! The producing side of a Kafka link: takes envelopes from a channel,
//! produces each record keyed by its id with headers, and releases the
//! envelope's ack token only when the broker has acknowledged the delivery
//! (the token travels with the message as its delivery opaque).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use newsflow_runtime::{AckToken, Envelope};
use rdkafka::error::{KafkaError as RdKafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::producer::{
    BaseRecord, DeliveryResult, FutureProducer, Producer, ProducerContext, ThreadedProducer,
};
use rdkafka::ClientContext;
use tokio::sync::{mpsc, Notify};
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

/// Creates a plain producer from the `[kafka]` settings (for tools and
/// tests that produce on their own; the links use [`create_link_producer`]).
pub fn create_producer(kafka: &KafkaConfig) -> Result<FutureProducer, KafkaError> {
    kafka
        .producer_config()
        .create()
        .map_err(|source| KafkaError::Client {
            what: "producer",
            source,
        })
}

/// The producer shared by every producer link of a process. Deliveries are
/// reported on librdkafka's polling thread, where each one settles its
/// record's ack token directly: no future, channel or task wake-up per
/// message. Cloning is cheap (one client).
#[derive(Clone)]
pub struct LinkProducer {
    inner: Arc<ThreadedProducer<LinkProducerContext>>,
}

impl LinkProducer {
    /// Messages librdkafka still holds (queued or awaiting acknowledgement),
    /// over every link of this producer.
    pub fn in_flight_count(&self) -> i32 {
        self.inner.in_flight_count()
    }
}

/// Creates the producer shared by every producer link of a process.
pub fn create_link_producer(kafka: &KafkaConfig) -> Result<LinkProducer, KafkaError> {
    let inner = kafka
        .producer_config()
        .create_with_context(LinkProducerContext)
        .map_err(|source| KafkaError::Client {
            what: "producer",
            source,
        })?;
    Ok(LinkProducer {
        inner: Arc::new(inner),
    })
}

/// Settles deliveries: the ack token of each message travels as its
/// delivery opaque and is released (or failed) when librdkafka reports it.
pub struct LinkProducerContext;

impl ClientContext for LinkProducerContext {}

impl ProducerContext for LinkProducerContext {
    type DeliveryOpaque = Box<Delivery>;

    fn delivery(&self, result: &DeliveryResult<'_>, delivery: Box<Delivery>) {
        let Delivery { ack, link } = *delivery;
        match result {
            Ok(_) => {
                // Dropping the token is the acknowledgement.
                drop(ack);
                link.delivered.fetch_add(1, Ordering::Relaxed);
            }
            Err((e, message)) => {
                error!(topic = message.topic(), error = %e, "delivery failed; the input stays uncommitted");
                ack.fail();
                drop(ack);
                link.failed.fetch_add(1, Ordering::Relaxed);
            }
        }
        link.settled();
    }
}

/// One message in flight: its input's ack token and the link that sent it.
pub struct Delivery {
    ack: AckToken,
    link: Arc<LinkState>,
}

/// What one producer link has in flight and what came of it, shared with
/// the delivery callback.
#[derive(Default)]
struct LinkState {
    pending: AtomicUsize,
    delivered: AtomicU64,
    failed: AtomicU64,
    /// A delivery settled (the link may be waiting for room or the end).
    changed: Notify,
}

impl LinkState {
    fn settled(&self) {
        self.pending.fetch_sub(1, Ordering::AcqRel);
        // Stores a permit when the link is not waiting: no lost wake-up.
        self.changed.notify_one();
    }

    /// Waits until at most `max` deliveries of this link are in flight.
    async fn wait_pending_at_most(&self, max: usize) {
        while self.pending.load(Ordering::Acquire) > max {
            self.changed.notified().await;
        }
    }

    fn report(&self, failed_here: u64) -> ProducerReport {
        ProducerReport {
            delivered: self.delivered.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed) + failed_here,
        }
    }
}

/// Produces every record of `input` to `spec.topic` until `input` closes
/// and every delivery is settled. At most `spec.max_pending` deliveries are
/// in flight; each releases its envelope's ack token when the broker
/// acknowledges it (on librdkafka's polling thread), or fails it.
pub async fn run_producer_link<T: KafkaPayload>(
    producer: LinkProducer,
    spec: ProduceSpec<T>,
    mut input: mpsc::Receiver<Envelope<T>>,
) -> ProducerReport {
    let link = Arc::new(LinkState::default());
    let max_pending = spec.max_pending.max(1);
    let mut failed_here = 0;
    let mut payload = Vec::with_capacity(16 * 1024);
    loop {
        link.wait_pending_at_most(max_pending - 1).await;
        let Some(Envelope { record, ack }) = input.recv().await else {
            break;
        };
        if !send(&producer, &spec, &record, ack, &mut payload, &link).await {
            failed_here += 1;
        }
    }
    link.wait_pending_at_most(0).await;
    let report = link.report(failed_here);
    info!(topic = %spec.topic, delivered = report.delivered, failed = report.failed, "producer link stopped");
    report
}

/// Enqueues one record, its ack token riding along as the delivery opaque.
/// False when it could not be encoded or enqueued (its token is failed).
async fn send<T: KafkaPayload>(
    producer: &LinkProducer,
    spec: &ProduceSpec<T>,
    record: &T,
    ack: AckToken,
    payload: &mut Vec<u8>,
    link: &Arc<LinkState>,
) -> bool {
    payload.clear();
    if let Err(e) = (spec.encode)(record, payload) {
        error!(topic = %spec.topic, error = %e, "cannot encode record");
        ack.fail();
        return false;
    }
    let key = record.key();
    let delivery = Box::new(Delivery {
        ack,
        link: Arc::clone(link),
    });
    // librdkafka copies key, payload and headers on enqueue.
    let mut message = BaseRecord::with_opaque_to(&spec.topic, delivery)
        .key(&key)
        .payload(payload.as_slice())
        .headers(headers_for(record, spec.content_type));
    // Counted before the enqueue: the delivery may be reported at once.
    link.pending.fetch_add(1, Ordering::AcqRel);
    loop {
        match producer.inner.send(message) {
            Ok(()) => return true,
            Err((RdKafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), returned)) => {
                // librdkafka's queue is full: wait for a delivery, then retry.
                // Bounded: deliveries of other links free room too.
                message = returned;
                let settled = link.changed.notified();
                let _ = tokio::time::timeout(Duration::from_millis(5), settled).await;
            }
            Err((e, returned)) => {
                warn!(topic = %spec.topic, error = %e, "cannot produce record");
                link.pending.fetch_sub(1, Ordering::AcqRel);
                returned.delivery_opaque.ack.fail();
                return false;
            }
        }
    }
}
