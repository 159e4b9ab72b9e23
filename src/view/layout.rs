//! Screen geometry, computed purely from the terminal size: the article pane with its centred
//! text column (at most 100 columns) and cursor gutter, the actor panel, the status line.

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && (x as u32) < self.x as u32 + self.width as u32
            && (y as u32) < self.y as u32 + self.height as u32
    }
}

/// Widest text column, in cells.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Narrower windows hide the actor panel unless the user shows it.
pub const PANEL_MIN_WINDOW: u16 = 60;
/// Cells left of the text for the reading-cursor mark.
pub const GUTTER: u16 = 2;

/// Where everything goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// The whole article pane.
    pub article: Rect,
    /// The text column inside it (same rows).
    pub text: Rect,
    /// Column of the cursor gutter mark (if the pane has room for it).
    pub gutter_x: Option<u16>,
    /// The actor panel, including its left border and title row.
    pub panel: Option<Rect>,
    pub status: Rect,
}

impl Layout {
    /// Layout for a `width`×`height` terminal; `panel` is the user's choice (None = automatic).
    pub fn compute(width: u16, height: u16, panel: Option<bool>) -> Layout {
        let status = Rect {
            x: 0,
            y: height.saturating_sub(1),
            width,
            height: height.min(1),
        };
        let body_h = height.saturating_sub(1);
        let show = panel.unwrap_or(width >= PANEL_MIN_WINDOW) && width >= 2;
        let panel_w = if !show {
            0
        } else if width >= PANEL_MIN_WINDOW {
            (width / 3).clamp(24, 40)
        } else {
            width / 2
        };
        let article_w = width - panel_w;
        let article = Rect {
            x: 0,
            y: 0,
            width: article_w,
            height: body_h,
        };
        let (text, gutter_x) = if article_w > GUTTER + 1 {
            // One cell of margin on the right, the gutter on the left.
            let col = (article_w - GUTTER - 1).min(MAX_TEXT_WIDTH);
            let x0 = (article_w - col - GUTTER) / 2;
            (
                Rect {
                    x: x0 + GUTTER,
                    y: 0,
                    width: col,
                    height: body_h,
                },
                Some(x0),
            )
        } else {
            (article, None)
        };
        let panel = show.then_some(Rect {
            x: article_w,
            y: 0,
            width: panel_w,
            height: body_h,
        });
        Layout {
            article,
            text,
            gutter_x,
            panel,
            status,
        }
    }

    /// Rows of the panel's list (below its title row), and its inner width (after the border).
    pub fn panel_list(&self) -> Option<Rect> {
        self.panel.map(|p| Rect {
            x: p.x.saturating_add(2).min(p.x + p.width),
            y: p.y + 1.min(p.height),
            width: p.width.saturating_sub(3),
            height: p.height.saturating_sub(1),
        })
    }
}
