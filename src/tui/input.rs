//! crossterm events → `Action`s, through our own `Key` type and the keymap.

use crate::config::keymap::{Key, KeyCode, Keymap};
use crate::view::marking::export_choice;
use crate::view::{Action, Mode};
use crossterm::event::{
    Event, KeyCode as CKey, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

/// Our `Key` for a crossterm key event (None for keys lede has no name for).
pub fn key(ev: &KeyEvent) -> Option<Key> {
    let code = match ev.code {
        CKey::Char(c) => KeyCode::Char(c),
        CKey::Enter => KeyCode::Enter,
        CKey::Esc => KeyCode::Esc,
        CKey::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        CKey::Tab => KeyCode::Tab,
        CKey::BackTab => KeyCode::BackTab,
        CKey::Backspace => KeyCode::Backspace,
        CKey::Delete => KeyCode::Delete,
        CKey::Insert => KeyCode::Insert,
        CKey::Up => KeyCode::Up,
        CKey::Down => KeyCode::Down,
        CKey::Left => KeyCode::Left,
        CKey::Right => KeyCode::Right,
        CKey::Home => KeyCode::Home,
        CKey::End => KeyCode::End,
        CKey::PageUp => KeyCode::PageUp,
        CKey::PageDown => KeyCode::PageDown,
        CKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        c => c,
    };
    Some(Key {
        code,
        ctrl,
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

/// The action for a terminal event in the current mode, if any.
pub fn action(ev: &Event, mode: Mode, keymap: &Keymap, mouse: bool) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = key(k)?;
            if mode == Mode::SearchInput && !key.ctrl && !key.alt {
                match key.code {
                    KeyCode::Char(c) => return Some(Action::SearchInput(c)),
                    KeyCode::Backspace => return Some(Action::SearchBackspace),
                    KeyCode::Enter => return Some(Action::SearchConfirm),
                    KeyCode::Esc => return Some(Action::Close),
                    _ => {}
                }
            }
            if let Some(a) = mode_action(&key, mode) {
                return Some(a);
            }
            keymap.action(&key)
        }
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                lines: 3,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                lines: -3,
            }),
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Keys that mean something of their own in the note editor, a confirmation and the export
/// prompt (before the keymap is asked).
fn mode_action(key: &Key, mode: Mode) -> Option<Action> {
    match mode {
        Mode::Note => {
            let a = match key.code {
                // Alt-Enter (and Ctrl-J, which terminals send for Ctrl-Enter) insert a new line.
                KeyCode::Enter if key.alt || key.ctrl => Action::EditNewline,
                KeyCode::Char('j') if key.ctrl => Action::EditNewline,
                KeyCode::Enter => Action::EditSave,
                KeyCode::Esc => Action::Close,
                KeyCode::Backspace => Action::EditBackspace,
                KeyCode::Delete => Action::EditDelete,
                KeyCode::Left => Action::EditLeft,
                KeyCode::Right => Action::EditRight,
                KeyCode::Home => Action::EditHome,
                KeyCode::End => Action::EditEnd,
                KeyCode::Up => Action::EditUp,
                KeyCode::Down => Action::EditDown,
                KeyCode::Char('a') if key.ctrl => Action::EditHome,
                KeyCode::Char('e') if key.ctrl => Action::EditEnd,
                KeyCode::Char(c) if !key.ctrl && !key.alt => Action::EditChar(c),
                _ => return None,
            };
            Some(a)
        }
        Mode::Confirm { .. } if !key.ctrl && !key.alt => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Answer(true)),
            KeyCode::Char('n' | 'N') => Some(Action::Answer(false)),
            _ => None,
        },
        Mode::Export if !key.ctrl && !key.alt => match key.code {
            KeyCode::Char(c) => export_choice(c).map(Action::ExportAs),
            _ => None,
        },
        _ => None,
    }
}
