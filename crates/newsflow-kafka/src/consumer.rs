//! The consuming side of a Kafka link: a dedicated thread polls a consumer
//! group and hands each message, decoded, to a bounded channel as an
//! [`Envelope`] whose ack token is registered with its partition's tracker.
//! Offsets are committed (last finished + 1) only past fully acknowledged
//! messages, periodically, on revoke and on shutdown.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::FutureExt;
use newsflow_model::DeadLetter;
use newsflow_runtime::{AckToken, CancellationToken, Envelope};
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance};
use rdkafka::message::{BorrowedMessage, Message};
use rdkafka::ClientContext;
use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};
use tracing::{info, warn};

use crate::config::KafkaConfig;
use crate::error::KafkaError;
use crate::partitions::{keys_of, PartitionKey, Partitions};
use crate::payload::{header_value, HEADER_SOURCE};

/// Turns one message into a record, or says why it cannot (the message then
/// becomes a dead letter).
pub type Decoder<T> = Box<dyn Fn(&BorrowedMessage<'_>) -> Result<T, String> + Send>;

/// What a consumer link consumes and how it names itself in dead letters.
#[derive(Debug, Clone)]
pub struct ConsumeSpec {
    pub topic: String,
    pub group: String,
    /// Stage named in dead letters of undecodable messages.
    pub stage: String,
}

/// What a consumer link did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsumerReport {
    pub consumed: u64,
    pub dead_lettered: u64,
    /// Messages still unfinished when the link stopped (replayed later).
    pub unfinished: usize,
}

struct LinkContext {
    partitions: Arc<Partitions>,
    handle: Handle,
    drain_timeout: Duration,
}

impl ClientContext for LinkContext {}

impl ConsumerContext for LinkContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Revoke(list) => {
                let revoked = keys_of(list);
                info!(partitions = ?revoked, "partitions revoked: finishing and committing");
                self.partitions
                    .revoke(consumer, &revoked, &self.handle, self.drain_timeout);
            }
            Rebalance::Assign(list) => info!(partitions = ?keys_of(list), "partitions assigned"),
            Rebalance::Error(e) => warn!(error = %e, "rebalance error"),
        }
    }
}

/// A running consumer link; await [`ConsumerLink::join`] for its report.
pub struct ConsumerLink {
    result: oneshot::Receiver<Result<ConsumerReport, KafkaError>>,
    topic: String,
}

impl ConsumerLink {
    pub async fn join(self) -> Result<ConsumerReport, KafkaError> {
        self.result
            .await
            .unwrap_or(Err(KafkaError::ConsumerPanicked { topic: self.topic }))
    }
}

/// Starts consuming `spec.topic` in `spec.group`. Runs until `shutdown`,
/// then stops consuming, closes `out`, waits (bounded) for what is in flight
/// and commits it. Must be called inside a tokio runtime.
pub fn spawn_consumer_link<T: Send + 'static>(
    kafka: &KafkaConfig,
    spec: ConsumeSpec,
    decode: Decoder<T>,
    out: mpsc::Sender<Envelope<T>>,
    dead_letters: mpsc::Sender<Envelope<DeadLetter>>,
    shutdown: CancellationToken,
) -> Result<ConsumerLink, KafkaError> {
    let partitions = Arc::new(Partitions::new(kafka.consumer.max_in_flight_per_partition));
    let handle = Handle::current();
    let drain_timeout = Duration::from_millis(kafka.consumer.drain_timeout_ms);
    let context = LinkContext {
        partitions: Arc::clone(&partitions),
        handle: handle.clone(),
        drain_timeout,
    };
    let consumer: BaseConsumer<LinkContext> = kafka
        .consumer_config(&spec.group)
        .create_with_context(context)
        .map_err(|source| KafkaError::Client {
            what: "consumer",
            source,
        })?;
    consumer
        .subscribe(&[&spec.topic])
        .map_err(|source| KafkaError::Subscribe {
            topic: spec.topic.clone(),
            source,
        })?;
    let (result_tx, result_rx) = oneshot::channel();
    let topic = spec.topic.clone();
    let poll = PollLoop {
        consumer,
        partitions,
        handle,
        spec,
        decode,
        out,
        dead_letters,
        shutdown,
        commit_interval: Duration::from_millis(kafka.consumer.commit_interval_ms),
        drain_timeout,
    };
    std::thread::Builder::new()
        .name(format!("kafka-{topic}"))
        .spawn(move || {
            // The receiver is gone only if nobody wants the report.
            let _ = result_tx.send(Ok(poll.run()));
        })
        .map_err(|e| KafkaError::Config {
            field: "consumer",
            message: format!("cannot start the consumer thread: {e}"),
        })?;
    Ok(ConsumerLink {
        result: result_rx,
        topic,
    })
}

struct PollLoop<T> {
    consumer: BaseConsumer<LinkContext>,
    partitions: Arc<Partitions>,
    handle: Handle,
    spec: ConsumeSpec,
    decode: Decoder<T>,
    out: mpsc::Sender<Envelope<T>>,
    dead_letters: mpsc::Sender<Envelope<DeadLetter>>,
    shutdown: CancellationToken,
    commit_interval: Duration,
    drain_timeout: Duration,
}

