//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed, parsed by `feed-rs` into a small [`Feed`] of
//! sanitized plain-text items. Owns feed detection ([`looks_like_feed`]) and the feed's item
//! listing (`lede parse FEED`); opening an item is the reader's business.

use crate::source::sanitize;
use serde::Serialize;

/// A parsed feed: its title and items, every string sanitized plain text.
#[derive(Debug, Clone, Serialize)]
pub struct Feed {
    pub title: String,
    pub items: Vec<Item>,
}

/// One feed item.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub title: String,
    /// The item's link (its `alternate` link when it has several), if any.
    pub link: Option<String>,
    /// Published, else updated, as RFC 3339 (UTC).
    pub date: Option<String>,
    /// The summary as plain text (HTML tags removed, whitespace collapsed).
    pub summary: Option<String>,
    /// Whether the feed carries the item's full content (`content:encoded`, Atom `content`).
    pub has_content: bool,
}

/// Whether `text` starts like a feed: an `<rss`, `<rdf:RDF` or Atom `<feed` root element in
/// the first 2 KiB (after an XML declaration, comments or a doctype), or a JSON object naming
/// the JSON Feed version URL.
pub fn looks_like_feed(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') {
        let head: String = t.chars().take(4096).collect();
        return head.contains("jsonfeed.org/version");
    }
    if !t.starts_with('<') {
        return false;
    }
    let head: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    // The first element that is not a declaration, comment or doctype.
    let mut rest = head.as_str();
    loop {
        let Some(i) = rest.find('<') else {
            return false;
        };
        rest = &rest[i + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        return rest.starts_with("rss")
            || rest.starts_with("rdf:rdf")
            || rest.starts_with("feed")
            || rest.starts_with("atom:feed");
    }
}

/// Parse a feed from its bytes; the error is a short reason ("not a feed: …").
pub fn parse(bytes: &[u8]) -> Result<Feed, String> {
    let f = feed_rs::parser::parse(bytes).map_err(|e| format!("not a valid feed: {e}"))?;
    let title = f
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled feed)".to_string());
    let items = f
        .entries
        .iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| sanitize(l.href.trim()));
            let summary = e
                .summary
                .as_ref()
                .map(|s| plain(&s.content))
                .filter(|s| !s.is_empty());
            Item {
                title: e
                    .title
                    .as_ref()
                    .map(|t| plain(&t.content))
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "(untitled)".to_string()),
                link,
                date: e
                    .published
                    .or(e.updated)
                    .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                summary,
                has_content: e
                    .content
                    .as_ref()
                    .is_some_and(|c| c.body.as_deref().is_some_and(|b| !b.trim().is_empty())),
            }
        })
        .collect();
    Ok(Feed { title, items })
}

/// Text of a possibly-HTML string: tags dropped, entities decoded, whitespace collapsed,
/// sanitized.
fn plain(s: &str) -> String {
    let text: String = if s.contains('<') || s.contains('&') {
        scraper::Html::parse_fragment(s)
            .root_element()
            .text()
            .collect()
    } else {
        s.to_string()
    };
    sanitize(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The host of a URL, for the "source" of an item.
fn host(link: &str) -> Option<String> {
    url::Url::parse(link)
        .ok()?
        .host_str()
        .map(|h| h.trim_start_matches("www.").to_string())
}

/// The readable listing of `lede parse FEED`: the feed title, then per item its title and a
/// line of date, source and the first line of the summary.
pub fn outline(feed: &Feed) -> String {
    let mut s = format!("{}\n{} items\n", feed.title, feed.items.len());
    for item in &feed.items {
        s.push('\n');
        s.push_str(&item.title);
        s.push('\n');
        let mut meta = Vec::new();
        if let Some(d) = &item.date {
            meta.push(d.get(..10).unwrap_or(d).to_string());
        }
        meta.push(
            item.link
                .as_deref()
                .and_then(host)
                .unwrap_or_else(|| feed.title.clone()),
        );
        s.push_str("  ");
        s.push_str(&meta.join(" · "));
        s.push('\n');
        if let Some(sum) = &item.summary {
            let first: String = sum.chars().take(100).collect();
            let more = if first.len() < sum.len() { "…" } else { "" };
            s.push_str(&format!("  {first}{more}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_feeds() {
        assert!(looks_like_feed(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed("<?xml version='1.0'?><!-- x --><rdf:RDF>"));
        assert!(looks_like_feed(
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"
        ));
        assert!(!looks_like_feed("<!DOCTYPE html><html><body>"));
        assert!(!looks_like_feed("A headline\n\nA paragraph."));
        assert!(!looks_like_feed("{\"a\": 1}"));
    }
}
