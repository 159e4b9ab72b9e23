//! Word tests the tagger asks about a word: given name, common English word, populated place,
//! title, organisation word, calendar word, ... backed by the compiled lexicons plus the user's
//! never-a-name words.
//!
//! [`Lex`] interns every string it is asked about into a small per-tagger table ([`Memo`]) and
//! answers each test once per distinct string, lazily, as a bit of that string's entry. Tokens
//! carry the id of their key (see [`Lex::key_id`]), so the passes after tokenizing test words
//! by id without hashing again, and compare names as sequences of ids.

use super::lexicon::{self, PlaceEntry};
use super::tokens::Token;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// User additions to the word tests.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// User "never a name" words, as keys.
    pub not_names: HashSet<String>,
    /// The user's extra people (`[people] add` and alias targets), as keys joined by spaces
    /// ("will power"): full names even when their words are common words.
    pub user_names: HashSet<String>,
}

// Tests of a key (asked about a string, they run on the string's key).
pub const GIVEN: u32 = 1;
pub const COMMON: u32 = 1 << 1;
pub const PLACE: u32 = 1 << 2;
pub const TITLE: u32 = 1 << 3;
pub const ROLE: u32 = 1 << 4;
pub const AFTER: u32 = 1 << 5;
pub const ORG: u32 = 1 << 6;
pub const CAL: u32 = 1 << 7;
pub const PARTICLE: u32 = 1 << 8;
/// Function words and the user's never-a-name words.
pub const STOP: u32 = 1 << 9;
/// Some key of the country table starts with the key.
pub const PLACE_START: u32 = 1 << 10;
/// The key is a key of the country table (a country, demonym or metonym).
pub const COUNTRY: u32 = 1 << 11;
const KEY_BITS: u32 = (1 << 12) - 1;

// Tests of the string itself (asked about keys).
/// Honorifics that are also ordinary words ("miss", "major"): titles only when capitalised.
pub const HONORIFIC: u32 = 1 << 12;
/// Words that open an apposition after a comma ("X, the ...", "X, who ...").
pub const APPOS: u32 = 1 << 13;
/// Place-name prefixes ("new", "san", "north", ...).
pub const PREFIX: u32 = 1 << 14;
/// Strong reporting verbs ("said", "told", ...).
pub const REPORT: u32 = 1 << 15;
/// "it" or "its".
pub const IT: u32 = 1 << 16;
/// A plural of a common word or country-table key that is not a given name ("Indians").
pub const PLURAL: u32 = 1 << 17;
/// A populated place or a country-table key.
pub const PLACE_LIKE: u32 = 1 << 18;
/// More than one character.
pub const MULTI: u32 = 1 << 19;
/// A longer country-table key starts with this one and a space or hyphen.
pub const PLACE_EXT: u32 = 1 << 20;
/// The string itself is a key of the country table (no normalisation) that every article reads
/// (not a name read only in some languages, "Deutschland").
pub const RAW_PLACE: u32 = 1 << 21;
/// Honorifics and titles of office that only ever stand before a person's name ("Mr",
/// "President", "Senator", "Pope"): evidence strong enough to beat the common-word test.
pub const STRONG_TITLE: u32 = 1 << 22;
/// One of the most frequent census surnames (`surnames.txt`).
pub const SURNAME: u32 = 1 << 24;
/// One of the most frequent census given names (`popular_given.txt`).
pub const POPULAR_GIVEN: u32 = 1 << 25;
/// One of the user's never-a-name entries, as a whole phrase ("walter reed").
pub const NOT_NAME: u32 = 1 << 28;
/// One of the user's extra people, as a whole name (`Words::user_names`).
pub const USER_NAME: u32 = 1 << 27;
/// Determiners and possessives: a capitalised word after one is a thing, not a person's name
/// ("the Government said").
pub const DET: u32 = 1 << 23;
/// A US state or city that is no key of the country table ("Atlanta", "Texas"; not
/// "Washington"): context that makes "Georgia" the US state.
pub const US_PLACE: u32 = 1 << 26;

/// A small fast hasher for short keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fx_bytes(self.0, bytes);
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(v)).wrapping_mul(FX_K);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(FX_K);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn fx_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(FX_K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // the last bytes, little-endian, without a call to memcpy
        h = (h.rotate_left(5) ^ tail_u64(bytes, rest.len())).wrapping_mul(FX_K);
    }
    h
}

