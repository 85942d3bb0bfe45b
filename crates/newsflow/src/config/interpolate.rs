//! `${VAR}` and `${VAR:-default}` in the config text, so secrets and
//! per-host values come from the environment. `$$` is a literal `$`.
//! Comments are left alone, so they can show the syntax.

use std::fmt;

#[derive(Debug, PartialEq, Eq)]
pub struct InterpolationError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for InterpolationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Replaces every reference with the variable's value (via `lookup`).
/// Collects every error instead of stopping at the first one.
pub fn interpolate(
    text: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<String, Vec<InterpolationError>> {
    let mut out = String::with_capacity(text.len());
    let mut errors = Vec::new();
    let mut quote = None;
    for (index, whole_line) in text.split_inclusive('\n').enumerate() {
        let line_number = index + 1;
        let (line, comment) = split_comment(whole_line, &mut quote);
        let mut rest = line;
        while let Some(pos) = rest.find('$') {
            out.push_str(&rest[..pos]);
            let after = &rest[pos + 1..];
            if let Some(tail) = after.strip_prefix('$') {
                out.push('$');
                rest = tail;
            } else if let Some(tail) = after.strip_prefix('{') {
                let Some(close) = tail.find('}') else {
                    errors.push(InterpolationError {
                        line: line_number,
                        message: "unclosed `${`".into(),
                    });
                    rest = tail;
                    continue;
                };
                let reference = &tail[..close];
                let (name, default) = match reference.split_once(":-") {
                    Some((name, default)) => (name, Some(default)),
                    None => (reference, None),
                };
                let valid_name =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid_name {
                    errors.push(InterpolationError {
                        line: line_number,
                        message: format!("`${{{reference}}}` is not a valid variable reference"),
                    });
                } else {
                    match (lookup(name), default) {
                        (Some(value), _) => out.push_str(&value),
                        (None, Some(default)) => out.push_str(default),
                        (None, None) => errors.push(InterpolationError {
                            line: line_number,
                            message: format!(
                                "environment variable `{name}` is not set (use `${{{name}:-default}}` for a default)"
                            ),
                        }),
                    }
                }
                rest = &tail[close + 1..];
            } else {
                out.push('$');
                rest = after;
            }
        }
        out.push_str(rest);
        out.push_str(comment);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Splits a line at a `#` that starts a comment (outside any string).
/// `quote` carries an open multi-line string over to the next line.
fn split_comment<'a>(line: &'a str, quote: &mut Option<char>) -> (&'a str, &'a str) {
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match *quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => *quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => *quote = Some(c),
            None if c == '#' => return line.split_at(i),
            None => {}
        }
    }
    (line, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        (name == "HOST").then(|| "db.local".to_owned())
    }

    #[test]
    fn replaces_values_and_defaults() {
        let text = "a = \"${HOST}\"\nb = \"${PORT:-5432}\"\nc = \"$$5 and $x\"\n";
        assert_eq!(
            interpolate(text, env).expect("ok"),
            "a = \"db.local\"\nb = \"5432\"\nc = \"$5 and $x\"\n"
        );
    }

    #[test]
    fn names_every_missing_variable_with_its_line() {
        let errors = interpolate("a = 1\nb = \"${NOPE}\"\nc = \"${ALSO_NOPE}\"", env).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("NOPE"));
        assert_eq!(errors[1].line, 3);
    }

    #[test]
    fn comments_are_not_interpolated() {
        let text = "# use ${SECRET} here\na = \"#${HOST}\" # or ${OTHER}\n";
        assert_eq!(
            interpolate(text, env).expect("ok"),
            "# use ${SECRET} here\na = \"#db.local\" # or ${OTHER}\n"
        );
    }

    #[test]
    fn rejects_malformed_references() {
        let errors = interpolate("a = \"${bad-name}\"\nb = \"${open\"", env).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors[1].message.contains("unclosed"));
    }
}
