//! The file source's checkpoint: per file, how far everything derived from it
//! is durably written. Only committed positions ever get here.

use std::collections::BTreeMap;
use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::FetchError;

const CHECKPOINT_VERSION: u32 = 1;

/// Identifies one version of a file: when any part changes, the file was
/// replaced or rewritten and is read again from the start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: u64,
    pub dev: u64,
    pub inode: u64,
}

impl Fingerprint {
    pub fn of(metadata: &Metadata) -> Self {
        let mtime_ns = metadata
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        #[cfg(unix)]
        let (dev, inode) = {
            use std::os::unix::fs::MetadataExt;
            (metadata.dev(), metadata.ino())
        };
        #[cfg(not(unix))]
        let (dev, inode) = (0, 0);
        Self {
            len: metadata.len(),
            mtime_ns,
            dev,
            inode,
        }
    }
}

/// The position a file chunk (or dead letter) ends at: what the file's
/// checkpoint becomes once it and everything before it is acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilePosition {
    pub fingerprint: Fingerprint,
    /// Byte offset just past the unit.
    pub offset: u64,
    /// 1-based number of the line that starts at `offset`.
    pub line: u64,
    /// The unit was the file's last.
    pub done: bool,
}

/// One file's committed state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCheckpoint {
    pub path: String,
    pub fingerprint: Fingerprint,
    /// Everything before this byte offset is durably written.
    pub offset: u64,
    /// 1-based number of the line that starts at `offset`.
    pub line: u64,
    /// The whole file is durably written.
    pub done: bool,
}

impl FileCheckpoint {
    pub fn new(path: String, position: FilePosition) -> Self {
        Self {
            path,
            fingerprint: position.fingerprint,
            offset: position.offset,
            line: position.line,
            done: position.done,
        }
    }
}

/// Contents of `<state_dir>/<source name>.checkpoint.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkpoint {
    pub files: BTreeMap<String, FileCheckpoint>,
}

#[derive(Serialize, Deserialize)]
struct CheckpointFile {
    version: u32,
    source: String,
    files: Vec<FileCheckpoint>,
}

/// Where the checkpoint of source `name` lives.
pub fn checkpoint_path(state_dir: &Path, name: &str) -> PathBuf {
    state_dir.join(format!("{name}.checkpoint.json"))
}

impl Checkpoint {
    /// Reads a checkpoint; a missing file is an empty checkpoint.
    pub fn load(path: &Path) -> Result<Self, FetchError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(FetchError::ReadCheckpoint {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        let file: CheckpointFile =
            serde_json::from_str(&text).map_err(|source| FetchError::CorruptCheckpoint {
                path: path.to_owned(),
                source,
            })?;
        Ok(Self {
            files: file
                .files
                .into_iter()
                .map(|entry| (entry.path.clone(), entry))
                .collect(),
        })
    }

    /// Serialized form (pretty: people read checkpoints when debugging).
    pub fn to_json(&self, source: &str) -> Result<Vec<u8>, serde_json::Error> {
        let file = CheckpointFile {
            version: CHECKPOINT_VERSION,
            source: source.to_owned(),
            files: self.files.values().cloned().collect(),
        };
        let mut json = serde_json::to_vec_pretty(&file)?;
        json.push(b'\n');
        Ok(json)
    }
}

/// Replaces `path` with `contents` so that a crash leaves either the old or
/// the new file: write a temp file, fsync it, rename, fsync the directory.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), FetchError> {
    let err = |source| FetchError::WriteCheckpoint {
        path: path.to_owned(),
        source,
    };
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".tmp");
    let tmp = PathBuf::from(tmp_name);
    let mut file = File::create(&tmp).map_err(err)?;
    file.write_all(contents).map_err(err)?;
    file.sync_all().map_err(err)?;
    drop(file);
    fs::rename(&tmp, path).map_err(err)?;
    if let Some(dir) = path.parent() {
        // Makes the rename itself durable; not possible on every platform.
        if let Ok(dir) = File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        }) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let path = checkpoint_path(dir.path(), "spool");
        assert_eq!(Checkpoint::load(&path).unwrap(), Checkpoint::default());
        let mut checkpoint = Checkpoint::default();
        let fingerprint = Fingerprint {
            len: 10,
            mtime_ns: 5,
            dev: 1,
            inode: 2,
        };
        let entry = FileCheckpoint {
            path: "in/a.txt".into(),
            fingerprint,
            offset: 4,
            line: 2,
            done: false,
        };
        checkpoint.files.insert(entry.path.clone(), entry);
        write_atomically(&path, &checkpoint.to_json("spool").unwrap()).unwrap();
        assert_eq!(Checkpoint::load(&path).unwrap(), checkpoint);
        assert!(!path.with_extension("json.tmp").exists());
        fs::write(&path, b"{ not json").unwrap();
        let err = Checkpoint::load(&path).unwrap_err();
        assert!(matches!(err, FetchError::CorruptCheckpoint { .. }), "{err}");
    }
}
