//! The reader's pure state machine: `ViewState` (scroll position, reading cursor, focus,
//! selected actors, filter, search, overlays) changed only by `update(&mut ViewState, Action)`.
//! No terminal types and no I/O here: `tui/` turns events into actions and draws `&ViewState`.
//!
//! Scrolling is anchored on (visible block, row in block) and wrapping is cached per block for
//! the current width and computed on demand, so every step costs O(rows on screen), whatever
//! the article's length.

pub mod action;
pub mod doc;
pub mod layout;
pub mod marking;
pub mod notes;
pub mod panel;
pub mod render;
pub mod search;
pub mod text;

pub use action::Action;
pub use doc::{Block, BlockKind, Doc, Mark, MarkKind};
pub use layout::{Layout, Rect};
pub use notes::{Editor, Effect, ExportFormat, HighlightView, Outcome};
pub use search::Search;

use crate::article::Article;
use crate::tag::Tagged;
use std::cell::OnceCell;

/// Which pane receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Panel,
}

/// What is open on top of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// The search prompt is open (typed characters go to the query).
    SearchInput,
    /// The key help overlay, scrolled by this many lines.
    Help {
        scroll: usize,
    },
    /// A sentence selection from `anchor` to the cursor (`v`, then j/k).
    Select {
        anchor: Cursor,
    },
    /// The note editor (`ViewState::editor`) is open.
    Note,
    /// The highlight list, its cursor on `highlights[cursor]`.
    Marks {
        cursor: usize,
    },
    /// "Delete highlight `highlights[index]`? y/n"; back to the list afterwards when `list`.
    Confirm {
        index: usize,
        list: bool,
    },
    /// "Export as Markdown or JSON?"
    Export,
}

/// Which paragraphs the filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterMode {
    /// Paragraphs mentioning every selected actor.
    All,
    /// Paragraphs mentioning at least one selected actor.
    Any,
}

/// A position on the article's rows: the `vi`-th visible block, `row`-th row in it (the last
/// row of each block is the blank line after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub vi: usize,
    pub row: usize,
}

/// A byte range in a block: a search match or the mention n/N jumped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub block: usize,
    pub start: u32,
    pub end: u32,
}

/// The reading cursor: a sentence of a paragraph block (ordered in reading order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cursor {
    pub block: usize,
    pub sentence: usize,
}

/// Everything the reader shows, and nothing about how it is drawn.
#[derive(Debug)]
pub struct ViewState {
    pub doc: Doc,
    /// Help lines (keys, description), generated from the keymap.
    pub help: Vec<(String, String)>,
    pub width: u16,
    pub height: u16,
    pub layout: Layout,
    panel_pref: Option<bool>,
    pub focus: Focus,
    pub mode: Mode,
    top: Pos,
    pub cursor: Option<Cursor>,
    /// The mention or match n/N last moved to.
    pub current: Option<Hit>,
    /// Selected actors, by index into `doc.actors`.
    pub selected: Vec<bool>,
    /// Panel cursor: position in the panel's actor order.
    pub panel_cursor: usize,
    pub panel_scroll: usize,
    pub filter: Option<FilterMode>,
    /// The mode the next `f` uses (toggled by `filter_mode`).
    pub filter_mode: FilterMode,
    /// Visible blocks when a filter is on (sorted block indices); `None` = all.
    visible: Option<Vec<usize>>,
    pub search: Option<Search>,
    /// A one-off message for the status line, cleared by the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// The actors are still being found (the panel says so); `set_tagged` ends it.
    pub loading: bool,
    /// The article's highlights (anchored ones in reading order, then orphans), as the notes
    /// store last reported them.
    pub highlights: Vec<HighlightView>,
    /// The note editor's buffer while `Mode::Note`.
    pub editor: Option<Editor>,
    /// Requests for the notes store, taken by the front end after each `update`.
    effects: Vec<Effect>,
    wrap_width: usize,
    wrap: Vec<OnceCell<Vec<(u32, u32)>>>,
    /// Mention strips per actor at the current panel width (computed on first draw).
    strips: Vec<OnceCell<String>>,
    strip_width: usize,
    panel_order: Vec<usize>,
}

