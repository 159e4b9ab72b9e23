//! The learned name model: a greedy left-to-right averaged perceptron that labels each token
//! of a line O, PER, ORG, LOC or MISC, fitted on CoNLL-2003 train by `scripts/train_ner.py`.
//!
//! This file owns inference only: the weights (`data/ner_model.bin`, derived data, provenance
//! in `data/ner_model.txt`), their header check, the feature templates and their hashing, the
//! per-token lexicon flags ([`flags_of`]) and the decoder ([`tag`]). Every feature is hashed
//! with FNV-1a 64 over its value's bytes followed by a template byte, and the top `bits` bits
//! of the hash, mixed once more, pick a row of `labels` i16 weights: no string maps. The script computes the same
//! features the same way; `tests/fixtures/ner_model_expect.json` (written by the script from
//! sentences of its own) checks that both label alike.
//!
//! Only capitalised words, and words right after an entity word, are scored; every other word
//! is O without looking at the weights (margin [`f32::INFINITY`]), in training as here. A
//! period right after a capitalised title ("Mr.", "Gen.") is left out of the model's view, so
//! that "Mr. Xi" reads as "Mr Xi" (CoNLL hardly ever writes "Mr.").

use super::tokens::{Kind, Token};
use super::words::{self, Lex};
use std::sync::OnceLock;

/// Lexicon flags of a word (its key), as [`flags_of`] computes them.
pub const GIVEN: u16 = 1;
pub const COMMON: u16 = 1 << 1;
pub const PLACE: u16 = 1 << 2;
/// A key of the country table (country, demonym, capital or seat).
pub const COUNTRY: u16 = 1 << 3;
pub const TITLE: u16 = 1 << 4;
pub const ROLE: u16 = 1 << 5;
pub const AFTER: u16 = 1 << 6;
pub const ORG: u16 = 1 << 7;
pub const CAL: u16 = 1 << 8;
pub const PARTICLE: u16 = 1 << 9;
pub const STOP: u16 = 1 << 10;
pub const REPORT: u16 = 1 << 11;
/// One of [`NAME_TITLES`] (the model's own list, not a lexicon's).
pub const HONORIFIC: u16 = 1 << 12;

/// Titles written right before a person's name and before little else (`lexicon.toml`'s
/// titles also hold "foreign", "trade", ...); the script has the same list.
pub const NAME_TITLES: [&str; 41] = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "pope",
    "sheikh",
    "sheik",
    "ayatollah",
    "chancellor",
    "premier",
    "prof",
    "professor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "mayor",
    "judge",
    "justice",
    "cardinal",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "rev",
    "reverend",
    "coach",
];
/// Set by the caller from the token ([`Token::sent_start`]).
pub const SENT_START: u16 = 1 << 13;
/// Set by the caller from the token ([`Token::poss`]).
pub const POSS: u16 = 1 << 14;
/// Set by the caller: the token's line is written in capitals ([`super::tokens::Tokens::caps`]).
pub const CAPS_LINE: u16 = 1 << 15;

/// (model flag, word test) pairs.
const LEX_BITS: [(u16, u32); 12] = [
    (GIVEN, words::GIVEN),
    (COMMON, words::COMMON),
    (PLACE, words::PLACE),
    (COUNTRY, words::COUNTRY),
    (TITLE, words::TITLE),
    (ROLE, words::ROLE),
    (AFTER, words::AFTER),
    (ORG, words::ORG),
    (CAL, words::CAL),
    (PARTICLE, words::PARTICLE),
    (STOP, words::STOP),
    (REPORT, words::REPORT),
];

/// Every word test of [`LEX_BITS`].
const LEX_ANY: u32 = {
    let mut m = 0;
    let mut i = 0;
    while i < LEX_BITS.len() {
        m |= LEX_BITS[i].1;
        i += 1;
    }
    m
};

/// What the model calls a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ent {
    O = 0,
    Per = 1,
    Org = 2,
    Loc = 3,
    Misc = 4,
}

/// The label of a token outside any name.
pub const O: Label = Label {
    ent: Ent::O,
    begin: false,
};

const ENTS: [Ent; 5] = [Ent::O, Ent::Per, Ent::Org, Ent::Loc, Ent::Misc];

/// A token's label: its entity type and whether it begins an entity (the first token of a run
/// of one type, or the first after a possessive: "Puerto Rico's Hector"; O tokens never
/// begin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    pub ent: Ent,
    pub begin: bool,
}

