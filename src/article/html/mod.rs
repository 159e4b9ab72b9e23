//! HTML articles: extract the article from a saved web page. `meta` reads title, byline and
//! date; `dom` holds the page as a small arena; `score` finds the content container
//! (readability-style) using `hints` and `clean`; `extract` turns it into sections and
//! paragraphs.

mod clean;
mod dom;
mod extract;
mod hints;
mod meta;
mod score;

use super::Article;
use scraper::Html;

/// Whether `text` looks like an HTML document: a doctype or `<html>` near the start, or a
/// `<head>` and a `<body>` (pages saved with leading scripts or comments).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || (head.contains("<head") && head.contains("<body"))
}

/// Parse an HTML page into an article. Never panics on malformed markup.
pub fn parse(text: &str) -> Article {
    let html = Html::parse_document(text);
    let meta = meta::extract(&html);
    let mut d = dom::Dom::from_html(&html);
    drop(html);
    clean::prep(&mut d);
    let ex = score::extract(&d, &meta.title);
    let (mut sections, dropped) = extract::sections(&ex.dom, ex.root, &meta.title);
    if let Some(body) = &meta.article_body {
        if let Some(fallback) = extract::from_article_body(body, &sections) {
            sections = fallback;
        }
    }
    let title = extract::clean_text(&meta.title);
    let byline = meta
        .byline
        .or(ex.byline)
        .map(|b| extract::clean_text(&b))
        .filter(|b| !b.is_empty());
    Article {
        title,
        deck: None,
        byline,
        date: meta
            .date
            .map(|d| extract::clean_text(&d))
            .filter(|d| !d.is_empty()),
        sections,
        dropped,
    }
}
