//! The blocking half of the file sink: appends whole lines to the current
//! file, rotates by size and age, and makes each written part durable.
//! Runs inside `spawn_blocking`; owned by one sink task at a time.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use tracing::{debug, info, warn};

use super::names::{file_name, stamp};
use super::repair::{repair_torn_tails, RepairedFile};
use crate::batch::Lines;
use crate::error::FileError;

pub(crate) struct RotatingWriter {
    dir: PathBuf,
    prefix: String,
    rotate_bytes: u64,
    rotate_after: Option<Duration>,
    fsync: bool,
    /// The directory exists and old files were repaired.
    ready: bool,
    current: Option<OpenFile>,
    last_stamp: String,
    next_seq: u32,
    pub(crate) files_opened: u64,
}

struct OpenFile {
    file: File,
    path: PathBuf,
    len: u64,
    opened: Instant,
}

impl RotatingWriter {
    pub(crate) fn new(
        dir: PathBuf,
        prefix: String,
        rotate_bytes: u64,
        rotate_after: Option<Duration>,
        fsync: bool,
    ) -> Self {
        Self {
            dir,
            prefix,
            rotate_bytes,
            rotate_after,
            fsync,
            ready: false,
            current: None,
            last_stamp: String::new(),
            next_seq: 0,
            files_opened: 0,
        }
    }

    /// Creates the directory and repairs torn files left by a crash. Done
    /// once; retried by the next write while it fails.
    pub(crate) fn prepare(&mut self) -> Result<Vec<RepairedFile>, FileError> {
        if self.ready {
            return Ok(Vec::new());
        }
        fs::create_dir_all(&self.dir)
            .map_err(|e| FileError::new("create directory", &self.dir, e))?;
        let repaired = repair_torn_tails(&self.dir, &self.prefix)?;
        self.ready = true;
        Ok(repaired)
    }

    /// When the current file reaches its age limit, if one is open.
    pub(crate) fn rotation_due(&self) -> Option<Instant> {
        let current = self.current.as_ref()?;
        Some(current.opened + self.rotate_after?)
    }

    /// Closes the current file; the next write starts a new one.
    pub(crate) fn close_current(&mut self) {
        if let Some(current) = self.current.take() {
            debug!(path = %current.path.display(), bytes = current.len, "closed file");
        }
    }

    /// Writes lines `*done..` of `lines`, advancing `*done` past every line
    /// that is durably written. On error the current file is cut back to
    /// its last durable length, so a retry appends no duplicate or torn line.
    pub(crate) fn write(&mut self, lines: &Lines, done: &mut usize) -> Result<(), FileError> {
        self.prepare()?;
        while *done < lines.len() {
            if self.rotation_due().is_some_and(|due| Instant::now() >= due) {
                self.close_current();
            }
            if self.current.is_none() {
                self.open_new()?;
            }
            let Some(current) = self.current.as_mut() else {
                continue;
            };
            // As many whole lines as fit; a lone oversized line still goes
            // into an empty file.
            let mut end = *done;
            let mut bytes = 0u64;
            while end < lines.len() {
                let next = lines.line_len(end);
                let fits = current.len + bytes + next <= self.rotate_bytes;
                if !fits && current.len + bytes > 0 {
                    break;
                }
                bytes += next;
                end += 1;
            }
            if end == *done {
                self.close_current();
                continue;
            }
            let result = append(current, lines.slice(*done, end), self.fsync);
            if let Err(error) = result {
                self.undo_partial_write();
                return Err(error);
            }
            current.len += bytes;
            *done = end;
            if current.len >= self.rotate_bytes {
                self.close_current();
            }
        }
        Ok(())
    }

    fn open_new(&mut self) -> Result<(), FileError> {
        let now_stamp = stamp(Utc::now());
        if now_stamp != self.last_stamp {
            self.last_stamp = now_stamp;
            self.next_seq = 0;
        }
        loop {
            let path = self
                .dir
                .join(file_name(&self.prefix, &self.last_stamp, self.next_seq));
            self.next_seq += 1;
            // create_new: never append to a file of an earlier run.
            match OpenOptions::new().append(true).create_new(true).open(&path) {
                Ok(file) => {
                    if self.fsync {
                        sync_dir(&self.dir)?;
                    }
                    info!(path = %path.display(), "opened new file");
                    self.files_opened += 1;
                    self.current = Some(OpenFile {
                        file,
                        path,
                        len: 0,
                        opened: Instant::now(),
                    });
                    return Ok(());
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(FileError::new("create", path, e)),
            }
        }
    }

    /// After a failed append: truncate back to the durable length, or give
    /// up on the file (startup repair will cut its torn tail).
    fn undo_partial_write(&mut self) {
        let Some(current) = &mut self.current else {
            return;
        };
        let restored = current
            .file
            .set_len(current.len)
            .and_then(|()| current.file.sync_data());
        if let Err(e) = restored {
            warn!(path = %current.path.display(), error = %e, "cannot cut back a failed write; abandoning the file");
            self.current = None;
        }
    }
}

fn append(current: &mut OpenFile, bytes: &[u8], fsync: bool) -> Result<(), FileError> {
    let path = &current.path;
    current
        .file
        .write_all(bytes)
        .map_err(|e| FileError::new("write", path, e))?;
    if fsync {
        current
            .file
            .sync_data()
            .map_err(|e| FileError::new("fsync", path, e))?;
    }
    Ok(())
}

/// Makes a new directory entry durable.
fn sync_dir(dir: &Path) -> Result<(), FileError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| FileError::new("fsync directory", dir, e))
}
