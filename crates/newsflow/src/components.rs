//! Starting the configured sources and sinks, shared by the embedded
//! pipeline and the distributed stages.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use newsflow_fetch::SourceContext;
use newsflow_kafka::KafkaConfig;
use newsflow_model::{DeadLetter, EnrichedArticle};
use newsflow_runtime::{fan_out, run_transform, CancellationToken, Envelope, Transform};
use tokio::sync::mpsc;
use tokio::task::{AbortHandle, JoinSet};
use tracing::{error, info};

use crate::config::{SinkConfig, SourceConfig};

/// What the component tasks of a process return: their name and outcome.
pub(crate) type Tasks = JoinSet<(String, anyhow::Result<()>)>;

/// Starts every configured sink and the fan-out that hands each record
/// from `input` to all of them.
pub(crate) fn spawn_sinks(
    tasks: &mut Tasks,
    sinks: BTreeMap<String, SinkConfig>,
    input: mpsc::Receiver<Envelope<EnrichedArticle>>,
    capacity: usize,
    kafka: Option<&KafkaConfig>,
    shutdown: &CancellationToken,
) {
    let mut links = Vec::with_capacity(sinks.len());
    for (name, sink) in sinks {
        let (tx, rx) = mpsc::channel(capacity);
        links.push(tx);
        spawn_sink(tasks, name, sink, rx, kafka, shutdown);
    }
    tasks.spawn(async move {
        fan_out(input, links).await;
        ("sink fan-out".to_owned(), Ok(()))
    });
}

/// Starts a pure stage on its worker pool between two links.
pub(crate) fn spawn_transform<T: Transform>(
    tasks: &mut Tasks,
    stage: T,
    input: mpsc::Receiver<Envelope<T::Input>>,
    output: mpsc::Sender<Envelope<T::Output>>,
    dead_letters: mpsc::Sender<Envelope<DeadLetter>>,
    workers: usize,
) {
    let name = stage.name();
    tasks.spawn(async move {
        run_transform(Arc::new(stage), input, output, dead_letters, workers).await;
        (name.to_owned(), Ok(()))
    });
}

/// Starts every configured source, sending to `out`; checkpoints go under
/// `data_dir/checkpoints`.
pub(crate) fn spawn_sources(
    tasks: &mut Tasks,
    sources: BTreeMap<String, SourceConfig>,
    out: &mpsc::Sender<Envelope<newsflow_model::RawDocument>>,
    dead_letters: &mpsc::Sender<Envelope<DeadLetter>>,
    data_dir: &Path,
    kafka: Option<&KafkaConfig>,
    shutdown: &CancellationToken,
) {
    for (name, source) in sources {
        let ctx = SourceContext {
            name: name.clone(),
            out: out.clone(),
            dead_letters: dead_letters.clone(),
            shutdown: shutdown.child_token(),
            state_dir: data_dir.join("checkpoints"),
        };
        spawn_source(tasks, name, source, ctx, kafka);
    }
}

/// Waits for every component; returns how many failed.
pub(crate) async fn join_all(mut tasks: Tasks) -> usize {
    let mut failed = 0;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((name, Ok(()))) => info!(component = %name, "finished"),
            Ok((name, Err(e))) => {
                failed += 1;
                error!(component = %name, error = %format!("{e:#}"), "component failed");
            }
            Err(e) => {
                failed += 1;
                error!(error = %e, "component task panicked");
            }
        }
    }
    failed
}

/// Starts a configured sink reading `rx`.
pub(crate) fn spawn_sink(
    tasks: &mut Tasks,
    name: String,
    sink: SinkConfig,
    rx: mpsc::Receiver<Envelope<Arc<newsflow_model::EnrichedArticle>>>,
    kafka: Option<&KafkaConfig>,
    shutdown: &CancellationToken,
) -> AbortHandle {
    let label = format!("sinks.{name}");
    match sink {
        SinkConfig::Jsonl(c) => tasks.spawn(async move {
            let result = newsflow_sink::run_article_file_sink(&name, c, rx).await;
            (label, sink_result(result))
        }),
        SinkConfig::Stdout(c) => {
            let token = shutdown.clone();
            tasks.spawn(async move {
                let result = newsflow_sink::run_stdout_sink(c, rx, token).await;
                (label, sink_result(result))
            })
        }
        SinkConfig::Kafka(c) => spawn_kafka_sink(tasks, label, c, kafka.cloned(), rx),
    }
}

/// Starts a Kafka sink (for the embedded pipeline too).
pub(crate) fn spawn_kafka_sink(
    tasks: &mut Tasks,
    label: String,
    config: newsflow_kafka::KafkaSinkConfig,
    kafka: Option<KafkaConfig>,
    rx: mpsc::Receiver<Envelope<Arc<newsflow_model::EnrichedArticle>>>,
) -> AbortHandle {
    tasks.spawn(async move {
        let Some(kafka) = kafka else {
            return (
                label,
                Err(anyhow::anyhow!("a kafka sink needs a [kafka] section")),
            );
        };
        let result = newsflow_kafka::run_kafka_sink(config, &kafka, rx).await;
        (label, result.map(|_| ()).map_err(Into::into))
    })
}

/// Starts a configured source.
pub(crate) fn spawn_source(
    tasks: &mut Tasks,
    name: String,
    source: SourceConfig,
    ctx: SourceContext,
    kafka: Option<&KafkaConfig>,
) -> AbortHandle {
    let label = format!("sources.{name}");
    match source {
        SourceConfig::File(c) => tasks.spawn(async move {
            (
                label,
                newsflow_fetch::run_file_source(c, ctx)
                    .await
                    .map_err(Into::into),
            )
        }),
        SourceConfig::Stdin(c) => tasks.spawn(async move {
            (
                label,
                newsflow_fetch::run_stdin_source(c, ctx)
                    .await
                    .map_err(Into::into),
            )
        }),
        SourceConfig::Kafka(c) => spawn_kafka_source(tasks, label, c, kafka.cloned(), ctx),
    }
}

/// Starts a Kafka source (for the embedded pipeline too).
pub(crate) fn spawn_kafka_source(
    tasks: &mut Tasks,
    label: String,
    config: newsflow_kafka::KafkaSourceConfig,
    kafka: Option<KafkaConfig>,
    ctx: SourceContext,
) -> AbortHandle {
    tasks.spawn(async move {
        let Some(kafka) = kafka else {
            return (
                label,
                Err(anyhow::anyhow!("a kafka source needs a [kafka] section")),
            );
        };
        let result = newsflow_kafka::run_kafka_source(config, &kafka, ctx).await;
        (label, result.map(|_| ()).map_err(Into::into))
    })
}

/// Logs what a sink did and turns its error into the component's result.
pub(crate) fn sink_result(
    result: Result<newsflow_sink::SinkReport, newsflow_sink::SinkError>,
) -> anyhow::Result<()> {
    let report = result?;
    info!(
        written = report.records_written,
        failed = report.records_failed,
        files = report.files_opened,
        repaired = report.repaired_files,
        "sink report"
    );
    if report.records_failed > 0 {
        anyhow::bail!("{} records could not be written", report.records_failed);
    }
    Ok(())
}
