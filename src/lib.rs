//! lede: a terminal news reader that makes an article's actors visible.
//!
//! ```text
//! bytes ──decode──▶ Source ──parse──▶ Article ──tag──▶ Tagged ──view──▶ ViewState ──render──▶ Frame
//!  (file, stdin)   (UTF-8,       (title, deck,     (actors,        (cursor, scroll,      (ratatui,
//!                  sanitized)     byline, sections, mentions per   filter, selection,     tui/ only)
//!                                 paragraphs)       paragraph)      notes)
//!                                                      └──────────export──▶ Markdown / JSON
//! ```
//!
//! Everything except [`tui`] is a pure library with no terminal dependency; the `tui` feature
//! (on by default) adds the ratatui front end.

pub mod article;
pub mod config;
pub mod error;
pub mod feed;
pub mod fetch;
pub mod notes;
pub mod source;
pub mod tag;
pub mod view;

#[cfg(feature = "tui")]
pub mod tui;

pub use article::{Article, Format, Paragraph, Section};
pub use error::Error;
pub use source::Source;
pub use tag::{Actor, ActorKind, Mention, Tagged, Tagger};
