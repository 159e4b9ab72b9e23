//! Countries, demonyms and metonyms (capitals, seats of government) found in one pass over the
//! tokens: at each capitalised word the longest name in the compiled country table wins, also
//! inside hyphenated compounds ("U.S.-Ukraine") and in ALL-CAPS lines ("ROMANIA BEAT ...").
//! A match glued to other capitalised words ("U.S. Open", "West Indian", "Washington Post",
//! "Iraqi National Congress", "Bank of Canada") is part of a longer name and dropped, except on
//! Title Case lines ("Trade Talks With China Stall"), where every word is capitalised.

use super::lexicon::{self, PlaceEntry, PlaceKind};
use super::tokens::{Kind, TitleLines, Token};
use super::words::{
    Lex, CAL, COMMON, COUNTRY, GIVEN, ORG, PLACE_EXT, PLACE_START, PREFIX, ROLE, STOP, TITLE,
    US_PLACE,
};
use crate::article::lang;
use aho_corasick::{AhoCorasick, MatchKind};
use std::cell::Cell;
use std::sync::OnceLock;

/// A country, demonym or metonym match over tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMatch {
    pub first: usize,
    pub last: usize,
    /// Country index (offsets and index as `u32`, as in tokens: an article's matches stay
    /// compact).
    pub country: u32,
    pub kind: PlaceKind,
    /// Byte range of the match.
    pub start: u32,
    pub end: u32,
    /// Key id of the first word.
    pub key: u32,
    /// The first word is capitalised, not in capitals and not on an ALL-CAPS line.
    pub plain: bool,
}

/// What the gazetteer asks about the whole article: its language (a name in Latin letters
/// from another language, "Allemagne", is read only in an article in that language), answered
/// once and only when asked, and whether its "Georgia" is the US state, from what the
/// paragraphs show as they are read ([`settle`] decides at the end).
pub struct Doc<'a> {
    paras: &'a [&'a str],
    /// Bit of the article's language in [`lexicon::LANG_CODES`] (0: English or another).
    lang: Cell<Option<u16>>,
    /// US states and cities, "GA"/"Ga.", "state"/"Gov." beside "Georgia".
    us_cues: Cell<u32>,
    /// The country Georgia's capital and demonym.
    georgia_cues: Cell<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(paras: &'a [&'a str]) -> Self {
        Doc {
            paras,
            lang: Cell::new(None),
            us_cues: Cell::new(0),
            georgia_cues: Cell::new(0),
        }
    }

    /// Whether the article reads an entry with these language bits.
    fn reads(&self, langs: u16) -> bool {
        langs == 0 || self.lang_bit() & langs != 0
    }

    fn lang_bit(&self) -> u16 {
        if let Some(b) = self.lang.get() {
            return b;
        }
        let stats: Vec<lang::Stats> = self.paras.iter().map(|p| lang::stats(p)).collect();
        let code = lang::LANGS.get(lang::pick(&stats)).copied().unwrap_or("en");
        let bit = lexicon::LANG_CODES
            .iter()
            .position(|&l| l == code)
            .map_or(0, |p| 1u16 << p);
        self.lang.set(Some(bit));
        bit
    }

    fn us_cue(&self) {
        self.us_cues.set(self.us_cues.get().saturating_add(1));
    }

    /// Whether the article's "Georgia" is the US state: it shows more US context than the
    /// country's capital and demonym.
    fn us_state(&self) -> bool {
        self.us_cues.get() > self.georgia_cues.get()
    }
}

/// After every paragraph is read: in an article whose "Georgia" is the US state, the matches
/// of a one-word country name that is a US state's become [`PlaceKind::Former`] (never tagged).
pub fn settle(doc: &Doc, places: &mut [PlaceMatch]) {
    if !doc.us_state() {
        return;
    }
    for m in places {
        if m.first == m.last && m.kind == PlaceKind::Name {
            let name = lexicon::place_at_country_name(m.country as usize).unwrap_or("");
            if lexicon::US_STATES.contains(&lexicon::key(name)) {
                m.kind = PlaceKind::Former;
            }
        }
    }
}

