//! Torn-tail repair: a crash in the middle of a write can leave a file
//! whose last line has no '\n'. Such a line was never acknowledged (acks
//! follow the fsync), so its record will be replayed; the partial line is
//! cut off so that every file holds complete lines only.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use tracing::warn;

use super::names::is_sink_file;
use crate::error::FileError;

/// A file that was cut back to its last complete line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairedFile {
    pub path: PathBuf,
    pub old_len: u64,
    pub new_len: u64,
}

const CHUNK: u64 = 64 * 1024;

/// Truncates every sink file of `prefix` in `dir` whose last byte is not
/// '\n' to its last complete line. Blocking.
pub fn repair_torn_tails(dir: &Path, prefix: &str) -> Result<Vec<RepairedFile>, FileError> {
    let entries = fs::read_dir(dir).map_err(|e| FileError::new("read directory", dir, e))?;
    let mut repaired = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| FileError::new("read directory", dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_sink_file(prefix, name) {
            continue;
        }
        let path = entry.path();
        if let Some(fixed) = repair_file(&path)? {
            warn!(
                path = %fixed.path.display(),
                old_len = fixed.old_len,
                new_len = fixed.new_len,
                "truncated a torn last line left by an interrupted write"
            );
            repaired.push(fixed);
        }
    }
    repaired.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(repaired)
}

fn repair_file(path: &Path) -> Result<Option<RepairedFile>, FileError> {
    let err = |action| move |e| FileError::new(action, path, e);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(err("open"))?;
    let old_len = file.metadata().map_err(err("stat"))?.len();
    if old_len == 0 || last_byte(&mut file, old_len).map_err(err("read"))? == b'\n' {
        return Ok(None);
    }
    let new_len = end_of_last_line(&mut file, old_len).map_err(err("read"))?;
    file.set_len(new_len).map_err(err("truncate"))?;
    file.sync_all().map_err(err("fsync"))?;
    Ok(Some(RepairedFile {
        path: path.to_owned(),
        old_len,
        new_len,
    }))
}

fn last_byte(file: &mut File, len: u64) -> std::io::Result<u8> {
    let mut byte = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut byte)?;
    Ok(byte[0])
}

/// Offset just past the last '\n' before `len`, 0 when there is none.
fn end_of_last_line(file: &mut File, len: u64) -> std::io::Result<u64> {
    let mut buf = vec![0u8; CHUNK as usize];
    let mut end = len;
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let chunk = &mut buf[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_only_torn_sink_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let torn = dir.path().join("articles-20240605T101500Z-0000.jsonl");
        let whole = dir.path().join("articles-20240605T101501Z-0000.jsonl");
        let no_newline = dir.path().join("articles-20240605T101502Z-0000.jsonl");
        let foreign = dir.path().join("notes.jsonl");
        // A long line so the backwards scan crosses a chunk boundary.
        let long = "x".repeat(CHUNK as usize + 10);
        fs::write(&torn, format!("{{\"a\":1}}\n{long}")).expect("write");
        fs::write(&whole, "{\"a\":1}\n").expect("write");
        fs::write(&no_newline, "{\"a\"").expect("write");
        fs::write(&foreign, "half").expect("write");
        let repaired = repair_torn_tails(dir.path(), "articles").expect("repair");
        assert_eq!(repaired.len(), 2);
        assert_eq!(fs::read_to_string(&torn).expect("read"), "{\"a\":1}\n");
        assert_eq!(fs::read_to_string(&whole).expect("read"), "{\"a\":1}\n");
        assert_eq!(fs::read(&no_newline).expect("read").len(), 0);
        assert_eq!(fs::read_to_string(&foreign).expect("read"), "half");
    }
}
