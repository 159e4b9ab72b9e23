//! The parser's stop-word tables for build.rs: compiles `src/article/data/stopwords.txt` into
//! static tables in `$OUT_DIR` (see [`stop_words`]), used by `src/article/lang.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

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
pub fn stop_words(out: &Path) {
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
