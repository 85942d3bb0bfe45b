//! The stage runner: a pure, synchronous [`Transform`] (parse, enrich) run on
//! a bounded pool of blocking workers between two bounded links, and the
//! fan-out that hands each output record to every sink.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Instant;

use newsflow_model::DeadLetter;
use tokio::sync::{mpsc, Mutex};
use tracing::{debug, warn};

use crate::events::{DeadLettered, StagePanicked, StageProcessed};
use crate::{AckToken, Envelope};

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

    /// How many already-queued inputs a worker may take at once. Batches
    /// save blocking-pool hops for small inputs; a stage with big inputs
    /// (whole chunks of a file) keeps it at 1, because a worker holds every
    /// output of its batch until it can pass them on.
    fn max_batch(&self) -> usize {
        MAX_BATCH
    }

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
                let batch = next_batch(&input, transform.max_batch()).await;
                if batch.is_empty() {
                    debug!(stage = transform.name(), worker, "input closed");
                    return;
                }
                let (records, acks): (Vec<_>, Vec<_>) =
                    batch.into_iter().map(|e| (e.record, e.ack)).unzip();
                let t = Arc::clone(&transform);
                let outputs =
                    match tokio::task::spawn_blocking(move || apply_each(&*t, records)).await {
                        Ok(outputs) => outputs,
                        Err(e) => {
                            // apply_each catches panics; this is a cancelled
                            // runtime. Nothing of the batch may be committed.
                            warn!(stage = transform.name(), error = %e, "stage worker lost");
                            acks.iter().for_each(AckToken::fail);
                            continue;
                        }
                    };
                for (outcome, ack) in outputs.into_iter().zip(acks) {
                    let out = match outcome {
                        Ok(out) => out,
                        Err(panic) => {
                            // A panic in a pure stage is a bug: keep the daemon
                            // alive, and fail the input so it is never committed.
                            StagePanicked {
                                stage: transform.name(),
                                error: &panic,
                            }
                            .emit();
                            ack.fail();
                            continue;
                        }
                    };
                    if !forward(&*transform, out, &ack, &output, &dead_letters).await {
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

/// Inputs one worker takes at once when they are already waiting: one
/// blocking-pool hop per batch instead of per record, no added latency.
const MAX_BATCH: usize = 32;

/// Waits for one input, then takes what else is already queued (up to
/// `max_batch`). Empty when the link is closed and drained.
async fn next_batch<T>(
    input: &Mutex<mpsc::Receiver<Envelope<T>>>,
    max_batch: usize,
) -> Vec<Envelope<T>> {
    let mut input = input.lock().await;
    let Some(first) = input.recv().await else {
        return Vec::new();
    };
    let mut batch = vec![first];
    while batch.len() < max_batch {
        match input.try_recv() {
            Ok(envelope) => batch.push(envelope),
            Err(_) => break,
        }
    }
    batch
}

/// Runs the transform on each input, catching a panic per input so one bad
/// record cannot take its batch-mates down with it.
fn apply_each<T: Transform>(
    transform: &T,
    records: Vec<T::Input>,
) -> Vec<Result<TransformOutput<T::Output>, String>> {
    records
        .into_iter()
        .map(|record| {
            let started = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| transform.apply(record)));
            outcome
                .inspect(|out| {
                    StageProcessed {
                        stage: transform.name(),
                        records: out.records.len(),
                        dead_letters: out.dead_letters.len(),
                        elapsed: started.elapsed(),
                    }
                    .emit()
                })
                .map_err(|panic| panic_message(panic.as_ref()))
        })
        .collect()
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Sends one input's records and dead letters on, each with the input's
/// token. False when a link is closed (the worker should stop).
async fn forward<T: Transform>(
    transform: &T,
    out: TransformOutput<T::Output>,
    ack: &AckToken,
    output: &mpsc::Sender<Envelope<T::Output>>,
    dead_letters: &mpsc::Sender<Envelope<DeadLetter>>,
) -> bool {
    for record in out.records {
        if let Err(mpsc::error::SendError(lost)) =
            output.send(Envelope::new(record, ack.clone())).await
        {
            // Dropping it unmarked would acknowledge it.
            lost.ack.fail();
            warn!(stage = transform.name(), "output link closed");
            return false;
        }
    }
    for dead in out.dead_letters {
        if let Err(mpsc::error::SendError(lost)) =
            dead_letters.send(Envelope::new(dead, ack.clone())).await
        {
            lost.ack.fail();
            warn!(stage = transform.name(), "dead-letter link closed");
            return false;
        }
    }
    true
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
            if input == "panic" {
                panic!("bad input");
            }
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
            .send(Envelope::new(
                "a b".to_owned(),
                tracker.register(0, 1).await,
            ))
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
    async fn a_panic_fails_its_own_input_only() {
        let tracker = AckTracker::<u8, u8>::new(8);
        let (in_tx, in_rx) = mpsc::channel(8);
        let (out_tx, mut out_rx) = mpsc::channel(8);
        let (dl_tx, _dl_rx) = mpsc::channel(8);
        // Queue everything first so the worker takes it as one batch.
        for (stream, text) in [(0, "a"), (1, "panic"), (2, "b")] {
            let ack = tracker.register(stream, 1).await;
            in_tx
                .send(Envelope::new(text.to_owned(), ack))
                .await
                .expect("send");
        }
        drop(in_tx);
        run_transform(Arc::new(SplitWords), in_rx, out_tx, dl_tx, 1).await;
        let mut words = Vec::new();
        while let Some(envelope) = out_rx.recv().await {
            words.push(envelope.record.clone());
        }
        assert_eq!(words, vec!["a", "b"]);
        let mut committed: Vec<u8> = tracker.take_committed().iter().map(|c| c.stream).collect();
        committed.sort_unstable();
        assert_eq!(committed, vec![0, 2]);
        assert_eq!(tracker.failed_units(), 1);
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
