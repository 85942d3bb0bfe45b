//! Picks the boundaries: dynamic programming over boundary log-odds with a
//! prior against very short stories. Linear: only segments of one or two
//! lines are penalised, so longer ones reduce to a running maximum.

/// Decoder settings (trained alongside the weights).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodeParams {
    /// Added to every boundary log-odds: shifts the precision/recall balance.
    pub bias: f32,
    /// Cost of a one-line story.
    pub single_line_penalty: f32,
    /// Cost of a two-line story.
    pub two_line_penalty: f32,
}

impl DecodeParams {
    fn penalty(&self, length: usize) -> f32 {
        match length {
            1 => self.single_line_penalty,
            2 => self.two_line_penalty,
            _ => 0.0,
        }
    }
}

/// `scores[i]` is the log-odds of a boundary before line `i` (`scores[0]`
/// ignored); `clipped[i]` says line `i` ends mid-sentence, which waives the
/// short-story penalty for a story ending there (clipped teasers are short).
/// Returns the chosen story starts, always beginning with 0.
pub fn decode(scores: &[f32], clipped: &[bool], params: &DecodeParams) -> Vec<usize> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    // best[j]: best total of the lines before j given a story starts at j.
    let mut best = vec![0.0f32; n];
    let mut back = vec![0u32; n];
    // Running max of best[0..=j-3] (segments of 3+ lines carry no penalty).
    let mut far_best = f32::NEG_INFINITY;
    let mut far_index = 0usize;
    for j in 1..n {
        if j >= 3 && best[j - 3] > far_best {
            far_best = best[j - 3];
            far_index = j - 3;
        }
        let mut choice = (far_best, far_index);
        for length in 1..=2 {
            if j >= length {
                let waived = clipped.get(j - 1).copied().unwrap_or(false);
                let candidate =
                    best[j - length] - if waived { 0.0 } else { params.penalty(length) };
                if candidate > choice.0 {
                    choice = (candidate, j - length);
                }
            }
        }
        best[j] = choice.0 + scores[j] + params.bias;
        back[j] = choice.1 as u32;
    }
    // The final story runs to the end; it may also be short.
    let mut last = (f32::NEG_INFINITY, 0usize);
    for (start, &value) in best.iter().enumerate().skip(n.saturating_sub(3)) {
        let waived = clipped.get(n - 1).copied().unwrap_or(false);
        let total = value
            - if waived {
                0.0
            } else {
                params.penalty(n - start)
            };
        if total > last.0 {
            last = (total, start);
        }
    }
    if n >= 3 {
        for (start, &value) in best.iter().enumerate().take(n - 2) {
            if value > last.0 {
                last = (value, start);
            }
        }
    }
    let mut starts = vec![last.1];
    let mut at = last.1;
    while at > 0 {
        at = back[at] as usize;
        starts.push(at);
    }
    starts.reverse();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAMS: DecodeParams = DecodeParams {
        bias: 0.0,
        single_line_penalty: 3.0,
        two_line_penalty: 0.0,
    };

    #[test]
    fn positive_scores_become_boundaries() {
        let scores = [0.0, -2.0, -2.0, 4.0, -1.0, -3.0, 5.0, -2.0, -2.0];
        assert_eq!(decode(&scores, &[], &PARAMS), vec![0, 3, 6]);
    }

    #[test]
    fn one_line_stories_need_strong_evidence() {
        // Boundaries at 3 and 4 would leave a one-line story; only the stronger survives.
        let scores = [0.0, -2.0, -2.0, 2.0, 2.5, -3.0, -2.0];
        assert_eq!(decode(&scores, &[], &PARAMS), vec![0, 4]);
        let strong = [0.0, -2.0, -2.0, 6.0, 6.0, -3.0, -2.0];
        assert_eq!(decode(&strong, &[], &PARAMS), vec![0, 3, 4]);
    }

    #[test]
    fn clipped_lines_may_stand_alone() {
        let scores = [0.0, -2.0, -2.0, 2.0, 2.5, -3.0, -2.0];
        let clipped = [false, false, false, true, false, false, false];
        assert_eq!(decode(&scores, &clipped, &PARAMS), vec![0, 3, 4]);
    }

    #[test]
    fn empty_and_single_line_inputs() {
        assert!(decode(&[], &[], &PARAMS).is_empty());
        assert_eq!(decode(&[0.0], &[], &PARAMS), vec![0]);
    }
}
