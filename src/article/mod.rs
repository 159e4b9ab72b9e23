//! The article model (title, deck, byline, sections of paragraphs) and the parsers that build it
//! from plain text, Markdown and HTML.

pub mod boilerplate;
pub mod frontmatter;
pub mod html;
pub mod lang;
mod lists;
pub mod markdown;
pub(crate) mod phrases;
pub mod text;
mod vocab;

use serde::Serialize;

/// Trim and collapse whitespace runs to one space.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `c` is an invisible format character that must not reach the terminal: it has no
/// width of its own but terminals disagree on it, so it shifts the layout (soft hyphen, Arabic
/// letter mark, Mongolian vowel separator, zero-width space, LRM/RLM, word joiner and the
/// invisible operators, BOM). ZWJ is judged by [`strip_invisible`]; bidi embeddings and
/// isolates are already removed by `source::sanitize`.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
            ..='\u{2064}' | '\u{FEFF}'
    )
}

/// Whether `c` can stand on either side of a ZWJ in an emoji sequence (pictographs, symbols,
/// skin tones, VS16, keycap, tag characters).
fn emoji_part(c: char) -> bool {
    matches!(c, '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE0F}' | '\u{20E3}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0020}'..='\u{E007F}')
}

/// `s` without invisible format characters, and without ZWJ except between emoji parts.
/// Borrowed when there is nothing to remove.
pub(crate) fn strip_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    // Every character removed here is encoded starting with one of these bytes.
    let maybe = |b: &u8| matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF);
    let drop_at = |prev: Option<char>, c: char, next: Option<char>| {
        invisible(c)
            || (c == '\u{200D}' && !(prev.is_some_and(emoji_part) && next.is_some_and(emoji_part)))
    };
    if !s.as_bytes().iter().any(maybe) {
        return s.into();
    }
    let mut prev = None;
    let mut it = s.chars().peekable();
    let mut out = String::new();
    let mut changed = false;
    while let Some(c) = it.next() {
        if drop_at(prev, c, it.peek().copied()) {
            changed = true;
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    if changed {
        out.into()
    } else {
        s.into()
    }
}

/// Text decoded from character references or markup, made safe to show: C1 controls removed
/// on their own (a stray "&#x9d;" is not the start of a terminal string that runs to the end
/// of the paragraph), sanitised again ("&#x202E;", "&#27;[2J" decode after the source was),
/// invisible format characters removed, whitespace collapsed.
pub(crate) fn clean_decoded(s: &str) -> String {
    let c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    let s: std::borrow::Cow<'_, str> = if s.contains(c1) {
        s.replace(c1, "").into()
    } else {
        s.into()
    };
    collapse(&strip_invisible(&crate::source::sanitize(&s)))
}

/// Longest title, in characters: a longer line is a paragraph, not a headline.
pub(crate) const MAX_TITLE: usize = 300;

/// `title` cut to at most [`MAX_TITLE`] characters, at a word boundary, with an ellipsis.
pub(crate) fn capped_title(title: String) -> String {
    let Some((cut, _)) = title.char_indices().nth(MAX_TITLE) else {
        return title;
    };
    let head = &title[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end())
}

/// A parsed news article: what the reader shows and what the tagger reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    pub title: String,
    pub deck: Option<String>,
    pub byline: Option<String>,
    /// Publication date as the page states it (HTML metadata), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub sections: Vec<Section>,
    /// Lines (or blocks, for HTML) of page boilerplate that the parser dropped.
    #[serde(skip)]
    pub dropped: usize,
}

/// A run of paragraphs under one heading; the first section's heading may be `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of body text: non-empty, whitespace-normalised, no control characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Paragraph {
    pub text: String,
}

impl Paragraph {
    pub fn new(text: impl Into<String>) -> Self {
        Paragraph { text: text.into() }
    }
}

/// The input formats lede understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// Decide the format from the file name's extension, then from the content.
    pub fn detect(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Format::Html;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        if html::looks_like_html(text) {
            return Format::Html;
        }
        if frontmatter::starts_with_front_matter(text) {
            return Format::Markdown;
        }
        Format::Text
    }
}

impl Article {
    /// All paragraphs in reading order; the index here is the `paragraph` of a mention.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter())
    }

    /// Number of paragraphs over all sections.
    pub fn paragraph_count(&self) -> usize {
        self.sections.iter().map(|s| s.paragraphs.len()).sum()
    }
}

/// Parse sanitized text in the given format into an article.
pub fn parse(text: &str, format: Format) -> Article {
    match format {
        Format::Text => text::parse(&strip_invisible(text)),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
    }
}

/// A readable outline: title, deck, byline, each heading with its paragraph count and first
/// words, and how much boilerplate was dropped.
pub fn outline(a: &Article) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "title:  {}", a.title);
    let _ = writeln!(s, "deck:   {}", a.deck.as_deref().unwrap_or("-"));
    let _ = writeln!(s, "byline: {}", a.byline.as_deref().unwrap_or("-"));
    for sec in &a.sections {
        let _ = writeln!(
            s,
            "\n## {}  ({} paragraph{})",
            sec.heading.as_deref().unwrap_or("(no heading)"),
            sec.paragraphs.len(),
            if sec.paragraphs.len() == 1 { "" } else { "s" }
        );
        for p in &sec.paragraphs {
            let words: Vec<&str> = p.text.split_whitespace().take(10).collect();
            let more = if p.text.split_whitespace().nth(10).is_some() {
                " …"
            } else {
                ""
            };
            let _ = writeln!(s, "   - {}{more}", words.join(" "));
        }
    }
    let _ = writeln!(
        s,
        "\n{} paragraphs; {} lines of boilerplate dropped",
        a.paragraph_count(),
        a.dropped
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let short = "Harbour Plan Goes Ahead".to_string();
        assert_eq!(capped_title(short.clone()), short);
        let long = "word ".repeat(1000);
        let cut = capped_title(long);
        assert!(cut.chars().count() <= MAX_TITLE + 1, "{}", cut.len());
        assert!(cut.ends_with("word…"), "{cut}");
    }
}