/// The last `r` (1..=8) bytes of `b`, little-endian, as a `u64`, read with at most two loads.
#[inline]
fn tail_u64(b: &[u8], r: usize) -> u64 {
    let n = b.len();
    let word = |i: usize| -> u64 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(a)
    };
    let half = |i: usize| -> u64 {
        let mut a = [0u8; 4];
        a.copy_from_slice(&b[i..i + 4]);
        u64::from(u32::from_le_bytes(a))
    };
    if n >= 8 {
        // an 8-byte load ending at the end, shifted down to the last `r` bytes
        word(n - 8) >> (8 * (8 - r))
    } else if r >= 4 {
        // two overlapping 4-byte loads (the overlap holds the same bytes in both)
        let s = n - r;
        half(s) | (half(n - 4) << (8 * (r - 4)))
    } else {
        b[n - r..]
            .iter()
            .rev()
            .fold(0u64, |v, &x| (v << 8) | u64::from(x))
    }
}

/// Byte equality without a call to `memcmp` for words of up to 16 bytes.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=8 => tail_u64(a, n) == tail_u64(b, n),
        9..=16 => {
            let head = |x: &[u8]| {
                let mut w = [0u8; 8];
                w.copy_from_slice(&x[..8]);
                u64::from_le_bytes(w)
            };
            head(a) == head(b) && tail_u64(a, 8) == tail_u64(b, 8)
        }
        _ => a == b,
    }
}

/// Hash of an interned string; the table uses its high bits.
fn str_hash(s: &str) -> u64 {
    (fx_bytes(0, s.as_bytes()) ^ s.len() as u64).wrapping_mul(FX_K)
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// No id yet.
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Ent {
    hash: u64,
    /// The string's bytes, little-endian, when it has at most eight (a lookup then compares
    /// without reading the arena); 0 otherwise.
    head: u64,
    start: u32,
    len: u32,
    /// Id of the string the key tests run on (itself, or its normalised form); NONE = not yet.
    key: u32,
    /// Tests answered, and their answers.
    known: u32,
    val: u32,
    /// Index into the country table + 1 of the string itself (with RAW_PLACE known).
    place: u16,
}

/// Interned strings and their test answers, kept between analyses (a vocabulary fills it).
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// Entry index + 1, 0 = empty; a power of two long, at most half full.
    slots: Vec<u32>,
    ents: Vec<Ent>,
    arena: String,
    /// A buffer for building strings to look up.
    scratch: String,
    /// Ids of joined strings ([`Lex::join_id`]) of up to four ids, padded with [`NONE`].
    joined: FxMap<[u32; 4], u32>,
}

/// Entries kept between analyses at most.
const MEMO_MAX: usize = 200_000;
/// Bytes of interned text kept between analyses at most.
const ARENA_MAX: usize = 8 << 20;

impl Memo {
    fn str(&self, id: u32) -> &str {
        let e = &self.ents[id as usize];
        &self.arena[e.start as usize..(e.start + e.len) as usize]
    }

    fn intern(&mut self, s: &str) -> u32 {
        if self.slots.is_empty() {
            self.slots = vec![0; 1024];
        }
        let h = str_hash(s);
        let head = match s.len() {
            1..=8 => tail_u64(s.as_bytes(), s.len()),
            _ => 0,
        };
        let bits = self.slots.len().trailing_zeros();
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - bits)) as usize;
        loop {
            let v = self.slots[i];
            if v == 0 {
                break;
            }
            let e = &self.ents[v as usize - 1];
            if e.hash == h && e.len as usize == s.len() {
                let same = if s.len() <= 8 {
                    e.head == head
                } else {
                    self.arena
                        .as_bytes()
                        .get(e.start as usize..(e.start + e.len) as usize)
                        .is_some_and(|t| same_bytes(t, s.as_bytes()))
                };
                if same {
                    return v - 1;
                }
            }
            i = (i + 1) & mask;
        }
        let id = self.ents.len() as u32;
        self.ents.push(Ent {
            hash: h,
            head,
            start: self.arena.len() as u32,
            len: s.len() as u32,
            key: NONE,
            known: 0,
            val: 0,
            place: 0,
        });
        self.arena.push_str(s);
        self.slots[i] = id + 1;
        if self.ents.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        let bits = n.trailing_zeros();
        let mut slots = vec![0u32; n];
        for (id, e) in self.ents.iter().enumerate() {
            let mut i = (e.hash >> (64 - bits)) as usize;
            while slots[i] != 0 {
                i = (i + 1) & (n - 1);
            }
            slots[i] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

/// Memoised word tests for one analysis.
pub struct Lex<'a> {
    words: &'a Words,
    m: RefCell<Memo>,
}

