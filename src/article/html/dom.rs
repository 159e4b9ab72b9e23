//! A small mutable arena DOM built from the html5ever tree: what the extractor scores, prunes
//! and walks. Scripts, styles and other never-shown subtrees are dropped while building.

use scraper::{Html, Node as HNode};

/// Index of a node in the arena.
pub type Id = usize;

/// Sentinel for "no parent".
pub const NONE: Id = usize::MAX;

#[derive(Debug, Clone)]
pub enum Kind {
    Elem(Elem),
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Elem {
    /// Lower-case local name.
    pub tag: String,
    pub attrs: Vec<(String, String)>,
}

impl Elem {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub parent: Id,
    pub children: Vec<Id>,
}

/// The arena; node 0 is the document root (a synthetic `#root` element).
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Deepest nesting kept; deeper elements are flattened into their ancestor at this depth, so
/// every walk over ancestors stays cheap on hostile input.
pub const MAX_DEPTH: usize = 256;

/// Subtrees whose content is never shown to a reader and never scored.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "select", "textarea", "button", "link", "meta",
];

impl Dom {
    /// Build from a parsed document. Iterative, so deep nesting cannot overflow the stack.
    pub fn from_html(html: &Html) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                kind: Kind::Elem(Elem {
                    tag: "#root".into(),
                    attrs: Vec::new(),
                }),
                parent: NONE,
                children: Vec::new(),
            }],
        };
        // (scraper node, arena parent, depth of parent)
        let mut stack = vec![];
        for c in html
            .tree
            .root()
            .children()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            stack.push((c, 0usize, 0usize));
        }
        while let Some((h, parent, depth)) = stack.pop() {
            match h.value() {
                HNode::Text(t) => {
                    let s: &str = t;
                    if s.is_empty() {
                        continue;
                    }
                    // Merge with a preceding text sibling.
                    if let Some(&last) = dom.nodes[parent].children.last() {
                        if let Kind::Text(prev) = &mut dom.nodes[last].kind {
                            prev.push_str(s);
                            continue;
                        }
                    }
                    let id = dom.push(Kind::Text(s.to_string()), parent);
                    let _ = id;
                }
                HNode::Element(e) => {
                    let tag = e.name().to_ascii_lowercase();
                    let skip = SKIP.contains(&tag.as_str());
                    let tag = if tag == "font" {
                        "span".to_string()
                    } else {
                        tag
                    };
                    let attrs = e
                        .attrs()
                        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                        .collect();
                    if depth >= MAX_DEPTH {
                        // Too deep: keep the content, drop the element.
                        if !skip {
                            for c in h.children().collect::<Vec<_>>().into_iter().rev() {
                                stack.push((c, parent, depth));
                            }
                        }
                        continue;
                    }
                    let id = dom.push(Kind::Elem(Elem { tag, attrs }), parent);
                    if !skip {
                        for c in h.children().collect::<Vec<_>>().into_iter().rev() {
                            stack.push((c, id, depth + 1));
                        }
                    }
                }
                HNode::Document | HNode::Fragment => {
                    for c in h.children().collect::<Vec<_>>().into_iter().rev() {
                        stack.push((c, parent, depth));
                    }
                }
                _ => {}
            }
        }
        dom
    }

    fn push(&mut self, kind: Kind, parent: Id) -> Id {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        if parent != NONE {
            self.nodes[parent].children.push(id);
        }
        id
    }

    /// A new detached element.
    pub fn create(&mut self, tag: &str) -> Id {
        self.push(
            Kind::Elem(Elem {
                tag: tag.into(),
                attrs: Vec::new(),
            }),
            NONE,
        )
    }

    pub fn elem(&self, id: Id) -> Option<&Elem> {
        match &self.nodes[id].kind {
            Kind::Elem(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    pub fn tag(&self, id: Id) -> &str {
        match &self.nodes[id].kind {
            Kind::Elem(e) => &e.tag,
            Kind::Text(_) => "#text",
        }
    }

    pub fn set_tag(&mut self, id: Id, tag: &str) {
        if let Kind::Elem(e) = &mut self.nodes[id].kind {
            e.tag = tag.to_string();
        }
    }

    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        self.elem(id).and_then(|e| e.attr(name))
    }

    pub fn is_text(&self, id: Id) -> bool {
        matches!(self.nodes[id].kind, Kind::Text(_))
    }

    pub fn parent(&self, id: Id) -> Option<Id> {
        let p = self.nodes[id].parent;
        (p != NONE).then_some(p)
    }

    /// Element children only.
    pub fn element_children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(move |&c| !self.is_text(c))
    }

    /// Detach `id` from its parent.
    pub fn remove(&mut self, id: Id) {
        let p = self.nodes[id].parent;
        if p != NONE {
            self.nodes[p].children.retain(|&c| c != id);
        }
        self.nodes[id].parent = NONE;
    }

    /// Append `child` (detaching it first) as the last child of `parent`.
    pub fn append(&mut self, parent: Id, child: Id) {
        self.remove(child);
        self.nodes[child].parent = parent;
        self.nodes[parent].children.push(child);
    }

    /// Put `new` where `old` is (detaching `old`).
    pub fn replace(&mut self, old: Id, new: Id) {
        self.remove(new);
        let p = self.nodes[old].parent;
        if p == NONE {
            return;
        }
        if let Some(pos) = self.nodes[p].children.iter().position(|&c| c == old) {
            self.nodes[p].children[pos] = new;
            self.nodes[new].parent = p;
        }
        self.nodes[old].parent = NONE;
    }

    /// Is `id` still attached below the root?
    pub fn attached(&self, mut id: Id) -> bool {
        while id != 0 {
            id = self.nodes[id].parent;
            if id == NONE {
                return false;
            }
        }
        true
    }

    /// All descendants (not `id` itself) in document order.
    pub fn descendants(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        self.walk(id, |n| out.push(n));
        out
    }

    /// Call `f` on every descendant (not `id` itself) in document order.
    pub fn walk(&self, id: Id, mut f: impl FnMut(Id)) {
        let mut stack: Vec<Id> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            f(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
    }

    /// Descendant elements with one of `tags`.
    pub fn by_tags(&self, id: Id, tags: &[&str]) -> Vec<Id> {
        let mut out = Vec::new();
        self.walk(id, |n| {
            if tags.contains(&self.tag(n)) {
                out.push(n)
            }
        });
        out
    }

    /// Concatenated text of the subtree (like DOM `textContent`).
    pub fn text_content(&self, id: Id) -> String {
        let mut s = String::new();
        self.collect_text(id, &mut s);
        s
    }

    fn collect_text(&self, id: Id, out: &mut String) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].kind {
                Kind::Text(t) => out.push_str(t),
                Kind::Elem(_) => stack.extend(self.nodes[n].children.iter().rev().copied()),
            }
        }
    }

    /// Trimmed text with whitespace runs collapsed (Readability's `getInnerText`).
    pub fn inner_text(&self, id: Id) -> String {
        collapse(&self.text_content(id))
    }

    /// Character length of `inner_text`, without building it.
    pub fn text_len(&self, id: Id) -> usize {
        // (chars so far, pending whitespace, seen any non-space)
        let mut n = 0usize;
        let mut pending = false;
        let mut any = false;
        let mut count = |t: &str| {
            for c in t.chars() {
                if c.is_whitespace() {
                    pending = any;
                } else {
                    if pending {
                        n += 1;
                        pending = false;
                    }
                    any = true;
                    n += 1;
                }
            }
        };
        if let Kind::Text(t) = &self.nodes[id].kind {
            count(t);
        }
        self.walk(id, |d| {
            if let Kind::Text(t) = &self.nodes[d].kind {
                count(t);
            }
        });
        n
    }

    /// Whether the subtree has any non-whitespace text (stops at the first).
    pub fn has_text(&self, id: Id) -> bool {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].kind {
                Kind::Text(t) => {
                    if !t.trim().is_empty() {
                        return true;
                    }
                }
                Kind::Elem(_) => stack.extend(self.nodes[n].children.iter().copied()),
            }
        }
        false
    }

    /// Number of ASCII commas in the subtree's text.
    pub fn comma_count(&self, id: Id) -> usize {
        let mut n = 0;
        self.walk(id, |d| {
            if let Kind::Text(t) = &self.nodes[d].kind {
                n += t.bytes().filter(|&b| b == b',').count();
            }
        });
        n
    }

    /// Share of the text that sits inside links (hash links count 0.3).
    pub fn link_density(&self, id: Id) -> f64 {
        let total = self.text_len(id);
        if total == 0 {
            return 0.0;
        }
        let mut links = 0.0;
        for a in self.by_tags(id, &["a"]) {
            let coeff = match self.attr(a, "href") {
                Some(h) if h.starts_with('#') && h.len() > 1 => 0.3,
                _ => 1.0,
            };
            links += self.text_len(a) as f64 * coeff;
        }
        links / total as f64
    }

    /// `class` + " " + `id`, for hint matching.
    pub fn match_string(&self, id: Id) -> String {
        let c = self.attr(id, "class").unwrap_or("");
        let i = self.attr(id, "id").unwrap_or("");
        format!("{c} {i}")
    }

    pub fn has_ancestor_tag(&self, id: Id, tag: &str, max_depth: usize) -> bool {
        let mut depth = 0;
        let mut n = self.nodes[id].parent;
        while n != NONE {
            if max_depth > 0 && depth >= max_depth {
                return false;
            }
            if self.tag(n) == tag {
                return true;
            }
            n = self.nodes[n].parent;
            depth += 1;
        }
        false
    }
}

pub(crate) use crate::article::collapse;
