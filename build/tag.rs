//! The tagger part of the build script: compiles the tagger's data files (src/tag/data/) into
//! static tables, so that building a `Tagger` parses nothing at start-up. Output:
//! `$OUT_DIR/tag_data.rs` (included by `src/tag/lexicon.rs`) and the word-set files it names.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const DATA: &str = "src/tag/data";

/// The languages of `[XX.translations]` in countries.toml (lede's language codes).
const LANG_CODES: [&str; 16] = [
    "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "cs", "tr", "ru", "uk", "ko", "zh", "ja", "ar",
];

/// Write the tagger's tables into `out`.
pub fn build(out: &Path) {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=build/tag.rs");
    let mut code = String::new();

    let lex: toml::Table = read("lexicon.toml")
        .parse()
        .expect("lexicon.toml is valid TOML");
    // Large word lists: one lower-cased, sorted, deduplicated blob + u32 offsets each.
    for (name, file) in [
        ("GIVEN", "given_names.txt"),
        ("COMMON", "common_words.txt"),
        ("PLACES", "places.txt"),
        ("SURNAMES", "surnames.txt"),
        ("POPULAR_GIVEN", "popular_given.txt"),
        ("US_PLACES", "us_places.txt"),
        ("US_STATES", "us_states.txt"),
    ] {
        let text = read(file);
        let mut words: Vec<String> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| norm_key(l.trim()))
            .collect();
        if name == "PLACES" {
            let regions = lex["regions"].as_array().expect("regions list");
            words.extend(regions.iter().filter_map(|v| v.as_str()).map(norm_key));
        }
        word_set(&mut code, out, name, words);
    }

    // Hand-written small lists.
    for (name, key) in [
        ("TITLES", "titles"),
        ("ROLE_HEADS", "role_heads"),
        ("AFTER_VERBS", "after_verbs"),
        ("ORG_WORDS", "org_words"),
        ("CALENDAR", "calendar"),
        ("PARTICLES", "particles"),
        ("STOP_WORDS", "stop_words"),
    ] {
        let words: Vec<String> = lex[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|v| norm_key(v.as_str().expect("a string")))
            .collect();
        word_set(&mut code, out, name, words);
    }

    // Countries: names, demonyms, capitals; seats of government from lexicon.toml; names in
    // other languages; former states.
    let countries: toml::Table = read("countries.toml")
        .parse()
        .expect("countries.toml is valid TOML");
    let mut codes = Vec::new();
    let mut names = Vec::new();
    // key -> (country index, kind, surface, languages); kind 0 = name, 1 = demonym,
    // 2 = metonym, 3 = a former state's name or demonym; languages: bits of LANG_CODES, 0 = any
    let mut entries: BTreeMap<String, (usize, u8, String, u16)> = BTreeMap::new();
    let seats = lex["seats"].as_table().expect("[seats] table");
    let list = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (i, (iso, c)) in countries.iter().enumerate() {
        codes.push(iso.clone());
        names.push(c["name"].as_str().expect("name").to_string());
        let former = c.get("former").and_then(|v| v.as_bool()).unwrap_or(false);
        let mut mets = list(c.get("capitals"));
        if let Some(s) = seats.get(iso).and_then(|v| v.as_array()) {
            mets.extend(s.iter().filter_map(|x| x.as_str().map(String::from)));
        }
        let groups = if former {
            vec![(3u8, list(c.get("names"))), (3, list(c.get("demonyms")))]
        } else {
            vec![
                (0u8, list(c.get("names"))),
                (1, list(c.get("demonyms"))),
                (2, mets),
            ]
        };
        for (kind, words) in groups {
            for w in words {
                let k = norm_key(&w);
                if k.is_empty() {
                    continue;
                }
                // Names win over demonyms over metonyms; the first country keeps a key.
                match entries.get(&k) {
                    Some((_, old, _, _)) if *old <= kind => {}
                    _ => {
                        entries.insert(k, (i, kind, w, 0));
                    }
                }
            }
        }
    }
    // Names in other languages, after every English one (which keeps its key): a name in Latin
    // letters only for an article in one of its languages, one in another script everywhere.
    for (i, (_, c)) in countries.iter().enumerate() {
        let Some(tr) = c.get("translations").and_then(|v| v.as_table()) else {
            continue;
        };
        for (lang, words) in tr {
            let bit = LANG_CODES
                .iter()
                .position(|l| l == lang)
                .map(|p| 1u16 << p)
                .unwrap_or_else(|| panic!("countries.toml: unknown language {lang}"));
            for w in list(Some(words)) {
                let k = norm_key(&w);
                if k.is_empty() {
                    continue;
                }
                let latin = !k.chars().any(|c| c.is_alphabetic() && c > '\u{24f}');
                let langs = if latin { bit } else { 0 };
                match entries.get_mut(&k) {
                    None => {
                        entries.insert(k, (i, 0, w, langs));
                    }
                    // the same country's name in one more language
                    Some((j, 0, _, l)) if *j == i && *l != 0 => *l |= langs,
                    Some(_) => {}
                }
            }
        }
    }
    let _ = writeln!(
        code,
        "/// Languages of the names in other languages (bit i of an entry's languages = LANG_CODES[i]).\n\
         pub static LANG_CODES: [&str; {}] = {:?};",
        LANG_CODES.len(),
        LANG_CODES
    );
    let _ = writeln!(
        code,
        "pub static CODES: [&str; {}] = {:?};",
        codes.len(),
        codes
    );
    let _ = writeln!(
        code,
        "pub static NAMES: [&str; {}] = {:?};",
        names.len(),
        names
    );
    let _ = writeln!(
        code,
        "/// (key, country index, kind 0 name / 1 demonym / 2 metonym / 3 former state, surface as \
         written in the data, languages: bits of LANG_CODES, 0 = any)"
    );
    let _ = writeln!(
        code,
        "pub static PLACE_NAMES: [(&str, u16, u8, &str, u16); {}] = [",
        entries.len()
    );
    for (k, (i, kind, w, langs)) in &entries {
        let _ = writeln!(code, "    ({k:?}, {i}, {kind}, {w:?}, {langs}),");
    }
    let _ = writeln!(code, "];");
    // The same keys as a hashed word set: its sorted order equals PLACE_NAMES' order.
    word_set(
        &mut code,
        out,
        "PLACE_KEYS",
        entries.keys().cloned().collect(),
    );
    std::fs::write(out.join("tag_data.rs"), code).expect("write tag_data.rs");
}

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(DATA).join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The lookup key of a word or name: lower case, periods removed, curly apostrophes straight,
/// Arabic vowel marks and combining acute accents (Russian stress marks) dropped, runs of
/// whitespace as one space.
fn norm_key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' | '\u{64b}'..='\u{652}' | '\u{301}' => {}
                '\u{2019}' => k.push('\''),
                c => k.extend(c.to_lowercase()),
            }
        }
    }
    k
}