impl<'a> Lex<'a> {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn new(words: &'a Words) -> Self {
        Self::with_memo(words, Memo::default())
    }

    /// Start from answers kept from earlier analyses.
    pub fn with_memo(words: &'a Words, mut memo: Memo) -> Self {
        if memo.ents.len() > MEMO_MAX || memo.arena.len() > ARENA_MAX {
            memo = Memo::default();
        }
        Lex {
            words,
            m: RefCell::new(memo),
        }
    }

    /// The answers, to keep for the next analysis.
    pub fn into_memo(self) -> Memo {
        self.m.into_inner()
    }

    /// Id of the string `s` itself.
    pub fn id(&self, s: &str) -> u32 {
        self.m.borrow_mut().intern(s)
    }

    /// Id of the string the key tests of `id` run on: `id` itself when it is all ASCII lower
    /// case letters, else its normalised form ([`lexicon::norm_into`]).
    #[inline]
    pub fn key_of(&self, id: u32) -> u32 {
        if let Ok(m) = self.m.try_borrow() {
            if let Some(e) = m.ents.get(id as usize) {
                if e.key != NONE {
                    return e.key;
                }
            }
        }
        self.key_of_slow(id)
    }

    #[inline(never)]
    fn key_of_slow(&self, id: u32) -> u32 {
        let mut m = self.m.borrow_mut();
        let k = m.ents[id as usize].key;
        if k != NONE {
            return k;
        }
        let s = m.str(id);
        let k = if s.bytes().all(|b| b.is_ascii_lowercase()) {
            id
        } else {
            let mut n = String::with_capacity(s.len());
            lexicon::norm_into(s, &mut n);
            m.intern(&n)
        };
        m.ents[id as usize].key = k;
        k
    }

    /// Id of the key of a word as written ("U.S." -> "us").
    pub fn key_id(&self, s: &str) -> u32 {
        let id = self.id(s);
        self.key_of(id)
    }

    /// Key id of a word token: set on capitalised words by the tokenizer, looked up for others.
    #[inline]
    pub fn tk(&self, text: &str, t: &Token) -> u32 {
        let k = t.key.get();
        if k != NONE {
            return k;
        }
        let k = self.key_id(&text[t.range()]);
        t.key.set(k);
        k
    }

    /// Id of the strings of `ids` joined by spaces ("vladimir putin").
    pub fn join_id(&self, ids: &[u32]) -> u32 {
        let mut m = self.m.borrow_mut();
        // Names of up to four words: found by their ids, without building the string.
        let mut short = [NONE; 4];
        let short = match short.get_mut(..ids.len()) {
            Some(s) => {
                s.copy_from_slice(ids);
                Some(short)
            }
            None => None,
        };
        if let Some(k) = short {
            if let Some(&id) = m.joined.get(&k) {
                return id;
            }
        }
        let mut s = std::mem::take(&mut m.scratch);
        s.clear();
        for (n, &id) in ids.iter().enumerate() {
            if n > 0 {
                s.push(' ');
            }
            s.push_str(m.str(id));
        }
        let id = m.intern(&s);
        m.scratch = s;
        if let Some(k) = short {
            m.joined.insert(k, id);
        }
        id
    }

    /// Id of the spelling-variant key of the key `id`: diacritics folded and the endings that
    /// transliterations vary on made one ("Erdoğan" / "Erdogan", "Zelenskyy" / "Zelensky" /
    /// "Zelenskiy"). Used only to merge a name with a person already known.
    pub fn variant(&self, id: u32) -> u32 {
        let plain = {
            let m = self.m.borrow();
            let st = m.str(id);
            st.is_ascii() && !["yy", "iy", "ij", "ii"].iter().any(|e| st.ends_with(e))
        };
        // most keys are their own variant: no copy, no interning
        if plain {
            return id;
        }
        let s = self.m.borrow().str(id).to_string();
        let mut v = if s.is_ascii() { s } else { fold(&s) };
        for end in ["yy", "iy", "ij", "ii"] {
            if v.len() > end.len() + 3 && v.ends_with(end) {
                v.truncate(v.len() - end.len());
                v.push('y');
                break;
            }
        }
        self.id(&v)
    }

