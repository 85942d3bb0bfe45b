//! Finding where in the TOML text a problem is, and reporting every bad key
//! rather than only the first one serde stops at.

use serde::de::DeserializeOwned;
use toml_edit::{DocumentMut, ImDocument, Item};

use super::ConfigProblem;

/// At most this many deserialisation problems are collected from one file.
const MAX_PROBLEMS: usize = 50;

/// The original text with spans, for turning a TOML path into a line.
pub struct Document {
    text: String,
    parsed: ImDocument<String>,
}

impl Document {
    pub fn parse(text: &str) -> Option<Self> {
        let parsed = ImDocument::parse(text.to_owned()).ok()?;
        Some(Self {
            text: text.to_owned(),
            parsed,
        })
    }

    /// Line (1-based) of the key at `path` (`a.b.c`), or of its nearest
    /// existing parent.
    pub fn line_of(&self, path: &str) -> Option<usize> {
        let mut item: &Item = self.parsed.as_item();
        let mut best = None;
        for segment in split_path(path) {
            let table = item.as_table_like()?;
            let (key, value) = table.get_key_value(&segment)?;
            let span = key.span().or_else(|| value.span());
            if let Some(span) = span {
                best = Some(line_at(&self.text, span.start));
            }
            item = value;
        }
        best
    }
}

fn line_at(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `sources.spool.paths[0]` -> ["sources", "spool", "paths"]: indices are
/// dropped, the line of the array is precise enough.
fn split_path(path: &str) -> Vec<String> {
    path.split('.')
        .map(|s| s.split('[').next().unwrap_or_default().to_owned())
        .filter(|s| !s.is_empty() && s != "?" && s.parse::<usize>().is_err())
        .collect()
}

/// Looks inside a component table (`sinks.NAME`) that failed as a whole
/// (serde cannot see into internally tagged enums) and returns the path
/// relative to it and the message of the real problem.
pub type RefineComponent = fn(path: &str, table: &str) -> Option<(String, String)>;

/// Deserialises `text`; on failure, removes the offending key and tries
/// again, so that one run names every bad key.
pub fn deserialize_reporting_all<T: DeserializeOwned>(
    text: &str,
    refine: RefineComponent,
) -> Result<T, Vec<ConfigProblem>> {
    let original = match ImDocument::parse(text.to_owned()) {
        Ok(doc) => doc,
        Err(e) => {
            return Err(vec![ConfigProblem {
                path: String::new(),
                line: e.span().map(|s| line_at(text, s.start)),
                message: format!("invalid TOML: {}", e.message()),
            }])
        }
    };
    let located = Document {
        text: text.to_owned(),
        parsed: original,
    };
    let mut working: DocumentMut = match text.parse() {
        Ok(doc) => doc,
        Err(e) => {
            return Err(vec![ConfigProblem {
                path: String::new(),
                line: None,
                message: format!("invalid TOML: {e}"),
            }])
        }
    };
    let mut problems: Vec<ConfigProblem> = Vec::new();
    loop {
        let serialized = working.to_string();
        let deserializer = toml::Deserializer::new(&serialized);
        match serde_path_to_error::deserialize::<_, T>(deserializer) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(problems),
            Err(error) => {
                let message = error.inner().message().to_owned();
                let mut path = error.path().to_string();
                if path == "." {
                    path.clear();
                }
                let mut message = message;
                if let Some((inner, refined)) =
                    item_text(&working, &path).and_then(|table| refine(&path, &table))
                {
                    if !inner.is_empty() {
                        path = format!("{path}.{inner}");
                    }
                    message = refined;
                }
                if let Some(field) = unknown_field_name(&message) {
                    if !path.ends_with(field) {
                        path = if path.is_empty() {
                            field.to_owned()
                        } else {
                            format!("{path}.{field}")
                        };
                    }
                }
                // Removing a key can surface "missing field" for that same
                // key or its parent: already reported, so stop there.
                let follows_a_removal = problems
                    .iter()
                    .any(|p| p.path == path || p.path.starts_with(&format!("{path}.")));
                if follows_a_removal && !problems.is_empty() {
                    return Err(problems);
                }
                let removable = remove_path(&mut working, &path);
                problems.push(ConfigProblem {
                    line: located.line_of(&path),
                    path,
                    message,
                });
                if !removable || problems.len() >= MAX_PROBLEMS {
                    return Err(problems);
                }
            }
        }
    }
}

/// The TOML text of the table at `path`, for a second, narrower look.
fn item_text(doc: &DocumentMut, path: &str) -> Option<String> {
    let mut item: &Item = doc.as_item();
    for segment in split_path(path) {
        item = item.as_table_like()?.get(&segment)?;
    }
    let table = item.as_table_like()?;
    let mut out = toml_edit::DocumentMut::new();
    for (key, value) in table.iter() {
        out.insert(key, value.clone());
    }
    Some(out.to_string())
}

fn unknown_field_name(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// Removes the key at `path` so the next pass gets past it. A key that a
/// struct requires cannot be removed usefully: then only this problem is
/// reported (its message says what is missing).
fn remove_path(doc: &mut DocumentMut, path: &str) -> bool {
    let segments = split_path(path);
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut item: &mut Item = doc.as_item_mut();
    for segment in parents {
        let Some(next) = item.as_table_like_mut().and_then(|t| t.get_mut(segment)) else {
            return false;
        };
        item = next;
    }
    item.as_table_like_mut()
        .and_then(|t| t.remove(last))
        .is_some()
}
