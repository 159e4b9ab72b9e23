//! Compiles the tagger's data files (src/tag/data/) into static sorted tables, so that building
//! a `Tagger` parses nothing at start-up. Output: `$OUT_DIR/tag_data.rs`, included by
//! `src/tag/lexicon.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const DATA: &str = "src/tag/data";

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=build.rs");
    let mut code = String::new();

    let lex: toml::Table = read("lexicon.toml")
        .parse()
        .expect("lexicon.toml is valid TOML");
    // Large word lists: one lower-cased, sorted, deduplicated blob + u32 offsets each.
    for (name, file) in [
        ("GIVEN", "given_names.txt"),
        ("COMMON", "common_words.txt"),
        ("PLACES", "places.txt"),
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

    // Countries: names, demonyms, capitals; seats of government from lexicon.toml.
    let countries: toml::Table = read("countries.toml")
        .parse()
        .expect("countries.toml is valid TOML");
    let mut codes = Vec::new();
    let mut names = Vec::new();
    // key -> (country index, kind) ; kind 0 = name, 1 = demonym, 2 = metonym
    let mut entries: BTreeMap<String, (usize, u8, String)> = BTreeMap::new();
    let seats = lex["seats"].as_table().expect("[seats] table");
    for (i, (iso, c)) in countries.iter().enumerate() {
        codes.push(iso.clone());
        names.push(c["name"].as_str().expect("name").to_string());
        let list = |k: &str| -> Vec<String> {
            c.get(k)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut mets = list("capitals");
        if let Some(s) = seats.get(iso).and_then(|v| v.as_array()) {
            mets.extend(s.iter().filter_map(|x| x.as_str().map(String::from)));
        }
        for (kind, words) in [(0u8, list("names")), (1, list("demonyms")), (2, mets)] {
            for w in words {
                let k = norm_key(&w);
                if k.is_empty() {
                    continue;
                }
                // Names win over demonyms over metonyms; the first country keeps a key.
                match entries.get(&k) {
                    Some((_, old, _)) if *old <= kind => {}
                    _ => {
                        entries.insert(k, (i, kind, w));
                    }
                }
            }
        }
    }
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
        "/// (key, country index, kind 0 name / 1 demonym / 2 metonym, surface as written in the data)"
    );
    let _ = writeln!(
        code,
        "pub static PLACE_NAMES: [(&str, u16, u8, &str); {}] = [",
        entries.len()
    );
    for (k, (i, kind, w)) in &entries {
        let _ = writeln!(code, "    ({k:?}, {i}, {kind}, {w:?}),");
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
    stop_words(out);
}

/// 64-bit FNV-1a; `src/article/lang.rs` uses the same to look up long stop words.
fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Multiplier of the stop-word table's slot hash; `src/article/lang.rs` uses the same.
const STOP_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Compiles `src/article/data/stopwords.txt` into the parser's stop-word tables, so that the
/// first parse does not build them (it cost ~4 ms of start-up). Output in `$OUT_DIR`:
/// `stop_short.bin` — an open-addressed table, at most half full, of 10-byte records (u64 LE key =
/// the word's bytes packed little-endian, u16 LE language bits; key 0 = empty), slot =
/// `key * STOP_MUL >> (64 - bits)`, linear probing; `stop_long.txt` — `word\tbits` lines of the
/// longer words, sorted; `stop_long.off` — u32 LE line offsets; `stop_data.rs` — sizes, the
/// Chinese function characters and the longest word length.
fn stop_words(out: &Path) {
    const FILE: &str = "src/article/data/stopwords.txt";
    const LANGS: [&str; 15] = [
        "en", "fr", "de", "pt", "es", "it", "nl", "sv", "pl", "cs", "tr", "ru", "uk", "ko", "zh",
    ];
    println!("cargo:rerun-if-changed={FILE}");
    let text = std::fs::read_to_string(FILE).expect("stopwords.txt is readable");
    let mut short: BTreeMap<u64, u16> = BTreeMap::new();
    let mut long: BTreeMap<String, u16> = BTreeMap::new();
    let mut zh: Vec<char> = Vec::new();
    let mut lang: Option<usize> = None;
    let mut max_len = 0;
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(code) = line.strip_prefix('@') {
            lang = LANGS.iter().position(|l| *l == code);
            continue;
        }
        match lang {
            Some(14) => zh.extend(line.chars()),
            Some(l) => {
                if line.len() <= 8 {
                    let mut k = [0u8; 8];
                    k[..line.len()].copy_from_slice(line.as_bytes());
                    *short.entry(u64::from_le_bytes(k)).or_insert(0) |= 1 << l;
                } else {
                    *long.entry(line.to_string()).or_insert(0) |= 1 << l;
                }
                max_len = max_len.max(line.len());
            }
            None => {}
        }
    }
    zh.sort_unstable();
    zh.dedup();
    let bits = (short.len().max(1) * 2)
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let n = 1usize << bits;
    let mut slots = vec![(0u64, 0u16); n];
    for (&k, &v) in &short {
        let mut i = (k.wrapping_mul(STOP_MUL) >> (64 - bits)) as usize;
        while slots[i].0 != 0 {
            i = (i + 1) & (n - 1);
        }
        slots[i] = (k, v);
    }
    let mut blob = Vec::with_capacity(n * 10);
    for (k, v) in &slots {
        blob.extend_from_slice(&k.to_le_bytes());
        blob.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(out.join("stop_short.bin"), &blob).expect("write stop_short.bin");
    let mut lines = String::new();
    let mut off = Vec::new();
    for (w, b) in &long {
        off.extend_from_slice(&(lines.len() as u32).to_le_bytes());
        let _ = writeln!(lines, "{w}\t{b}");
    }
    std::fs::write(out.join("stop_long.txt"), &lines).expect("write stop_long.txt");
    std::fs::write(out.join("stop_long.off"), &off).expect("write stop_long.off");
    // A hash index over the long words: u32 LE (line index + 1, 0 = empty), at most half full,
    // slot = fnv1a(word) >> (64 - long_bits), linear probing.
    let long_bits = (long.len().max(1) * 2)
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let ln = 1usize << long_bits;
    let mut index = vec![0u32; ln];
    for (i, w) in long.keys().enumerate() {
        let mut j = (fnv1a(w.as_bytes()) >> (64 - long_bits)) as usize;
        while index[j] != 0 {
            j = (j + 1) & (ln - 1);
        }
        index[j] = i as u32 + 1;
    }
    let index: Vec<u8> = index.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(out.join("stop_long.idx"), &index).expect("write stop_long.idx");
    let mut code = String::new();
    let _ = writeln!(code, "const SHORT_BITS: u32 = {bits};");
    let _ = writeln!(code, "const SHORT_MUL: u64 = {STOP_MUL:#x};");
    let _ = writeln!(code, "const MAX_LEN: usize = {max_len};");
    let _ = writeln!(code, "const LONG_BITS: u32 = {long_bits};");
    let _ = writeln!(code, "static ZH_CHARS: [char; {}] = {zh:?};", zh.len());
    std::fs::write(out.join("stop_data.rs"), code).expect("write stop_data.rs");
}

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(DATA).join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The lookup key of a word or name: lower case, periods removed, curly apostrophes straight,
/// runs of whitespace as one space.
fn norm_key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
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

/// A word set: sorted blob, u32 offsets, and an open-addressing hash table of word indexes + 1
/// (load factor <= 1/2), all as files included with `include_str!`/`include_bytes!`.
fn word_set(code: &mut String, out: &Path, name: &str, mut words: Vec<String>) {
    words.sort();
    words.dedup();
    let mut blob = String::new();
    let mut off: Vec<u8> = 0u32.to_le_bytes().to_vec();
    for w in &words {
        blob.push_str(w);
        off.extend_from_slice(&(blob.len() as u32).to_le_bytes());
    }
    let size = (words.len() * 2).next_power_of_two().max(2);
    let mut table = vec![0u32; size];
    for (i, w) in words.iter().enumerate() {
        let mut slot = (fnv(w.as_bytes()) as usize) & (size - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        table[slot] = i as u32 + 1;
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
