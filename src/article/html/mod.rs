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

use super::{Article, Section};
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
    let title = super::capped_title(extract::clean_text(&meta.title));
    let byline = meta
        .byline
        .or(ex.byline)
        .map(|b| extract::clean_text(&b))
        .filter(|b| !b.is_empty());
    let deck = meta
        .description
        .map(|d| extract::clean_text(&d))
        .filter(|d| is_deck(d, &title, &sections));
    Article {
        title,
        deck,
        byline,
        date: meta
            .date
            .map(|d| extract::clean_text(&d))
            .filter(|d| !d.is_empty()),
        sections,
        dropped,
    }
}

/// Whether the page's summary can stand as the deck: a sentence or two, neither holding nor
/// held in the title, and not part of the body's first paragraphs (many pages use the first
/// paragraph, cut short, as their summary).
fn is_deck(description: &str, title: &str, sections: &[Section]) -> bool {
    let norm = |s: &str| dom::collapse(s.trim_end_matches(['…', '.', ' '])).to_lowercase();
    let (d, t) = (norm(description), norm(title));
    let chars = d.chars().count();
    if !(12..=400).contains(&chars) || d.contains(&t) || t.contains(&d) {
        return false;
    }
    !sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .take(3)
        .any(|p| {
            let p = norm(&p.text);
            p.contains(&d) || d.contains(&p)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(meta: &str) -> String {
        format!(
            "<!doctype html><html><head><title>Harbour Plan Goes Ahead</title>{meta}</head><body>\
             <article><h1>Harbour Plan Goes Ahead</h1>\
             <p>The city council voted on Tuesday to build the new quay, after a debate that \
             lasted well into the night and left several members hoarse.</p>\
             <p>Work starts in spring. The harbour master said the old pier will stay open \
             while the new one is built, so that the ferries keep running.</p>\
             </article></body></html>"
        )
    }

    #[test]
    fn the_page_summary_is_the_deck() {
        let a = parse(&page(
            r#"<meta property="og:description" content="Council backs a new quay despite protests">"#,
        ));
        assert_eq!(
            a.deck.as_deref(),
            Some("Council backs a new quay despite protests")
        );
        assert_eq!(a.sections[0].paragraphs.len(), 2);
    }

    #[test]
    fn a_summary_that_repeats_the_body_or_title_is_no_deck() {
        let cut = r#"<meta name="description" content="The city council voted on Tuesday to build the new quay, after a debate…">"#;
        assert_eq!(parse(&page(cut)).deck, None);
        let title = r#"<meta name="description" content="Harbour plan goes ahead">"#;
        assert_eq!(parse(&page(title)).deck, None);
        let seo = r#"<meta name="description" content="Harbour Plan Goes Ahead, the city council voted on Tuesday">"#;
        assert_eq!(parse(&page(seo)).deck, None);
        let inside = r#"<meta name="description" content="Work starts in spring.">"#;
        assert_eq!(parse(&page(inside)).deck, None);
        assert_eq!(parse(&page("")).deck, None);
    }
}