/// US context in a capitalised word at token `i` (key id `k`): a US state or city ("Atlanta",
/// "New Mexico"), or the postal code "GA" / "Ga.".
fn us_context(text: &str, toks: &[Token], i: usize, k: u32, w: &Lex) -> bool {
    let t = &toks[i];
    if t.end - t.start == 2 {
        let s = &text[t.range()];
        if s == "GA" || (s == "Ga" && toks.get(i + 1).is_some_and(|n| &text[n.range()] == ".")) {
            return true;
        }
    }
    if w.is(k, US_PLACE) {
        return true;
    }
    w.is(k, PREFIX)
        && toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && n.cap
                && n.space_before
                && n.line == t.line
                && w.is(w.join_id(&[k, w.tk(text, n)]), US_PLACE)
        })
}

/// Longest-match lookup of the country table over the tokens; the matches are appended to `out`.
pub fn find(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    w: &Lex,
    doc: &Doc,
    out: &mut Vec<PlaceMatch>,
) {
    // About one match in ten tokens in name-dense text: room for that without regrowing.
    out.reserve(toks.len() / 8);
    let mut title_lines = TitleLines::default();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        let in_caps = caps.get(t.line as usize).copied().unwrap_or(false);
        if !(t.cap || in_caps) {
            let b0 = text.as_bytes().get(t.start as usize).copied().unwrap_or(0);
            if b0 >= 0x80
                && text[t.start as usize..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_lowercase() && !c.is_uppercase())
            {
                // Han, Kana, Hangul, Arabic, ...: no case to go by ("美国The" too)
                uncased(text, toks, i, w, doc, out);
            } else if let Some(at) = elided(text, t) {
                // "l'Allemagne", "dell'Italia": the name after the article
                one_word(text, toks, i, at, w, doc, out);
            }
            i += 1;
            continue;
        }
        let k0 = w.tk(text, t);
        if t.cap && us_context(text, toks, i, k0, w) {
            doc.us_cue();
        }
        if !w.is(k0, PLACE_START) {
            if let Some(at) = elided(text, t) {
                one_word(text, toks, i, at, w, doc, out);
            }
            i += 1;
            continue;
        }
        let mut best = None;
        if let Some(e) = w.raw_place(k0) {
            if doc.reads(e.langs) && case_ok(text, toks, i, i, e.surface, in_caps) {
                best = Some((i, e));
            }
        }
        // Longer names only when some key continues this word with a space or hyphen.
        if !t.poss && w.is(k0, PLACE_EXT) {
            let mut key = w.string(k0);
            let mut j = i;
            loop {
                // Extend by one word: "United" + " " + "States", "Guinea" + "-" + "Bissau".
                let n = j + 1;
                match toks.get(n) {
                    Some(nt) if nt.kind == Kind::Word && nt.space_before && nt.line == t.line => {
                        key.push(' ');
                        lexicon::norm_into(&text[nt.range()], &mut key);
                        j = n;
                    }
                    Some(nt)
                        if nt.kind == Kind::Punct
                            && &text[nt.range()] == "-"
                            && nt.start == toks[j].end
                            && toks
                                .get(n + 1)
                                .is_some_and(|x| x.kind == Kind::Word && x.start == nt.end) =>
                    {
                        key.push('-');
                        lexicon::norm_into(&text[toks[n + 1].range()], &mut key);
                        j = n + 1;
                    }
                    _ => break,
                }
                if !lexicon::place_prefix(&key) {
                    break;
                }
                if let Some(e) = lexicon::place(&key) {
                    if doc.reads(e.langs) && case_ok(text, toks, i, j, e.surface, in_caps) {
                        best = Some((j, e));
                    }
                }
                if toks[j].poss {
                    break;
                }
            }
        }
        match best {
            Some((last, e)) => {
                let m = PlaceMatch {
                    first: i,
                    last,
                    country: e.country as u32,
                    kind: e.kind,
                    start: t.start,
                    end: toks[last].end,
                    key: k0,
                    plain: !in_caps && t.cap && !t.upper,
                };
                // A name in another language or script is read by its own language's rules,
                // not English's capitalised neighbours ("Президент России", "Le Népal").
                let foreign = e.langs != 0 || !e.surface.is_ascii() && !latin(e.surface);
                let glued = if foreign {
                    hyphen_compound(text, toks, i, last)
                } else {
                    glued(text, toks, caps, i, last, w, &mut title_lines)
                };
                let dropped =
                    e.kind == PlaceKind::Former || glued || first_name(text, toks, caps, &m, w);
                if !dropped {
                    count_cues(text, toks, &m, e, doc);
                }
                if !dropped {
                    out.push(m);
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// Written in Latin letters (with accents).
fn latin(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphabetic() || c <= '\u{24f}')
}

/// "state" or "Gov." beside "Georgia" ("the state of Georgia", "Georgia state officials")
/// is US context; the country's capital or demonym ("Tbilisi", "Georgian") the country's.
fn count_cues(text: &str, toks: &[Token], m: &PlaceMatch, e: PlaceEntry, doc: &Doc) {
    if lexicon::country(e.country).0 != "GE" {
        return;
    }
    if e.kind != PlaceKind::Name {
        doc.georgia_cues
            .set(doc.georgia_cues.get().saturating_add(1));
        return;
    }
    let near = toks[m.first.saturating_sub(3)..(m.last + 4).min(toks.len())]
        .iter()
        .any(|t| matches!(&text[t.range()], "state" | "Gov" | "governor" | "Governor"));
    if near {
        doc.us_cue();
    }
}

/// Byte offset, in token `t`, of a capitalised word after an elided article or preposition
/// ("l'Allemagne", "d'Irak", "L'Italie", "dell'Italia"), if there is one.
#[inline]
fn elided(text: &str, t: &Token) -> Option<usize> {
    if !apostrophe_near_start(text.as_bytes(), t) {
        return None;
    }
    elided_at(&text[t.range()])
}

#[inline(never)]
fn elided_at(s: &str) -> Option<usize> {
    let (at, apos) = s
        .char_indices()
        .take(6)
        .find(|&(_, c)| c == '\'' || c == '\u{2019}')?;
    let rest = s.get(at + apos.len_utf8()..)?;
    (at > 0 && rest.chars().next().is_some_and(char::is_uppercase)).then_some(at + apos.len_utf8())
}

/// A byte test first, on every word: an apostrophe (or the first byte of a curly one) among
/// bytes 1 to 5 of the token.
#[inline]
fn apostrophe_near_start(b: &[u8], t: &Token) -> bool {
    let (s, e) = (t.start as usize, t.end as usize);
    e >= s + 3
        && b.get(s + 1..(s + 6).min(e))
            .is_some_and(|w| w.iter().any(|&x| x == b'\'' || x == 0xE2))
}

/// A one-word name starting `at` bytes into token `i` ("Allemagne" of "l'Allemagne").
fn one_word(
    text: &str,
    toks: &[Token],
    i: usize,
    at: usize,
    w: &Lex,
    doc: &Doc,
    out: &mut Vec<PlaceMatch>,
) {
    let t = &toks[i];
    let start = t.start as usize + at;
    let k = w.key_id(&text[start..t.end as usize]);
    if let Some(e) = w.raw_place(k) {
        if doc.reads(e.langs) && matches!(e.kind, PlaceKind::Name | PlaceKind::Metonym) {
            out.push(PlaceMatch {
                first: i,
                last: i,
                country: e.country as u32,
                kind: e.kind,
                start: start as u32,
                end: t.end,
                key: k,
                plain: true,
            });
        }
    }
}

/// Scripts without case (Han, Kana, Hangul, Arabic, ...).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Kana,
    Hangul,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Script::Han,
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
        _ => Script::Other,
    }
}

/// Korean particles and endings that follow a noun in the same word ("한국은", "미국의").
const KO_PARTICLES: &[&str] = &[
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "과",
    "와",
    "도",
    "로",
    "으로",
    "만",
    "까지",
    "부터",
    "보다",
    "처럼",
    "이다",
    "이며",
    "이나",
    "나",
    "과의",
    "와의",
    "에서의",
    "으로의",
    "로의",
    "에는",
    "에서는",
    "에도",
    "과는",
    "와는",
    "측",
    "산",
    "인",
    "인들",
    "계",
    "내",
    "정부",
];

/// Arabic proclitics glued to a word: "و" and, "ب" in, "ل" for, "ف" so, "ك" as, "لل" for the.
const AR_PROCLITICS: &[&str] = &[
    "و", "ب", "ل", "ف", "ك", "لل", "وال", "بال", "فال", "وب", "ول",
];

/// Names in Han, Kana or Hangul, found inside runs of text with no spaces: an automaton over
/// the country table's names in those scripts (leftmost longest), built the first time a text
/// has such a run, with each pattern's table entry.
fn cjk_names() -> Option<&'static (AhoCorasick, Vec<usize>)> {
    static NAMES: OnceLock<Option<(AhoCorasick, Vec<usize>)>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let (pats, ids): (Vec<&str>, Vec<usize>) = lexicon::PLACE_NAMES
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.0.chars()
                        .next()
                        .is_some_and(|c| script(c) != Script::Other)
                        && !e.0.contains(' ')
                })
                .map(|(i, e)| (e.0, i))
                .unzip();
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .ok()
                .map(|ac| (ac, ids))
        })
        .as_ref()
}

