//! The committed offset never skips an unfinished message: with message 0
//! still in flight, finishing 1 and 2 commits nothing; finishing 0 commits 3.

use std::time::{Duration, Instant};

use newsflow_kafka::rdkafka::consumer::{BaseConsumer, Consumer};
use newsflow_kafka::rdkafka::mocking::MockCluster;
use newsflow_kafka::rdkafka::producer::FutureRecord;
use newsflow_kafka::rdkafka::util::Timeout;
use newsflow_kafka::rdkafka::{ClientConfig, Offset, TopicPartitionList};
use newsflow_kafka::{
    create_producer, json_decoder, spawn_consumer_link, ConsumeSpec, KafkaConfig,
};
use newsflow_model::RawDocument;
use newsflow_runtime::CancellationToken;
use tokio::sync::mpsc;

fn committed(bootstrap: &str) -> Option<i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", "gap")
        .create()
        .expect("consumer");
    let mut list = TopicPartitionList::new();
    list.add_partition("in", 0);
    let list = consumer
        .committed_offsets(list, Duration::from_secs(10))
        .expect("committed");
    match list.elements()[0].offset() {
        Offset::Offset(o) => Some(o),
        _ => None,
    }
}

async fn committed_after_a_while(bootstrap: &str) -> Option<i64> {
    // Several commit intervals.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let bootstrap = bootstrap.to_owned();
    tokio::task::spawn_blocking(move || committed(&bootstrap))
        .await
        .expect("join")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commits_stop_at_the_first_unfinished_message() {
    let cluster = MockCluster::new(1).expect("mock");
    cluster.create_topic("in", 1, 1).expect("topic");
    let bootstrap = cluster.bootstrap_servers();
    let mut kafka = KafkaConfig::new(bootstrap.clone());
    kafka.consumer.commit_interval_ms = 50;
    kafka.producer.enable_idempotence = false;
    let producer = create_producer(&kafka).expect("producer");
    for n in 0..3 {
        let doc = RawDocument::new("t", format!("d{n}"), b"x".to_vec());
        let payload = serde_json::to_vec(&doc).expect("json");
        producer
            .send(
                FutureRecord::to("in").key("k").payload(&payload),
                Timeout::After(Duration::from_secs(10)),
            )
            .await
            .map_err(|(e, _)| e)
            .expect("produce");
    }
    let (tx, mut rx) = mpsc::channel(8);
    let (dead_tx, _dead_rx) = mpsc::channel(8);
    let shutdown = CancellationToken::new();
    let spec = ConsumeSpec {
        topic: "in".into(),
        group: "gap".into(),
        stage: "test".into(),
    };
    let link = spawn_consumer_link(
        &kafka,
        spec,
        json_decoder::<RawDocument>(),
        tx,
        dead_tx,
        shutdown.clone(),
    )
    .expect("link");
    let mut held = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while held.len() < 3 && Instant::now() < deadline {
        if let Ok(Some(envelope)) =
            tokio::time::timeout(Duration::from_millis(200), rx.recv()).await
        {
            held.push(envelope);
        }
    }
    assert_eq!(held.len(), 3, "consumed the three messages");
    let first = held.remove(0);
    assert_eq!(first.record.origin, "d0");
    held.clear(); // messages 1 and 2 finished; 0 still in flight
    assert_eq!(
        committed_after_a_while(&bootstrap).await,
        None,
        "no commit past the gap at 0"
    );
    drop(first);
    assert_eq!(
        committed_after_a_while(&bootstrap).await,
        Some(3),
        "next offset to read"
    );
    shutdown.cancel();
    let report = link.join().await.expect("report");
    assert_eq!((report.consumed, report.unfinished), (3, 0));
}
