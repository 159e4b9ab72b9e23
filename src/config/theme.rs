//! Themes: TOML files of semantic slots (text, heading, person, country, …) → `Theme`,
//! our own colour and modifier types (no terminal types here). Built-in themes are embedded;
//! user themes live in the config dir's `themes/NAME.toml`.

use serde::Deserialize;
use std::path::Path;

/// Built-in themes: (name, TOML source).
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// A terminal colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// The terminal's default colour.
    Reset,
    /// One of the 256 indexed colours (0–15 are the ANSI colours).
    Indexed(u8),
    Rgb(u8, u8, u8),
}

const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright-black",
    "bright-red",
    "bright-green",
    "bright-yellow",
    "bright-blue",
    "bright-magenta",
    "bright-cyan",
    "bright-white",
];

impl Color {
    /// Parse "default", an ANSI name ("red", "bright-blue", "gray"), "#rrggbb" or an index "0".."255".
    pub fn parse(s: &str) -> Result<Color, String> {
        let l = s.trim().to_ascii_lowercase();
        if l == "default" || l == "reset" {
            return Ok(Color::Reset);
        }
        if l == "gray" || l == "grey" {
            return Ok(Color::Indexed(8));
        }
        if let Some(i) = NAMES.iter().position(|n| *n == l) {
            return Ok(Color::Indexed(i as u8));
        }
        if let Some(hex) = l.strip_prefix('#') {
            if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                let p = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
                return Ok(Color::Rgb(p(0), p(2), p(4)));
            }
        }
        if let Ok(n) = l.parse::<u8>() {
            return Ok(Color::Indexed(n));
        }
        Err(format!(
            "unknown colour {s:?} (use a name like \"red\" or \"bright-blue\", \"#rrggbb\", or 0-255)"
        ))
    }
}

/// The look of one semantic slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Slot {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub reverse: bool,
    pub dim: bool,
}

/// A resolved theme: one `Slot` per semantic role.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    pub name: String,
    /// Body text.
    pub text: Slot,
    /// Secondary text: byline, empty strip cells, hints.
    pub dim: Slot,
    pub title: Slot,
    pub heading: Slot,
    pub person: Slot,
    pub country: Slot,
    pub metonym: Slot,
    /// A mention of a selected actor (patched over person/country).
    pub selected: Slot,
    pub search: Slot,
    /// The current search match or the mention n/N jumped to.
    pub current: Slot,
    /// Saved highlights (issue 5).
    pub highlight: Slot,
    /// The reading cursor's sentence (subtle) and its gutter mark.
    pub cursor: Slot,
    pub panel: Slot,
    /// The panel row under the panel cursor.
    pub panel_cursor: Slot,
    /// Border and title of the focused pane.
    pub focus: Slot,
    pub status: Slot,
    /// Modal overlays (help, and later notes).
    pub overlay: Slot,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SlotFile {
    fg: Option<toml::Spanned<String>>,
    bg: Option<toml::Spanned<String>>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    dim: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    text: SlotFile,
    #[serde(default)]
    dim: SlotFile,
    #[serde(default)]
    title: SlotFile,
    #[serde(default)]
    heading: SlotFile,
    #[serde(default)]
    person: SlotFile,
    #[serde(default)]
    country: SlotFile,
    #[serde(default)]
    metonym: SlotFile,
    #[serde(default)]
    selected: SlotFile,
    #[serde(default)]
    search: SlotFile,
    #[serde(default)]
    current: SlotFile,
    #[serde(default)]
    highlight: SlotFile,
    #[serde(default)]
    cursor: SlotFile,
    #[serde(default)]
    panel: SlotFile,
    #[serde(default)]
    panel_cursor: SlotFile,
    #[serde(default)]
    focus: SlotFile,
    #[serde(default)]
    status: SlotFile,
    #[serde(default)]
    overlay: SlotFile,
}

/// A problem in a theme file, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

fn slot(f: SlotFile) -> Result<Slot, ThemeError> {
    let col = |c: Option<toml::Spanned<String>>| -> Result<Option<Color>, ThemeError> {
        match c {
            None => Ok(None),
            Some(s) => Color::parse(s.get_ref()).map(Some).map_err(|m| ThemeError {
                span: Some(s.span()),
                message: m,
            }),
        }
    };
    Ok(Slot {
        fg: col(f.fg)?,
        bg: col(f.bg)?,
        bold: f.bold,
        italic: f.italic,
        underline: f.underline,
        reverse: f.reverse,
        dim: f.dim,
    })
}

