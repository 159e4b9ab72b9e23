//! The reader's document: an `Article` and its `Tagged` actors flattened into blocks (title,
//! deck, byline, headings, paragraphs), each paragraph carrying its mention marks.
//! Sentence bounds are computed lazily per block, so opening a 10 MB article costs little.

use super::text;
use crate::article::Article;
use crate::tag::{Actor, ActorKind, Tagged};
use std::cell::OnceCell;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Deck,
    Byline,
    Heading,
    Paragraph,
}

/// What a mark in a paragraph names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A mention of `actors[i]`.
    Actor(usize),
    /// A capital or seat of government standing for a country.
    Metonym,
}

/// A styled byte range of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub kind: MarkKind,
}

/// One block of the article as the reader shows it.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Index of the section it belongs to (headings start a section).
    pub section: usize,
    /// Paragraph index in reading order (the tagger's `Mention::paragraph`), for paragraphs.
    pub paragraph: Option<usize>,
    /// Mention marks, sorted, not overlapping.
    pub marks: Vec<Mark>,
    sentences: OnceCell<Vec<(u32, u32)>>,
}

impl Block {
    fn new(kind: BlockKind, text: String, section: usize, paragraph: Option<usize>) -> Block {
        Block {
            kind,
            text,
            section,
            paragraph,
            marks: Vec::new(),
            sentences: OnceCell::new(),
        }
    }

    /// Sentence ranges (paragraphs only; other blocks have none).
    pub fn sentences(&self) -> &[(u32, u32)] {
        self.sentences.get_or_init(|| {
            if self.kind == BlockKind::Paragraph {
                text::sentences(&self.text)
            } else {
                Vec::new()
            }
        })
    }

    /// Index of the sentence containing byte `pos` (the last one starting at or before it).
    pub fn sentence_at(&self, pos: u32) -> Option<usize> {
        let s = self.sentences();
        if s.is_empty() {
            return None;
        }
        Some(s.partition_point(|&(st, _)| st <= pos).saturating_sub(1))
    }
}

/// The article as blocks, plus its actors.
#[derive(Debug, Clone)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub actors: Vec<Actor>,
    /// Block index of each paragraph (by reading-order paragraph index).
    pub paragraph_block: Vec<usize>,
    /// Byte offset of each block's start in the whole text (for the position indicator).
    pub offsets: Vec<u64>,
    pub total_bytes: u64,
}

impl Doc {
    /// Flatten an article and attach the tagger's mentions (see `attach`).
    pub fn new(article: &Article, tagged: &Tagged) -> Doc {
        let mut doc = Doc::flatten(article);
        doc.attach(tagged);
        doc
    }

    /// Flatten an article into blocks, without actors.
    pub fn flatten(article: &Article) -> Doc {
        let mut blocks = Vec::new();
        if !article.title.is_empty() {
            blocks.push(Block::new(BlockKind::Title, article.title.clone(), 0, None));
        }
        if let Some(d) = article.deck.as_ref().filter(|d| !d.is_empty()) {
            blocks.push(Block::new(BlockKind::Deck, d.clone(), 0, None));
        }
        // Byline and date share one line: "By Marta Kovac · 14 March 2026".
        let byline = [article.byline.as_deref(), article.date.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if !byline.is_empty() {
            blocks.push(Block::new(BlockKind::Byline, byline, 0, None));
        }
        let mut paragraph_block = Vec::new();
        for (si, sec) in article.sections.iter().enumerate() {
            if let Some(h) = sec.heading.as_ref().filter(|h| !h.is_empty()) {
                blocks.push(Block::new(BlockKind::Heading, h.clone(), si, None));
            }
            for p in &sec.paragraphs {
                paragraph_block.push(blocks.len());
                blocks.push(Block::new(
                    BlockKind::Paragraph,
                    p.text.clone(),
                    si,
                    Some(paragraph_block.len() - 1),
                ));
            }
        }
        let mut offsets = Vec::with_capacity(blocks.len());
        let mut total = 0u64;
        for b in &blocks {
            offsets.push(total);
            total += b.text.len() as u64 + 1;
        }
        Doc {
            blocks,
            actors: Vec::new(),
            paragraph_block,
            offsets,
            total_bytes: total,
        }
    }

    /// Replace the actors and mention marks with `tagged`'s. Mentions whose ranges do not fit
    /// their paragraph (or overlap an earlier mark) are dropped rather than trusted.
    pub fn attach(&mut self, tagged: &Tagged) {
        for b in &mut self.blocks {
            b.marks.clear();
        }
        let mut marks: Vec<(usize, Mark)> = Vec::new();
        for (ai, a) in tagged.actors.iter().enumerate() {
            for m in &a.mentions {
                marks.push((
                    m.paragraph,
                    Mark {
                        start: m.start as u32,
                        end: m.end as u32,
                        kind: MarkKind::Actor(ai),
                    },
                ));
            }
        }
        for m in &tagged.metonyms {
            marks.push((
                m.paragraph,
                Mark {
                    start: m.start as u32,
                    end: m.end as u32,
                    kind: MarkKind::Metonym,
                },
            ));
        }
        marks.sort_by_key(|(p, m)| (*p, m.start, m.end));
        for (p, m) in marks {
            let Some(b) = self
                .paragraph_block
                .get(p)
                .and_then(|&bi| self.blocks.get_mut(bi))
            else {
                continue;
            };
            let (s, e) = (m.start as usize, m.end as usize);
            let fits = s < e
                && e <= b.text.len()
                && b.text.is_char_boundary(s)
                && b.text.is_char_boundary(e);
            let overlaps = b.marks.last().is_some_and(|l| l.end > m.start);
            if fits && !overlaps {
                b.marks.push(m);
            }
        }
        self.actors = tagged.actors.clone();
    }

    pub fn paragraph_count(&self) -> usize {
        self.paragraph_block.len()
    }

    /// Kind of actor `i` (person or country).
    pub fn actor_kind(&self, i: usize) -> Option<ActorKind> {
        self.actors.get(i).map(|a| a.kind)
    }
}
