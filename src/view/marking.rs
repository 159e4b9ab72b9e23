//! Selecting, highlighting and annotating in the reader: the `v`/`h`/`a`/`m`/`e`/`d` keys, the
//! modes they open (selection, note editor, highlight list, confirmation, export prompt), and
//! the hand-off to the notes store through queued `Effect`s and returned `Outcome`s.

use super::notes::{Editor, Effect, ExportFormat, HighlightView, Outcome};
use super::{Action, Cursor, Mode, ViewState};
use crate::notes::TextPosition;

impl ViewState {
    /// Effects queued by `update` since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Whether effects are waiting for the notes store.
    pub fn has_effects(&self) -> bool {
        !self.effects.is_empty()
    }

    /// The highlights as the notes store now has them.
    pub fn set_highlights(&mut self, hs: Vec<HighlightView>) {
        self.highlights = hs;
        let n = self.highlights.len();
        match self.mode {
            Mode::Marks { .. } if n == 0 => self.mode = Mode::Normal,
            Mode::Marks { cursor } => {
                self.mode = Mode::Marks {
                    cursor: cursor.min(n - 1),
                }
            }
            Mode::Confirm { index, .. } if index >= n => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// Take the result of an effect: open the editor on a new highlight, close the editor
    /// after a save, report what was written or what failed.
    pub fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Added { id, edit } => {
                if edit {
                    self.open_editor(&id);
                } else {
                    self.message = Some("highlighted (a adds a note, m lists)".into());
                }
            }
            Outcome::NoteSaved { id } => {
                if self.editor.as_ref().is_some_and(|e| e.id == id) {
                    self.editor = None;
                    if self.mode == Mode::Note {
                        self.mode = Mode::Normal;
                    }
                }
                self.message = Some("note saved".into());
            }
            Outcome::Deleted { .. } => self.message = Some("highlight deleted".into()),
            Outcome::Exported { path, count } => {
                let s = if count == 1 { "" } else { "s" };
                self.message = Some(format!("exported {count} highlight{s} to {path}"));
            }
            Outcome::Failed { effect, error } => {
                let what = match effect {
                    Effect::Add { .. } => "highlight NOT saved",
                    Effect::SetNote { .. } => "note NOT saved (Enter retries, Esc discards)",
                    Effect::Delete { .. } => "highlight NOT deleted",
                    Effect::Export(_) => "export failed",
                };
                if let (Effect::SetNote { .. }, Some(e)) = (&effect, self.editor.as_mut()) {
                    e.error = Some(error.clone());
                }
                self.message = Some(format!("{what}: {error}"));
            }
        }
    }

    /// The selection's first and last sentences, in reading order.
    pub fn selection(&self) -> Option<(Cursor, Cursor)> {
        let Mode::Select { anchor } = self.mode else {
            return None;
        };
        let c = self.cursor?;
        Some((anchor.min(c), anchor.max(c)))
    }

    /// Number of sentences from `a` to `b` inclusive, across paragraphs.
    pub fn sentence_count(&self, a: Cursor, b: Cursor) -> usize {
        if a.block == b.block {
            return b.sentence.saturating_sub(a.sentence) + 1;
        }
        let len = |bl: usize| self.doc.blocks.get(bl).map_or(0, |x| x.sentences().len());
        let middle: usize = (a.block + 1..b.block).map(len).sum();
        len(a.block).saturating_sub(a.sentence) + middle + b.sentence + 1
    }

    /// Text positions of a sentence span: from the start of `a` to the end of `b` (exclusive).
    fn span(&self, a: Cursor, b: Cursor) -> Option<(TextPosition, TextPosition)> {
        let pos = |c: Cursor, end: bool| {
            let block = self.doc.blocks.get(c.block)?;
            let &(s, e) = block.sentences().get(c.sentence)?;
            Some(TextPosition::new(
                block.paragraph?,
                if end { e } else { s } as usize,
            ))
        };
        Some((pos(a, false)?, pos(b, true)?))
    }

    /// The range `h` would highlight now: the selection, else the cursor's sentence.
    pub fn selection_range(&self) -> Option<(TextPosition, TextPosition)> {
        match self.selection() {
            Some((a, b)) => self.span(a, b),
            None => {
                let c = self.cursor?;
                self.span(c, c)
            }
        }
    }