/// FNV-1a, the hash of the word tables; `src/tag/lexicon.rs` has the same function.
fn fnv(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A word set: sorted blob, u32 offsets, and an open-addressing hash table of blob offsets,
/// lengths and fingerprints, all as files included with `include_str!`/`include_bytes!`.
fn word_set(code: &mut String, out: &Path, name: &str, mut words: Vec<String>) {
    words.sort();
    words.dedup();
    let mut blob = String::new();
    let mut off: Vec<u8> = 0u32.to_le_bytes().to_vec();
    for w in &words {
        blob.push_str(w);
        off.extend_from_slice(&(blob.len() as u32).to_le_bytes());
    }
    // Open addressing, at most 8/9 full, linear probing. A slot is 0 (empty) or
    // blob offset (bits 0..32) | length (32..40) | fingerprint, odd (40..64): a miss reads
    // only the table, a hit the table and the blob.
    let size = (words.len() + words.len() / 8 + 1)
        .next_power_of_two()
        .max(2);
    let mut table = vec![0u64; size];
    let mut at = 0u64;
    for w in &words {
        assert!(w.len() < 256, "{name}: word too long: {w}");
        let h = fnv(w.as_bytes());
        let mut slot = (h as usize) & (size - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        table[slot] = at | (w.len() as u64) << 32 | ((h >> 40) | 1) << 40;
        at += w.len() as u64;
    }
    let table: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
    let lower = name.to_lowercase();
    std::fs::write(out.join(format!("{lower}.blob")), &blob).expect("write blob");
    std::fs::write(out.join(format!("{lower}.off")), &off).expect("write offsets");
    std::fs::write(out.join(format!("{lower}.hash")), &table).expect("write table");
    let _ = writeln!(
        code,
        "pub static {name}: WordSet = WordSet {{ blob: include_str!(concat!(env!(\"OUT_DIR\"), \"/{lower}.blob\")), \
         off: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{lower}.off\")), \
         table: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{lower}.hash\")) }};"
    );
}
