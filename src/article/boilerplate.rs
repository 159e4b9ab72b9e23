//! Content-vs-boilerplate classification of text blocks, in the spirit of jusText
//! (Pomikálek 2011): each block is first classified on its own from its length, stop-word
//! density and punctuation, then short and borderline blocks take the class of their
//! neighbours. Page-furniture labels ("Advertisement", "Share", "Related Articles", image alt
//! lines like `[GettyImage]`) are bad wherever they sit.

use super::lang::Stats;
use super::phrases;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// The class of one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Article text.
    Good,
    /// Prose-like but short: good only next to good text.
    NearGood,
    /// Too short to judge alone (headings, list items, labels).
    Short,
    /// Boilerplate.
    Bad,
}

/// Weighted length below which a block is `Short`.
const LENGTH_LOW: usize = 70;
/// Weighted length above which a dense block is `Good` on its own.
const LENGTH_HIGH: usize = 200;
/// Stop-word density thresholds (jusText's defaults).
const STOP_LOW: f32 = 0.30;
const STOP_HIGH: f32 = 0.32;
/// A finished sentence this long and this dense in stop words is prose on its own.
const LENGTH_MID: usize = 100;
const STOP_PROSE: f32 = 0.40;

/// Ends like a sentence (allowing closing quotes and brackets after the punctuation).
pub fn ends_sentence(s: &str) -> bool {
    match s.as_bytes().last() {
        // The common cases: nothing to trim, then a letter or a full stop.
        Some(c) if c.is_ascii_alphanumeric() => return false,
        Some(b'.') => return true,
        _ => {}
    }
    let t = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '“', ' ']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Everything the context-free classification looks at.
#[derive(Debug, Clone, Copy)]
pub struct Features {
    pub wlen: usize,
    pub density: f32,
    /// A known page-furniture label or pattern.
    pub furniture: bool,
    /// Ends with sentence punctuation.
    pub sentence: bool,
}

impl Features {
    /// Features of `text` with its statistics, for document language `lang`.
    pub fn of(text: &str, stats: &Stats, lang: usize) -> Features {
        Features {
            wlen: stats.wlen,
            density: stats.density(lang),
            furniture: is_furniture(text),
            sentence: ends_sentence(text),
        }
    }
}