impl Theme {
    /// Parse a theme file. Missing slots are plain text; unknown slots or fields are errors.
    pub fn parse(name: &str, src: &str) -> Result<Theme, ThemeError> {
        let f: ThemeFile = toml::from_str(src).map_err(|e| ThemeError {
            span: e.span(),
            message: e.message().to_string(),
        })?;
        Ok(Theme {
            name: name.to_string(),
            text: slot(f.text)?,
            dim: slot(f.dim)?,
            title: slot(f.title)?,
            heading: slot(f.heading)?,
            person: slot(f.person)?,
            country: slot(f.country)?,
            metonym: slot(f.metonym)?,
            selected: slot(f.selected)?,
            search: slot(f.search)?,
            current: slot(f.current)?,
            highlight: slot(f.highlight)?,
            cursor: slot(f.cursor)?,
            panel: slot(f.panel)?,
            panel_cursor: slot(f.panel_cursor)?,
            focus: slot(f.focus)?,
            status: slot(f.status)?,
            overlay: slot(f.overlay)?,
        })
    }

    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (_, src) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Theme::parse(name, src).ok()
    }

    /// The NO_COLOR variant: every colour removed; mentions, headings, matches and the selected
    /// actor stay distinguishable through bold / underline / reverse / italic.
    pub fn without_color(&self) -> Theme {
        let strip = |s: Slot| Slot {
            fg: None,
            bg: None,
            ..s
        };
        let mut t = Theme {
            name: format!("{} (no colour)", self.name),
            text: Slot::default(),
            dim: strip(self.dim),
            title: strip(self.title),
            heading: strip(self.heading),
            person: strip(self.person),
            country: strip(self.country),
            metonym: strip(self.metonym),
            selected: strip(self.selected),
            search: strip(self.search),
            current: strip(self.current),
            highlight: strip(self.highlight),
            cursor: Slot::default(),
            panel: Slot::default(),
            panel_cursor: strip(self.panel_cursor),
            focus: strip(self.focus),
            status: strip(self.status),
            overlay: Slot::default(),
        };
        // Guarantee the emphasis that colour used to carry.
        t.title.bold = true;
        t.heading.bold = true;
        t.person.bold = true;
        t.country.underline = true;
        t.metonym.italic = true;
        t.selected.reverse = true;
        t.search.underline = true;
        t.search.bold = true;
        // The mention n/N moved to stands out from the other selected mentions (also reversed).
        t.current.reverse = true;
        t.current.italic = true;
        t.current.underline = true;
        t.highlight.underline = true;
        t.panel_cursor.reverse = true;
        t.status.reverse = true;
        t.focus.bold = true;
        t
    }
}

/// Load theme `name`: a built-in, or `themes/NAME.toml` under `config_dir`.
pub fn load(name: &str, config_dir: Option<&Path>) -> Result<Theme, crate::Error> {
    if let Some(t) = Theme::builtin(name) {
        return Ok(t);
    }
    let bad_name = name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.');
    let path = match config_dir {
        Some(d) if !bad_name => d.join("themes").join(format!("{name}.toml")),
        _ => return Err(unknown(name)),
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(unknown(name)),
        Err(e) => return Err(crate::Error::io(&path.display().to_string(), &e)),
    };
    Theme::parse(name, &src).map_err(|e| super::config_error(&path, &src, e.span, e.message))
}

/// Whether `name` names a built-in theme or a file in the config dir.
pub fn exists(name: &str, config_dir: Option<&Path>) -> bool {
    BUILTIN.iter().any(|(n, _)| *n == name)
        || config_dir.is_some_and(|d| {
            !name.contains(['/', '\\']) && d.join("themes").join(format!("{name}.toml")).is_file()
        })
}

fn unknown(name: &str) -> crate::Error {
    crate::Error::Other(format!(
        "unknown theme {name:?} (built-in: dark, light, high-contrast; or put {name}.toml in the config dir's themes/)"
    ))
}
