//! Plain-text articles as copied from a web page: title, deck, byline, headings, paragraphs.
//!
//! 1. **Segment** the text into units: blank-line separated blocks, split into one unit per
//!    line unless the block is hard-wrapped (60–80 column prose is joined back), list markers
//!    (`•`, `-`, `*`, …) stripped and remembered.
//! 2. **Classify** each unit as article text or boilerplate ([`super::boilerplate`]).
//! 3. Find the **main body** (the largest run of article text), then the **title** among the
//!    headline-like lines before it, a **deck** right under the title, a **byline** near it
//!    ([`title`]).
//! 4. Emit the kept units as paragraphs; a short unit that introduces paragraphs and does not
//!    read like a sentence becomes a section **heading**.

use super::boilerplate::{self, Class, Features};
use super::lang::{self, Stats};
use super::lists;
use super::vocab::Vocab;
#[cfg(test)]
use title::not_title;
use title::{body_vocab, find_byline, find_deck, find_title, title_candidates};

mod title;
use super::{Article, Paragraph, Section};
use std::borrow::Cow;

/// One candidate block of text.
#[derive(Debug, Clone)]
struct Unit<'a> {
    /// Whitespace-normalised text without control characters or list marker: borrowed from
    /// the input when the line was already normalised (the common case).
    text: Cow<'a, str>,
    /// Number of source lines it came from.
    lines: u32,
    /// It was a list item.
    list: bool,
    /// [`boilerplate::byte_flags`] of the text.
    flags: u8,
}

/// The statistics of every unit, compact: a page can have hundreds of thousands of units,
/// and a full [`Stats`] each was the largest allocation of a parse.
#[derive(Debug, Default)]
struct UnitStats {
    counts: Vec<Counts>,
    /// Full stop-word counts of the units with a count above `u8::MAX`, by unit index.
    wide: Vec<(usize, [u32; lang::LANGS.len()])>,
    /// Sums over all units, for the document language.
    totals: [u64; lang::LANGS.len()],
    cjk: u64,
    wlen: u64,
}

/// [`Stats`] of one unit in 48 bytes instead of 108.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    wlen: u32,
    words: u32,
    cjk: u32,
    capitalised: u32,
    cased: u32,
    tokens: u32,
    /// Stop words per language, when all fit a byte (else in `UnitStats::wide`).
    stops: [u8; lang::LANGS.len()],
    wide: bool,
}

impl UnitStats {
    fn push(&mut self, s: &Stats) {
        // (Input is at most 256 MiB: weighted lengths and counts fit 32 bits.)
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let mut c = Counts {
            wlen: n(s.wlen),
            words: n(s.words),
            cjk: n(s.cjk),
            capitalised: n(s.capitalised),
            cased: n(s.cased),
            tokens: n(s.tokens),
            ..Counts::default()
        };
        // (Straight-line loops, without branches: vectorised.)
        let mut over = 0;
        for (l, &k) in s.stops.iter().enumerate() {
            self.totals[l] += u64::from(k);
            c.stops[l] = k as u8;
            over |= k >> 8;
        }
        c.wide = over != 0;
        if c.wide {
            self.wide.push((self.counts.len(), s.stops));
        }
        self.cjk += s.cjk as u64;
        self.wlen += s.wlen as u64;
        self.counts.push(c);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.counts.len()
    }

    fn wlen(&self, i: usize) -> usize {
        self.counts[i].wlen as usize
    }

    /// The statistics of unit `i`.
    fn get(&self, i: usize) -> Stats {
        let c = &self.counts[i];
        let mut stops = c.stops.map(u32::from);
        if c.wide {
            if let Ok(k) = self.wide.binary_search_by_key(&i, |w| w.0) {
                stops = self.wide[k].1;
            }
        }
        Stats {
            wlen: c.wlen as usize,
            words: c.words as usize,
            stops,
            cjk: c.cjk as usize,
            capitalised: c.capitalised as usize,
            cased: c.cased as usize,
            tokens: c.tokens as usize,
        }
    }

    /// The document language ([`lang::pick`] over all units).
    fn lang(&self) -> usize {
        lang::pick_totals(&self.totals, self.cjk, self.wlen)
    }
}

/// Parse a plain-text page into an article.
pub fn parse(text: &str) -> Article {
    let (units, stats, blank_junk) = segment(text);
    if units.is_empty() {
        return Article::default();
    }
    let lang = stats.lang();
    let (initial, furniture) = classes(&units, &stats, lang);
    let mut cls = revised(&units, &stats, &initial, &furniture);
    let mut body = main_body(&units, &stats, &cls);
    let good: usize = (0..units.len())
        .filter(|&i| cls[i] == Class::Good)
        .map(|i| stats.wlen(i))
        .sum();
    let title_at = if good < FALLBACK_BELOW {
        // The classifier found (almost) no prose: results tables, lists of short items. Keep
        // every unit after the headline that is not page furniture.
        // (Lines of a table share their names with each other more than with the headline:
        // the body's words are no evidence here.)
        let vocab = Vocab::default();
        let t = find_title(
            &units,
            &stats,
            &initial,
            units.len().min(FALLBACK_WINDOW),
            FALLBACK_DISTANCE,
            (&vocab, lang),
        );
        cls = furniture
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let f = f.unwrap_or_else(|| unit_furniture(&units[i], stats.get(i).tokens));
                if f {
                    Class::Bad
                } else {
                    Class::Good
                }
            })
            .collect();
        let from = t.map_or(0, |t| t + 1);
        let last = (from..units.len()).rev().find(|&i| cls[i] == Class::Good);
        body = last.map_or((from, from), |l| (from, l));
        t
    } else {
        if let Some(end) = teaser_stream(&units, &cls, body) {
            body.1 = end;
        }
        let vocab = body_vocab(&units, &cls, body);
        find_title(&units, &stats, &initial, body.0, DISTANCE, (&vocab, lang))
    };
    let mut used = vec![false; units.len()];
    let mut article = Article::default();
    let mut first = 0;
    if let Some(t) = title_at {
        article.title = units[t].text.to_string();
        used[t] = true;
        first = t + 1;
        if let Some(d) = find_deck(&units, &stats, &initial, t) {
            article.deck = Some(units[d].text.to_string());
            used[d] = true;
            first = d + 1;
        }
    }
    let anchor = title_at.unwrap_or(body.0);
    if let Some(b) = find_byline(&units, anchor, body.0) {
        article.byline = Some(units[b].text.to_string());
        used[b] = true;
        first = first.max(b + 1);
    }

    let keep: Vec<usize> = (first.min(body.0)..units.len().min(body.1 + 1))
        .filter(|&i| !used[i] && cls[i] == Class::Good)
        .filter(|&i| units[i].text != article.title)
        .collect();
    let mut sections: Vec<Section> = Vec::new();
    let mut last: Option<&str> = None;
    // The last unit tested for looking like a heading, and the answer: each kept unit is
    // tested as the next unit, then as the current one.
    let mut heading: Option<(usize, bool)> = None;
    let mut heading_like = |i: usize| match heading {
        Some((j, h)) if j == i => h,
        _ => {
            let h = is_heading_like(&units[i], &stats.get(i));
            heading = Some((i, h));
            h
        }
    };
    for (k, &i) in keep.iter().enumerate() {
        let u = &units[i];
        // A caption or headline printed twice in a row; three times or more is the text.
        let same = |j: Option<&usize>| j.is_some_and(|&j| units[j].text == u.text);
        let twice = last == Some(&*u.text)
            && !same(keep.get(k + 1))
            && !same(k.checked_sub(2).and_then(|k| keep.get(k)));
        if twice {
            continue;
        }
        last = Some(&*u.text);
        let next_is_para = keep
            .get(k + 1)
            .is_some_and(|&j| j <= i + 3 && !heading_like(j) && stats.wlen(j) >= 40);
        used[i] = true;
        if next_is_para && heading_like(i) {
            sections.push(Section {
                heading: Some(u.text.to_string()),
                paragraphs: Vec::new(),
            });
            continue;
        }
        if sections.is_empty() {
            sections.push(Section::default());
        }
        if let Some(s) = sections.last_mut() {
            s.paragraphs.push(Paragraph::new(u.text.to_string()));
        }
    }
    // A heading with nothing under it is a paragraph of the section before it.
    let mut merged: Vec<Section> = Vec::with_capacity(sections.len());
    for s in sections {
        match (s.paragraphs.is_empty(), s.heading, merged.last_mut()) {
            (true, Some(h), Some(prev)) => prev.paragraphs.push(Paragraph::new(h)),
            (_, heading, _) => merged.push(Section {
                heading,
                paragraphs: s.paragraphs,
            }),
        }
    }
    if article.title.is_empty() {
        if let Some(h) = merged.first_mut().and_then(|s| s.heading.take()) {
            article.title = h;
        } else if let Some(p) = merged.first_mut().filter(|s| {
            s.paragraphs
                .first()
                .is_some_and(|p| p.text.chars().nth(super::MAX_TITLE).is_none())
        }) {
            article.title = p.paragraphs.remove(0).text;
        }
    }
    merged.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
    article.sections = merged;
    article.dropped = blank_junk
        + units
            .iter()
            .zip(&used)
            .filter(|(_, &u)| !u)
            .map(|(u, _)| u.lines as usize)
            .sum::<usize>();
    article
}