impl ViewState {
    /// A reader on `article` with `tagged`'s actors, sized 80×24 until the first resize.
    pub fn new(article: &Article, tagged: &Tagged, help: Vec<(String, String)>) -> ViewState {
        let doc = Doc::new(article, tagged);
        let n = doc.blocks.len();
        let panel_order = panel::order(&doc);
        let mut s = ViewState {
            selected: vec![false; doc.actors.len()],
            doc,
            help,
            width: 80,
            height: 24,
            layout: Layout::compute(80, 24, None),
            panel_pref: None,
            focus: Focus::Article,
            mode: Mode::Normal,
            top: Pos::default(),
            cursor: None,
            current: None,
            panel_cursor: 0,
            panel_scroll: 0,
            filter: None,
            filter_mode: FilterMode::All,
            visible: None,
            search: None,
            message: None,
            quit: false,
            loading: false,
            highlights: Vec::new(),
            editor: None,
            effects: Vec::new(),
            wrap_width: 0,
            wrap: Vec::new(),
            strips: Vec::new(),
            strip_width: 0,
            panel_order,
        };
        s.relayout();
        let _ = n;
        s.cursor = s.first_sentence_from(0);
        s
    }

    /// Take the tagger's actors (found after the first frame): mention marks, the panel and its
    /// strips are rebuilt; the reading position, search and highlights stay as they are.
    pub fn set_tagged(&mut self, tagged: &Tagged) {
        self.doc.attach(tagged);
        self.selected = vec![false; self.doc.actors.len()];
        self.panel_order = panel::order(&self.doc);
        self.panel_cursor = 0;
        self.panel_scroll = 0;
        self.strips = Vec::new();
        self.loading = false;
        self.relayout();
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        update(self, action)
    }

    // ---- blocks, rows, wrapping -------------------------------------------------------

    /// Width the text is wrapped to.
    pub fn text_width(&self) -> usize {
        (self.layout.text.width as usize).max(1)
    }

    /// Rows of the article pane.
    pub fn rows(&self) -> usize {
        self.layout.text.height as usize
    }

    fn reset_wrap(&mut self) {
        self.wrap_width = self.text_width();
        self.wrap = (0..self.doc.blocks.len())
            .map(|_| OnceCell::new())
            .collect();
    }

    /// Wrapped lines of block `b` at the current width (computed on first use).
    pub fn lines(&self, b: usize) -> &[(u32, u32)] {
        match (self.wrap.get(b), self.doc.blocks.get(b)) {
            (Some(cell), Some(block)) => {
                cell.get_or_init(|| text::wrap(&block.text, self.wrap_width))
            }
            _ => &[],
        }
    }

    /// Number of visible blocks.
    pub fn visible_len(&self) -> usize {
        self.visible
            .as_ref()
            .map_or(self.doc.blocks.len(), |v| v.len())
    }

    /// Block index of the `vi`-th visible block.
    pub fn block_at(&self, vi: usize) -> usize {
        self.visible.as_ref().map_or(vi, |v| v[vi])
    }

    /// Visible index of block `b`: Ok if visible, Err(where it would be) if filtered out.
    pub fn vi_of(&self, b: usize) -> Result<usize, usize> {
        match &self.visible {
            None => Ok(b),
            Some(v) => v.binary_search(&b),
        }
    }

    /// The block at the top of the screen (None when nothing is visible).
    pub fn top_block(&self) -> Option<usize> {
        (self.top.vi < self.visible_len()).then(|| self.block_at(self.top.vi))
    }

    /// Whether block `b` is shown (not filtered out).
    pub fn is_visible(&self, b: usize) -> bool {
        self.vi_of(b).is_ok()
    }

    fn rows_in(&self, vi: usize) -> usize {
        self.lines(self.block_at(vi)).len() + 1
    }

    /// The top row of the article pane.
    pub fn top(&self) -> Pos {
        self.top
    }

