//! Highlights and notes: anchoring, atomic per-article storage, export to Markdown and JSON.