/// Country names inside an uncased word at token `i`. Han: anywhere in the run ("美国总统");
/// Kana: not inside a longer Katakana word ("タイ" is no Thailand in "タイトル"); Hangul: at the
/// word's start, before nothing or a particle ("한국은"); other scripts (Arabic): the whole word,
/// after a proclitic ("وفرنسا"), or a longer name over the next words.
fn uncased(text: &str, toks: &[Token], i: usize, w: &Lex, doc: &Doc, out: &mut Vec<PlaceMatch>) {
    let t = &toks[i];
    let s = &text[t.range()];
    let Some(first) = s.chars().next() else {
        return;
    };
    if first.is_lowercase() || first.is_uppercase() || first.is_numeric() {
        return;
    }
    if s.chars().any(|c| script(c) != Script::Other) {
        let Some((ac, ids)) = cjk_names() else {
            return;
        };
        for m in ac.find_iter(s) {
            let (a, b) = (m.start(), m.end());
            let Some(e) = ids
                .get(m.pattern().as_usize())
                .and_then(|&x| lexicon::place_at(x))
            else {
                continue;
            };
            let before = s[..a].chars().next_back();
            let after = s[b..].chars().next();
            let head = s[a..b].chars().next().map_or(Script::Other, script);
            let tail = s[a..b].chars().next_back().map_or(Script::Other, script);
            let katakana =
                |c: char| matches!(c as u32, 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F);
            let head_k = s[a..b].chars().next().is_some_and(katakana);
            let tail_k = s[a..b].chars().next_back().is_some_and(katakana);
            let ok = match (head, tail) {
                (Script::Hangul, _) => {
                    a == 0 && (after.is_none() || KO_PARTICLES.contains(&&s[b..]))
                }
                _ => {
                    !((head_k && before.is_some_and(katakana))
                        || (tail_k && after.is_some_and(katakana)))
                }
            };
            if ok && doc.reads(e.langs) && e.kind != PlaceKind::Former {
                out.push(PlaceMatch {
                    first: i,
                    last: i,
                    country: e.country as u32,
                    kind: e.kind,
                    start: t.start + a as u32,
                    end: t.start + b as u32,
                    key: w.key_id(&s[a..b]),
                    plain: false,
                });
            }
        }
        return;
    }
    // A word in a script without case: the whole word, or the word after a proclitic, then
    // the longest name over the next words ("الولايات المتحدة").
    let skip = std::iter::once("")
        .chain(AR_PROCLITICS.iter().copied())
        .filter(|p| s.starts_with(p) && s.len() > p.len() + 2)
        .map(str::len);
    for at in skip {
        let mut key = lexicon::key(&s[at..]);
        let mut best = lexicon::place(&key).map(|e| (i, e));
        let mut j = i;
        while let Some(nt) = toks.get(j + 1) {
            if nt.kind != Kind::Word || !nt.space_before || nt.line != t.line {
                break;
            }
            key.push(' ');
            lexicon::norm_into(&text[nt.range()], &mut key);
            if !lexicon::place_prefix(&key) {
                break;
            }
            j += 1;
            if let Some(e) = lexicon::place(&key) {
                best = Some((j, e));
            }
        }
        if let Some((last, e)) = best.filter(|(_, e)| doc.reads(e.langs)) {
            if e.kind != PlaceKind::Former {
                out.push(PlaceMatch {
                    first: i,
                    last,
                    country: e.country as u32,
                    kind: e.kind,
                    start: t.start + at as u32,
                    end: toks[last].end,
                    key: w.key_id(&s[at..]),
                    plain: false,
                });
            }
            return;
        }
    }
}

