//! Class/id and markup hints shared by scoring and cleaning: the unlikely/positive/negative
//! word lists, class weights, visibility, phrasing content and share widgets.

use super::dom::{Dom, Id, Kind, NONE};

pub(super) const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "consent",
    "newsletter",
    "promo",
];

pub(super) const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

pub(super) const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

pub(super) const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footer",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "cookie",
    "consent",
];

pub(super) const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

pub(super) const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

pub(super) const DIV_TO_P: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

pub(super) const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "u", "s", "strike", "tt", "big", "font",
];

pub(super) fn any_in(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

pub(super) fn is_negative(s: &str) -> bool {
    if any_in(s, NEGATIVE) {
        return true;
    }
    // `hid` as a whole class word
    s.split_whitespace().any(|w| w == "hid")
}

/// Which heuristics are on for one extraction attempt.
#[derive(Clone, Copy)]
pub(super) struct Flags {
    pub(super) strip_unlikely: bool,
    pub(super) weight_classes: bool,
    pub(super) clean_conditionally: bool,
}

pub(super) fn is_whitespace_text(dom: &Dom, n: Id) -> bool {
    match &dom.nodes[n].kind {
        Kind::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

pub(super) fn is_whitespace(dom: &Dom, n: Id) -> bool {
    is_whitespace_text(dom, n) || dom.tag(n) == "br"
}

pub(super) fn is_phrasing(dom: &Dom, n: Id) -> bool {
    // Iterative: a, del and ins are phrasing when all their content is.
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        if dom.is_text(x) {
            continue;
        }
        let t = dom.tag(x);
        if PHRASING.contains(&t) {
            continue;
        }
        if t == "a" || t == "del" || t == "ins" {
            stack.extend(dom.nodes[x].children.iter().copied());
            continue;
        }
        return false;
    }
    true
}

pub(super) fn is_probably_visible(dom: &Dom, n: Id) -> bool {
    let Some(e) = dom.elem(n) else { return true };
    if let Some(style) = e.attr("style") {
        let s: String = style
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return false;
        }
    }
    if e.attr("hidden").is_some() {
        return false;
    }
    if e.attr("aria-hidden") == Some("true")
        && !e.attr("class").unwrap_or("").contains("fallback-image")
    {
        return false;
    }
    true
}

pub(super) fn class_weight(dom: &Dom, n: Id, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut w = 0.0;
    for a in ["class", "id"] {
        if let Some(v) = dom.attr(n, a) {
            let v = v.to_lowercase();
            if v.is_empty() {
                continue;
            }
            if is_negative(&v) {
                w -= 25.0;
            }
            if any_in(&v, POSITIVE) {
                w += 25.0;
            }
        }
    }
    w
}

pub(super) fn is_share(ms: &str) -> bool {
    // (\b|_)(share|sharedaddy)(\b|_)
    let b = ms.as_bytes();
    let mut start = 0;
    while let Some(i) = ms[start..].find("share") {
        let i = start + i;
        let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let mut end = i + 5;
        if ms[end..].starts_with("daddy") {
            end += 5;
        }
        let after_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return true;
        }
        start = i + 5;
    }
    false
}

pub(super) fn within(dom: &Dom, mut n: Id, root: Id) -> bool {
    while n != NONE {
        if n == root {
            return true;
        }
        n = dom.nodes[n].parent;
    }
    false
}