/// Context-free class of one block (jusText's first stage).
pub fn classify(f: &Features) -> Class {
    if f.furniture {
        return Class::Bad;
    }
    if f.wlen < LENGTH_LOW {
        return Class::Short;
    }
    if f.density >= STOP_HIGH {
        // Short news paragraphs (one or two sentences) are good on their own when they are
        // clearly prose: finished sentences dense in stop words.
        if f.wlen > LENGTH_HIGH || (f.wlen >= LENGTH_MID && f.sentence && f.density >= STOP_PROSE) {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if f.density >= STOP_LOW {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Context-free classes of all blocks. Runs of tiny label-like blocks (menus, share bars:
/// three or more short blocks in a row, none a sentence, averaging under 25 columns) are bad.
pub fn classify_all(feats: &[Features]) -> Vec<Class> {
    let mut cls: Vec<Class> = feats.iter().map(classify).collect();
    let mut i = 0;
    while i < cls.len() {
        if cls[i] != Class::Short {
            i += 1;
            continue;
        }
        let start = i;
        while i < cls.len() && cls[i] == Class::Short {
            i += 1;
        }
        let run = &feats[start..i];
        if run.len() >= 3
            && !run.iter().any(|f| f.sentence)
            && run.iter().map(|f| f.wlen).sum::<usize>() < 25 * run.len()
        {
            cls[start..i].fill(Class::Bad);
        }
    }
    cls
}

/// For every block, the nearest class before and after it that is not `Short` (and not
/// `NearGood` when `skip_near`); `Bad` at the document edges. Two linear passes.
fn neighbours(cls: &[Class], skip_near: bool) -> (Vec<Class>, Vec<Class>) {
    let skip = |c: Class| c == Class::Short || (skip_near && c == Class::NearGood);
    let mut prev = Vec::with_capacity(cls.len());
    let mut last = Class::Bad;
    for &c in cls {
        prev.push(last);
        if !skip(c) {
            last = c;
        }
    }
    let mut next = vec![Class::Bad; cls.len()];
    last = Class::Bad;
    for (i, &c) in cls.iter().enumerate().rev() {
        next[i] = last;
        if !skip(c) {
            last = c;
        }
    }
    (prev, next)
}

/// Context stage: every `Short` and `NearGood` block becomes `Good` or `Bad` from its
/// neighbours. The result holds only `Good` and `Bad`.
pub fn revise(initial: &[Class]) -> Vec<Class> {
    // Short blocks look at the nearest good/bad blocks on both sides.
    let (prev, next) = neighbours(initial, true);
    let (prev_any, next_any) = neighbours(initial, false);
    let cls: Vec<Class> = (0..initial.len())
        .map(|i| {
            if initial[i] != Class::Short {
                return initial[i];
            }
            match (prev[i], next[i]) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Bad, Class::Bad) => Class::Bad,
                (p, n) => {
                    let near_prev = p == Class::Bad && prev_any[i] == Class::NearGood;
                    let near_next = n == Class::Bad && next_any[i] == Class::NearGood;
                    if near_prev || near_next {
                        Class::Good
                    } else {
                        Class::Bad
                    }
                }
            }
        })
        .collect();
    // Near-good blocks are good unless both sides are bad.
    let (prev, next) = neighbours(&cls, true);
    (0..cls.len())
        .map(|i| match cls[i] {
            Class::NearGood if prev[i] == Class::Bad && next[i] == Class::Bad => Class::Bad,
            Class::NearGood => Class::Good,
            c => c,
        })
        .collect()
}

/// Labels that are page furniture in any position, compared after lower-casing and trimming
/// punctuation ([`phrases::LABELS`], shared with the HTML parser).
const LABELS: &[&str] = phrases::LABELS;

/// Longest block (bytes) that can be furniture.
const MAX_FURNITURE: usize = 600;

/// Phrases of legal footers, cookie banners and sign-up forms.
const LEGAL: &[&str] = &[
    "all rights reserved",
    "subject to copyright",
    "may not be reproduced",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookies",
    "cookie policy",
];

/// Openings of image captions and credits.
const CAPTION_PREFIXES: &[&str] = &[
    "(image:",
    "(photo:",
    "image copyright",
    "image caption",
    "image source",
    "media caption",
    "photo credit",
    "photo:",
    "photograph:",
    "foto:",
    "bild:",
    "(bild:",
    "credit:",
];

/// Photo credits anywhere in a line mark it as a caption.
const CREDITS: &[&str] = &[
    "getty images",
    "photograph:",
    "photo by ",
    "photo credit",
    "photos by ",
    "image credit",
    "shutterstock",
    "/afp",
    "afp/",
    "/reuters",
    "reuters/",
    "/ap photo",
    "ap photo/",
    "/dpa",
    "dpa/",
    "/epa",
    "epa/",
    "crédit photo",
    "foto:",
    "(bild:",
    "credit:",
];

/// Agency credits at the very end of a line ("… (AP)"); at the start, "LONDON (Reuters) -" is
/// a news lede and stays.
const CREDITS_AT_END: &[&str] = &[
    "(ap)",
    "(afp)",
    "(reuters)",
    "(epa)",
    "(dpa)",
    "(bild: hersteller)",
];

/// One automaton for the credit and legal phrases (lower case), run over ASCII-lower-cased
/// text ([`with_phrases`]): a single pass over the line instead of one search per phrase, and
/// case-sensitive so that its SIMD prefilter applies (an ASCII-case-insensitive automaton has
/// none).
fn phrases() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(
                CREDITS
                    .iter()
                    .chain(LEGAL.iter())
                    .map(|p| p.to_ascii_lowercase()),
            )
            .ok()
    })
    .as_ref()
}

/// Bytes as [`may_have_phrase`] compares them: ASCII letters in lower case, other bytes with
/// bit 5 set (a function of the byte, so equal lower-cased text folds equally).
#[inline(always)]
fn fold(c: u8) -> u32 {
    u32::from(c | 0x20)
}

/// Slot of a folded 4-byte window in the anchor bit set.
#[inline(always)]
fn anchor_slot(w: u32) -> usize {
    (w.wrapping_mul(0x9E37_79B1) >> (32 - ANCHOR_BITS)) as usize
}

/// Put a 4-byte phrase window (case-folded) into a window bit set.
fn add_window(set: &mut [u64; SET_WORDS], w: &[u8]) {
    let slot = anchor_slot(w.iter().fold(0u32, |k, &c| (k << 8) | fold(c)));
    set[slot / 64] |= 1 << (slot % 64);
}

/// log2 of the anchor bit set's size: 64 Kibit, 8 KiB, small enough to stay in L1.
const ANCHOR_BITS: u32 = 16;
/// 64-bit words of a window bit set.
const SET_WORDS: usize = (1 << ANCHOR_BITS) / 64;

/// The anchor bit set: for every phrase, its 4-byte window least likely in prose (by a rough
/// English letter frequency), folded. A text can hold a phrase only if one of its windows
/// hits the set.
fn anchors() -> &'static [u64; SET_WORDS] {
    static SET: OnceLock<Box<[u64; SET_WORDS]>> = OnceLock::new();
    SET.get_or_init(|| {
        // Most frequent English letters first; anything else (digits, punctuation, rarer
        // letters, non-ASCII) counts as rare.
        const COMMON: &[u8] = b" etaoinsrhldcumfpgwybvk";
        let rank = |c: u8| {
            COMMON
                .iter()
                .position(|&x| x == c)
                .map_or(0, |i| COMMON.len() - i)
        };
        let mut set = Box::new([0u64; SET_WORDS]);
        for p in CREDITS.iter().chain(LEGAL.iter()) {
            let p = p.to_ascii_lowercase();
            let best = p
                .as_bytes()
                .windows(4)
                .min_by_key(|w| w.iter().map(|&c| rank(c)).sum::<usize>());
            // Phrases are at least 4 bytes; a shorter one would need every text checked.
            let Some(w) = best else {
                return Box::new([u64::MAX; SET_WORDS]);
            };
            add_window(&mut set, w);
        }
        set
    })
}

