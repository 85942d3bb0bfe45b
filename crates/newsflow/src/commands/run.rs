use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use newsflow_runtime::CancellationToken;
use tokio::signal::unix::{signal, SignalKind};
use tracing::{error, info, warn};

use crate::admin::{self, Readiness};
use crate::config::Config;
use crate::distributed::{self, Stage};
use crate::{logging, pipeline};

/// Exit code when a second signal cuts the drain short (128 + SIGINT).
const EXIT_FORCED: u8 = 130;
/// Exit code when the drain did not finish within shutdown_timeout_secs.
const EXIT_DRAIN_TIMEOUT: u8 = 3;

/// `newsflow run`: the daemon.
pub fn run(config_path: &Path, stages: Option<Vec<Stage>>) -> anyhow::Result<ExitCode> {
    let config = Config::load(config_path)?;
    logging::init(&config.log);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("newsflow")
        .build()
        .context("starting the async runtime")?;
    let code = runtime.block_on(run_until_signalled(config, stages));
    // A blocking stdin read cannot be cancelled: don't wait for it.
    runtime.shutdown_timeout(Duration::from_secs(1));
    code
}

async fn run_until_signalled(
    config: Config,
    stages: Option<Vec<Stage>>,
) -> anyhow::Result<ExitCode> {
    let shutdown_timeout = Duration::from_secs(config.pipeline.shutdown_timeout_secs);
    let shutdown = CancellationToken::new();
    let readiness = Readiness::default();
    // The admin server outlives the drain (readyz answers 503 meanwhile) and
    // stops with the process.
    let _admin = if config.admin.enabled {
        Some(admin::serve(&config.admin, readiness.clone(), shutdown.child_token()).await?)
    } else {
        None
    };
    let mut terminate =
        signal(SignalKind::terminate()).context("installing the SIGTERM handler")?;
    let mut interrupt = signal(SignalKind::interrupt()).context("installing the SIGINT handler")?;
    let token = shutdown.clone();
    let ready = readiness.clone();
    // `--stages`: a subset of the stages over Kafka links.
    let pipeline = async move {
        match stages {
            Some(stages) => {
                ready.set(true);
                distributed::run_stages(config, &stages, token).await
            }
            None => pipeline::run(config, token, ready).await,
        }
    };
    tokio::pin!(pipeline);

    let first = tokio::select! {
        result = &mut pipeline => return finished(result),
        _ = terminate.recv() => "SIGTERM",
        _ = interrupt.recv() => "SIGINT",
    };
    info!(
        signal = first,
        timeout_secs = shutdown_timeout.as_secs(),
        "stopping: draining the pipeline"
    );
    readiness.set(false);
    shutdown.cancel();
    tokio::select! {
        result = &mut pipeline => finished(result),
        _ = tokio::time::sleep(shutdown_timeout) => {
            error!(timeout_secs = shutdown_timeout.as_secs(), "drain did not finish in time; exiting, uncommitted input will be replayed on restart");
            Ok(ExitCode::from(EXIT_DRAIN_TIMEOUT))
        }
        _ = terminate.recv() => forced("SIGTERM"),
        _ = interrupt.recv() => forced("SIGINT"),
    }
}

fn finished(result: anyhow::Result<usize>) -> anyhow::Result<ExitCode> {
    let failed = result?;
    if failed == 0 {
        info!("stopped cleanly");
        Ok(ExitCode::SUCCESS)
    } else {
        error!(failed, "stopped; some components failed");
        Ok(ExitCode::FAILURE)
    }
}

fn forced(signal: &str) -> anyhow::Result<ExitCode> {
    warn!(
        signal,
        "second signal: exiting now, uncommitted input will be replayed on restart"
    );
    Ok(ExitCode::from(EXIT_FORCED))
}
