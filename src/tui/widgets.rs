//! Drawing `&ViewState` into a ratatui buffer: the article column, the actor panel, the status
//! line and overlays. Every string is passed through `view::text::display` here, so no control
//! character of an article reaches the terminal even if an earlier stage missed one.

use super::style;
use crate::config::theme::Theme;
use crate::tag::ActorKind;
use crate::view::panel::{self, PanelRow};
use crate::view::render::{self, cursor_on_line, line_segments};
use crate::view::{text, Focus, Mode, Rect as VRect, ViewState};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Write `s` (sanitized) at (x, y), at most `max` cells, clipped to the buffer. Returns the x
/// after the text.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, st: Style) -> u16 {
    let a = buf.area;
    if y < a.y || y >= a.bottom() || x < a.x || x >= a.right() || max == 0 {
        return x;
    }
    buf.set_stringn(x, y, text::display(s), max, st).0
}

fn fill(buf: &mut Buffer, r: VRect, st: Style) {
    let r = Rect::new(r.x, r.y, r.width, r.height).intersection(buf.area);
    if r.area() > 0 {
        buf.set_style(r, st);
    }
}

/// Draw the whole reader. `hints` is the key-hint text for the status line's right side.
pub fn draw(buf: &mut Buffer, s: &ViewState, t: &Theme, hints: &str) {
    let area = buf.area;
    if area.area() == 0 {
        return;
    }
    fill(
        buf,
        VRect {
            x: area.x,
            y: area.y,
            width: area.width,
            height: area.height,
        },
        style::slot(&t.text),
    );
    article(buf, s, t);
    if s.layout.panel.is_some() {
        actors(buf, s, t);
    }
    status(buf, s, t, hints);
    match s.mode {
        Mode::Help { scroll } => help(buf, s, t, scroll),
        Mode::Note => editor(buf, s, t),
        Mode::Marks { cursor } => marks(buf, s, t, cursor),
        Mode::Confirm { index, list: true } => marks(buf, s, t, index),
        _ => {}
    }
}

/// A bordered overlay box of at most `w`×`h`, centred; returns its rectangle and style.
fn overlay(buf: &mut Buffer, t: &Theme, w: u16, h: u16, title: &str) -> Option<(Rect, Style)> {
    let a = buf.area;
    let w = w.min(a.width.saturating_sub(2));
    let h = h.min(a.height.saturating_sub(2));
    if w < 10 || h < 4 {
        return None;
    }
    let r = Rect::new(a.x + (a.width - w) / 2, a.y + (a.height - h) / 2, w, h);
    let st = style::slot(&t.text).patch(style::slot(&t.overlay));
    Clear.render(r, buf);
    Block::default()
        .borders(Borders::ALL)
        .title(title.to_string())
        .style(st)
        .border_style(st.patch(style::slot(&t.focus)))
        .render(r, buf);
    Some((r, st))
}

/// The note editor: the quote (dimmed), then the note with its cursor as a reversed cell.
fn editor(buf: &mut Buffer, s: &ViewState, t: &Theme) {
    let Some(e) = &s.editor else { return };
    let a = buf.area;
    let inner_w = crate::view::marking::editor_width(a.width);
    let (lines, (cl, cc)) = e.layout(inner_w);
    let body = (lines.len() as u16).clamp(3, 10);
    let Some((r, st)) = overlay(
        buf,
        t,
        inner_w as u16 + 4,
        body + 5,
        " Note — Enter saves · Alt-Enter new line · Esc cancels ",
    ) else {
        return;
    };
    let x = r.x + 2;
    let w = (r.width - 4) as usize;
    let dim = st.patch(style::slot(&t.dim));
    put(
        buf,
        x,
        r.y + 1,
        &format!("“{}”", render::short(&e.quote, w.saturating_sub(2) * 2)),
        w,
        dim.add_modifier(Modifier::ITALIC),
    );
    let top = r.y + 3;
    let rows = (r.height - 5) as usize;
    let first = cl.saturating_sub(rows.saturating_sub(1));
    for (i, &(ls, le)) in lines.iter().enumerate().skip(first).take(rows) {
        let y = top + (i - first) as u16;
        put(buf, x, y, e.text.get(ls..le).unwrap_or(""), w, st);
    }
    // The cursor: reverse the cell it sits on.
    if cl >= first && cl < first + rows && cc < w {
        let cell = Rect::new(x + cc as u16, top + (cl - first) as u16, 1, 1).intersection(buf.area);
        if cell.area() > 0 {
            buf.set_style(cell, st.add_modifier(Modifier::REVERSED));
        }
    }
    if let Some(err) = &e.error {
        put(
            buf,
            x,
            r.y + r.height - 2,
            &format!("not saved: {err}"),
            w,
            st.patch(style::slot(&t.current)),
        );
    }
}