    /// `pos` moved by `n` rows, clamped to the article's first and last rows.
    pub fn step(&self, pos: Pos, n: isize) -> Pos {
        let len = self.visible_len();
        if len == 0 {
            return Pos::default();
        }
        let mut p = pos;
        if n >= 0 {
            let mut n = n as usize;
            loop {
                let last = self.rows_in(p.vi) - 1;
                if p.row + n <= last {
                    p.row += n;
                    return p;
                }
                if p.vi + 1 >= len {
                    p.row = last;
                    return p;
                }
                n -= last - p.row + 1;
                p = Pos {
                    vi: p.vi + 1,
                    row: 0,
                };
            }
        } else {
            let mut n = n.unsigned_abs();
            loop {
                if n <= p.row {
                    p.row -= n;
                    return p;
                }
                if p.vi == 0 {
                    return Pos::default();
                }
                n -= p.row + 1;
                let vi = p.vi - 1;
                p = Pos {
                    vi,
                    row: self.rows_in(vi) - 1,
                };
            }
        }
    }

    /// The last row with text (the blank row after the last block does not count).
    fn last_row(&self) -> Pos {
        let len = self.visible_len();
        if len == 0 {
            return Pos::default();
        }
        Pos {
            vi: len - 1,
            row: self.rows_in(len - 1).saturating_sub(2),
        }
    }

    /// The lowest top that still fills the pane (or the first row for short articles).
    pub fn max_top(&self) -> Pos {
        let rows = self.rows().max(1);
        self.step(self.last_row(), -(rows as isize - 1))
    }

    /// The bottom row on screen.
    pub fn bottom(&self) -> Pos {
        let rows = self.rows().max(1);
        self.step(self.top, rows as isize - 1).min(self.last_row())
    }

    fn set_top(&mut self, p: Pos) {
        self.top = p.min(self.max_top());
    }

    /// The rows on screen: (block, line index) or (block, None) for the blank row after it.
    pub fn screen_rows(&self) -> Vec<(usize, Option<usize>)> {
        let mut out = Vec::new();
        let rows = self.rows();
        let len = self.visible_len();
        let mut p = self.top;
        while out.len() < rows && p.vi < len {
            let b = self.block_at(p.vi);
            let n = self.lines(b).len();
            while out.len() < rows && p.row <= n {
                out.push((b, (p.row < n).then_some(p.row)));
                p.row += 1;
            }
            p = Pos {
                vi: p.vi + 1,
                row: 0,
            };
        }
        out
    }

    /// Row position of byte `pos` of block `b` (None when the block is filtered out).
    pub fn pos_of(&self, b: usize, pos: u32) -> Option<Pos> {
        let vi = self.vi_of(b).ok()?;
        let lines = self.lines(b);
        let row = lines.partition_point(|&(s, _)| s <= pos).saturating_sub(1);
        Some(Pos { vi, row })
    }

    // ---- cursor ---------------------------------------------------------------------

    /// Byte range of the cursor's sentence.
    pub fn cursor_range(&self) -> Option<(usize, u32, u32)> {
        let c = self.cursor?;
        let &(s, e) = self.doc.blocks.get(c.block)?.sentences().get(c.sentence)?;
        Some((c.block, s, e))
    }

    fn cursor_pos(&self) -> Option<Pos> {
        let (b, s, _) = self.cursor_range()?;
        self.pos_of(b, s)
    }

    /// First sentence of the first visible paragraph at or after visible index `vi`.
    fn first_sentence_from(&self, vi: usize) -> Option<Cursor> {
        (vi..self.visible_len())
            .map(|v| self.block_at(v))
            .find(|&b| !self.doc.blocks[b].sentences().is_empty())
            .map(|block| Cursor { block, sentence: 0 })
    }

    /// Sentences whose first row is on screen, in order.
    fn sentences_on_screen(&self) -> Vec<Cursor> {
        let (top, bottom) = (self.top, self.bottom());
        let mut out = Vec::new();
        if self.visible_len() == 0 {
            return out;
        }
        for vi in top.vi..=bottom.vi.min(self.visible_len().saturating_sub(1)) {
            let b = self.block_at(vi);
            for (i, &(s, _)) in self.doc.blocks[b].sentences().iter().enumerate() {
                if let Some(p) = self.pos_of(b, s) {
                    if p >= top && p <= bottom {
                        out.push(Cursor {
                            block: b,
                            sentence: i,
                        });
                    }
                }
            }
        }
        out
    }

    /// After scrolling: a cursor that left the screen moves to the nearest sentence on it.
    fn follow_cursor(&mut self) {
        let on = match self.cursor_pos() {
            Some(p) if p < self.top => Some(true),
            Some(p) if p > self.bottom() => Some(false),
            Some(_) => None,
            None => Some(true),
        };
        if let Some(from_top) = on {
            let s = self.sentences_on_screen();
            let pick = if from_top { s.first() } else { s.last() };
            if let Some(&c) = pick {
                self.cursor = Some(c);
            }
        }
    }

