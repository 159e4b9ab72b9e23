//! Keys and the keymap: our own `Key` type (no terminal types here), key-spec parsing
//! ("ctrl-d", "shift-tab", "G", "pgdn"), and the default bindings from `themes/keymap.toml`.

use crate::view::Action;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// The default key bindings, one entry per action with a description.
pub const DEFAULT_KEYMAP: &str = include_str!("../../themes/keymap.toml");

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key press: a code plus Ctrl/Alt. Shift is folded into the code ('G', BackTab).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parse a key spec: a single character ("j", "G", "?", "/"), a name ("enter", "esc",
    /// "tab", "backtab", "space", "up", "down", "left", "right", "home", "end", "pgup", "pgdn",
    /// "backspace", "delete", "insert", "f1".."f12"), optionally prefixed by "ctrl-", "alt-",
    /// "shift-". Names are case-insensitive; single characters are not.
    pub fn parse(spec: &str) -> Result<Key, String> {
        let mut rest = spec;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(format!("empty key in {spec:?}")),
            (Some(c), None) => {
                if c.is_control() {
                    return Err(format!("control character in key {spec:?}"));
                }
                if shift && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if ctrl && c.is_ascii_uppercase() {
                    // Terminals cannot tell Ctrl-D from Ctrl-d.
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {spec:?}")),
                },
                _ => return Err(format!("unknown key {spec:?}")),
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// One action with its keys and a description (for `?` help).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub desc: String,
}

/// All bindings, in keymap order, and the key → action lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    map: HashMap<Key, Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeymapFile {
    bind: Vec<toml::Spanned<BindEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BindEntry {
    action: toml::Spanned<String>,
    keys: Vec<toml::Spanned<String>>,
    desc: String,
}

/// A problem in a keymap, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

impl Keymap {
    /// Parse a keymap file in the `themes/keymap.toml` format.
    pub fn parse(src: &str) -> Result<Keymap, KeymapError> {
        let file: KeymapFile = toml::from_str(src).map_err(|e| KeymapError {
            span: e.span(),
            message: e.message().to_string(),
        })?;
        let mut bindings: Vec<Binding> = Vec::new();
        for entry in file.bind {
            let span = entry.span();
            let entry = entry.into_inner();
            let (action, name) = lookup(&entry.action)?;
            if bindings.iter().any(|b| b.action == action) {
                return Err(KeymapError {
                    span: Some(span),
                    message: format!("action {name} is listed twice"),
                });
            }
            let mut keys = Vec::new();
            for k in &entry.keys {
                keys.push(Key::parse(k.get_ref()).map_err(|m| KeymapError {
                    span: Some(k.span()),
                    message: m,
                })?);
            }
            bindings.push(Binding {
                action,
                name,
                keys,
                desc: entry.desc,
            });
        }
        let mut km = Keymap {
            bindings,
            map: HashMap::new(),
        };
        km.rebuild(|_| None)?;
        Ok(km)
    }

    /// Replace the keys of `action` (as `config.toml`'s `[keys]` does).
    pub fn set_keys(&mut self, action: Action, keys: Vec<Key>) {
        if let Some(b) = self.bindings.iter_mut().find(|b| b.action == action) {
            b.keys = keys;
        }
    }

    /// Rebuild the lookup table; a key bound to two actions is an error. `span_of` gives the
    /// position to report for an action's keys.
    pub fn rebuild(
        &mut self,
        span_of: impl Fn(Action) -> Option<std::ops::Range<usize>>,
    ) -> Result<(), KeymapError> {
        let mut map: HashMap<Key, Action> = HashMap::new();
        for b in &self.bindings {
            for k in &b.keys {
                if let Some(prev) = map.insert(*k, b.action) {
                    let prev_name = prev.name().unwrap_or("?");
                    // Report the later of the two places (the one that made the clash).
                    let span = match (span_of(b.action), span_of(prev)) {
                        (Some(x), Some(y)) => Some(if x.start >= y.start { x } else { y }),
                        (x, y) => x.or(y),
                    };
                    return Err(KeymapError {
                        span,
                        message: format!(
                            "key {k} is bound twice: to {prev_name} and to {}",
                            b.name
                        ),
                    });
                }
            }
        }
        self.map = map;
        Ok(())
    }

    /// The action bound to `key`.
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.map.get(key).copied()
    }

    /// The keys bound to `action`, for hints in the status line.
    pub fn keys_for(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.keys.as_slice())
            .unwrap_or(&[])
    }

    /// Help lines: (keys joined by spaces, description), in keymap order.
    pub fn help_lines(&self) -> Vec<(String, String)> {
        self.bindings
            .iter()
            .filter(|b| !b.keys.is_empty())
            .map(|b| {
                let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
                (keys.join(" "), b.desc.clone())
            })
            .collect()
    }
}

/// The action called `name` in a spanned string.
pub(crate) fn lookup(name: &toml::Spanned<String>) -> Result<(Action, &'static str), KeymapError> {
    match Action::from_name(name.get_ref()) {
        Some(a) => Ok((a, a.name().unwrap_or("?"))),
        None => Err(KeymapError {
            span: Some(name.span()),
            message: format!("unknown action {:?}", name.get_ref()),
        }),
    }
}

impl Default for Keymap {
    /// The embedded default keymap (checked by a test, so it always parses).
    fn default() -> Keymap {
        match Keymap::parse(DEFAULT_KEYMAP) {
            Ok(k) => k,
            Err(e) => panic!("embedded themes/keymap.toml is invalid: {}", e.message),
        }
    }
}
