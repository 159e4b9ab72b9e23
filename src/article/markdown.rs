//! Markdown articles: `#` headings, paragraphs, lists and quotes.

use super::Article;

/// Parse a Markdown article. (Placeholder: treated as plain text.)
pub fn parse(text: &str) -> Article {
    super::text::parse(text)
}