/// "Georgia Smith", "Jordan Peterson": a one-word country that is a given name, followed by a
/// capitalised word that could be a surname (also one that names a town somewhere, "Jordan
/// Munoz"; not a country, "Jordan Israel"), is a person's first name.
fn first_name(text: &str, toks: &[Token], caps: &[bool], m: &PlaceMatch, w: &Lex) -> bool {
    if m.first != m.last || m.kind == PlaceKind::Demonym {
        return false;
    }
    let t = &toks[m.first];
    if caps.get(t.line as usize).copied().unwrap_or(false) {
        return false;
    }
    if !w.is(m.key, GIVEN) || t.poss {
        return false;
    }
    let Some(n) = toks.get(m.first + 1) else {
        return false;
    };
    if n.kind != Kind::Word || !n.cap || !n.space_before || n.line != t.line || n.upper {
        return false;
    }
    !w.is(w.tk(text, n), ORG | CAL | STOP | ROLE | TITLE | COUNTRY)
}

/// The text's case fits the data's: abbreviations ("US", "U.S.") in capitals, other words
/// capitalised except short function words ("Bosnia and Herzegovina") and the words the data
/// writes in lower case ("Arabie saoudite", "Corée du Sud").
fn case_ok(text: &str, toks: &[Token], i: usize, j: usize, surface: &str, in_caps: bool) -> bool {
    let abbrev = if surface.is_ascii() {
        !surface.bytes().any(|c| c.is_ascii_lowercase())
    } else {
        surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    };
    let mut data_words = surface
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| w.starts_with(char::is_lowercase));
    toks[i..=j]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| {
            let s = &text[t.range()];
            let lower_in_data = data_words.next().unwrap_or(false);
            if abbrev {
                t.upper || (t.one && t.cap)
            } else {
                in_caps
                    || t.cap
                    || lower_in_data
                    || matches!(
                        s,
                        "of" | "and" | "the" | "da" | "de" | "del" | "d'Ivoire" | "and the"
                    )
            }
        })
}