    /// Index of the highlight under the cursor: the shortest one overlapping its sentence.
    pub fn highlight_at_cursor(&self) -> Option<usize> {
        let c = self.cursor?;
        let (s, e) = self.span(c, c)?;
        self.highlights
            .iter()
            .enumerate()
            .filter(|(_, h)| !h.orphaned && h.start < e && s < h.end)
            .min_by_key(|(_, h)| {
                (
                    h.end.paragraph - h.start.paragraph,
                    h.end.offset.abs_diff(h.start.offset),
                )
            })
            .map(|(i, _)| i)
    }

    /// Byte ranges of block `b` covered by `start..end`.
    fn ranges_of(&self, b: usize, start: TextPosition, end: TextPosition) -> Option<(u32, u32)> {
        let block = self.doc.blocks.get(b)?;
        let p = block.paragraph?;
        if p < start.paragraph || p > end.paragraph {
            return None;
        }
        let a = if p == start.paragraph {
            start.offset
        } else {
            0
        };
        let z = if p == end.paragraph {
            end.offset.min(block.text.len())
        } else {
            block.text.len()
        };
        (a < z).then_some((a as u32, z as u32))
    }

    /// Highlighted byte ranges of block `b`, for drawing.
    pub fn highlight_ranges(&self, b: usize) -> Vec<(u32, u32)> {
        self.highlights
            .iter()
            .filter(|h| !h.orphaned)
            .filter_map(|h| self.ranges_of(b, h.start, h.end))
            .collect()
    }

    /// The part of block `b` inside the current selection, for drawing.
    pub fn selection_in(&self, b: usize) -> Option<(u32, u32)> {
        let (a, z) = self.selection()?;
        let (s, e) = self.span(a, z)?;
        self.ranges_of(b, s, e)
    }

    fn open_editor(&mut self, id: &str) {
        match self.highlights.iter().find(|h| h.id == id) {
            Some(h) => {
                self.editor = Some(Editor::new(&h.id, &h.quote, &h.note));
                self.mode = Mode::Note;
            }
            None => self.message = Some("that highlight no longer exists".into()),
        }
    }

    /// Queue a highlight of the selection (or the cursor's sentence).
    fn add_highlight(&mut self, edit: bool) {
        match self.selection_range() {
            Some((start, end)) => self.effects.push(Effect::Add { start, end, edit }),
            None => self.message = Some("nothing to highlight here".into()),
        }
        self.mode = Mode::Normal;
    }

    /// Move the reader to highlight `i`.
    fn jump_to_highlight(&mut self, i: usize) {
        let Some(h) = self.highlights.get(i) else {
            return;
        };
        if h.orphaned {
            self.message = Some("this highlight is not in the current text".into());
            return;
        }
        let (p, off) = (h.start.paragraph, h.start.offset as u32);
        let Some(&b) = self.doc.paragraph_block.get(p) else {
            return;
        };
        if !self.is_visible(b) {
            self.filter = None;
            self.apply_filter();
        }
        if let Some(sentence) = self.doc.blocks[b].sentence_at(off) {
            self.cursor = Some(Cursor { block: b, sentence });
        }
        self.current = None;
        self.mode = Mode::Normal;
        if let Some(pos) = self.pos_of(b, off) {
            self.reveal(pos);
        }
    }
}

/// Keys in Normal mode that belong to highlighting. Returns false for other actions.
pub(super) fn normal_key(s: &mut ViewState, action: Action) -> bool {
    match action {
        Action::Select => match s.cursor {
            Some(c) => s.mode = Mode::Select { anchor: c },
            None => s.message = Some("no sentence to select here".into()),
        },
        Action::Highlight => s.add_highlight(false),
        Action::Note => match s.highlight_at_cursor() {
            Some(i) => {
                let id = s.highlights[i].id.clone();
                s.open_editor(&id);
            }
            None => s.add_highlight(true),
        },
        Action::Marks => {
            if s.highlights.is_empty() {
                s.message = Some("no highlights yet: v selects, h highlights".into());
            } else {
                let cursor = s.highlight_at_cursor().unwrap_or(0);
                s.mode = Mode::Marks { cursor };
            }
        }
        Action::Export => {
            if s.highlights.is_empty() {
                s.message = Some("no highlights to export yet".into());
            } else {
                s.mode = Mode::Export;
            }
        }
        Action::DeleteHighlight => match s.highlight_at_cursor() {
            Some(index) => s.mode = Mode::Confirm { index, list: false },
            None => s.message = Some("no highlight under the cursor".into()),
        },
        _ => return false,
    }
    true
}

