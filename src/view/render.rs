//! What to draw, decided without a terminal: each line's styled segments (mentions, selected
//! actors, search matches, the current hit, the cursor's sentence) and the status line text.
//! `tui/` maps these semantic styles to colours.

use super::{BlockKind, FilterMode, Focus, MarkKind, Mode, ViewState};
use crate::tag::ActorKind;

/// The kind of mention a segment is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Person,
    Country,
    Metonym,
}

/// Semantic style of a run of text; `tui/` layers theme slots in this order: base, cursor,
/// highlight, selection, mention, selected, search, current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegStyle {
    pub base: BlockKind,
    pub mention: Option<MentionKind>,
    /// Mention of a selected actor.
    pub selected: bool,
    pub search: bool,
    /// The current search match or the mention n/N moved to.
    pub current: bool,
    /// Inside the reading cursor's sentence.
    pub cursor: bool,
    /// Inside a saved highlight.
    pub highlight: bool,
    /// Inside the selection being made (`v`).
    pub selection: bool,
}

/// A run of a line with one style: a byte range of the block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    pub style: SegStyle,
}

/// Styled segments of line `line` of block `b`, covering the line's byte range.
pub fn line_segments(s: &ViewState, b: usize, line: usize) -> Vec<Segment> {
    let Some(block) = s.doc.blocks.get(b) else {
        return Vec::new();
    };
    let Some(&(ls, le)) = s.lines(b).get(line) else {
        return Vec::new();
    };
    let cursor = s
        .cursor_range()
        .filter(|(cb, _, _)| *cb == b)
        .map(|(_, cs, ce)| (cs, ce));
    let current = s.current.filter(|h| h.block == b).map(|h| (h.start, h.end));
    let matches: Vec<(u32, u32)> = s
        .search
        .as_ref()
        .map(|q| q.in_block(b).iter().map(|h| (h.start, h.end)).collect())
        .unwrap_or_default();
    let highlights = s.highlight_ranges(b);
    let selection = s.selection_in(b);
    let mut points = vec![ls, le];
    let mut add = |(a, z): (u32, u32)| {
        for p in [a, z] {
            if p > ls && p < le {
                points.push(p);
            }
        }
    };
    for m in &block.marks {
        add((m.start, m.end));
    }
    matches.iter().for_each(|&r| add(r));
    if let Some(r) = cursor {
        add(r);
    }
    if let Some(r) = current {
        add(r);
    }
    highlights.iter().for_each(|&r| add(r));
    if let Some(r) = selection {
        add(r);
    }
    points.sort_unstable();
    points.dedup();
    let inside = |p: u32, (a, z): (u32, u32)| p >= a && p < z;
    let mut out = Vec::with_capacity(points.len());
    for w in points.windows(2) {
        let (a, z) = (w[0], w[1]);
        if a >= z {
            continue;
        }
        let mark = block.marks.iter().find(|m| inside(a, (m.start, m.end)));
        let (mention, selected) = match mark.map(|m| m.kind) {
            Some(MarkKind::Actor(i)) => (
                Some(match s.doc.actor_kind(i) {
                    Some(ActorKind::Country) => MentionKind::Country,
                    _ => MentionKind::Person,
                }),
                s.selected.get(i).copied().unwrap_or(false),
            ),
            Some(MarkKind::Metonym) => (Some(MentionKind::Metonym), false),
            None => (None, false),
        };
        out.push(Segment {
            start: a,
            end: z,
            style: SegStyle {
                base: block.kind,
                mention,
                selected,
                search: matches.iter().any(|&r| inside(a, r)),
                current: current.is_some_and(|r| inside(a, r)),
                cursor: cursor.is_some_and(|r| inside(a, r)),
                highlight: highlights.iter().any(|&r| inside(a, r)),
                selection: selection.is_some_and(|r| inside(a, r)),
            },
        });
    }
    if out.is_empty() {
        out.push(Segment {
            start: ls,
            end: le,
            style: SegStyle {
                base: block.kind,
                mention: None,
                selected: false,
                search: false,
                current: false,
                cursor: false,
                highlight: false,
                selection: false,
            },
        });
    }
    out
}

/// Whether the gutter of the given screen row shows the cursor mark: the row holds part of
/// the cursor's sentence.
pub fn cursor_on_line(s: &ViewState, b: usize, line: usize) -> bool {
    let Some((cb, cs, ce)) = s.cursor_range() else {
        return false;
    };
    if cb != b {
        return false;
    }
    match s.lines(b).get(line) {
        Some(&(ls, le)) => ls < ce && cs < le.max(ls + 1),
        None => false,
    }
}

/// The status line's left part: position, filter, search, message (or the search prompt).
pub fn status_left(s: &ViewState) -> String {
    if s.mode == Mode::SearchInput {
        let q = s.search.as_ref();
        let query = q.map_or("", |q| q.query.as_str());
        let counter = q
            .filter(|q| !q.query.is_empty())
            .map(|q| format!("  {}", q.counter()))
            .unwrap_or_default();
        return format!("/{query}{counter}");
    }
    match s.mode {
        Mode::Select { .. } => {
            let n = s.selection().map_or(0, |(a, b)| s.sentence_count(a, b));
            let sn = if n == 1 { "" } else { "s" };
            return format!(
                "SELECT {n} sentence{sn}: j k extend, h highlight, a highlight + note, Esc cancels"
            );
        }
        Mode::Confirm { index, .. } => {
            let quote = s.highlights.get(index).map_or("", |h| h.quote.as_str());
            return format!("Delete the highlight \"{}\"? y / n", short(quote, 40));
        }
        Mode::Export => {
            return "Export highlights as: m Markdown, j JSON (Esc cancels)".into();
        }
        Mode::Note => {
            if let Some(m) = &s.message {
                return m.clone();
            }
            return "NOTE: Enter saves, Alt-Enter new line, Esc cancels".into();
        }
        _ => {}
    }
    let mut parts = vec![format!("{:>3}%", s.percent())];
    if let Some(mode) = s.filter {
        let names = s.selected_names();
        let how = match mode {
            FilterMode::All => "all of",
            FilterMode::Any => "any of",
        };
        parts.push(format!("filter: {how} {}", names.join(", ")));
    } else if s.any_selected() {
        parts.push(format!("selected: {}", s.selected_names().join(", ")));
    }
    if let Some(q) = s.search.as_ref().filter(|q| !q.query.is_empty()) {
        parts.push(format!("\"{}\" {}", q.query, q.counter()));
    }
    if s.loading {
        parts.push("finding actors…".into());
    }
    if let Some(m) = &s.message {
        parts.push(m.clone());
    } else if let Some(h) = s.highlight_at_cursor().and_then(|i| s.highlights.get(i)) {
        // The note of the highlight being read (a to edit it).
        if !h.note.is_empty() {
            parts.push(format!("note: {}", short(&h.note, 60)));
        }
    }
    parts.join("  │  ")
}

/// Short label for the focused pane, for the status line.
pub fn focus_label(s: &ViewState) -> &'static str {
    match s.focus {
        Focus::Article => "article",
        Focus::Panel => "actors",
    }
}

/// `s` cut to `max` characters with an ellipsis, on one line.
pub fn short(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let mut t: String = one.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
