//! Integration tests: one binary, one module per area.
mod html;
mod notes;
mod parse;
mod source;
mod tag;
