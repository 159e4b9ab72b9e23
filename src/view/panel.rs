//! The actor panel's content: rows (headers, actors, their mention strips) and the strip that
//! shows where in the article an actor's mentions fall.

use super::doc::Doc;
use crate::tag::{Actor, ActorKind};

/// One row of the actor panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRow {
    /// "People" or "Countries", with how many.
    Header(ActorKind, usize),
    /// An actor's name and mention count.
    Actor(usize),
    /// The actor's mention strip.
    Strip(usize),
    Blank,
}

/// The panel's rows: people, then countries (the tagger's order), two rows per actor.
pub fn rows(doc: &Doc) -> Vec<PanelRow> {
    let mut rows = Vec::new();
    for kind in [ActorKind::Person, ActorKind::Country] {
        let ids: Vec<usize> = (0..doc.actors.len())
            .filter(|&i| doc.actors[i].kind == kind)
            .collect();
        if ids.is_empty() {
            continue;
        }
        if !rows.is_empty() {
            rows.push(PanelRow::Blank);
        }
        rows.push(PanelRow::Header(kind, ids.len()));
        for i in ids {
            rows.push(PanelRow::Actor(i));
            rows.push(PanelRow::Strip(i));
        }
    }
    rows
}

/// Actor ids in panel order (people then countries).
pub fn order(doc: &Doc) -> Vec<usize> {
    rows(doc)
        .into_iter()
        .filter_map(|r| match r {
            PanelRow::Actor(i) => Some(i),
            _ => None,
        })
        .collect()
}

/// Levels of the strip, from "no mention here" to "most mentions".
pub const STRIP_LEVELS: [char; 5] = ['·', '▂', '▄', '▆', '█'];

/// A `width`-cell strip: cell i covers an equal share of the article's paragraphs (a short
/// article's paragraph spans several cells) and shows how many of the actor's mentions fall
/// there, relative to the busiest cell.
pub fn strip(actor: &Actor, paragraphs: usize, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let n = paragraphs.max(1);
    let mut per_para = vec![0usize; n];
    for m in &actor.mentions {
        per_para[m.paragraph.min(n - 1)] += 1;
    }
    // Cell c covers paragraphs [c·n/w, (c+1)·n/w), at least one.
    let counts: Vec<usize> = (0..width)
        .map(|c| {
            let lo = (c * n / width).min(n - 1);
            let hi = ((c + 1) * n / width).max(lo + 1).min(n);
            per_para[lo..hi].iter().sum()
        })
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&c| {
            if c == 0 {
                STRIP_LEVELS[0]
            } else {
                STRIP_LEVELS[1 + ((c * 4 - 1) / max).min(3)]
            }
        })
        .collect()
}