/// The highlight list: quote, note, actors per entry; the list cursor's entry emphasised.
fn marks(buf: &mut Buffer, s: &ViewState, t: &Theme, cursor: usize) {
    let a = buf.area;
    let title = format!(
        " Highlights ({}) — Enter jumps · a note · d deletes · Esc closes ",
        s.highlights.len()
    );
    let Some((r, st)) = overlay(
        buf,
        t,
        a.width.saturating_sub(4).min(90),
        a.height.saturating_sub(2),
        &title,
    ) else {
        return;
    };
    let x = r.x + 2;
    let w = (r.width - 4) as usize;
    let per = 4usize;
    let fits = ((r.height - 2) as usize / per).max(1);
    let first = cursor.saturating_sub(fits - 1);
    let dim = st.patch(style::slot(&t.dim));
    let here = st.patch(style::slot(&t.panel_cursor));
    for (i, h) in s.highlights.iter().enumerate().skip(first).take(fits) {
        let y = r.y + 1 + ((i - first) * per) as u16;
        let on = i == cursor;
        let qs = if on { here } else { st };
        if on {
            fill(
                buf,
                VRect {
                    x: r.x + 1,
                    y,
                    width: r.width - 2,
                    height: 1,
                },
                here,
            );
        }
        let mark = if on { "▸ " } else { "  " };
        let orphan = if h.orphaned {
            " (not found in this text)"
        } else {
            ""
        };
        let nx = put(buf, x, y, mark, 2, qs);
        put(
            buf,
            nx,
            y,
            &format!("“{}”{orphan}", render::short(&h.quote, w * 2)),
            w.saturating_sub(2),
            qs.patch(style::slot(&t.highlight)),
        );
        let note = if h.note.is_empty() {
            "(no note)".to_string()
        } else {
            render::short(&h.note, w * 2)
        };
        put(
            buf,
            x + 2,
            y + 1,
            &note,
            w.saturating_sub(2),
            if h.note.is_empty() { dim } else { st },
        );
        if !h.actors.is_empty() {
            put(
                buf,
                x + 2,
                y + 2,
                &format!("actors: {}", h.actors.join(", ")),
                w.saturating_sub(2),
                dim,
            );
        }
    }
}

fn article(buf: &mut Buffer, s: &ViewState, t: &Theme) {
    let col = s.layout.text;
    if col.width == 0 {
        return;
    }
    let gutter_style = style::slot(&t.cursor);
    for (i, (b, line)) in s.screen_rows().into_iter().enumerate() {
        let y = col.y + i as u16;
        let Some(line) = line else { continue };
        if let Some(gx) = s.layout.gutter_x {
            if cursor_on_line(s, b, line) {
                put(buf, gx, y, "▍", 1, gutter_style);
            }
        }
        let txt = &s.doc.blocks[b].text;
        let mut x = col.x;
        let right = col.x as usize + col.width as usize;
        for seg in line_segments(s, b, line) {
            let (a, z) = (seg.start as usize, seg.end as usize);
            let Some(piece) = txt.get(a..z) else { continue };
            let room = right.saturating_sub(x as usize);
            x = put(buf, x, y, piece, room, style::segment(t, &seg.style));
        }
    }
    if s.visible_len() <= 1 && s.filter.is_some() {
        put(
            buf,
            col.x,
            col.y + 2,
            "(no paragraph matches the filter; F clears it)",
            col.width as usize,
            style::slot(&t.dim),
        );
    }
}