    /// The string of an id (a copy).
    pub fn string(&self, id: u32) -> String {
        self.m.borrow().str(id).to_string()
    }

    /// The country-table entry of the string of `id` itself (not normalised), also one read
    /// only in some languages' articles (which [`RAW_PLACE`] does not count).
    pub fn raw_place(&self, id: u32) -> Option<PlaceEntry> {
        // computes and keeps the entry's index the first time
        self.test(id, RAW_PLACE);
        let i = self.m.borrow().ents[id as usize].place;
        lexicon::place_at(usize::from(i).checked_sub(1)?)
    }

    /// Whether the tests in `mask` hold for `id` (one bit: that test; several: any of them).
    /// Key tests run on the key of `id`, the others on its string.
    #[inline]
    pub fn is(&self, id: u32, mask: u32) -> bool {
        // Fast path: the key is known and so are the answers.
        if let Ok(m) = self.m.try_borrow() {
            if let Some(e) = m.ents.get(id as usize) {
                if let Some(ke) = m.ents.get(e.key as usize) {
                    let keyed = mask & KEY_BITS;
                    let raw = mask & !KEY_BITS;
                    if ke.known & keyed == keyed && e.known & raw == raw {
                        return ke.val & keyed != 0 || e.val & raw != 0;
                    }
                }
            }
        }
        self.is_slow(id, mask)
    }

    #[inline(never)]
    fn is_slow(&self, id: u32, mask: u32) -> bool {
        let keyed = mask & KEY_BITS;
        let raw = mask & !KEY_BITS;
        (keyed != 0 && self.test(self.key_of(id), keyed)) || (raw != 0 && self.test(id, raw))
    }

    /// Whether any test in `mask` holds for the string of `id`, computing unknown ones.
    fn test(&self, id: u32, mask: u32) -> bool {
        let (known, val) = {
            let m = self.m.borrow();
            let e = &m.ents[id as usize];
            (e.known, e.val)
        };
        if val & mask & known != 0 {
            return true;
        }
        if known & mask == mask {
            return false;
        }
        // A copy of the string (the tests may intern other strings): on the stack when short.
        let mut small = [0u8; 48];
        let owned;
        let s: &str = {
            let m = self.m.borrow();
            let st = m.str(id);
            match small.get_mut(..st.len()) {
                Some(buf) => {
                    buf.copy_from_slice(st.as_bytes());
                    std::str::from_utf8(buf).unwrap_or_default()
                }
                None => {
                    owned = st.to_string();
                    &owned
                }
            }
        };
        let mut todo = mask & !known;
        while todo != 0 {
            let bit = todo & todo.wrapping_neg();
            todo &= !bit;
            let (v, place) = if bit == RAW_PLACE {
                let p = lexicon::place_index(s);
                let everywhere = p.and_then(lexicon::place_at).is_some_and(|e| e.langs == 0);
                (everywhere, p)
            } else {
                (self.compute(s, bit), None)
            };
            self.store(id, bit, if v { bit } else { 0 }, place);
            if v {
                return true;
            }
        }
        false
    }

    fn store(&self, id: u32, bit: u32, val: u32, place: Option<usize>) {
        let mut m = self.m.borrow_mut();
        let e = &mut m.ents[id as usize];
        e.known |= bit;
        e.val |= val;
        if let Some(p) = place {
            e.place = u16::try_from(p + 1).unwrap_or(0);
        }
    }

