//! Which files the configured paths name right now (blocking: run it in
//! `spawn_blocking`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use glob::Pattern;
use tracing::debug;

use crate::checkpoint::Fingerprint;
use crate::{ConfigError, FileSourceConfig};

/// File-name filters: `include`/`exclude` globs, and the names a spool
/// writer uses while a file is incomplete (hidden, `.tmp`, `.part`).
#[derive(Debug, Clone)]
pub(crate) struct Filters {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

impl Filters {
    pub fn new(config: &FileSourceConfig) -> Result<Self, ConfigError> {
        let compile = |field: &'static str, patterns: &[String]| {
            patterns
                .iter()
                .map(|p| {
                    Pattern::new(p).map_err(|e| ConfigError::BadGlob {
                        field,
                        pattern: p.clone(),
                        message: e.to_string(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            include: compile("include", &config.include)?,
            exclude: compile("exclude", &config.exclude)?,
        })
    }

    fn accepts(&self, name: &str) -> bool {
        let in_progress =
            name.starts_with('.') || name.ends_with(".tmp") || name.ends_with(".part");
        !in_progress
            && (self.include.is_empty() || self.include.iter().any(|p| p.matches(name)))
            && !self.exclude.iter().any(|p| p.matches(name))
    }
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundFile {
    pub path: PathBuf,
    /// The path as text: the checkpoint key and the records' `origin`.
    pub key: String,
    pub fingerprint: Fingerprint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    File(FoundFile),
    /// A path that names something unreadable (dangling symlink, FIFO, a
    /// directory that cannot be listed, a missing file named explicitly).
    Unreadable {
        key: String,
        error: String,
    },
}

impl Found {
    pub fn key(&self) -> &str {
        match self {
            Found::File(file) => &file.key,
            Found::Unreadable { key, .. } => key,
        }
    }
}

/// Lists the files `paths` name, sorted by path, without duplicates.
/// Directories contribute their files (not recursively); filters apply to
/// files found in directories and by glob patterns, not to files named
/// explicitly. `report_missing`: an explicitly named path that does not
/// exist is `Unreadable` (in watch mode it may still appear).
pub(crate) fn list_files(paths: &[String], filters: &Filters, report_missing: bool) -> Vec<Found> {
    let mut found = Vec::new();
    for configured in paths {
        if configured.contains(['*', '?', '[']) {
            list_glob(configured, filters, &mut found);
            continue;
        }
        let path = Path::new(configured);
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => list_dir(path, filters, &mut found),
            Ok(_) => found.extend(inspect(path)),
            Err(e) if e.kind() == io::ErrorKind::NotFound && !report_missing => {
                debug!(path = %configured, "not there (yet)");
            }
            Err(e) => found.push(unreadable(path, &e)),
        }
    }
    found.sort_by(|a, b| a.key().cmp(b.key()));
    found.dedup_by(|a, b| a.key() == b.key());
    found
}

fn list_glob(pattern: &str, filters: &Filters, found: &mut Vec<Found>) {
    let entries = match glob::glob(pattern) {
        Ok(entries) => entries,
        Err(e) => {
            // Validated at startup, so this cannot happen; report, don't panic.
            found.push(Found::Unreadable {
                key: pattern.to_owned(),
                error: format!("bad glob pattern: {e}"),
            });
            return;
        }
    };
    for entry in entries {
        match entry {
            Ok(path) if name_accepted(&path, filters) => {
                // A directory matched by a pattern is not a file to read.
                if !path.is_dir() {
                    found.extend(inspect(&path));
                }
            }
            Ok(_) => {}
            Err(e) => found.push(unreadable(e.path(), e.error())),
        }
    }
}

fn list_dir(dir: &Path, filters: &Filters, found: &mut Vec<Found>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return found.push(unreadable(dir, &e)),
    };
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if name_accepted(&path, filters) && !path.is_dir() {
                    found.extend(inspect(&path));
                }
            }
            Err(e) => found.push(unreadable(dir, &e)),
        }
    }
}

fn name_accepted(path: &Path, filters: &Filters) -> bool {
    path.file_name()
        .is_some_and(|name| filters.accepts(&name.to_string_lossy()))
}

/// A path that should be a regular file.
fn inspect(path: &Path) -> Option<Found> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Some(Found::File(FoundFile {
            path: path.to_owned(),
            key: path.to_string_lossy().into_owned(),
            fingerprint: Fingerprint::of(&meta),
        })),
        Ok(meta) if meta.is_dir() => None,
        Ok(_) => Some(Found::Unreadable {
            key: path.to_string_lossy().into_owned(),
            error: "not a regular file (FIFO, socket or device)".to_owned(),
        }),
        Err(e) => Some(unreadable(path, &e)),
    }
}

fn unreadable(path: &Path, error: &io::Error) -> Found {
    Found::Unreadable {
        key: path.to_string_lossy().into_owned(),
        error: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(found: &[Found]) -> Vec<String> {
        let names = found.iter().map(|f| {
            let name = Path::new(f.key()).file_name().unwrap().to_string_lossy();
            match f {
                Found::File(_) => name.into_owned(),
                Found::Unreadable { .. } => format!("!{name}"),
            }
        });
        names.collect()
    }

    #[test]
    fn lists_directories_globs_and_files_with_filters() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [
            "b.txt",
            "a.txt",
            "c.log",
            ".hidden.txt",
            "d.txt.tmp",
            "e.part",
        ] {
            fs::write(d.join(name), "x\n").unwrap();
        }
        fs::create_dir(d.join("sub.txt")).unwrap();
        fs::write(d.join("sub.txt/inner.txt"), "y\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("gone"), d.join("dangling.txt")).unwrap();

        let mut config = FileSourceConfig::new([d.to_string_lossy()]);
        let all = list_files(&config.paths, &Filters::new(&config).unwrap(), true);
        assert_eq!(keys(&all), ["a.txt", "b.txt", "c.log", "!dangling.txt"]);

        config.include = vec!["*.txt".into()];
        config.exclude = vec!["b*".into()];
        let filtered = list_files(&config.paths, &Filters::new(&config).unwrap(), true);
        assert_eq!(keys(&filtered), ["a.txt", "!dangling.txt"]);

        let pattern = format!("{}/**/*.txt", d.display());
        let explicit_hidden = d.join(".hidden.txt").to_string_lossy().into_owned();
        let paths = [
            pattern,
            explicit_hidden,
            d.join("a.txt").to_string_lossy().into(),
        ];
        let no_filters = Filters::new(&FileSourceConfig::new(["x"])).unwrap();
        let globbed = list_files(&paths, &no_filters, true);
        assert_eq!(
            keys(&globbed),
            [
                ".hidden.txt",
                "a.txt",
                "b.txt",
                "!dangling.txt",
                "inner.txt"
            ]
        );
    }

    #[test]
    fn a_missing_explicit_path_is_reported_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let missing = [dir.path().join("nope.txt").to_string_lossy().into_owned()];
        let filters = Filters::new(&FileSourceConfig::new(["x"])).unwrap();
        assert_eq!(keys(&list_files(&missing, &filters, true)), ["!nope.txt"]);
        assert!(list_files(&missing, &filters, false).is_empty());
    }
}
