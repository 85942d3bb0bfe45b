//! The two pipelines compared, each two hops over the broker
//! (`in` -> `mid` -> `out`), with the same producer and consumer settings:
//! rdkafka alone copying messages, and newsflow's parse and enrich stages.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use newsflow_kafka::rdkafka::consumer::{BaseConsumer, Consumer};
use newsflow_kafka::rdkafka::error::{KafkaError as RdKafkaError, RDKafkaErrorCode};
use newsflow_kafka::rdkafka::producer::{
    BaseRecord, DeliveryResult, Producer, ProducerContext, ThreadedProducer,
};
use newsflow_kafka::rdkafka::{ClientContext, Message};
use newsflow_kafka::{
    json_decoder, run_producer_link, spawn_consumer_link, ConsumeSpec, KafkaConfig, KafkaPayload,
    LinkProducer, ProduceSpec,
};
use newsflow_model::DeadLetter;
use newsflow_runtime::{run_transform, CancellationToken, Transform};
use tokio::sync::mpsc;

/// Counts failed deliveries of the rdkafka-alone copy.
#[derive(Default)]
struct CountFailures(AtomicU64);

impl ClientContext for CountFailures {}

impl ProducerContext for CountFailures {
    type DeliveryOpaque = ();
    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        if result.is_err() {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// rdkafka alone, one hop: consume `from` in a group (auto commit), produce
/// every message (key, payload, headers) to `to` with a `ThreadedProducer`
/// (delivery reports on librdkafka's thread), until `stop`. The cheapest
/// consume + produce rdkafka offers: no decoding, no tracking, no work.
pub fn copy(kafka: &KafkaConfig, from: &str, to: &str, stop: Arc<AtomicBool>) {
    let mut config = kafka.consumer_config(&format!("{from}.copy"));
    config
        .set("enable.auto.commit", "true")
        .set("enable.auto.offset.store", "true");
    let consumer: BaseConsumer = config.create().expect("consumer");
    consumer.subscribe(&[from]).expect("subscribe");
    let producer: ThreadedProducer<CountFailures> = kafka
        .producer_config()
        .create_with_context(CountFailures::default())
        .expect("producer");
    while !stop.load(Ordering::Relaxed) {
        let Some(Ok(message)) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let mut record = BaseRecord::to(to)
            .key(message.key().unwrap_or_default())
            .payload(message.payload().unwrap_or_default());
        if let Some(headers) = message.headers() {
            record = record.headers(headers.detach());
        }
        loop {
            match producer.send(record) {
                Ok(()) => break,
                Err((RdKafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    record = back;
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err((e, _)) => panic!("copy to {to}: {e}"),
            }
        }
    }
    producer.flush(Duration::from_secs(30)).expect("flush");
    assert_eq!(
        producer.context().0.load(Ordering::Relaxed),
        0,
        "copy deliveries failed"
    );
}

/// One newsflow stage as `newsflow run --stages NAME` wires it: consumer
/// link -> `run_transform` on `workers` threads -> producer link, dead
/// letters to their own producer link.
pub fn spawn_stage<T: Transform>(
    kafka: &KafkaConfig,
    producer: &LinkProducer,
    stage: T,
    (from, to): (&str, &str),
    workers: usize,
    shutdown: &CancellationToken,
) where
    T::Input: serde::de::DeserializeOwned,
    T::Output: KafkaPayload,
{
    // The daemon's default link capacity (config/kafka.toml).
    let (in_tx, in_rx) = mpsc::channel(256);
    let (out_tx, out_rx) = mpsc::channel(256);
    let (dead_tx, dead_rx) = mpsc::channel(256);
    let spec = ConsumeSpec {
        topic: from.into(),
        group: format!("{from}.{}", stage.name()),
        stage: stage.name().into(),
    };
    let link = spawn_consumer_link(
        kafka,
        spec,
        json_decoder::<T::Input>(),
        in_tx,
        dead_tx.clone(),
        shutdown.clone(),
    )
    .expect("consumer link");
    tokio::spawn(async move { link.join().await });
    tokio::spawn(run_transform(
        Arc::new(stage),
        in_rx,
        out_tx,
        dead_tx,
        workers,
    ));
    tokio::spawn(run_producer_link(
        producer.clone(),
        ProduceSpec::<T::Output>::json(to, kafka),
        out_rx,
    ));
    tokio::spawn(run_producer_link(
        producer.clone(),
        ProduceSpec::<DeadLetter>::json(format!("{to}.dlq"), kafka),
        dead_rx,
    ));
}