    /// Scroll so that `p` is on screen (a third of the way down when it was off screen).
    fn reveal(&mut self, p: Pos) {
        if p < self.top || p > self.bottom() {
            let third = (self.rows() / 3) as isize;
            let t = self.step(p, -third);
            self.set_top(t);
        }
    }

    fn scroll(&mut self, n: isize) {
        let t = self.step(self.top, n);
        self.set_top(t);
        self.follow_cursor();
    }

    fn move_sentence(&mut self, forward: bool) {
        let Some(c) = self.cursor else {
            self.cursor = self.first_sentence_from(self.top.vi);
            return;
        };
        let count = self.doc.blocks[c.block].sentences().len();
        let next = if forward && c.sentence + 1 < count {
            Some(Cursor {
                sentence: c.sentence + 1,
                ..c
            })
        } else if !forward && c.sentence > 0 {
            Some(Cursor {
                sentence: c.sentence - 1,
                ..c
            })
        } else {
            let vi = match self.vi_of(c.block) {
                Ok(v) | Err(v) => v,
            };
            let mut found = None;
            let range: Box<dyn Iterator<Item = usize>> = if forward {
                Box::new(vi + 1..self.visible_len())
            } else {
                Box::new((0..vi).rev())
            };
            for v in range {
                let b = self.block_at(v);
                let n = self.doc.blocks[b].sentences().len();
                if n > 0 {
                    found = Some(Cursor {
                        block: b,
                        sentence: if forward { 0 } else { n - 1 },
                    });
                    break;
                }
            }
            found
        };
        if let Some(n) = next {
            self.cursor = Some(n);
            if let Some(p) = self.cursor_pos() {
                self.reveal(p);
            }
        }
    }

    fn jump_to(&mut self, hit: Hit) {
        self.current = Some(hit);
        if let Some(s) = self.doc.blocks[hit.block].sentence_at(hit.start) {
            self.cursor = Some(Cursor {
                block: hit.block,
                sentence: s,
            });
        }
        if let Some(p) = self.pos_of(hit.block, hit.start) {
            self.reveal(p);
        }
    }

    // ---- actors, filter ---------------------------------------------------------------

    /// Actor ids in panel order.
    pub fn panel_order(&self) -> &[usize] {
        &self.panel_order
    }

    /// The actor under the panel cursor.
    pub fn panel_actor(&self) -> Option<usize> {
        self.panel_order.get(self.panel_cursor).copied()
    }

    pub fn any_selected(&self) -> bool {
        self.selected.iter().any(|&s| s)
    }

    /// Names of the selected actors.
    pub fn selected_names(&self) -> Vec<&str> {
        self.panel_order
            .iter()
            .filter(|&&i| self.selected[i])
            .map(|&i| self.doc.actors[i].name.as_str())
            .collect()
    }

    /// Mentions of the selected actors in visible paragraphs, in reading order.
    pub fn selected_mentions(&self) -> Vec<Hit> {
        let mut out = Vec::new();
        for (bi, b) in self.doc.blocks.iter().enumerate() {
            if b.marks.is_empty() || !self.is_visible(bi) {
                continue;
            }
            for m in &b.marks {
                if let MarkKind::Actor(a) = m.kind {
                    if self.selected.get(a).copied().unwrap_or(false) {
                        out.push(Hit {
                            block: bi,
                            start: m.start,
                            end: m.end,
                        });
                    }
                }
            }
        }
        out
    }

