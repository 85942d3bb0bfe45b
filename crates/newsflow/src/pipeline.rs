//! The embedded pipeline: sources -> parse -> enrich -> sinks in one
//! process, every link a bounded channel, dead letters from every stage to
//! one dead-letter sink.

use std::sync::Arc;

use anyhow::Context;
use newsflow_enrich::EnrichChain;
use newsflow_fetch::SourceContext;
use newsflow_runtime::{count_dead_letters, fan_out, run_transform, CancellationToken};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tracing::{error, info};

use crate::admin::Readiness;
use crate::config::{Config, SinkConfig, SourceConfig};
use crate::stages::{EnrichStage, ParseStage};

/// Runs until every source has finished and everything derived from them
/// is written, or until `shutdown` is cancelled and the pipeline drained.
/// Returns how many components failed.
pub async fn run(
    config: Config,
    shutdown: CancellationToken,
    readiness: Readiness,
) -> anyhow::Result<usize> {
    let capacity = config.pipeline.link_capacity;
    let workers = config.pipeline.workers;
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating data_dir {}", config.data_dir.display()))?;

    let (raw_tx, raw_rx) = mpsc::channel(capacity);
    let (article_tx, article_rx) = mpsc::channel(capacity);
    let (enriched_tx, enriched_rx) = mpsc::channel(capacity);
    let (dead_tx, dead_rx) = mpsc::channel(capacity);

    let mut tasks: JoinSet<(String, anyhow::Result<()>)> = JoinSet::new();

    // Sinks first, so nothing upstream waits on a link nobody reads.
    let mut sink_links = Vec::new();
    for (name, sink) in config.sinks {
        let (tx, rx) = mpsc::channel(capacity);
        sink_links.push(tx);
        let label = format!("sinks.{name}");
        match sink {
            SinkConfig::Jsonl(c) => {
                tasks.spawn(async move {
                    let result = newsflow_sink::run_article_file_sink(&name, c, rx).await;
                    (label, report(result))
                });
            }
            SinkConfig::Stdout(c) => {
                let token = shutdown.clone();
                tasks.spawn(async move {
                    let result = newsflow_sink::run_stdout_sink(c, rx, token).await;
                    (label, report(result))
                });
            }
            SinkConfig::Kafka(c) => {
                crate::distributed::spawn_kafka_sink(
                    &mut tasks,
                    label,
                    c,
                    config.kafka.clone(),
                    rx,
                );
            }
        }
    }
    let dead_config = config.dead_letters;
    let (counted_tx, counted_rx) = mpsc::channel(capacity);
    tasks.spawn(async move {
        count_dead_letters(dead_rx, counted_tx).await;
        ("dead-letter link".to_owned(), Ok(()))
    });
    tasks.spawn(async move {
        let result =
            newsflow_sink::run_dead_letter_file_sink("dead_letters", dead_config, counted_rx).await;
        ("dead_letters".to_owned(), report(result))
    });
    tasks.spawn(async move {
        fan_out(enriched_rx, sink_links).await;
        ("sink fan-out".to_owned(), Ok(()))
    });

    let parse = Arc::new(ParseStage {
        limits: config.parse.limits(),
    });
    tasks.spawn(run_stage("parse", {
        let dead = dead_tx.clone();
        async move { run_transform(parse, raw_rx, article_tx, dead, workers).await }
    }));
    let enrich = Arc::new(EnrichStage {
        chain: EnrichChain::from_config(&config.enrich),
    });
    tasks.spawn(run_stage("enrich", {
        let dead = dead_tx.clone();
        async move { run_transform(enrich, article_rx, enriched_tx, dead, workers).await }
    }));

    for (name, source) in config.sources {
        let ctx = SourceContext {
            name: name.clone(),
            out: raw_tx.clone(),
            dead_letters: dead_tx.clone(),
            shutdown: shutdown.child_token(),
            state_dir: config.data_dir.join("checkpoints"),
        };
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
            SourceConfig::Kafka(c) => crate::distributed::spawn_kafka_source(
                &mut tasks,
                label,
                c,
                config.kafka.clone(),
                ctx,
            ),
        };
    }
    // The stages hold the only other senders: when the sources finish, the
    // links close one after another down to the sinks.
    drop(raw_tx);
    drop(dead_tx);
    readiness.set(true);
    info!("pipeline running");

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
    Ok(failed)
}

async fn run_stage(
    name: &'static str,
    stage: impl std::future::Future<Output = ()>,
) -> (String, anyhow::Result<()>) {
    stage.await;
    (name.to_owned(), Ok(()))
}

/// Logs what a sink did and turns its error into the component's result.
fn report(
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
