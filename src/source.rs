//! Reading input: bytes from a file or stdin become sanitized UTF-8 text (`Source`).
//!
//! Steps, in order: size limit ([`MAX_BYTES`]), byte-order mark (UTF-8, UTF-16 LE/BE), the
//! encoding of input that is not UTF-8 (UTF-16 without BOM, a declared HTML/XML charset, else
//! `chardetng`'s guess, decoded by `encoding_rs`), binary refusal (a NUL byte, or mostly
//! non-text, in the first 8 KiB of other input), UTF-8 decoding (lossy, with one warning),
//! then [`sanitize`]: CRLF/CR become LF, control characters
//! and whole terminal escape sequences are removed, bidi override/isolate controls are removed.

use crate::error::Error;
use std::io::Read;

/// Largest input lede accepts.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// How much of the input the binary check looks at.
const SNIFF_BYTES: usize = 8 * 1024;

/// Decoded, sanitized article text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (`-` for stdin).
    pub name: String,
    /// Sanitized text: UTF-8, LF line ends, no control characters other than LF and TAB.
    pub text: String,
    /// Non-fatal problems to report on stderr (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
}

/// Read `path` (or stdin for `-`) and decode it.
///
/// Files larger than [`MAX_BYTES`] are refused from their metadata, before reading; stdin is
/// read up to one byte past the limit.
pub fn read(path: &str) -> Result<Source, Error> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("-", &e))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            return Err(Error::Io {
                path: path.to_string(),
                message: "is a directory, not a file".to_string(),
            });
        }
        if meta.len() > MAX_BYTES {
            return Err(Error::TooLarge {
                path: path.to_string(),
                size: meta.len(),
                limit: MAX_BYTES,
            });
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        // A file that grew since its metadata was read is still held to the limit.
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, &e))?;
        buf
    };
    decode_vec(path, bytes)
}

/// [`decode`] for bytes we own: plain UTF-8 without a BOM and with nothing to sanitize (the
/// common case) becomes the text without a copy; anything else goes through [`decode`].
fn decode_vec(name: &str, bytes: Vec<u8>) -> Result<Source, Error> {
    let plain = bytes.len() as u64 <= MAX_BYTES
        && ![&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
            .iter()
            .any(|bom| bytes.starts_with(bom))
        && !looks_binary(&bytes);
    if !plain {
        return decode(name, &bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) if next_special(text.as_bytes(), 0) == text.len() => {
            if text.trim().is_empty() {
                return Err(Error::Other(format!("{name}: empty, no article text")));
            }
            Ok(Source {
                name: name.to_string(),
                text,
                warnings: Vec::new(),
            })
        }
        Ok(text) => decode(name, text.as_bytes()),
        Err(e) => decode(name, e.as_bytes()),
    }
}

/// Decode raw bytes into a sanitized `Source`.
///
/// Errors: [`Error::TooLarge`] above [`MAX_BYTES`], [`Error::Binary`] for binary content
/// (any NUL byte or mostly non-text in the first 8 KiB), [`Error::Other`] for input with no text
/// at all (empty or only whitespace after sanitizing).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, Error> {
    let len = bytes.len() as u64;
    if len > MAX_BYTES {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size: len,
            limit: MAX_BYTES,
        });
    }
    let mut warnings = Vec::new();
    let raw: std::borrow::Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(name, rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(name, rest, u16::from_le_bytes, &mut warnings).into()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(name, rest, u16::from_be_bytes, &mut warnings).into()
    } else if let Some(enc) = legacy_encoding(bytes) {
        legacy(name, bytes, enc, &mut warnings)?.into()
    } else {
        utf8(name, bytes, &mut warnings)?
    };
    let text = sanitize(&raw);
    if text.trim().is_empty() {
        return Err(Error::Other(format!("{name}: empty, no article text")));
    }
    Ok(Source {
        name: name.to_string(),
        text,
        warnings,
    })
}

