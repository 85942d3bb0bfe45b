//! What joins the stages: envelopes with ack tokens, bounded links, the
//! worker pool that runs the pure parse/enrich stages, fan-out to sinks,
//! and shutdown.

pub mod ack;
pub mod envelope;
pub mod events;
pub mod stage;

pub use ack::{AckToken, AckTracker, Committed};
pub use envelope::Envelope;
pub use stage::{count_dead_letters, fan_out, run_transform, Transform, TransformOutput};
pub use tokio_util::sync::CancellationToken;