/// Whether the match at `i..=last` is glued to a capitalised neighbour that makes it part of a
/// longer name: "West Indian", "U.S. Open", "Russian Direct Investment Fund".
fn glued(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    i: usize,
    last: usize,
    w: &Lex,
    title_lines: &mut TitleLines,
) -> bool {
    let line = toks[i].line;
    if hyphen_compound(text, toks, i, last) {
        return true;
    }
    if caps.get(line as usize).copied().unwrap_or(false) {
        return event_after(text, toks, last);
    }
    let before = glued_before(text, toks, i, w);
    if !(before || glued_after(text, toks, last, w)) {
        return false;
    }
    if !title_lines.is_title_case(text, toks, i) {
        return true;
    }
    // On a Title Case line every word is capitalised: only a given name right before still
    // makes a longer name ("Anthony Washington").
    before && i > 0 && toks[i - 1].cap && w.is(w.tk(text, &toks[i - 1]), GIVEN)
}

/// On an ALL-CAPS line, where case says nothing, only a sports event right after makes a
/// longer name: "GERMAN CUP", "U.S. OPEN", "AMERICAN LEAGUE" (but "RUSSIA GAS EXPORTS").
fn event_after(text: &str, toks: &[Token], last: usize) -> bool {
    toks.get(last + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && n.space_before
            && n.line == toks[last].line
            && !toks[last].poss
            && [
                "cup",
                "open",
                "league",
                "masters",
                "championship",
                "championships",
                "trophy",
                "prix",
                "classic",
                "tournament",
                "grand",
            ]
            .iter()
            .any(|e| text[n.range()].eq_ignore_ascii_case(e))
    })
}

