//! Readability-style content detection: prune hidden and unlikely nodes, score paragraph
//! containers (text length, commas, class/id hints, link density), pick the best candidate and
//! its well-scoring siblings, then clean the result conditionally. Retries with fewer
//! heuristics when too little text survives.

use super::dom::{Dom, Id, NONE};
use super::meta::tokens;
use std::collections::HashMap;

const UNLIKELY: &[&str] = &[
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
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
const POSITIVE: &[&str] = &[
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
const NEGATIVE: &[&str] = &[
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
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];
const DIV_TO_P: &[&str] = &[
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
const TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "u", "s", "strike", "tt", "big", "font",
];
const COMMAS: &[char] = &[
    ',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

fn any_in(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

fn is_negative(s: &str) -> bool {
    if any_in(s, NEGATIVE) {
        return true;
    }
    // `hid` as a whole class word
    s.split_whitespace().any(|w| w == "hid")
}

/// Which heuristics are on for one extraction attempt.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The result of extraction: a detached container of content nodes in `dom`.
pub struct Extracted {
    pub dom: Dom,
    pub root: Id,
    pub byline: Option<String>,
}

const CHAR_THRESHOLD: usize = 500;

/// Run the extraction on `dom` (already prepared with [`prep`]).
pub fn extract(dom: &Dom, title: &str) -> Extracted {
    let mut flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
    let mut attempts: Vec<(usize, Extracted)> = Vec::new();
    loop {
        let mut d = dom.clone();
        let (root, byline) = grab(&mut d, title, flags);
        let len = d.text_len(root);
        let ex = Extracted {
            dom: d,
            root,
            byline,
        };
        if len >= CHAR_THRESHOLD {
            return ex;
        }
        attempts.push((len, ex));
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            break;
        }
    }
    // Longest attempt; ties go to the earliest (strictest) one.
    let mut best = 0;
    for (i, (len, _)) in attempts.iter().enumerate() {
        if *len > attempts[best].0 {
            best = i;
        }
    }
    attempts.swap_remove(best).1
}

/// Document-wide preparation: runs of two or more `<br>` become paragraph breaks (the
/// following inline content moves into a new `<p>`). One linear pass per parent.
pub fn prep(dom: &mut Dom) {
    let parents: Vec<Id> = dom
        .by_tags(0, &["br"])
        .into_iter()
        .filter_map(|b| dom.parent(b))
        .collect();
    let mut done = std::collections::HashSet::new();
    for parent in parents {
        if done.insert(parent) {
            split_br_runs(dom, parent);
        }
    }
}

/// Index just past a run of 2+ `<br>` (whitespace allowed between) starting at `i`.
fn br_run_end(dom: &Dom, kids: &[Id], i: usize) -> Option<usize> {
    if dom.tag(kids[i]) != "br" {
        return None;
    }
    let mut j = i + 1;
    let mut brs = 1;
    let mut end = j;
    while j < kids.len() {
        if is_whitespace_text(dom, kids[j]) {
            j += 1;
        } else if dom.tag(kids[j]) == "br" {
            brs += 1;
            j += 1;
            end = j;
        } else {
            break;
        }
    }
    (brs >= 2).then_some(end)
}

fn split_br_runs(dom: &mut Dom, parent: Id) {
    let kids = dom.nodes[parent].children.clone();
    if !(0..kids.len()).any(|i| br_run_end(dom, &kids, i).is_some()) {
        return;
    }
    let mut out: Vec<Id> = Vec::with_capacity(kids.len());
    let mut i = 0;
    while i < kids.len() {
        let Some(end) = br_run_end(dom, &kids, i) else {
            out.push(kids[i]);
            i += 1;
            continue;
        };
        for &k in &kids[i..end] {
            dom.nodes[k].parent = super::dom::NONE;
        }
        let p = dom.create("p");
        dom.nodes[p].parent = parent;
        out.push(p);
        i = end;
        while i < kids.len() && br_run_end(dom, &kids, i).is_none() && is_phrasing(dom, kids[i]) {
            dom.nodes[kids[i]].parent = p;
            dom.nodes[p].children.push(kids[i]);
            i += 1;
        }
        while let Some(&last) = dom.nodes[p].children.last() {
            if is_whitespace(dom, last) {
                dom.nodes[p].children.pop();
                dom.nodes[last].parent = super::dom::NONE;
            } else {
                break;
            }
        }
    }
    dom.nodes[parent].children = out;
    if dom.tag(parent) == "p" {
        dom.set_tag(parent, "div");
    }
}

fn is_whitespace_text(dom: &Dom, n: Id) -> bool {
    match &dom.nodes[n].kind {
        super::dom::Kind::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

fn is_whitespace(dom: &Dom, n: Id) -> bool {
    is_whitespace_text(dom, n) || dom.tag(n) == "br"
}

fn is_phrasing(dom: &Dom, n: Id) -> bool {
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

fn is_probably_visible(dom: &Dom, n: Id) -> bool {
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

fn class_weight(dom: &Dom, n: Id, flags: Flags) -> f64 {
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

fn init_score(dom: &Dom, n: Id, flags: Flags) -> f64 {
    let base = match dom.tag(n) {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(dom, n, flags)
}

/// Word-token similarity of `b` to `a` (share of b's text made of tokens also in a).
fn text_similarity(a: &str, b: &str) -> f64 {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let ulen: usize = uniq.iter().map(|t| t.chars().count() + 1).sum();
    let blen: usize = tb.iter().map(|t| t.chars().count() + 1).sum();
    1.0 - ulen as f64 / blen as f64
}

fn is_element_without_content(dom: &Dom, n: Id) -> bool {
    if dom.has_text(n) {
        return false;
    }
    dom.element_children(n)
        .all(|c| matches!(dom.tag(c), "br" | "hr"))
}

fn has_child_block(dom: &Dom, n: Id) -> bool {
    dom.descendants(n)
        .into_iter()
        .any(|c| DIV_TO_P.contains(&dom.tag(c)))
}

fn find_tag(dom: &Dom, tag: &str) -> Option<Id> {
    dom.descendants(0).into_iter().find(|&n| dom.tag(n) == tag)
}

fn grab(dom: &mut Dom, title: &str, flags: Flags) -> (Id, Option<String>) {
    let mut byline: Option<String> = None;
    let mut remove_title_header = true;
    let mut to_score: Vec<Id> = Vec::new();
    let order: Vec<Id> = dom
        .descendants(0)
        .into_iter()
        .filter(|&n| !dom.is_text(n))
        .collect();
    for n in order {
        if !dom.attached(n) {
            continue;
        }
        let tag = dom.tag(n).to_string();
        if tag == "html" || tag == "#root" {
            continue;
        }
        let ms = dom.match_string(n).to_lowercase();
        if !is_probably_visible(dom, n) {
            dom.remove(n);
            continue;
        }
        if dom.attr(n, "aria-modal") == Some("true") && dom.attr(n, "role") == Some("dialog") {
            dom.remove(n);
            continue;
        }
        if byline.is_none() {
            let rel = dom.attr(n, "rel") == Some("author");
            let ip = dom.attr(n, "itemprop").unwrap_or("").contains("author");
            if rel || ip || any_in(&ms, BYLINE) {
                let t = dom.inner_text(n);
                if !t.is_empty() && t.chars().count() < 100 {
                    byline = Some(t);
                    dom.remove(n);
                    continue;
                }
            }
        }
        if remove_title_header
            && (tag == "h1" || tag == "h2")
            && text_similarity(title, &dom.inner_text(n)) > 0.75
        {
            remove_title_header = false;
            dom.remove(n);
            continue;
        }
        if flags.strip_unlikely {
            if any_in(&ms, UNLIKELY)
                && !any_in(&ms, MAYBE)
                && !dom.has_ancestor_tag(n, "table", 0)
                && !dom.has_ancestor_tag(n, "code", 0)
                && tag != "body"
                && tag != "a"
            {
                dom.remove(n);
                continue;
            }
            if let Some(role) = dom.attr(n, "role") {
                if UNLIKELY_ROLES.contains(&role.to_ascii_lowercase().as_str()) {
                    dom.remove(n);
                    continue;
                }
            }
        }
        if matches!(
            tag.as_str(),
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && is_element_without_content(dom, n)
        {
            dom.remove(n);
            continue;
        }
        if TO_SCORE.contains(&tag.as_str()) {
            to_score.push(n);
        }
        if tag == "div" {
            // Wrap runs of phrasing content into paragraphs.
            let kids = dom.nodes[n].children.clone();
            let mut p: Option<Id> = None;
            for c in kids {
                if is_phrasing(dom, c) {
                    if let Some(pp) = p {
                        dom.append(pp, c);
                    } else if !is_whitespace(dom, c) {
                        let np = dom.create("p");
                        dom.replace(c, np);
                        dom.append(np, c);
                        to_score.push(np);
                        p = Some(np);
                    }
                } else if let Some(pp) = p.take() {
                    while let Some(&last) = dom.nodes[pp].children.last() {
                        if is_whitespace(dom, last) {
                            dom.remove(last);
                        } else {
                            break;
                        }
                    }
                }
            }
            let elems: Vec<Id> = dom.element_children(n).collect();
            let only_ws_text = dom.nodes[n]
                .children
                .iter()
                .all(|&c| !dom.is_text(c) || is_whitespace_text(dom, c));
            if elems.len() == 1
                && dom.tag(elems[0]) == "p"
                && only_ws_text
                && dom.link_density(n) < 0.25
            {
                let child = elems[0];
                dom.replace(n, child);
                to_score.push(child);
            } else if !has_child_block(dom, n) {
                dom.set_tag(n, "p");
                to_score.push(n);
            }
        }
    }

    // Score.
    let mut scores: HashMap<Id, f64> = HashMap::new();
    let mut candidates: Vec<Id> = Vec::new();
    to_score.dedup();
    for &e in &to_score {
        if !dom.attached(e) {
            continue;
        }
        let Some(parent) = dom.parent(e) else {
            continue;
        };
        if parent == 0 {
            continue;
        }
        let text = dom.inner_text(e);
        let len = text.chars().count();
        if len < 25 {
            continue;
        }
        let commas = text.chars().filter(|c| COMMAS.contains(c)).count();
        let score = 1.0 + (commas + 1) as f64 + ((len / 100).min(3)) as f64;
        let mut anc = parent;
        let mut level = 0usize;
        while anc != NONE && level < 5 {
            let p = dom.nodes[anc].parent;
            if anc == 0 || p == NONE || p == 0 {
                break;
            }
            let entry = scores.entry(anc).or_insert_with(|| {
                candidates.push(anc);
                init_score(dom, anc, flags)
            });
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *entry += score / div;
            anc = p;
            level += 1;
        }
    }
    let mut top: Vec<Id> = Vec::new();
    for &c in &candidates {
        let s = scores.get(&c).copied().unwrap_or(0.0) * (1.0 - dom.link_density(c));
        scores.insert(c, s);
        top.push(c);
    }
    top.sort_by(|a, b| {
        let sa = scores.get(a).copied().unwrap_or(0.0);
        let sb = scores.get(b).copied().unwrap_or(0.0);
        sb.partial_cmp(&sa).unwrap_or(std::cmp::Ordering::Equal)
    });
    top.truncate(5);

    let body = find_tag(dom, "body").unwrap_or(0);
    let mut top_cand = match top.first() {
        Some(&t) if dom.tag(t) != "body" => t,
        _ => {
            let div = dom.create("div");
            let kids = dom.nodes[body].children.clone();
            for k in kids {
                dom.append(div, k);
            }
            dom.append(body, div);
            scores.insert(div, init_score(dom, div, flags));
            div
        }
    };
    if top.first().map(|&t| dom.tag(t) != "body").unwrap_or(false) {
        let top_score = scores.get(&top_cand).copied().unwrap_or(0.0);
        let mut alt: Vec<Vec<Id>> = Vec::new();
        for &t in top.iter().skip(1) {
            let st = scores.get(&t).copied().unwrap_or(0.0);
            if top_score > 0.0 && st / top_score >= 0.75 {
                alt.push(ancestors(dom, t));
            }
        }
        if alt.len() >= 3 {
            let mut p = dom.nodes[top_cand].parent;
            while p != NONE && p != 0 && dom.tag(p) != "body" {
                let n = alt.iter().filter(|a| a.contains(&p)).count();
                if n >= 3 {
                    top_cand = p;
                    break;
                }
                p = dom.nodes[p].parent;
            }
        }
        let s = init_score(dom, top_cand, flags);
        scores.entry(top_cand).or_insert(s);
        let mut p = dom.nodes[top_cand].parent;
        let mut last = scores.get(&top_cand).copied().unwrap_or(0.0);
        let threshold = last / 3.0;
        while p != NONE && p != 0 && dom.tag(p) != "body" {
            let Some(&ps) = scores.get(&p) else {
                p = dom.nodes[p].parent;
                continue;
            };
            if ps < threshold {
                break;
            }
            if ps > last {
                top_cand = p;
                break;
            }
            last = ps;
            p = dom.nodes[p].parent;
        }
        let mut p = dom.nodes[top_cand].parent;
        while p != NONE && p != 0 && dom.tag(p) != "body" && dom.element_children(p).count() == 1 {
            top_cand = p;
            p = dom.nodes[top_cand].parent;
        }
        let s = init_score(dom, top_cand, flags);
        scores.entry(top_cand).or_insert(s);
    }

    // Siblings.
    let content = dom.create("div");
    let top_score = scores.get(&top_cand).copied().unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let parent = dom.nodes[top_cand].parent;
    let siblings: Vec<Id> = if parent == NONE {
        vec![top_cand]
    } else {
        dom.element_children(parent).collect()
    };
    let top_class = dom.attr(top_cand, "class").unwrap_or("").to_string();
    for s in siblings {
        let mut append = s == top_cand;
        if !append {
            let mut bonus = 0.0;
            if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class.as_str()) {
                bonus += top_score * 0.2;
            }
            if let Some(&ss) = scores.get(&s) {
                if ss + bonus >= threshold {
                    append = true;
                }
            }
            if !append && dom.tag(s) == "p" {
                let ld = dom.link_density(s);
                let text = dom.inner_text(s);
                let len = text.chars().count();
                let long_ok = len > 80 && ld < 0.25;
                let short_ok = len < 80
                    && len > 0
                    && ld == 0.0
                    && (text.contains(". ") || text.ends_with('.'));
                append = long_ok || short_ok;
            }
        }
        if append {
            if !matches!(dom.tag(s), "div" | "article" | "section" | "p") {
                dom.set_tag(s, "div");
            }
            dom.append(content, s);
        }
    }
    prep_article(dom, content, flags, title);
    (content, byline)
}

fn ancestors(dom: &Dom, n: Id) -> Vec<Id> {
    let mut out = Vec::new();
    let mut p = dom.nodes[n].parent;
    while p != NONE {
        out.push(p);
        p = dom.nodes[p].parent;
    }
    out
}

fn within(dom: &Dom, mut n: Id, root: Id) -> bool {
    while n != NONE {
        if n == root {
            return true;
        }
        n = dom.nodes[n].parent;
    }
    false
}

fn is_data_table(dom: &Dom, t: Id) -> bool {
    if dom.attr(t, "role") == Some("presentation") || dom.attr(t, "datatable") == Some("0") {
        return false;
    }
    if dom.attr(t, "summary").is_some() {
        return true;
    }
    let desc = dom.descendants(t);
    if desc
        .iter()
        .any(|&d| dom.tag(d) == "caption" && !dom.nodes[d].children.is_empty())
    {
        return true;
    }
    if desc
        .iter()
        .any(|&d| matches!(dom.tag(d), "col" | "colgroup" | "tfoot" | "thead" | "th"))
    {
        return true;
    }
    if desc.iter().any(|&d| dom.tag(d) == "table") {
        return false;
    }
    let rows: Vec<Id> = desc
        .iter()
        .copied()
        .filter(|&d| dom.tag(d) == "tr")
        .collect();
    let cols = rows
        .iter()
        .map(|&r| {
            dom.element_children(r)
                .filter(|&c| matches!(dom.tag(c), "td" | "th"))
                .count()
        })
        .max()
        .unwrap_or(0);
    rows.len() >= 10 || cols > 4 || rows.len() * cols > 10
}

fn has_data_table_ancestor(dom: &Dom, n: Id) -> bool {
    let mut p = dom.nodes[n].parent;
    while p != NONE {
        if dom.tag(p) == "table" && is_data_table(dom, p) {
            return true;
        }
        p = dom.nodes[p].parent;
    }
    false
}

fn should_remove_conditionally(dom: &Dom, n: Id, tag: &str, flags: Flags) -> bool {
    let mut is_list = tag == "ul" || tag == "ol";
    if !is_list {
        let list_len: usize = dom
            .by_tags(n, &["ul", "ol"])
            .iter()
            .map(|&l| dom.text_len(l))
            .sum();
        let total = dom.text_len(n);
        is_list = total > 0 && list_len as f64 / total as f64 > 0.9;
    }
    if tag == "table" && is_data_table(dom, n) {
        return false;
    }
    if has_data_table_ancestor(dom, n) || dom.has_ancestor_tag(n, "code", 0) {
        return false;
    }
    let weight = class_weight(dom, n, flags);
    if weight < 0.0 {
        return true;
    }
    if dom.comma_count(n) >= 10 {
        return false;
    }
    let (mut p, mut img, mut li, mut input, mut lis_total): (f64, f64, f64, f64, f64) =
        (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut embeds = 0usize;
    let mut heading_len = 0usize;
    dom.walk(n, |d| match dom.tag(d) {
        "p" => p += 1.0,
        "img" => img += 1.0,
        "li" => {
            li += 1.0;
            lis_total += 1.0;
        }
        "input" => input += 1.0,
        "object" | "embed" | "iframe" => embeds += 1,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => heading_len += dom.text_len(d),
        _ => {}
    });
    li -= 100.0;
    let total_len = dom.text_len(n);
    let heading_density = if total_len == 0 {
        0.0
    } else {
        heading_len as f64 / total_len as f64
    };
    let len = total_len;
    let ld = dom.link_density(n);
    let in_figure = dom.has_ancestor_tag(n, "figure", 0);
    let remove = (!in_figure && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && len < 25
            && (img == 0.0 || img > 2.0)
            && ld > 0.0)
        || (!is_list && weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
        || ((embeds == 1 && len < 75) || embeds > 1);
    if is_list && remove {
        // Keep simple lists of images.
        for c in dom.element_children(n) {
            if dom.element_children(c).count() > 1 {
                return remove;
            }
        }
        if img == lis_total {
            return false;
        }
    }
    remove
}

fn clean_conditionally(dom: &mut Dom, root: Id, tag: &str, flags: Flags) {
    if !flags.clean_conditionally {
        return;
    }
    let nodes = dom.by_tags(root, &[tag]);
    for &n in nodes.iter().rev() {
        if !within(dom, n, root) {
            continue;
        }
        if should_remove_conditionally(dom, n, tag, flags) {
            dom.remove(n);
        }
    }
}

fn clean_tags(dom: &mut Dom, root: Id, tags: &[&str]) {
    for n in dom.by_tags(root, tags) {
        dom.remove(n);
    }
}

fn is_share(ms: &str) -> bool {
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

fn prep_article(dom: &mut Dom, root: Id, flags: Flags, title: &str) {
    clean_conditionally(dom, root, "form", flags);
    clean_conditionally(dom, root, "fieldset", flags);
    clean_tags(dom, root, &["object", "embed", "footer", "link", "aside"]);
    let kids: Vec<Id> = dom.element_children(root).collect();
    for k in kids {
        for n in dom.descendants(k) {
            if dom.is_text(n) || !within(dom, n, k) {
                continue;
            }
            let ms = dom.match_string(n).to_lowercase();
            if is_share(&ms) && dom.text_content(n).chars().count() < 500 {
                dom.remove(n);
            }
        }
    }
    clean_tags(
        dom,
        root,
        &["iframe", "input", "textarea", "select", "button"],
    );
    for h in dom.by_tags(root, &["h1", "h2"]) {
        if class_weight(dom, h, flags) < 0.0 {
            dom.remove(h);
        }
    }
    clean_conditionally(dom, root, "table", flags);
    clean_conditionally(dom, root, "ul", flags);
    clean_conditionally(dom, root, "div", flags);
    // A single h2 that repeats the title is a header, not a subheading.
    let h2s = dom.by_tags(root, &["h2"]);
    if h2s.len() == 1 && !title.is_empty() {
        let t = dom.inner_text(h2s[0]);
        let tl = title.chars().count() as f64;
        let rate = (t.chars().count() as f64 - tl) / tl;
        if rate.abs() < 0.5 && (t == title || text_similarity(title, &t) > 0.75) {
            dom.remove(h2s[0]);
        }
    }
    for p in dom.by_tags(root, &["p"]) {
        let media = dom.by_tags(p, &["img", "embed", "object", "iframe"]).len();
        if media == 0 && dom.text_content(p).trim().is_empty() {
            dom.remove(p);
        }
    }
    // Single-cell layout tables become their cell.
    for t in dom.by_tags(root, &["table"]) {
        if !within(dom, t, root) {
            continue;
        }
        let mut tbody = t;
        let kids: Vec<Id> = dom.element_children(t).collect();
        if kids.len() == 1 && dom.tag(kids[0]) == "tbody" {
            tbody = kids[0];
        }
        let rows: Vec<Id> = dom.element_children(tbody).collect();
        if rows.len() == 1 && dom.tag(rows[0]) == "tr" {
            let cells: Vec<Id> = dom.element_children(rows[0]).collect();
            if cells.len() == 1 && dom.tag(cells[0]) == "td" {
                let cell = cells[0];
                let all_phrasing = dom.nodes[cell]
                    .children
                    .iter()
                    .all(|&c| is_phrasing(dom, c));
                dom.set_tag(cell, if all_phrasing { "p" } else { "div" });
                dom.replace(t, cell);
            }
        }
    }
}