/// [`decode`] with a charset declared outside the bytes (an HTTP `Content-Type` header): a
/// known legacy charset there wins over the page's own declaration and the detector; UTF-8,
/// UTF-16, an unknown label, a BOM or no charset leave the choice to [`decode`].
pub fn decode_with_charset(
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
) -> Result<Source, Error> {
    let enc = charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()));
    let has_bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    match enc {
        Some(enc)
            if !has_bom
                && enc != encoding_rs::UTF_8
                && enc != encoding_rs::UTF_16LE
                && enc != encoding_rs::UTF_16BE
                && bytes.len() as u64 <= MAX_BYTES =>
        {
            let mut warnings = Vec::new();
            let raw = legacy(name, bytes, enc, &mut warnings)?;
            let text = sanitize(&raw);
            if text.trim().is_empty() {
                return Err(Error::Other(format!("{name}: empty, no article text")));
            }
            Ok(Source {
                name: name.to_string(),
                text,
                warnings,
            })
        }
        _ => decode(name, bytes),
    }
}

/// The encoding of input that is not UTF-8 (without a BOM): UTF-16 whose every other byte is
/// mostly NUL, else the charset an HTML `<meta charset>` or XML declaration names, else the
/// guess of `chardetng`. `None` for valid UTF-8 and for binary data (NUL bytes that are no
/// UTF-16), which the UTF-8 path refuses.
fn legacy_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(enc) = utf16_without_bom(head) {
        return Some(enc);
    }
    // (Valid up to a sequence cut at the end of the sniffed window is valid.)
    match std::str::from_utf8(bytes) {
        Ok(_) => return None,
        Err(e) if e.error_len().is_none() => return None,
        Err(_) => {}
    }
    if head.contains(&0) {
        return None;
    }
    if let Some(enc) = declared_charset(head) {
        // A page that calls itself UTF-8 but is not is read as the detector says.
        if enc != encoding_rs::UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE
        {
            return Some(enc);
        }
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(&bytes[..bytes.len().min(64 * SNIFF_BYTES)], true);
    Some(det.guess(None, true))
}

/// UTF-16 without a BOM: in the first bytes, the high bytes of the code units (odd offsets for
/// LE, even for BE) are NUL at least a tenth of the time (spaces, digits, punctuation) and take
/// at most two values nine times in ten (one script's block and NUL), while the low bytes are
/// almost never NUL.
fn utf16_without_bom(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let looks = |high: usize| {
        let mut counts = [0usize; 256];
        let mut low_nul = 0;
        for c in head.chunks_exact(2) {
            counts[c[high] as usize] += 1;
            low_nul += usize::from(c[1 - high] == 0);
        }
        let nul = counts[0];
        counts.sort_unstable();
        let top2 = counts[255] + counts[254];
        nul * 10 >= pairs && top2 * 10 >= pairs * 9 && low_nul * 50 <= pairs
    };
    if looks(1) {
        Some(encoding_rs::UTF_16LE)
    } else if looks(0) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The charset named by `<meta charset=…>`, `<meta http-equiv … content="…; charset=…">` or
/// `<?xml … encoding="…"?>` in the first bytes (ASCII, case-insensitive).
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = |key: &[u8]| memchr::memmem::find(&lower, key).map(|i| i + key.len());
    let start = at(b"charset=").or_else(|| {
        let i = memchr::memmem::find(&lower, b"<?xml")?;
        let j = memchr::memmem::find(&lower[i..], b"encoding=")?;
        Some(i + j + b"encoding=".len())
    })?;
    let rest = lower.get(start..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// Decode in a legacy encoding (or UTF-16 without BOM) in one pass; malformed sequences become
/// U+FFFD with one warning. Text that decodes to mostly control characters is binary.
fn legacy(
    name: &str,
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    warnings: &mut Vec<String>,
) -> Result<String, Error> {
    let (text, bad) = enc.decode_without_bom_handling(bytes);
    if looks_binary(text.as_bytes()) {
        return Err(Error::Binary {
            path: name.to_string(),
        });
    }
    if bad {
        warnings.push(format!(
            "{name}: invalid {}, decoded with replacement characters (\u{FFFD})",
            enc.name()
        ));
    }
    Ok(text.into_owned())
}

/// Binary check, then UTF-8 decoding (lossy with one warning).
fn utf8<'a>(
    name: &str,
    bytes: &'a [u8],
    warnings: &mut Vec<String>,
) -> Result<std::borrow::Cow<'a, str>, Error> {
    if looks_binary(bytes) {
        return Err(Error::Binary {
            path: name.to_string(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.into()),
        Err(_) => {
            warnings.push(format!(
                "{name}: invalid UTF-8, decoded with replacement characters (\u{FFFD})"
            ));
            Ok(String::from_utf8_lossy(bytes))
        }
    }
}

/// UTF-16 after its BOM; unpaired surrogates and an odd trailing byte become U+FFFD (one warning).
fn utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = bytes.len() % 2 == 1;
    let mut s = String::with_capacity(bytes.len() / 2);
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => s.push(c),
            Err(_) => {
                bad = true;
                s.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        s.push('\u{FFFD}');
    }
    if bad {
        warnings.push(format!(
            "{name}: invalid UTF-16, decoded with replacement characters (\u{FFFD})"
        ));
    }
    s
}

/// A NUL byte, or more than 30% non-text bytes, in the first 8 KiB.
///
/// Non-text: C0 controls other than TAB, LF, CR, FF and ESC (escape sequences are text we
/// sanitize), DEL, and bytes that are not part of a valid UTF-8 sequence.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let mut head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    if head.is_empty() {
        return false;
    }
    let total = head.len();
    let mut bad = 0usize;
    loop {
        match std::str::from_utf8(head) {
            Ok(s) => {
                bad += count_controls(s.as_bytes());
                break;
            }
            Err(e) => {
                let (good, rest) = head.split_at(e.valid_up_to());
                bad += count_controls(good);
                match e.error_len() {
                    Some(n) => {
                        bad += n;
                        head = &rest[n..];
                    }
                    // Truncated sequence at the end of the sniffed window: not evidence.
                    None => break,
                }
            }
        }
    }
    bad * 10 > total * 3
}