/// Whether `t` may contain one of the credit or legal phrases: false means it holds none.
/// One pass of a few instructions per byte, before the automaton.
#[cfg(test)]
fn may_have_phrase(t: &[u8]) -> bool {
    phrase_window(t, 0).is_some()
}

/// The start of the first window from byte `from` on that hits the anchor set (see
/// [`may_have_phrase`]): an occurrence of a phrase holds such a window.
fn phrase_window(t: &[u8], from: usize) -> Option<usize> {
    let set = anchors();
    let mut w = 0u32;
    for (i, &c) in t.iter().enumerate().skip(from) {
        w = (w << 8) | fold(c);
        if i >= from + 3 {
            let slot = anchor_slot(w);
            if set[slot / 64] >> (slot % 64) & 1 != 0 {
                return Some(i - 3);
            }
        }
    }
    None
}

/// Shortest phrase without `/` or `:` that [`may_have_plain_phrase`] handles with its stride.
const PLAIN_MIN: usize = 4 + PLAIN_STRIDE - 1;
/// Window positions [`may_have_plain_phrase`] tests: every fourth.
const PLAIN_STRIDE: usize = 4;

/// Prose-likeness of a 4-byte window (higher = more common in English text).
fn commonness(w: &[u8]) -> usize {
    // Most frequent English letters first; anything else (digits, punctuation, rarer
    // letters, non-ASCII) counts as rare.
    const COMMON: &[u8] = b" etaoinsrhldcumfpgwybvk";
    w.iter()
        .map(|&c| {
            COMMON
                .iter()
                .position(|&x| x == c)
                .map_or(0, |i| COMMON.len() - i)
        })
        .sum()
}

/// Bit set of folded 4-byte windows of the phrases without `/` or `:`: for every phrase and
/// every offset class modulo [`PLAIN_STRIDE`], its least common window in that class. Every
/// such phrase is at least [`PLAIN_MIN`] bytes long, so an occurrence has windows of all
/// classes, and the one starting at a multiple of the stride is in the set.
fn plain_windows() -> &'static [u64; SET_WORDS] {
    static SET: OnceLock<Box<[u64; SET_WORDS]>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = Box::new([0u64; SET_WORDS]);
        for p in CREDITS.iter().chain(LEGAL.iter()) {
            let p = p.to_ascii_lowercase();
            if p.contains(['/', ':']) {
                continue;
            }
            if p.len() < PLAIN_MIN {
                // Too short for the stride: let every text through.
                return Box::new([u64::MAX; SET_WORDS]);
            }
            let windows: Vec<&[u8]> = p.as_bytes().windows(4).collect();
            for class in 0..PLAIN_STRIDE {
                let best = windows
                    .iter()
                    .skip(class)
                    .step_by(PLAIN_STRIDE)
                    .min_by_key(|w| commonness(w));
                if let Some(w) = best {
                    add_window(&mut set, w);
                }
            }
        }
        set
    })
}

/// Whether `t`, which has no `/` and no `:`, may contain one of the phrases: false means it
/// holds none. Tests one window in [`PLAIN_STRIDE`].
#[cfg(test)]
fn may_have_plain_phrase(t: &[u8]) -> bool {
    plain_phrase_window(t, 0).is_some()
}

/// The start of the first window tested by [`may_have_plain_phrase`] from byte `from` (a
/// multiple of [`PLAIN_STRIDE`]) on that hits its set.
fn plain_phrase_window(t: &[u8], from: usize) -> Option<usize> {
    let set = plain_windows();
    let hit = |w: u32| {
        let slot = anchor_slot(w | 0x2020_2020);
        set[slot / 64] >> (slot % 64) & 1 != 0
    };
    let rest = t.get(from..)?;
    // (Windows of 4 bytes at a stride of 4: two in each 8-byte chunk, big-endian as the set
    // folds them.)
    const _: () = assert!(PLAIN_STRIDE == 4);
    let mut chunks = rest.chunks_exact(8);
    for (k, c) in chunks.by_ref().enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        let x = u64::from_be_bytes(b);
        if hit((x >> 32) as u32) {
            return Some(from + 8 * k);
        }
        if hit(x as u32) {
            return Some(from + 8 * k + 4);
        }
    }
    let tail = chunks.remainder();
    if tail.len() >= 4 && hit(u32::from_be_bytes([tail[0], tail[1], tail[2], tail[3]])) {
        return Some(from + rest.len() - tail.len());
    }
    None
}

/// Length in bytes of the longest credit or legal phrase.
const PHRASE_MAX: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < CREDITS.len() {
        if CREDITS[i].len() > n {
            n = CREDITS[i].len();
        }
        i += 1;
    }
    i = 0;
    while i < LEGAL.len() {
        if LEGAL[i].len() > n {
            n = LEGAL[i].len();
        }
        i += 1;
    }
    n
};

