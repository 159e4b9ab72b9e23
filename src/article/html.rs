//! HTML articles: extract the article from a saved web page.

use super::Article;

/// Whether `text` looks like an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html")
}

/// Parse an HTML page. (Placeholder: treated as plain text.)
pub fn parse(text: &str) -> Article {
    super::text::parse(text)
}
