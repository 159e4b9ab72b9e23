//! Anchoring highlights to article text, after the W3C Web Annotation selectors: a
//! TextQuoteSelector (the quote with ~32 characters of prefix and suffix) and a
//! TextPositionSelector (paragraph index and byte offset). When the article text changed, a
//! highlight is found again: at its old position if the quote is still there; else the exact quote
//! whose context matches best (then nearest the old position); else a fuzzy match that tolerates
//! small edits inside the quote. What cannot be found is reported as orphaned by the caller.
//!
//! The "document text" is all section paragraphs in reading order joined by `"\n\n"`; a quote that
//! spans paragraphs contains those separators.

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// Characters of context kept before and after a quote.
pub const CONTEXT_CHARS: usize = 32;

/// A place in the article: paragraph index over all section paragraphs in reading order, and a
/// UTF-8 byte offset into that paragraph's text (the convention of `Mention`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextPosition {
    pub paragraph: usize,
    pub offset: usize,
}

impl TextPosition {
    pub fn new(paragraph: usize, offset: usize) -> Self {
        TextPosition { paragraph, offset }
    }
}

/// The paragraphs of an article as one string, with each paragraph's start offset.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    pub text: String,
    starts: Vec<usize>,
    lens: Vec<usize>,
}

/// Separator between paragraphs in the document text and in multi-paragraph quotes.
pub const PARAGRAPH_SEP: &str = "\n\n";

impl DocText {
    pub fn new(article: &Article) -> Self {
        let mut d = DocText::default();
        for (i, p) in article.paragraphs().enumerate() {
            if i > 0 {
                d.text.push_str(PARAGRAPH_SEP);
            }
            d.starts.push(d.text.len());
            d.lens.push(p.text.len());
            d.text.push_str(&p.text);
        }
        d
    }

    pub fn paragraph_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte length of paragraph `p` (0 if there is no such paragraph).
    pub fn paragraph_len(&self, p: usize) -> usize {
        self.lens.get(p).copied().unwrap_or(0)
    }

    /// Global byte offset of a position, if it exists and lies on a character boundary.
    pub fn to_global(&self, p: TextPosition) -> Option<usize> {
        let start = *self.starts.get(p.paragraph)?;
        if p.offset > self.lens[p.paragraph] {
            return None;
        }
        let g = start + p.offset;
        self.text.is_char_boundary(g).then_some(g)
    }

    /// Like `to_global` but clamps a position that no longer exists to the nearest place.
    fn to_global_clamped(&self, p: TextPosition) -> usize {
        let mut g = match self.starts.get(p.paragraph) {
            Some(&s) => s + p.offset.min(self.lens[p.paragraph]),
            None => self.text.len(),
        };
        while !self.text.is_char_boundary(g) {
            g -= 1;
        }
        g
    }

    /// The paragraph holding global offset `g`, taking a separator as the start of the next one.
    fn start_pos(&self, g: usize) -> TextPosition {
        let i = self.starts.partition_point(|&s| s <= g).saturating_sub(1);
        match self.starts.get(i) {
            Some(&s) if g < s + self.lens[i] => TextPosition::new(i, g - s),
            Some(_) if i + 1 < self.starts.len() => TextPosition::new(i + 1, 0),
            Some(&s) => TextPosition::new(i, self.lens[i].min(g - s)),
            None => TextPosition::new(0, 0),
        }
    }

    /// The paragraph holding global offset `g` as an exclusive end: a separator ends the previous.
    fn end_pos(&self, g: usize) -> TextPosition {
        let i = self.starts.partition_point(|&s| s < g).saturating_sub(1);
        match self.starts.get(i) {
            Some(&s) if g >= s => TextPosition::new(i, (g - s).min(self.lens[i])),
            _ => TextPosition::new(0, 0),
        }
    }

    /// The text between two positions (paragraphs joined by `"\n\n"`), if the range is valid.
    pub fn slice(&self, start: TextPosition, end: TextPosition) -> Option<&str> {
        let (a, b) = (self.to_global(start)?, self.to_global(end)?);
        (a < b).then(|| &self.text[a..b])
    }

    /// Up to `CONTEXT_CHARS` characters before global offset `g`.
    pub fn prefix_at(&self, g: usize) -> String {
        let before = &self.text[..g];
        let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
        before.chars().skip(skip).collect()
    }

