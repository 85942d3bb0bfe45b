//! Distributed mode: a subset of the stages in this process, joined to the
//! others by Kafka topics (`newsflow run --stages parse,enrich`). The stage
//! code is the embedded pipeline's; a link between two stages of this
//! process stays a bounded channel, any other link is a topic.

use anyhow::Context;
use newsflow_enrich::EnrichChain;
use newsflow_kafka::{
    ensure_topics, json_decoder, run_producer_link, spawn_consumer_link, ConsumeSpec, KafkaConfig,
    KafkaPayload, LinkProducer, ProduceSpec,
};
use newsflow_model::DeadLetter;
use newsflow_runtime::{count_dead_letters, CancellationToken, Envelope};
use serde::de::DeserializeOwned;
use tokio::sync::mpsc;

use tracing::info;

use crate::components::{join_all, spawn_sinks, spawn_sources, spawn_transform, Tasks};
use crate::config::Config;
use crate::stages::{EnrichStage, ParseStage};

/// A stage of the pipeline, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Stage {
    /// The configured sources, producing to the raw topic.
    Fetch,
    /// Raw documents to articles.
    Parse,
    /// Articles to enriched articles.
    Enrich,
    /// The configured sinks, consuming the enriched topic.
    Sink,
}

/// One link between two stages: a channel when both ends are here, a
/// producer link when only the upstream is, a consumer link when only the
/// downstream is.
struct Link<T> {
    tx: Option<mpsc::Sender<Envelope<T>>>,
    rx: Option<mpsc::Receiver<Envelope<T>>>,
}

struct Wiring<'a> {
    kafka: &'a KafkaConfig,
    producer: &'a LinkProducer,
    capacity: usize,
    dead_tx: &'a mpsc::Sender<Envelope<DeadLetter>>,
    shutdown: &'a CancellationToken,
}

impl Wiring<'_> {
    fn link<T>(
        &self,
        tasks: &mut Tasks,
        (from, to): (bool, bool),
        topic: &str,
        consumer_stage: &'static str,
    ) -> anyhow::Result<Link<T>>
    where
        T: KafkaPayload + DeserializeOwned,
    {
        Ok(match (from, to) {
            (true, true) => {
                let (tx, rx) = mpsc::channel(self.capacity);
                Link {
                    tx: Some(tx),
                    rx: Some(rx),
                }
            }
            (true, false) => {
                let (tx, rx) = mpsc::channel(self.capacity);
                let spec = ProduceSpec::<T>::json(topic, self.kafka);
                let producer = self.producer.clone();
                let label = format!("kafka producer {topic}");
                tasks.spawn(async move {
                    let report = run_producer_link(producer, spec, rx).await;
                    let result = if report.failed == 0 {
                        Ok(())
                    } else {
                        Err(anyhow::anyhow!("{} records not delivered", report.failed))
                    };
                    (label, result)
                });
                Link {
                    tx: Some(tx),
                    rx: None,
                }
            }
            (false, true) => {
                let (tx, rx) = mpsc::channel(self.capacity);
                let spec = ConsumeSpec {
                    topic: topic.to_owned(),
                    group: self.kafka.group(consumer_stage),
                    stage: consumer_stage.to_owned(),
                };
                let link = spawn_consumer_link(
                    self.kafka,
                    spec,
                    json_decoder::<T>(),
                    tx,
                    self.dead_tx.clone(),
                    self.shutdown.child_token(),
                )?;
                let label = format!("kafka consumer {topic}");
                tasks.spawn(async move {
                    let result = link.join().await.map(|report| {
                        info!(
                            consumed = report.consumed,
                            dead_lettered = report.dead_lettered,
                            "consumer report"
                        );
                    });
                    (label, result.map_err(Into::into))
                });
                Link {
                    tx: None,
                    rx: Some(rx),
                }
            }
            (false, false) => Link { tx: None, rx: None },
        })
    }
}

/// Runs `stages` of `config` in this process until `shutdown` (or until
/// finite sources are done and nothing consumes). Returns how many
/// components failed.
pub async fn run_stages(
    config: Config,
    stages: &[Stage],
    shutdown: CancellationToken,
) -> anyhow::Result<usize> {
    let kafka = config
        .kafka
        .clone()
        .context("`--stages` needs a [kafka] section in the config")?;
    let has = |stage| stages.contains(&stage);
    let topics = &kafka.topics;
    if let Some(create) = &kafka.create_topics {
        let names = [&topics.raw, &topics.articles, &topics.enriched, &topics.dlq];
        let names: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
        ensure_topics(&kafka, &names, create.partitions, create.replication_factor).await?;
    }
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating data_dir {}", config.data_dir.display()))?;
    let producer = newsflow_kafka::create_link_producer(&kafka)?;
    let capacity = config.pipeline.link_capacity;
    let workers = config.pipeline.workers;
    let mut tasks = Tasks::new();

    // Every dead letter of this process is counted (newsflow_dead_letters_total,
    // as in the embedded pipeline) and goes to the dead-letter topic.
    let (dead_tx, dead_rx) = mpsc::channel(capacity);
    let (counted_tx, counted_rx) = mpsc::channel(capacity);
    tasks.spawn(async move {
        count_dead_letters(dead_rx, counted_tx).await;
        ("dead-letter link".to_owned(), Ok(()))
    });
    {
        let spec = ProduceSpec::<DeadLetter>::json(&topics.dlq, &kafka);
        let producer = producer.clone();
        tasks.spawn(async move {
            let report = run_producer_link(producer, spec, counted_rx).await;
            ("kafka producer dlq".to_owned(), undelivered(report.failed))
        });
    }
    let wiring = Wiring {
        kafka: &kafka,
        producer: &producer,
        capacity,
        dead_tx: &dead_tx,
        shutdown: &shutdown,
    };
    let (fetch, parse, enrich, sink) = (
        has(Stage::Fetch),
        has(Stage::Parse),
        has(Stage::Enrich),
        has(Stage::Sink),
    );
    let raw = wiring.link(&mut tasks, (fetch, parse), &topics.raw, "parse")?;
    let articles = wiring.link(&mut tasks, (parse, enrich), &topics.articles, "enrich")?;
    let enriched = wiring.link(&mut tasks, (enrich, sink), &topics.enriched, "sink")?;

    let kafka = config.kafka.as_ref();
    if let Some(enriched_rx) = enriched.rx {
        spawn_sinks(
            &mut tasks,
            config.sinks,
            enriched_rx,
            capacity,
            kafka,
            &shutdown,
        );
    }
    if let (Some(input), Some(output)) = (raw.rx, articles.tx) {
        let stage = ParseStage {
            limits: config.parse.limits(),
        };
        spawn_transform(&mut tasks, stage, input, output, dead_tx.clone(), workers);
    }
    if let (Some(input), Some(output)) = (articles.rx, enriched.tx) {
        let stage = EnrichStage {
            chain: EnrichChain::from_config(&config.enrich),
        };
        spawn_transform(&mut tasks, stage, input, output, dead_tx.clone(), workers);
    }
    if let Some(raw_tx) = raw.tx {
        let data_dir = &config.data_dir;
        spawn_sources(
            &mut tasks,
            config.sources,
            &raw_tx,
            &dead_tx,
            data_dir,
            kafka,
            &shutdown,
        );
    }
    drop(dead_tx);
    info!(?stages, "distributed stages running");
    Ok(join_all(tasks).await)
}

fn undelivered(failed: u64) -> anyhow::Result<()> {
    if failed == 0 {
        Ok(())
    } else {
        Err(anyhow::anyhow!("{failed} records could not be delivered"))
    }
}
