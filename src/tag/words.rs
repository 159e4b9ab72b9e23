//! Word tests the tagger asks about one lower-cased token key: given name, common English word,
//! populated place, title, organisation word, calendar word, ... backed by the compiled
//! lexicons plus the user's never-a-name words.

use super::lexicon;
use std::collections::HashSet;

/// Lexicon look-ups plus the user's additions.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// User "never a name" words, as keys.
    pub not_names: HashSet<String>,
}

impl Words {
    pub fn given(&self, k: &str) -> bool {
        lexicon::GIVEN.contains(k)
    }
    pub fn common(&self, k: &str) -> bool {
        lexicon::COMMON.contains(k)
    }
    pub fn place(&self, k: &str) -> bool {
        lexicon::PLACES.contains(k)
    }
    pub fn title(&self, k: &str) -> bool {
        lexicon::TITLES.contains(k)
    }
    pub fn role_head(&self, k: &str) -> bool {
        lexicon::ROLE_HEADS.contains(k)
    }
    pub fn after_verb(&self, k: &str) -> bool {
        lexicon::AFTER_VERBS.contains(k)
    }
    pub fn org(&self, k: &str) -> bool {
        lexicon::ORG_WORDS.contains(k)
    }
    pub fn calendar(&self, k: &str) -> bool {
        lexicon::CALENDAR.contains(k)
    }
    pub fn particle(&self, k: &str) -> bool {
        lexicon::PARTICLES.contains(k)
    }
    /// Function words and the user's never-a-name words.
    pub fn stop(&self, k: &str) -> bool {
        lexicon::STOP_WORDS.contains(k) || self.not_names.contains(k)
    }
}
