//! Integration tests: one binary, one module per area.
mod view;
mod config;
mod screen;
