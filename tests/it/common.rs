//! Helpers shared by the integration test modules.

use lede::article::{Paragraph, Section};
use lede::Article;

/// Title, headings and paragraphs of an article, one a line (the deck and byline left out).
pub fn all_text(a: &Article) -> String {
    let mut s = a.title.clone();
    for sec in &a.sections {
        if let Some(h) = &sec.heading {
            s.push('\n');
            s.push_str(h);
        }
        for p in &sec.paragraphs {
            s.push('\n');
            s.push_str(&p.text);
        }
    }
    s
}

/// An article titled "Test" of one section whose paragraphs are the blank-line separated
/// blocks of `text`.
pub fn article_of_blocks(text: &str) -> Article {
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(Paragraph::new)
        .collect();
    Article {
        title: "Test".into(),
        sections: vec![Section {
            heading: None,
            paragraphs,
        }],
        ..Article::default()
    }
}