    /// The first mention of a selected actor in a visible block after (or before) `from`,
    /// scanning outward block by block: the cost is the distance to it, not the article length.
    fn find_mention(&self, from: (usize, u32), strict: bool, forward: bool) -> Option<Hit> {
        let n = self.doc.blocks.len();
        if n == 0 {
            return None;
        }
        let is_sel = |m: &Mark| match m.kind {
            MarkKind::Actor(a) => self.selected.get(a).copied().unwrap_or(false),
            MarkKind::Metonym => false,
        };
        let hit = |b: usize, m: &Mark| Hit {
            block: b,
            start: m.start,
            end: m.end,
        };
        if forward {
            for b in from.0.min(n)..n {
                if !self.is_visible(b) {
                    continue;
                }
                let found = self.doc.blocks[b].marks.iter().find(|m| {
                    is_sel(m)
                        && (b > from.0
                            || if strict {
                                m.start > from.1
                            } else {
                                m.start >= from.1
                            })
                });
                if let Some(m) = found {
                    return Some(hit(b, m));
                }
            }
        } else {
            for b in (0..=from.0.min(n - 1)).rev() {
                if !self.is_visible(b) {
                    continue;
                }
                let found = self.doc.blocks[b]
                    .marks
                    .iter()
                    .rev()
                    .find(|m| is_sel(m) && (b < from.0 || m.start < from.1));
                if let Some(m) = found {
                    return Some(hit(b, m));
                }
            }
        }
        None
    }

    fn block_passes(&self, b: &Block, mode: FilterMode) -> bool {
        let mut has = vec![false; self.selected.len()];
        for m in &b.marks {
            if let MarkKind::Actor(a) = m.kind {
                if let Some(h) = has.get_mut(a) {
                    *h = true;
                }
            }
        }
        let sel = self.selected.iter().zip(&has).filter(|(s, _)| **s);
        match mode {
            FilterMode::All => sel.clone().count() > 0 && sel.clone().all(|(_, h)| *h),
            FilterMode::Any => sel.clone().any(|(_, h)| *h),
        }
    }

    /// Recompute the visible blocks after a change of filter or selection, keeping the
    /// reader near the same place.
    fn apply_filter(&mut self) {
        let anchor = self.top_block().unwrap_or(0);
        self.visible = match self.filter {
            None => None,
            Some(mode) => {
                let mut v = Vec::new();
                let mut kept_sections = std::collections::BTreeSet::new();
                for (i, b) in self.doc.blocks.iter().enumerate() {
                    if b.kind == BlockKind::Paragraph && self.block_passes(b, mode) {
                        kept_sections.insert(b.section);
                    }
                    let _ = i;
                }
                for (i, b) in self.doc.blocks.iter().enumerate() {
                    let keep = match b.kind {
                        BlockKind::Title => true,
                        BlockKind::Deck | BlockKind::Byline => false,
                        BlockKind::Heading => kept_sections.contains(&b.section),
                        BlockKind::Paragraph => self.block_passes(b, mode),
                    };
                    if keep {
                        v.push(i);
                    }
                }
                if !v
                    .iter()
                    .any(|&b| self.doc.blocks[b].kind == BlockKind::Paragraph)
                {
                    self.message = Some(match mode {
                        FilterMode::All => "no paragraph mentions all the selected actors".into(),
                        FilterMode::Any => "no paragraph mentions the selected actors".into(),
                    });
                }
                Some(v)
            }
        };
        let vi = match self.vi_of(anchor) {
            Ok(v) | Err(v) => v.min(self.visible_len().saturating_sub(1)),
        };
        self.top = Pos { vi, row: 0 };
        self.set_top(self.top);
        if let Some(s) = &mut self.search {
            s.refresh(&self.doc, self.visible.as_deref());
        }
        if self.current.is_some_and(|h| !self.is_visible(h.block)) {
            self.current = None;
        }
        self.follow_cursor();
    }

    // ---- panel ------------------------------------------------------------------------

    fn panel_list_height(&self) -> usize {
        self.layout.panel_list().map_or(0, |r| r.height as usize)
    }

    /// Keep the panel cursor's rows (name and strip) in the panel's view.
    fn panel_follow(&mut self) {
        let h = self.panel_list_height();
        let rows = panel::rows(&self.doc);
        let Some(a) = self.panel_actor() else { return };
        let Some(r) = rows.iter().position(|x| *x == panel::PanelRow::Actor(a)) else {
            return;
        };
        if h == 0 {
            return;
        }
        // Show the header above the first actor of each group when possible.
        let first = r.saturating_sub(1);
        if first < self.panel_scroll {
            self.panel_scroll = first;
        } else if r + 2 > self.panel_scroll + h {
            self.panel_scroll = (r + 2).saturating_sub(h);
        }
    }