impl Ent {
    /// The label's name as the script writes it ("O", "PER", ...).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn name(self) -> &'static str {
        ["O", "PER", "ORG", "LOC", "MISC"][self as usize]
    }
}

const MAGIC: &[u8; 8] = b"LEDENER1";
const VERSION: u32 = 1;
/// The feature set these templates implement (the script's `FEATURES`).
const FEATURES: u32 = 4;
const NL: usize = 5;
const HEADER: usize = 32;

static BIN: &[u8] = include_bytes!("data/ner_model.bin");

struct Weights {
    /// Hash bits per row index.
    bits: u32,
    /// Weight = stored i16 * scale.
    scale: f32,
    /// Row-major: `w[row * NL + label]`.
    w: Vec<i16>,
}

static MODEL: OnceLock<Option<Weights>> = OnceLock::new();

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The weights in `bytes`, if their header is ours and their length agrees with it.
fn parse(bytes: &[u8]) -> Option<Weights> {
    if bytes.get(..8)? != MAGIC {
        return None;
    }
    let version = u32_le(bytes, 8)?;
    let bits = u32_le(bytes, 12)?;
    let labels = u32_le(bytes, 16)? as usize;
    let scale = f32::from_bits(u32_le(bytes, 20)?);
    let features = u32_le(bytes, 24)?;
    if version != VERSION
        || features != FEATURES
        || labels != NL
        || !(8..=24).contains(&bits)
        || !scale.is_finite()
        || scale <= 0.0
    {
        return None;
    }
    let n = (1usize << bits) * NL;
    let data = bytes.get(HEADER..)?;
    if data.len() != n * 2 {
        return None;
    }
    let w = data
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some(Weights { bits, scale, w })
}

fn model() -> Option<&'static Weights> {
    MODEL.get_or_init(|| parse(BIN)).as_ref()
}

/// Whether the shipped weights loaded (without them [`tag`] says O everywhere).
pub fn available() -> bool {
    model().is_some()
}

/// The lexicon flags of a word as written (its key's tests), as the script computes them.
/// [`SENT_START`], [`POSS`] and [`CAPS_LINE`] are the caller's to add.
pub fn flags_of(word: &str, lex: &Lex) -> u16 {
    flags_of_key(word, lex.key_id(word), lex)
}

/// [`flags_of`] for a word whose key id ([`Lex::key_id`], [`Lex::tk`]) is known.
pub fn flags_of_key(word: &str, key: u32, lex: &Lex) -> u16 {
    let mut f = 0;
    // one memo probe answers for the words in no lexicon (most names)
    if lex.is(key, LEX_ANY) {
        for (bit, test) in LEX_BITS {
            if lex.is(key, test) {
                f |= bit;
            }
        }
    }
    if name_title(word) {
        f |= HONORIFIC;
    }
    f
}

