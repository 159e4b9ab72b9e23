//! Page metadata: the headline (compared across `<h1>`, `og:title`, JSON-LD and `<title>`),
//! the byline and the publication date (meta tags and schema.org JSON-LD).

use super::dom::collapse;
use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

/// What the page says about itself, before the body is extracted.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: String,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// schema.org `articleBody`, kept raw (newlines intact): a fallback for pages whose body
    /// is rendered by scripts.
    pub article_body: Option<String>,
    /// The page's own summary (`og:description`, `description`, `twitter:description`): the
    /// deck candidate.
    pub description: Option<String>,
}

#[derive(Default)]
struct Raw {
    og_description: Option<String>,
    description: Option<String>,
    og_title: Option<String>,
    twitter_title: Option<String>,
    doc_title: Option<String>,
    ld_headline: Option<String>,
    h1s: Vec<String>,
    site_name: Option<String>,
    authors: Vec<String>,
    meta_author: Option<String>,
    date: Option<String>,
    article_body: Option<String>,
}

/// Selectors are compiled once per process.
static SELECTORS: LazyLock<[Option<Selector>; 5]> = LazyLock::new(|| {
    ["meta", "title", "h1", "script", "time[datetime]"].map(|s| Selector::parse(s).ok())
});

fn sel(s: &str) -> Option<&'static Selector> {
    let i = match s {
        "meta" => 0,
        "title" => 1,
        "h1" => 2,
        "script" => 3,
        _ => 4,
    };
    SELECTORS[i].as_ref()
}

fn clean(s: &str) -> String {
    // Sanitised again: character references ("&#27;", "&#x202E;") decode after the source was.
    collapse(
        &crate::article::clean_decoded(s)
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>(),
    )
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(clean).filter(|s| !s.is_empty())
}

/// Read the metadata of a parsed page.
pub fn extract(html: &Html) -> Meta {
    let mut raw = Raw::default();
    if let Some(s) = sel("meta") {
        for m in html.select(s) {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))
                .unwrap_or("")
                .to_ascii_lowercase();
            let content = nonempty(e.attr("content"));
            let Some(content) = content else { continue };
            let slot = match key.as_str() {
                "og:title" => &mut raw.og_title,
                "twitter:title" => &mut raw.twitter_title,
                "og:site_name" | "application-name" => &mut raw.site_name,
                "og:description" => &mut raw.og_description,
                "description" | "twitter:description" => &mut raw.description,
                "author" | "article:author" | "dc.creator" | "byl" | "parsely-author"
                | "sailthru.author" => {
                    if content.contains("://") || content.starts_with('@') {
                        continue;
                    }
                    &mut raw.meta_author
                }
                "article:published_time"
                | "datepublished"
                | "date"
                | "pubdate"
                | "dc.date"
                | "dc.date.issued"
                | "publishdate"
                | "og:published_time" => &mut raw.date,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(content);
            }
        }
    }
    if let Some(s) = sel("title") {
        raw.doc_title = html
            .select(s)
            .next()
            .and_then(|t| nonempty(Some(&t.text().collect::<String>())));
    }
    if let Some(s) = sel("h1") {
        raw.h1s = html
            .select(s)
            .map(|h| clean(&h.text().collect::<String>()))
            .collect();
    }
    if let Some(s) = sel("script") {
        for sc in html.select(s) {
            let ty = sc.value().attr("type").unwrap_or("").to_ascii_lowercase();
            if ty.trim() != "application/ld+json" {
                continue;
            }
            let text: String = sc.text().collect();
            if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                json_ld(&v, &mut raw, 0);
            }
        }
    }
    if raw.date.is_none() {
        if let Some(s) = sel("time[datetime]") {
            raw.date = html
                .select(s)
                .next()
                .and_then(|t| nonempty(t.value().attr("datetime")));
        }
    }
    let title = choose_title(&raw);
    let byline = if !raw.authors.is_empty() {
        let mut seen: Vec<String> = Vec::new();
        for a in &raw.authors {
            if !seen.contains(a) {
                seen.push(a.clone());
            }
        }
        Some(seen.join(", "))
    } else {
        raw.meta_author.clone()
    };
    Meta {
        title,
        byline,
        date: raw.date,
        article_body: raw.article_body,
        description: raw.og_description.or(raw.description),
    }
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("article")
            || s.contains("posting")
            || s == "report"
            || s == "webpage"
            || s == "reviewnewsarticle"
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

