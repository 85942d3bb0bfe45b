//! newsflow-sink
