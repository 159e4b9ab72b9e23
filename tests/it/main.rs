//! Integration tests: one binary, one module per area.
mod config;
mod notes;
mod screen;
mod view;