/// Joined by a hyphen to a lower-case word: "Brazilian-born", "U.S.-led", "pro-Russian". The
/// compound is one word describing something else; "U.S.-Russia" keeps both countries.
fn hyphen_compound(text: &str, toks: &[Token], i: usize, last: usize) -> bool {
    let lower_word = |t: &Token| t.kind == Kind::Word && !t.cap && t.lower;
    let hyphen_at = |h: &Token, a: &Token, b: &Token| {
        h.kind == Kind::Punct && &text[h.range()] == "-" && h.start == a.end && h.end == b.start
    };
    let after = toks
        .get(last + 1)
        .zip(toks.get(last + 2))
        .is_some_and(|(h, n)| !toks[last].poss && hyphen_at(h, &toks[last], n) && lower_word(n));
    let before =
        i >= 2 && hyphen_at(&toks[i - 1], &toks[i - 2], &toks[i]) && lower_word(&toks[i - 2]);
    after || before
}

/// A capitalised word right before, that is not a sentence opener, title or place ("West
/// Indian"); or an organisation word before "of" ("National Bank of Poland", "the Federal
/// Republic of Yugoslavia"; but "the President of France" and "Dow Chemical Co of the United
/// States" keep the country).
fn glued_before(text: &str, toks: &[Token], i: usize, w: &Lex) -> bool {
    let line = toks[i].line;
    let word_before = |j: usize| {
        let p = &toks[j];
        (p.kind == Kind::Word && p.line == line && toks[j + 1].space_before).then_some(p)
    };
    let Some(p) = i.checked_sub(1).and_then(word_before) else {
        return false;
    };
    if p.cap && !p.poss {
        let k = w.tk(text, p);
        let opener = p.sent_start && w.is(k, COMMON | STOP);
        return !opener && !w.is(k, TITLE | STOP | CAL | COUNTRY);
    }
    // "of", "of the": skip them, then look for the organisation word.
    let mut j = i - 1;
    if &text[p.range()] == "the" {
        match j.checked_sub(1).and_then(word_before) {
            Some(q) if &text[q.range()] == "of" => j -= 1,
            _ => return false,
        }
    } else if &text[p.range()] != "of" {
        return false;
    }
    match j.checked_sub(1).and_then(word_before) {
        Some(o) if o.cap && !o.poss => {
            let k = w.tk(text, o);
            w.is(k, ORG) && !w.is(k, ROLE | TITLE) && !company_suffix(&text[o.range()])
        }
        _ => false,
    }
}

/// A company's legal form ("Kia Motors Corp of South Korea": the country is where it is).
fn company_suffix(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    [
        "co",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "plc",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
    ]
    .iter()
    .any(|s| word.eq_ignore_ascii_case(s))
}

