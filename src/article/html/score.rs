//! Readability-style content detection: prune hidden and unlikely nodes, score paragraph
//! containers (text length, commas, class/id hints, link density), pick the best candidate and
//! its well-scoring siblings, then clean the result (`clean`). Retries with fewer heuristics
//! when too little text survives.

use super::clean::prep_article;
use super::dom::{Dom, Id, NONE};
use super::hints::{
    any_in, class_weight, is_phrasing, is_probably_visible, is_whitespace, is_whitespace_text,
    Flags, BYLINE, DIV_TO_P, MAYBE, UNLIKELY, UNLIKELY_ROLES,
};
use super::meta::tokens;
use std::collections::HashMap;

const TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

const COMMAS: &[char] = &[
    ',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

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
pub(super) fn text_similarity(a: &str, b: &str) -> f64 {
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
