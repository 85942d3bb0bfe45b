//! The producer link settles each input's ack token from the delivery
//! report (librdkafka's mock cluster, in process): released when the broker
//! has the message, failed (never committed) when it cannot be delivered.

use std::time::Duration;

use newsflow_kafka::rdkafka::mocking::MockCluster;
use newsflow_kafka::{create_link_producer, run_producer_link, KafkaConfig, ProduceSpec};
use newsflow_model::RawDocument;
use newsflow_runtime::{AckTracker, Envelope};
use tokio::sync::mpsc;

fn doc(n: u64) -> RawDocument {
    RawDocument::new(
        "mock",
        format!("doc-{n}"),
        format!("story {n}").into_bytes(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acks_follow_delivery_reports() {
    let cluster = MockCluster::new(1).expect("mock cluster");
    cluster.create_topic("out", 2, 1).expect("topic");
    let mut kafka = KafkaConfig::new(cluster.bootstrap_servers());
    kafka.producer.linger_ms = 1;
    kafka.producer.enable_idempotence = false;
    kafka.producer.delivery_timeout_ms = 1_000;
    // Fewer deliveries in flight than records: the link must wait for room.
    kafka.producer.max_pending = 3;
    let producer = create_link_producer(&kafka).expect("link producer");
    let tracker = AckTracker::<&str, u64>::new(100);

    // Delivered: every token released, the stream committed to the end.
    let (tx, rx) = mpsc::channel(4);
    let link = tokio::spawn(run_producer_link(
        producer.clone(),
        ProduceSpec::<RawDocument>::json("out", &kafka),
        rx,
    ));
    for n in 0..20 {
        let token = tracker.register("ok", n).await;
        tx.send(Envelope::new(doc(n), token)).await.expect("send");
    }
    drop(tx);
    let report = link.await.expect("link");
    assert_eq!((report.delivered, report.failed), (20, 0));
    let committed = tracker.take_committed();
    assert_eq!(committed.len(), 1);
    assert_eq!(committed[0].position, 19);
    assert_eq!(tracker.failed_units(), 0);

    // Broker gone past the delivery timeout: every token failed, nothing
    // of that stream committed.
    cluster.broker_down(1).expect("broker down");
    let (tx, rx) = mpsc::channel(4);
    let link = tokio::spawn(run_producer_link(
        producer.clone(),
        ProduceSpec::<RawDocument>::json("out", &kafka),
        rx,
    ));
    for n in 0..5 {
        let token = tracker.register("down", n).await;
        tx.send(Envelope::new(doc(100 + n), token))
            .await
            .expect("send");
    }
    drop(tx);
    let report = tokio::time::timeout(Duration::from_secs(30), link)
        .await
        .expect("link settles every delivery")
        .expect("link");
    assert_eq!((report.delivered, report.failed), (0, 5));
    assert!(
        tracker.take_committed().is_empty(),
        "failed units commit nothing"
    );
    assert_eq!(tracker.failed_units(), 5);
    assert_eq!(tracker.pending_in(&"down"), 5);
    // librdkafka drops its own copies of the failed messages shortly after
    // their reports (later under load): they must not linger.
    let mut in_flight = producer.in_flight_count();
    for _ in 0..100 {
        if in_flight == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        in_flight = producer.in_flight_count();
    }
    assert_eq!(in_flight, 0, "librdkafka still holds failed messages");
}
