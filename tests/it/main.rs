//! Integration tests: one binary, one module per area.
mod actors_news;
mod common;
mod config;
mod fetch;
mod html;
mod markdown;
mod marking;
mod notes;
mod parse;
mod screen;
mod source;
mod tag;
mod view;
