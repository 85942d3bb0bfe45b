//! End-to-end acknowledgement. A source registers every unit it emits (a
//! file chunk, a Kafka message) with its [`AckTracker`] and gets an
//! [`AckToken`]; every record derived from that unit carries a clone of the
//! token; sinks drop their clone once the record is durably written. When the
//! last clone is dropped the unit is finished, and the tracker advances the
//! committed position of its stream past every finished unit — never past an
//! unfinished or failed one, so a crash replays instead of losing records.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hash;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

/// Token carried by every record derived from one source unit.
#[derive(Clone)]
pub struct AckToken {
    inner: Arc<TokenInner>,
}

impl AckToken {
    /// Marks the unit as failed (a sink gave up on a derived record): its
    /// position is never committed, so it is replayed after a restart.
    pub fn fail(&self) {
        self.inner.failed.store(true, Ordering::Release);
    }

    /// A token that tracks nothing, for records with no source position
    /// (stdin, one-shot parsing, tests).
    pub fn untracked() -> Self {
        Self {
            inner: Arc::new(TokenInner {
                seq: 0,
                failed: AtomicBool::new(false),
                tracker: None,
                _permit: None,
            }),
        }
    }
}

impl fmt::Debug for AckToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AckToken")
            .field("seq", &self.inner.seq)
            .field("failed", &self.inner.failed.load(Ordering::Relaxed))
            .finish()
    }
}

struct TokenInner {
    seq: u64,
    failed: AtomicBool,
    tracker: Option<Arc<dyn FinishUnit>>,
    /// Held until the unit is finished: bounds the units in flight.
    _permit: Option<OwnedSemaphorePermit>,
}

impl Drop for TokenInner {
    fn drop(&mut self) {
        if let Some(tracker) = &self.tracker {
            let failed = self.failed.load(Ordering::Acquire);
            crate::events::UnitFinished { failed }.emit();
            tracker.finish(self.seq, failed);
        }
    }
}

trait FinishUnit: Send + Sync {
    fn finish(&self, seq: u64, failed: bool);
}

/// A position that became committed: every unit of `stream` up to and
/// including the one that ended at `position` is finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committed<K, P> {
    pub stream: K,
    pub position: P,
}

/// Tracks the units of one source in flight, per stream (a file, a
/// partition), and the committed position of each stream.
pub struct AckTracker<K, P> {
    state: Mutex<TrackerState<K, P>>,
    changed: Notify,
    in_flight: Arc<Semaphore>,
    max_in_flight: usize,
}

struct TrackerState<K, P> {
    next_seq: u64,
    /// seq -> stream, to find a finished unit's stream.
    stream_of: HashMap<u64, K>,
    streams: HashMap<K, BTreeMap<u64, Unit<P>>>,
    newly_committed: HashMap<K, P>,
    failed_units: u64,
}

struct Unit<P> {
    position: P,
    state: UnitState,
}

#[derive(PartialEq, Eq)]
enum UnitState {
    InFlight,
    Done,
    Failed,
}

