//! Plain-text articles as copied from a web page: title, deck, byline, headings, paragraphs.

use super::{Article, Paragraph, Section};

/// Parse a plain-text page into an article. (Placeholder: one paragraph per blank-line block.)
pub fn parse(text: &str) -> Article {
    let mut blocks = text
        .split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty());
    let title = blocks.next().unwrap_or_default();
    let paragraphs: Vec<Paragraph> = blocks.map(Paragraph::new).collect();
    Article {
        title,
        sections: vec![Section {
            heading: None,
            paragraphs,
        }],
        ..Article::default()
    }
}
