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

/// A `width`-cell strip: cell i covers an equal share of the article's paragraphs and shows
/// how many of the actor's mentions fall there, relative to the busiest cell.
pub fn strip(actor: &Actor, paragraphs: usize, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let paragraphs = paragraphs.max(1);
    let mut counts = vec![0usize; width];
    for m in &actor.mentions {
        let cell = (m.paragraph.min(paragraphs - 1) * width) / paragraphs;
        counts[cell.min(width - 1)] += 1;
    }
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
