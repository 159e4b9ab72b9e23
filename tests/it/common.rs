//! Helpers shared by the integration test modules.

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