fn actors(buf: &mut Buffer, s: &ViewState, t: &Theme) {
    let (Some(p), Some(list)) = (s.layout.panel, s.layout.panel_list()) else {
        return;
    };
    let focused = s.focus == Focus::Panel;
    let panel_style = style::slot(&t.text).patch(style::slot(&t.panel));
    fill(buf, p, panel_style);
    let border = if focused {
        style::slot(&t.focus)
    } else {
        style::slot(&t.dim)
    };
    for y in p.y..p.y + p.height {
        put(buf, p.x, y, "│", 1, border);
    }
    let title = if focused { "Actors ◂" } else { "Actors" };
    put(buf, list.x, p.y, title, list.width as usize, border);
    let w = list.width as usize;
    let rows = panel::rows(&s.doc);
    let cursor_actor = s.panel_actor();
    for (i, row) in rows
        .iter()
        .skip(s.panel_scroll)
        .take(list.height as usize)
        .enumerate()
    {
        let y = list.y + i as u16;
        match *row {
            PanelRow::Header(kind, n) => {
                let label = match kind {
                    ActorKind::Person => format!("People ({n})"),
                    ActorKind::Country => format!("Countries ({n})"),
                };
                put(
                    buf,
                    list.x,
                    y,
                    &label,
                    w,
                    panel_style.add_modifier(Modifier::BOLD),
                );
            }
            PanelRow::Actor(a) => {
                let actor = &s.doc.actors[a];
                let sel = s.selected.get(a).copied().unwrap_or(false);
                let mut st = panel_style.patch(style::slot(match actor.kind {
                    ActorKind::Person => &t.person,
                    ActorKind::Country => &t.country,
                }));
                if sel {
                    st = st.patch(style::slot(&t.selected));
                }
                let here = cursor_actor == Some(a);
                if here && focused {
                    fill(
                        buf,
                        VRect {
                            x: list.x,
                            y,
                            width: list.width,
                            height: 1,
                        },
                        style::slot(&t.panel_cursor),
                    );
                    st = st.patch(style::slot(&t.panel_cursor));
                }
                let count = actor.mentions.len().to_string();
                let mark = if sel { "● " } else { "  " };
                let name_room = w.saturating_sub(count.len() + 3);
                let mut x = put(buf, list.x, y, mark, w, st);
                x = put(buf, x, y, &actor.name, name_room, st);
                let _ = x;
                let cx = list.x as usize + w.saturating_sub(count.len());
                if cx >= list.x as usize + 2 {
                    let cst = if here && focused {
                        panel_style.patch(style::slot(&t.panel_cursor))
                    } else {
                        panel_style
                    };
                    put(buf, cx as u16, y, &count, count.len(), cst);
                }
            }
            PanelRow::Strip(a) => {
                let actor = &s.doc.actors[a];
                let strip = s.strip(a);
                let on = panel_style.patch(style::slot(match actor.kind {
                    ActorKind::Person => &t.person,
                    ActorKind::Country => &t.country,
                }));
                let off = panel_style.patch(style::slot(&t.dim));
                let mut x = list.x + 2;
                for c in strip.chars() {
                    let st = if c == panel::STRIP_LEVELS[0] { off } else { on };
                    let mut b = [0u8; 4];
                    x = put(buf, x, y, c.encode_utf8(&mut b), 1, st);
                }
            }
            PanelRow::Blank => {}
        }
    }
    if rows.is_empty() && list.height > 0 {
        let empty = if s.loading {
            "finding people and countries…"
        } else {
            "(no people or countries found)"
        };
        put(buf, list.x, list.y, empty, w, style::slot(&t.dim));
    }
}

fn status(buf: &mut Buffer, s: &ViewState, t: &Theme, hints: &str) {
    let r = s.layout.status;
    if r.height == 0 || r.width == 0 {
        return;
    }
    let st = style::slot(&t.text).patch(style::slot(&t.status));
    fill(buf, r, st);
    let left = format!(" {}", render::status_left(s));
    let x = put(buf, r.x, r.y, &left, r.width as usize, st);
    let hw = text::width(hints);
    let right = r.x as usize + r.width as usize;
    if x as usize + 2 + hw < right {
        put(buf, (right - hw - 1) as u16, r.y, hints, hw, st);
    }
}

fn help(buf: &mut Buffer, s: &ViewState, t: &Theme, scroll: usize) {
    let a = buf.area;
    let w = a.width.saturating_sub(4).min(76);
    let h = a.height.saturating_sub(2).min(s.help.len() as u16 + 2);
    if w < 4 || h < 3 {
        return;
    }
    let r = Rect::new(a.x + (a.width - w) / 2, a.y + (a.height - h) / 2, w, h);
    let st = style::slot(&t.text).patch(style::slot(&t.overlay));
    Clear.render(r, buf);
    Block::default()
        .borders(Borders::ALL)
        .title(" Keys — Esc or ? closes ")
        .style(st)
        .border_style(st.patch(style::slot(&t.focus)))
        .render(r, buf);
    let keys_w = s
        .help
        .iter()
        .map(|(k, _)| text::width(k))
        .max()
        .unwrap_or(0)
        .min(w as usize / 3);
    let inner_w = (w - 2) as usize;
    for (i, (keys, desc)) in s
        .help
        .iter()
        .skip(scroll)
        .take((h - 2) as usize)
        .enumerate()
    {
        let y = r.y + 1 + i as u16;
        let x = put(
            buf,
            r.x + 2,
            y,
            keys,
            keys_w,
            st.patch(style::slot(&t.heading)),
        );
        let dx = (r.x + 2 + keys_w as u16 + 2).max(x + 1);
        let room = (r.x as usize + 1 + inner_w).saturating_sub(dx as usize);
        put(buf, dx, y, desc, room, st);
    }
}