/// Whether the key of `word` (lower case, periods dropped) is one of [`NAME_TITLES`].
fn name_title(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for &b in word.as_bytes() {
        if b == b'.' {
            continue;
        }
        if !b.is_ascii() || n == buf.len() {
            // the titles are short ASCII words
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    NAME_TITLES.iter().any(|t| t.as_bytes() == &buf[..n])
}

/// Label lede tokens `toks` of `text` (one sentence or line; `caps` is
/// [`super::tokens::Tokens::caps`]) as [`tag`] does, computing each token's flags (lexicon
/// tests through `lex`, plus [`SENT_START`], [`POSS`], [`CAPS_LINE`] from the tokens) only
/// where the model reads them: at scored tokens and their neighbours.
pub fn tag_tokens(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    lex: &Lex,
    out: &mut Vec<(Label, f32)>,
) {
    let words: Vec<&str> = toks
        .iter()
        .map(|t| text.get(t.range()).unwrap_or(""))
        .collect();
    let mut memo: Vec<u32> = vec![u32::MAX; toks.len()];
    let flag = |j: usize| -> u16 {
        let (Some(t), Some(slot)) = (toks.get(j), memo.get_mut(j)) else {
            return 0;
        };
        if let Ok(f) = u16::try_from(*slot) {
            return f;
        }
        let mut f = if t.kind == Kind::Word {
            flags_of_key(words[j], lex.tk(text, t), lex)
        } else {
            flags_of(words[j], lex)
        };
        if caps.get(t.line as usize).copied().unwrap_or(false) {
            f |= CAPS_LINE;
        }
        if t.sent_start {
            f |= SENT_START;
        }
        if t.poss {
            f |= POSS;
        }
        *slot = u32::from(f);
        f
    };
    run(&words, flag, out);
}

#[cfg(test)]
/// Label every token of a paragraph (`toks` of `text`, as from
/// [`super::tokens::tokenize_with`]) sentence by sentence (split at [`Token::sent_start`],
/// which every line start is; the model was fitted on sentences): `out` gets one entry per
/// token, as from [`tag_tokens`].
pub fn tag_paragraph(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    lex: &Lex,
    out: &mut Vec<(Label, f32)>,
) {
    out.clear();
    let mut buf = Vec::new();
    let mut from = 0;
    for i in 1..=toks.len() {
        if i == toks.len() || toks[i].sent_start {
            tag_tokens(text, &toks[from..i], caps, lex, &mut buf);
            out.append(&mut buf);
            from = i;
        }
    }
}

const FNV_OFF: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[inline]
fn fnv1(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| fnv1(h, b))
}

/// The hash a row index is taken from (its top bits): FNV-1a's last byte barely reaches the
/// top bits (its product with the prime lands at bit 40), so it is mixed once more.
#[inline]
fn mix(h: u64) -> u64 {
    (h ^ (h >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Hash of a position outside the line (as a word and as a shape).
const PAD: u64 = (FNV_OFF ^ 1).wrapping_mul(FNV_PRIME);

/// FNV-1a of the lower-cased word (each char lower-cased on its own).
fn lower_hash(w: &str) -> u64 {
    if w.is_ascii() {
        w.bytes()
            .fold(FNV_OFF, |h, b| fnv1(h, b.to_ascii_lowercase()))
    } else {
        let mut h = FNV_OFF;
        let mut buf = [0u8; 4];
        for c in w.chars().flat_map(char::to_lowercase) {
            h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
        }
        h
    }
}

/// The shape class of a char: X upper, x lower, d ASCII digit, a other letter, else itself.
#[inline]
fn shape_char(c: char) -> char {
    if c.is_ascii() {
        match c {
            'A'..='Z' => 'X',
            'a'..='z' => 'x',
            '0'..='9' => 'd',
            c => c,
        }
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// FNV-1a of the compact shape (runs of one class as one).
fn shape_hash(w: &str) -> u64 {
    let mut h = FNV_OFF;
    let mut last = '\0';
    let mut buf = [0u8; 4];
    for c in w.chars() {
        let s = shape_char(c);
        if s != last {
            h = fnv(h, s.encode_utf8(&mut buf).as_bytes());
            last = s;
        }
    }
    h
}

fn is_quote(w: &str) -> bool {
    matches!(
        w,
        "\"" | "'" | "`" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}"
    )
}

/// Whether a word is scored with label `prev` before it: capitalised, or after an entity word.
#[inline]
fn scored(w: &str, prev: usize) -> bool {
    if prev != 0 {
        return true;
    }
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Prefix and suffix hashes (1..=3 chars of the lower-cased word), pushed as feature hashes.
fn affixes(w: &str, push: &mut impl FnMut(u64)) {
    if w.is_ascii() {
        let b = w.as_bytes();
        let n = b.len();
        let low = |x: &u8| x.to_ascii_lowercase();
        for k in 1..=3.min(n) {
            let p = b[..k].iter().map(low).fold(FNV_OFF, fnv1);
            push(fnv1(p, 3 + k as u8));
            let s = b[n - k..].iter().map(low).fold(FNV_OFF, fnv1);
            push(fnv1(s, 6 + k as u8));
        }
    } else {
        let mut low = [char::default(); 64];
        let mut n = 0;
        for c in w.chars().flat_map(char::to_lowercase) {
            if let Some(slot) = low.get_mut(n) {
                *slot = c;
            }
            n += 1;
        }
        let mut buf = [0u8; 4];
        let hash = |cs: &[char], buf: &mut [u8; 4]| {
            cs.iter()
                .fold(FNV_OFF, |h, c| fnv(h, c.encode_utf8(buf).as_bytes()))
        };
        if n > low.len() {
            // a very long word: its lower-cased chars again, in a vector
            let all: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
            for k in 1..=3.min(n) {
                push(fnv1(hash(&all[..k], &mut buf), 3 + k as u8));
                push(fnv1(hash(&all[n - k..], &mut buf), 6 + k as u8));
            }
            return;
        }
        for k in 1..=3.min(n) {
            push(fnv1(hash(&low[..k], &mut buf), 3 + k as u8));
            push(fnv1(hash(&low[n - k..n], &mut buf), 6 + k as u8));
        }
    }
}

/// Label the tokens of one sentence or line: `words[i]` with `flags[i]` (lexicon flags from
/// [`flags_of`] plus the caller's [`SENT_START`], [`POSS`], [`CAPS_LINE`]; [`tag_tokens`]
/// does it all from lede tokens). `out` is cleared and gets, per token, its label and the
/// margin of the best label's score over the second best (in weight units; [`f32::INFINITY`] for a
/// word that is O by rule). Without weights every token is O with margin 0.
#[cfg_attr(not(test), allow(dead_code))]
pub fn tag(words: &[&str], flags: &[u16], out: &mut Vec<(Label, f32)>) {
    run(words, |j| flags.get(j).copied().unwrap_or(0), out);
}

/// [`tag`] with the flags of token `j` from `flag(j)`: the words [`skipped`] are left out of
/// the model's view (O, margin infinite).
fn run(words: &[&str], mut flag: impl FnMut(usize) -> u16, out: &mut Vec<(Label, f32)>) {
    let skip = |j: usize, flag: &mut dyn FnMut(usize) -> u16| {
        words[j] == "." && j > 0 && flag(j - 1) & TITLE != 0 && scored(words[j - 1], 0)
    };
    let Some(first) = (0..words.len()).find(|&j| skip(j, &mut flag)) else {
        return run_view(words, flag, out);
    };
    let mut keep: Vec<usize> = (0..first).collect();
    for j in first + 1..words.len() {
        if !skip(j, &mut flag) {
            keep.push(j);
        }
    }
    let view: Vec<&str> = keep.iter().map(|&j| words[j]).collect();
    let mut labels = Vec::with_capacity(view.len());
    run_view(&view, |k| keep.get(k).map_or(0, |&j| flag(j)), &mut labels);
    out.clear();
    let o = Label {
        ent: Ent::O,
        begin: false,
    };
    out.resize(words.len(), (o, f32::INFINITY));
    for (&j, l) in keep.iter().zip(labels) {
        out[j] = l;
    }
}

/// The decoder on the model's view of a line.
fn run_view(words: &[&str], mut flag: impl FnMut(usize) -> u16, out: &mut Vec<(Label, f32)>) {
    out.clear();
    let o = Label {
        ent: Ent::O,
        begin: false,
    };
    let Some(m) = model() else {
        out.extend(words.iter().map(|_| (o, 0.0)));
        return;
    };
    let n = words.len();
    let shift = 64 - m.bits;
    let w = &m.w[..];
    // word and shape hashes of each token, computed once when first asked for
    let mut hashes: Vec<(u64, u64)> = vec![(0, 0); n];
    let mut done: Vec<bool> = vec![false; n];
    let mut hash_at = |j: Option<usize>| -> (u64, u64) {
        let Some(j) = j.filter(|&j| j < n) else {
            return (PAD, PAD);
        };
        if !done[j] {
            hashes[j] = (lower_hash(words[j]), shape_hash(words[j]));
            done[j] = true;
        }
        hashes[j]
    };
    // row offsets of one token's features, summed once all are known (the loads overlap)
    let mut rows = [0usize; 128];
    let (mut l1, mut l2) = (NL as u8, NL as u8);
    let mut prev = 0usize;
    let mut prev_poss = false;
    for (i, &word) in words.iter().enumerate() {
        if !scored(word, prev) {
            out.push((o, f32::INFINITY));
            (l2, l1, prev, prev_poss) = (l1, 0, 0, false);
            continue;
        }
        let mut nr = 0;
        let mut add = |h: u64| {
            if let Some(slot) = rows.get_mut(nr) {
                *slot = (mix(h) >> shift) as usize * NL;
                nr += 1;
            }
        };
        let at = |d: isize| i.checked_add_signed(d).filter(|&j| j < n);
        let win = [at(-2), at(-1), Some(i), at(1), at(2)].map(&mut hash_at);
        let lwh = win.map(|h| h.0);
        let shh = win.map(|h| h.1);
        add(fnv(FNV_OFF, &[0, 1]));
        add(fnv1(lwh[2], 2));
        add(fnv1(shh[2], 3));
        affixes(word, &mut add);
        add(fnv1(lwh[1], 10));
        add(fnv1(lwh[0], 11));
        add(fnv1(lwh[3], 12));
        add(fnv1(lwh[4], 13));
        add(fnv1(shh[1], 14));
        add(fnv1(shh[3], 15));
        add(fnv1(shh[0], 16));
        add(fnv1(shh[4], 17));
        for (pos, t) in [(Some(i), 21u8), (at(-1), 22), (at(1), 23)] {
            let mut f = pos.map_or(0, &mut flag);
            while f != 0 {
                let b = f.trailing_zeros() as u8;
                f &= f - 1;
                add(fnv(FNV_OFF, &[b, t]));
            }
        }
        let before = i.checked_sub(1).and_then(|j| words.get(j)).copied();
        let after = words.get(i + 1).copied();
        if before.is_some_and(is_quote) {
            add(fnv(FNV_OFF, &[0, 24]));
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            add(fnv(FNV_OFF, &[0, 25]));
        }
        if word.contains(['\'', '\u{2019}']) {
            add(fnv(FNV_OFF, &[0, 26]));
        }
        if before == Some("-") || after == Some("-") {
            add(fnv(FNV_OFF, &[0, 29]));
        }
        if flag(i) & CAPS_LINE != 0 {
            add(fnv1(lwh[2], 30));
        }
        // word bigrams and the shape trigram: a hash continued with the bytes of another
        add(fnv1(fnv(lwh[1], &lwh[2].to_le_bytes()), 31));
        add(fnv1(fnv(lwh[2], &lwh[3].to_le_bytes()), 32));
        let tri = fnv(fnv(shh[1], &shh[2].to_le_bytes()), &shh[3].to_le_bytes());
        add(fnv1(tri, 33));
        add(fnv(FNV_OFF, &[l1, 18]));
        add(fnv(FNV_OFF, &[l2, l1, 19]));
        add(fnv1(fnv1(shh[2], l1), 20));
        add(fnv1(fnv1(lwh[2], l1), 34));
        let mut s = [0i32; NL];
        for &r in &rows[..nr] {
            if let Some(row) = w.get(r..r + NL) {
                for (a, &x) in s.iter_mut().zip(row) {
                    *a += i32::from(x);
                }
            }
        }
        // the best label (the first on ties) and its margin over the second
        let mut best = 0;
        for l in 1..NL {
            if s[l] > s[best] {
                best = l;
            }
        }
        let second = (0..NL)
            .filter(|&l| l != best)
            .map(|l| s[l])
            .max()
            .unwrap_or(0);
        let margin = (s[best] - second) as f32 * m.scale;
        out.push((
            Label {
                ent: ENTS[best],
                begin: best != 0 && (best != prev || prev_poss),
            },
            margin,
        ));
        (l2, l1, prev) = (l1, best as u8, best);
        prev_poss = flag(i) & POSS != 0;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{caps_lines, tokenize};
    use super::*;

    /// Labels of a text, as (word, label name) pairs.
    fn run(text: &str) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let caps = caps_lines(&toks);
        let w = words::Words::default();
        let lex = Lex::new(&w);
        let mut out = Vec::new();
        tag_tokens(text, &toks, &caps, &lex, &mut out);
        toks.iter()
            .map(|t| &text[t.range()])
            .zip(&out)
            .map(|(w, (l, _))| (w.to_string(), l.ent.name()))
            .collect()
    }

    fn label_of(labels: &[(String, &'static str)], word: &str) -> &'static str {
        labels
            .iter()
            .find(|(w, _)| w == word)
            .map_or("missing", |(_, l)| l)
    }

    #[test]
    fn the_shipped_weights_load() {
        assert!(available());
    }

    #[test]
    fn bad_weight_files_are_no_model() {
        assert!(parse(b"").is_none());
        assert!(parse(b"LEDENER1").is_none());
        assert!(parse(&BIN[..BIN.len() - 2]).is_none());
        let mut b = BIN.to_vec();
        b[0] = b'X';
        assert!(parse(&b).is_none());
        let mut b = BIN.to_vec();
        b[12] = 30; // bits out of range
        assert!(parse(&b).is_none());
        assert!(parse(BIN).is_some());
    }

    #[test]
    fn the_model_reproduces_the_script() {
        let text = include_str!("../../tests/fixtures/ner_model_expect.json");
        let fx: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let sentences = fx["sentences"].as_array().cloned().unwrap_or_default();
        assert!(sentences.len() >= 10);
        let w = words::Words::default();
        let lex = Lex::new(&w);
        for s in &sentences {
            let text = s["text"].as_str().unwrap_or_default();
            let strs = |k: &str| -> Vec<String> {
                s[k].as_array()
                    .map(|a| {
                        a.iter()
                            .map(|v| v.as_str().unwrap_or_default().to_string())
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let want_words = strs("words");
            let want_labels = strs("labels");
            let want_flags: Vec<u16> = s["flags"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_u64().unwrap_or(0) as u16).collect())
                .unwrap_or_default();
            // lede's tokenizer gives the script's words
            let toks = tokenize(text);
            let got: Vec<&str> = toks.iter().map(|t| &text[t.range()]).collect();
            assert_eq!(got, want_words, "{text}");
            // flags_of and the token facts give the script's flags
            let caps = caps_lines(&toks);
            for (i, t) in toks.iter().enumerate() {
                let mut f = flags_of(got[i], &lex);
                if caps[t.line as usize] {
                    f |= CAPS_LINE;
                }
                if t.sent_start {
                    f |= SENT_START;
                }
                if t.poss {
                    f |= POSS;
                }
                assert_eq!(f, want_flags[i], "{text}: {}", got[i]);
            }
            // the model gives the script's labels, from all flags and from lazy flags
            let mut out = Vec::new();
            tag(&got, &want_flags, &mut out);
            let labels: Vec<&str> = out.iter().map(|(l, _)| l.ent.name()).collect();
            assert_eq!(labels, want_labels, "{text}");
            // and the script's margins (rounded to 0.001 there; null = O by rule)
            let margins = s["margins"].as_array().cloned().unwrap_or_default();
            assert_eq!(margins.len(), out.len(), "{text}");
            for ((_, m), want) in out.iter().zip(&margins) {
                match want.as_f64() {
                    Some(w) => assert!((f64::from(*m) - w).abs() < 0.01, "{text}: {m} {w}"),
                    None => assert!(m.is_infinite(), "{text}: {m}"),
                }
            }
            let mut out2 = Vec::new();
            tag_tokens(text, &toks, &caps, &lex, &mut out2);
            assert_eq!(out, out2, "{text}");
        }
    }

    #[test]
    fn a_titled_surname_is_a_person() {
        let l = run("President Trump said on Monday that tariffs would rise.");
        assert_eq!(label_of(&l, "Trump"), "PER");
        assert_eq!(label_of(&l, "Monday"), "O");
    }

    #[test]
    fn a_hospital_named_for_a_person_is_not_one() {
        let l = run("He was treated at Walter Reed hospital.");
        assert_ne!(label_of(&l, "Walter"), "PER");
        assert_ne!(label_of(&l, "Reed"), "PER");
    }

    #[test]
    fn two_letter_surnames_after_mr_are_people() {
        let l = run("Mr. Xi met Mr. Biden in Bali.");
        assert_eq!(label_of(&l, "Xi"), "PER");
        assert_eq!(label_of(&l, "Biden"), "PER");
    }

    #[test]
    fn a_paragraph_is_labelled_sentence_by_sentence() {
        let text = "Mr. Xi met Mr. Biden in Bali. Putin said so.\nPRESIDENT TRUMP SPEAKS";
        let toks = tokenize(text);
        let caps = caps_lines(&toks);
        let w = words::Words::default();
        let lex = Lex::new(&w);
        let mut all = Vec::new();
        tag_paragraph(text, &toks, &caps, &lex, &mut all);
        assert_eq!(all.len(), toks.len());
        let starts: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].sent_start).collect();
        assert_eq!(starts.len(), 3);
        let mut one = Vec::new();
        for (k, &a) in starts.iter().enumerate() {
            let b = starts.get(k + 1).copied().unwrap_or(toks.len());
            tag_tokens(text, &toks[a..b], &caps, &lex, &mut one);
            assert_eq!(&all[a..b], &one[..]);
        }
    }

    #[test]
    fn begin_marks_the_first_word_of_a_run() {
        let mut out = Vec::new();
        let words = ["Russian", "President", "Vladimir", "Putin", "spoke", "."];
        tag(&words, &[0; 6], &mut out);
        assert_eq!(out.len(), words.len());
        for (i, (l, m)) in out.iter().enumerate() {
            let prev = i.checked_sub(1).map_or(Ent::O, |j| out[j].0.ent);
            assert_eq!(l.begin, l.ent != Ent::O && l.ent != prev, "{i}");
            assert!(*m >= 0.0);
        }
        // empty input and mismatched flags do not panic
        tag(&[], &[], &mut out);
        assert!(out.is_empty());
        tag(&words, &[], &mut out);
        assert_eq!(out.len(), words.len());
    }
}