impl<K, P> AckTracker<K, P>
where
    K: Eq + Hash + Clone + Send + 'static,
    P: Clone + Send + 'static,
{
    /// At most `max_in_flight` units may be unfinished at once; `register`
    /// waits for a free place (backpressure on the source).
    pub fn new(max_in_flight: usize) -> Arc<Self> {
        let max_in_flight = max_in_flight.max(1);
        Arc::new(Self {
            state: Mutex::new(TrackerState {
                next_seq: 0,
                stream_of: HashMap::new(),
                streams: HashMap::new(),
                newly_committed: HashMap::new(),
                failed_units: 0,
            }),
            changed: Notify::new(),
            in_flight: Arc::new(Semaphore::new(max_in_flight)),
            max_in_flight,
        })
    }

    pub fn max_in_flight(&self) -> usize {
        self.max_in_flight
    }

    /// Registers a unit of `stream` that ends at `position` and returns its
    /// token. Waits while `max_in_flight` units are unfinished.
    pub async fn register(self: &Arc<Self>, stream: K, position: P) -> AckToken {
        // The semaphore is owned by the tracker and never closed.
        let permit = Arc::clone(&self.in_flight).acquire_owned().await.ok();
        let seq = {
            let mut state = self.lock();
            let seq = state.next_seq;
            state.next_seq += 1;
            state.stream_of.insert(seq, stream.clone());
            state.streams.entry(stream).or_default().insert(
                seq,
                Unit {
                    position,
                    state: UnitState::InFlight,
                },
            );
            seq
        };
        AckToken {
            inner: Arc::new(TokenInner {
                seq,
                failed: AtomicBool::new(false),
                tracker: Some(Arc::clone(self) as Arc<dyn FinishUnit>),
                _permit: permit,
            }),
        }
    }

    /// Positions committed since the last call, one per stream (the newest).
    pub fn take_committed(&self) -> Vec<Committed<K, P>> {
        self.lock()
            .newly_committed
            .drain()
            .map(|(stream, position)| Committed { stream, position })
            .collect()
    }

    /// Units registered and not yet finished successfully (failed units count:
    /// they stay until a restart replays them).
    pub fn pending(&self) -> usize {
        self.lock().streams.values().map(BTreeMap::len).sum()
    }

    /// Units of `stream` not yet committed.
    pub fn pending_in(&self, stream: &K) -> usize {
        self.lock().streams.get(stream).map_or(0, BTreeMap::len)
    }

    /// Units that a sink failed to deliver since start.
    pub fn failed_units(&self) -> u64 {
        self.lock().failed_units
    }

    /// Resolves when a unit finishes.
    pub async fn changed(&self) {
        self.changed.notified().await
    }

    /// Waits until every registered unit has finished or failed.
    pub async fn wait_idle(&self) {
        loop {
            let notified = self.changed.notified();
            if self.lock().in_flight_count() == 0 {
                return;
            }
            notified.await;
        }
    }

    fn lock(&self) -> MutexGuard<'_, TrackerState<K, P>> {
        // A panic while holding this lock cannot leave the maps half-updated
        // in a way that matters more than losing the process, so recover.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<K, P> TrackerState<K, P>
where
    K: Eq + Hash + Clone,
    P: Clone,
{
    fn in_flight_count(&self) -> usize {
        self.streams
            .values()
            .flat_map(BTreeMap::values)
            .filter(|u| u.state == UnitState::InFlight)
            .count()
    }
}

impl<K, P> FinishUnit for AckTracker<K, P>
where
    K: Eq + Hash + Clone + Send + 'static,
    P: Clone + Send + 'static,
{
    fn finish(&self, seq: u64, failed: bool) {
        {
            let mut state = self.lock();
            let Some(stream) = state.stream_of.remove(&seq) else {
                return;
            };
            if failed {
                state.failed_units += 1;
            }
            let mut committed = None;
            if let Some(units) = state.streams.get_mut(&stream) {
                if let Some(unit) = units.get_mut(&seq) {
                    unit.state = if failed {
                        UnitState::Failed
                    } else {
                        UnitState::Done
                    };
                }
                // Advance over the finished prefix; a failed unit blocks it.
                while let Some(entry) = units.first_entry() {
                    if entry.get().state != UnitState::Done {
                        break;
                    }
                    committed = Some(entry.remove().position);
                }
                if units.is_empty() {
                    state.streams.remove(&stream);
                }
            }
            if let Some(position) = committed {
                state.newly_committed.insert(stream, position);
            }
        }
        self.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn commits_only_the_finished_prefix() {
        let tracker = AckTracker::<&str, u64>::new(10);
        let a = tracker.register("f", 10).await;
        let b = tracker.register("f", 20).await;
        let c = tracker.register("f", 30).await;
        drop(b);
        assert!(tracker.take_committed().is_empty(), "gap at unit a");
        drop(a);
        assert_eq!(
            tracker.take_committed(),
            vec![Committed {
                stream: "f",
                position: 20
            }]
        );
        let c2 = c.clone();
        drop(c);
        assert!(tracker.take_committed().is_empty(), "a clone is still out");
        drop(c2);
        assert_eq!(tracker.take_committed()[0].position, 30);
        assert_eq!(tracker.pending(), 0);
    }

    #[tokio::test]
    async fn a_failed_unit_blocks_its_stream_only() {
        let tracker = AckTracker::<&str, u64>::new(10);
        let a = tracker.register("f", 1).await;
        let b = tracker.register("f", 2).await;
        let other = tracker.register("g", 7).await;
        a.fail();
        drop(a);
        drop(b);
        drop(other);
        let committed = tracker.take_committed();
        assert_eq!(
            committed,
            vec![Committed {
                stream: "g",
                position: 7
            }]
        );
        assert_eq!(tracker.failed_units(), 1);
        assert_eq!(tracker.pending_in(&"f"), 2);
        tracker.wait_idle().await;
    }

    #[tokio::test]
    async fn register_waits_for_a_free_place() {
        let tracker = AckTracker::<u8, u8>::new(1);
        let first = tracker.register(0, 0).await;
        let t2 = Arc::clone(&tracker);
        let second = tokio::spawn(async move { t2.register(0, 1).await });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!second.is_finished(), "second unit must wait");
        drop(first);
        let token = second.await.expect("join");
        drop(token);
        assert_eq!(tracker.take_committed()[0].position, 1);
    }
}
