//! Offset tracking for the partitions a consumer owns: one [`AckTracker`]
//! per partition (its in-flight bound is the per-partition bound), and the
//! offsets that are finished but not yet committed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use newsflow_runtime::AckTracker;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext};
use rdkafka::{Offset, TopicPartitionList};
use tokio::runtime::Handle;
use tracing::{debug, warn};

/// A partition of a topic.
pub type PartitionKey = (String, i32);
/// Tracks the messages of one partition by offset.
pub type PartitionTracker = AckTracker<PartitionKey, i64>;

pub(crate) struct Partitions {
    max_in_flight: usize,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    trackers: HashMap<PartitionKey, Arc<PartitionTracker>>,
    /// Next offset to commit per partition (last finished + 1), kept until
    /// a commit succeeds.
    to_commit: HashMap<PartitionKey, i64>,
}

impl Partitions {
    pub(crate) fn new(max_in_flight: usize) -> Self {
        Self {
            max_in_flight,
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The maps stay consistent between statements; recover from poison.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The tracker of `key`, created when the partition is first seen.
    pub(crate) fn tracker(&self, key: &PartitionKey) -> Arc<PartitionTracker> {
        let mut state = self.lock();
        Arc::clone(
            state
                .trackers
                .entry(key.clone())
                .or_insert_with(|| PartitionTracker::new(self.max_in_flight)),
        )
    }

    /// Moves newly finished offsets of `only` (or of every partition) into
    /// the to-commit set.
    fn collect(&self, only: Option<&[PartitionKey]>) {
        let mut state = self.lock();
        let trackers: Vec<_> = state
            .trackers
            .iter()
            .filter(|(key, _)| selected(only, key))
            .map(|(_, tracker)| Arc::clone(tracker))
            .collect();
        for tracker in trackers {
            for committed in tracker.take_committed() {
                state
                    .to_commit
                    .insert(committed.stream, committed.position + 1);
            }
        }
    }

    /// Commits every finished offset (of `only`, if given). Offsets whose
    /// commit fails are kept and retried on the next call.
    pub(crate) fn commit<C: ConsumerContext>(
        &self,
        consumer: &BaseConsumer<C>,
        only: Option<&[PartitionKey]>,
    ) -> usize {
        self.collect(only);
        let offsets: Vec<(PartitionKey, i64)> = {
            let state = self.lock();
            state
                .to_commit
                .iter()
                .filter(|(key, _)| selected(only, key))
                .map(|(key, offset)| (key.clone(), *offset))
                .collect()
        };
        if offsets.is_empty() {
            return 0;
        }
        let mut list = TopicPartitionList::new();
        for ((topic, partition), offset) in &offsets {
            if let Err(e) = list.add_partition_offset(topic, *partition, Offset::Offset(*offset)) {
                warn!(topic, partition, error = %e, "cannot build commit list");
            }
        }
        match consumer.commit(&list, CommitMode::Sync) {
            Ok(()) => {
                let mut state = self.lock();
                for (key, offset) in &offsets {
                    // A newer offset may have arrived meanwhile: keep it.
                    if state.to_commit.get(key) == Some(offset) {
                        state.to_commit.remove(key);
                    }
                }
                debug!(partitions = offsets.len(), "committed offsets");
                offsets.len()
            }
            Err(e) => {
                warn!(error = %e, "offset commit failed; will retry");
                0
            }
        }
    }

    /// Partitions are revoked: waits (bounded) for their in-flight messages,
    /// commits what is finished, and forgets them. Late acks of a forgotten
    /// partition are never committed here: the new owner replays them.
    pub(crate) fn revoke<C: ConsumerContext>(
        &self,
        consumer: &BaseConsumer<C>,
        revoked: &[PartitionKey],
        handle: &Handle,
        drain_timeout: Duration,
    ) {
        let trackers: Vec<_> = {
            let state = self.lock();
            revoked
                .iter()
                .filter_map(|key| state.trackers.get(key).cloned())
                .collect()
        };
        let drained = handle.block_on(async {
            tokio::time::timeout(drain_timeout, async {
                for tracker in &trackers {
                    tracker.wait_idle().await;
                }
            })
            .await
            .is_ok()
        });
        if !drained {
            warn!(
                partitions = revoked.len(),
                "revoked partitions still had records in flight; they will be replayed by the new owner"
            );
        }
        self.commit(consumer, Some(revoked));
        let mut state = self.lock();
        for key in revoked {
            state.trackers.remove(key);
            state.to_commit.remove(key);
        }
    }

    /// Waits (bounded) until every owned partition is idle.
    pub(crate) fn wait_all_idle(&self, handle: &Handle, timeout: Duration) -> bool {
        let trackers: Vec<_> = self.lock().trackers.values().cloned().collect();
        handle.block_on(async {
            tokio::time::timeout(timeout, async {
                for tracker in &trackers {
                    tracker.wait_idle().await;
                }
            })
            .await
            .is_ok()
        })
    }

    /// Messages consumed and not yet finished, over every partition.
    pub(crate) fn pending(&self) -> usize {
        self.lock().trackers.values().map(|t| t.pending()).sum()
    }
}

pub(crate) fn keys_of(list: &TopicPartitionList) -> Vec<PartitionKey> {
    list.elements()
        .iter()
        .map(|e| (e.topic().to_owned(), e.partition()))
        .collect()
}

/// Whether `key` is among `only` (all partitions when `only` is None).
fn selected(only: Option<&[PartitionKey]>, key: &PartitionKey) -> bool {
    match only {
        None => true,
        Some(keys) => keys.contains(key),
    }
}
