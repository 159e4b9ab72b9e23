//! Markdown articles: `#` headings, paragraphs, lists, quotes and code blocks, parsed with
//! pulldown-cmark. The first level-1 heading is the title; a paragraph right under it that is
//! all emphasis is the deck; a short "By …" paragraph there is the byline. Other headings open
//! sections; list items, quoted paragraphs and code blocks are paragraphs. Raw HTML and image
//! alt text are dropped. YAML or TOML front matter gives the title, byline and date (see
//! [`super::frontmatter`]) and is not text; a level-1 heading repeating its title is not a
//! section. Each table row is one paragraph, its non-empty cells joined with "; ".

use super::frontmatter;
use super::{Article, Paragraph, Section};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What the text being collected will become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Heading(HeadingLevel),
    Paragraph,
    Item,
    Code,
    /// A table cell; the row's cells become one paragraph.
    Cell,
}

/// Parse a Markdown article.
pub fn parse(text: &str) -> Article {
    let mut b = Builder::default();
    let text = match frontmatter::split(text) {
        Some((fm, rest)) => {
            b.fm_title = fm.title.map(super::capped_title);
            b.article.byline = fm.author;
            b.article.date = fm.date;
            rest
        }
        None => text,
    };
    // Cells of the table row being read.
    let mut row: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut block: Option<Block> = None;
    // Whether all text of the current paragraph so far is emphasised, and the emphasis depth.
    let mut emph = 0usize;
    let mut all_emph = true;
    let mut image = 0usize;
    let mut html_blocks = 0usize;
    for ev in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(_)) => {
                b.flush(&mut buf, block, false);
                block = None;
            }
            Event::Start(Tag::TableCell) => {
                buf.clear();
                block = Some(Block::Cell);
            }
            Event::End(TagEnd::TableCell) => {
                let cell = normalise(&buf);
                buf.clear();
                if !cell.is_empty() {
                    row.push(cell);
                }
                block = None;
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) if !row.is_empty() => {
                b.push(row.join("; "));
                row.clear();
            }
            Event::Start(Tag::Heading { level, .. }) => {
                b.flush(&mut buf, block, false);
                block = Some(Block::Heading(level));
            }
            Event::Start(Tag::Paragraph) => {
                // Text directly in a tight list item before a nested paragraph stays its own.
                if block != Some(Block::Item) || !buf.trim().is_empty() {
                    b.flush(&mut buf, block, false);
                }
                if block != Some(Block::Item) {
                    block = Some(Block::Paragraph);
                }
                all_emph = true;
            }
            Event::Start(Tag::Item) => {
                b.flush(&mut buf, block, false);
                block = Some(Block::Item);
                all_emph = false;
            }
            Event::Start(Tag::List(_)) => {
                // A nested list ends the text of its parent item.
                b.flush(&mut buf, block, false);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                b.flush(&mut buf, block, false);
                block = Some(Block::Code);
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => emph += 1,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => emph = emph.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::CodeBlock) => {
                b.flush(&mut buf, block, false);
                block = None;
            }
            Event::End(TagEnd::Paragraph) => {
                b.flush(&mut buf, block, all_emph);
                if block != Some(Block::Item) {
                    block = None;
                }
            }
            Event::End(TagEnd::Item) => {
                b.flush(&mut buf, block, false);
                block = None;
            }
            Event::Text(t) | Event::Code(t) if image == 0 => {
                if emph == 0 && !t.trim().is_empty() {
                    all_emph = false;
                }
                if block.is_none() {
                    block = Some(Block::Paragraph);
                }
                buf.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => buf.push(if block == Some(Block::Code) {
                '\n'
            } else {
                ' '
            }),
            Event::Html(_) => html_blocks += 1,
            _ => {}
        }
    }
    b.flush(&mut buf, block, false);
    b.finish(html_blocks)
}

#[derive(Default)]
struct Builder {
    article: Article,
    sections: Vec<Section>,
    /// The title the front matter gives.
    fm_title: Option<String>,
    /// Paragraph blocks seen since the title (for deck/byline placement).
    since_title: usize,
    have_title: bool,
    /// Whether a "By …" paragraph has been taken as the byline.
    text_byline: bool,
    any_body: bool,
}

