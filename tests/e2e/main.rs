//! End-to-end tests: the built `newsflow` binary, run with a config as a
//! user would, against real files in a temporary directory.

mod bad_input;
mod cli;
mod daemon;
mod delivery;
mod kafka;
mod util;