    fn toggle_actor(&mut self, a: usize) {
        if let Some(s) = self.selected.get_mut(a) {
            *s = !*s;
        }
        self.current = None;
        if self.filter.is_some() {
            if self.any_selected() {
                self.apply_filter();
            } else {
                self.filter = None;
                self.apply_filter();
            }
        }
    }

    /// Whether the panel is shown.
    pub fn panel_shown(&self) -> bool {
        self.layout.panel.is_some()
    }

    /// Width of the mention strips: the panel's list width minus the indent.
    pub fn strip_width(&self) -> usize {
        self.layout
            .panel_list()
            .map_or(0, |r| (r.width as usize).saturating_sub(2))
    }

    /// Actor `a`'s mention strip at the current panel width (cached: it walks every mention).
    pub fn strip(&self, a: usize) -> &str {
        match (self.strips.get(a), self.doc.actors.get(a)) {
            (Some(cell), Some(actor)) => cell
                .get_or_init(|| panel::strip(actor, self.doc.paragraph_count(), self.strip_width)),
            _ => "",
        }
    }

    fn relayout(&mut self) {
        let old_width = self.wrap_width;
        let anchor = self.top_anchor();
        self.layout = Layout::compute(self.width, self.height, self.panel_pref);
        if self.text_width() != old_width {
            self.reset_wrap();
            if let Some((b, byte)) = anchor {
                if let Some(p) = self.pos_of(b, byte) {
                    self.top = p;
                }
            }
        }
        self.set_top(self.top);
        if self.strip_width() != self.strip_width || self.strips.is_empty() {
            self.strip_width = self.strip_width();
            self.strips = (0..self.doc.actors.len())
                .map(|_| OnceCell::new())
                .collect();
        }
        if !self.panel_shown() && self.focus == Focus::Panel {
            self.focus = Focus::Article;
        }
        self.panel_follow();
    }

    /// (block, byte) at the start of the top row, to keep the place across a re-wrap.
    fn top_anchor(&self) -> Option<(usize, u32)> {
        if self.visible_len() == 0 || self.wrap.is_empty() {
            return None;
        }
        let b = self.block_at(self.top.vi);
        let lines = self.lines(b);
        let byte = lines
            .get(self.top.row)
            .map(|l| l.0)
            .unwrap_or(self.doc.blocks[b].text.len() as u32);
        Some((b, byte))
    }

    /// Position through the article, 0–100 (100 at the end).
    pub fn percent(&self) -> u8 {
        if self.top >= self.max_top() {
            return 100;
        }
        let len = self.visible_len();
        if len == 0 {
            return 100;
        }
        let p = match &self.visible {
            Some(_) => self.top.vi as f64 / len as f64,
            None => {
                let b = self.top.vi;
                let line = self.lines(b).get(self.top.row).map_or(0, |l| l.0) as u64;
                (self.doc.offsets[b] + line) as f64 / self.doc.total_bytes.max(1) as f64
            }
        };
        (p * 100.0).clamp(0.0, 99.0) as u8
    }

    // ---- actions ----------------------------------------------------------------------

    fn next_prev(&mut self, forward: bool) {
        if let Some(s) = self.search.as_mut().filter(|s| !s.query.is_empty()) {
            let Some((hit, wrapped)) = s.step(forward) else {
                self.message = Some(format!("no match for \"{}\"", s.query));
                return;
            };
            if wrapped {
                self.message = Some(if forward {
                    "search wrapped to the top".into()
                } else {
                    "search wrapped to the bottom".into()
                });
            }
            self.jump_to(hit);
            return;
        }
        if !self.any_selected() {
            self.message = Some("select an actor first: Tab to the panel, then Enter".into());
            return;
        }
        // From the current mention, else from the cursor's sentence.
        let (from, strict) = match (self.current, self.cursor_range()) {
            (Some(h), _) => ((h.block, h.start), true),
            (None, Some((b, s, _))) => ((b, s), false),
            (None, None) => ((0, 0), false),
        };
        let hit = match self.find_mention(from, strict, forward) {
            Some(h) => h,
            None => {
                // Wrap around: from the other end.
                let edge = if forward {
                    (0, 0)
                } else {
                    (usize::MAX, u32::MAX)
                };
                match self.find_mention(edge, false, forward) {
                    Some(h) => {
                        self.message = Some(if forward {
                            "wrapped to the first mention".into()
                        } else {
                            "wrapped to the last mention".into()
                        });
                        h
                    }
                    None => {
                        self.message = Some("no visible mention of the selected actors".into());
                        return;
                    }
                }
            }
        };
        self.jump_to(hit);
    }