/// Whether `t` holds a credit or legal phrase (ASCII case-insensitively), given the
/// prefilter `next(t, from)` that returns the start of the next window from `from` on that
/// every occurrence of a phrase has one of. Each occurrence lies within [`PHRASE_MAX`] bytes
/// of its window, so the automaton only runs on those few bytes around each hit.
fn has_phrase(t: &[u8], step: usize, next: impl Fn(&[u8], usize) -> Option<usize>) -> bool {
    let Some(ac) = phrases() else {
        return false;
    };
    let mut buf = [0u8; 2 * PHRASE_MAX + 4];
    let mut from = 0;
    while let Some(w) = next(t, from) {
        let (a, z) = (w.saturating_sub(PHRASE_MAX), t.len().min(w + PHRASE_MAX));
        let b = &mut buf[..z - a];
        b.copy_from_slice(&t[a..z]);
        b.make_ascii_lowercase();
        if ac.is_match(&*b) {
            return true;
        }
        from = w + step;
    }
    false
}

/// Call `f` with the phrase automaton and `t` ASCII-lower-cased (`t` is at most
/// [`MAX_FURNITURE`] bytes, longer text is cut there).
fn with_phrases<R>(t: &str, f: impl FnOnce(&AhoCorasick, &[u8]) -> R) -> Option<R> {
    let ac = phrases()?;
    let mut buf = [0u8; MAX_FURNITURE];
    let n = t.len().min(MAX_FURNITURE);
    let b = &mut buf[..n];
    b.copy_from_slice(&t.as_bytes()[..n]);
    b.make_ascii_lowercase();
    Some(f(ac, b))
}

/// Characters of a line's ends that the caption and credit checks look at.
const ENDS: usize = 24;

/// The first `n` characters of `t`.
pub(crate) fn head_chars(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    if t.as_bytes()[..n].is_ascii() {
        return &t[..n];
    }
    t.char_indices().nth(n).map_or(t, |(i, _)| &t[..i])
}

/// The last `n` characters of `t`.
fn tail_chars(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    if t.as_bytes()[t.len() - n..].is_ascii() {
        return &t[t.len() - n..];
    }
    let from = t.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &t[from..]
}

/// `s` lower-cased, in `buf` when it is short ASCII (no allocation), else in `heap`.
pub(crate) fn lower_in<'a>(s: &str, buf: &'a mut [u8; 64], heap: &'a mut String) -> &'a str {
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return l;
        }
    } else if s.len() <= buf.len() {
        // Character by character while it fits (lower case can be longer).
        let mut n = 0;
        let mut fits = true;
        'chars: for c in s.chars() {
            if let Some(l) = super::lang::simple_lower(c) {
                let k = l.len_utf8();
                if n + k > buf.len() {
                    fits = false;
                    break;
                }
                l.encode_utf8(&mut buf[n..n + k]);
                n += k;
                continue;
            }
            for l in c.to_lowercase() {
                let k = l.len_utf8();
                if n + k > buf.len() {
                    fits = false;
                    break 'chars;
                }
                l.encode_utf8(&mut buf[n..n + k]);
                n += k;
            }
        }
        if fits {
            if let Ok(l) = std::str::from_utf8(&buf[..n]) {
                return l;
            }
        }
    }
    heap.clear();
    heap.extend(s.chars().flat_map(char::to_lowercase));
    heap.as_str()
}

/// Call `f` with the lower-cased first and last [`ENDS`] characters of a line.
fn with_ends_lower<R>(t: &str, f: impl FnOnce(&str, &str) -> R) -> R {
    let (mut hb, mut tb) = ([0u8; 64], [0u8; 64]);
    let (mut hs, mut ts) = (String::new(), String::new());
    let head = lower_in(head_chars(t, ENDS), &mut hb, &mut hs);
    let tail = lower_in(tail_chars(t, ENDS), &mut tb, &mut ts);
    f(head, tail)
}

