//! Getting units out: register each with the ack tracker, send it down the
//! right link, stop promptly on shutdown without ever acknowledging a unit
//! that did not get out. `pump` drives a reader through the chunker.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use newsflow_model::{DeadLetter, RawDocument};
use newsflow_runtime::{AckToken, AckTracker, CancellationToken, Envelope};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::sync::mpsc::Sender;
use tracing::warn;

use crate::checkpoint::{FilePosition, Fingerprint};
use crate::chunker::{ChunkLimits, Chunker, Cursor, Event};
use crate::FetchError;

/// Bytes asked of the reader at once.
const READ_BLOCK_BYTES: usize = 128 * 1024;

/// Did the unit get out, or is the source stopping?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    Continue,
    Stop,
}

/// The links a source sends to, and its shutdown signal.
pub(crate) struct Outlet {
    pub source: String,
    pub media_type: String,
    pub out: Sender<Envelope<RawDocument>>,
    pub dead_letters: Sender<Envelope<DeadLetter>>,
    pub shutdown: CancellationToken,
}

/// Which tracker a unit is registered with, and under which stream.
pub(crate) enum Tracking<'a> {
    File {
        tracker: &'a Arc<AckTracker<String, FilePosition>>,
        key: &'a str,
        fingerprint: Fingerprint,
    },
    Stream {
        tracker: &'a Arc<AckTracker<(), u64>>,
    },
}

impl Tracking<'_> {
    async fn register(&self, end: Cursor, done: bool) -> AckToken {
        match self {
            Tracking::File {
                tracker,
                key,
                fingerprint,
            } => {
                let position = FilePosition {
                    fingerprint: *fingerprint,
                    offset: end.offset,
                    line: end.line,
                    done,
                };
                tracker.register((*key).to_owned(), position).await
            }
            Tracking::Stream { tracker } => tracker.register((), end.offset).await,
        }
    }
}

impl Outlet {
    /// Registers a unit ending at `end`; `None` when shutdown came first.
    pub async fn register(
        &self,
        tracking: &Tracking<'_>,
        end: Cursor,
        done: bool,
    ) -> Option<AckToken> {
        tokio::select! {
            biased;
            _ = self.shutdown.cancelled() => None,
            token = tracking.register(end, done) => Some(token),
        }
    }

    pub async fn send_document(
        &self,
        doc: RawDocument,
        token: AckToken,
    ) -> Result<Flow, FetchError> {
        let envelope = Envelope::new(doc, token);
        send(&self.out, envelope, &self.shutdown, "parse").await
    }

    /// Logs and sends a dead letter registered at `end` (the position past
    /// the bad input, so it commits only once the dead letter is written).
    pub async fn send_dead_letter(
        &self,
        tracking: &Tracking<'_>,
        end: Cursor,
        done: bool,
        dead_letter: DeadLetter,
    ) -> Result<Flow, FetchError> {
        warn!(
            source = %self.source,
            origin = %dead_letter.origin,
            line = dead_letter.first_line,
            reason = %dead_letter.reason,
            "input sent to dead letters"
        );
        let Some(token) = self.register(tracking, end, done).await else {
            return Ok(Flow::Stop);
        };
        let envelope = Envelope::new(dead_letter, token);
        send(&self.dead_letters, envelope, &self.shutdown, "dead-letter").await
    }

    pub fn dead_letter(
        &self,
        reason: String,
        origin: &str,
        at: Cursor,
        head: &[u8],
        len: u64,
    ) -> DeadLetter {
        DeadLetter::for_bytes(
            "source",
            reason,
            &self.source,
            origin,
            at.line,
            at.offset,
            head,
            len,
        )
    }
}

