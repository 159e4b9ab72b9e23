//! Configuration: `config.toml` → resolved `Config` (theme, keymap, mouse, tagger additions).

use crate::error::Error;
use crate::tag::UserLexicon;

/// The resolved configuration. Every key of `config.toml` is optional.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub theme: Option<String>,
    pub mouse: bool,
    pub lexicon: UserLexicon,
}

impl Config {
    /// Load `config.toml` from the platform config dir (or `$LEDE_CONFIG`); defaults when absent.
    /// (Placeholder: defaults only.)
    pub fn load_default() -> Result<Config, Error> {
        Ok(Config::default())
    }
}
