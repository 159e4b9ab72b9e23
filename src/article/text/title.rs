//! The headline, deck and byline of a plain-text page: headline-like lines shortly before the
//! main body are scored by title case, repetition on the page, a byline or date next to them,
//! the body's words in them, interface-text and site-name looks, and closeness to the body;
//! the deck is the short line under the headline, the byline the credit line near it.

use super::{ends_sentence, is_byline, is_dateline, lists, Unit, UnitStats};
use crate::article::boilerplate::{self, Class};
use crate::article::phrases;
use crate::article::vocab::Vocab;

/// Whether a lower-cased line reads as page furniture rather than a headline: a
/// [`phrases::NOT_TITLE`] phrase at the start of a word ("Sign in", "Cookies"), "share" as its first
/// word ("Share this", but "Shareholders With Little Say" and "Shares fall" are headlines), or
/// a dangling "by".
pub(super) fn not_title(lower: &str) -> bool {
    phrases::at_word_start(lower, phrases::NOT_TITLE)
        || phrases::first_word_in(lower, &["share"])
        || lower.ends_with(" by")
}

/// Whether a lower-cased line reads as interface text: an [`phrases::INTERFACE`] phrase at the
/// start of a word, or an [`phrases::INTERFACE_START`] word first.
fn interface_text(lower: &str) -> bool {
    phrases::at_word_start(lower, phrases::INTERFACE)
        || phrases::first_word_in(lower, phrases::INTERFACE_START)
}

/// Whether a line holds more than one sentence: a deck or a paragraph, not a headline.
fn sentences(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, ". ").any(|i| {
        // The word before the full stop is no initial or abbreviation ("J. Smith", "St. Louis").
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        word.chars().count() > 3 && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
    })
}

/// The headline: among headline-like units shortly before the main body, the one that is
/// best supported by title case, repetition on the page, a byline or date next to it, and
/// closeness to the body.
pub(super) fn find_title(
    units: &[Unit],
    stats: &UnitStats,
    initial: &[Class],
    body: usize,
    distance: f32,
    vocab: (&Vocab, usize),
) -> Option<usize> {
    title_candidates(units, stats, initial, body, distance, vocab)
        .into_iter()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}

/// Weight of the share of capitalised words in a title candidate's score.
const TITLE_CASE: f32 = 1.0;
/// Weight of the share of a title candidate's content words that the body has.
const TITLE_OVERLAP: f32 = 2.0;
/// Score lost by a title candidate that reads as interface text.
const TITLE_INTERFACE: f32 = 2.0;
/// Units of distance that a unit of page furniture between a title candidate and the body
/// counts.
const FURNITURE_DISTANCE: f32 = 0.5;
/// Score lost by a title candidate that reads as the site's name.
const TITLE_SITE: f32 = 2.0;
/// Score lost by a title candidate of more than one sentence.
const TITLE_SENTENCES: f32 = 1.5;

/// The vocabulary of the good units of the body.
pub(super) fn body_vocab(units: &[Unit], cls: &[Class], body: (usize, usize)) -> Vocab {
    let end = units.len().min(body.1 + 1);
    Vocab::of(
        (body.0.min(end)..end)
            .filter(|&i| cls[i] == Class::Good)
            .map(|i| (i, &*units[i].text)),
    )
}