    fn section(&mut self, forward: bool) {
        let len = self.visible_len();
        let is_heading =
            |s: &Self, vi: usize| s.doc.blocks[s.block_at(vi)].kind == BlockKind::Heading;
        let target = if forward {
            (self.top.vi + 1..len).find(|&v| is_heading(self, v))
        } else {
            // The heading of the current section if we are inside it, else the one before.
            let start = if self.top.row > 0 {
                self.top.vi + 1
            } else {
                self.top.vi
            };
            (0..start.min(len)).rev().find(|&v| is_heading(self, v))
        };
        match target {
            Some(vi) if forward && Pos { vi, row: 0 }.min(self.max_top()) <= self.top => {
                self.message = Some("no next section".into());
            }
            Some(vi) => {
                self.set_top(Pos { vi, row: 0 });
                if let Some(c) = self.first_sentence_from(vi) {
                    self.cursor = Some(c);
                }
                self.follow_cursor();
            }
            None if !forward => {
                self.set_top(Pos::default());
                self.follow_cursor();
            }
            None => self.message = Some("no next section".into()),
        }
    }

    fn article_key(&mut self, action: Action) {
        let page = (self.rows().saturating_sub(2)).max(1) as isize;
        let half = (self.rows() / 2).max(1) as isize;
        match action {
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::HalfPageDown => self.scroll(half),
            Action::HalfPageUp => self.scroll(-half),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::Top => {
                self.top = Pos::default();
                self.cursor = self.first_sentence_from(0);
            }
            Action::Bottom => {
                let t = self.max_top();
                self.top = t;
                self.follow_cursor();
            }
            _ => {}
        }
    }

    fn panel_key(&mut self, action: Action) {
        let n = self.panel_order.len();
        if n == 0 {
            return;
        }
        match action {
            Action::LineDown => self.panel_cursor = (self.panel_cursor + 1).min(n - 1),
            Action::LineUp => self.panel_cursor = self.panel_cursor.saturating_sub(1),
            Action::Top => self.panel_cursor = 0,
            Action::Bottom => self.panel_cursor = n - 1,
            _ => return self.article_key(action),
        }
        self.panel_follow();
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(list) = self.layout.panel_list() else {
            return;
        };
        if !self.layout.panel.is_some_and(|p| p.contains(x, y)) {
            return;
        }
        self.focus = Focus::Panel;
        if !list.contains(x, y) {
            return;
        }
        let row = self.panel_scroll + (y - list.y) as usize;
        let a = match panel::rows(&self.doc).get(row) {
            Some(panel::PanelRow::Actor(a)) | Some(panel::PanelRow::Strip(a)) => *a,
            _ => return,
        };
        if let Some(i) = self.panel_order.iter().position(|&x| x == a) {
            self.panel_cursor = i;
        }
        self.toggle_actor(a);
    }
}

