//! Export of an article's highlights: Markdown for Obsidian/Logseq (YAML front matter, one
//! blockquote per highlight with its note, actor tags and section) and a W3C Web Annotation
//! collection in JSON-LD. Both take the export time as a parameter, so output is reproducible.

use super::anchor::DocText;
use super::Highlight;
use crate::article::Article;
use crate::tag::Tagged;
use serde::Serialize;
use std::fmt::Write;

/// A string as a YAML double-quoted scalar (JSON string syntax is valid YAML).
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// An Obsidian/Logseq-safe tag for an actor name: `#Vladimir_Putin`. Letters and digits (any
/// script), `_` and `-` are kept; anything else becomes `_`; a tag of digits only gets a prefix.
pub fn tag(name: &str) -> Option<String> {
    let mut t = String::new();
    for c in name.chars() {
        let c = if c.is_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        };
        if !(c == '_' && (t.is_empty() || t.ends_with('_'))) {
            t.push(c);
        }
    }
    let t = t.trim_end_matches('_');
    if t.is_empty() {
        None
    } else if t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '_')
    {
        Some(format!("#actor_{t}"))
    } else {
        Some(format!("#{t}"))
    }
}

/// Article text inside Markdown: keep it from turning into HTML or tags when rendered.
fn md_text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '<' | '#' | '\\' | '[' | ']') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// Heading of the section holding paragraph `p` (reading order), if it has one.
pub fn section_of(article: &Article, p: usize) -> Option<&str> {
    let mut first = 0;
    for s in &article.sections {
        if p < first + s.paragraphs.len() {
            return s.heading.as_deref();
        }
        first += s.paragraphs.len();
    }
    None
}

/// The actors of a highlight as of `tagged` (the current tagging of the article) when it is found
/// in the text; the actors stored when it was made when it is orphaned.
fn actors_of(doc: &DocText, tagged: &Tagged, h: &Highlight) -> Vec<String> {
    if h.orphaned {
        return h.actors.clone();
    }
    match (doc.to_global(h.start), doc.to_global(h.end)) {
        (Some(a), Some(b)) => super::actors_in(doc, tagged, a, b),
        _ => h.actors.clone(),
    }
}

/// Markdown: YAML front matter (title, source, byline, exported, the article's actors), the
/// title, then the highlights in reading order under their section headings — each a
/// blockquote, its note, the actors mentioned in it as tags — and finally those no longer found
/// in the text. No hard wrapping.
pub fn markdown(
    article: &Article,
    tagged: &Tagged,
    highlights: &[Highlight],
    source: &str,
    exported: &str,
) -> String {
    let mut s = String::from("---\n");
    let _ = writeln!(s, "title: {}", yaml_str(&article.title));
    let _ = writeln!(s, "source: {}", yaml_str(source));
    if let Some(b) = &article.byline {
        let _ = writeln!(s, "byline: {}", yaml_str(b));
    }
    let _ = writeln!(s, "exported: {}", yaml_str(exported));
    if tagged.actors.is_empty() {
        s.push_str("actors: []\n");
    } else {
        s.push_str("actors:\n");
        for a in &tagged.actors {
            let _ = writeln!(s, "  - {}", yaml_str(&a.name));
        }
    }
    s.push_str("---\n\n");
    let _ = writeln!(s, "# {}", md_text(&article.title));
    let doc = DocText::new(article);

    let mut current: Option<Option<&str>> = None;
    let mut order: Vec<&Highlight> = highlights.iter().filter(|h| !h.orphaned).collect();
    order.sort_by_key(|h| (h.start, h.end));
    for h in order {
        let sec = section_of(article, h.start.paragraph);
        if current != Some(sec) {
            if let Some(title) = sec {
                let _ = writeln!(s, "\n## {}", md_text(title));
            }
            current = Some(sec);
        }
        highlight_md(&mut s, h, &actors_of(&doc, tagged, h));
    }
    let orphans: Vec<&Highlight> = highlights.iter().filter(|h| h.orphaned).collect();
    if !orphans.is_empty() {
        s.push_str("\n## Not found in the current text\n");
        for h in orphans {
            highlight_md(&mut s, h, &h.actors);
        }
    }
    s
}