/// Sends `envelope`; a unit that does not get out (shutdown, closed link,
/// or this future dropped by a caller that gave up waiting) is failed so its
/// position is never committed.
async fn send<T>(
    link: &Sender<Envelope<T>>,
    envelope: Envelope<T>,
    shutdown: &CancellationToken,
    link_name: &'static str,
) -> Result<Flow, FetchError> {
    let mut guard = FailUnlessSent(Some(envelope.ack.clone()));
    let result = tokio::select! {
        biased;
        _ = shutdown.cancelled() => None,
        result = link.send(envelope) => Some(result),
    };
    match result {
        Some(Ok(())) => {
            guard.0 = None;
            Ok(Flow::Continue)
        }
        None => Ok(Flow::Stop),
        Some(Err(_unsent)) => Err(FetchError::DownstreamClosed { link: link_name }),
    }
}

/// Fails the unit when dropped while still armed. It holds a clone of the
/// token, so its `fail()` always lands before the unit's last clone drops.
struct FailUnlessSent(Option<AckToken>);

impl Drop for FailUnlessSent {
    fn drop(&mut self) {
        if let Some(token) = &self.0 {
            token.fail();
        }
    }
}

/// How a pump ended.
#[derive(Debug)]
pub(crate) enum PumpEnd {
    /// Everything up to EOF was sent (the last unit marked done).
    Eof,
    /// Shutdown: stopped reading.
    Stopped,
    /// Reading failed; everything before `at` was sent.
    ReadFailed { error: io::Error, at: Cursor },
}

#[derive(Debug, Default)]
pub(crate) struct PumpStats {
    pub chunks: u64,
    pub dead_letters: u64,
    pub bytes: u64,
}

/// Reads `reader` (positioned at `start`) to EOF, sending chunks and
/// over-long-line dead letters. `idle_flush`: emit buffered complete lines
/// when the reader has been quiet this long (interactive inputs).
pub(crate) async fn pump<R: AsyncRead + Unpin>(
    reader: &mut R,
    origin: &str,
    start: Cursor,
    limits: ChunkLimits,
    tracking: &Tracking<'_>,
    outlet: &Outlet,
    idle_flush: Option<Duration>,
) -> Result<(PumpEnd, PumpStats), FetchError> {
    let mut chunker = Chunker::new(limits, start);
    let mut block = vec![0u8; READ_BLOCK_BYTES];
    let mut events = Vec::new();
    let mut stats = PumpStats::default();
    let mut sent_until = start;
    loop {
        let idle = idle_flush.filter(|_| chunker.has_complete_lines());
        let read = tokio::select! {
            biased;
            _ = outlet.shutdown.cancelled() => return Ok((PumpEnd::Stopped, stats)),
            read = reader.read(&mut block) => Some(read),
            _ = tokio::time::sleep(idle.unwrap_or_default()), if idle.is_some() => None,
        };
        let eof = match read {
            None => {
                chunker.flush_complete_lines(&mut events);
                false
            }
            Some(Ok(0)) => {
                chunker.finish(&mut events);
                true
            }
            Some(Ok(n)) => {
                chunker.feed(&block[..n], &mut events);
                false
            }
            Some(Err(e)) if e.kind() == io::ErrorKind::Interrupted => continue,
            Some(Err(error)) => {
                let end = PumpEnd::ReadFailed {
                    error,
                    at: sent_until,
                };
                return Ok((end, stats));
            }
        };
        if eof && events.is_empty() && start.offset == 0 && sent_until == start {
            // An empty input still shows up (the parser dead-letters it).
            events.push(Event::Chunk {
                bytes: Vec::new(),
                start,
                end: start,
            });
        }
        let count = events.len();
        for (index, event) in events.drain(..).enumerate() {
            let done = eof && index + 1 == count;
            let end = event.end();
            let flow = deliver(event, done, origin, limits, tracking, outlet, &mut stats).await?;
            if flow == Flow::Stop {
                return Ok((PumpEnd::Stopped, stats));
            }
            sent_until = end;
        }
        if eof {
            if count == 0 {
                // Nothing left to send: mark the end with a unit that is
                // finished at once (it commits after everything before it).
                let Some(marker) = outlet.register(tracking, sent_until, true).await else {
                    return Ok((PumpEnd::Stopped, stats));
                };
                drop(marker);
            }
            return Ok((PumpEnd::Eof, stats));
        }
    }
}