/// A capitalised common or organisation word right after, that is not a role, a name, a place
/// or a date ("U.S. Open"; but "American Tyson" keeps "American"); or a run of capitalised
/// words after a role word that ends in an organisation word ("Iraqi National Congress",
/// "Japanese Government Bonds"; but "German Foreign Ministry" keeps "German").
fn glued_after(text: &str, toks: &[Token], last: usize, w: &Lex) -> bool {
    let line = toks[last].line;
    if toks[last].poss {
        return false;
    }
    let capitalised = |j: usize| {
        toks.get(j)
            .filter(|n| n.kind == Kind::Word && n.cap && n.space_before && n.line == line)
    };
    let Some(n) = capitalised(last + 1) else {
        return false;
    };
    let k = w.tk(text, n);
    if w.is(k, ROLE) && !w.is(k, TITLE) {
        // The run of capitalised words after the role word, up to a possessive or its end.
        let mut j = last + 1;
        while !toks[j].poss && j - last < 6 {
            match capitalised(j + 1) {
                Some(_) => j += 1,
                None => break,
            }
        }
        if j == last + 1 {
            return false;
        }
        let kl = w.tk(text, &toks[j]);
        return w.is(kl, ORG) && !w.is(kl, ROLE | TITLE | GIVEN);
    }
    let person_next = w.is(k, GIVEN) && capitalised(last + 2).is_some();
    w.is(k, COMMON | ORG)
        && !w.is(k, ROLE | TITLE)
        && !person_next
        && !w.is(k, CAL | STOP | COUNTRY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tokens;
    use crate::tag::words::{Lex, Words};

    /// (matched text, ISO code, kind) for each match.
    fn places(text: &str) -> Vec<(String, &'static str, PlaceKind)> {
        let words = Words::default();
        let w = Lex::new(&words);
        let tokens::Tokens { toks, caps, .. } =
            tokens::tokenize_with(text, |s| w.key_id(s), Default::default());
        let mut found = Vec::new();
        let paras = [text];
        find(text, &toks, &caps, &w, &Doc::new(&paras), &mut found);
        found
            .into_iter()
            .map(|m| {
                let s = text[m.start as usize..m.end as usize].to_string();
                assert!(toks[m.first].start <= m.start && m.end <= toks[m.last].end);
                (s, lexicon::country(m.country as usize).0, m.kind)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        places(text).into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(
            places("the United States of America and Bosnia and Herzegovina"),
            [
                (
                    "United States of America".to_string(),
                    "US",
                    PlaceKind::Name
                ),
                ("Bosnia and Herzegovina".to_string(), "BA", PlaceKind::Name)
            ]
        );
        assert_eq!(
            texts("in Papua New Guinea and Guinea-Bissau"),
            ["Papua New Guinea", "Guinea-Bissau"]
        );
    }

    #[test]
    fn abbreviations_need_capitals() {
        assert_eq!(texts("the US and the UK told us"), ["US", "UK"]);
        assert_eq!(
            texts("U.S.-Ukraine and U.K. talks"),
            ["U.S.", "Ukraine", "U.K."]
        );
        assert!(texts("give us a chance").is_empty());
    }

    #[test]
    fn demonyms_and_metonyms() {
        assert_eq!(
            places("Russian envoys in Kyiv"),
            [
                ("Russian".to_string(), "RU", PlaceKind::Demonym),
                ("Kyiv".to_string(), "UA", PlaceKind::Metonym)
            ]
        );
        assert_eq!(places("the Britons")[0].1, "GB");
    }

    #[test]
    fn matches_glued_into_longer_names_are_dropped() {
        assert!(texts("won the U.S. Open").is_empty());
        assert!(texts("the West Indian batsman").is_empty());
        assert!(texts("the Russian Direct Investment Fund").is_empty());
        assert!(texts("read the Washington Post").is_empty());
        // a role or a person after a demonym keeps it
        assert_eq!(texts("Russian President Vladimir Putin"), ["Russian"]);
        assert_eq!(texts("said U.S. Assistant Secretary of State"), ["U.S."]);
        assert_eq!(texts("fought American Tyson"), ["American"]);
    }

    #[test]
    fn an_organisation_before_of_takes_the_country_into_its_name() {
        assert!(texts("The National Bank of Poland said").is_empty());
        assert!(texts("the Federal Republic of Yugoslavia is").is_empty());
        // titles and companies' legal forms do not
        assert_eq!(
            texts("The Prime Minister of Israel met the President of France"),
            ["Israel", "France"]
        );
        assert_eq!(
            texts("The Dow Chemical Co of the United States will invest"),
            ["United States"]
        );
    }

    #[test]
    fn a_role_word_keeps_the_demonym_unless_an_organisation_ends_the_run() {
        assert!(texts("a spokesman of the Iraqi National Congress said").is_empty());
        assert!(texts("Japanese Government Bonds futures closed").is_empty());
        assert_eq!(texts("the German Foreign Ministry said"), ["German"]);
        assert_eq!(texts("the British Government said"), ["British"]);
    }

    #[test]
    fn hyphen_compounds_with_lower_case_words_are_one_word() {
        assert!(texts("the Brazilian-born striker and U.S.-led forces").is_empty());
        assert!(texts("pro-Russian rebels").is_empty());
        assert_eq!(texts("U.S.-Russia talks"), ["U.S.", "Russia"]);
    }

    #[test]
    fn title_case_lines_keep_their_countries() {
        assert_eq!(texts("Trade Talks With China Stall Again"), ["China"]);
        assert_eq!(texts("Why Russia Wants Ukraine"), ["Russia", "Ukraine"]);
        // still glued in running text
        assert!(texts("he said Russia Wants Ukraine was a good book").is_empty());
        // a given name before still makes a person's name
        assert_eq!(texts("Denzel Washington Visits China"), ["China"]);
    }

    #[test]
    fn events_glue_even_on_all_caps_lines() {
        assert!(texts("SOCCER - GERMAN CUP RESULTS").is_empty());
        assert_eq!(texts("RUSSIA GAS EXPORTS FALL"), ["RUSSIA"]);
    }

    #[test]
    fn all_caps_lines_match_without_case() {
        assert_eq!(
            texts("SOCCER - ROMANIA BEAT LITHUANIA"),
            ["ROMANIA", "LITHUANIA"]
        );
        assert!(texts("Romania beat lithuania").len() == 1);
    }

    fn codes(text: &str) -> Vec<(String, &'static str)> {
        places(text).into_iter().map(|p| (p.0, p.1)).collect()
    }

    fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|&(s, c)| (s.to_string(), c)).collect()
    }

    #[test]
    fn names_in_the_articles_language_after_an_elided_article() {
        assert_eq!(
            codes("Le Népal et l'Allemagne ont signé un accord avec la France, a déclaré le ministre."),
            owned(&[("Népal", "NP"), ("Allemagne", "DE"), ("France", "FR")])
        );
        assert_eq!(
            codes("Die Regierung Russlands hat am Montag mit Deutschland verhandelt, sagte er."),
            owned(&[("Russlands", "RU"), ("Deutschland", "DE")])
        );
    }

    #[test]
    fn a_name_that_is_an_english_word_is_read_in_its_language() {
        assert_eq!(
            codes("El presidente de Panamá habló con el gobierno de Perú, según el comunicado."),
            owned(&[("Panamá", "PA"), ("Perú", "PE")])
        );
    }

    #[test]
    fn a_latin_name_from_another_language_is_not_read_in_english() {
        assert!(
            codes("The band played in Allemagne and Deutschland during the summer.").is_empty()
        );
    }

    #[test]
    fn words_the_data_writes_in_lower_case_may_be_so_in_the_text() {
        assert_eq!(
            codes("Les Émirats arabes unis et la Corée du Sud ont signé un accord, selon le ministre."),
            owned(&[("Émirats arabes unis", "AE"), ("Corée du Sud", "KR")])
        );
        assert!(codes("the united states of mind").is_empty());
    }

    #[test]
    fn a_given_name_before_a_surname_that_is_a_town_is_a_persons() {
        assert!(codes("Jordan Houston made eight saves in the final.").is_empty());
        assert_eq!(
            codes("Georgia Smith met envoys from Jordan, Israel and Egypt."),
            owned(&[("Jordan", "JO"), ("Israel", "IL"), ("Egypt", "EG")])
        );
    }

    #[test]
    fn russian_case_forms_and_arabic_names() {
        assert_eq!(
            codes("Президент России встретился с лидером Китая в Германии."),
            owned(&[("России", "RU"), ("Китая", "CN"), ("Германии", "DE")])
        );
        assert_eq!(
            codes("التقى رئيس فرنسا بوزير الولايات المتحدة في روسيا"),
            owned(&[("فرنسا", "FR"), ("الولايات المتحدة", "US"), ("روسيا", "RU")])
        );
    }

    #[test]
    fn names_inside_cjk_runs() {
        assert_eq!(
            codes("美国总统和中国领导人在日本会面。"),
            owned(&[("美国", "US"), ("中国", "CN"), ("日本", "JP")])
        );
        // a run that goes on in Latin letters
        assert_eq!(codes("据美国The Verge报道。"), owned(&[("美国", "US")]));
        // Katakana names end where the Katakana word ends: no Thailand in "タイトル"
        assert_eq!(
            codes("アメリカとタイの首脳がタイトルを争った。"),
            owned(&[("アメリカ", "US"), ("タイ", "TH")])
        );
        // Hangul names open a word, before a particle or nothing
        assert_eq!(
            codes("한국은 미국과 협상했다."),
            owned(&[("한국", "KR"), ("미국", "US")])
        );
        assert!(codes("인도적 지원이 늘었다.").is_empty());
    }

    #[test]
    fn territories_with_their_own_code_are_countries_former_states_are_not() {
        assert_eq!(
            codes("Hong Kong protesters marched as Puerto Rico and Taiwan watched."),
            owned(&[("Hong Kong", "HK"), ("Puerto Rico", "PR"), ("Taiwan", "TW")])
        );
        assert!(codes(
            "After the Soviet Union collapsed, Yugoslavia split and Soviet troops left."
        )
        .is_empty());
    }
}