/// Keys while a highlighting mode is open.
pub(super) fn mode_key(s: &mut ViewState, action: Action) {
    match s.mode {
        Mode::Select { .. } => match action {
            Action::LineDown | Action::NextSentence => s.move_sentence(true),
            Action::LineUp | Action::PrevSentence => s.move_sentence(false),
            Action::Highlight => s.add_highlight(false),
            Action::Note => s.add_highlight(true),
            Action::Select | Action::Close => s.mode = Mode::Normal,
            Action::Quit => s.quit = true,
            _ => {}
        },
        Mode::Note => editor_key(s, action),
        Mode::Marks { cursor } => {
            let n = s.highlights.len();
            match action {
                Action::LineDown | Action::NextSentence => {
                    s.mode = Mode::Marks {
                        cursor: (cursor + 1).min(n.saturating_sub(1)),
                    }
                }
                Action::LineUp | Action::PrevSentence => {
                    s.mode = Mode::Marks {
                        cursor: cursor.saturating_sub(1),
                    }
                }
                Action::Top => s.mode = Mode::Marks { cursor: 0 },
                Action::Bottom => {
                    s.mode = Mode::Marks {
                        cursor: n.saturating_sub(1),
                    }
                }
                Action::Activate => s.jump_to_highlight(cursor),
                Action::DeleteHighlight if cursor < n => {
                    s.mode = Mode::Confirm {
                        index: cursor,
                        list: true,
                    }
                }
                Action::Note if cursor < n => {
                    let id = s.highlights[cursor].id.clone();
                    s.open_editor(&id);
                }
                Action::Marks | Action::Close | Action::Quit => s.mode = Mode::Normal,
                _ => {}
            }
        }
        Mode::Confirm { index, list } => {
            let back = if list {
                Mode::Marks { cursor: index }
            } else {
                Mode::Normal
            };
            match action {
                Action::Answer(true) => {
                    if let Some(h) = s.highlights.get(index) {
                        s.effects.push(Effect::Delete { id: h.id.clone() });
                    }
                    s.mode = back;
                }
                Action::Answer(false) | Action::Close | Action::Quit => {
                    s.mode = back;
                    s.message = Some("kept".into());
                }
                _ => {}
            }
        }
        Mode::Export => match action {
            Action::ExportAs(f) => {
                s.effects.push(Effect::Export(f));
                s.mode = Mode::Normal;
            }
            Action::Close | Action::Quit | Action::Export => s.mode = Mode::Normal,
            _ => {}
        },
        Mode::Normal | Mode::SearchInput | Mode::Help { .. } => {}
    }
}

/// Width of the note editor's text in a `screen_width`-column window.
pub fn editor_width(screen_width: u16) -> usize {
    (screen_width.saturating_sub(6).min(70) as usize).max(1)
}

fn editor_key(s: &mut ViewState, action: Action) {
    let Some(e) = s.editor.as_mut() else {
        s.mode = Mode::Normal;
        return;
    };
    match action {
        Action::EditChar(c) => e.insert(c),
        Action::EditNewline => e.insert('\n'),
        Action::EditBackspace => e.backspace(),
        Action::EditDelete => e.delete(),
        Action::EditLeft => e.left(),
        Action::EditRight => e.right(),
        Action::EditHome => e.home(),
        Action::EditEnd => e.end(),
        Action::EditUp | Action::EditDown => {
            e.vertical(editor_width(s.width), action == Action::EditDown)
        }
        Action::EditSave => {
            e.error = None;
            s.effects.push(Effect::SetNote {
                id: e.id.clone(),
                text: e.text.clone(),
            });
        }
        Action::Close => {
            let changed = e.changed();
            s.editor = None;
            s.mode = Mode::Normal;
            if changed {
                s.message = Some("note discarded".into());
            }
        }
        Action::Quit => {
            s.message = Some("Enter saves the note, Esc discards it".into());
        }
        _ => {}
    }
}

/// Keys the export prompt understands: m or 1 for Markdown, j or 2 for JSON.
pub fn export_choice(c: char) -> Option<ExportFormat> {
    match c.to_ascii_lowercase() {
        'm' | '1' => Some(ExportFormat::Markdown),
        'j' | '2' => Some(ExportFormat::Json),
        _ => None,
    }
}