async fn deliver(
    event: Event,
    done: bool,
    origin: &str,
    limits: ChunkLimits,
    tracking: &Tracking<'_>,
    outlet: &Outlet,
    stats: &mut PumpStats,
) -> Result<Flow, FetchError> {
    match event {
        Event::Chunk { bytes, start, end } => {
            let Some(token) = outlet.register(tracking, end, done).await else {
                return Ok(Flow::Stop);
            };
            stats.chunks += 1;
            stats.bytes += bytes.len() as u64;
            let mut doc = RawDocument::new(outlet.source.as_str(), origin, bytes);
            doc.media_type = Some(outlet.media_type.clone());
            doc.first_line = start.line;
            doc.byte_offset = start.offset;
            outlet.send_document(doc, token).await
        }
        Event::OverlongLine {
            head,
            start,
            len,
            end,
        } => {
            stats.dead_letters += 1;
            let reason = format!(
                "line {} is {len} bytes, over the {}-byte limit (max_line_bytes)",
                start.line, limits.max_line_bytes
            );
            let dead_letter = outlet.dead_letter(reason, origin, start, &head, len);
            outlet
                .send_dead_letter(tracking, end, done, dead_letter)
                .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::mpsc::channel;

    async fn full_link() -> (
        Sender<Envelope<u8>>,
        tokio::sync::mpsc::Receiver<Envelope<u8>>,
    ) {
        let (tx, rx) = channel(1);
        tx.send(Envelope::new(0, AckToken::untracked()))
            .await
            .unwrap();
        (tx, rx)
    }

    #[tokio::test]
    async fn an_abandoned_send_never_commits_its_unit() {
        let tracker = AckTracker::<&str, u64>::new(4);
        let (tx, _rx) = full_link().await;
        let shutdown = CancellationToken::new();
        let token = tracker.register("f", 10).await;
        let mut sending = Box::pin(send(&tx, Envelope::new(1, token), &shutdown, "test"));
        assert!(
            futures_poll_once(sending.as_mut()).await.is_none(),
            "link is full"
        );
        drop(sending); // the caller gave up (e.g. a shutdown timeout)
        assert!(tracker.take_committed().is_empty());
        assert_eq!(tracker.failed_units(), 1);
    }

    #[tokio::test]
    async fn shutdown_during_a_send_fails_the_unit() {
        let tracker = AckTracker::<&str, u64>::new(4);
        let (tx, _rx) = full_link().await;
        let shutdown = CancellationToken::new();
        shutdown.cancel();
        let token = tracker.register("f", 10).await;
        let flow = send(&tx, Envelope::new(1, token), &shutdown, "test")
            .await
            .unwrap();
        assert_eq!(flow, Flow::Stop);
        assert!(tracker.take_committed().is_empty());
        assert_eq!(tracker.failed_units(), 1);
    }

    #[tokio::test]
    async fn a_sent_unit_commits_when_dropped_downstream() {
        let tracker = AckTracker::<&str, u64>::new(4);
        let (tx, mut rx) = channel(1);
        let token = tracker.register("f", 10).await;
        let flow = send(
            &tx,
            Envelope::new(1, token),
            &CancellationToken::new(),
            "test",
        )
        .await;
        assert_eq!(flow.unwrap(), Flow::Continue);
        drop(rx.recv().await);
        assert_eq!(tracker.take_committed()[0].position, 10);
    }

    /// Polls a future once; `None` when it is still pending.
    async fn futures_poll_once<F: std::future::Future + Unpin>(future: F) -> Option<F::Output> {
        let mut future = future;
        std::future::poll_fn(|cx| {
            std::task::Poll::Ready(match std::pin::Pin::new(&mut future).poll(cx) {
                std::task::Poll::Ready(v) => Some(v),
                std::task::Poll::Pending => None,
            })
        })
        .await
    }
}
