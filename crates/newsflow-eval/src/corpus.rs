//! Loading a BBC-style corpus: `<category>/<nnn>.txt`, line 1 the headline,
//! paragraphs separated by blank lines; optional `index.tsv` listing paths.

use std::fs;
use std::path::{Path, PathBuf};

use crate::EvalError;

/// One article: its headline and its non-blank paragraph lines.
#[derive(Debug, Clone)]
pub struct CorpusArticle {
    pub path: String,
    pub headline: String,
    pub paragraphs: Vec<String>,
}

/// Loads every article, sorted by relative path (the split relies on this order).
pub fn load(corpus_dir: &Path) -> Result<Vec<CorpusArticle>, EvalError> {
    let mut paths = list_article_paths(corpus_dir)?;
    paths.sort();
    let mut articles = Vec::with_capacity(paths.len());
    for relative in paths {
        let full = corpus_dir.join(&relative);
        let bytes = fs::read(&full).map_err(|source| EvalError::Io {
            path: full.clone(),
            source,
        })?;
        // Lossy: a stray byte in a reference text should not abort a measurement.
        let text = String::from_utf8_lossy(&bytes);
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let Some(headline) = lines.next() else {
            continue;
        };
        let paragraphs: Vec<String> = lines.map(str::to_owned).collect();
        if paragraphs.is_empty() {
            continue;
        }
        articles.push(CorpusArticle {
            path: relative,
            headline: headline.to_owned(),
            paragraphs,
        });
    }
    if articles.is_empty() {
        return Err(EvalError::EmptyCorpus(corpus_dir.to_path_buf()));
    }
    Ok(articles)
}

/// Paths from `index.tsv` (first column, header skipped) when present,
/// otherwise every `*/*.txt` under the directory.
fn list_article_paths(corpus_dir: &Path) -> Result<Vec<String>, EvalError> {
    let io = |path: PathBuf| move |source| EvalError::Io { path, source };
    let index = corpus_dir.join("index.tsv");
    if index.is_file() {
        let text = fs::read_to_string(&index).map_err(io(index.clone()))?;
        return Ok(text
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
            .filter(|p| p.ends_with(".txt"))
            .map(str::to_owned)
            .collect());
    }
    let mut paths = Vec::new();
    for entry in fs::read_dir(corpus_dir).map_err(io(corpus_dir.to_path_buf()))? {
        let entry = entry.map_err(io(corpus_dir.to_path_buf()))?;
        if !entry.path().is_dir() {
            continue;
        }
        let category = entry.file_name().to_string_lossy().into_owned();
        for file in fs::read_dir(entry.path()).map_err(io(entry.path()))? {
            let file = file.map_err(io(entry.path()))?;
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                paths.push(format!("{category}/{name}"));
            }
        }
    }
    Ok(paths)
}
