//! Turning the extracted content container into sections and paragraphs: headings start
//! sections, every block boundary ends a paragraph, inline content (links, emphasis, `<br>`)
//! joins into one whitespace-normalised line; media, captions and form controls are dropped.

use super::dom::{Dom, Id, Kind};
use super::meta::tokens;
use crate::article::{Paragraph, Section};

/// Subtrees that never contribute text.
const DROP: &[&str] = &[
    "figure",
    "figcaption",
    "img",
    "picture",
    "svg",
    "video",
    "audio",
    "iframe",
    "script",
    "style",
    "noscript",
    "input",
    "select",
    "textarea",
    "button",
    "option",
    "object",
    "embed",
    "canvas",
    "map",
    "math",
    "template",
    "head",
    "title",
    "meta",
    "link",
    "source",
    "track",
];

/// Elements that are inline: their text joins the surrounding paragraph.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr", "br",
];

/// A stand-alone credit line such as "By Jane Doe and Ann Roe on May 3, 2019": "By" followed
/// by a capitalised name, short, not a sentence.
pub fn is_byline_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    if first != "By" && first != "BY" {
        return false;
    }
    let starts_upper = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let n = text.split_whitespace().count();
    starts_upper && n <= 16 && text.chars().count() <= 120 && !text.contains(['?', '!', '"', '“'])
}

/// Whether a whole paragraph is page furniture ("Advertisement", "Loading…", "Read more").
fn is_furniture(text: &str) -> bool {
    crate::article::boilerplate::is_page_label(text)
}

struct Builder<'a> {
    title: &'a str,
    sections: Vec<Section>,
    buf: String,
    seen_paragraph: bool,
    dropped: usize,
}

impl Builder<'_> {
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let text = clean_text(&self.buf);
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        if is_furniture(&text) || is_byline_line(&text) {
            self.dropped += 1;
            return;
        }
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        if let Some(s) = self.sections.last_mut() {
            s.paragraphs.push(Paragraph::new(text));
        }
        self.seen_paragraph = true;
    }

    fn heading(&mut self, text: String) {
        self.flush();
        let text = clean_text(&text);
        if text.is_empty() {
            return;
        }
        if !self.seen_paragraph && same_text(&text, self.title) {
            self.dropped += 1;
            return;
        }
        self.sections.push(Section {
            heading: Some(text),
            paragraphs: Vec::new(),
        });
    }
}

/// Whitespace-normalised text with control characters removed.
pub fn clean_text(s: &str) -> String {
    // Character references decode after the source was sanitised ("&#x202E;", "&#27;[2J",
    // a stray "&#x9d;"): see `clean_decoded`.
    crate::article::clean_decoded(s)
}

fn same_text(a: &str, b: &str) -> bool {
    let ta = tokens(a);
    !ta.is_empty() && ta == tokens(b)
}

/// Sections of the content under `root`.
pub fn sections(dom: &Dom, root: Id, title: &str) -> (Vec<Section>, usize) {
    let mut b = Builder {
        title,
        sections: Vec::new(),
        buf: String::new(),
        seen_paragraph: false,
        dropped: 0,
    };
    // Explicit stack: Enter(node) / Leave(block).
    enum Step {
        Enter(Id),
        Leave,
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave => b.flush(),
            Step::Enter(n) => match &dom.nodes[n].kind {
                Kind::Text(t) => b.buf.push_str(t),
                Kind::Elem(e) => {
                    let tag = e.tag.as_str();
                    if DROP.contains(&tag) {
                        continue;
                    }
                    if tag == "br" {
                        b.buf.push(' ');
                        continue;
                    }
                    if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                        // A heading left open by malformed markup can swallow the blocks
                        // after it: its leading inline text is the heading, the blocks are
                        // ordinary content.
                        let kids = &dom.nodes[n].children;
                        let first_block = kids.iter().position(|&c| is_block(dom, c));
                        let head = first_block.unwrap_or(kids.len());
                        let text: String =
                            kids[..head].iter().map(|&c| heading_text(dom, c)).collect();
                        b.heading(text);
                        if head < kids.len() {
                            stack.push(Step::Leave);
                            for &c in kids[head..].iter().rev() {
                                stack.push(Step::Enter(c));
                            }
                        }
                        continue;
                    }
                    let inline = INLINE.contains(&tag) || tag.contains('-');
                    if !inline {
                        b.flush();
                        stack.push(Step::Leave);
                    }
                    for &c in dom.nodes[n].children.iter().rev() {
                        stack.push(Step::Enter(c));
                    }
                }
            },
        }
    }
    b.flush();
    let mut secs = b.sections;
    secs.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
    (secs, b.dropped)
}

/// Sections from a JSON-LD `articleBody` (one paragraph per non-empty line) when the page's
/// markup gave less than half as much text: the body was probably rendered by scripts.
pub fn from_article_body(body: &str, extracted: &[Section]) -> Option<Vec<Section>> {
    let have: usize = extracted
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .map(|p| p.text.chars().count())
        .sum();
    let paragraphs: Vec<Paragraph> = body
        .lines()
        .map(clean_text)
        .filter(|t| !t.is_empty())
        .map(Paragraph::new)
        .collect();
    let total: usize = paragraphs.iter().map(|p| p.text.chars().count()).sum();
    if total < 200 || have * 2 >= total {
        return None;
    }
    Some(vec![Section {
        heading: None,
        paragraphs,
    }])
}

/// Whether `n` is an element that breaks the flow into a new block.
fn is_block(dom: &Dom, n: Id) -> bool {
    match dom.elem(n) {
        Some(e) => {
            let t = e.tag.as_str();
            !(INLINE.contains(&t) || DROP.contains(&t) || t.contains('-'))
        }
        None => false,
    }
}

/// Heading text without dropped subtrees.
fn heading_text(dom: &Dom, n: Id) -> String {
    let mut s = String::new();
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        match &dom.nodes[x].kind {
            Kind::Text(t) => s.push_str(t),
            Kind::Elem(e) => {
                if DROP.contains(&e.tag.as_str()) {
                    continue;
                }
                if e.tag == "br" {
                    s.push(' ');
                }
                stack.extend(dom.nodes[x].children.iter().rev().copied());
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lines() {
        assert!(is_byline_line("By Jane Doe"));
        assert!(is_byline_line(
            "By Jane Doe , Ann Roe on Monday, November 18th, 2019 at 11:08 a.m."
        ));
        assert!(!is_byline_line(
            "By the time the council met, the money had gone."
        ));
        assert!(!is_byline_line("Bystanders said nothing."));
        assert!(!is_byline_line(
            "By Friday the river had risen by two metres, flooding the lower town, the quay, the market square and most of the houses along the old canal road."
        ));
    }

    #[test]
    fn furniture() {
        assert!(is_furniture("Advertisement"));
        assert!(is_furniture("Loading..."));
        assert!(is_furniture("正在加载..."));
        assert!(!is_furniture("Read more:"));
        assert!(is_furniture("Related Articles"));
        assert!(is_furniture("MOST READ"));
        assert!(!is_furniture("Ad hoc committees met twice."));
    }
}
