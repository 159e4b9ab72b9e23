//! Incremental search: matches of the query in the visible blocks (case-insensitive for ASCII
//! unless the query has a capital letter), the current match and the "3/17" counter.
//! Typing a character only re-checks the places where the shorter query occurred, and
//! Backspace takes back the previous result, so a keypress does not rescan a long article.

use super::doc::Doc;
use super::Hit;
use aho_corasick::{AhoCorasick, MatchKind};

/// A search: its query, matches in reading order, and which one is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Matches shown: leftmost, not overlapping, in reading order.
    pub matches: Vec<Hit>,
    pub current: Option<usize>,
    /// Block the search started from: the first match at or after it becomes current.
    origin: usize,
    /// Every occurrence of the query, overlapping ones included (a longer query can only
    /// occur where this one does).
    occurrences: Vec<Hit>,
    /// `occurrences` of the shorter queries typed before, for Backspace.
    history: Vec<Vec<Hit>>,
}

/// Whether the query matches ASCII letters in any case (it has no capital letter).
fn smart_case(query: &str) -> bool {
    !query.chars().any(char::is_uppercase)
}

impl Search {
    pub fn new(origin: usize) -> Search {
        Search {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            origin,
            occurrences: Vec::new(),
            history: Vec::new(),
        }
    }

    /// Recompute the matches for the current query over `visible` blocks (all when `None`).
    pub fn refresh(&mut self, doc: &Doc, visible: Option<&[usize]>) {
        self.history.clear();
        self.occurrences.clear();
        if !self.query.is_empty() {
            if let Ok(ac) = AhoCorasick::builder()
                .ascii_case_insensitive(smart_case(&self.query))
                .match_kind(MatchKind::Standard)
                .build([self.query.as_str()])
            {
                let mut scan = |bi: usize| {
                    for m in ac.find_overlapping_iter(doc.blocks[bi].text.as_str()) {
                        self.occurrences.push(Hit {
                            block: bi,
                            start: m.start() as u32,
                            end: m.end() as u32,
                        });
                    }
                };
                match visible {
                    Some(v) => v.iter().for_each(|&b| scan(b)),
                    None => (0..doc.blocks.len()).for_each(scan),
                }
            }
        }
        self.show();
    }

    /// Add `c` to the query: only the places where the query occurred are checked again.
    pub fn push(&mut self, c: char, doc: &Doc, visible: Option<&[usize]>) {
        if self.query.is_empty() {
            self.query.push(c);
            return self.refresh(doc, visible);
        }
        self.query.push(c);
        let (q, fold) = (self.query.as_bytes(), smart_case(&self.query));
        let longer: Vec<Hit> = self
            .occurrences
            .iter()
            .filter_map(|h| {
                let text = doc.blocks.get(h.block)?.text.as_bytes();
                let start = h.start as usize;
                let found = text.get(start..start + q.len())?;
                let same = if fold {
                    found.eq_ignore_ascii_case(q)
                } else {
                    found == q
                };
                same.then_some(Hit {
                    block: h.block,
                    start: h.start,
                    end: (start + q.len()) as u32,
                })
            })
            .collect();
        self.history
            .push(std::mem::replace(&mut self.occurrences, longer));
        self.show();
    }

    /// Take the query's last character back (the shorter query's result is kept).
    pub fn pop(&mut self, doc: &Doc, visible: Option<&[usize]>) {
        if self.query.pop().is_none() {
            return;
        }
        match self.history.pop() {
            Some(occurrences) => {
                self.occurrences = occurrences;
                self.show();
            }
            None => self.refresh(doc, visible),
        }
    }

    /// `matches` from `occurrences`: the leftmost ones that do not overlap, as a forward
    /// search finds them; the first at or after `origin` becomes current.
    fn show(&mut self) {
        self.matches.clear();
        self.current = None;
        for &h in &self.occurrences {
            let clear = self
                .matches
                .last()
                .is_none_or(|l| l.block != h.block || l.end <= h.start);
            if clear {
                self.matches.push(h);
            }
        }
        if !self.matches.is_empty() {
            let i = self.matches.partition_point(|h| h.block < self.origin);
            self.current = Some(if i < self.matches.len() { i } else { 0 });
        }
    }

    pub fn current_hit(&self) -> Option<Hit> {
        self.matches.get(self.current?).copied()
    }

