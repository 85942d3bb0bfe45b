//! The embedded pipeline: sources -> parse -> enrich -> sinks in one
//! process, every link a bounded channel, dead letters from every stage to
//! one dead-letter sink.

use std::sync::Arc;

use anyhow::Context;
use newsflow_enrich::EnrichChain;
use newsflow_fetch::SourceContext;
use newsflow_runtime::{count_dead_letters, fan_out, run_transform, CancellationToken};
use tokio::sync::mpsc;
use tracing::info;

use crate::admin::Readiness;
use crate::components::{join_all, sink_result, spawn_sink, spawn_source, Tasks};
use crate::config::Config;
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

    let mut tasks = Tasks::new();

    // Sinks first, so nothing upstream waits on a link nobody reads.
    let mut sink_links = Vec::new();
    for (name, sink) in config.sinks {
        let (tx, rx) = mpsc::channel(capacity);
        sink_links.push(tx);
        spawn_sink(&mut tasks, name, sink, rx, config.kafka.as_ref(), &shutdown);
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
        ("dead_letters".to_owned(), sink_result(result))
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
        spawn_source(&mut tasks, name, source, ctx, config.kafka.as_ref());
    }
    // The stages hold the only other senders: when the sources finish, the
    // links close one after another down to the sinks.
    drop(raw_tx);
    drop(dead_tx);
    readiness.set(true);
    info!("pipeline running");

    Ok(join_all(tasks).await)
}

async fn run_stage(
    name: &'static str,
    stage: impl std::future::Future<Output = ()>,
) -> (String, anyhow::Result<()>) {
    stage.await;
    (name.to_owned(), Ok(()))
}
