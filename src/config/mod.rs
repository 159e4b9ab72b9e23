//! Configuration: `config.toml` (raw, every key optional, unknown keys rejected with file, line
//! and column) → resolved `Config` (theme name, keymap, mouse, tagger additions).
//! The file is found at `$LEDE_CONFIG`, else `config.toml` in the platform config dir.

pub mod keymap;
pub mod theme;

use crate::error::Error;
use crate::tag::UserLexicon;
use keymap::{Key, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The resolved configuration. Every key of `config.toml` is optional.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Theme name from the file (`--theme` overrides it).
    pub theme: Option<String>,
    pub mouse: bool,
    pub lexicon: UserLexicon,
    pub keymap: Keymap,
    /// Directory holding user themes (`themes/NAME.toml`): the config file's directory.
    pub dir: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    theme: Option<toml::Spanned<String>>,
    mouse: Option<bool>,
    keys: Option<BTreeMap<String, toml::Spanned<OneOrMany>>>,
    people: Option<PeopleFile>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

/// 1-based line and column (in characters) of byte `offset` in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut off = offset.min(src.len());
    while !src.is_char_boundary(off) {
        off -= 1;
    }
    let before = &src[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// An `Error::Config` at the start of `span` (line 1, column 1 without one).
pub(crate) fn config_error(
    file: &Path,
    src: &str,
    span: Option<Range<usize>>,
    message: String,
) -> Error {
    let (line, column) = span.map(|s| line_col(src, s.start)).unwrap_or((1, 1));
    // toml's messages can span lines; keep the one-line error promise.
    let message = message.trim().replace('\n', "; ");
    Error::Config {
        file: file.to_path_buf(),
        line,
        column,
        message,
    }
}

impl Config {
    /// Where the config file is looked for: `$LEDE_CONFIG`, else the platform config dir.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("LEDE_CONFIG") {
            if !p.is_empty() {
                return Some(PathBuf::from(p));
            }
        }
        directories::ProjectDirs::from("", "", "lede").map(|d| d.config_dir().join("config.toml"))
    }

    /// Load `config.toml` from `$LEDE_CONFIG` or the platform config dir; defaults when the
    /// platform file is absent. A `$LEDE_CONFIG` that does not exist is an error.
    pub fn load_default() -> Result<Config, Error> {
        let explicit = std::env::var_os("LEDE_CONFIG").is_some_and(|p| !p.is_empty());
        let Some(path) = Config::default_path() else {
            return Ok(Config::default());
        };
        match std::fs::read_to_string(&path) {
            Ok(src) => Config::parse(&src, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config {
                dir: path.parent().map(Path::to_path_buf),
                ..Config::default()
            }),
            Err(e) => Err(Error::io(&path.display().to_string(), &e)),
        }
    }

    /// Parse the text of a config file; `path` is used for error positions and user themes.
    pub fn parse(src: &str, path: &Path) -> Result<Config, Error> {
        let err = |span: Option<Range<usize>>, msg: String| config_error(path, src, span, msg);
        let file: ConfigFile =
            toml::from_str(src).map_err(|e| err(e.span(), e.message().into()))?;
        let dir = path.parent().map(Path::to_path_buf);
        let mut cfg = Config {
            mouse: file.mouse.unwrap_or(false),
            dir: dir.clone(),
            ..Config::default()
        };
        if let Some(t) = file.theme {
            if !theme::exists(t.get_ref(), dir.as_deref()) {
                return Err(err(
                    Some(t.span()),
                    format!(
                        "unknown theme {:?} (built-in: dark, light, high-contrast; or themes/{}.toml next to this file)",
                        t.get_ref(),
                        t.get_ref()
                    ),
                ));
            }
            cfg.theme = Some(t.into_inner());
        }
        if let Some(keys) = file.keys {
            let mut spans: Vec<(crate::view::Action, Range<usize>)> = Vec::new();
            for (name, value) in keys {
                let span = value.span();
                let action = crate::view::Action::from_name(&name)
                    .ok_or_else(|| err(Some(span.clone()), format!("unknown action {name:?}")))?;
                let specs = match value.into_inner() {
                    OneOrMany::One(s) => vec![s],
                    OneOrMany::Many(v) => v,
                };
                let mut parsed: Vec<Key> = Vec::new();
                for s in specs {
                    let k = Key::parse(&s).map_err(|m| err(Some(span.clone()), m))?;
                    if parsed.contains(&k) {
                        return Err(err(
                            Some(span.clone()),
                            format!("key {k} is listed twice for {name}"),
                        ));
                    }
                    parsed.push(k);
                }
                cfg.keymap.set_keys(action, parsed);
                spans.push((action, span));
            }
            cfg.keymap
                .rebuild(|a| spans.iter().find(|(b, _)| *b == a).map(|(_, s)| s.clone()))
                .map_err(|e| err(e.span, e.message))?;
        }
        if let Some(p) = file.people {
            cfg.lexicon = UserLexicon {
                people: p.add,
                aliases: p.aliases.into_iter().collect(),
                not_names: p.not_names,
            };
        }
        Ok(cfg)
    }

    /// The theme to use: `--theme` wins over the file; `dark` by default. With `no_color`
    /// (NO_COLOR set), colours are removed and emphasis kept.
    pub fn resolve_theme(&self, flag: Option<&str>, no_color: bool) -> Result<theme::Theme, Error> {
        let name = flag.or(self.theme.as_deref()).unwrap_or("dark");
        let t = theme::load(name, self.dir.as_deref())?;
        Ok(if no_color { t.without_color() } else { t })
    }
}

/// Whether the NO_COLOR convention asks for no colour (set and non-empty).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
