//! Test harness: a source context with bounded links, and fake downstreams
//! that acknowledge (drop) or hold envelopes.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};
use std::time::Duration;

use newsflow_fetch::{checkpoint_path, Checkpoint, FileCheckpoint, SourceContext};
use newsflow_model::{DeadLetter, RawDocument};
use newsflow_runtime::{CancellationToken, Envelope};
use tokio::sync::mpsc::{channel, Receiver};
use tokio::task::JoinHandle;

pub struct Links {
    pub docs: Receiver<Envelope<RawDocument>>,
    pub dead: Receiver<Envelope<DeadLetter>>,
}

pub fn context(
    name: &str,
    state_dir: &Path,
    capacity: usize,
) -> (SourceContext, Links, CancellationToken) {
    let (out, docs) = channel(capacity);
    let (dead_letters, dead) = channel(capacity);
    let shutdown = CancellationToken::new();
    let ctx = SourceContext {
        name: name.to_owned(),
        out,
        dead_letters,
        shutdown: shutdown.clone(),
        state_dir: state_dir.to_owned(),
    };
    (ctx, Links { docs, dead }, shutdown)
}

/// What an acknowledging downstream received.
#[derive(Debug, Default)]
pub struct Received {
    pub docs: Vec<RawDocument>,
    pub dead: Vec<DeadLetter>,
}

impl Received {
    pub fn text_of(&self, origin: &Path) -> String {
        let origin = origin.to_string_lossy();
        self.docs
            .iter()
            .filter(|d| d.origin == origin)
            .map(|d| String::from_utf8_lossy(&d.bytes).into_owned())
            .collect()
    }
}

/// Receives until both links close, acknowledging every envelope at once.
pub fn acking(mut links: Links) -> JoinHandle<Received> {
    tokio::spawn(async move {
        let mut received = Received::default();
        let (mut docs_open, mut dead_open) = (true, true);
        while docs_open || dead_open {
            tokio::select! {
                doc = links.docs.recv(), if docs_open => match doc {
                    Some(envelope) => received.docs.push(envelope.record),
                    None => docs_open = false,
                },
                dead = links.dead.recv(), if dead_open => match dead {
                    Some(envelope) => received.dead.push(envelope.record),
                    None => dead_open = false,
                },
            }
        }
        received
    })
}

/// Fails the test instead of hanging forever (a liveness bound, not a timing check).
pub async fn within<T>(what: &str, future: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(30), future)
        .await
        .unwrap_or_else(|_| panic!("{what} did not happen within 30 s"))
}

pub fn load_checkpoint(state_dir: &Path, name: &str) -> Checkpoint {
    Checkpoint::load(&checkpoint_path(state_dir, name)).expect("checkpoint loads")
}

pub fn entry<'a>(checkpoint: &'a Checkpoint, file: &Path) -> Option<&'a FileCheckpoint> {
    checkpoint.files.get(file.to_string_lossy().as_ref())
}

/// Polls the checkpoint file until `check` holds.
pub async fn wait_for_checkpoint(
    state_dir: &Path,
    name: &str,
    check: impl Fn(&Checkpoint) -> bool,
) {
    within("checkpoint condition", async {
        loop {
            if check(&load_checkpoint(state_dir, name)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
}

/// Numbered paragraphs of invented text: "para N line M" lines, blank-line separated.
pub fn paragraphs(count: usize, lines_each: usize) -> String {
    let mut text = String::new();
    for p in 0..count {
        for l in 0..lines_each {
            text.push_str(&format!(
                "para {p} line {l}: the harbour council met again today\n"
            ));
        }
        text.push('\n');
    }
    text
}

pub fn path_string(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

pub fn dirs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let state = dir.path().join("state");
    std::fs::create_dir(&input).expect("input dir");
    (dir, input, state)
}
