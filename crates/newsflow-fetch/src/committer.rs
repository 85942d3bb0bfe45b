//! Turns committed positions into the checkpoint file: applies them, removes
//! finished files when asked to, and writes the checkpoint atomically at
//! most every [`DEBOUNCE`] and once more when stopped.

use std::collections::HashSet;
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use newsflow_runtime::{AckTracker, CancellationToken};
use tokio::task::JoinHandle;
use tokio_util::sync::DropGuard;
use tracing::{info, warn};

use crate::checkpoint::{write_atomically, Checkpoint, FileCheckpoint, FilePosition, Fingerprint};
use crate::{AfterDone, FetchError};

const DEBOUNCE: Duration = Duration::from_millis(200);

/// State shared by the reading side and the committer task.
pub(crate) struct Shared {
    pub source: String,
    pub checkpoint_path: PathBuf,
    pub tracker: Arc<AckTracker<String, FilePosition>>,
    pub after_done: AfterDone,
    checkpoint: Mutex<Book>,
}

struct Book {
    checkpoint: Checkpoint,
    dirty: bool,
}

impl Shared {
    pub fn new(
        source: String,
        checkpoint_path: PathBuf,
        checkpoint: Checkpoint,
        tracker: Arc<AckTracker<String, FilePosition>>,
        after_done: AfterDone,
    ) -> Self {
        Self {
            source,
            checkpoint_path,
            tracker,
            after_done,
            checkpoint: Mutex::new(Book {
                checkpoint,
                dirty: false,
            }),
        }
    }

    fn book(&self) -> MutexGuard<'_, Book> {
        // Only plain map updates happen under this lock; recover from poison.
        self.checkpoint.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets files no longer listed that have nothing in flight, so the
    /// checkpoint does not grow with every file a spool ever saw.
    pub fn forget_unlisted(&self, listed: &HashSet<&str>) {
        let mut book = self.book();
        let before = book.checkpoint.files.len();
        book.checkpoint
            .files
            .retain(|key, _| listed.contains(key.as_str()) || self.tracker.pending_in(key) > 0);
        if book.checkpoint.files.len() != before {
            book.dirty = true;
        }
    }

    fn forget(&self, key: &str) {
        let mut book = self.book();
        if book.checkpoint.files.remove(key).is_some() {
            book.dirty = true;
        }
    }

    /// Applies committed positions; returns the files now fully committed.
    fn apply_committed(&self) -> Vec<(String, Fingerprint)> {
        let committed = self.tracker.take_committed();
        let mut finished = Vec::new();
        let mut book = self.book();
        for c in committed {
            let position = c.position;
            if position.offset == 0 && !position.done {
                // A dead letter for a file unreadable from its start: nothing
                // is learned, and an older entry must not be overwritten.
                continue;
            }
            if position.done {
                finished.push((c.stream.clone(), position.fingerprint));
            }
            book.checkpoint
                .files
                .insert(c.stream.clone(), FileCheckpoint::new(c.stream, position));
            book.dirty = true;
        }
        finished
    }

    /// Applies what committed, deletes finished files if configured, and
    /// writes the checkpoint if it changed.
    async fn commit(&self) -> Result<(), FetchError> {
        for (key, fingerprint) in self.apply_committed() {
            info!(source = %self.source, path = %key, "file fully committed");
            if self.after_done == AfterDone::Delete {
                self.delete_finished(&key, fingerprint).await;
            }
        }
        let json = {
            let mut book = self.book();
            if !book.dirty {
                return Ok(());
            }
            book.dirty = false;
            book.checkpoint.to_json(&self.source)
        };
        let json = json.map_err(|e| FetchError::WriteCheckpoint {
            path: self.checkpoint_path.clone(),
            source: io::Error::other(e),
        })?;
        let path = self.checkpoint_path.clone();
        let written = tokio::task::spawn_blocking(move || write_atomically(&path, &json)).await;
        let result = written.map_err(FetchError::from).and_then(|r| r);
        if result.is_err() {
            self.book().dirty = true; // try again next time
        }
        result
    }

    /// Removes a finished file unless it was replaced meanwhile, and forgets it.
    pub async fn delete_finished(&self, key: &str, fingerprint: Fingerprint) {
        let path = PathBuf::from(key);
        let removed = tokio::task::spawn_blocking(move || {
            let current = std::fs::metadata(&path).map(|m| Fingerprint::of(&m))?;
            if current != fingerprint {
                return Ok(false); // a new version arrived: leave it to be read
            }
            std::fs::remove_file(&path).map(|()| true)
        })
        .await;
        match removed {
            Ok(Ok(true)) => {
                info!(source = %self.source, path = %key, "deleted finished file");
                self.forget(key);
            }
            Ok(Ok(false)) => {}
            Ok(Err(e)) if e.kind() == io::ErrorKind::NotFound => self.forget(key),
            Ok(Err(e)) => {
                warn!(source = %self.source, path = %key, error = %e, "cannot delete finished file")
            }
            Err(e) => warn!(source = %self.source, path = %key, error = %e, "delete task failed"),
        }
    }
}

/// The committer task; stops (with a final write) when told or dropped.
pub(crate) struct Committer {
    stop: CancellationToken,
    task: JoinHandle<Result<(), FetchError>>,
}

impl Committer {
    pub fn spawn(shared: Arc<Shared>) -> Self {
        let stop = CancellationToken::new();
        let task = tokio::spawn(run(shared, stop.clone()));
        Self { stop, task }
    }

    /// Cancels the committer (after one last write) when the guard drops,
    /// e.g. when the caller abandons the source mid-shutdown.
    pub fn stop_guard(&self) -> DropGuard {
        self.stop.clone().drop_guard()
    }

    /// Final commit and write; returns its outcome.
    pub async fn finish(self) -> Result<(), FetchError> {
        self.stop.cancel();
        self.task.await?
    }
}

async fn run(shared: Arc<Shared>, stop: CancellationToken) -> Result<(), FetchError> {
    loop {
        let stopping = tokio::select! {
            _ = stop.cancelled() => true,
            _ = tokio::time::sleep(DEBOUNCE) => false,
        };
        match shared.commit().await {
            Err(e) if stopping => return Err(e),
            Err(e) => {
                warn!(source = %shared.source, error = %e, "checkpoint not written; retrying")
            }
            Ok(()) => {}
        }
        if stopping {
            return Ok(());
        }
    }
}
