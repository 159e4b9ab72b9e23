//! Cleaning passes: `<br><br>` runs into paragraphs before scoring, and after scoring the
//! conditional removal of link lists, forms, share widgets, media and layout tables from the
//! chosen content.

use super::dom::{Dom, Id, NONE};
use super::hints::{
    class_weight, is_phrasing, is_share, is_whitespace, is_whitespace_text, within, Flags,
};
use super::score::text_similarity;

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
            dom.nodes[k].parent = NONE;
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
                dom.nodes[last].parent = NONE;
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

pub(super) fn prep_article(dom: &mut Dom, root: Id, flags: Flags, title: &str) {
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