impl Builder {
    fn flush(&mut self, buf: &mut String, block: Option<Block>, all_emph: bool) {
        let text = normalise(buf);
        buf.clear();
        if text.is_empty() {
            return;
        }
        match block {
            Some(Block::Heading(level)) => {
                if level == HeadingLevel::H1 && !self.have_title && !self.any_body {
                    self.have_title = true;
                    match &self.fm_title {
                        Some(t) if !same_title(t, &text) => self.sections.push(Section {
                            heading: Some(text),
                            paragraphs: Vec::new(),
                        }),
                        Some(_) => {}
                        None => self.article.title = text,
                    }
                } else {
                    self.sections.push(Section {
                        heading: Some(text),
                        paragraphs: Vec::new(),
                    });
                    self.any_body = true;
                }
            }
            Some(Block::Paragraph)
                if (self.have_title || self.fm_title.is_some()) && !self.any_body =>
            {
                self.since_title += 1;
                let words = text.split_whitespace().count();
                let lower = text.to_lowercase();
                if !self.text_byline
                    && words <= 12
                    && ["by ", "par ", "von ", "por "]
                        .iter()
                        .any(|b| lower.starts_with(b))
                {
                    // A byline in the text wins over the front matter's bare names.
                    self.article.byline = Some(text);
                    self.text_byline = true;
                } else if all_emph && self.article.deck.is_none() && self.since_title == 1 {
                    self.article.deck = Some(text);
                } else {
                    self.push(text);
                }
            }
            _ => self.push(text),
        }
    }

    fn push(&mut self, text: String) {
        self.any_body = true;
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        if let Some(s) = self.sections.last_mut() {
            s.paragraphs.push(Paragraph::new(text));
        }
    }

    fn finish(mut self, dropped: usize) -> Article {
        if let Some(t) = self.fm_title.take() {
            self.article.title = t;
        }
        if self.article.title.is_empty() {
            // No `# Title`: the first heading, else the first short paragraph.
            if let Some(h) = self.sections.first_mut().and_then(|s| {
                if s.paragraphs.is_empty() || s.heading.is_some() {
                    s.heading.take()
                } else {
                    None
                }
            }) {
                self.article.title = h;
            } else if let Some(s) = self.sections.first_mut() {
                if s.paragraphs.first().is_some_and(|p| p.text.len() <= 200) {
                    self.article.title = s.paragraphs.remove(0).text;
                }
            }
        }
        self.sections
            .retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
        self.article.sections = self.sections;
        self.article.dropped = dropped;
        self.article
    }
}

/// Whether a heading repeats the front matter's title (case and punctuation aside; the
/// title may have been cut to length).
fn same_title(fm: &str, heading: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, h) = (key(fm), key(heading));
    a == h || (fm.ends_with('…') && h.starts_with(&a))
}

/// Whitespace-normalised text without control or invisible format characters (see
/// [`super::clean_decoded`]: character references decode after the source was sanitised).
fn normalise(s: &str) -> String {
    super::clean_decoded(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Article) -> Vec<&str> {
        a.paragraphs().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn character_references_cannot_smuggle_controls() {
        let a = parse(
            "# Quay &#x202E;vote &#27;[2J today\n\nThe council &#x2066;voted &#27;[31mon Tuesday.\n",
        );
        assert_eq!(a.title, "Quay vote today");
        assert_eq!(texts(&a), ["The council voted on Tuesday."]);
    }

    #[test]
    fn title_deck_byline_sections() {
        let md = "# Harbour Plan Goes Ahead\n\n*The council backs the new quay*\n\nBy Ana Lopes\n\n\
                  The council voted on Monday.\nIt was close.\n\n## What Happens Next\n\nWork starts in May.\n";
        let a = parse(md);
        assert_eq!(a.title, "Harbour Plan Goes Ahead");
        assert_eq!(a.deck.as_deref(), Some("The council backs the new quay"));
        assert_eq!(a.byline.as_deref(), Some("By Ana Lopes"));
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[0].heading, None);
        assert_eq!(
            texts(&a),
            vec![
                "The council voted on Monday. It was close.",
                "Work starts in May."
            ]
        );
        assert_eq!(a.sections[1].heading.as_deref(), Some("What Happens Next"));
    }

    #[test]
    fn lists_quotes_and_code_are_paragraphs() {
        let md = "# T\n\nIntro text here.\n\n- first item\n- second *item*\n  - nested item\n\n> quoted words\n> go on\n\n```\nlet x = 1;\n```\n";
        let a = parse(md);
        assert_eq!(
            texts(&a),
            vec![
                "Intro text here.",
                "first item",
                "second item",
                "nested item",
                "quoted words go on",
                "let x = 1;"
            ]
        );
    }

    #[test]
    fn loose_list_items_and_images() {
        let md = "# T\n\n1. one\n\n2. two ![alt text](x.png) end\n\n<div>raw html</div>\n";
        let a = parse(md);
        assert_eq!(texts(&a), vec!["one", "two end"]);
        assert_eq!(a.dropped, 1);
    }

    #[test]
    fn without_h1_the_first_heading_is_the_title() {
        let a = parse("## Only Heading\n\nBody text.\n");
        assert_eq!(a.title, "Only Heading");
        assert_eq!(texts(&a), vec!["Body text."]);
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.sections[0].heading, None);
    }

    #[test]
    fn emphasis_inside_body_is_not_a_deck() {
        let a = parse("# T\n\nPlain first paragraph.\n\n*all emphasis later*\n");
        assert_eq!(a.deck, None);
        assert_eq!(
            texts(&a),
            vec!["Plain first paragraph.", "all emphasis later"]
        );
    }
}
