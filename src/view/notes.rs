//! Highlights and notes as the reader sees them: plain data (`HighlightView`), the requests the
//! view makes of the notes store (`Effect`) and their results (`Outcome`), and the note editor's
//! text buffer. The view never touches files: `update` queues effects, the terminal front end
//! carries them out with a `NoteBook` and feeds the outcome (and the new highlight list) back.

use crate::notes::TextPosition;
use unicode_segmentation::UnicodeSegmentation;

/// A highlight as drawn and listed: its range, quote, note and actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighlightView {
    pub id: String,
    pub start: TextPosition,
    /// Exclusive.
    pub end: TextPosition,
    pub quote: String,
    pub note: String,
    pub actors: Vec<String>,
    /// Not found in the current text (kept, listed, never drawn).
    pub orphaned: bool,
}

/// Export formats offered by `e`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// What the view asks the notes store to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Highlight `start..end`; open the note editor on it afterwards when `edit`.
    Add {
        start: TextPosition,
        end: TextPosition,
        edit: bool,
    },
    SetNote {
        id: String,
        text: String,
    },
    Delete {
        id: String,
    },
    Export(ExportFormat),
}

/// The result of an `Effect`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added {
        id: String,
        edit: bool,
    },
    NoteSaved {
        id: String,
    },
    Deleted {
        id: String,
    },
    /// Export written to this path (as shown to the user), with this many highlights.
    Exported {
        path: String,
        count: usize,
    },
    /// The effect failed; `error` is one line for the status line.
    Failed {
        effect: Effect,
        error: String,
    },
}

/// The note editor: a text buffer with a cursor on a grapheme boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The highlight whose note this is.
    pub id: String,
    /// Its quote, shown above the note.
    pub quote: String,
    pub text: String,
    /// Byte offset of the cursor in `text`, always on a grapheme boundary.
    pub cursor: usize,
    /// The note as it was when the editor opened.
    pub original: String,
    /// A save is under way or failed: the status line says so.
    pub error: Option<String>,
}

impl Editor {
    pub fn new(id: &str, quote: &str, note: &str) -> Editor {
        Editor {
            id: id.to_string(),
            quote: quote.to_string(),
            text: note.to_string(),
            cursor: note.len(),
            original: note.to_string(),
            error: None,
        }
    }

    /// Whether the text differs from the saved note.
    pub fn changed(&self) -> bool {
        self.text != self.original
    }

    /// Insert a character at the cursor (control characters other than LF are ignored).
    pub fn insert(&mut self, c: char) {
        if c.is_control() && c != '\n' {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the grapheme before it: keep the cursor on a boundary.
        self.cursor = self.boundary_at_or_after(self.cursor);
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        let mut pos = 0;
        for (i, g) in self.text.grapheme_indices(true) {
            if i >= at {
                return i;
            }
            pos = i + g.len();
        }
        pos.max(at.min(self.text.len()))
    }

    /// Start of the grapheme before the cursor.
    fn prev(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    /// End of the grapheme after the cursor.
    fn next(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    pub fn left(&mut self) {
        if let Some(p) = self.prev() {
            self.cursor = p;
        }
    }

    pub fn right(&mut self) {
        if let Some(n) = self.next() {
            self.cursor = n;
        }
    }

    /// Delete the grapheme before the cursor.
    pub fn backspace(&mut self) {
        if let Some(p) = self.prev() {
            self.text.replace_range(p..self.cursor, "");
            self.cursor = p;
        }
    }

    /// Delete the grapheme after the cursor.
    pub fn delete(&mut self) {
        if let Some(n) = self.next() {
            self.text.replace_range(self.cursor..n, "");
        }
    }

    /// The text laid out `width` columns wide (new lines and graphemes kept whole): byte ranges
    /// of the lines, and the cursor's (line, column).
    pub fn layout(&self, width: usize) -> (Vec<(usize, usize)>, (usize, usize)) {
        let width = width.max(1);
        let len = self.text.len();
        let mut lines = Vec::new();
        let (mut start, mut w) = (0, 0);
        let mut cur = None;
        for (i, g) in self.text.grapheme_indices(true) {
            if g == "\n" || g == "\r\n" {
                if i == self.cursor {
                    cur = Some((lines.len(), w));
                }
                lines.push((start, i));
                start = i + g.len();
                w = 0;
                continue;
            }
            let gw = super::text::width(g);
            if w + gw > width && w > 0 {
                lines.push((start, i));
                start = i;
                w = 0;
            }
            if i == self.cursor {
                cur = Some((lines.len(), w));
            }
            w += gw;
        }
        let cur = match cur {
            Some(c) => c,
            None => {
                // The cursor is at the end; it needs a cell of its own.
                if w >= width {
                    lines.push((start, len));
                    start = len;
                    w = 0;
                }
                (lines.len(), w)
            }
        };
        lines.push((start, len));
        (lines, cur)
    }

    /// Move the cursor one line down (or up) in the layout `width` columns wide, to the
    /// column it is in, or the end of a shorter line. On the first or last line it stays.
    pub fn vertical(&mut self, width: usize, down: bool) {
        let (lines, (line, col)) = self.layout(width);
        let target = if down {
            line + 1
        } else {
            match line.checked_sub(1) {
                Some(t) => t,
                None => return,
            }
        };
        let Some(&(start, end)) = lines.get(target) else {
            return;
        };
        let mut w = 0;
        let mut last = start;
        for (i, g) in self.text[start..end].grapheme_indices(true) {
            if w >= col {
                self.cursor = start + i;
                return;
            }
            last = start + i;
            w += super::text::width(g);
        }
        // Past the end of the line: its end, unless the line only wraps into the next one
        // (its end is drawn as the next line's start), then its last character.
        let wraps = lines.get(target + 1).is_some_and(|&(next, _)| next == end);
        self.cursor = if wraps && end > start { last } else { end };
    }

    /// To the start of the cursor's line.
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
    }

    /// To the end of the cursor's line.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i);
    }
}
