//! Segmentation metrics over lines.
//!
//! A segmentation of `n` lines is given by its story starts (sorted, first 0).
//! Pk (Beeferman et al. 1999): share of probe pairs (i, i+k) on which the
//! hypothesis and the reference disagree about "same story". WindowDiff
//! (Pevzner & Hearst 2002): share of windows (i, i+k] in which they place a
//! different number of boundaries.

/// Error and probe counts, so several streams can be pooled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: u64,
    pub probes: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.errors += other.errors;
        self.probes += other.probes;
    }

    /// Error rate; 0 when there were no probes.
    pub fn rate(&self) -> f64 {
        if self.probes == 0 {
            0.0
        } else {
            self.errors as f64 / self.probes as f64
        }
    }
}

/// Number of boundaries (starts other than 0) at or before each line:
/// `counts[i]` = boundaries in (0, i].
fn boundary_prefix(starts: &[usize], n: usize) -> Vec<u32> {
    let mut is_start = vec![false; n];
    for &s in starts {
        if s > 0 && s < n {
            is_start[s] = true;
        }
    }
    let mut counts = Vec::with_capacity(n);
    let mut running = 0;
    for start in is_start {
        running += u32::from(start);
        counts.push(running);
    }
    counts
}

/// Pk over `n` lines with probe distance `k`.
pub fn pk(reference: &[usize], hypothesis: &[usize], n: usize, k: usize) -> Tally {
    windowed(reference, hypothesis, n, k, |r, h| (r == 0) != (h == 0))
}

/// WindowDiff over `n` lines with window `k`.
pub fn window_diff(reference: &[usize], hypothesis: &[usize], n: usize, k: usize) -> Tally {
    windowed(reference, hypothesis, n, k, |r, h| r != h)
}

fn windowed(
    reference: &[usize],
    hypothesis: &[usize],
    n: usize,
    k: usize,
    differs: impl Fn(u32, u32) -> bool,
) -> Tally {
    if k == 0 || n <= k {
        return Tally::default();
    }
    let r = boundary_prefix(reference, n);
    let h = boundary_prefix(hypothesis, n);
    let mut tally = Tally::default();
    for i in 0..n - k {
        tally.probes += 1;
        tally.errors += u64::from(differs(r[i + k] - r[i], h[i + k] - h[i]));
    }
    tally
}

/// k = half the mean reference segment length (rounded, at least 1).
pub fn half_mean_segment_length(total_lines: usize, total_segments: usize) -> usize {
    if total_segments == 0 {
        return 1;
    }
    ((total_lines as f64 / total_segments as f64) / 2.0)
        .round()
        .max(1.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_empty_hypotheses() {
        let reference = [0, 4, 8];
        assert_eq!(
            pk(&reference, &reference, 12, 2),
            Tally {
                errors: 0,
                probes: 10
            }
        );
        assert_eq!(window_diff(&reference, &reference, 12, 2).errors, 0);
        // No boundaries: probes straddling 4 or 8 err: i in {2,3} and {6,7}.
        assert_eq!(
            pk(&reference, &[0], 12, 2),
            Tally {
                errors: 4,
                probes: 10
            }
        );
        assert_eq!(
            window_diff(&reference, &[0], 12, 2),
            Tally {
                errors: 4,
                probes: 10
            }
        );
    }

    #[test]
    fn pk_cost_grows_with_offset() {
        let reference = [0, 5];
        // One line late: probes i=3 (straddles 5 only) and i=5 (straddles 6 only) err.
        let late = pk(&reference, &[0, 6], 10, 2);
        assert_eq!(
            late,
            Tally {
                errors: 2,
                probes: 8
            }
        );
        let missed = pk(&reference, &[0], 10, 2);
        assert_eq!(
            missed,
            Tally {
                errors: 2,
                probes: 8
            }
        );
        let far = pk(&reference, &[0, 8], 10, 2);
        assert_eq!(far.errors, 4);
    }

    #[test]
    fn window_diff_counts_extra_boundaries_pk_does_not() {
        let reference = [0, 5];
        // Two boundaries in one window: Pk sees "different story" either way, WindowDiff sees 2 vs 1.
        let doubled = [0, 4, 5];
        assert_eq!(pk(&reference, &doubled, 10, 2).errors, 1);
        assert_eq!(window_diff(&reference, &doubled, 10, 2).errors, 2);
    }

    #[test]
    fn k_is_half_mean_length() {
        assert_eq!(half_mean_segment_length(40, 8), 3); // mean 5 -> 2.5 -> 3
        assert_eq!(half_mean_segment_length(36, 9), 2);
        assert_eq!(half_mean_segment_length(3, 3), 1);
        assert_eq!(half_mean_segment_length(0, 0), 1);
    }
}
