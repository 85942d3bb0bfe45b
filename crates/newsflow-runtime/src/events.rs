//! Internal events: one struct per thing worth counting, each emitting its
//! log line and its metrics in one place (as in Vector), so names and labels
//! stay consistent.

use std::time::Duration;

use metrics::{counter, histogram};
use tracing::{debug, warn};

/// A stage turned one input into records and dead letters.
pub struct StageProcessed {
    pub stage: &'static str,
    pub records: usize,
    pub dead_letters: usize,
    pub elapsed: Duration,
}

impl StageProcessed {
    pub fn emit(&self) {
        debug!(
            stage = self.stage,
            records = self.records,
            dead_letters = self.dead_letters,
            "processed"
        );
        counter!("newsflow_stage_inputs_total", "stage" => self.stage).increment(1);
        counter!("newsflow_stage_records_total", "stage" => self.stage)
            .increment(self.records as u64);
        histogram!("newsflow_stage_seconds", "stage" => self.stage)
            .record(self.elapsed.as_secs_f64());
    }
}

/// Input became a dead letter (counted where the dead letter is made).
pub struct DeadLettered<'a> {
    pub stage: &'a str,
    pub reason: &'a str,
}

impl DeadLettered<'_> {
    pub fn emit(&self) {
        warn!(stage = self.stage, reason = self.reason, "dead letter");
        counter!("newsflow_dead_letters_total", "stage" => self.stage.to_owned()).increment(1);
    }
}

/// A pure stage panicked on one input; the input is failed, the daemon lives.
pub struct StagePanicked<'a> {
    pub stage: &'static str,
    pub error: &'a str,
}

impl StagePanicked<'_> {
    pub fn emit(&self) {
        warn!(
            stage = self.stage,
            error = self.error,
            "stage panicked; input marked failed"
        );
        counter!("newsflow_stage_panics_total", "stage" => self.stage).increment(1);
    }
}

/// A unit of input finished end to end (every derived record written).
pub struct UnitFinished {
    pub failed: bool,
}

impl UnitFinished {
    pub fn emit(&self) {
        let outcome = if self.failed { "failed" } else { "delivered" };
        counter!("newsflow_units_finished_total", "outcome" => outcome).increment(1);
    }
}
