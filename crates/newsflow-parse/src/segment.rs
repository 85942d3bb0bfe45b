//! Story segmentation: where one article ends and the next begins in a run
//! of paragraph lines.

/// A non-blank input line, with what the layout says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    /// 1-based line number in the input.
    pub number: u64,
    /// How many blank lines stood right before this one.
    pub blank_before: u32,
}

/// Indices into `lines` of the first line of each story; `[0]` for one story,
/// empty for no lines.
pub fn segment(lines: &[Line<'_>]) -> Vec<usize> {
    if lines.is_empty() {
        return Vec::new();
    }
    vec![0]
}