/// One line per unit with its classes and the chosen body, title, deck and byline: a
/// development aid for tuning the classifier (`LEDE_EXPLAIN=FILE cargo test explain -- --ignored`).
#[doc(hidden)]
pub fn explain(text: &str) -> String {
    use std::fmt::Write;
    let (units, stats, _) = segment(text);
    let lang = stats.lang();
    let (initial, furniture) = classes(&units, &stats, lang);
    let cls = revised(&units, &stats, &initial, &furniture);
    let body = main_body(&units, &stats, &cls);
    let vocab = body_vocab(&units, &cls, body);
    let title = find_title(&units, &stats, &initial, body.0, DISTANCE, (&vocab, lang));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "lang={} body={body:?} title={title:?}",
        lang::LANGS[lang]
    );
    for (score, i) in title_candidates(&units, &stats, &initial, body.0, DISTANCE, (&vocab, lang)) {
        let _ = writeln!(out, "  title? {score:.2} {i} {}", units[i].text);
    }
    for (i, u) in units.iter().enumerate() {
        let _ = writeln!(
            out,
            "{i:4} {:?}>{:?} w{} d{:.2} {}{}",
            initial[i],
            cls[i],
            stats.wlen(i),
            stats.get(i).density(lang),
            if u.list { "• " } else { "" },
            u.text.chars().take(100).collect::<String>()
        );
    }
    out
}

/// Context-free classes; bylines and datelines are never body text.
///
/// Returns the classes and, per unit, whether it is furniture: `Some(true/false)`, or `None`
/// when the check was skipped because the unit is bad anyway (long and poor in stop words);
/// [`unit_furniture`] answers for those when the fallback needs it.
fn classes(units: &[Unit], stats: &UnitStats, lang: usize) -> (Vec<Class>, Vec<Option<bool>>) {
    let mut checked = vec![true; units.len()];
    let mut feats: Vec<Features> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let s = stats.get(i);
            let mut f = Features {
                wlen: s.wlen,
                density: s.density(lang),
                furniture: false,
                sentence: boilerplate::ends_sentence(&u.text),
            };
            if boilerplate::classify(&f) == Class::Bad {
                checked[i] = false;
            } else {
                f.furniture = unit_furniture(u, s.tokens);
            }
            f
        })
        .collect();
    // A line printed two or three times within a few lines is an image alt and its caption,
    // or a teaser; a line printed more often around there is the text itself, repeated.
    for (i, f) in feats.iter_mut().enumerate() {
        f.furniture |= printed_again(units, i);
    }
    let furniture = feats
        .iter()
        .zip(&checked)
        .map(|(f, &c)| (c || f.furniture).then_some(f.furniture))
        .collect();
    let mut cls = boilerplate::classify_all(&feats);
    for (i, u) in units.iter().enumerate() {
        // (Its date reads as a dateline; page-furniture phrases still count.)
        if cls[i] == Class::Bad
            && post_attribution(&u.text)
            && !boilerplate::furniture_flags(&u.text, u.flags)
        {
            cls[i] = Class::Short;
        }
    }
    (cls, furniture)
}

/// The attribution line under a quoted social-media post ("— Jane Doe (@janedoe) May 4,
/// 2021", "– Harbour FC (@harbourfc) …"): poor in stop words but the article's, like the post
/// above it; it takes the class of its neighbours.
fn post_attribution(text: &str) -> bool {
    let t = text.trim_start();
    let Some(rest) = t
        .strip_prefix('\u{2014}')
        .or_else(|| t.strip_prefix('\u{2013}'))
        .or_else(|| t.strip_prefix("--"))
    else {
        return false;
    };
    let rest = rest.trim_start();
    let handle = rest
        .find("(@")
        .is_some_and(|i| rest[i..].find(')').is_some());
    let year_at_end = rest.len() >= 4
        && rest.is_char_boundary(rest.len() - 4)
        && rest[rest.len() - 4..].bytes().all(|b| b.is_ascii_digit());
    rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().nth(160).is_none()
        && (handle || year_at_end)
}

/// Whether unit `i` is printed two or three times within three units (see [`classes`]).
fn printed_again(units: &[Unit], i: usize) -> bool {
    let near = units[i.saturating_sub(3)..units.len().min(i + 4)]
        .iter()
        .filter(|o| o.text == units[i].text)
        .count();
    (2..=3).contains(&near)
}