/// Apply `action` to the view.
pub fn update(s: &mut ViewState, action: Action) {
    // A resize keeps the message: start-up warnings must survive the first frame's resize.
    if let Action::Resize { width, height } = action {
        s.width = width;
        s.height = height;
        s.relayout();
        return;
    }
    s.message = None;
    match s.mode {
        Mode::Help { scroll } => {
            let max = s.help.len().saturating_sub(1);
            s.mode = match action {
                Action::LineDown => Mode::Help {
                    scroll: (scroll + 1).min(max),
                },
                Action::LineUp => Mode::Help {
                    scroll: scroll.saturating_sub(1),
                },
                Action::PageDown | Action::HalfPageDown => Mode::Help {
                    scroll: (scroll + 10).min(max),
                },
                Action::PageUp | Action::HalfPageUp => Mode::Help {
                    scroll: scroll.saturating_sub(10),
                },
                Action::Top => Mode::Help { scroll: 0 },
                Action::Help | Action::Close | Action::Quit => Mode::Normal,
                _ => Mode::Help { scroll },
            };
            return;
        }
        Mode::SearchInput => {
            match action {
                Action::SearchInput(c) => {
                    if let Some(q) = &mut s.search {
                        q.push(c, &s.doc, s.visible.as_deref());
                    }
                    search_changed(s);
                }
                Action::SearchBackspace => {
                    if let Some(q) = &mut s.search {
                        q.pop(&s.doc, s.visible.as_deref());
                    }
                    search_changed(s);
                }
                Action::SearchConfirm => {
                    s.mode = Mode::Normal;
                    if s.search.as_ref().is_some_and(|q| q.query.is_empty()) {
                        s.search = None;
                        s.current = None;
                    }
                }
                Action::Close => {
                    s.mode = Mode::Normal;
                    s.search = None;
                    s.current = None;
                }
                Action::Quit => s.quit = true,
                // Other keys (arrows, page keys) still move the view while typing.
                a => s.article_key(a),
            }
            return;
        }
        Mode::Select { .. }
        | Mode::Note
        | Mode::Marks { .. }
        | Mode::Confirm { .. }
        | Mode::Export => {
            marking::mode_key(s, action);
            return;
        }
        Mode::Normal => {}
    }
    if marking::normal_key(s, action) {
        return;
    }
    match action {
        Action::Quit => s.quit = true,
        Action::Help => s.mode = Mode::Help { scroll: 0 },
        Action::Close => {
            if s.search.is_some() {
                s.search = None;
                s.current = None;
            } else if s.current.is_some() {
                s.current = None;
            } else if s.focus == Focus::Panel {
                s.focus = Focus::Article;
            }
        }
        Action::FocusNext => {
            s.focus = match s.focus {
                Focus::Article => {
                    if !s.panel_shown() {
                        s.panel_pref = Some(true);
                        s.relayout();
                    }
                    Focus::Panel
                }
                Focus::Panel => Focus::Article,
            };
            if !s.panel_shown() {
                s.focus = Focus::Article;
            }
        }
        Action::TogglePanel => {
            s.panel_pref = Some(!s.panel_shown());
            s.relayout();
        }
        Action::Activate => {
            if s.focus == Focus::Panel {
                if let Some(a) = s.panel_actor() {
                    s.toggle_actor(a);
                }
            }
        }
        Action::NextMatch => s.next_prev(true),
        Action::PrevMatch => s.next_prev(false),
        Action::NextSection => s.section(true),
        Action::PrevSection => s.section(false),
        Action::NextSentence => s.move_sentence(true),
        Action::PrevSentence => s.move_sentence(false),
        Action::Filter => {
            if !s.any_selected() {
                s.message = Some("select an actor first: Tab to the panel, then Enter".into());
            } else {
                s.filter = Some(s.filter_mode);
                s.apply_filter();
            }
        }
        Action::FilterMode => {
            s.filter_mode = match s.filter_mode {
                FilterMode::All => FilterMode::Any,
                FilterMode::Any => FilterMode::All,
            };
            if s.filter.is_some() {
                s.filter = Some(s.filter_mode);
                s.apply_filter();
            } else {
                s.message = Some(format!(
                    "filter will show paragraphs mentioning {} of the selected actors",
                    match s.filter_mode {
                        FilterMode::All => "all",
                        FilterMode::Any => "any",
                    }
                ));
            }
        }
        Action::ClearFilter => {
            if s.filter.is_some() {
                s.filter = None;
                s.apply_filter();
            }
        }
        Action::Search => {
            s.mode = Mode::SearchInput;
            s.search = Some(Search::new(s.top_block().unwrap_or(0)));
            s.current = None;
        }
        Action::Wheel { x, y, lines } => {
            if s.layout.panel.is_some_and(|p| p.contains(x, y)) {
                let rows = panel::rows(&s.doc).len();
                let max = rows.saturating_sub(s.panel_list_height());
                s.panel_scroll =
                    (s.panel_scroll as isize + lines as isize).clamp(0, max as isize) as usize;
            } else {
                s.scroll(lines as isize);
            }
        }
        Action::Click { x, y } => s.click(x, y),
        a => match s.focus {
            Focus::Article => s.article_key(a),
            Focus::Panel => s.panel_key(a),
        },
    }
}

/// Move to the current match after the query changed.
fn search_changed(s: &mut ViewState) {
    let hit = s.search.as_ref().and_then(|q| q.current_hit());
    match hit {
        Some(h) => s.jump_to(h),
        None => s.current = None,
    }
}