fn count_controls(b: &[u8]) -> usize {
    b.iter()
        .filter(|&&c| (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || c == 0x7F)
        .count()
}

/// Make text safe to show in a terminal and regular to parse.
///
/// - CRLF and lone CR become LF; VT, FF, U+2028 and U+2029 become LF.
/// - Terminal escape sequences are removed whole: CSI (`ESC [` … final byte), OSC (`ESC ]` …
///   BEL or ST), DCS/SOS/PM/APC (`ESC P`/`X`/`^`/`_` … ST), two- and three-character `ESC`
///   sequences, and their 8-bit C1 forms. An unterminated string sequence ends at the next line
///   break, so a stray `ESC ]` cannot swallow the rest of an article.
/// - Other control characters (C0 except LF and TAB, DEL, C1) are removed.
/// - Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and stray BOMs
///   are removed; ZWJ and ZWNJ (emoji, Persian) are kept.
pub fn sanitize(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut clean = 0; // start of the pending run of plain text
    let mut i = 0;
    while i < bytes.len() {
        i = next_special(bytes, i);
        if i >= bytes.len() {
            break;
        }
        out.push_str(&input[clean..i]);
        i += special_char(&input[i..], &mut out);
        clean = i;
    }
    out.push_str(&input[clean..]);
    out
}

/// Whether the byte at `i` starts something [`sanitize`] changes. Only these bytes can:
/// C0 controls and DEL; C1 controls are C2 80–9F, the bidi controls and U+2028/2029 start
/// with E2, a BOM with EF.
#[inline]
fn special_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'\t' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xA8..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        0xEF => bytes.get(i + 1) == Some(&0xBB) && bytes.get(i + 2) == Some(&0xBF),
        _ => false,
    }
}