/// Classes in context ([`boilerplate::revise`]), then runs of record lines next to good text
/// made good ([`lists::keep_runs`]).
fn revised(
    units: &[Unit],
    stats: &UnitStats,
    initial: &[Class],
    furniture: &[Option<bool>],
) -> Vec<Class> {
    let mut cls = boilerplate::revise(initial);
    let shapes: Vec<_> = units.iter().map(|u| lists::shape(&u.text)).collect();
    // (A row of a table may read as a byline: "June 9 -- Town, PA" ends with an agency's
    // name. Page furniture, time stamps and teasers printed twice are never rows.)
    let plain: Vec<bool> = (0..units.len())
        .map(|i| {
            let u = &units[i];
            let row = || {
                !boilerplate::furniture_flags(&u.text, u.flags)
                    && !dateline_of(&u.text, stats.get(i).tokens)
                    && !printed_again(units, i)
            };
            shapes[i].is_some_and(|_| row())
                || (cls[i] != Class::Good && !furniture[i].unwrap_or(true))
        })
        .collect();
    lists::keep_runs(&shapes, &plain, &mut cls);
    keep_sandwiched(units, stats, furniture, &mut cls);
    cls
}

/// Fewest words of a bad sentence that [`keep_sandwiched`] keeps.
const SANDWICH_WORDS: usize = 8;

/// A finished sentence that the stop-word test called bad, directly between good units, is the
/// article's: a sentence made mostly of names ("… available in Bolivia, Brazil, Chile, …") is
/// poor in stop words, and page furniture between two paragraphs is caught by its phrases.
fn keep_sandwiched(
    units: &[Unit],
    stats: &UnitStats,
    furniture: &[Option<bool>],
    cls: &mut [Class],
) {
    for i in 1..units.len().saturating_sub(1) {
        if cls[i] != Class::Bad || cls[i - 1] != Class::Good || cls[i + 1] != Class::Good {
            continue;
        }
        let u = &units[i];
        let s = stats.get(i);
        if s.words < SANDWICH_WORDS || !boilerplate::ends_sentence(&u.text) {
            continue;
        }
        let furniture = furniture[i].unwrap_or_else(|| unit_furniture(u, s.tokens));
        if !furniture && !printed_again(units, i) {
            cls[i] = Class::Good;
        }
    }
}

/// Page furniture, a byline or a dateline: never body text.
fn unit_furniture(u: &Unit, tokens: usize) -> bool {
    boilerplate::furniture_flags(&u.text, u.flags)
        || byline_of(&u.text, tokens)
        || (u.flags & boilerplate::HAS_DIGIT != 0 && dateline_of(&u.text, tokens))
}

/// Below this much good text (weighted characters) the parser falls back to keeping all
/// non-furniture text after the headline.
const FALLBACK_BELOW: usize = 300;
/// How many units the fallback searches for a headline.
const FALLBACK_WINDOW: usize = 60;
/// Title score lost per unit between a candidate and the body.
const DISTANCE: f32 = 0.04;
/// In the fallback, which keeps everything after the headline, the score lost per unit from
/// the start of the page instead (a negative distance to the end of the search window).
const FALLBACK_DISTANCE: f32 = -DISTANCE;

/// Byte length of the white space or control character (`char::is_whitespace` or
/// `char::is_control`) starting at byte `i` of `b`, 0 when there is none. Only a few lead
/// bytes can start one; `i` is a character boundary whenever it matches.
#[inline(always)]
fn separator_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        0x00..=0x20 | 0x7F => 1,
        // U+0080–U+009F (C1 controls, NEL) and U+00A0.
        0xC2 => 2 * usize::from(matches!(at(1), 0x80..=0xA0)),
        // U+1680.
        0xE1 => 3 * usize::from(at(1) == 0x9A && at(2) == 0x80),
        // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F.
        0xE2 => {
            3 * usize::from(
                (at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                    || (at(1) == 0x81 && at(2) == 0x9F),
            )
        }
        // U+3000.
        0xE3 => 3 * usize::from(at(1) == 0x80 && at(2) == 0x80),
        _ => 0,
    }
}

/// Whether byte `c` may start a separator (see [`separator_at`]).
#[inline(always)]
fn maybe_separator(c: u8) -> bool {
    BYTE_CLASS[c as usize] & SEP != 0
}

/// [`BYTE_CLASS`] bits: the byte may start a separator; the byte is not ASCII.
const SEP: u8 = 1;
const HIGH: u8 = 2;

/// Class bits of every byte value, one table look-up per byte in [`for_words`].
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let mut k = 0;
        if b <= 0x20 || b == 0x7F || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
            k |= SEP;
        }
        if b >= 0x80 {
            k |= HIGH;
        }
        t[c] = k;
        c += 1;
    }
    t
};

/// Call `f(start, end, ascii)` for every word of `s`: the maximal runs without white space
/// or control characters; `ascii` tells whether the word is all ASCII.
#[inline(always)]
fn for_words(s: &str, mut f: impl FnMut(usize, usize, bool)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if maybe_separator(b[i]) {
            let n = separator_at(b, i);
            if n > 0 {
                i += n;
                continue;
            }
        }
        let start = i;
        let mut high = BYTE_CLASS[b[i] as usize];
        i += 1;
        loop {
            // ASCII word bytes eight at a time, up to the first byte that may end the word.
            while let Some(chunk) = b.get(i..i + 8) {
                let mut x = [0u8; 8];
                x.copy_from_slice(chunk);
                let stop = ascii_chunk(u64::from_le_bytes(x));
                if stop == 8 {
                    i += 8;
                } else {
                    i += stop;
                    break;
                }
            }
            if i >= b.len() {
                break;
            }
            let k = BYTE_CLASS[b[i] as usize];
            if k & SEP != 0 && separator_at(b, i) > 0 {
                break;
            }
            high |= k;
            i += 1;
            if k & HIGH != 0 {
                // The rest of a non-ASCII run byte by byte (continuation bytes never start a
                // separator): the chunks pay off on ASCII only.
                while i < b.len() && b[i] >= 0x80 {
                    let k = BYTE_CLASS[b[i] as usize];
                    if k & SEP != 0 && separator_at(b, i) > 0 {
                        break;
                    }
                    high |= k;
                    i += 1;
                }
            }
        }
        f(start, i, high & HIGH == 0);
    }
}

/// Eight bytes of a word, as a little-endian integer: how many of them, from the first, are
/// printable ASCII (bytes 0x21–0x7E, which never end a word nor are part of a longer
/// character).
#[inline(always)]
fn ascii_chunk(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Low seven bits of each byte: byte-wise sums below cannot carry into the next byte.
    let y = x & !HI;
    // High bit set in bytes >= 0x80, <= 0x20 or == 0x7F.
    let stop = (x | !y.wrapping_add(0x5F * ONES) | y.wrapping_add(ONES)) & HI;
    (stop.trailing_zeros() / 8) as usize
}

/// Whitespace-normalise `s` onto `out` (one space between words, none at the ends), dropping
/// control characters, and add its words to `st`.
fn normalise(
    s: &str,
    out: &mut String,
    st: &mut Stats,
    flags: &mut u8,
    scratch: &mut lang::Scratch,
) {
    // Usually a line is normalised already: appended in one piece.
    let n = normalised(s, st, flags, scratch);
    if !n.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&n);
    }
}

