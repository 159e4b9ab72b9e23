//! Phrase lists shared by the plain-text and HTML parsers, compiled from
//! `data/phrases.txt` by build.rs: one constant per section of that file.

include!(concat!(env!("OUT_DIR"), "/phrases.rs"));

/// Whether lower-cased `lower` holds one of `phrases` starting at the start of a word.
pub(crate) fn at_word_start(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            !lower[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether the first word of lower-cased `lower` is one of `words`.
pub(crate) fn first_word_in(lower: &str, words: &[&str]) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|f| words.contains(&f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_at_word_starts() {
        assert!(at_word_start("please sign in now", &["sign in"]));
        assert!(!at_word_start("the design intent", &["sign in"]));
        assert!(first_word_in("watch: the vote", &["watch"]));
        assert!(!first_word_in("apple watch sales", &["watch"]));
    }

    #[test]
    fn every_list_is_lower_case_and_non_empty() {
        for list in [NOT_TITLE, INTERFACE, INTERFACE_START, LABELS] {
            assert!(!list.is_empty());
            assert!(list.iter().all(|p| !p.is_empty() && p.to_lowercase() == *p));
        }
    }
}
