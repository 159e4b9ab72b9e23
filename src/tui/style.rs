//! Theme slots → ratatui styles. Widgets ask for semantic styles, never for a colour.

use crate::config::theme::{Color as TColor, Slot, Theme};
use crate::view::render::{MentionKind, SegStyle};
use crate::view::BlockKind;
use ratatui::style::{Color, Modifier, Style};

fn color(c: TColor) -> Color {
    match c {
        TColor::Reset => Color::Reset,
        TColor::Indexed(i) => match i {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            15 => Color::White,
            n => Color::Indexed(n),
        },
        TColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// The ratatui style of a theme slot.
pub fn slot(s: &Slot) -> Style {
    let mut st = Style::default();
    if let Some(c) = s.fg {
        st = st.fg(color(c));
    }
    if let Some(c) = s.bg {
        st = st.bg(color(c));
    }
    let mut m = Modifier::empty();
    if s.bold {
        m |= Modifier::BOLD;
    }
    if s.italic {
        m |= Modifier::ITALIC;
    }
    if s.underline {
        m |= Modifier::UNDERLINED;
    }
    if s.reverse {
        m |= Modifier::REVERSED;
    }
    if s.dim {
        m |= Modifier::DIM;
    }
    st.add_modifier(m)
}

/// Base style of a block kind.
pub fn base(t: &Theme, kind: BlockKind) -> Style {
    match kind {
        BlockKind::Title => slot(&t.text).patch(slot(&t.title)),
        BlockKind::Heading => slot(&t.text).patch(slot(&t.heading)),
        BlockKind::Deck => slot(&t.text).add_modifier(Modifier::ITALIC),
        BlockKind::Byline => slot(&t.dim),
        BlockKind::Paragraph => slot(&t.text),
    }
}

/// Style of one segment of article text: base, cursor tint, highlight, selection, mention,
/// selected, search, current.
pub fn segment(t: &Theme, s: &SegStyle) -> Style {
    let mut st = base(t, s.base);
    if s.cursor {
        // Only the background: the sentence is tinted, its colours stay.
        if let Some(bg) = t.cursor.bg {
            st = st.bg(color(bg));
        }
    }
    if s.highlight {
        st = st.patch(slot(&t.highlight));
    }
    if s.selection {
        st = st
            .patch(slot(&t.highlight))
            .add_modifier(Modifier::REVERSED);
    }
    if let Some(m) = s.mention {
        st = st.patch(slot(match m {
            MentionKind::Person => &t.person,
            MentionKind::Country => &t.country,
            MentionKind::Metonym => &t.metonym,
        }));
    }
    if s.selected {
        st = st.patch(slot(&t.selected));
    }
    if s.search {
        st = st.patch(slot(&t.search));
    }
    if s.current {
        st = st.patch(slot(&t.current));
    }
    st
}