    /// Move to the next (or previous) match, wrapping; returns it and whether it wrapped.
    pub fn step(&mut self, forward: bool) -> Option<(Hit, bool)> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let (i, wrapped) = match (self.current, forward) {
            (None, _) => (0, false),
            (Some(c), true) if c + 1 >= n => (0, true),
            (Some(c), true) => (c + 1, false),
            (Some(0), false) => (n - 1, true),
            (Some(c), false) => (c - 1, false),
        };
        self.current = Some(i);
        Some((self.matches[i], wrapped))
    }

    /// "3/17", or "0/0" without matches.
    pub fn counter(&self) -> String {
        match self.current {
            Some(c) => format!("{}/{}", c + 1, self.matches.len()),
            None => format!("0/{}", self.matches.len()),
        }
    }

    /// Matches in block `b`, in order.
    pub fn in_block(&self, b: usize) -> &[Hit] {
        let lo = self.matches.partition_point(|h| h.block < b);
        let hi = self.matches.partition_point(|h| h.block <= b);
        &self.matches[lo..hi]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Paragraph, Section};
    use proptest::prelude::*;

    fn doc(paragraphs: &[String]) -> Doc {
        Doc::flatten(&Article {
            title: "T".into(),
            sections: vec![Section {
                heading: None,
                paragraphs: paragraphs
                    .iter()
                    .map(|p| Paragraph::new(p.as_str()))
                    .collect(),
            }],
            ..Article::default()
        })
    }

    /// What a search shows, found the slow way: leftmost matches, not overlapping.
    fn brute_force(d: &Doc, query: &str, visible: Option<&[usize]>) -> Vec<Hit> {
        let (q, fold) = (query.as_bytes(), smart_case(query));
        let mut out = Vec::new();
        let all: Vec<usize> = (0..d.blocks.len()).collect();
        for &b in visible.unwrap_or(&all) {
            let t = d.blocks[b].text.as_bytes();
            let mut i = 0;
            while !q.is_empty() && i + q.len() <= t.len() {
                let w = &t[i..i + q.len()];
                if (fold && w.eq_ignore_ascii_case(q)) || w == q {
                    out.push(Hit {
                        block: b,
                        start: i as u32,
                        end: (i + q.len()) as u32,
                    });
                    i += q.len();
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    #[test]
    fn a_longer_query_can_start_where_the_shorter_one_overlapped() {
        // "aa" is found at 0 (then the scan goes on from 2); "aab" starts at 1.
        let d = doc(&["aaab".into()]);
        let mut s = Search::new(0);
        s.query = "aa".into();
        s.refresh(&d, None);
        assert_eq!(s.matches.len(), 1);
        s.push('b', &d, None);
        assert_eq!(s.matches.len(), 1);
        assert_eq!((s.matches[0].start, s.matches[0].end), (1, 4));
    }

    proptest! {
        /// Typing and erasing characters gives what searching the query afresh gives, and both
        /// agree with a brute-force scan.
        #[test]
        fn typing_and_backspace_match_a_fresh_search(
            paragraphs in prop::collection::vec("[abAB é]{0,40}", 1..5),
            keys in prop::collection::vec(
                (0..3u8, prop::sample::select(vec!['a', 'b', 'A', 'B', ' ', 'é'])),
                0..12,
            ),
            visible_mask in prop::collection::vec(any::<bool>(), 6),
        ) {
            let d = doc(&paragraphs);
            let visible: Vec<usize> = (0..d.blocks.len()).filter(|&b| visible_mask[b % 6]).collect();
            for vis in [None, Some(visible.as_slice())] {
                let mut s = Search::new(1);
                for &(op, c) in &keys {
                    // Type, erase, or search again as a filter change does.
                    match op {
                        0 => s.push(c, &d, vis),
                        1 => s.pop(&d, vis),
                        _ => s.refresh(&d, vis),
                    }
                    prop_assert_eq!(&s.matches, &brute_force(&d, &s.query, vis));
                    let mut fresh = Search::new(1);
                    fresh.query = s.query.clone();
                    fresh.refresh(&d, vis);
                    prop_assert_eq!(&s.matches, &fresh.matches);
                    prop_assert_eq!(s.current, fresh.current);
                }
            }
        }
    }
}
