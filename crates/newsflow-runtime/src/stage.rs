//! The stage runner: a pure, synchronous [`Transform`] (parse, enrich) run on
//! a bounded pool of blocking workers between two bounded links, and the
//! fan-out that hands each output record to every sink.

use std::sync::Arc;

use newsflow_model::DeadLetter;
use tokio::sync::{mpsc, Mutex};
use tracing::{debug, warn};

use crate::events::{DeadLettered, StagePanicked, StageProcessed};
use crate::Envelope;

/// What one input became: records, and dead letters for the parts that
/// could not be turned into records.
#[derive(Debug)]
pub struct TransformOutput<T> {
    pub records: Vec<T>,
    pub dead_letters: Vec<DeadLetter>,
}

impl<T> TransformOutput<T> {
    pub fn records(records: Vec<T>) -> Self {
        Self {
            records,
            dead_letters: Vec::new(),
        }
    }

    pub fn dead_letter(dead_letter: DeadLetter) -> Self {
        Self {
            records: Vec::new(),
            dead_letters: vec![dead_letter],
        }
    }
}

/// A pure stage: no I/O, no async, may be CPU-heavy.
pub trait Transform: Send + Sync + 'static {
    type Input: Send + 'static;
    type Output: Send + 'static;

    /// Stage name for logs, metrics and dead letters.
    fn name(&self) -> &'static str;

    fn apply(&self, input: Self::Input) -> TransformOutput<Self::Output>;
}

/// Runs `transform` on `workers` blocking threads until `input` is closed
/// and drained, then returns (dropping its senders closes the next link).
/// Each output record and dead letter inherits the input's ack token.
pub async fn run_transform<T: Transform>(
    transform: Arc<T>,
    input: mpsc::Receiver<Envelope<T::Input>>,
    output: mpsc::Sender<Envelope<T::Output>>,
    dead_letters: mpsc::Sender<Envelope<DeadLetter>>,
    workers: usize,
) {
    let input = Arc::new(Mutex::new(input));
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..workers.max(1) {
        let input = Arc::clone(&input);
        let output = output.clone();
        let dead_letters = dead_letters.clone();
        let transform = Arc::clone(&transform);
        tasks.spawn(async move {
            loop {
                let next = input.lock().await.recv().await;
                let Some(Envelope { record, ack }) = next else {
                    debug!(stage = transform.name(), worker, "input closed");
                    return;
                };
                let t = Arc::clone(&transform);
                let started = std::time::Instant::now();
                let result = tokio::task::spawn_blocking(move || t.apply(record)).await;
                let out = match result {
                    Ok(out) => out,
                    Err(e) => {
                        // A panic in a pure stage is a bug: keep the daemon
                        // alive, and fail the input so it is never committed.
                        StagePanicked {
                            stage: transform.name(),
                            error: &e.to_string(),
                        }
                        .emit();
                        ack.fail();
                        continue;
                    }
                };
                StageProcessed {
                    stage: transform.name(),
                    records: out.records.len(),
                    dead_letters: out.dead_letters.len(),
                    elapsed: started.elapsed(),
                }
                .emit();

                for record in out.records {
                    let envelope = Envelope::new(record, ack.clone());
                    if let Err(mpsc::error::SendError(lost)) = output.send(envelope).await {
                        // Dropping it unmarked would acknowledge it.
                        lost.ack.fail();
                        warn!(stage = transform.name(), "output link closed");
                        return;
                    }
                }
                for dead in out.dead_letters {
                    let envelope = Envelope::new(dead, ack.clone());
                    if let Err(mpsc::error::SendError(lost)) = dead_letters.send(envelope).await {
                        lost.ack.fail();
                        warn!(stage = transform.name(), "dead-letter link closed");
                        return;
                    }
                }
            }
        });
    }
    drop(output);
    drop(dead_letters);
    while tasks.join_next().await.is_some() {}
    // Workers only stop early when a downstream link closed: whatever is
    // still queued can no longer be delivered, and dropping it unmarked
    // would acknowledge it.
    let mut input = input.lock().await;
    input.close();
    while let Some(envelope) = input.recv().await {
        envelope.ack.fail();
    }
}

