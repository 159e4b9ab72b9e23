//! Text measurement for the reader: display-safe characters, word wrapping by display width
//! (never splitting a grapheme), and sentence bounds for the reading cursor.
//! No terminal types; byte ranges always fall on char boundaries.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The visible stand-in for a character that must never reach the terminal raw: C0 controls
/// become their Control Pictures symbol (ESC → ␛), DEL ␡, C1 controls and bidi controls �.
/// `None` for characters that are safe as they are. Tab becomes a space.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `s` with every unsafe character replaced by its placeholder (one char for one char).
pub fn display(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| placeholder(c).is_none()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
    }
}

/// Display width of `s` as it will be drawn (placeholders counted as one column each).
pub fn width(s: &str) -> usize {
    if s.chars().all(|c| placeholder(c).is_none()) {
        s.width()
    } else {
        display(s).width()
    }
}

/// Wrap `text` into lines of at most `max` columns: byte ranges (start, end), trailing spaces
/// excluded. Words longer than a line are broken between graphemes. Always at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<(u32, u32)> {
    let max = max.max(1);
    let mut lines: Vec<(u32, u32)> = Vec::new();
    let mut line_start = 0usize;
    let mut line_end = 0usize;
    let mut line_w = 0usize;
    let mut has = false;
    for (ws, word) in words(text) {
        let we = ws + word.len();
        let ww = width(word);
        if has {
            let gap = width(&text[line_end..ws]).max(1);
            if line_w + gap + ww <= max {
                line_w += gap + ww;
                line_end = we;
                continue;
            }
            lines.push((line_start as u32, line_end as u32));
        }
        if ww <= max {
            line_start = ws;
            line_end = we;
            line_w = ww;
            has = true;
            continue;
        }
        // A word wider than the line: break it between graphemes.
        let mut seg_start = ws;
        let mut seg_w = 0usize;
        for (gi, g) in word.grapheme_indices(true) {
            let gw = width(g).max(if g.trim().is_empty() { 0 } else { 1 });
            if seg_w + gw > max && seg_w > 0 {
                lines.push((seg_start as u32, (ws + gi) as u32));
                seg_start = ws + gi;
                seg_w = 0;
            }
            seg_w += gw;
        }
        line_start = seg_start;
        line_end = we;
        line_w = seg_w;
        has = true;
    }
    if has || lines.is_empty() {
        if !has {
            line_start = 0;
            line_end = 0;
        }
        lines.push((line_start as u32, line_end as u32));
    }
    lines
}

/// Words: maximal runs of non-space characters, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive([' ', '\t', '\n'])
        .scan(0usize, |pos, piece| {
            let start = *pos;
            *pos += piece.len();
            Some((start, piece.trim_end_matches([' ', '\t', '\n'])))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Titles and abbreviations that are followed by a name or number, never ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
    "Capt.", "Cpt.", "Sgt.", "Maj.", "Adm.", "Cmdr.", "Rev.", "Hon.", "Pres.", "Amb.", "Supt.",
    "St.", "Mt.", "Ft.", "Jr.", "Sr.", "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "approx.",
];

/// Words that usually begin a sentence: after "U.S." they mean the sentence did end.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Yet",
    "Still",
    "However",
    "Meanwhile",
    "Officials",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
];

/// Sentence byte ranges of `text` (trailing whitespace excluded), from Unicode sentence
/// bounds, with abbreviations ("Mr.") and initials ("U.S.", "J.") not ending a sentence.
pub fn sentences(text: &str) -> Vec<(u32, u32)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut merge = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.trim_end().len();
        if end == start {
            continue;
        }
        match out.last_mut() {
            Some(last) if merge => last.1 = end,
            _ => out.push((start, end)),
        }
        let (s, e) = out.last().copied().unwrap_or((start, end));
        let following = first_word(&text[start + piece.len()..]);
        merge = ends_with_abbreviation(&text[s..e], following);
    }
    out.into_iter().map(|(s, e)| (s as u32, e as u32)).collect()
}

fn first_word(s: &str) -> &str {
    s.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `sentence` ends with a word after which the sentence bound is not real.
fn ends_with_abbreviation(sentence: &str, following: &str) -> bool {
    if !sentence.ends_with('.') || following.is_empty() {
        return false;
    }
    let last = sentence
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.contains(&last) {
        return true;
    }
    // Initials: one or more "X." groups.
    let groups: Vec<&str> = last.split_inclusive('.').collect();
    let initials = !groups.is_empty() && groups.iter().all(|g| {
        let mut cs = g.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
    });
    if !initials {
        return false;
    }
    if groups.len() == 1 {
        // "J. Smith": a single capital initial is part of a name.
        return last.chars().next().is_some_and(char::is_uppercase);
    }
    // "U.S. officials", "U.S. President …" continue; "… in the U.S. The talks …" ends.
    !STARTERS.contains(&following)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentences(t)
            .into_iter()
            .map(|(s, e)| &t[s as usize..e as usize])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Smith met U.S. President Jones. They talked."),
            vec!["Mr. Smith met U.S. President Jones.", "They talked."]
        );
        assert_eq!(
            sents("He lives in the U.S. The talks end today."),
            vec!["He lives in the U.S.", "The talks end today."]
        );
        assert_eq!(
            sents("J. Smith spoke. Dr. Ng left."),
            vec!["J. Smith spoke.", "Dr. Ng left."]
        );
    }

    #[test]
    fn wrap_respects_width_and_graphemes() {
        let t = "one two three four five";
        let lines = wrap(t, 9);
        let parts: Vec<&str> = lines
            .iter()
            .map(|&(s, e)| &t[s as usize..e as usize])
            .collect();
        assert_eq!(parts, vec!["one two", "three", "four five"]);
        let cjk = "日本語のテキスト";
        for &(s, e) in &wrap(cjk, 5) {
            assert!(width(&cjk[s as usize..e as usize]) <= 5);
        }
        assert_eq!(wrap("", 10), vec![(0, 0)]);
        // width 1 with wide characters still makes progress and never splits a char.
        let l = wrap("日本", 1);
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(display("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(
            display("x\u{9b}y\u{202e}z\u{7}"),
            "x\u{fffd}y\u{fffd}z\u{2407}"
        );
        assert_eq!(width("\u{1b}"), 1);
    }
}