/// `s` whitespace-normalised, borrowed when it already is, with its words added to `st`.
fn normalised<'a>(
    s: &'a str,
    st: &mut Stats,
    flags: &mut u8,
    scratch: &mut lang::Scratch,
) -> Cow<'a, str> {
    let b = s.as_bytes();
    let mut clean = true;
    let mut expect = 0;
    // (The flags of the line are those of its words: no separator byte has one.)
    *flags |= boilerplate::byte_flags(s);
    for_words(s, |a, z, ascii| {
        clean &= a == expect && (a == 0 || b[a - 1] == b' ');
        expect = z + 1;
        lang::add_word_known(s.get(a..z).unwrap_or(""), ascii, st, scratch);
    });
    scratch.flush(st);
    if clean && (expect == s.len() + 1 || s.is_empty()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for_words(s, |a, z, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s.get(a..z).unwrap_or(""));
    });
    Cow::Owned(out)
}

/// Columns of a line (characters; good enough for the wrap test).
fn width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Strip a list marker: `•`, `-`, `*`, `–`, `·`, `◦`, `▪`, `□`, or `1.`/`1)` on an indented line.
fn strip_marker(line: &str) -> (bool, &str) {
    // The common line: starts with a letter or digit (no marker, nothing to trim) and ends
    // with printable ASCII (nothing to trim).
    if let (Some(f), Some(&l)) = (line.as_bytes().first(), line.as_bytes().last()) {
        if f.is_ascii_alphanumeric() && (0x21..=0x7E).contains(&l) {
            return (false, line);
        }
    }
    let t = line.trim_start();
    // Most lines start with a letter: only these first bytes can begin a marker.
    let maybe_marker = t
        .bytes()
        .next()
        .is_some_and(|b| matches!(b, b'-' | b'*' | b'+') || b >= 0x80);
    // (At most one marker is the first character.)
    let first = t.chars().next().filter(|_| maybe_marker);
    if let Some(m) =
        first.filter(|c| ['•', '·', '◦', '▪', '□', '■', '‣', '-', '*', '–', '+'].contains(c))
    {
        let rest = t.get(m.len_utf8()..).unwrap_or("");
        if rest.is_empty() && m != '-' && m != '*' && m != '+' {
            return (true, rest);
        }
        if rest.starts_with([' ', '\t']) {
            return (true, rest.trim_start());
        }
    }
    if t.len() < line.len() {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let rest = &t[digits..];
            if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                return (true, r.trim_start());
            }
        }
    }
    (false, line.trim())
}

/// Split text into units, with the statistics of each. Also returns the count of lines
/// dropped at this stage (list markers with no text).
fn segment(text: &str) -> (Vec<Unit<'_>>, UnitStats, usize) {
    let mut seg = Segmenter {
        scratch: lang::Scratch::with_cache(),
        ..Segmenter::default()
    };
    // Roughly one unit per 100 bytes of page text: fewer regrowths of the vectors.
    seg.units.reserve(text.len() / 100);
    seg.stats.counts.reserve(text.len() / 100);
    let mut group: Vec<&str> = Vec::new();
    // The lines of `text.split('\n')`, found with the SIMD `memchr`.
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        let line = text.get(start..end).unwrap_or("");
        start = end + 1;
        if is_blank(line) {
            seg.flush(&mut group);
        } else {
            group.push(line);
        }
    }
    seg.flush(&mut group);
    (seg.units, seg.stats, seg.junk)
}

/// A line with nothing but white space (ASCII fast path for [`str::trim`]).
#[inline]
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        Some(&c) if c.is_ascii_alphanumeric() => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// The units found so far.
#[derive(Default)]
struct Segmenter<'a> {
    units: Vec<Unit<'a>>,
    stats: UnitStats,
    junk: usize,
    scratch: lang::Scratch,
}

impl<'a> Segmenter<'a> {
    fn push(&mut self, u: Unit<'a>, mut st: Stats) {
        lang::finish(&mut st);
        self.units.push(u);
        self.stats.push(&st);
    }

    /// Turn a group of non-blank lines into units.
    fn flush(&mut self, group: &mut Vec<&'a str>) {
        if group.is_empty() {
            return;
        }
        // Preformatted text (code, poems) indented as a whole: one unit.
        let indent = |l: &str| l.len() - l.trim_start().len();
        if group.len() >= 3
            && group.iter().all(|l| indent(l) >= 4)
            && group.iter().all(|l| !strip_marker(l).0)
        {
            let mut t = String::new();
            let mut st = Stats::default();
            let mut flags = 0;
            for l in group.iter() {
                normalise(l, &mut t, &mut st, &mut flags, &mut self.scratch);
            }
            let u = Unit {
                text: Cow::Owned(t),
                lines: u32::try_from(group.len()).unwrap_or(u32::MAX),
                list: false,
                flags,
            };
            self.push(u, st);
            group.clear();
            return;
        }
        // (A single line is never wrapped: no need to measure it.)
        let wrap = if group.len() >= 2 {
            group.iter().map(|l| width(l.trim_end())).max().unwrap_or(0)
        } else {
            0
        };
        let wrapped = group.len() >= 2 && (40..=100).contains(&wrap);
        let mut cur: Option<(Unit<'a>, Stats, &str)> = None;
        for &line in group.iter() {
            let (list, content) = strip_marker(line);
            if content.is_empty() {
                self.junk += 1;
                continue;
            }
            if let Some((u, st, prev)) = cur.as_mut() {
                if wrapped
                    && !list
                    && width(prev.trim_end())
                        + 1
                        + content.split_whitespace().next().map_or(0, width)
                        > wrap - 2
                {
                    normalise(
                        content,
                        u.text.to_mut(),
                        st,
                        &mut u.flags,
                        &mut self.scratch,
                    );
                    u.lines += 1;
                    *prev = line;
                    continue;
                }
            }
            if let Some((u, st, _)) = cur.take() {
                if !u.text.is_empty() {
                    self.push(u, st);
                }
            }
            let mut st = Stats::default();
            let mut flags = 0;
            let text = normalised(content, &mut st, &mut flags, &mut self.scratch);
            cur = Some((
                Unit {
                    text,
                    lines: 1,
                    list,
                    flags,
                },
                st,
                line,
            ));
        }
        if let Some((u, st, _)) = cur.take() {
            if u.text.is_empty() {
                self.junk += u.lines as usize;
            } else {
                self.push(u, st);
            }
        }
        group.clear();
    }
}

/// The main body: runs of good units allowing short gaps of boilerplate; the first run that
/// holds at least 40% of the text of the largest run (the article comes before related
/// stories and comments). Returns (first, last) unit indices.
fn main_body(units: &[Unit], stats: &UnitStats, cls: &[Class]) -> (usize, usize) {
    const GAP: usize = 20;
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if cls[i] != Class::Good {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut size = 0;
        let mut gap = 0;
        while i < units.len() && gap <= GAP {
            if cls[i] == Class::Good {
                size += stats.wlen(i);
                end = i;
                gap = 0;
            } else {
                gap += 1;
            }
            i += 1;
        }
        runs.push((start, end, size));
        i = end + 1;
    }
    let max = runs.iter().map(|r| r.2).max().unwrap_or(0);
    runs.iter()
        .find(|r| r.2 * 10 >= max * 4)
        .map_or((0, 0), |r| (r.0, r.1))
}

/// Fewest teasers in a row that make a stream of them.
const TEASER_RUN: usize = 3;
/// Most units from one teaser to the next in a stream (headline twice, source, summary …).
const TEASER_GAP: usize = 8;

/// Where a stream of teasers ends the body: related stories after the article print each
/// headline twice (the link and the card), with a line of source or section and a summary
/// sentence, so the good summaries hold the body's run together. An article shows an image's
/// alt and caption once or twice, and its byline once; [`TEASER_RUN`] lines printed twice or
/// bylines, each within [`TEASER_GAP`] units of the last, are a stream. Returns the last good
/// unit before it.
fn teaser_stream(units: &[Unit], cls: &[Class], body: (usize, usize)) -> Option<usize> {
    let (first, last) = body;
    // (The card may carry a kicker after the headline: one text opens the other.)
    let same = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        long.starts_with(short)
            && (long.len() == short.len() || long.as_bytes()[short.len()] == b' ')
            && short.split(' ').nth(2).is_some()
    };
    let twice =
        |i: usize| (i + 1..units.len().min(i + 3)).any(|j| same(&units[i].text, &units[j].text));
    // Cards of related stories may instead carry each its author: "By …" lines in a row.
    // (Only a byline that opens with "By": a photo credit ends in an agency's name too.)
    let card = |i: usize| {
        let t = &units[i].text;
        twice(i) || (i > first && opens_with_by(t) && is_byline(t))
    };
    let mut run_start = first;
    let mut run = 0;
    let mut prev = 0;
    for i in first..=last.min(units.len().saturating_sub(1)) {
        if !card(i) {
            continue;
        }
        if run > 0 && i - prev <= TEASER_GAP {
            run += 1;
        } else {
            run = 1;
            run_start = i;
        }
        prev = i;
        if run >= TEASER_RUN {
            return (first..run_start).rev().find(|&j| cls[j] == Class::Good);
        }
    }
    None
}

