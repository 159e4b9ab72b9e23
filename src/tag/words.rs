//! Word tests the tagger asks about one lower-cased token key: given name, common English word,
//! populated place, title, organisation word, calendar word, ... backed by the compiled
//! lexicons plus the user's never-a-name words. [`Lex`] memoises the answers per distinct word
//! for one analysis, so a long text costs one hash probe per token.

use super::lexicon;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// User additions to the word tests.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// User "never a name" words, as keys.
    pub not_names: HashSet<String>,
}

const GIVEN: u16 = 1;
const COMMON: u16 = 1 << 1;
const PLACE: u16 = 1 << 2;
const TITLE: u16 = 1 << 3;
const ROLE: u16 = 1 << 4;
const AFTER: u16 = 1 << 5;
const ORG: u16 = 1 << 6;
const CAL: u16 = 1 << 7;
const PARTICLE: u16 = 1 << 8;
const STOP: u16 = 1 << 9;
const PLACE_START: u16 = 1 << 10;
const COUNTRY: u16 = 1 << 11;

/// A small fast hasher for short word keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<V> = HashMap<String, V, BuildHasherDefault<Fx>>;

/// Answers already computed: word -> (tests known, tests true).
pub type Memo = FxMap<(u16, u16)>;

/// Entries kept between analyses at most (a vocabulary, not a text, fills it).
const MEMO_MAX: usize = 200_000;

/// Memoised word tests for one analysis. Each test takes a key or a surface form (it is
/// normalised on a cache miss).
pub struct Lex<'a> {
    words: &'a Words,
    cache: RefCell<Memo>,
}

impl<'a> Lex<'a> {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn new(words: &'a Words) -> Self {
        Self::with_memo(words, Memo::default())
    }

    /// Start from answers kept from earlier analyses.
    pub fn with_memo(words: &'a Words, mut memo: Memo) -> Self {
        if memo.len() > MEMO_MAX {
            memo.clear();
        }
        Lex {
            words,
            cache: RefCell::new(memo),
        }
    }

    /// The answers, to keep for the next analysis.
    pub fn into_memo(self) -> Memo {
        self.cache.into_inner()
    }

    fn compute(&self, k: &str, bit: u16) -> bool {
        match bit {
            GIVEN => {
                lexicon::GIVEN.contains(k) || (!k.is_ascii() && lexicon::GIVEN.contains(&fold(k)))
            }
            COMMON => common(k),
            PLACE => lexicon::PLACES.contains(k),
            TITLE => lexicon::TITLES.contains(k),
            ROLE => lexicon::ROLE_HEADS.contains(k),
            AFTER => lexicon::AFTER_VERBS.contains(k),
            ORG => lexicon::ORG_WORDS.contains(k),
            CAL => lexicon::CALENDAR.contains(k),
            PARTICLE => lexicon::PARTICLES.contains(k),
            PLACE_START => lexicon::place_prefix(k),
            COUNTRY => lexicon::place(k).is_some(),
            _ => lexicon::STOP_WORDS.contains(k) || self.words.not_names.contains(k),
        }
    }

    /// Answer one test for `k`, computing it once per distinct key (bits known, bits set).
    fn has(&self, k: &str, bit: u16) -> bool {
        if let Some(&(known, val)) = self.cache.borrow().get(k) {
            if known & bit != 0 {
                return val & bit != 0;
            }
        }
        // `k` may be a surface form ("Putin", "U.S."): the tests run on its key.
        let v = if k.bytes().all(|b| b.is_ascii_lowercase()) {
            self.compute(k, bit)
        } else {
            self.compute(&lexicon::key(k), bit)
        };
        let add = if v { bit } else { 0 };
        let mut c = self.cache.borrow_mut();
        if let Some(e) = c.get_mut(k) {
            e.0 |= bit;
            e.1 |= add;
        } else {
            c.insert(k.to_string(), (bit, add));
        }
        v
    }

    /// Whether any test in `mask` holds for `k`, with one memo probe once all are known.
    fn has_any(&self, k: &str, mask: u16) -> bool {
        if let Some(&(known, val)) = self.cache.borrow().get(k) {
            if known & mask == mask {
                return val & mask != 0;
            }
        }
        let mut any = false;
        let mut m = mask;
        while m != 0 {
            let bit = m & m.wrapping_neg();
            any |= self.has(k, bit);
            m &= !bit;
        }
        any
    }

    /// A function word, a never-a-name word or a calendar word (one memo probe).
    pub fn stop_or_calendar(&self, k: &str) -> bool {
        self.has_any(k, STOP | CAL)
    }

    /// Some country, demonym or metonym in the country table starts with this word.
    pub fn place_start(&self, k: &str) -> bool {
        self.has(k, PLACE_START)
    }
    /// The word is a key of the country table (a country, demonym or metonym).
    pub fn in_country_table(&self, k: &str) -> bool {
        self.has(k, COUNTRY)
    }
    pub fn given(&self, k: &str) -> bool {
        self.has(k, GIVEN)
    }
    /// A common English word, also inflected ("reports", "earlier", "trading").
    pub fn common(&self, k: &str) -> bool {
        self.has(k, COMMON)
    }
    pub fn place(&self, k: &str) -> bool {
        self.has(k, PLACE)
    }
    pub fn title(&self, k: &str) -> bool {
        self.has(k, TITLE)
    }
    pub fn role_head(&self, k: &str) -> bool {
        self.has(k, ROLE)
    }
    pub fn after_verb(&self, k: &str) -> bool {
        self.has(k, AFTER)
    }
    pub fn org(&self, k: &str) -> bool {
        self.has(k, ORG)
    }
    pub fn calendar(&self, k: &str) -> bool {
        self.has(k, CAL)
    }
    pub fn particle(&self, k: &str) -> bool {
        self.has(k, PARTICLE)
    }
    /// Function words and the user's never-a-name words.
    pub fn stop(&self, k: &str) -> bool {
        self.has(k, STOP)
    }
}

/// Latin letters with diacritics folded to their base letter ("micheál" -> "micheal").
fn fold(k: &str) -> String {
    k.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
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
            assert_eq!(first, l.stop(k) || l.calendar(k), "{k}");
            assert_eq!(l.stop_or_calendar(k), first, "{k}");
        }
        assert!(l.stop_or_calendar("Monday") && l.stop_or_calendar("the"));
        assert!(!l.stop_or_calendar("Putin"));
        assert!(l.in_country_table("Kremlin") && l.in_country_table("U.S."));
        assert!(l.in_country_table("kremlin"));
        assert!(!l.in_country_table("England") && !l.in_country_table("Putin"));
    }
}
