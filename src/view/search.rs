//! Incremental search: matches of the query in the visible blocks (case-insensitive for ASCII
//! unless the query has a capital letter), the current match and the "3/17" counter.

use super::doc::Doc;
use super::Hit;
use aho_corasick::AhoCorasick;

/// A search: its query, matches in reading order, and which one is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Hit>,
    pub current: Option<usize>,
    /// Block the search started from: the first match at or after it becomes current.
    origin: usize,
}

impl Search {
    pub fn new(origin: usize) -> Search {
        Search {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            origin,
        }
    }

    /// Recompute the matches for the current query over `visible` blocks (all when `None`).
    pub fn refresh(&mut self, doc: &Doc, visible: Option<&[usize]>) {
        self.matches.clear();
        self.current = None;
        if self.query.is_empty() {
            return;
        }
        let smart_case = !self.query.chars().any(char::is_uppercase);
        let Ok(ac) = AhoCorasick::builder()
            .ascii_case_insensitive(smart_case)
            .build([self.query.as_str()])
        else {
            return;
        };
        let mut scan = |bi: usize| {
            for m in ac.find_iter(doc.blocks[bi].text.as_str()) {
                self.matches.push(Hit {
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
