//! newsflow-eval
