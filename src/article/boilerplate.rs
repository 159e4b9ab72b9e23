//! Content-vs-boilerplate classification of text blocks.