/// Scored title candidates (score, unit index).
pub(super) fn title_candidates(
    units: &[Unit],
    stats: &UnitStats,
    initial: &[Class],
    body: usize,
    distance: f32,
    (vocab, lang): (&Vocab, usize),
) -> Vec<(f32, usize)> {
    const WINDOW: usize = 60;
    const REPEAT_WINDOW: usize = 400;
    let lo = body.saturating_sub(WINDOW);
    let hi = (body + 1).min(units.len());
    // Units between each candidate and the body: labels, buttons and other page furniture
    // count half a unit of text (in the fallback, which measures from the start,
    // every unit counts in full).
    let mut between = vec![0.0f32; hi - lo];
    let mut n = 0.0;
    for i in (lo..hi).rev() {
        between[i - lo] = n;
        let u = &units[i];
        let text = distance < 0.0
            || (stats.wlen(i) >= 20 && !boilerplate::furniture_flags(&u.text, u.flags));
        n += if text { 1.0 } else { FURNITURE_DISTANCE };
    }
    let mut out = Vec::new();
    for i in lo..hi {
        let u = &units[i];
        let s = &stats.get(i);
        if i == body && initial[i] == Class::Good {
            continue;
        }
        if u.list
            || boilerplate::is_furniture(&u.text)
            || is_byline(&u.text)
            || is_dateline(&u.text)
        {
            continue;
        }
        let cjk_heavy = s.cjk * 2 > s.wlen / 3;
        let lettered = u
            .text
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        if (cjk_heavy && s.cjk < 6) || (!cjk_heavy && lettered < 3) || s.words > 40 || s.wlen > 300
        {
            continue;
        }
        let t = u.text.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
        if t.ends_with(['.', ':', ',', ';', '。'])
            || u.text.starts_with(['—', '–', '-', '|', '>', '<'])
        {
            continue;
        }
        let lower = u.text.to_lowercase();
        if not_title(&lower) {
            continue;
        }
        let mut score = 0.0f32;
        if s.cased >= 3 {
            score += TITLE_CASE * s.capitalised as f32 / s.cased as f32;
        } else {
            score += 1.0;
        }
        let rlo = i.saturating_sub(REPEAT_WINDOW);
        let rhi = units.len().min(i + REPEAT_WINDOW);
        // Other lines holding it: the page's title line, a caption, a teaser. A name that a
        // copyright line holds, or a few words standing alone four times, is the site's.
        let (mut repeated, mut copies, mut copyright) = (false, 1, false);
        for (j, o) in units.iter().enumerate().take(rhi).skip(rlo) {
            let o = &o.text;
            let holds = j != i
                && o.len() >= u.text.len()
                && o.len() <= u.text.len() * 4
                && (o.contains(&*u.text)
                    || (o.len() <= u.text.len() * 2 && o.to_lowercase().contains(&lower)));
            if holds {
                repeated = true;
                copies += usize::from(o.len() == u.text.len());
                copyright |= o.contains('©') || o.to_lowercase().contains("copyright");
            }
        }
        if repeated {
            score += 1.0;
        }
        if s.words <= 5 && (copyright || copies >= 4) {
            score -= TITLE_SITE;
        }
        let near = units[i.saturating_sub(3)..units.len().min(i + 5)]
            .iter()
            .any(|o| is_byline(&o.text) || is_dateline(&o.text));
        if near {
            score += 1.5;
        }
        if (5..=25).contains(&s.words) || (cjk_heavy && s.cjk >= 10) {
            score += 0.5;
        }
        if interface_text(&lower) {
            score -= TITLE_INTERFACE;
        }
        if sentences(&u.text) {
            score -= TITLE_SENTENCES;
        }
        // The body's words in it (a few words are weak evidence).
        if let Some((share, n)) = vocab.overlap(i, &u.text, lang) {
            score += TITLE_OVERLAP * share * n.min(3) as f32 / 3.0;
        }
        score -= distance * between[i - lo];
        out.push((score, i));
    }
    out
}

/// A deck: the unit right under the title, when it is short and not the body's first
/// paragraph (it does not read as a finished sentence, or a byline or date follows it).
pub(super) fn find_deck(
    units: &[Unit],
    stats: &UnitStats,
    initial: &[Class],
    title: usize,
) -> Option<usize> {
    let d = title + 1;
    let u = units.get(d)?;
    let s = &stats.get(d);
    if u.list
        || boilerplate::is_furniture(&u.text)
        || is_byline(&u.text)
        || is_dateline(&u.text)
        || s.words < 3
        || s.words > 30
        || s.wlen > 200
        || initial[d] == Class::Good
        || (initial[d] == Class::NearGood && s.wlen > 120)
    {
        return None;
    }
    // The first row of a table or list is no deck.
    if lists::starts_run(units.iter().skip(d).map(|u| &*u.text)) {
        return None;
    }
    let dated = units[d + 1..units.len().min(d + 3)]
        .iter()
        .any(|o| is_byline(&o.text) || is_dateline(&o.text));
    if !ends_sentence(&u.text) || dated {
        Some(d)
    } else {
        None
    }
}

/// A byline near the title (a few units before it up to the body start).
pub(super) fn find_byline(units: &[Unit], anchor: usize, body: usize) -> Option<usize> {
    let lo = anchor.saturating_sub(3);
    let hi = units.len().min(anchor.max(body) + 2).min(anchor + 8);
    (lo..hi).find(|&i| is_byline(&units[i].text))
}
