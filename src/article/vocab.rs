//! The words of an article's body, and how many of a candidate headline's content words are
//! among them: a headline shares its distinctive words with the text under it, a menu, a
//! player message or another story's teaser does not.
//!
//! Words are lower-cased runs of letters and digits; a run of Han or Kana characters is read
//! as its character pairs. Stop words and words under three characters carry no evidence.

use super::lang;
use std::collections::HashMap;

/// Bytes of body text read: the headline's words come early in the article.
const SAMPLE: usize = 64 * 1024;
/// Most content words of a candidate that are looked up.
const MAX_WORDS: usize = 40;

/// Where each word of the body sample was seen: the last unit, and whether in more than one.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    seen: HashMap<String, (usize, bool)>,
}

/// Call `f` with every token of `text`: lower-cased words, and CJK character pairs.
fn tokens(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    let mut pair = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                f(&word);
                word.clear();
            }
            if let Some(p) = prev_cjk {
                pair.clear();
                pair.push(p);
                pair.push(c);
                f(&pair);
            }
            prev_cjk = Some(c);
            continue;
        }
        prev_cjk = None;
        if lang::is_alphanumeric(c) {
            match lang::simple_lower(c) {
                Some(l) => word.push(l),
                None => word.extend(c.to_lowercase()),
            }
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

impl Vocab {
    /// The vocabulary of `units` (index, text), read up to [`SAMPLE`] bytes.
    pub(crate) fn of<'a>(units: impl Iterator<Item = (usize, &'a str)>) -> Vocab {
        let mut v = Vocab::default();
        let mut read = 0;
        for (i, t) in units {
            if read >= SAMPLE {
                break;
            }
            read += t.len();
            let t = super::boilerplate::head_chars(t, SAMPLE);
            tokens(t, |w| match v.seen.get_mut(w) {
                Some((u, more)) => {
                    *more |= *u != i;
                    *u = i;
                }
                None => {
                    v.seen.insert(w.to_string(), (i, false));
                }
            });
        }
        v
    }

    /// The share of the content words of unit `i`'s `text` that the body has elsewhere, and
    /// how many content words were counted; `None` when it has none.
    pub(crate) fn overlap(&self, i: usize, text: &str, lang: usize) -> Option<(f32, usize)> {
        let (mut n, mut hit) = (0usize, 0usize);
        tokens(text, |w| {
            if n >= MAX_WORDS {
                return;
            }
            let cjk = w.chars().next().is_some_and(is_cjk);
            if !cjk && (w.chars().count() < 3 || is_stop(w, lang)) {
                return;
            }
            n += 1;
            if self.seen.get(w).is_some_and(|&(u, more)| more || u != i) {
                hit += 1;
            }
        });
        (n > 0).then(|| (hit as f32 / n as f32, n))
    }
}

/// Whether `w` is a stop word of language `lang` (or of English, the language of most page
/// furniture).
fn is_stop(w: &str, lang: usize) -> bool {
    let s = lang::stats(w);
    s.stops[lang] > 0 || s.stops[0] > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_shares_the_body_words_a_menu_does_not() {
        let body = [
            (5, "The harbour council approved the new quay on Monday."),
            (6, "Protests against the quay went on all week."),
        ];
        let v = Vocab::of(body.into_iter());
        let head = v.overlap(1, "Harbour Council Approves Quay", 0);
        let menu = v.overlap(2, "Weather Sport Television Radio", 0);
        assert!(head.is_some_and(|(s, _)| s >= 0.6), "{head:?}");
        assert!(menu.is_some_and(|(s, _)| s == 0.0), "{menu:?}");
    }

    #[test]
    fn a_line_does_not_support_itself() {
        let v = Vocab::of([(3, "Zanzibar ferries resume")].into_iter());
        assert_eq!(v.overlap(3, "Zanzibar ferries resume", 0), Some((0.0, 3)));
        assert_eq!(v.overlap(4, "Zanzibar ferries resume", 0), Some((1.0, 3)));
    }

    #[test]
    fn chinese_is_read_in_character_pairs() {
        let v = Vocab::of([(9, "人工智能迈上新台阶，研究人员说。")].into_iter());
        let o = v.overlap(1, "人工智能", 14);
        assert_eq!(o, Some((1.0, 3)));
    }
}
