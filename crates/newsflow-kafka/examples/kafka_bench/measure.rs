//! Loading the input topic, reading an output topic back, and latency
//! percentiles from the messages' create timestamps.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use newsflow_kafka::payload::{header_value, headers_for, CONTENT_TYPE_JSON, HEADER_TRACE_ID};
use newsflow_kafka::rdkafka::consumer::{BaseConsumer, Consumer};
use newsflow_kafka::rdkafka::producer::{FutureProducer, FutureRecord};
use newsflow_kafka::rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
use newsflow_kafka::KafkaPayload;

use crate::workload::story;
use crate::PARTITIONS;

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Produces stories `range` to `topic` (one every `pace` if given) and
/// waits for every delivery.
pub async fn load(
    producer: &FutureProducer,
    topic: &str,
    range: std::ops::Range<usize>,
    pace: Option<Duration>,
) {
    let mut pending = Vec::with_capacity(range.len());
    let started = Instant::now();
    for (i, n) in range.enumerate() {
        let doc = story(n);
        let payload = doc.to_json().expect("json");
        let record = FutureRecord::to(topic)
            .key(&doc.origin)
            .payload(&payload)
            .headers(headers_for(&doc, CONTENT_TYPE_JSON))
            .timestamp(now_ms());
        pending.push(
            producer
                .send_result(record)
                .map_err(|(e, _)| e)
                .expect("enqueue"),
        );
        if let Some(pace) = pace {
            // Against the start, not the last message: a steady rate.
            let due = started + pace * (i as u32 + 1);
            tokio::time::sleep_until(due.into()).await;
        }
    }
    for delivery in pending {
        delivery
            .await
            .expect("delivery")
            .map_err(|(e, _)| e)
            .expect("delivered");
    }
}

/// Reads `topic` from the beginning until `expected` messages have come:
/// (trace id -> create timestamp in ms, when the last one arrived).
pub fn read_back(brokers: &str, topic: &str, expected: usize) -> (HashMap<String, i64>, Instant) {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", "bench-reader")
        .create()
        .expect("reader");
    let mut list = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        list.add_partition_offset(topic, p, Offset::Beginning)
            .expect("partition");
    }
    consumer.assign(&list).expect("assign");
    let mut seen = HashMap::with_capacity(expected);
    let mut last = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(600);
    while seen.len() < expected && Instant::now() < deadline {
        if let Some(Ok(message)) = consumer.poll(Duration::from_millis(100)) {
            last = Instant::now();
            let trace = header_value(message.headers(), HEADER_TRACE_ID).expect("trace_id");
            seen.insert(trace, message.timestamp().to_millis().unwrap_or(0));
        }
    }
    assert_eq!(seen.len(), expected, "{topic}: records missing after 600 s");
    (seen, last)
}

/// p50 and p99 of `to - from` over the traces both saw, in ms.
pub fn hop(from: &HashMap<String, i64>, to: &HashMap<String, i64>) -> (i64, i64) {
    let mut latencies: Vec<i64> = to
        .iter()
        .filter_map(|(trace, t)| Some(t - from.get(trace)?))
        .collect();
    latencies.sort_unstable();
    let at = |p: f64| {
        latencies
            .get(((latencies.len().saturating_sub(1)) as f64 * p).round() as usize)
            .copied()
            .unwrap_or(0)
    };
    (at(0.5), at(0.99))
}

/// Only the entries of `all` whose trace is one of stories `range`.
pub fn only(all: &HashMap<String, i64>, range: std::ops::Range<usize>) -> HashMap<String, i64> {
    range
        .filter_map(|n| {
            let trace = story(n).trace_id();
            all.get(&trace).map(|t| (trace, *t))
        })
        .collect()
}

/// CPU seconds (user + system) this process has used so far, from
/// /proc/self/stat (Linux; 0 elsewhere).
pub fn cpu_seconds() -> f64 {
    process_cpu_seconds("self").unwrap_or(0.0)
}

/// CPU seconds (user + system) of the process `pid` ("self" for this one)
/// so far; None where /proc cannot tell (not Linux, process gone).
pub fn process_cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the parenthesised command name; utime and stime are
    // the 14th and 15th fields of the line, in clock ticks (100 per second).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) / 100.0)
}