    /// One test on the string `k` (a key for the key tests).
    fn compute(&self, k: &str, bit: u32) -> bool {
        match bit {
            GIVEN => {
                lexicon::GIVEN.contains(k) || (!k.is_ascii() && lexicon::GIVEN.contains(&fold(k)))
            }
            COMMON => common(k),
            PLACE => lexicon::PLACES.contains(k),
            SURNAME => lexicon::SURNAMES.contains(k),
            USER_NAME => self.words.user_names.contains(k),
            NOT_NAME => self.words.not_names.contains(k),
            POPULAR_GIVEN => lexicon::POPULAR_GIVEN.contains(k),
            TITLE => lexicon::TITLES.contains(k),
            ROLE => lexicon::ROLE_HEADS.contains(k),
            AFTER => lexicon::AFTER_VERBS.contains(k),
            ORG => lexicon::ORG_WORDS.contains(k),
            CAL => lexicon::CALENDAR.contains(k),
            PARTICLE => lexicon::PARTICLES.contains(k),
            STOP => lexicon::STOP_WORDS.contains(k) || self.words.not_names.contains(k),
            PLACE_START => lexicon::place_prefix(k),
            COUNTRY => lexicon::place_everywhere(k),
            HONORIFIC => matches!(
                k,
                "miss"
                    | "major"
                    | "general"
                    | "father"
                    | "justice"
                    | "speaker"
                    | "chair"
                    | "sir"
                    | "lord"
                    | "lady"
                    | "dame"
                    | "king"
                    | "queen"
                    | "prince"
                    | "princess"
                    | "judge"
                    | "star"
                    | "partner"
                    | "officer"
                    | "agent"
                    | "brother"
                    | "sister"
                    | "mother"
                    | "son"
                    | "daughter"
                    | "wife"
                    | "husband"
            ),
            APPOS => matches!(
                k,
                "who" | "the" | "a" | "an" | "aged" | "whose" | "said" | "says"
            ),
            PREFIX => matches!(
                k,
                "new"
                    | "san"
                    | "santa"
                    | "st"
                    | "saint"
                    | "fort"
                    | "mount"
                    | "south"
                    | "north"
                    | "east"
                    | "west"
                    | "upper"
                    | "lower"
                    | "greater"
                    | "old"
                    | "central"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "cape"
                    | "port"
            ),
            REPORT => matches!(
                k,
                "said"
                    | "says"
                    | "told"
                    | "added"
                    | "asked"
                    | "stated"
                    | "wrote"
                    | "argued"
                    | "noted"
                    | "insisted"
                    | "warned"
                    | "explained"
                    | "declared"
                    | "replied"
                    | "commented"
                    | "admitted"
                    | "stressed"
                    | "urged"
                    | "recalled"
                    | "conceded"
                    | "quipped"
            ),
            IT => matches!(k, "it" | "its"),
            STRONG_TITLE => matches!(
                k,
                "mr" | "mrs"
                    | "ms"
                    | "mx"
                    | "miss"
                    | "dr"
                    | "prof"
                    | "sir"
                    | "dame"
                    | "lord"
                    | "lady"
                    | "president"
                    | "president-elect"
                    | "ex-president"
                    | "premier"
                    | "chancellor"
                    | "minister"
                    | "senator"
                    | "sen"
                    | "rep"
                    | "representative"
                    | "congressman"
                    | "congresswoman"
                    | "governor"
                    | "gov"
                    | "mayor"
                    | "ambassador"
                    | "general"
                    | "gen"
                    | "lt"
                    | "col"
                    | "maj"
                    | "capt"
                    | "adm"
                    | "sgt"
                    | "king"
                    | "queen"
                    | "prince"
                    | "princess"
                    | "emperor"
                    | "sheikh"
                    | "sheik"
                    | "emir"
                    | "sultan"
                    | "pope"
                    | "cardinal"
                    | "archbishop"
                    | "bishop"
                    | "rabbi"
                    | "imam"
                    | "ayatollah"
                    | "rev"
                    | "reverend"
                    | "judge"
                    | "justice"
                    | "speaker"
                    | "secretary"
                    | "chairman"
                    | "chairwoman"
                    | "leader"
                    | "dictator"
                    | "taoiseach"
                    | "commissioner"
                    | "spokesman"
                    | "spokeswoman"
                    | "coach"
            ),
            DET => matches!(
                k,
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "our"
                    | "his"
                    | "her"
                    | "my"
                    | "your"
                    | "every"
                    | "each"
                    | "any"
                    | "no"
            ),
            PLURAL => {
                let Some(stem) = k.strip_suffix('s') else {
                    return false;
                };
                k.len() > 3
                    && !self.given(k)
                    && (self.common(stem) || lexicon::place_everywhere(stem))
            }
            PLACE_LIKE => self.place(k) || lexicon::place_everywhere(k),
            MULTI => k.chars().nth(1).is_some(),
            US_PLACE => lexicon::US_PLACES.contains(k) && lexicon::place(k).is_none(),
            PLACE_EXT => {
                let mut p = String::with_capacity(k.len() + 1);
                p.push_str(k);
                p.push(' ');
                if lexicon::place_prefix(&p) {
                    return true;
                }
                p.pop();
                p.push('-');
                lexicon::place_prefix(&p)
            }
            _ => false,
        }
    }

