//! newsflow-enrich