fn highlight_md(s: &mut String, h: &Highlight, actors: &[String]) {
    s.push('\n');
    for line in h.quote.lines() {
        if line.is_empty() {
            s.push_str(">\n");
        } else {
            let _ = writeln!(s, "> {}", md_text(line));
        }
    }
    let note = h.note.trim_end();
    if !note.is_empty() {
        let _ = writeln!(s, "\n{note}");
    }
    let tags: Vec<String> = actors.iter().filter_map(|a| tag(a)).collect();
    if !tags.is_empty() {
        let _ = writeln!(s, "\n{}", tags.join(" "));
    }
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    generated: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    purpose: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: Vec<Selector<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// A W3C Web Annotation collection (JSON-LD, `http://www.w3.org/ns/anno.jsonld`): an
/// `AnnotationCollection` whose `first` `AnnotationPage` holds one `Annotation` per highlight,
/// with a `TextualBody` for the note (purpose `commenting`) and one per actor mentioned in it
/// (purpose `tagging`; as for Markdown, from `tagged` unless the highlight is orphaned), and a `target` on `source` with a `TextQuoteSelector` and, for highlights found in
/// the current text, a `TextPositionSelector`. Positions count Unicode code points in the
/// article's paragraphs joined by a blank line (`"\n\n"`).
pub fn json(
    article: &Article,
    tagged: &Tagged,
    highlights: &[Highlight],
    source: &str,
    exported: &str,
) -> String {
    let doc = DocText::new(article);
    let actors: Vec<Vec<String>> = highlights
        .iter()
        .map(|h| actors_of(&doc, tagged, h))
        .collect();
    let items: Vec<Annotation> = highlights
        .iter()
        .zip(&actors)
        .map(|(h, a)| annotation(&doc, h, a, source))
        .collect();
    let c = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        kind: "AnnotationCollection",
        label: format!("Highlights: {}", article.title),
        generated: exported,
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = serde_json::to_string_pretty(&c).unwrap_or_default();
    out.push('\n');
    out
}

fn annotation<'a>(
    doc: &DocText,
    h: &'a Highlight,
    actors: &'a [String],
    source: &'a str,
) -> Annotation<'a> {
    let mut body = Vec::new();
    if !h.note.is_empty() {
        body.push(Body {
            kind: "TextualBody",
            value: &h.note,
            format: Some("text/plain"),
            purpose: "commenting",
        });
    }
    for a in actors {
        body.push(Body {
            kind: "TextualBody",
            value: a,
            format: None,
            purpose: "tagging",
        });
    }
    let mut selector = vec![Selector::TextQuoteSelector {
        exact: &h.quote,
        prefix: &h.prefix,
        suffix: &h.suffix,
    }];
    if !h.orphaned {
        if let (Some(a), Some(b)) = (doc.to_global(h.start), doc.to_global(h.end)) {
            selector.push(Selector::TextPositionSelector {
                start: doc.char_offset(a),
                end: doc.char_offset(b),
            });
        }
    }
    Annotation {
        id: format!("urn:lede:highlight:{}", h.id),
        kind: "Annotation",
        motivation: if h.note.is_empty() {
            "highlighting"
        } else {
            "commenting"
        },
        created: &h.created,
        modified: &h.updated,
        body,
        target: Target { source, selector },
    }
}

/// The `source` to name in an export for the article read from `file` (as given on the command
/// line): a `file://` URI of its absolute path, or `stdin` for `-`. Falls back to the path as
/// given if it cannot be resolved.
pub fn source_for(file: &str) -> String {
    if file == "-" {
        return "stdin".into();
    }
    match std::fs::canonicalize(file) {
        Ok(abs) => file_uri(&abs),
        Err(_) => file.to_string(),
    }
}

/// A file name for an export of `article`: its title in lower case, words joined by `-`
/// (letters and digits of any script kept, at most 60 characters), then `.ext`.
pub fn suggested_name(article: &Article, ext: &str) -> String {
    let mut stem = String::new();
    for w in article
        .title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if stem.chars().count() + w.chars().count() + 1 > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&w);
    }
    if stem.is_empty() {
        stem.push_str("notes");
    }
    format!("{stem}.{ext}")
}

/// A `file://` URI for an absolute path, percent-encoding what URIs do not allow.
pub fn file_uri(path: &std::path::Path) -> String {
    let s = path.to_string_lossy();
    let mut o = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_obsidian_safe() {
        assert_eq!(tag("Vladimir Putin").as_deref(), Some("#Vladimir_Putin"));
        assert_eq!(tag("Micheál Martin").as_deref(), Some("#Micheál_Martin"));
        assert_eq!(tag("Côte d'Ivoire").as_deref(), Some("#Côte_d_Ivoire"));
        assert_eq!(tag("U.S.").as_deref(), Some("#U_S"));
        assert_eq!(tag("1984").as_deref(), Some("#actor_1984"));
        assert_eq!(tag("  ...").as_deref(), None);
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(yaml_str("a: \"b\" # c\n"), r#""a: \"b\" # c\n""#);
    }

    #[test]
    fn suggested_names_are_safe_slugs() {
        let a = |t: &str| Article {
            title: t.into(),
            ..Article::default()
        };
        assert_eq!(
            suggested_name(&a("Mayor: \"No warning\" / ../etc"), "md"),
            "mayor-no-warning-etc.md"
        );
        assert_eq!(
            suggested_name(&a("Zürich’s vote"), "json"),
            "zürich-s-vote.json"
        );
        assert_eq!(suggested_name(&a("!!!"), "md"), "notes.md");
        let long = suggested_name(&a(&"word ".repeat(40)), "md");
        assert!(long.len() <= 63 && long.ends_with("word.md"), "{long}");
    }

    #[test]
    fn file_uris_percent_encode() {
        assert_eq!(
            file_uri(std::path::Path::new("/tmp/my notes/é.txt")),
            "file:///tmp/my%20notes/%C3%A9.txt"
        );
    }
}
