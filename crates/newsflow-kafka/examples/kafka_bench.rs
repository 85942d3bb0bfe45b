//! Throughput and latency of the parse and enrich stages over Kafka, next
//! to rdkafka alone on the same broker in the same run.
//!
//!   eval "$(tests/kafka/start-broker.sh)"
//!   cargo run --release -p newsflow-kafka --example kafka_bench -- [RECORDS]
//!
//! 1. rdkafka alone: a pass-through stage (consume a topic, produce every
//!    message to another, await deliveries), no tracking, no work.
//! 2. newsflow: a parse stage and an enrich stage (consumer link ->
//!    run_transform -> producer link each, with ack tracking and offset
//!    commits), joined by topics, over the same number of the same raw
//!    documents. Ratio = (2) / (1).
//! 3. Latency: documents produced at a steady rate while both stages run;
//!    per-hop latency from the messages' create timestamps, matched by the
//!    trace_id header.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_kafka::payload::{header_value, headers_for, CONTENT_TYPE_JSON, HEADER_TRACE_ID};
use newsflow_kafka::rdkafka::consumer::{BaseConsumer, Consumer};
use newsflow_kafka::rdkafka::producer::{FutureProducer, FutureRecord};
use newsflow_kafka::rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
use newsflow_kafka::{
    create_producer, ensure_topics, json_decoder, run_producer_link, spawn_consumer_link,
    ConsumeSpec, KafkaConfig, KafkaPayload, ProduceSpec,
};
use newsflow_model::{Article, DeadLetter, EnrichedArticle, RawDocument};
use newsflow_parse::ParseLimits;
use newsflow_runtime::{run_transform, CancellationToken, Transform, TransformOutput};
use tokio::sync::mpsc;

const PARTITIONS: i32 = 4;

struct Parse(ParseLimits);
impl Transform for Parse {
    type Input = RawDocument;
    type Output = Article;
    fn name(&self) -> &'static str {
        "parse"
    }
    fn apply(&self, doc: RawDocument) -> TransformOutput<Article> {
        match newsflow_parse::parse(&doc, &self.0) {
            Ok(articles) => TransformOutput::records(articles),
            Err(e) => {
                TransformOutput::dead_letter(DeadLetter::for_document("parse", e.to_string(), &doc))
            }
        }
    }
}

struct Enrich(EnrichChain);
impl Transform for Enrich {
    type Input = Article;
    type Output = EnrichedArticle;
    fn name(&self) -> &'static str {
        "enrich"
    }
    fn apply(&self, article: Article) -> TransformOutput<EnrichedArticle> {
        TransformOutput::records(vec![self.0.enrich(article)])
    }
}

