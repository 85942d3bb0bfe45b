//! The stdin source (and the same for any async reader): chunks and line
//! limits as for files, no checkpoint.

use std::time::Duration;

use newsflow_runtime::AckTracker;
use tokio::io::AsyncRead;
use tracing::info;

use crate::chunker::{ChunkLimits, Cursor};
use crate::delivery::{pump, Outlet, PumpEnd, Tracking};
use crate::{FetchError, SourceContext, StdinSourceConfig};

/// When the input goes quiet this long, complete lines already buffered are
/// sent (someone typing, or `tail -f | newsflow`), instead of waiting for a
/// full chunk or EOF.
const IDLE_FLUSH: Duration = Duration::from_secs(1);

/// Reads standard input to EOF; returns once everything read is
/// acknowledged, or on shutdown.
pub async fn run_stdin_source(
    config: StdinSourceConfig,
    ctx: SourceContext,
) -> Result<(), FetchError> {
    run_reader_source(tokio::io::stdin(), "stdin", config, ctx).await
}

/// [`run_stdin_source`] for any reader; `origin` names it in records.
pub async fn run_reader_source<R: AsyncRead + Unpin>(
    mut reader: R,
    origin: &str,
    config: StdinSourceConfig,
    ctx: SourceContext,
) -> Result<(), FetchError> {
    config.validate()?;
    let tracker = AckTracker::<(), u64>::new(config.max_in_flight);
    let outlet = Outlet {
        source: ctx.name.clone(),
        media_type: "text/plain".to_owned(),
        out: ctx.out,
        dead_letters: ctx.dead_letters,
        shutdown: ctx.shutdown,
    };
    let limits = ChunkLimits {
        max_chunk_bytes: config.max_chunk_bytes,
        max_line_bytes: config.max_line_bytes,
    };
    info!(source = %ctx.name, origin, "reading");
    let tracking = Tracking::Stream { tracker: &tracker };
    let pumped = pump(
        &mut reader,
        origin,
        Cursor::START,
        limits,
        &tracking,
        &outlet,
        Some(IDLE_FLUSH),
    )
    .await;
    drop(outlet); // lets the pipeline drain
    tracker.wait_idle().await;
    let (end, stats) = pumped?;
    info!(
        source = %ctx.name, origin, chunks = stats.chunks, dead_letters = stats.dead_letters,
        bytes = stats.bytes, outcome = ?end, "input finished"
    );
    match end {
        PumpEnd::Eof | PumpEnd::Stopped => Ok(()),
        PumpEnd::ReadFailed { error, .. } => Err(FetchError::Read {
            origin: origin.to_owned(),
            source: error,
        }),
    }
}