impl<T: Send + 'static> PollLoop<T> {
    fn run(self) -> ConsumerReport {
        let mut report = ConsumerReport::default();
        let mut last_commit = Instant::now();
        info!(topic = %self.spec.topic, group = %self.spec.group, "consumer link started");
        while !self.shutdown.is_cancelled() {
            match self.consumer.poll(Duration::from_millis(100)) {
                None => {}
                Some(Err(e)) => {
                    // Broker gone, coordinator moving...: librdkafka
                    // reconnects by itself; keep polling.
                    warn!(topic = %self.spec.topic, error = %e, "consumer error");
                }
                Some(Ok(message)) if !self.handle_message(&message, &mut report) => break,
                Some(Ok(_)) => {}
            }
            if last_commit.elapsed() >= self.commit_interval {
                self.partitions.commit(&self.consumer, None);
                last_commit = Instant::now();
            }
        }
        self.finish(report)
    }

    /// Registers, decodes and sends one message. False when the link must
    /// stop (shutdown while waiting, or the downstream is gone).
    fn handle_message(&self, message: &BorrowedMessage<'_>, report: &mut ConsumerReport) -> bool {
        let Some(token) = self.register(message) else {
            // Not registered, so never committed: replayed after restart.
            return false;
        };
        report.consumed += 1;
        match (self.decode)(message) {
            Ok(record) => {
                if let Err(envelope) = send(&self.out, Envelope::new(record, token)) {
                    envelope.ack.fail();
                    warn!(topic = %self.spec.topic, "downstream closed; stopping the consumer");
                    return false;
                }
            }
            Err(reason) => {
                report.dead_lettered += 1;
                let dead = dead_letter_for(message, &self.spec.stage, &reason);
                warn!(topic = %self.spec.topic, partition = message.partition(), offset = message.offset(), %reason, "undecodable message sent to the dead-letter topic");
                if let Err(envelope) = send(&self.dead_letters, Envelope::new(dead, token)) {
                    envelope.ack.fail();
                    return false;
                }
            }
        }
        true
    }

    /// The message's ack token from its partition's tracker. Waits while the
    /// partition has its maximum in flight (backpressure); None on shutdown.
    fn register(&self, message: &BorrowedMessage<'_>) -> Option<AckToken> {
        let key: PartitionKey = (message.topic().to_owned(), message.partition());
        let tracker = self.partitions.tracker(&key);
        let mut registering = std::pin::pin!(tracker.register(key, message.offset()));
        // A free place is the common case: take it without a runtime hop
        // (the tracker's semaphore does not need the runtime to grant it).
        if let Some(token) = registering.as_mut().now_or_never() {
            return Some(token);
        }
        self.handle.block_on(async {
            tokio::select! {
                token = registering => Some(token),
                _ = self.shutdown.cancelled() => None,
            }
        })
    }

    fn finish(self, mut report: ConsumerReport) -> ConsumerReport {
        let PollLoop {
            consumer,
            partitions,
            handle,
            spec,
            out,
            dead_letters,
            drain_timeout,
            ..
        } = self;
        // Closing our senders lets the downstream drain and finish.
        drop(out);
        drop(dead_letters);
        if !partitions.wait_all_idle(&handle, drain_timeout) {
            warn!(topic = %spec.topic, "stopping with records still in flight; they will be replayed");
        }
        partitions.commit(&consumer, None);
        report.unfinished = partitions.pending();
        info!(topic = %spec.topic, consumed = report.consumed, dead_lettered = report.dead_lettered, unfinished = report.unfinished, "consumer link stopped");
        // Dropping the consumer leaves the group; its partitions move at once.
        drop(consumer);
        report
    }
}

/// Hands `envelope` on: at once when the channel has room, else waiting on
/// this (non-runtime) thread. The envelope comes back if the channel closed.
fn send<T>(out: &mpsc::Sender<Envelope<T>>, envelope: Envelope<T>) -> Result<(), Envelope<T>> {
    match out.try_send(envelope) {
        Ok(()) => Ok(()),
        Err(mpsc::error::TrySendError::Closed(envelope)) => Err(envelope),
        Err(mpsc::error::TrySendError::Full(envelope)) => {
            out.blocking_send(envelope).map_err(|e| e.0)
        }
    }
}

/// A dead letter for a message that could not be decoded, keeping its bytes.
pub fn dead_letter_for(message: &BorrowedMessage<'_>, stage: &str, reason: &str) -> DeadLetter {
    let payload = message.payload().unwrap_or_default();
    let source = header_value(message.headers(), HEADER_SOURCE).unwrap_or_else(|| "kafka".into());
    let origin = format!(
        "kafka://{}/{}/{}",
        message.topic(),
        message.partition(),
        message.offset()
    );
    DeadLetter::for_bytes(
        stage,
        reason,
        &source,
        &origin,
        1,
        u64::try_from(message.offset()).unwrap_or(0),
        payload,
        payload.len() as u64,
    )
}
