//! The tagger's static lexicons: word sets and the country/metonym table, compiled by build.rs
//! from `src/tag/data/` (no parsing at start-up), and key normalisation for looking them up.

/// A set of lower-case words: one sorted string, the little-endian u32 offsets of its words,
/// and an open-addressing hash table (FNV-1a, linear probing) of u64 slots: blob offset
/// (bits 0..32), length (32..40) and an odd fingerprint of the hash (40..64), 0 = empty. A
/// lookup that misses reads only the table; one that hits reads the table and the blob.
pub struct WordSet {
    pub blob: &'static str,
    pub off: &'static [u8],
    pub table: &'static [u8],
}

fn u32_at(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i * 4..i * 4 + 4) {
        Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize,
        None => 0,
    }
}

fn u64_at(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i * 8..i * 8 + 8) {
        Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        None => 0,
    }
}

/// FNV-1a; must agree with `fnv` in build/tag.rs.
fn fnv(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl WordSet {
    /// Number of words.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn len(&self) -> usize {
        (self.off.len() / 4).saturating_sub(1)
    }

    /// The `i`-th word in sorted order.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn get(&self, i: usize) -> &'static str {
        self.blob
            .get(u32_at(self.off, i)..u32_at(self.off, i + 1))
            .unwrap_or("")
    }

    /// Whether `key` (already normalised with [`norm_into`]) is in the set.
    pub fn contains(&self, key: &str) -> bool {
        self.offset_of(key).is_some()
    }

    /// Blob offset of `key`, if it is in the set.
    fn offset_of(&self, key: &str) -> Option<usize> {
        let size = self.table.len() / 8;
        if size == 0 || key.len() > 255 {
            return None;
        }
        let mask = size - 1;
        let h = fnv(key.as_bytes());
        let tag = (h >> 40) | 1;
        let mut slot = (h as usize) & mask;
        for _ in 0..size {
            let v = u64_at(self.table, slot);
            if v == 0 {
                return None;
            }
            if v >> 40 == tag && (v >> 32) & 0xff == key.len() as u64 {
                let at = (v & 0xffff_ffff) as usize;
                if self.blob.as_bytes().get(at..at + key.len()) == Some(key.as_bytes()) {
                    return Some(at);
                }
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// Sorted-order index of `key`, if it is in the set.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        let at = self.offset_of(key)?;
        // the word starting at `at` (offsets are sorted; empty words share an offset)
        let (mut lo, mut hi) = (0, self.off.len() / 4);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if u32_at(self.off, mid) < at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..self.off.len() / 4)
            .take_while(|&i| u32_at(self.off, i) == at)
            .find(|&i| u32_at(self.off, i + 1) - at == key.len())
    }
}

include!(concat!(env!("OUT_DIR"), "/tag_data.rs"));

/// Kind of a place-name table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Name,
    Demonym,
    Metonym,
    /// A name or demonym of a state that no longer exists ("Soviet Union", "Yugoslav"): read as
    /// one name, so that no part of it is taken for something else, and never tagged.
    Former,
}

/// An entry of the country table.
#[derive(Debug, Clone, Copy)]
pub struct PlaceEntry {
    pub country: usize,
    pub kind: PlaceKind,
    /// The form written in the data ("U.S.", "Kremlin").
    pub surface: &'static str,
    /// Languages whose articles read this name (bits of [`LANG_CODES`]); 0 = every article.
    pub langs: u16,
}

/// Look a normalised key up in the country table.
pub fn place(key: &str) -> Option<PlaceEntry> {
    place_index(key).and_then(place_at)
}

/// Whether a normalised key is in the country table for every article (not only in some
/// languages' articles, as "Deutschland").
pub fn place_everywhere(key: &str) -> bool {
    place(key).is_some_and(|e| e.langs == 0)
}

/// Index of a normalised key in the country table.
pub fn place_index(key: &str) -> Option<usize> {
    PLACE_KEYS
        .index_of(key)
        .filter(|&i| PLACE_NAMES.get(i).is_some_and(|e| e.0 == key))
}

/// The `i`-th entry of the country table.
pub fn place_at(i: usize) -> Option<PlaceEntry> {
    let &(_, c, k, surface, langs) = PLACE_NAMES.get(i)?;
    Some(PlaceEntry {
        country: c as usize,
        kind: match k {
            0 => PlaceKind::Name,
            1 => PlaceKind::Demonym,
            2 => PlaceKind::Metonym,
            _ => PlaceKind::Former,
        },
        surface,
        langs,
    })
}

/// Whether some key in the country table starts with `prefix` (to stop extending a match).
pub fn place_prefix(prefix: &str) -> bool {
    let i = PLACE_NAMES.partition_point(|e| e.0 < prefix);
    PLACE_NAMES.get(i).is_some_and(|e| e.0.starts_with(prefix))
}

/// The canonical short name of a country index ("Georgia"), if there is one.
pub fn place_at_country_name(i: usize) -> Option<&'static str> {
    NAMES.get(i).copied()
}

/// Number of countries (indexes are below it).
pub fn country_count() -> usize {
    CODES.len()
}

/// ISO code and canonical short name of a country index.
pub fn country(i: usize) -> (&'static str, &'static str) {
    (
        CODES.get(i).copied().unwrap_or(""),
        NAMES.get(i).copied().unwrap_or(""),
    )
}

/// Append the lookup key of `s` to `out`: lower case, periods dropped, curly apostrophe straight,
/// Arabic vowel marks and combining acute accents dropped. Must agree with `norm_key` in build.rs.
pub fn norm_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '.' => {}
            '\u{2019}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{64b}'..='\u{652}' | '\u{301}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The lookup key of one word.
pub fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    norm_into(s, &mut k);
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_are_sorted_and_answer_lookups() {
        for set in [&GIVEN, &COMMON, &PLACES, &TITLES, &ORG_WORDS] {
            assert!(set.len() > 10);
            for i in 1..set.len() {
                assert!(set.get(i - 1) < set.get(i));
            }
            // every word is found through the hash table
            for i in (0..set.len()).step_by(97) {
                assert!(set.contains(set.get(i)), "{}", set.get(i));
            }
        }
        assert!(GIVEN.contains("vladimir"));
        assert!(GIVEN.contains("micheal"));
        assert!(COMMON.contains("such"));
        assert!(!COMMON.contains("putin"));
        assert!(PLACES.contains("moscow"));
        // sorted-order indexes come back through the hash table (the country table needs them)
        for i in 0..PLACE_KEYS.len() {
            assert_eq!(PLACE_KEYS.index_of(PLACE_KEYS.get(i)), Some(i));
        }
        assert!(!COMMON.contains(&"a".repeat(300)));
        assert!(!GIVEN.contains(""));
    }

    #[test]
    fn country_table_knows_names_demonyms_and_metonyms() {
        let us = place("us").map(|e| (country(e.country).0, e.kind));
        assert_eq!(us, Some(("US", PlaceKind::Name)));
        let irish = place("irish").map(|e| (country(e.country).0, e.kind));
        assert_eq!(irish, Some(("IE", PlaceKind::Demonym)));
        let kremlin = place("kremlin").map(|e| (country(e.country).0, e.kind));
        assert_eq!(kremlin, Some(("RU", PlaceKind::Metonym)));
        assert_eq!(
            place("britain").map(|e| country(e.country).1),
            Some("United Kingdom")
        );
        assert!(place_prefix("united"));
        assert!(!place_prefix("zzzz"));
        assert!(place("england").is_none());
    }
}