fn json_ld(v: &Value, raw: &mut Raw, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| json_ld(x, raw, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                json_ld(g, raw, depth + 1);
            }
            if !is_article_type(v) {
                return;
            }
            let is_webpage = matches!(o.get("@type"), Some(Value::String(s)) if s.eq_ignore_ascii_case("webpage"));
            if raw.ld_headline.is_none() && !is_webpage {
                raw.ld_headline = nonempty(o.get("headline").and_then(Value::as_str));
            }
            if raw.authors.is_empty() {
                if let Some(a) = o.get("author") {
                    author_names(a, &mut raw.authors, 0);
                }
            }
            if raw.date.is_none() {
                raw.date = nonempty(o.get("datePublished").and_then(Value::as_str));
            }
            if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                let longer = raw
                    .article_body
                    .as_ref()
                    .is_none_or(|old| b.len() > old.len());
                if longer && !b.trim().is_empty() {
                    raw.article_body = Some(b.to_string());
                }
            }
        }
        _ => {}
    }
}

fn author_names(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) => {
            let s = clean(s);
            if !s.is_empty() && !s.contains("://") {
                out.push(s);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| author_names(x, out, depth + 1)),
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                author_names(n, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// `\w+` tokens, lower-cased.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

/// The headline: the first `<h1>` that agrees with the page's own title metadata (it carries no
/// site name), else `og:title`, JSON-LD `headline`, `twitter:title`, else `<title>` without
/// a trailing site name (as given by `og:site_name`).
fn choose_title(raw: &Raw) -> String {
    let reference = raw.og_title.as_ref().or(raw.doc_title.as_ref());
    if let Some(r) = reference {
        let rt = tokens(r);
        for h in &raw.h1s {
            let ht = tokens(h);
            if ht.len() < 3 {
                continue;
            }
            let inside = ht.iter().filter(|t| rt.contains(t)).count();
            if inside as f64 >= 0.6 * ht.len() as f64 {
                return h.clone();
            }
        }
    }
    // Social and structured-data titles are the publisher's own headline and kept as given;
    // only the document <title> gets a site-name suffix removed.
    if let Some(t) = raw
        .og_title
        .as_ref()
        .or(raw.ld_headline.as_ref())
        .or(raw.twitter_title.as_ref())
    {
        return t.clone();
    }
    if let Some(t) = &raw.doc_title {
        return strip_site_name(t, raw.site_name.as_deref());
    }
    raw.h1s
        .iter()
        .find(|h| !h.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// Remove a trailing (or leading) " | Site", " - Site", " — Site" when Site is the site's name.
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title.to_string();
    };
    let site_t = tokens(site);
    if site_t.is_empty() {
        return title.to_string();
    }
    const SEPS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];
    for sep in SEPS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if tokens(tail) == site_t && !tokens(head).is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if tokens(head) == site_t && !tokens(tail).is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(head: &str, body: &str) -> Meta {
        extract(&Html::parse_document(&format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        )))
    }

    #[test]
    fn h1_that_agrees_with_og_title_wins() {
        let m = meta_of(
            r#"<meta property="og:title" content="Opinion | Tides rise on the quay"><title>x</title>"#,
            "<h1>Menu</h1><h1>Tides rise on the quay</h1>",
        );
        assert_eq!(m.title, "Tides rise on the quay");
    }

    #[test]
    fn unrelated_h1_loses_to_og_title() {
        let m = meta_of(
            r#"<meta property="og:title" content="Why the ferry stopped running">"#,
            "<h1>Islanders left stranded after the last boat of the season</h1>",
        );
        assert_eq!(m.title, "Why the ferry stopped running");
    }

    #[test]
    fn document_title_loses_its_site_name_only_when_known() {
        let m = meta_of(
            r#"<title>Tides rise - Quay News</title><meta property="og:site_name" content="Quay News">"#,
            "",
        );
        assert_eq!(m.title, "Tides rise");
        let m = meta_of("<title>Tides rise - Quay News</title>", "");
        assert_eq!(m.title, "Tides rise - Quay News");
    }

    #[test]
    fn json_ld_authors_and_date() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Q"},
               {"@type": "NewsArticle", "headline": "H", "datePublished": "2026-01-02",
                "author": [{"@type": "Person", "name": "Ann Roe"}, "Bo Li"]}]}</script>
               <meta name="author" content="https://example.org/ann">"#,
            "",
        );
        assert_eq!(m.byline.as_deref(), Some("Ann Roe, Bo Li"));
        assert_eq!(m.date.as_deref(), Some("2026-01-02"));
        assert_eq!(m.title, "H");
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
               <meta name="author" content="Cy Wu">"#,
            "",
        );
        assert_eq!(m.byline.as_deref(), Some("Cy Wu"));
    }
}