/// Ends like a sentence (allowing closing quotes and brackets after the punctuation).
fn ends_sentence(s: &str) -> bool {
    match s.as_bytes().last() {
        // The common cases: nothing to trim, then a letter or a full stop.
        Some(c) if c.is_ascii_alphanumeric() => return false,
        Some(b'.') => return true,
        _ => {}
    }
    let t = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '“', ' ']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';', ','])
}

/// A short line that could head a section: no sentence punctuation at the end, not a list
/// item, a few words, starting with a capital letter (or in an uncased script).
///
/// Only asked of kept units (class `Good`), which are never page furniture: a furniture
/// unit's initial class is `Bad`, and the fallback keeps no furniture either.
fn is_heading_like(u: &Unit, s: &Stats) -> bool {
    if u.list || s.words == 0 || s.words > 14 || s.wlen > 120 || post_attribution(&u.text) {
        return false;
    }
    let t = u.text.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    if t.ends_with(['.', '!', '…', '。', '！', ':', ';', ',']) {
        return false;
    }
    if t.ends_with(['?', '？']) && s.words < 3 {
        return false;
    }
    match u.text.chars().find(|c| c.is_alphanumeric()) {
        Some(c) => !c.is_lowercase(),
        None => false,
    }
}

/// The text after the last `|`, `/`, `,`, `-`, `—` or `–` that starts at byte `from` or later,
/// if there is one: with `from` 0, `rsplit([...]).next()` when the text has a separator.
fn last_piece_after(text: &str, from: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut i = b.len();
    while i > from {
        i -= 1;
        let sep = match b[i] {
            b'|' | b'/' | b',' | b'-' => true,
            // The last byte of `—` (E2 80 94) or `–` (E2 80 93).
            0x93 | 0x94 => i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80,
            _ => false,
        };
        if sep {
            return Some(text.get(i + 1..).unwrap_or(""));
        }
    }
    None
}

/// Words that open a byline in the languages we know.
const BY: &[&str] = &[
    "by ",
    "par ",
    "von ",
    "por ",
    "di ",
    "door ",
    "av ",
    "af ",
    "от ",
    "texto:",
    "text:",
    "reporting by",
    "written by",
    "words by",
    "автор:",
    "기자",
];
/// News agencies that close a byline ("… | Reuters").
const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france-presse",
    "bloomberg",
    "dpa",
    "efe",
    "ansa",
    "pa",
    "upi",
    "xinhua",
    "tass",
];

/// A byline: "By …" (and its translations), or a short line ending in a news agency.
fn is_byline(text: &str) -> bool {
    byline_of(text, text.split_whitespace().take(15).count())
}

/// [`is_byline`] of a text with `words` whitespace-separated words. The text is
/// whitespace-normalised, as every unit is (single spaces between words, none at the ends).
fn byline_of(text: &str, words: usize) -> bool {
    debug_assert_eq!(text.trim(), text);
    if words == 0 || words > 14 {
        return false;
    }
    if opens_with_by(text) {
        return words >= 2;
    }
    // Lower-case only what the tests look at: the piece after the last separator, unless it
    // names an agency.
    let (mut buf, mut heap) = ([0u8; 64], String::new());
    // An agency closes the text: most lines end with a byte no agency name ends with. (The
    // text has no white space at the end; non-ASCII text goes the long way.)
    if let Some(&c) = text.as_bytes().last() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii() && !AGENCIES.iter().any(|a| a.as_bytes().last() == Some(&c)) {
            return false;
        }
    }
    // It follows a separator, and a piece that trims to at most 48 bytes (below) starts
    // within the last 50 bytes of normalised text (at most one space after the separator):
    // no need to scan a long line to its start.
    let Some(last) = last_piece_after(text, text.len().saturating_sub(50)) else {
        // (Without a separator, the last piece is all the text and the check at the end
        // fails: no tail shorter than the text.)
        return false;
    };
    let last = last.trim();
    // (No agency name is longer than 16 bytes; lower case never shrinks text 3 times.)
    let agency = last.len() <= 48
        && if last.is_ascii() {
            AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(last))
        } else {
            AGENCIES.contains(&boilerplate::lower_in(last, &mut buf, &mut heap))
        };
    if !agency {
        return false;
    }
    let lower = text.to_lowercase();
    let tail = lower
        .rsplit(['|', '/', ',', '-', '—', '–'])
        .next()
        .unwrap_or("")
        .trim();
    lower.len() > tail.len() && AGENCIES.contains(&tail)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "janv",
    "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "déc", "januar", "februar",
    "märz", "dez", "fev", "abr", "ago", "set", "out", "dez", "ene", "dic",
];