    /// Whether the user listed never-a-name phrases of several words (so that [`NOT_NAME`] can
    /// hold for a run of words).
    pub fn has_not_name_phrases(&self) -> bool {
        self.words.not_names.iter().any(|n| n.contains(' '))
    }

    /// Whether the user listed extra people (so that [`USER_NAME`] can hold).
    pub fn has_user_names(&self) -> bool {
        !self.words.user_names.is_empty()
    }

    /// A test on a word as written (tests, and strings that are not tokens).
    pub fn is_str(&self, s: &str, mask: u32) -> bool {
        let id = self.id(s);
        self.is(id, mask)
    }

    /// A function word, a never-a-name word or a calendar word (one memo probe).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn stop_or_calendar(&self, k: &str) -> bool {
        self.is_str(k, STOP | CAL)
    }
    /// The word is a key of the country table (a country, demonym or metonym).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn in_country_table(&self, k: &str) -> bool {
        self.is_str(k, COUNTRY)
    }
    pub fn given(&self, k: &str) -> bool {
        self.is_str(k, GIVEN)
    }
    /// A common English word, also inflected ("reports", "earlier", "trading").
    pub fn common(&self, k: &str) -> bool {
        self.is_str(k, COMMON)
    }
    pub fn place(&self, k: &str) -> bool {
        self.is_str(k, PLACE)
    }
    pub fn title(&self, k: &str) -> bool {
        self.is_str(k, TITLE)
    }
    /// Function words and the user's never-a-name words.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn stop(&self, k: &str) -> bool {
        self.is_str(k, STOP)
    }
}

/// Latin letters with diacritics folded to their base letter ("micheál" -> "micheal").
fn fold(k: &str) -> String {
    k.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
            'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
            'ĥ' | 'ħ' => 'h',
            'ķ' => 'k',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ŕ' | 'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        })
        .collect()
}

