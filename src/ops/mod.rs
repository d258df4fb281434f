//! What the commands run besides serving: configuration, demo and synthetic data, backups.

pub mod backup;
pub mod config;
pub mod delivery;
pub mod demo;
pub mod due;
pub mod log_writer;
pub mod logging;
pub mod mail;
pub mod migrate;
pub mod synth;