/// Index of the first byte at or after `i` that [`special_at`] accepts (`bytes.len()` if
/// none); bytes that can never start one are skipped without the full test.
#[inline]
fn next_special(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    loop {
        // High bit set in a lane equal to `v` (or above a lane that is: only a false alarm).
        let has = |x: u64, v: u8| {
            let y = x ^ (ONES * u64::from(v));
            y.wrapping_sub(ONES) & !y
        };
        // Eight bytes at a time while none can start a special: no byte below 0x20, no
        // 0x7F, no 0xC2, 0xE2 or 0xEF lead byte.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            let below_space = x.wrapping_sub(ONES * 0x20) & !x;
            if (below_space | has(x, 0x7F) | has(x, 0xC2) | has(x, 0xE2) | has(x, 0xEF)) & HIGH != 0
            {
                break;
            }
            i += 8;
        }
        // Then byte by byte through the next eight.
        let end = bytes.len().min(i + 8);
        while i < end {
            let b = bytes[i];
            if !matches!(b, 0x20..=0x7E | 0x80..=0xC1 | 0xC3..=0xE1 | 0xE3..=0xEE | 0xF0..=0xFF)
                && special_at(bytes, i)
            {
                return i;
            }
            i += 1;
        }
        if i >= bytes.len() {
            return bytes.len();
        }
    }
}

fn peek(it: &std::str::Chars<'_>) -> Option<char> {
    it.clone().next()
}

/// Handle the control character (and any sequence it starts) at the start of `rest`; return
/// the bytes consumed (at least one character).
fn special_char(rest: &str, out: &mut String) -> usize {
    let mut it = rest.chars();
    let Some(c) = it.next() else {
        return rest.len().max(1);
    };
    match c {
        '\r' if peek(&it) != Some('\n') => out.push('\n'),
        '\r' => {}
        '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
        '\u{1B}' => match peek(&it) {
            Some('[') => {
                it.next();
                skip_csi(&mut it);
            }
            Some(']') => {
                it.next();
                skip_string(&mut it, true);
            }
            Some('P' | 'X' | '^' | '_') => {
                it.next();
                skip_string(&mut it, false);
            }
            Some(n) if (' '..='/').contains(&n) => {
                // ESC, intermediates, one final byte (e.g. `ESC ( B`).
                while peek(&it).is_some_and(|c| (' '..='/').contains(&c)) {
                    it.next();
                }
                if peek(&it).is_some_and(|c| ('0'..='~').contains(&c)) {
                    it.next();
                }
            }
            Some(n) if ('0'..='~').contains(&n) => {
                it.next();
            }
            _ => {}
        },
        '\u{9B}' => skip_csi(&mut it),
        // 8-bit string introducers take their body only when it ends on the line: a stray
        // U+009D (Windows-1252 0x9D, mojibake of a curly quote) is dropped alone.
        '\u{9D}' => skip_terminated(&mut it, true),
        '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_terminated(&mut it, false),
        // Other C0/C1 controls, DEL, bidi controls and BOMs are dropped.
        _ => {}
    }
    rest.len() - it.as_str().len()
}

/// CSI after its introducer: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final
/// byte 0x40–0x7E. Stops early (consuming nothing more) at anything else.
fn skip_csi(it: &mut std::str::Chars<'_>) {
    while peek(it).is_some_and(|c| ('0'..='?').contains(&c)) {
        it.next();
    }
    while peek(it).is_some_and(|c| (' '..='/').contains(&c)) {
        it.next();
    }
    if peek(it).is_some_and(|c| ('@'..='~').contains(&c)) {
        it.next();
    }
}

/// [`skip_string`] when the body is terminated on this line; otherwise nothing is consumed.
fn skip_terminated(it: &mut std::str::Chars<'_>, bel_ends: bool) {
    let mut probe = it.clone();
    if skip_string(&mut probe, bel_ends) {
        *it = probe;
    }
}