/// Common-word test with simple English inflections stripped.
fn common(k: &str) -> bool {
    if lexicon::COMMON.contains(k) {
        return true;
    }
    let c = |s: &str| s.len() > 2 && lexicon::COMMON.contains(s);
    let mut buf = String::new();
    let mut with = |stem: &str, add: &str| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(add);
        c(&buf)
    };
    for (suf, add) in [("ies", "y"), ("ier", "y"), ("iest", "y"), ("ied", "y")] {
        if let Some(st) = k.strip_suffix(suf) {
            if with(st, add) {
                return true;
            }
        }
    }
    for suf in ["s", "es", "ed", "d", "ing", "er", "est", "ly"] {
        if let Some(st) = k.strip_suffix(suf) {
            if c(st) || with(st, "e") {
                return true;
            }
            // doubled consonant: "stopped", "running"
            let b = st.as_bytes();
            if b.len() > 3
                && b[b.len() - 1].is_ascii_alphabetic()
                && b[b.len() - 1] == b[b.len() - 2]
                && c(&st[..st.len() - 1])
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_loads_agree_with_bytewise_reading_and_comparison() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..=text.len() {
            let b = &text[..n];
            for r in 1..=n.min(8) {
                let slow = b[n - r..]
                    .iter()
                    .rev()
                    .fold(0u64, |v, &x| (v << 8) | u64::from(x));
                assert_eq!(tail_u64(b, r), slow, "n={n} r={r}");
            }
            for m in 0..=text.len() {
                // equal prefixes, and strings that differ in their first or last byte
                let c = &text[..m];
                assert_eq!(same_bytes(b, c), b == c);
                let mut d = b.to_vec();
                for k in [0, n.saturating_sub(1)] {
                    if let Some(x) = d.get_mut(k) {
                        *x ^= 1;
                        assert!(!same_bytes(b, &d), "n={n} k={k}");
                        d[k] ^= 1;
                    }
                }
            }
        }
    }

    #[test]
    fn inflected_common_words_are_common() {
        let w = Words::default();
        let l = Lex::new(&w);
        for k in ["reports", "earlier", "trading", "stopped", "universities"] {
            assert!(l.common(k), "{k}");
        }
        for k in ["putin", "witkoff", "zelenskyy"] {
            assert!(!l.common(k), "{k}");
        }
    }

    #[test]
    fn inflection_stripping_keeps_char_boundaries() {
        // found by the fuzzer: a doubled byte inside a multi-byte character before "ing"
        let w = Words::default();
        let l = Lex::new(&w);
        assert!(!l.common("j湹ing'"));
        assert!(!l.common("湹湹ing"));
    }

    #[test]
    fn given_names_match_with_or_without_diacritics() {
        let w = Words::default();
        let l = Lex::new(&w);
        assert!(l.given("micheál"));
        assert!(l.given("Micheál"));
        assert!(l.given("vladimir"));
        assert!(!l.given("kremlin"));
    }

    #[test]
    fn user_not_names_are_stop_words() {
        let w = Words {
            not_names: ["energoatom".to_string()].into_iter().collect(),
            ..Words::default()
        };
        let l = Lex::new(&w);
        assert!(l.stop("energoatom"));
        assert!(!Lex::new(&Words::default()).stop("energoatom"));
        assert!(l.stop("the"));
    }

    #[test]
    fn combined_and_country_tests_agree_with_single_tests_on_surfaces_and_keys() {
        let words = Words::default();
        let l = Lex::new(&words);
        for k in [
            "the", "The", "monday", "Monday", "Putin", "putin", "Kremlin", "U.S.",
        ] {
            // asked before and after the single tests are memoised
            let first = l.stop_or_calendar(k);
            assert_eq!(first, l.stop(k) || l.is_str(k, CAL), "{k}");
            assert_eq!(l.stop_or_calendar(k), first, "{k}");
        }
        assert!(l.stop_or_calendar("Monday") && l.stop_or_calendar("the"));
        assert!(!l.stop_or_calendar("Putin"));
        assert!(l.in_country_table("Kremlin") && l.in_country_table("U.S."));
        assert!(l.in_country_table("kremlin"));
        assert!(!l.in_country_table("England") && !l.in_country_table("Putin"));
    }

    #[test]
    fn lower_casing_is_idempotent_so_keys_are_their_own_keys() {
        // `Lex::key_of` of a key is the key itself only if normalising twice changes nothing.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let once: String = c.to_lowercase().collect();
            let twice: String = once.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(once, twice, "{c:?}");
        }
        let words = Words::default();
        let l = Lex::new(&words);
        for s in ["U.S.", "O’Brien", "MICHEÁL", "İstanbul", "ΣΊΣΥΦΟΣ"] {
            let k = l.key_id(s);
            assert_eq!(l.key_of(k), k, "{s}");
        }
    }

    #[test]
    fn surfaces_share_the_id_of_their_key() {
        let words = Words::default();
        let l = Lex::new(&words);
        let us = l.key_id("U.S.");
        assert_eq!(us, l.key_id("US"));
        assert_eq!(us, l.id("us"));
        assert_eq!(l.string(us), "us");
        assert_ne!(l.key_id("Putin"), l.key_id("Putins"));
        // the memo keeps ids and answers across analyses and grows past its first table
        let mut ids = Vec::new();
        for i in 0..5000 {
            ids.push(l.id(&format!("w{i}")));
        }
        let memo = l.into_memo();
        let l = Lex::with_memo(&words, memo);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(l.id(&format!("w{i}")), *id);
        }
        assert!(l.is(l.key_id("Putins"), PLURAL) == l.is(l.key_id("Putins"), PLURAL));
    }

    #[test]
    fn string_tests_match_their_definitions() {
        let words = Words::default();
        let l = Lex::new(&words);
        let k = |s: &str| l.key_id(s);
        assert!(l.is(k("Miss"), HONORIFIC) && !l.is(k("President"), HONORIFIC));
        assert!(l.is(k("who"), APPOS) && !l.is(k("which"), APPOS));
        assert!(l.is(k("said"), REPORT) && !l.is(k("saw"), REPORT));
        assert!(l.is(k("Indians"), PLURAL) && !l.is(k("Jones"), PLURAL));
        assert!(l.is(k("Moscow"), PLACE_LIKE) && !l.is(k("Putin"), PLACE_LIKE));
        assert!(l.is(k("united"), PLACE_EXT) && !l.is(k("romania"), PLACE_EXT));
        assert!(l.is(k("A."), GIVEN | MULTI) == l.is(k("A."), GIVEN));
        assert!(!l.is(k("é"), MULTI) && l.is(k("éa"), MULTI));
        let ru = l
            .raw_place(k("Russia"))
            .map(|e| lexicon::country(e.country).0);
        assert_eq!(ru, Some("RU"));
        assert!(l.raw_place(l.id("Russia")).is_none());
    }
}
