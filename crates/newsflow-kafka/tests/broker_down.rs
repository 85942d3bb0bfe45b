//! (d) The broker goes away for a while (librdkafka's mock cluster, in
//! process): a consumer link -> producer link stage waits, resumes, and
//! loses nothing; its committed offsets cover every message.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsflow_kafka::rdkafka::consumer::{BaseConsumer, Consumer};
use newsflow_kafka::rdkafka::mocking::MockCluster;
use newsflow_kafka::rdkafka::producer::{FutureProducer, FutureRecord};
use newsflow_kafka::rdkafka::util::Timeout;
use newsflow_kafka::rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
use newsflow_kafka::{
    create_link_producer, create_producer, json_decoder, run_producer_link, spawn_consumer_link,
    ConsumeSpec, KafkaConfig, KafkaPayload, ProduceSpec,
};
use newsflow_model::RawDocument;
use newsflow_runtime::CancellationToken;
use tokio::sync::mpsc;

const PARTITIONS: i32 = 2;

async fn produce(producer: &FutureProducer, topic: &str, range: std::ops::Range<usize>) {
    for n in range {
        let doc = RawDocument::new(
            "mock",
            format!("doc-{n}"),
            format!("story {n}").into_bytes(),
        );
        let payload = doc.to_json().expect("json");
        producer
            .send(
                FutureRecord::to(topic).key(&doc.key()).payload(&payload),
                Timeout::After(Duration::from_secs(30)),
            )
            .await
            .map_err(|(e, _)| e)
            .expect("produce input");
    }
}

/// Every distinct origin in `topic`, read without a group.
fn read_origins(bootstrap: &str, topic: &str, expected: usize) -> HashSet<String> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", "reader")
        .create()
        .expect("reader");
    let mut list = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        list.add_partition_offset(topic, p, Offset::Beginning)
            .expect("partition");
    }
    consumer.assign(&list).expect("assign");
    let mut seen = HashSet::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen.len() < expected && Instant::now() < deadline {
        if let Some(Ok(message)) = consumer.poll(Duration::from_millis(200)) {
            let doc: RawDocument =
                serde_json::from_slice(message.payload().expect("payload")).expect("doc");
            seen.insert(doc.origin);
        }
    }
    seen
}

fn committed_total(bootstrap: &str, group: &str, topic: &str) -> i64 {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .create()
        .expect("consumer");
    let mut list = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        list.add_partition(topic, p);
    }
    let committed = consumer
        .committed_offsets(list, Duration::from_secs(10))
        .expect("committed");
    committed
        .elements()
        .iter()
        .map(|e| match e.offset() {
            Offset::Offset(o) => o,
            _ => 0,
        })
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stage_waits_while_the_broker_is_down_and_loses_nothing() {
    const BEFORE: usize = 500;
    const AFTER: usize = 500;
    let cluster = MockCluster::new(1).expect("mock cluster");
    for topic in ["in", "out", "dlq"] {
        cluster.create_topic(topic, PARTITIONS, 1).expect("topic");
    }
    let bootstrap = cluster.bootstrap_servers();
    let mut kafka = KafkaConfig::new(bootstrap.clone());
    kafka.consumer.session_timeout_ms = 6_000;
    kafka.consumer.commit_interval_ms = 100;
    kafka.consumer.max_in_flight_per_partition = 50;
    kafka.producer.linger_ms = 1;
    kafka.producer.enable_idempotence = false;
    let producer = create_producer(&kafka).expect("producer");
    produce(&producer, "in", 0..BEFORE).await;

    // A pass-through stage: consume "in", count, produce to "out".
    let shutdown = CancellationToken::new();
    let (in_tx, mut in_rx) = mpsc::channel(16);
    let (out_tx, out_rx) = mpsc::channel(16);
    let (dead_tx, _dead_rx) = mpsc::channel(16);
    let spec = ConsumeSpec {
        topic: "in".into(),
        group: "stage".into(),
        stage: "test".into(),
    };
    let link = spawn_consumer_link(
        &kafka,
        spec,
        json_decoder::<RawDocument>(),
        in_tx,
        dead_tx,
        shutdown.clone(),
    )
    .expect("consumer link");
    let forwarded = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&forwarded);
    let forward = tokio::spawn(async move {
        while let Some(envelope) = in_rx.recv().await {
            counter.fetch_add(1, Ordering::Relaxed);
            if out_tx.send(envelope).await.is_err() {
                break;
            }
        }
    });
    let link_producer = create_link_producer(&kafka).expect("link producer");
    let sink = tokio::spawn(run_producer_link(
        link_producer,
        ProduceSpec::<RawDocument>::json("out", &kafka),
        out_rx,
    ));

    let deadline = Instant::now() + Duration::from_secs(60);
    while forwarded.load(Ordering::Relaxed) < 100 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    cluster.broker_down(1).expect("broker down");
    let at_down = forwarded.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(4)).await;
    cluster.broker_up(1).expect("broker up");
    println!("broker down for 4 s after {at_down} forwarded");
    produce(&producer, "in", BEFORE..BEFORE + AFTER).await;

    let origins = tokio::task::spawn_blocking({
        let bootstrap = bootstrap.clone();
        move || read_origins(&bootstrap, "out", BEFORE + AFTER)
    })
    .await
    .expect("reader");
    let missing: Vec<usize> = (0..BEFORE + AFTER)
        .filter(|n| !origins.contains(&format!("doc-{n}")))
        .collect();
    assert!(
        missing.is_empty(),
        "{} lost, first {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );

    // Every input offset gets committed once its output is acknowledged.
    let total = (BEFORE + AFTER) as i64;
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut committed = 0;
    while Instant::now() < deadline {
        committed = tokio::task::spawn_blocking({
            let bootstrap = bootstrap.clone();
            move || committed_total(&bootstrap, "stage", "in")
        })
        .await
        .expect("committed");
        if committed == total {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(committed, total, "committed offsets cover every message");

    shutdown.cancel();
    let report = link.join().await.expect("consumer report");
    forward.await.expect("forward");
    let produced = sink.await.expect("producer link");
    // At least once: a session lost while the broker was away replays
    // what was not committed yet.
    assert!(report.consumed as usize >= BEFORE + AFTER, "{report:?}");
    assert_eq!(produced.failed, 0);
    assert_eq!(report.unfinished, 0);
}