/// OSC/DCS/SOS/PM/APC body up to and including its terminator: ST (`ESC \` or U+009C), BEL
/// (OSC only). Ends without consuming at a line break, so unterminated sequences stay local.
/// Whether a terminator ended it.
fn skip_string(it: &mut std::str::Chars<'_>, bel_ends: bool) -> bool {
    while let Some(c) = peek(it) {
        match c {
            // Another 8-bit introducer ends the body unterminated: probing stays linear.
            '\n' | '\r' | '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => return false,
            '\u{07}' if bel_ends => {
                it.next();
                return true;
            }
            '\u{9C}' => {
                it.next();
                return true;
            }
            '\u{1B}' => {
                it.next();
                if peek(it) == Some('\\') {
                    it.next();
                }
                return true;
            }
            _ => {
                it.next();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The eight-byte skip finds the same byte as testing every byte.
        #[test]
        fn next_special_matches_a_byte_by_byte_scan(
            text in "([a-z ]{0,20}[\t\n\r\u{1B}\u{7F}\u{85}\u{A0}\u{200B}\u{202E}\u{2028}\u{2066}\u{FEFF}\u{9F}é中’“]?){0,12}",
            from in 0usize..40
        ) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let want = (from..b.len()).find(|&j| special_at(b, j)).unwrap_or(b.len());
            proptest::prop_assert_eq!(next_special(b, from), want);
        }
    }

    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode("t", bytes).map(|s| s.text).unwrap_or_default()
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "ab");
        assert_eq!(sanitize("x\u{1b}[1;31mred\u{1b}[0m"), "xred");
        assert_eq!(sanitize("\u{1b}[?1049hscreen"), "screen");
        assert_eq!(sanitize("8bit\u{9b}31mcsi"), "8bitcsi");
    }

    #[test]
    fn osc_sequences_end_at_bel_or_st() {
        // OSC 52: write to the clipboard.
        assert_eq!(sanitize("a\u{1b}]52;c;ZXZpbA==\u{07}b"), "ab");
        assert_eq!(sanitize("a\u{1b}]0;title\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{9d}8;;http://x\u{9c}link"), "alink");
    }

    #[test]
    fn unterminated_string_sequence_stops_at_line_end() {
        assert_eq!(sanitize("a\u{1b}]52;c;abc\nnext line"), "a\nnext line");
    }

    #[test]
    fn a_stray_8bit_introducer_is_dropped_alone() {
        assert_eq!(
            sanitize("He said \u{9d}no\u{9d} and left.\nNext."),
            "He said no and left.\nNext."
        );
        assert_eq!(sanitize("a\u{90}b\u{9f}c"), "abc");
    }

    #[test]
    fn dcs_apc_pm_sos_are_removed_up_to_st() {
        assert_eq!(sanitize("a\u{1b}Pq#0;2;0\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}_apc\u{07}still\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}^pm\u{1b}\\b\u{1b}Xsos\u{9c}c"), "abc");
    }

    #[test]
    fn two_and_three_char_escapes_are_removed() {
        assert_eq!(sanitize("a\u{1b}cb"), "ab"); // RIS: full reset
        assert_eq!(sanitize("a\u{1b}(Bb"), "ab");
        assert_eq!(sanitize("a\u{1b}7b\u{1b}8"), "ab");
        assert_eq!(sanitize("trailing\u{1b}"), "trailing");
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(sanitize("a\u{07}b\u{08}c\u{7f}d\u{85}e\u{1}f"), "abcdef");
        assert_eq!(sanitize("tab\tkept"), "tab\tkept");
        assert_eq!(sanitize("page\u{0c}break"), "page\nbreak");
    }

    #[test]
    fn bidi_controls_removed_joiners_kept() {
        assert_eq!(sanitize("a\u{202e}cba\u{202c}d"), "acbad");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "x");
        let emoji = "👩\u{200d}💻 می\u{200c}خواهم";
        assert_eq!(sanitize(emoji), emoji);
        // Neighbours of the special lead bytes pass through.
        let near = "é ™ \u{2027} \u{202F} \u{2070} \u{FEFE} \u{A0}";
        assert_eq!(sanitize(near), near);
        assert_eq!(sanitize("a\u{2028}b\u{FEFF}c"), "a\nbc");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(text(b"\xEF\xBB\xBFhello"), "hello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(text(&le), "Zoë\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(text(&be), "Zoë");
    }

    #[test]
    fn invalid_utf16_warns_once() {
        let s = decode("t", &[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b']).expect("decodes");
        assert_eq!(s.text, "a\u{FFFD}\u{FFFD}");
        assert_eq!(s.warnings.len(), 1);
    }

    #[test]
    fn latin1_is_decoded_not_replaced() {
        let s = decode("f.txt", b"Fran\xE7ois Hollande a d\xE9clar\xE9 lundi").expect("decodes");
        assert_eq!(s.text, "François Hollande a déclaré lundi");
        assert!(s.warnings.is_empty());
        assert!(decode("g", b"fine").expect("decodes").warnings.is_empty());
    }

    /// `text` encoded in `enc` decodes back to itself.
    fn round_trip(text: &str, enc: &'static encoding_rs::Encoding) {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{}", enc.name());
        let s = decode("f.txt", &bytes).expect("decodes");
        assert_eq!(s.text, text, "{}", enc.name());
    }

    #[test]
    fn legacy_encodings_are_detected() {
        round_trip(
            "\u{201C}We will not change the plan,\u{201D} the minister said \u{2013} and left.",
            encoding_rs::WINDOWS_1252,
        );
        round_trip(
            "大臣は月曜日、抗議にもかかわらず政府は港の計画を変更しないと述べ、工事は春に始まると語った。",
            encoding_rs::SHIFT_JIS,
        );
        round_trip(
            "部长周一表示，尽管过去几周出现抗议，政府不会改变港口计划，工程将在春季开始。",
            encoding_rs::GBK,
        );
        round_trip(
            "Министр заявил в понедельник, что правительство не изменит свой план для порта.",
            encoding_rs::KOI8_R,
        );
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        for text in [
            "The minister said on Monday that the plan would go ahead.",
            "Министр заявил в понедельник, что план не изменится.",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(decode("le", &le).expect("decodes").text, text);
            assert_eq!(decode("be", &be).expect("decodes").text, text);
        }
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        // ISO-8859-15 has the euro sign where Windows-1252 has the currency sign.
        let page =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><p>Prix: 5 \xA4, \xE9t\xE9</p>";
        assert_eq!(
            decode("p.xml", page).expect("decodes").text,
            "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><p>Prix: 5 €, été</p>"
        );
        let page = b"<meta charset='iso-8859-15'><p>5 \xA4 \xE9t\xE9</p>";
        assert!(decode("p.html", page)
            .expect("decodes")
            .text
            .contains("5 € été"));
    }

    #[test]
    fn bytes_with_nul_that_are_no_utf16_stay_binary() {
        let png =
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert!(decode("x.png", png).is_err());
    }

    #[test]
    fn nul_byte_is_binary() {
        let e = decode("x.bin", b"text\0more").expect_err("binary");
        assert_eq!(e.to_string(), "x.bin: binary file, not an article");
    }

    #[test]
    fn mostly_non_text_is_binary_but_escapes_are_not() {
        let junk: Vec<u8> = (0..4000u32)
            .map(|i| [1u8, 2, 0xFF, b'a'][i as usize % 4])
            .collect();
        assert!(looks_binary(&junk));
        let escapes = "\u{1b}[2J\u{1b}[31mred\u{1b}[0m ".repeat(100);
        assert!(!looks_binary(escapes.as_bytes()));
        // A few Latin-1 bytes are not binary: they are decoded lossily.
        assert!(!looks_binary(
            b"Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 of the day"
        ));
    }

    #[test]
    fn owned_bytes_decode_like_borrowed() {
        let cases: [&[u8]; 9] = [
            b"plain text\nline two\n",
            b"\xEF\xBB\xBFbom text",
            b"\xFF\xFEh\x00i\x00",
            b"esc \x1b[2J here",
            b"cr\r\nlf",
            b"bad \xFF utf8",
            b"bidi \xE2\x80\xAE x",
            b"  \n\t ",
            b"nul\x00",
        ];
        for b in cases {
            let want = decode("x", b).map(|s| (s.text, s.warnings));
            let got = decode_vec("x", b.to_vec()).map(|s| (s.text, s.warnings));
            assert_eq!(
                format!("{got:?}"),
                format!("{want:?}"),
                "{}",
                String::from_utf8_lossy(b)
            );
        }
    }

    #[test]
    fn empty_or_blank_input_is_an_error() {
        assert!(decode("e", b"").is_err());
        let e = decode("e", b" \n\x1b[2J\n").expect_err("blank");
        assert_eq!(e.to_string(), "e: empty, no article text");
    }
}