/// A line opening with a caption word, `©` or "copyright", or ending with an agency credit.
fn caption_or_copyright(t: &str) -> bool {
    let (head, tail) = (head_chars(t, ENDS), tail_chars(t, ENDS));
    if head.is_ascii() && tail.is_ascii() {
        // No lower-cased copy: the patterns are ASCII lower case.
        // (The first and last bytes first: most patterns differ there.)
        let first = head.as_bytes().first().map(u8::to_ascii_lowercase);
        let last = tail.as_bytes().last().map(u8::to_ascii_lowercase);
        let starts = |p: &str| {
            head.len() >= p.len()
                && first == p.as_bytes().first().copied()
                && head.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        let ends = |p: &str| {
            tail.len() >= p.len()
                && last == p.as_bytes().last().copied()
                && tail.as_bytes()[tail.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
        };
        return starts("copyright")
            || CAPTION_PREFIXES.iter().any(|p| starts(p))
            || starts("credit ")
            || CREDITS_AT_END.iter().any(|p| ends(p));
    }
    with_ends_lower(t, |head, tail| {
        head.starts_with('©') || head.starts_with("copyright") || caption_ends(head, tail)
    })
}

/// An image caption or credit: a caption opening ("Image caption", "Photo:"), a photo credit
/// anywhere, or an agency credit at the end.
pub fn is_caption(text: &str) -> bool {
    let t = text.trim();
    with_ends_lower(t, caption_ends)
        || if t.len() <= MAX_FURNITURE {
            with_phrases(t, |ac, b| {
                ac.find_iter(b)
                    .any(|m| m.pattern().as_usize() < CREDITS.len())
            })
            .unwrap_or(false)
        } else {
            // (Only furniture-sized blocks are lower-cased on the stack.)
            let lower = t.to_ascii_lowercase();
            phrases().is_some_and(|ac| {
                ac.find_iter(&lower)
                    .any(|m| m.pattern().as_usize() < CREDITS.len())
            })
        }
}

fn caption_ends(head: &str, tail: &str) -> bool {
    CAPTION_PREFIXES.iter().any(|p| head.starts_with(p))
        || head.starts_with("credit ")
        || CREDITS_AT_END.iter().any(|p| tail.ends_with(p))
}

/// Page furniture: a known label, an image alt or form-field line (`[...]`), a separator rule,
/// a copyright line, or a navigation bar of `|`-separated items.
pub fn is_furniture(text: &str) -> bool {
    furniture_flags(text, byte_flags(text))
}

/// [`byte_flags`] bit: the text has a `<`.
pub(crate) const HAS_LT: u8 = 4;
/// The text has a `|`.
pub(crate) const HAS_BAR: u8 = 8;
/// The text has a `/` or a `:`.
pub(crate) const HAS_SLASH_COLON: u8 = 16;
/// The text has an ASCII digit.
pub(crate) const HAS_DIGIT: u8 = 32;

/// The [`byte_flags`] bit of one byte (0 for most).
#[cfg(test)]
pub(crate) const fn flag_of(c: u8) -> u8 {
    match c {
        b'<' => HAS_LT,
        b'|' => HAS_BAR,
        b'/' | b':' => HAS_SLASH_COLON,
        b'0'..=b'9' => HAS_DIGIT,
        _ => 0,
    }
}

/// Which of the bytes that some checks need a text contains (`HAS_*` bits); the parser
/// collects them while it normalises a line, so the checks skip most lines without a scan.
pub(crate) fn byte_flags(text: &str) -> u8 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut flags = 0;
    // Eight bytes at a time: per byte, the high bit of each test below is set when it holds.
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut chunk = |x: u64| {
        // Low seven bits of each byte (byte-wise sums cannot carry); `ascii` keeps the tests
        // to ASCII bytes, whose low bits are the byte.
        let y = x & !HI;
        let ascii = !x & HI;
        let eq = |c: u8| !(y ^ (u64::from(c) * ONES)).wrapping_add(0x7F * ONES) & ascii;
        // `/`, digits, `:` and `<` are all in 0x2F–0x3C, `|` is alone: most chunks hold none.
        let near = y.wrapping_add(0x51 * ONES) & !y.wrapping_add(0x43 * ONES);
        if (near | eq(b'|')) & ascii == 0 {
            return;
        }
        let digit = y.wrapping_add(0x50 * ONES) & !y.wrapping_add(0x46 * ONES) & ascii;
        if eq(b'<') != 0 {
            flags |= HAS_LT;
        }
        if eq(b'|') != 0 {
            flags |= HAS_BAR;
        }
        if (eq(b'/') | eq(b':')) != 0 {
            flags |= HAS_SLASH_COLON;
        }
        if digit != 0 {
            flags |= HAS_DIGIT;
        }
    };
    for c in chunks.by_ref() {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        chunk(u64::from_le_bytes(b));
    }
    // The last bytes padded with NUL, which has no flag.
    let mut b = [0u8; 8];
    let rest = chunks.remainder();
    b[..rest.len()].copy_from_slice(rest);
    chunk(u64::from_le_bytes(b));
    flags
}

/// Bit of an ASCII byte in [`LABEL_FIRST`]: one per letter (either case), one for the rest.
const fn label_letter(c: u8) -> u32 {
    let l = c.to_ascii_lowercase();
    if l.is_ascii_lowercase() {
        1 << (l - b'a')
    } else {
        1 << 26
    }
}

/// By length: the [`label_letter`] bits of the first bytes of the [`LABELS`] of that length.
static LABEL_FIRST: [u32; 64] = {
    let mut t = [0u32; 64];
    let mut i = 0;
    while i < LABELS.len() {
        let l = LABELS[i].as_bytes();
        if l.len() < 64 {
            t[l.len()] |= label_letter(l[0]);
        }
        i += 1;
    }
    t
};

/// `t` lower-cased, without leading and trailing non-alphanumeric characters, is one of
/// [`LABELS`]. ASCII text is compared in place (the labels are lower case).
fn is_label(t: &str) -> bool {
    if t.is_ascii() {
        let b = t.as_bytes();
        let a = b
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(b.len());
        let z = b
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(a, |z| z + 1);
        let key = &b[a..z.max(a)];
        let first = key.first().map_or(0, |&c| label_letter(c));
        if LABEL_FIRST.get(key.len()).is_none_or(|m| m & first == 0) {
            return false;
        }
        return LABELS
            .iter()
            .any(|l| l.len() == key.len() && l.as_bytes().eq_ignore_ascii_case(key));
    }
    let (mut buf, mut heap) = ([0u8; 64], String::new());
    let lower = lower_in(t, &mut buf, &mut heap);
    let key = lower.trim_matches(|c: char| !super::lang::is_alphanumeric(c));
    LABELS.contains(&key)
}

/// A page label ("Related Articles", "Most read", "Subscribe now"): one of the labels the
/// plain-text parser drops wherever they stand, in any case, between punctuation. One that
/// ends with a colon introduces what follows ("Read more:" and a list of links in the text).
pub(crate) fn is_page_label(text: &str) -> bool {
    let t = text.trim();
    t.len() < 40 && !t.ends_with(':') && is_label(t)
}

/// Whether `t` has an alphabetic character: ASCII letters first, then the other characters
/// but common punctuation and symbols (rules of `━` are long), which need no table look-up.
fn has_letter(t: &str) -> bool {
    t.bytes().any(|c| c.is_ascii_alphabetic())
        || t.chars()
            .any(|c| !c.is_ascii() && !super::lang::is_punct_or_symbol(c) && c.is_alphabetic())
}

/// [`is_furniture`] of a text whose [`byte_flags`] are `flags` (bits other than `HAS_*` are
/// ignored; a set bit the text does not justify only costs time).
pub(crate) fn furniture_flags(text: &str, flags: u8) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return true;
    }
    if t.starts_with('[') && t.ends_with(']') {
        return true;
    }
    // A check box or radio button of a form ("[ ] Daily", "[*] Weekly", "( ) Other").
    if let [open, mark, close, _, ..] = t.as_bytes() {
        if matches!((open, close), (b'[', b']') | (b'(', b')')) && b" *xX".contains(mark) {
            return true;
        }
    }
    if !has_letter(t) {
        return true;
    }
    // Markup that leaked into the text.
    if flags & HAS_LT != 0
        && ["<span", "<div", "<a href", "<img", "<script", "<iframe"]
            .iter()
            .any(|m| t.contains(m))
    {
        return true;
    }
    // "Taboola Taboola": a label printed twice (image alt plus text).
    if t.len() < 80 && t.len() % 2 == 1 && t.is_char_boundary(t.len() / 2) {
        let (a, b) = t.split_at(t.len() / 2);
        if b.starts_with(' ') && a == &b[1..] {
            return true;
        }
    }
    // Long blocks are never labels, captions or legal lines; markup needs a `<`.
    if t.len() > MAX_FURNITURE {
        return false;
    }
    // Every caption opening starts with one of these (lower-cased, only an ASCII letter
    // lower-cases to an ASCII letter), every credit at the end ends with `)`.
    let first = t.as_bytes()[0];
    let may_open = !first.is_ascii()
        || matches!(
            first.to_ascii_lowercase(),
            b'i' | b'm' | b'p' | b'f' | b'b' | b'(' | b'c'
        );
    if (may_open || t.ends_with(')')) && caption_or_copyright(t) {
        return true;
    }
    let phrase = if flags & HAS_SLASH_COLON != 0 {
        has_phrase(t.as_bytes(), 1, phrase_window)
    } else {
        has_phrase(t.as_bytes(), PLAIN_STRIDE, plain_phrase_window)
    };
    if phrase {
        return true;
    }
    if t.len() < 40 && is_label(t) {
        return true;
    }
    // "Home | World | Politics": several short items between bars.
    let bars = if flags & HAS_BAR != 0 {
        t.matches(" | ").count()
    } else {
        0
    };
    if bars >= 2 {
        let items = bars + 1;
        let words = t.split_whitespace().count().saturating_sub(bars);
        if words <= items * 3 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_in_any_case_between_punctuation() {
        assert!(LABELS.iter().all(|l| l.to_lowercase() == *l));
        for l in LABELS {
            assert!(is_label(l), "{l}");
            assert!(is_label(&format!("  {}: ", l.to_uppercase())), "{l}");
            assert!(!is_label(&format!("{l}s x")), "{l}");
        }
        assert!(is_label("– Advertisement –"));
        assert!(!is_label("Advertisements"));
        assert!(!is_label("..."));
        assert!(!is_label(""));
    }

    #[test]
    fn line_ends_are_characters_not_bytes() {
        let long = "Président de la République française – «\u{A0}Photo\u{A0}: AFP\u{A0}»";
        for t in [
            "",
            "short",
            "abcdefghijklmnopqrstuvwxyz0123",
            long,
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ",
        ] {
            let head: String = t.chars().take(ENDS).flat_map(char::to_lowercase).collect();
            let from = t.char_indices().rev().nth(ENDS - 1).map_or(0, |(i, _)| i);
            let tail: String = t[from..].chars().flat_map(char::to_lowercase).collect();
            with_ends_lower(t, |h, l| {
                assert_eq!((h, l), (head.as_str(), tail.as_str()), "{t:?}");
            });
        }
    }
    use Class::*;

    fn f(wlen: usize, density: f32) -> Features {
        Features {
            wlen,
            density,
            furniture: false,
            sentence: true,
        }
    }

    #[test]
    fn context_free_classes() {
        assert_eq!(classify(&f(300, 0.4)), Good);
        assert_eq!(classify(&f(150, 0.35)), NearGood);
        assert_eq!(classify(&f(300, 0.31)), NearGood);
        assert_eq!(classify(&f(300, 0.1)), Bad);
        assert_eq!(classify(&f(40, 0.5)), Short);
        let mut furniture = f(300, 0.5);
        furniture.furniture = true;
        assert_eq!(classify(&furniture), Bad);
    }

    #[test]
    fn short_prose_sentence_is_good_alone() {
        assert_eq!(classify(&f(120, 0.5)), Good);
        let mut no_stop = f(120, 0.5);
        no_stop.sentence = false;
        assert_eq!(classify(&no_stop), NearGood);
        assert_eq!(classify(&f(120, 0.33)), NearGood);
    }

    #[test]
    fn runs_of_tiny_labels_are_bad() {
        let label = Features {
            wlen: 8,
            density: 0.0,
            furniture: false,
            sentence: false,
        };
        let cls = classify_all(&[f(300, 0.5), label, label, label, f(300, 0.5)]);
        assert_eq!(cls, vec![Good, Bad, Bad, Bad, Good]);
        let cls = classify_all(&[f(300, 0.5), label, label, f(300, 0.5)]);
        assert_eq!(cls, vec![Good, Short, Short, Good]);
    }

    #[test]
    fn short_between_good_is_good_between_bad_is_bad() {
        assert_eq!(revise(&[Good, Short, Good]), vec![Good, Good, Good]);
        assert_eq!(revise(&[Bad, Short, Bad]), vec![Bad, Bad, Bad]);
        // Document edges count as bad.
        assert_eq!(revise(&[Short, Good]), vec![Bad, Good]);
        // Runs of short blocks look past each other.
        assert_eq!(revise(&[Good, Short, Short, Good]), vec![Good; 4]);
    }

    #[test]
    fn near_good_needs_a_good_neighbour() {
        assert_eq!(revise(&[Good, NearGood, Bad]), vec![Good, Good, Bad]);
        assert_eq!(revise(&[Bad, NearGood, Bad]), vec![Bad, Bad, Bad]);
        // A short block next to a near-good one on a bad side is kept.
        assert_eq!(
            revise(&[Good, Short, NearGood, Bad]),
            vec![Good, Good, Good, Bad]
        );
    }

    /// The prefilter never hides a phrase the automaton finds, in any case and position.
    #[test]
    fn phrase_prefilter_passes_every_phrase() {
        for p in CREDITS.iter().chain(LEGAL.iter()) {
            for t in [
                p.to_string(),
                p.to_ascii_uppercase(),
                format!("Seen here. {} and more", p.to_ascii_uppercase()),
                format!("x{p}"),
            ] {
                assert!(may_have_phrase(t.as_bytes()), "{t:?}");
                assert!(
                    with_phrases(&t, |ac, b| ac.is_match(b)).unwrap_or(false),
                    "{t:?}"
                );
                assert!(has_phrase(t.as_bytes(), 1, phrase_window), "{t:?}");
                // Far from the start, after windows that hit the prefilter but hold none.
                let far = format!("{}{t}", "terms, cookie, photo, ".repeat(8));
                assert!(has_phrase(far.as_bytes(), 1, phrase_window), "{far:?}");
                if !p.contains(['/', ':']) {
                    for pad in 0..PLAIN_STRIDE {
                        let t = format!("{}{far}", "x".repeat(pad));
                        let b = t.as_bytes();
                        assert!(has_phrase(b, PLAIN_STRIDE, plain_phrase_window), "{t:?}");
                    }
                }
            }
        }
        // Plain prose mostly passes without the automaton.
        assert!(!may_have_phrase(
            b"The minister said on Monday that the government would not change its plan."
        ));
    }

    #[test]
    fn plain_prefilter_passes_every_plain_phrase_at_any_offset() {
        for p in CREDITS.iter().chain(LEGAL.iter()) {
            if p.contains(['/', ':']) {
                continue;
            }
            for pad in 0..PLAIN_STRIDE {
                let t = format!("{}{}", "x".repeat(pad), p.to_ascii_uppercase());
                assert!(may_have_plain_phrase(t.as_bytes()), "{t:?}");
            }
        }
        assert!(!may_have_plain_phrase(
            b"The minister said on Monday that the government would not change its plan."
        ));
    }

    #[test]
    fn furniture_flags_agree_with_is_furniture() {
        for t in [
            "Home | World | Politics",
            "<span class=x>Sponsored</span>",
            "Photograph: AFP",
            "Police said 12 people were hurt. Photo by Jane Doe",
            "We use cookies.",
        ] {
            assert!(furniture_flags(t, byte_flags(t)), "{t:?}");
            assert_eq!(
                byte_flags(t) & !(HAS_LT | HAS_BAR | HAS_SLASH_COLON | HAS_DIGIT),
                0
            );
        }
    }

    #[test]
    fn byte_flags_are_those_of_the_bytes() {
        // Every byte value at every position of texts of 1 to 17 bytes, among varied bytes;
        // non-ASCII bytes whose low seven bits are a flagged byte (`¼` is C2 BC) have none.
        let fill = "a<b|c/d:9Z~! é¼¯º°";
        for len in 1..=17 {
            for pos in 0..len {
                for v in 0..=255u8 {
                    let mut x: Vec<u8> = fill
                        .bytes()
                        .cycle()
                        .skip(pos + usize::from(v))
                        .take(len)
                        .collect();
                    x[pos] = v;
                    let want = x.iter().fold(0, |f, &c| f | flag_of(c));
                    // (Any bytes: the function reads bytes only.)
                    let t = String::from_utf8_lossy(&x);
                    let want_t = t.bytes().fold(0, |f, c| f | flag_of(c));
                    assert_eq!(byte_flags(&t), want_t, "{x:?}");
                    if let Ok(t) = std::str::from_utf8(&x) {
                        assert_eq!(byte_flags(t), want, "{x:?}");
                    }
                }
            }
        }
        for t in ["¼½¾", "¯º°ü", "ü|", "<", "x:", "2026"] {
            assert_eq!(
                byte_flags(t),
                t.bytes().fold(0, |f, c| f | flag_of(c)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn has_letter_is_any_alphabetic() {
        for t in [
            "",
            "abc",
            "123 --",
            "━━━━",
            "━━a━━",
            "« 12 »",
            "中",
            "Ω",
            "ª",
            "①②",
            "→ É",
        ] {
            assert_eq!(has_letter(t), t.chars().any(char::is_alphabetic), "{t:?}");
        }
    }

    /// The ASCII fast path of the caption checks compares with lower-case ASCII patterns.
    #[test]
    fn caption_patterns_are_lower_case_ascii() {
        for p in CAPTION_PREFIXES.iter().chain(CREDITS_AT_END) {
            assert!(p.is_ascii() && p.to_ascii_lowercase() == *p, "{p}");
        }
    }

    proptest::proptest! {
        #[test]
        fn phrase_prefilter_is_a_necessary_condition(
            t in "((?i)getty images|photo by |terms of use|cookies|/afp|foto:|all rights reserved|[a-zA-Z ]{0,6}|[/:(é]){0,12}"
        ) {
            let matched = with_phrases(&t, |ac, b| ac.is_match(b)).unwrap_or(false);
            proptest::prop_assert!(!matched || may_have_phrase(t.as_bytes()));
            proptest::prop_assert_eq!(has_phrase(t.as_bytes(), 1, phrase_window), matched);
            if byte_flags(&t) & HAS_SLASH_COLON == 0 {
                proptest::prop_assert!(!matched || may_have_plain_phrase(t.as_bytes()));
                proptest::prop_assert_eq!(
                    has_phrase(t.as_bytes(), PLAIN_STRIDE, plain_phrase_window),
                    matched
                );
            }
            let old = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(CREDITS.iter().chain(LEGAL.iter()))
                .map(|ac| ac.is_match(&t))
                .unwrap_or(false);
            proptest::prop_assert_eq!(matched, old);
        }
    }

    #[test]
    fn form_check_boxes_are_furniture() {
        for s in [
            "[ ] Europe (English, daily)",
            "[*]Weekly digest",
            "( ) Other",
        ] {
            assert!(is_furniture(s), "{s:?} should be furniture");
        }
        for s in [
            "(a) The court may order a stay of the work.",
            "[1] The minister said so in May.",
        ] {
            assert!(!is_furniture(s), "{s:?} should not be furniture");
        }
    }

    #[test]
    fn furniture_labels_and_patterns() {
        for s in [
            "Advertisement",
            "  Share this story ",
            "Related Articles",
            "[GettyImage]",
            "[          ]",
            "━━━━━━━━━━",
            "© 2026 Lede Wire. All rights reserved. Privacy | Terms | Contact",
            "Home | World | Politics | Business | Climate | Opinion",
            "Publicité",
            "광고",
            "Taboola Taboola",
            "광고 광고",
            "2.",
            "<span class=x>Sponsored by </span>Tracker",
            "We use cookies to improve your browsing experience and show targeted ads.",
            "A map of the hibernation module. Credit: ESA",
            "Image caption Scooter Braun has managed Justin Bieber, among others",
            "The border check point near the Port of Entry in Nogales, Ariz. (AP)",
            "Police in the square on Monday. Photograph: AFP via Getty",
            "(Image: © Harbour Photo Archive)",
        ] {
            assert!(is_furniture(s), "{s:?} should be furniture");
        }
        for s in [
            "Advertising revenue fell by a third last year, the company said.",
            "What Comes Next",
            "LONDON (Reuters) - The minister said on Monday that the plan was dead.",
            "He said the vote was close | and then left.",
        ] {
            assert!(!is_furniture(s), "{s:?} should not be furniture");
        }
    }
}
