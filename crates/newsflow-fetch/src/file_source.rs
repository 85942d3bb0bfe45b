//! The file source: lists files, streams each one through the chunker, and
//! resumes from / commits to its checkpoint.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::SeekFrom;
use std::sync::Arc;
use std::time::Duration;

use newsflow_runtime::AckTracker;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tracing::{info, warn};

use crate::checkpoint::{checkpoint_path, Checkpoint, FileCheckpoint, Fingerprint};
use crate::chunker::{ChunkLimits, Cursor};
use crate::committer::{Committer, Shared};
use crate::delivery::{pump, Flow, Outlet, PumpEnd, Tracking};
use crate::listing::{list_files, Filters, Found, FoundFile};
use crate::{FetchError, FileSourceConfig, SourceContext};

/// Runs a file source until every matching file is read and committed
/// (`watch = false`) or until shutdown (`watch = true`). See
/// [`FileSourceConfig`] for the behaviour; bad files become dead letters,
/// errors are only for broken infrastructure (state dir, checkpoint, links).
pub async fn run_file_source(
    config: FileSourceConfig,
    ctx: SourceContext,
) -> Result<(), FetchError> {
    config.validate()?;
    let filters = Filters::new(&config)?;
    let SourceContext {
        name,
        out,
        dead_letters,
        shutdown,
        state_dir,
    } = ctx;
    tokio::fs::create_dir_all(&state_dir)
        .await
        .map_err(|source| FetchError::StateDir {
            path: state_dir.clone(),
            source,
        })?;
    let path = checkpoint_path(&state_dir, &name);
    let load_path = path.clone();
    let checkpoint = tokio::task::spawn_blocking(move || Checkpoint::load(&load_path)).await??;
    let resume = checkpoint.files.clone();
    let tracker = AckTracker::new(config.max_in_flight);
    let shared = Arc::new(Shared::new(
        name.clone(),
        path,
        checkpoint,
        Arc::clone(&tracker),
        config.after_done,
    ));
    let committer = Committer::spawn(Arc::clone(&shared));
    let _stop_committer_if_abandoned = committer.stop_guard();

    info!(source = %name, watch = config.watch, paths = ?config.paths, "file source started");
    let outlet = Outlet {
        source: name.clone(),
        media_type: config
            .media_type
            .clone()
            .unwrap_or_else(|| "text/plain".to_owned()),
        out,
        dead_letters,
        shutdown,
    };
    let mut reader = FileReader {
        config: &config,
        filters,
        outlet: &outlet,
        shared: &shared,
        resume,
    };
    let result = if config.watch {
        reader.watch().await
    } else {
        reader.once().await
    };
    // Close our end of the links so the pipeline can drain, then wait for
    // what is in flight (the caller may cut this wait short).
    drop(reader);
    drop(outlet);
    tracker.wait_idle().await;
    let written = committer.finish().await;
    info!(source = %name, failed_units = tracker.failed_units(), "file source stopped");
    result.and(written)
}

struct FileReader<'a> {
    config: &'a FileSourceConfig,
    filters: Filters,
    outlet: &'a Outlet,
    shared: &'a Shared,
    /// Checkpoint entries found at start, consumed as files are taken.
    resume: BTreeMap<String, FileCheckpoint>,
}

