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
    /// A common English word, also inflected ("reports", "earlier", "trading").
    pub fn common(&self, k: &str) -> bool {
        if lexicon::COMMON.contains(k) {
            return true;
        }
        let c = |s: &str| s.len() > 2 && lexicon::COMMON.contains(s);
        let mut buf = String::new();
        let mut with = |stem: &str, add: &str| {
            buf.clear();
            buf.push_str(stem);
            buf.push_str(add);
            c(&buf)
        };
        for (suf, add) in [("ies", "y"), ("ier", "y"), ("iest", "y"), ("ied", "y")] {
            if let Some(st) = k.strip_suffix(suf) {
                if with(st, add) {
                    return true;
                }
            }
        }
        for suf in ["s", "es", "ed", "d", "ing", "er", "est", "ly"] {
            if let Some(st) = k.strip_suffix(suf) {
                if c(st) || with(st, "e") {
                    return true;
                }
                // doubled consonant: "stopped", "running"
                let b = st.as_bytes();
                if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && c(&st[..st.len() - 1]) {
                    return true;
                }
            }
        }
        false
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
