//! Plain-text parsing.
