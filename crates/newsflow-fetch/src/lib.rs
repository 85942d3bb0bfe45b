//! newsflow-fetch