/// Passes dead letters from every stage on to the dead-letter sink,
/// counting and logging each one on the way.
pub async fn count_dead_letters(
    mut input: mpsc::Receiver<Envelope<DeadLetter>>,
    output: mpsc::Sender<Envelope<DeadLetter>>,
) {
    while let Some(envelope) = input.recv().await {
        DeadLettered {
            stage: &envelope.record.stage,
            reason: &envelope.record.reason,
        }
        .emit();
        if let Err(mpsc::error::SendError(envelope)) = output.send(envelope).await {
            // The dead-letter sink stopped: this input can no longer be recorded.
            envelope.ack.fail();
        }
    }
}

/// Hands every record from `input` to each of `outputs` (sharing it with an
/// `Arc`), waiting for the slowest: a slow sink slows the pipeline down
/// instead of growing a buffer.
pub async fn fan_out<T: Send + Sync + 'static>(
    mut input: mpsc::Receiver<Envelope<T>>,
    outputs: Vec<mpsc::Sender<Envelope<Arc<T>>>>,
) {
    while let Some(Envelope { record, ack }) = input.recv().await {
        let record = Arc::new(record);
        for output in &outputs {
            let envelope = Envelope::new(Arc::clone(&record), ack.clone());
            if output.send(envelope).await.is_err() {
                // A sink that stopped can no longer write this record.
                ack.fail();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AckTracker;

    struct SplitWords;

    impl Transform for SplitWords {
        type Input = String;
        type Output = String;

        fn name(&self) -> &'static str {
            "split"
        }

        fn apply(&self, input: String) -> TransformOutput<String> {
            if input.is_empty() {
                let doc = newsflow_model::RawDocument::new("t", "t", Vec::new());
                return TransformOutput::dead_letter(DeadLetter::for_document(
                    "split", "empty", &doc,
                ));
            }
            TransformOutput::records(input.split(' ').map(str::to_owned).collect())
        }
    }

    #[tokio::test]
    async fn derived_records_share_the_input_token() {
        let tracker = AckTracker::<u8, u8>::new(8);
        let (in_tx, in_rx) = mpsc::channel(4);
        let (out_tx, mut out_rx) = mpsc::channel(4);
        let (dl_tx, mut dl_rx) = mpsc::channel(4);
        let runner = tokio::spawn(run_transform(Arc::new(SplitWords), in_rx, out_tx, dl_tx, 2));
        in_tx
            .send(Envelope::new("a b".to_owned(), tracker.register(0, 1).await))
            .await
            .expect("send");
        in_tx
            .send(Envelope::new(String::new(), tracker.register(1, 1).await))
            .await
            .expect("send");
        drop(in_tx);
        let first = out_rx.recv().await.expect("first");
        let second = out_rx.recv().await.expect("second");
        let dead = dl_rx.recv().await.expect("dead letter");
        assert_eq!(dead.record.reason, "empty");
        drop(dead);
        runner.await.expect("runner");
        drop(first);
        assert_eq!(tracker.take_committed().len(), 1, "only stream 1 done");
        drop(second);
        assert_eq!(tracker.take_committed()[0].stream, 0);
    }

    #[tokio::test]
    async fn fan_out_reaches_every_sink() {
        let tracker = AckTracker::<u8, u8>::new(8);
        let (tx, rx) = mpsc::channel(1);
        let (a_tx, mut a_rx) = mpsc::channel(1);
        let (b_tx, mut b_rx) = mpsc::channel(1);
        let task = tokio::spawn(fan_out(rx, vec![a_tx, b_tx]));
        tx.send(Envelope::new(5u32, tracker.register(0, 9).await))
            .await
            .expect("send");
        drop(tx);
        let a = a_rx.recv().await.expect("a");
        let b = b_rx.recv().await.expect("b");
        task.await.expect("fan out");
        assert_eq!((*a.record, *b.record), (5, 5));
        drop(a);
        assert!(tracker.take_committed().is_empty());
        drop(b);
        assert_eq!(tracker.take_committed()[0].position, 9);
    }
}