fn story(n: usize) -> RawDocument {
    let text = format!(
        "Harbour officials in Port Elwen said on Monday that cargo volumes rose {n} percent in May, \
         the strongest month since the terminal reopened. \"We expect more ships next year,\" said \
         Mara Lindqvist, the port director, adding that a new crane would arrive before the"
    );
    let mut doc = RawDocument::new("bench", format!("bench-{n}"), text.into_bytes());
    doc.media_type = Some("text/plain".into());
    doc
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

async fn preload(
    producer: &FutureProducer,
    topic: &str,
    range: std::ops::Range<usize>,
    pace: Option<Duration>,
) {
    let mut pending = Vec::new();
    for n in range {
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
            tokio::time::sleep(pace).await;
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

/// Reads `topic` from the beginning until `expected` messages:
/// (trace id -> create timestamp ms, when the last one arrived).
fn read_all(brokers: &str, topic: &str, expected: usize) -> (HashMap<String, i64>, Instant) {
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
    let mut seen = HashMap::new();
    let mut count = 0;
    let mut last = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(600);
    while count < expected && Instant::now() < deadline {
        if let Some(Ok(message)) = consumer.poll(Duration::from_millis(100)) {
            count += 1;
            last = Instant::now();
            let trace = header_value(message.headers(), HEADER_TRACE_ID).unwrap_or_else(|| {
                String::from_utf8_lossy(message.key().unwrap_or_default()).into_owned()
            });
            seen.insert(trace, message.timestamp().to_millis().unwrap_or(0));
        }
    }
    (seen, last)
}

/// rdkafka alone: consume `from`, produce each message to `to`.
fn pass_through(
    brokers: &str,
    from: &str,
    to: &str,
    expected: usize,
    producer: FutureProducer,
    handle: tokio::runtime::Handle,
) {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", format!("{from}.copy"))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "true")
        .set("session.timeout.ms", "6000")
        .create()
        .expect("consumer");
    consumer.subscribe(&[from]).expect("subscribe");
    let mut pending = Vec::with_capacity(expected);
    while pending.len() < expected {
        if let Some(Ok(message)) = consumer.poll(Duration::from_millis(100)) {
            let record = FutureRecord::to(to)
                .key(message.key().unwrap_or_default())
                .payload(message.payload().unwrap_or_default());
            pending.push(
                producer
                    .send_result(record)
                    .map_err(|(e, _)| e)
                    .expect("enqueue"),
            );
        }
    }
    handle.block_on(async {
        for delivery in pending {
            delivery
                .await
                .expect("delivery")
                .map_err(|(e, _)| e)
                .expect("delivered");
        }
    });
}

fn spawn_stage<T: Transform>(
    kafka: &KafkaConfig,
    producer: &FutureProducer,
    stage: T,
    from: &str,
    to: &str,
    shutdown: &CancellationToken,
) where
    T::Input: serde::de::DeserializeOwned,
    T::Output: KafkaPayload,
{
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
    tokio::spawn(run_transform(Arc::new(stage), in_rx, out_tx, dead_tx, 2));
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

fn percentile(sorted: &[i64], p: f64) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn hop(from: &HashMap<String, i64>, to: &HashMap<String, i64>) -> (i64, i64, usize) {
    let mut latencies: Vec<i64> = to
        .iter()
        .filter_map(|(trace, t)| Some(t - from.get(trace)?))
        .collect();
    latencies.sort_unstable();
    (
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.len(),
    )
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let records: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let run = format!("bench{}", now_ms() % 1_000_000_000);
    let topic = |name: &str| format!("{run}.{name}");
    let mut kafka = KafkaConfig::new(brokers.clone());
    kafka.consumer.session_timeout_ms = 6_000;
    kafka.group_prefix = run.clone();
    let names: Vec<String> = [
        "base.in",
        "base.out",
        "base2.in",
        "base2.mid",
        "base2.out",
        "raw",
        "articles",
        "enriched",
        "articles.dlq",
        "enriched.dlq",
    ]
    .iter()
    .map(|n| topic(n))
    .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    ensure_topics(&kafka, &refs, PARTITIONS, 1)
        .await
        .expect("topics");
    let producer = create_producer(&kafka).expect("producer");
    println!("broker {brokers}, {records} records, {PARTITIONS} partitions per topic");

    // Consumers join their groups first (about half the session timeout);
    // the clock then runs from the first produce to the last record read
    // back from the output topic.
    let join_wait = Duration::from_secs(5);

    // 1. rdkafka alone.
    let handle = tokio::runtime::Handle::current();
    let (b, from, to, p) = (
        brokers.clone(),
        topic("base.in"),
        topic("base.out"),
        producer.clone(),
    );
    let copy =
        tokio::task::spawn_blocking(move || pass_through(&b, &from, &to, records, p, handle));
    tokio::time::sleep(join_wait).await;
    let started = Instant::now();
    let (b, t) = (brokers.clone(), topic("base.out"));
    let reader = tokio::task::spawn_blocking(move || read_all(&b, &t, records));
    preload(&producer, &topic("base.in"), 0..records, None).await;
    let (_, last) = reader.await.expect("read");
    copy.await.expect("copy");
    let base_secs = (last - started).as_secs_f64();
    let base_rate = records as f64 / base_secs;
    println!("rdkafka alone, 1 hop (produce, copy):               {base_rate:>8.0} records/s ({base_secs:.2} s)");

    // 1b. rdkafka alone over the same topology as the stages: two hops.
    let mut copies = Vec::new();
    for (from, to) in [("base2.in", "base2.mid"), ("base2.mid", "base2.out")] {
        let handle = tokio::runtime::Handle::current();
        let (b, from, to, p) = (brokers.clone(), topic(from), topic(to), producer.clone());
        copies.push(tokio::task::spawn_blocking(move || {
            pass_through(&b, &from, &to, records, p, handle)
        }));
    }
    tokio::time::sleep(join_wait).await;
    let started = Instant::now();
    let (b, t) = (brokers.clone(), topic("base2.out"));
    let reader = tokio::task::spawn_blocking(move || read_all(&b, &t, records));
    preload(&producer, &topic("base2.in"), 0..records, None).await;
    let (_, last) = reader.await.expect("read");
    for copy in copies {
        copy.await.expect("copy");
    }
    let base2_secs = (last - started).as_secs_f64();
    let base2_rate = records as f64 / base2_secs;
    println!("rdkafka alone, 2 hops (produce, copy, copy):        {base2_rate:>8.0} records/s ({base2_secs:.2} s)");

    // 2. parse + enrich, two hops over the broker.
    let shutdown = CancellationToken::new();
    spawn_stage(
        &kafka,
        &producer,
        Parse(ParseLimits::default()),
        &topic("raw"),
        &topic("articles"),
        &shutdown,
    );
    spawn_stage(
        &kafka,
        &producer,
        Enrich(EnrichChain::from_config(&EnrichConfig::default())),
        &topic("articles"),
        &topic("enriched"),
        &shutdown,
    );
    tokio::time::sleep(join_wait).await;
    let started = Instant::now();
    let (b, t) = (brokers.clone(), topic("enriched"));
    let reader = tokio::task::spawn_blocking(move || read_all(&b, &t, records));
    preload(&producer, &topic("raw"), 0..records, None).await;
    let (_, last) = reader.await.expect("read");
    let ours_secs = (last - started).as_secs_f64();
    let ours_rate = records as f64 / ours_secs;
    println!("newsflow (produce, parse stage, enrich stage):      {ours_rate:>8.0} records/s ({ours_secs:.2} s)");
    println!(
        "ratio newsflow / rdkafka alone over the same 2 hops: {:.0}% (vs 1 hop: {:.0}%)",
        100.0 * ours_rate / base2_rate,
        100.0 * ours_rate / base_rate
    );

    // What parse + enrich cost without Kafka, on one thread: the ceiling
    // of the stages on this machine (the links add the rest).
    let parse = Parse(ParseLimits::default());
    let enrich = Enrich(EnrichChain::from_config(&EnrichConfig::default()));
    let started = Instant::now();
    for n in 0..records.min(5_000) {
        for article in parse.apply(story(n)).records {
            std::hint::black_box(enrich.apply(article));
        }
    }
    let cpu_rate = records.min(5_000) as f64 / started.elapsed().as_secs_f64();
    println!("parse + enrich alone, no Kafka, 1 thread:           {cpu_rate:>8.0} records/s");

    // 3. Latency at a steady rate below saturation.
    let latency_records = 2_000.min(records);
    let pace = Duration::from_micros(1_000);
    preload(
        &producer,
        &topic("raw"),
        records..records + latency_records,
        Some(pace),
    )
    .await;
    let total = records + latency_records;
    let read = |name: String| {
        let b = brokers.clone();
        tokio::task::spawn_blocking(move || read_all(&b, &name, total).0)
    };
    let raw = read(topic("raw")).await.expect("raw");
    let articles = read(topic("articles")).await.expect("articles");
    let enriched = read(topic("enriched")).await.expect("enriched");
    let fresh = |m: &HashMap<String, i64>| -> HashMap<String, i64> {
        let traces: std::collections::HashSet<String> =
            (records..total).map(|n| story(n).trace_id()).collect();
        m.iter()
            .filter(|(k, _)| traces.contains(*k))
            .map(|(k, v)| (k.clone(), *v))
            .collect()
    };
    let (raw, articles, enriched) = (fresh(&raw), fresh(&articles), fresh(&enriched));
    let (p50, p99, n) = hop(&raw, &articles);
    println!("latency raw -> articles (parse stage):      p50 {p50} ms, p99 {p99} ms ({n} records at ~1,000/s)");
    let (p50, p99, n) = hop(&articles, &enriched);
    println!(
        "latency articles -> enriched (enrich stage): p50 {p50} ms, p99 {p99} ms ({n} records)"
    );
    let (p50, p99, n) = hop(&raw, &enriched);
    println!(
        "latency raw -> enriched (both stages):      p50 {p50} ms, p99 {p99} ms ({n} records)"
    );
    shutdown.cancel();
    tokio::time::sleep(Duration::from_millis(500)).await;
}