impl FileReader<'_> {
    async fn once(&mut self) -> Result<(), FetchError> {
        let listing = self.list(true).await?;
        if listing.is_empty() {
            warn!(source = %self.outlet.source, paths = ?self.config.paths, "no files matched");
        }
        for found in &listing {
            let flow = match found {
                Found::File(file) => self.read_file(file).await?,
                Found::Unreadable { key, error } => {
                    self.report_unreadable(key, error, None).await?
                }
            };
            if flow == Flow::Stop || self.outlet.shutdown.is_cancelled() {
                break;
            }
        }
        Ok(())
    }

    async fn watch(&mut self) -> Result<(), FetchError> {
        let interval = Duration::from_millis(self.config.poll_interval_ms);
        // Taken in this run, with the version taken (None: reported unreadable).
        let mut taken: HashMap<String, Option<Fingerprint>> = HashMap::new();
        // Seen once; taken when the next poll sees the same version.
        let mut settling: HashMap<String, Fingerprint> = HashMap::new();
        loop {
            let listing = self.list(false).await?;
            let mut still_settling = HashMap::new();
            for found in &listing {
                if self.outlet.shutdown.is_cancelled() {
                    return Ok(());
                }
                let flow = match found {
                    Found::File(file) => {
                        let version = Some(file.fingerprint);
                        if taken.get(&file.key) == Some(&version) {
                            continue;
                        }
                        if settling.get(&file.key) != Some(&file.fingerprint) {
                            still_settling.insert(file.key.clone(), file.fingerprint);
                            continue;
                        }
                        taken.insert(file.key.clone(), version);
                        self.read_file(file).await?
                    }
                    Found::Unreadable { key, error } => {
                        if taken.get(key) == Some(&None) {
                            continue;
                        }
                        taken.insert(key.clone(), None);
                        self.report_unreadable(key, error, None).await?
                    }
                };
                if flow == Flow::Stop {
                    return Ok(());
                }
            }
            settling = still_settling;
            let listed: HashSet<&str> = listing.iter().map(Found::key).collect();
            taken.retain(|key, _| listed.contains(key.as_str()));
            tokio::select! {
                _ = self.outlet.shutdown.cancelled() => return Ok(()),
                _ = tokio::time::sleep(interval) => {}
            }
        }
    }

    async fn list(&self, report_missing: bool) -> Result<Vec<Found>, FetchError> {
        let paths = self.config.paths.clone();
        let filters = self.filters.clone();
        let listing =
            tokio::task::spawn_blocking(move || list_files(&paths, &filters, report_missing))
                .await?;
        self.shared
            .forget_unlisted(&listing.iter().map(Found::key).collect());
        Ok(listing)
    }

    /// Streams one file from its checkpoint (or skips it when done).
    async fn read_file(&mut self, found: &FoundFile) -> Result<Flow, FetchError> {
        let source = &self.outlet.source;
        let key = found.key.as_str();
        let mut file = match tokio::fs::File::open(&found.path).await {
            Ok(file) => file,
            Err(e) => {
                return self
                    .report_unreadable(key, &e.to_string(), Some(found))
                    .await
            }
        };
        let metadata = match file.metadata().await {
            Ok(metadata) => metadata,
            Err(e) => {
                return self
                    .report_unreadable(key, &e.to_string(), Some(found))
                    .await
            }
        };
        // The version actually opened (the file may have been replaced since listing).
        let fingerprint = Fingerprint::of(&metadata);
        let start = match self.resume.remove(key) {
            Some(entry) if entry.fingerprint == fingerprint && entry.done => {
                info!(source = %source, path = %key, "already done, skipping");
                if self.shared.after_done == crate::AfterDone::Delete {
                    self.shared.delete_finished(key, fingerprint).await;
                }
                return Ok(Flow::Continue);
            }
            Some(entry) if entry.fingerprint == fingerprint && entry.offset <= fingerprint.len => {
                Cursor {
                    offset: entry.offset,
                    line: entry.line,
                }
            }
            _ => Cursor::START,
        };
        if start.offset > 0 {
            if let Err(e) = file.seek(SeekFrom::Start(start.offset)).await {
                return self
                    .report_unreadable(key, &e.to_string(), Some(found))
                    .await;
            }
        }
        info!(source = %source, path = %key, offset = start.offset, line = start.line, "reading file");
        // Read the version fingerprinted, not what a writer appends meanwhile
        // (a changed file is read again as a new version).
        let mut reader = file.take(fingerprint.len - start.offset);
        let tracking = Tracking::File {
            tracker: &self.shared.tracker,
            key,
            fingerprint,
        };
        let limits = ChunkLimits {
            max_chunk_bytes: self.config.max_chunk_bytes,
            max_line_bytes: self.config.max_line_bytes,
        };
        let (end, stats) = pump(
            &mut reader,
            key,
            start,
            limits,
            &tracking,
            self.outlet,
            None,
        )
        .await?;
        match end {
            PumpEnd::Eof => {
                info!(
                    source = %source, path = %key, chunks = stats.chunks,
                    dead_letters = stats.dead_letters, bytes = stats.bytes,
                    "file read"
                );
                Ok(Flow::Continue)
            }
            PumpEnd::Stopped => {
                info!(source = %source, path = %key, "stopped mid-file");
                Ok(Flow::Stop)
            }
            PumpEnd::ReadFailed { error, at } => {
                let reason = format!("cannot read {key} at byte {}: {error}", at.offset);
                let dead_letter = self.outlet.dead_letter(reason, key, at, &[], 0);
                self.outlet
                    .send_dead_letter(&tracking, at, false, dead_letter)
                    .await
            }
        }
    }

    /// A dead letter for a file that cannot be read at all. Registered at
    /// the file's resume position, so it never moves the checkpoint.
    async fn report_unreadable(
        &self,
        key: &str,
        error: &str,
        found: Option<&FoundFile>,
    ) -> Result<Flow, FetchError> {
        let (fingerprint, at) = match self.resume.get(key) {
            Some(entry) => (
                entry.fingerprint,
                Cursor {
                    offset: entry.offset,
                    line: entry.line,
                },
            ),
            None => (
                found.map_or(Fingerprint::default(), |f| f.fingerprint),
                Cursor::START,
            ),
        };
        let tracking = Tracking::File {
            tracker: &self.shared.tracker,
            key,
            fingerprint,
        };
        let reason = format!("cannot read {key}: {error}");
        let dead_letter = self.outlet.dead_letter(reason, key, at, &[], 0);
        self.outlet
            .send_dead_letter(&tracking, at, false, dead_letter)
            .await
    }
}