/// Whether `text` opens with a [`BY`] word ("By …", "Par …", "Reporting by …").
fn opens_with_by(text: &str) -> bool {
    // Every `BY` entry starts with one of these letters or a non-ASCII one.
    let may_open = text.bytes().next().is_some_and(|c| {
        !c.is_ascii()
            || matches!(
                c.to_ascii_lowercase(),
                b'b' | b'p' | b'v' | b'd' | b'a' | b't' | b'r' | b'w'
            )
    });
    if !may_open {
        return false;
    }
    // Lower-case only the opening: no `BY` entry is longer than 12 characters.
    let head = boilerplate::head_chars(text, 12);
    if head.is_ascii() {
        // (`BY` is lower case; its non-ASCII entries cannot open ASCII text.)
        let first = head.as_bytes().first().map(u8::to_ascii_lowercase);
        BY.iter().any(|b| {
            head.len() >= b.len()
                && first == b.as_bytes().first().copied()
                && head.as_bytes()[..b.len()].eq_ignore_ascii_case(b.as_bytes())
        })
    } else {
        let (mut buf, mut heap) = ([0u8; 64], String::new());
        let head = boilerplate::lower_in(head, &mut buf, &mut heap);
        BY.iter().any(|b| head.starts_with(b))
    }
}

/// A dateline or time stamp: a short line with a year or a clock time and a date word.
fn is_dateline(text: &str) -> bool {
    dateline_of(text, text.split_whitespace().take(21).count())
}

/// [`is_dateline`] of a text with `words` whitespace-separated words.
fn dateline_of(text: &str, words: usize) -> bool {
    if words == 0 || words > 20 {
        return false;
    }
    // Digits first: most lines have no year or clock time and stop here.
    if !text.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // The year and time tests read ASCII digits and `:` only, which lower case keeps as
    // they are (and makes from no other character): tested before lower-casing.
    let (has_year, has_time) = year_and_time(text.as_bytes());
    if !has_year && !has_time {
        return false;
    }
    let lower = text.to_lowercase();
    let month = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)));
    let stamp = [
        "published",
        "updated",
        "posted",
        "mis à jour",
        "aktualisiert",
        "atualizado",
    ]
    .iter()
    .any(|k| lower.contains(k));
    (has_year || has_time)
        && (month || stamp || has_time || lower.contains('.'))
        && (words <= 12 || (has_year && (month || stamp)))
}

