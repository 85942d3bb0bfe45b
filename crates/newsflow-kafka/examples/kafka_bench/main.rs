//! Throughput and latency of newsflow's parse and enrich stages over Kafka,
//! next to rdkafka alone on the same broker, in the same run.
//!
//!   eval "$(tests/kafka/start-broker.sh)"
//!   cargo run --release -p newsflow-kafka --example kafka_bench -- [RECORDS] [--workers N]
//!   tests/kafka/stop-broker.sh
//!
//! Every pipeline is two hops over the broker (`in` -> `mid` -> `out`,
//! 4 partitions each), fed the same RECORDS invented wire stories (~2 KB),
//! with the same producer and consumer settings (`KafkaConfig` defaults):
//!
//! - **rdkafka alone**: two copy processes' worth of consume + produce
//!   (key, payload, headers), no decoding and no work. Measured before and
//!   after the newsflow pipelines; the mean is the reference.
//! - **newsflow, configured chain**: parse stage (consumer link ->
//!   run_transform -> producer link, ack tracking, offset commits) then
//!   enrich stage with `EnrichConfig::default()`.
//! - **newsflow, enrichment disabled**: the same with
//!   `EnrichConfig { disabled: true, .. }`: what the links cost when the
//!   stage work is small.
//!
//! records/s = RECORDS / (first produce to `in` .. last record read back
//! from `out`); ratio = that / rdkafka alone. Latency: then LATENCY_RECORDS
//! more at a steady rate below saturation, per hop from the messages'
//! create timestamps (matched by the `trace_id` header). The "stage work
//! alone" lines give the CPU ceiling of the stages on one thread without
//! Kafka, over as many records as each pipeline gets (the near-duplicate
//! index then holds as many articles as in the pipeline; override with
//! KAFKA_BENCH_STAGE_RECORDS, print only them with KAFKA_BENCH_STAGES_ONLY=1):
//! when a pipeline's rate is near `workers` x that ceiling (on a
//! machine with that many free cores), the stage work is the limit, not
//! the links.

mod measure;
mod pipelines;
mod workload;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsflow_kafka::{
    create_link_producer, create_producer, ensure_topics, KafkaConfig, KafkaPayload,
};
use newsflow_parse::ParseLimits;
use newsflow_runtime::{CancellationToken, Transform};

use measure::{cpu_seconds, hop, load, now_ms, only, process_cpu_seconds, read_back};
use workload::{story, Enrich, Parse};

pub const PARTITIONS: i32 = 4;
const LATENCY_RECORDS: usize = 1_000;
const LATENCY_RATE_PER_SEC: u32 = 250;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Rdkafka,
    Chain,
    NoEnrich,
}

struct Pipeline {
    name: &'static str,
    label: &'static str,
    kind: Kind,
}

const PIPELINES: [Pipeline; 4] = [
    Pipeline {
        name: "copy-a",
        label: "rdkafka alone (before)",
        kind: Kind::Rdkafka,
    },
    Pipeline {
        name: "chain",
        label: "newsflow, configured chain",
        kind: Kind::Chain,
    },
    Pipeline {
        name: "plain",
        label: "newsflow, enrichment disabled",
        kind: Kind::NoEnrich,
    },
    Pipeline {
        name: "copy-b",
        label: "rdkafka alone (after)",
        kind: Kind::Rdkafka,
    },
];

