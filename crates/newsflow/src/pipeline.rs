//! The embedded pipeline: sources -> parse -> enrich -> sinks in one
//! process, every link a bounded channel, dead letters from every stage to
//! one dead-letter sink.

use anyhow::Context;
use newsflow_enrich::EnrichChain;
use newsflow_runtime::{count_dead_letters, CancellationToken};
use tokio::sync::mpsc;
use tracing::info;

use crate::admin::Readiness;
use crate::components::{
    join_all, sink_result, spawn_sinks, spawn_sources, spawn_transform, Tasks,
};
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
    let kafka = config.kafka.as_ref();
    spawn_sinks(
        &mut tasks,
        config.sinks,
        enriched_rx,
        capacity,
        kafka,
        &shutdown,
    );
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

    let parse = ParseStage {
        limits: config.parse.limits(),
    };
    spawn_transform(
        &mut tasks,
        parse,
        raw_rx,
        article_tx,
        dead_tx.clone(),
        workers,
    );
    let enrich = EnrichStage {
        chain: EnrichChain::from_config(&config.enrich),
    };
    spawn_transform(
        &mut tasks,
        enrich,
        article_rx,
        enriched_tx,
        dead_tx.clone(),
        workers,
    );

    spawn_sources(
        &mut tasks,
        config.sources,
        &raw_tx,
        &dead_tx,
        &config.data_dir,
        kafka,
        &shutdown,
    );
    // The stages hold the only other senders: when the sources finish, the
    // links close one after another down to the sinks.
    drop(raw_tx);
    drop(dead_tx);
    readiness.set(true);
    info!("pipeline running");

    Ok(join_all(tasks).await)
}