/// Whether `b` has a year (a run of exactly four ASCII digits starting with 19 or 20) and
/// whether it has a clock time (a digit, `:`, a digit): one pass over the runs of digits.
fn year_and_time(b: &[u8]) -> (bool, bool) {
    let (mut year, mut time) = (false, false);
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &b[start..i];
        year |= run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20"));
        // (The digit before a `:` is the last of its run.)
        time |= b.get(i) == Some(&b':') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if year && time {
            break;
        }
    }
    (year, time)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Article) -> Vec<&str> {
        a.paragraphs().map(|p| p.text.as_str()).collect()
    }

    const P1: &str = "The minister said on Monday that the government would not change its plan \
        for the harbour, despite the protests of the last weeks, and that the work would begin \
        in the spring as it had been agreed with the city.";
    const P2: &str = "Opposition leaders called the decision a mistake and said they would ask \
        the court to stop the work, which they say has not been approved by the people who live \
        near the harbour and who will have to live with it.";

    /// Headings and paragraphs in reading order.
    fn blocks(a: &Article) -> Vec<&str> {
        a.sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter().map(|p| &p.text)))
            .map(String::as_str)
            .collect()
    }

    const RESULTS: &[&str] = &[
        "Lakeside d. Valley 64-51",
        "Lakeside (3-0): Marta Ruiz 22 points. Jenna Cole 14 points. Ada Brooks 9 points.",
        "Valley (1-2): Sara Lind 18 points. Pia Holm 11 points.",
        "Northgate d. Eastwood 48-40",
        "Northgate (2-1): Olive Grant 16 points. Nina Park 12 points.",
        "Eastwood (0-3): Ruth Bell 20 points.",
        "Final standings: 1. Lakeside 2. Northgate 3. Valley 4. Eastwood",
    ];

    #[test]
    fn results_next_to_prose_are_article_text() {
        let doc = format!(
            "Lakeside Sweeps Valley in Weekend Tournament\n\n{P1}\n\n{}\n\n{P2}\n",
            RESULTS.join("\n\n")
        );
        let a = parse(&doc);
        let kept = blocks(&a);
        for r in RESULTS {
            assert!(kept.contains(r), "{r:?} dropped from {kept:?}");
        }
    }

    #[test]
    fn an_article_of_results_keeps_its_headline_and_lines() {
        let doc = format!(
            "Weekend Roundup: Lakeside Stays Unbeaten\n\n{}\n",
            RESULTS.join("\n\n")
        );
        let a = parse(&doc);
        assert_eq!(a.title, "Weekend Roundup: Lakeside Stays Unbeaten");
        assert_eq!(blocks(&a), RESULTS);
    }

    #[test]
    fn results_between_boilerplate_are_dropped() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\n{P2}\n\nRelated Articles\n\nHome | News | Sport\n\n{}\n\nAdvertisement\n\nSign in\n",
            RESULTS[..3].join("\n\n")
        );
        assert_eq!(texts(&parse(&doc)), vec![P1, P2]);
    }

    #[test]
    fn tour_dates_after_prose_are_article_text() {
        let dates = [
            "June 9 -- Riverside Arena, Easton, PA",
            "June 12 -- Harbour Hall, Dover, DE",
            "Aug. 2 -- Lakeside Theatre, Erie, PA",
            "Sept. 5 -- Hill Pavilion, Salem, OR",
        ];
        let doc = format!(
            "Harbour Band Sets Summer Tour\n\n{P1}\n\nThe tour dates:\n\n{}\n",
            dates.join("\n\n")
        );
        let a = parse(&doc);
        let kept = blocks(&a);
        for d in dates {
            assert!(kept.contains(&d), "{d:?} dropped from {kept:?}");
        }
    }

    #[test]
    fn teasers_printed_twice_after_the_article_are_no_rows() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\n{P2}\n\n\
             Harbour tax rises 3% in 2026\nHarbour tax rises 3% in 2026\n\n\
             Ferry fares up 5% in May\nFerry fares up 5% in May\n"
        );
        assert_eq!(texts(&parse(&doc)), vec![P1, P2]);
    }

    #[test]
    fn identical_lines_are_not_boilerplate_for_repeating() {
        let line = "The committee met again today and agreed that nothing would change.";
        let doc = format!("The Same Line Again\n\n{}\n", vec![line; 100].join("\n\n"));
        let a = parse(&doc);
        assert_eq!(a.title, "The Same Line Again");
        assert_eq!(texts(&a), vec![line; 100]);
    }

    #[test]
    fn a_caption_printed_twice_is_dropped() {
        let cap = "The new quay seen from the old harbour wall at dawn";
        let doc =
            format!("Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\n{cap}\n\n{cap}\n\n{P2}\n");
        assert_eq!(texts(&parse(&doc)), vec![P1, P2]);
    }

    #[test]
    fn blank_line_blocks_are_paragraphs() {
        let a = parse(&format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\n{P2}\n"
        ));
        assert_eq!(a.title, "Harbour Plan Goes Ahead Despite Protests");
        assert_eq!(texts(&a), vec![P1, P2]);
    }

    #[test]
    fn one_paragraph_per_line() {
        let a = parse(&format!(
            "Harbour Plan Goes Ahead Despite Protests\n{P1}\n{P2}\n"
        ));
        assert_eq!(texts(&a), vec![P1, P2]);
    }

    fn wrap(s: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for w in s.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + w.len() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        for width in [60, 72, 80] {
            let doc = format!(
                "Harbour Plan Goes Ahead Despite Protests\n\n{}\n\n{}\n",
                wrap(P1, width),
                wrap(P2, width)
            );
            let a = parse(&doc);
            assert_eq!(texts(&a), vec![P1, P2], "width {width}");
        }
    }

    #[test]
    fn wrapped_paragraphs_without_blank_lines_split_at_short_lines() {
        // At 80 columns P1's last line is short (56), so the break is visible. (At 72 it is
        // full, and a paragraph break without a blank line cannot be told from a wrap.)
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{}\n{}\n",
            wrap(P1, 80),
            wrap(P2, 80)
        );
        let a = parse(&doc);
        assert_eq!(texts(&a), vec![P1, P2]);
    }

    #[test]
    fn list_items_are_paragraphs_without_markers() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\n• the first point of the plan is the new quay\n- the second point is the road\n* the third is the park\n\n{P2}\n"
        );
        let a = parse(&doc);
        assert_eq!(
            texts(&a),
            vec![
                P1,
                "the first point of the plan is the new quay",
                "the second point is the road",
                "the third is the park",
                P2
            ]
        );
    }

    #[test]
    fn heading_introduces_paragraphs() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\nWhat Happens Next\n\n{P2}\n"
        );
        let a = parse(&doc);
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[0].heading, None);
        assert_eq!(a.sections[1].heading.as_deref(), Some("What Happens Next"));
        assert_eq!(texts(&a), vec![P1, P2]);
    }

    #[test]
    fn sentence_is_not_a_heading() {
        let doc =
            format!("Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\nNobody came.\n\n{P2}\n");
        let a = parse(&doc);
        assert_eq!(a.sections.len(), 1);
        assert_eq!(texts(&a), vec![P1, "Nobody came.", P2]);
    }

    #[test]
    fn title_after_menus_deck_and_byline() {
        let doc = format!(
            "Home | News | Sport | Weather\nSign in\n\nNews\n\nHarbour Plan Goes Ahead Despite Protests\n\nCity council backs the new quay\n\nBy Ana Lopes | Reuters\n12 May 2026\n\n{P1}\n\n{P2}\n\nRelated Articles\nAdvertisement\n"
        );
        let a = parse(&doc);
        assert_eq!(a.title, "Harbour Plan Goes Ahead Despite Protests");
        assert_eq!(a.deck.as_deref(), Some("City council backs the new quay"));
        assert_eq!(a.byline.as_deref(), Some("By Ana Lopes | Reuters"));
        assert_eq!(texts(&a), vec![P1, P2]);
        // Menu (2 lines), "News", date, "Related Articles", "Advertisement".
        assert_eq!(a.dropped, 6);
    }

    #[test]
    fn player_and_interface_lines_are_no_title() {
        let doc = format!(
            "Home | News | Sport\n\nVideo playback is not supported in your browser\n\nHarbour Plan Goes Ahead Despite Protests\n\nWatch Live Coverage\n\nClick Here To Enable Notifications\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(
            parse(&doc).title,
            "Harbour Plan Goes Ahead Despite Protests"
        );
    }

    #[test]
    fn the_headline_shares_the_body_words_a_teaser_does_not() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\nCouncil Votes To Close The Old Library\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(
            parse(&doc).title,
            "Harbour Plan Goes Ahead Despite Protests"
        );
    }

    #[test]
    fn the_site_name_of_the_copyright_line_is_no_title() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\nThe Daily Courier\n\n{P1}\n\n{P2}\n\n© 2026 The Daily Courier\n"
        );
        assert_eq!(
            parse(&doc).title,
            "Harbour Plan Goes Ahead Despite Protests"
        );
    }

    #[test]
    fn a_deck_of_sentences_is_no_title() {
        let doc = format!(
            "Harbour Plan Goes Ahead Despite Protests\n\nThe council backs the quay. Work on the harbour starts in spring\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(
            parse(&doc).title,
            "Harbour Plan Goes Ahead Despite Protests"
        );
    }

    #[test]
    fn a_huge_single_line_is_no_title() {
        let line = P1.repeat(2000);
        let a = parse(&line);
        assert!(a.title.chars().count() <= super::super::MAX_TITLE);
        assert_eq!(texts(&a), vec![line.as_str()]);
    }

    #[test]
    fn headlines_about_shares_are_headlines() {
        let doc = format!(
            "Home | Markets | Deals\nSign in\n\nShareholders Revolt Over Harbour Pay Deal\n\nShare this\n\nBy Ana Lopes | Reuters\n12 May 2026\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(
            parse(&doc).title,
            "Shareholders Revolt Over Harbour Pay Deal"
        );
        assert!(!not_title("shares fall as harbour plan stalls"));
        assert!(not_title("share this"));
        assert!(not_title("continue reading the main story share this page"));
        assert!(not_title("we use cookies"));
        // phrases count at the start of a word only
        assert!(!not_title("voters unsubscribed from the party list"));
    }

    #[test]
    fn advertisement_inside_the_body_is_dropped() {
        let doc =
            format!("Harbour Plan Goes Ahead Despite Protests\n\n{P1}\n\nAdvertisement\n\n{P2}\n");
        assert_eq!(texts(&parse(&doc)), vec![P1, P2]);
    }

    #[test]
    fn bylines_and_datelines() {
        assert!(is_byline("By Marta Kovac | Lede Wire"));
        assert!(is_byline("Par Martin Untersinger"));
        assert!(is_byline("Jane Doe | Reuters"));
        assert!(!is_byline(
            "By the end of the year the harbour will be finished and the city will pay for it all."
        ));
        assert!(!is_byline("Reuters"));
        // The agency after the last separator, on a line longer than the scanned end.
        assert!(is_byline(
            "Jane Doe, Ana Lopes and Marta Kovac in Lisbon and Madrid | Reuters"
        ));
        assert!(!is_byline(
            "Reuters | Jane Doe, Ana Lopes and Marta Kovac in Lisbon and Madrid"
        ));
        assert!(is_dateline("Published 14 March 2026"));
        assert!(is_dateline("08.04.2015 12:46"));
        assert!(is_dateline("November 18, 2019"));
        assert!(!is_dateline("What Comes Next"));
    }

    /// The ASCII fast paths of [`byline_of`] compare with lower-case patterns.
    #[test]
    fn year_and_time_match_their_windows() {
        let check = |t: &str| {
            let b = t.as_bytes();
            let year = b.windows(4).enumerate().any(|(i, w)| {
                w.iter().all(u8::is_ascii_digit)
                    && (w.starts_with(b"19") || w.starts_with(b"20"))
                    && (i == 0 || !b[i - 1].is_ascii_digit())
                    && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            });
            let time = b
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
            assert_eq!(year_and_time(b), (year, time), "{t:?}");
        };
        for t in [
            "",
            "2026",
            "12026",
            "20261",
            "1999 and 12:30",
            "x19x",
            "1:",
            ":1",
            "1:1",
            "21:9",
            "On 3 May 2019, 14:05",
            "3020 4:",
            "19 20",
            "2020:",
            "19:20",
            "Part 2019",
        ] {
            check(t);
        }
        // Every mix of digits, colons and letters up to six bytes.
        let alphabet = ["1", "2", "0", "9", ":", "a"];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            texts = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for t in &texts {
                check(t);
            }
        }
    }

    /// [`dateline_of`] tests years and times before lower-casing.
    #[test]
    fn lower_case_makes_no_digit_or_colon() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_ascii_digit() || c == ':' {
                continue;
            }
            assert!(
                !c.to_lowercase().any(|l| l.is_ascii_digit() || l == ':'),
                "{c:?}"
            );
        }
    }

    #[test]
    fn byline_patterns_are_lower_case() {
        for p in BY.iter().chain(AGENCIES) {
            assert_eq!(p.to_lowercase(), *p);
        }
    }

    #[test]
    fn last_piece_after_is_rsplit_next() {
        for t in [
            "",
            "Jane Doe | Reuters",
            "a/b,c-d",
            "x — AFP",
            "x – dpa",
            "no separator",
            "ends with -",
            "—",
            "é–ü—",
            "“quoted” text",
        ] {
            let want = t
                .rsplit(['|', '/', ',', '-', '—', '–'])
                .next()
                .unwrap_or("");
            assert_eq!(last_piece_after(t, 0).unwrap_or(t), want, "{t:?}");
            // From a later byte: the same piece when its separator is there, else none.
            // (The separator's last byte is right before the piece.)
            let last_sep = (want.len() < t.len()).then(|| t.len() - want.len() - 1);
            for from in 0..=t.len() {
                let expect = last_sep.filter(|&i| i >= from).map(|_| want);
                assert_eq!(last_piece_after(t, from), expect, "{t:?} {from}");
            }
        }
    }

    #[test]
    #[ignore = "development aid: LEDE_EXPLAIN=FILE"]
    fn explain_file() {
        if let Ok(path) = std::env::var("LEDE_EXPLAIN") {
            let text = std::fs::read_to_string(path).expect("readable");
            print!("{}", explain(&text));
        }
    }

    #[test]
    fn normalise_matches_split_on_space_and_controls() {
        for s in [
            "",
            "  a  b\t\tc ",
            "x\u{85}y\u{A0}z\u{9F}w\u{2003}v\u{3000}u\u{1680}t\u{7F}s\u{1B}r",
            "é中文 \u{202F}narrow\u{205F}math\u{200B}zw\u{FEFF}bom",
        ] {
            let mut ours = String::from("pre");
            let (mut st, mut scratch, mut flags) =
                (Stats::default(), lang::Scratch::with_cache(), 0);
            normalise(s, &mut ours, &mut st, &mut flags, &mut scratch);
            let want_flags = boilerplate::byte_flags(&ours);
            assert_eq!(flags, want_flags, "{s:?}");
            lang::finish(&mut st);
            let want = lang::stats(&ours[3..]);
            assert_eq!(
                (st.wlen, st.words, st.stops),
                (want.wlen, want.words, want.stops)
            );
            let mut st = Stats::default();
            let borrowed = normalised(s, &mut st, &mut flags, &mut scratch);
            assert_eq!(&*borrowed, ours[3..].trim_start());
            let mut st = Stats::default();
            let again = normalised(&borrowed, &mut st, &mut flags, &mut scratch);
            assert!(matches!(again, Cow::Borrowed(_)), "{s:?}");
            let mut want = String::from("pre");
            for w in s.split(|c: char| c.is_whitespace() || c.is_control()) {
                if !w.is_empty() {
                    want.push(' ');
                    want.push_str(w);
                }
            }
            assert_eq!(ours, want, "{s:?}");
        }
    }

    #[test]
    fn ascii_chunks_stop_at_the_first_non_printable_byte() {
        // Every byte value at every position, after a prefix of varied printable bytes.
        let fill = b"a<b|c/d:9Z~!";
        for pos in 0..8 {
            for v in 0..=255u8 {
                let mut x = [0u8; 8];
                for (j, c) in x.iter_mut().enumerate() {
                    *c = fill[(j + pos + usize::from(v)) % fill.len()];
                }
                x[pos] = v;
                let stop = x
                    .iter()
                    .position(|&c| !(0x21..=0x7E).contains(&c))
                    .unwrap_or(8);
                assert_eq!(ascii_chunk(u64::from_le_bytes(x)), stop, "{x:?}");
            }
        }
    }

    #[test]
    fn separators_are_white_space_and_controls() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let s = c.encode_utf8(&mut b).as_bytes();
            let want = if c.is_whitespace() || c.is_control() {
                s.len()
            } else {
                0
            };
            assert_eq!(separator_at(s, 0), want, "{c:?}");
            if want > 0 {
                assert!(maybe_separator(s[0]), "{c:?}");
            }
        }
    }

    /// Statistics counted while segmenting are those of the unit's final text, and a unit
    /// is borrowed only when its text is the input line unchanged.
    fn segment_agrees(text: &str) {
        let (units, stats, _) = segment(text);
        assert_eq!(units.len(), stats.len());
        for (i, u) in units.iter().enumerate() {
            let st = stats.get(i);
            let want = lang::stats(&u.text);
            assert_eq!(
                (
                    st.wlen,
                    st.words,
                    st.stops,
                    st.cjk,
                    st.capitalised,
                    st.cased
                ),
                (
                    want.wlen,
                    want.words,
                    want.stops,
                    want.cjk,
                    want.capitalised,
                    want.cased
                ),
                "{:?}",
                u.text
            );
            let want = u.text.bytes().fold(0, |f, c| f | boilerplate::flag_of(c));
            assert_eq!(u.flags, want);
            let words: Vec<&str> = u
                .text
                .split(|c: char| c.is_whitespace() || c.is_control())
                .collect();
            assert_eq!(words.join(" "), *u.text);
            assert!(words.iter().all(|w| !w.is_empty()), "{:?}", u.text);
        }
    }

    #[test]
    fn segment_stats_match_the_unit_text() {
        segment_agrees(&format!(
            "Title  Here\n\n{}\n{}\n\n\t• item\u{A0}one \n- Zwei\x1b[2J Wörter\n\n    a\n    b\n    c\n中文 政府 \u{3000}的\n",
            wrap(P1, 60),
            wrap(P2, 60)
        ));
    }

    proptest::proptest! {
        #[test]
        fn segment_stats_match_any_text(text in "([a-zA-Z.,é中ÉßİΣ]{0,9}[ \t\n\u{A0}\u{85}\u{2003}\u{3000}\u{1B}\u{7F}•*-]{0,3}){0,60}") {
            segment_agrees(&text);
        }
    }

    #[test]
    fn empty_and_blank_text() {
        assert_eq!(parse(""), Article::default());
        assert_eq!(parse("\n \n\t\n").paragraph_count(), 0);
    }
}