fn arg_after(flag: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == flag)?;
    args.get(at + 1)?.parse().ok()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let records: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let workers = arg_after("--workers").unwrap_or(2);
    let run = format!("bench{}", now_ms() % 1_000_000_000);
    let mut kafka = KafkaConfig::new(brokers.clone());
    kafka.consumer.session_timeout_ms = 6_000;
    // Extra librdkafka settings for every client, e.g. "fetch.wait.max.ms=10".
    for option in std::env::var("KAFKA_BENCH_OPTIONS")
        .unwrap_or_default()
        .split(',')
    {
        if let Some((key, value)) = option.split_once('=') {
            kafka.options.insert(key.trim().into(), value.trim().into());
        }
    }
    let topic = |p: &Pipeline, hop: &str| format!("{run}.{}.{hop}", p.name);
    let mut names = Vec::new();
    for p in &PIPELINES {
        for hop in ["in", "mid", "out", "mid.dlq", "out.dlq"] {
            names.push(topic(p, hop));
        }
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    ensure_topics(&kafka, &refs, PARTITIONS, 1)
        .await
        .expect("topics");
    // The loader's own producer; the stages share one link producer.
    let producer = create_producer(&kafka).expect("producer");
    let link_producer = create_link_producer(&kafka).expect("link producer");
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "broker {brokers}; {records} records (+{LATENCY_RECORDS} for latency) per pipeline; \
         {PARTITIONS} partitions; {workers} stage workers; {cores} cores"
    );
    // As many records as each pipeline gets: stateful stages (the
    // near-duplicate index) cost what they cost at that fill.
    let stage_records = std::env::var("KAFKA_BENCH_STAGE_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(records);
    let (ceiling, sizes) = if std::env::var("KAFKA_BENCH_ONLY").is_ok() {
        (Vec::new(), [0; 4])
    } else {
        stage_work_alone(stage_records)
    };
    // KAFKA_BENCH_STAGES_ONLY: the stage work alone lines, no Kafka.
    if std::env::var("KAFKA_BENCH_STAGES_ONLY").is_ok() {
        print_stage_work(&ceiling, sizes);
        return;
    }

    // Start every pipeline, then give the consumer groups time to form
    // (about half the session timeout on tansu).
    let stop = Arc::new(AtomicBool::new(false));
    let shutdown = CancellationToken::new();
    let mut copies = Vec::new();
    for p in &PIPELINES {
        let (input, mid, out) = (topic(p, "in"), topic(p, "mid"), topic(p, "out"));
        match p.kind {
            Kind::Rdkafka => {
                for (from, to) in [(input, mid.clone()), (mid, out)] {
                    let (k, s) = (kafka.clone(), Arc::clone(&stop));
                    copies.push(std::thread::spawn(move || {
                        pipelines::copy(&k, &from, &to, s)
                    }));
                }
            }
            Kind::Chain | Kind::NoEnrich => {
                let parse = Parse(ParseLimits::default());
                pipelines::spawn_stage(
                    &kafka,
                    &link_producer,
                    parse,
                    (&input, &mid),
                    workers,
                    &shutdown,
                );
                let enrich = if p.kind == Kind::Chain {
                    Enrich::configured()
                } else {
                    Enrich::disabled()
                };
                pipelines::spawn_stage(
                    &kafka,
                    &link_producer,
                    enrich,
                    (&mid, &out),
                    workers,
                    &shutdown,
                );
            }
        }
    }
    tokio::time::sleep(Duration::from_secs(6)).await;

    // The broker's own CPU, when its pid is known (start-broker.sh exports
    // it): on a small machine the broker competes with the stages for it.
    let broker_pid = std::env::var("KAFKA_BROKER_PID").ok();
    let broker_cpu = || broker_pid.as_deref().and_then(process_cpu_seconds);
    let mut rates = Vec::new();
    let mut cpu_us = Vec::new();
    let mut broker_us = Vec::new();
    let selected = std::env::var("KAFKA_BENCH_ONLY").ok();
    for p in &PIPELINES {
        if selected.as_deref().is_some_and(|only| only != p.name) {
            rates.push(f64::NAN);
            cpu_us.push(f64::NAN);
            broker_us.push(f64::NAN);
            continue;
        }
        let cpu = cpu_seconds();
        let broker = broker_cpu();
        let started = Instant::now();
        let (b, t) = (brokers.clone(), topic(p, "out"));
        let reader = tokio::task::spawn_blocking(move || read_back(&b, &t, records));
        load(&producer, &topic(p, "in"), 0..records, None).await;
        let (_, last) = reader.await.expect("reader");
        let secs = (last - started).as_secs_f64();
        rates.push(records as f64 / secs);
        cpu_us.push((cpu_seconds() - cpu) * 1e6 / records as f64);
        broker_us.push(match (broker, broker_cpu()) {
            (Some(before), Some(after)) => (after - before) * 1e6 / records as f64,
            _ => f64::NAN,
        });
        println!(
            "  {:<32} {:>8.0} records/s ({secs:.2} s)",
            p.label,
            records as f64 / secs
        );
    }
    let reference = (rates[0] + rates[3]) / 2.0;

    // Latency at a steady rate, one pipeline at a time.
    let total = records + LATENCY_RECORDS;
    let pace = Duration::from_secs(1) / LATENCY_RATE_PER_SEC;
    let mut latencies = Vec::new();
    for p in &PIPELINES[..3] {
        if selected.as_deref().is_some_and(|only| only != p.name) {
            latencies.push([(0, 0); 3]);
            continue;
        }
        load(&producer, &topic(p, "in"), records..total, Some(pace)).await;
        let mut seen = Vec::new();
        for hop in ["in", "mid", "out"] {
            let (b, t) = (brokers.clone(), topic(p, hop));
            let all = tokio::task::spawn_blocking(move || read_back(&b, &t, total).0);
            seen.push(only(&all.await.expect("reader"), records..total));
        }
        latencies.push([
            hop(&seen[0], &seen[1]),
            hop(&seen[1], &seen[2]),
            hop(&seen[0], &seen[2]),
        ]);
    }
    stop.store(true, Ordering::Relaxed);
    shutdown.cancel();
    for copy in copies {
        copy.join().expect("copy thread");
    }

    println!("\nrecords/s over 2 hops; ratio = / rdkafka alone (mean of before and after, {reference:.0}/s)");
    println!(
        "latency ms at {LATENCY_RATE_PER_SEC}/s, p50/p99: in->mid (parse hop), mid->out (enrich hop), in->out"
    );
    println!("CPU = user + system time of this whole process (loader, reader, librdkafka included) per record;");
    println!("broker = the broker process's CPU per record in the same window (KAFKA_BROKER_PID; NaN if unset)");
    println!(
        "{:<32} {:>9} {:>6} {:>8} {:>8} {:>12} {:>12} {:>12}",
        "pipeline", "records/s", "ratio", "CPU µs", "broker", "hop 1", "hop 2", "end to end"
    );
    for (i, p) in PIPELINES[..3].iter().enumerate() {
        let [h1, h2, e2e] = latencies[i];
        println!(
            "{:<32} {:>9.0} {:>5.0}% {:>8.0} {:>8.0} {:>12} {:>12} {:>12}",
            p.label,
            rates[i],
            100.0 * rates[i] / reference,
            cpu_us[i],
            broker_us[i],
            format!("{}/{}", h1.0, h1.1),
            format!("{}/{}", h2.0, h2.1),
            format!("{}/{}", e2e.0, e2e.1),
        );
    }
    println!(
        "{:<32} {:>9.0} {:>5.0}% {:>8.0} {:>8.0}",
        PIPELINES[3].label,
        rates[3],
        100.0 * rates[3] / reference,
        cpu_us[3],
        broker_us[3]
    );
    print_stage_work(&ceiling, sizes);
    if let (Some((_, chain)), Some((_, plain))) = (ceiling.get(2), ceiling.get(4)) {
        // What a pipeline spends beyond its stage work and beyond what
        // rdkafka alone spends moving the same records (loader and reader
        // included in both).
        let transport = (cpu_us[0] + cpu_us[3]) / 2.0;
        println!("link overhead = pipeline CPU - stage work - rdkafka alone CPU, per record over both hops:");
        println!(
            "  configured chain:     {:>5.0} µs",
            cpu_us[1] - 1e6 / chain - transport
        );
        println!(
            "  enrichment disabled:  {:>5.0} µs",
            cpu_us[2] - 1e6 / plain - transport
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
}

fn print_stage_work(ceiling: &[(&'static str, f64)], [raw, article, chain, plain]: [usize; 4]) {
    println!(
        "\nstage work alone, no Kafka, per CPU second (JSON decode + stage + JSON encode per hop):"
    );
    for (label, rate) in ceiling {
        println!(
            "  {label:<48} {rate:>8.0} records/s  ({:>4.0} µs)",
            1e6 / rate
        );
    }
    println!(
        "mean JSON payload bytes: raw {raw}, article {article}, enriched {chain} (chain) / {plain} (disabled)"
    );
}

/// What the stages cost without Kafka on one thread, each hop as a stage
/// process does it: decode the input JSON, apply, encode the output JSON.
/// Also the mean payload sizes: raw, article, enriched (chain, disabled).
fn stage_work_alone(n: usize) -> (Vec<(&'static str, f64)>, [usize; 4]) {
    let docs: Vec<Vec<u8>> = (0..n).map(|i| story(i).to_json().expect("json")).collect();
    let parse = Parse(ParseLimits::default());
    let mut articles = Vec::with_capacity(n);
    // CPU time, not wall time: other processes on a shared machine do not
    // count against the stages (this runs before any pipeline starts).
    let started = cpu_seconds();
    for bytes in &docs {
        let doc: newsflow_model::RawDocument = serde_json::from_slice(bytes).expect("raw");
        let out = parse.apply(doc).records;
        let titles: Vec<_> = out
            .iter()
            .map(|a| a.body.chars().take(80).collect::<String>())
            .collect();
        assert_eq!(out.len(), 1, "one article per bench story: {titles:?}");
        for article in out {
            articles.push(article.to_json().expect("json"));
        }
    }
    let parse_rate = n as f64 / (cpu_seconds() - started);
    let mean = |total: usize| total / n.max(1);
    let mut sizes = [
        mean(docs.iter().map(Vec::len).sum()),
        mean(articles.iter().map(Vec::len).sum()),
        0,
        0,
    ];
    let mut rows = vec![("parse hop", parse_rate)];
    for (i, (label, enrich)) in [
        ("enrich hop, configured chain", Enrich::configured()),
        ("enrich hop, enrichment disabled", Enrich::disabled()),
    ]
    .into_iter()
    .enumerate()
    {
        let mut bytes_out = 0;
        let started = cpu_seconds();
        for bytes in &articles {
            let article: newsflow_model::Article = serde_json::from_slice(bytes).expect("article");
            for out in enrich.apply(article).records {
                bytes_out += std::hint::black_box(out.to_json().expect("json")).len();
            }
        }
        let rate = n as f64 / (cpu_seconds() - started);
        sizes[2 + i] = mean(bytes_out);
        rows.push((label, rate));
        let both = 1.0 / (1.0 / parse_rate + 1.0 / rate);
        rows.push((
            if label.contains("chain") {
                "  parse + enrich (chain), one thread"
            } else {
                "  parse + enrich (disabled), one thread"
            },
            both,
        ));
    }
    (rows, sizes)
}