    /// Up to `CONTEXT_CHARS` characters after global offset `g`.
    pub fn suffix_at(&self, g: usize) -> String {
        self.text[g..].chars().take(CONTEXT_CHARS).collect()
    }

    /// Code-point offset of a global byte offset (what W3C TextPositionSelector counts).
    pub fn char_offset(&self, g: usize) -> usize {
        self.text[..g.min(self.text.len())].chars().count()
    }
}

/// What a highlight stores to be found again.
#[derive(Debug, Clone, Copy)]
pub struct Selector<'a> {
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    pub start: TextPosition,
}

/// How a highlight was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Quote still at its position.
    Position,
    /// Quote found verbatim elsewhere.
    Exact,
    /// Text close to the quote found (small edits inside it).
    Fuzzy,
}

/// Most text × quote character pairs the fuzzy search compares for one highlight (it runs once
/// per highlight not found verbatim, per open). A longer text is searched only in a window
/// around the old position.
const FUZZY_BUDGET: usize = 50_000_000;

/// Find the quote in `doc`; returns its (start, end) positions, or `None` if it is lost.
pub fn locate(doc: &DocText, sel: &Selector) -> Option<(TextPosition, TextPosition, Found)> {
    if sel.quote.is_empty() {
        return None;
    }
    let text = doc.text.as_str();
    // 1. Still where it was, in the same context.
    if let Some(g) = doc.to_global(sel.start) {
        if text[g..].starts_with(sel.quote)
            && text[..g].ends_with(sel.prefix)
            && text[g + sel.quote.len()..].starts_with(sel.suffix)
        {
            return Some((
                doc.start_pos(g),
                doc.end_pos(g + sel.quote.len()),
                Found::Position,
            ));
        }
    }
    let old = doc.to_global_clamped(sel.start);
    // 2. The exact quote with the best context, then nearest the old position.
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, offset)
    let mut from = 0;
    while let Some(i) = text[from..].find(sel.quote) {
        let g = from + i;
        let score = common_suffix(&text[..g], sel.prefix)
            + common_prefix(&text[g + sel.quote.len()..], sel.suffix);
        let dist = g.abs_diff(old);
        if best.is_none_or(|(s, d, _)| score > s || (score == s && dist < d)) {
            best = Some((score, dist, g));
        }
        from = g + text[g..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some((_, _, g)) = best {
        return Some((
            doc.start_pos(g),
            doc.end_pos(g + sel.quote.len()),
            Found::Exact,
        ));
    }
    // 3. Fuzzy.
    let (lo, hi) = fuzzy_window(text, sel.quote.chars().count(), old);
    let (a, b) = fuzzy(&text[lo..hi], sel, old.saturating_sub(lo))?;
    let (a, b) = (a + lo, b + lo);
    let (start, end) = (doc.start_pos(a), doc.end_pos(b));
    let (ga, gb) = (doc.to_global(start)?, doc.to_global(end)?);
    (ga < gb).then_some((start, end, Found::Fuzzy))
}

/// Characters in common at the end of `a` and the end of `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Characters in common at the start of `a` and `b`.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Edits allowed for a fuzzy match of a quote of `m` characters: one in five, at least one.
fn max_edits(m: usize) -> usize {
    (m / 5).max(1)
}

/// The byte range of `text` the fuzzy search covers: all of it, or, when text × quote is over
/// the budget, a window of `FUZZY_BUDGET / quote_chars` characters centred on byte offset `near`.
fn fuzzy_window(text: &str, quote_chars: usize, near: usize) -> (usize, usize) {
    let width = FUZZY_BUDGET / quote_chars.max(1);
    let mut near = near.min(text.len());
    while !text.is_char_boundary(near) {
        near -= 1;
    }
    let before = text[..near].chars().count();
    let total = before + text[near..].chars().count();
    if total <= width {
        return (0, text.len());
    }
    let first = before.saturating_sub(width / 2).min(total - width);
    let mut idx = text.char_indices().map(|(i, _)| i).skip(first);
    let lo = idx.next().unwrap_or(text.len());
    let hi = idx.nth(width.saturating_sub(1)).unwrap_or(text.len());
    (lo, hi)
}

/// Characters of context compared when choosing where a fuzzy match starts and ends.
const FUZZY_CONTEXT: usize = 16;

/// Levenshtein distance between two short character slices.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Approximate substring search (Sellers' algorithm): the byte range in `text` within at most
/// `max_edits` of `quote`. Candidate ends and starts are ranked by edits plus how far the text
/// around them differs from the stored context (so "until at least Friday" is preferred over
/// "until at least" for the quote "until Friday"), then by nearness to byte offset `near`.
fn fuzzy(text: &str, sel: &Selector, near: usize) -> Option<(usize, usize)> {
    let t: Vec<(usize, char)> = text.char_indices().collect();
    let tc: Vec<char> = t.iter().map(|&(_, c)| c).collect();
    let p: Vec<char> = sel.quote.chars().collect();
    let (n, m) = (t.len(), p.len());
    if m == 0 || n == 0 {
        return None;
    }
    let k = max_edits(m);
    let byte_at = |i: usize| t.get(i).map_or(text.len(), |&(b, _)| b);
    let suffix: Vec<char> = sel.suffix.chars().take(FUZZY_CONTEXT).collect();
    let prefix: Vec<char> = {
        let all: Vec<char> = sel.prefix.chars().collect();
        all[all.len().saturating_sub(FUZZY_CONTEXT)..].to_vec()
    };
    // A quote within one paragraph is never matched across a paragraph break.
    let one_paragraph = !sel.quote.contains('\n');
    // Forward pass: edit distance of the quote ending at each text position, with Ukkonen's
    // cut-off: rows past the last one within `k` edits are not computed (values capped at k+1).
    let cap = k + 1;
    let mut prev: Vec<usize> = (0..=m).map(|i| i.min(cap)).collect();
    let mut cur = vec![cap; m + 1];
    let mut top = k.min(m); // last row of `prev` within k edits
    let mut best: Option<(usize, usize, usize)> = None; // (cost, distance to near, end char idx)
    for (j, &c) in tc.iter().enumerate() {
        if one_paragraph && c == '\n' {
            prev.iter_mut()
                .enumerate()
                .for_each(|(i, v)| *v = i.min(cap));
            top = k.min(m);
            continue;
        }
        cur[0] = 0;
        let upto = (top + 1).min(m);
        for i in 1..=upto {
            let sub = prev[i - 1] + usize::from(p[i - 1] != c);
            cur[i] = sub.min(prev[i] + 1).min(cur[i - 1] + 1).min(cap);
        }
        if upto < m {
            cur[upto + 1] = cap;
        }
        top = upto;
        while top > 0 && cur[top] > k {
            top -= 1;
        }
        if upto == m && cur[m] <= k {
            let end = j + 1;
            let after = &tc[end..(end + suffix.len()).min(n)];
            let cost = cur[m] + edit_distance(after, &suffix);
            let gap = byte_at(end.saturating_sub(m)).abs_diff(near);
            if best.is_none_or(|(bc, bg, _)| cost < bc || (cost == bc && gap < bg)) {
                best = Some((cost, gap, end));
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (_, _, end) = best?;
    // Backward pass from that end with the reversed quote to find where the match starts.
    let lo = end.saturating_sub(m + k);
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    let mut start: Option<(usize, usize, usize)> = None; // (cost, |len - m|, start char idx)
    for j in (lo..end).rev() {
        let c = tc[j];
        if one_paragraph && c == '\n' {
            break;
        }
        cur[0] = 0;
        for i in 1..=m {
            let sub = prev[i - 1] + usize::from(p[m - i] != c);
            cur[i] = sub.min(prev[i] + 1).min(cur[i - 1] + 1);
        }
        if cur[m] <= k {
            let before = &tc[j.saturating_sub(prefix.len())..j];
            let cost = cur[m] + edit_distance(before, &prefix);
            let len_gap = (end - j).abs_diff(m);
            if start.is_none_or(|(bc, bg, _)| cost < bc || (cost == bc && len_gap < bg)) {
                start = Some((cost, len_gap, j));
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (_, _, s) = start?;
    Some((byte_at(s), byte_at(end)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Paragraph, Section};

    fn doc(paras: &[&str]) -> DocText {
        DocText::new(&Article {
            sections: vec![Section {
                heading: None,
                paragraphs: paras.iter().map(|p| Paragraph::new(*p)).collect(),
            }],
            ..Article::default()
        })
    }

    #[test]
    fn positions_round_trip_and_separators_snap() {
        let d = doc(&["Alpha beta.", "Gamma délta."]);
        assert_eq!(d.to_global(TextPosition::new(1, 0)), Some(13));
        assert_eq!(d.to_global(TextPosition::new(1, 8)), None); // inside 'é'
        assert_eq!(d.to_global(TextPosition::new(2, 0)), None);
        assert_eq!(d.start_pos(11), TextPosition::new(1, 0)); // separator → next paragraph
        assert_eq!(d.end_pos(12), TextPosition::new(0, 11)); // separator → end of previous
        assert_eq!(d.end_pos(13), TextPosition::new(0, 11));
        assert_eq!(
            d.slice(TextPosition::new(0, 6), TextPosition::new(1, 5)),
            Some("beta.\n\nGamma")
        );
    }

    #[test]
    fn fuzzy_window_covers_small_texts_and_centres_on_big_ones() {
        assert_eq!(fuzzy_window("short text", 5, 3), (0, 10));
        let big = "é".repeat(FUZZY_BUDGET / 1000 * 3); // 2 bytes per char
        let width = FUZZY_BUDGET / 1000;
        let (lo, hi) = fuzzy_window(&big, 1000, big.len() / 2);
        assert_eq!((hi - lo) / 2, width);
        assert_eq!(lo / 2, width * 3 / 2 - width / 2);
        let (lo, hi) = fuzzy_window(&big, 1000, 0);
        assert_eq!((lo, hi / 2), (0, width));
        let (lo, hi) = fuzzy_window(&big, 1000, big.len());
        assert_eq!((lo / 2, hi), (width * 2, big.len()));
    }

    #[test]
    fn context_beats_position_for_repeated_quotes() {
        let old = doc(&["Alpha one. Same words here.", "Beta two. Same words here."]);
        let start = TextPosition::new(1, 10);
        let (ga, gb) = (
            old.to_global(start).unwrap(),
            old.to_global(TextPosition::new(1, 26)).unwrap(),
        );
        let (prefix, suffix) = (old.prefix_at(ga), old.suffix_at(gb));
        let sel = Selector {
            quote: "Same words here.",
            prefix: &prefix,
            suffix: &suffix,
            start,
        };
        assert_eq!(
            locate(&old, &sel).map(|r| (r.0, r.2)),
            Some((start, Found::Position))
        );
        // The first paragraph was removed and another added: the old position now holds the
        // same words in another paragraph; the context says where the highlight went.
        let new = doc(&["Beta two. Same words here.", "Gamma 3.. Same words here."]);
        let (s, e, how) = locate(&new, &sel).unwrap();
        assert_eq!(
            (s, e, how),
            (
                TextPosition::new(0, 10),
                TextPosition::new(0, 26),
                Found::Exact
            )
        );
    }

    #[test]
    fn fuzzy_finds_edited_quote_and_rejects_unrelated_text() {
        let text = "Intro words here. The minister said the talks would resume on Monday. End.";
        let sel = |quote| Selector {
            quote,
            prefix: "Intro words here. ",
            suffix: " End.",
            start: TextPosition::new(0, 0),
        };
        let quote = "The minister said that the talks will resume on Monday.";
        let (a, b) = fuzzy(text, &sel(quote), 0).expect("found");
        assert_eq!(
            &text[a..b],
            "The minister said the talks would resume on Monday."
        );
        assert_eq!(
            fuzzy(text, &sel("Completely different sentence here."), 0),
            None
        );
        // Context decides where an insertion near the end belongs.
        let text =
            "All schools in the valley will remain closed until at least Friday, the office said.";
        let sel = Selector {
            quote: "All schools in the valley will remain closed until Friday",
            prefix: "",
            suffix: ", the office said.",
            start: TextPosition::new(0, 0),
        };
        let (a, b) = fuzzy(text, &sel, 0).expect("found");
        assert_eq!(
            &text[a..b],
            "All schools in the valley will remain closed until at least Friday"
        );
    }
}
