//! Tokens for the tagger: words (with internal apostrophes, "O'Brien", and abbreviation
//! periods, "U.S."), numbers and punctuation, with byte offsets, case flags, sentence starts and
//! ALL-CAPS lines, and which lines are in Title Case ([`TitleLines`]). Possessive "'s"/"’s" is not
//! part of a word: the word gets `poss` instead.
//! Hyphens are punctuation, so "U.S.-Russia" gives "U.S.", "-", "Russia".
//!
//! A hand-written scanner rather than `unicode-segmentation`'s word bounds: it has to keep
//! "U.S." and "O'Brien" whole and split "Putin’s", and it runs at memory speed on ASCII.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// One token; `start..end` is a byte range on char boundaries ([`Token::range`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets as `u32` (texts are cut to 4 GiB before tokenizing): a token is 24 bytes.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// First letter is upper case.
    pub cap: bool,
    /// Every letter is upper case and there are at least two ("NATO", "U.S.").
    pub upper: bool,
    /// First word of a sentence (or line).
    pub sent_start: bool,
    /// Followed directly by a possessive "'s" / "’s" (not included in the token).
    pub poss: bool,
    /// Only whitespace (no newline) separates this token from the previous one.
    pub space_before: bool,
    /// Line number (0-based) in the text.
    pub line: u32,
    /// One character long (words only).
    pub one: bool,
    /// Has a lower-case letter.
    pub lower: bool,
    /// Id of the word's key in the tagger's memo ([`super::words::Lex::key_id`]): set for
    /// capitalised words while tokenizing, for others the first time it is asked for
    /// ([`super::words::Lex::tk`]); [`NONE`] until then.
    pub key: Cell<u32>,
}

use std::cell::Cell;

impl Token {
    /// The byte range of the token.
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// No key id.
pub const NONE: u32 = super::words::NONE;

/// Abbreviations whose period does not end a sentence.
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Lt", "Col", "Jr", "Sr", "No", "vs", "Inc",
    "Corp", "Co", "Ltd", "Prof", "Gov", "Capt", "Sgt", "Maj", "Adm", "Rev", "Mt", "Ft",
];

fn is_apos(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_mark(c))
}

/// Combining marks (decomposed accents) stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits starting at `i`: eight bytes at a time
/// ([`non_alnum`]), then byte by byte for the last few.
#[inline]
fn alnum_run(b: &[u8], mut i: usize) -> usize {
    while let Some(&chunk) = b.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let m = non_alnum(u64::from_le_bytes(chunk));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = b.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|&x| !ALNUM[usize::from(x)])
        .unwrap_or(rest.len())
}

/// The high bit of each byte of `x` that is no ASCII letter or digit, the others clear.
#[inline]
fn non_alnum(x: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x0101_0101_0101_0101;
    // Each byte's low seven bits; adding (0x80 - lo) sets its high bit iff it is >= lo, and
    // adding (0x7f - hi) iff it is > hi, without a carry into the next byte.
    let y = x & !H;
    let in_range = |v: u64, lo: u8, hi: u8| {
        let ge = v + L * u64::from(0x80 - lo);
        let gt = v + L * u64::from(0x7f - hi);
        ge & !gt & H
    };
    let digit = in_range(y, b'0', b'9');
    // setting bit 5 maps 'A'..='Z' onto 'a'..='z' and leaves no other byte in that range
    let letter = in_range(y | (L * 0x20), b'a', b'z');
    let ascii = !x & H;
    !(ascii & (digit | letter)) & H
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Split `text` into tokens.
#[cfg_attr(not(test), allow(dead_code))]
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, |_| NONE, Default::default()).toks
}

/// The tokens of a text and the facts about its lines the tagger needs.
pub struct Tokens {
    pub toks: Vec<Token>,
    /// Per line, whether it is written in capitals ([`caps_lines`]).
    pub caps: Vec<bool>,
    /// Token index ranges of the lines written in capitals.
    pub caps_ranges: Vec<(usize, usize)>,
}

/// Whether a line with `up` ALL-CAPS words and `low` words with a lower-case letter is written
/// in capitals.
fn caps_line(up: u32, low: u32) -> bool {
    up >= 1 && low * 5 <= up && !(up == 1 && low == 1)
}

/// `text` cut to its first 4 GiB (on a char boundary), so that offsets fit a `u32`.
fn cut_4g(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Split `text` into tokens in one pass, giving each capitalised word `key(word)` and
/// finding the lines written in capitals. The tokens and line flags go into `bufs` (cleared;
/// their memory is reused).
pub fn tokenize_with(
    text: &str,
    mut key: impl FnMut(&str) -> u32,
    bufs: (Vec<Token>, Vec<bool>),
) -> Tokens {
    let text = cut_4g(text);
    let b = text.as_bytes();
    let n = b.len();
    let (mut toks, mut caps) = bufs;
    toks.clear();
    toks.reserve(n / 4 + 1);
    caps.clear();
    let mut caps_ranges = Vec::new();
    let (mut up, mut low, mut line_first) = (0u32, 0u32, 0usize);
    let mut i = 0;
    let mut line = 0u32;
    let mut space_before = false;
    // No token yet on this line.
    let mut new_line = true;
    let mut next_sent = true;
    while i < n {
        let c0 = b[i];
        let c = if c0 < 0x80 {
            match c0 {
                b'\n' => {
                    let c = caps_line(up, low);
                    caps.push(c);
                    if c {
                        caps_ranges.push((line_first, toks.len()));
                    }
                    (up, low, line_first) = (0, 0, toks.len());
                    line += 1;
                    i += 1;
                    next_sent = true;
                    space_before = false;
                    new_line = true;
                    continue;
                }
                b' ' | b'\t' | b'\r' => {
                    i += 1;
                    space_before = true;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    // Fast path: an ASCII word ended by ASCII that cannot continue it (not an
                    // apostrophe, nor the period of an abbreviation "U.S.").
                    let j = alnum_run(b, i + 1);
                    let simple = match b.get(j) {
                        None => true,
                        Some(&x) => x < 0x80 && x != b'\'' && !(x == b'.' && j - i == 1),
                    };
                    if simple {
                        let word = &text[i..j];
                        let (cap, upper, lower) = if c0.is_ascii_lowercase() {
                            (false, false, true)
                        } else if c0.is_ascii_uppercase()
                            && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
                        {
                            // "Putin": what case_of answers, without the call
                            (true, false, true)
                        } else {
                            case_of(word)
                        };
                        if upper {
                            up += 1;
                        } else if lower {
                            low += 1;
                        }
                        toks.push(Token {
                            start: i as u32,
                            end: j as u32,
                            kind: Kind::Word,
                            cap,
                            upper,
                            sent_start: next_sent,
                            poss: false,
                            space_before: space_before || new_line,
                            line,
                            one: j - i == 1,
                            lower,
                            key: Cell::new(if cap { key(word) } else { NONE }),
                        });
                        next_sent = false;
                        space_before = false;
                        new_line = false;
                        i = j;
                        continue;
                    }
                    c0 as char
                }
                _ => c0 as char,
            }
        } else {
            let Some(c) = char_at(text, i) else { break };
            c
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            space_before = true;
            continue;
        }
        let start = i;
        let first_space = space_before || new_line;
        space_before = false;
        new_line = false;
        if c.is_ascii_digit() {
            // Number: digits with inner . , : (1,000  3.5  4:30)
            i += 1;
            while i < n {
                if b[i].is_ascii_digit() {
                    i += 1;
                } else if matches!(b[i], b'.' | b',' | b':')
                    && i + 1 < n
                    && b[i + 1].is_ascii_digit()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            toks.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Number,
                cap: false,
                upper: false,
                sent_start: false,
                poss: false,
                space_before: first_space,
                line,
                one: false,
                lower: false,
                key: Cell::new(NONE),
            });
            next_sent = false;
            continue;
        }
        if c.is_alphabetic() {
            let (word, poss) = scan_word(text, &mut i);
            let end = start + word.len();
            let (cap, upper, lower) = case_of(word);
            if upper {
                up += 1;
            } else if lower {
                low += 1;
            }
            let sent_start = next_sent;
            next_sent = false;
            toks.push(Token {
                start: start as u32,
                end: end as u32,
                kind: Kind::Word,
                cap,
                upper,
                sent_start,
                poss,
                space_before: first_space,
                line,
                one: word.len() == 1 || word.chars().nth(1).is_none(),
                lower,
                key: Cell::new(if cap { key(word) } else { NONE }),
            });
            continue;
        }
        // Punctuation: one char per token.
        i += c.len_utf8();
        match c {
            '.' => {
                let prev_word = toks
                    .last()
                    .filter(|t| t.kind == Kind::Word && t.end as usize == start)
                    .map(|t| &text[t.range()]);
                let abbrev = prev_word.is_some_and(|w| {
                    ABBREV.contains(&w)
                        || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
                });
                if !abbrev {
                    next_sent = true;
                }
            }
            '!' | '?' | ':' | ';' => next_sent = true,
            '"' | '\u{201C}' | '(' | '[' | '\'' | '\u{2018}' | '-' | '\u{2013}' | '\u{2014}' => {}
            _ => next_sent = false,
        }
        toks.push(Token {
            start: start as u32,
            end: i as u32,
            kind: Kind::Punct,
            cap: false,
            upper: false,
            sent_start: false,
            poss: false,
            space_before: first_space,
            line,
            one: false,
            lower: false,
            key: Cell::new(NONE),
        });
    }
    let c = caps_line(up, low);
    caps.push(c);
    if c {
        caps_ranges.push((line_first, toks.len()));
    }
    Tokens {
        toks,
        caps,
        caps_ranges,
    }
}

/// Scan the word starting at `*i` (an alphabetic char); leaves `*i` after it and after a
/// possessive "'s". Returns the word and whether a possessive followed.
fn scan_word<'t>(text: &'t str, i: &mut usize) -> (&'t str, bool) {
    let b = text.as_bytes();
    let n = b.len();
    let start = *i;
    let mut j = *i;
    let mut poss_at = None;
    let mut seg = 0usize; // chars in the current period-separated segment
    let mut dots = 0usize;
    while j < n {
        // ASCII letters and digits: the common case, without decoding a char.
        let r = j;
        j = alnum_run(b, j);
        seg += j - r;
        if j >= n {
            break;
        }
        let a = b[j];
        let ch = if a < 0x80 {
            a as char
        } else {
            let Some(ch) = char_at(text, j) else { break };
            if is_word_char(ch) {
                seg += 1;
                j += ch.len_utf8();
                continue;
            }
            ch
        };
        if is_apos(ch) {
            let k = j + ch.len_utf8();
            match char_at(text, k) {
                Some(nc) if nc.is_alphabetic() => {
                    let after = char_at(text, k + nc.len_utf8());
                    if (nc == 's' || nc == 'S') && !after.is_some_and(is_word_char) {
                        poss_at = Some(j);
                        j = k + 1; // skip the possessive
                        break;
                    }
                    j = k;
                    seg = 0;
                    continue;
                }
                _ => break,
            }
        }
        if ch == '.' && seg == 1 {
            let k = j + 1;
            if let Some(nc) = char_at(text, k) {
                let after = char_at(text, k + nc.len_utf8());
                // "U.S.", "p.m.", and "U.S" without its last period
                let last_cap = nc.is_uppercase()
                    && text[..j]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_uppercase())
                    && !after.is_some_and(|a| a.is_alphanumeric() || is_apos(a));
                if nc.is_alphabetic() && (after == Some('.') || last_cap) {
                    dots += 1;
                    seg = 0;
                    j = k;
                    continue;
                }
            }
        }
        break;
    }
    let mut end = poss_at.unwrap_or(j);
    if poss_at.is_none() && dots > 0 && seg == 1 && b.get(j) == Some(&b'.') {
        j += 1;
        end = j;
    }
    *i = j;
    (&text[start..end], poss_at.is_some())
}

/// (first letter upper case, ALL-CAPS with two or more capitals, has a lower-case letter) of a
/// word.
fn case_of(word: &str) -> (bool, bool, bool) {
    let wb = word.as_bytes();
    match wb.first() {
        Some(f) if f.is_ascii_lowercase() => return (false, false, true),
        None => return (false, false, false),
        _ => {}
    }
    let cap = if wb[0] < 0x80 {
        // "Putin": a lower-case second letter settles it
        if wb.get(1).is_some_and(u8::is_ascii_lowercase) {
            return (wb[0].is_ascii_uppercase(), false, true);
        }
        wb[0].is_ascii_uppercase()
    } else {
        word.chars().next().is_some_and(char::is_uppercase)
    };
    let (mut up, mut lo) = (0usize, 0usize);
    if word.is_ascii() {
        for &x in wb {
            up += usize::from(x.is_ascii_uppercase());
            lo += usize::from(x.is_ascii_lowercase());
        }
    } else {
        for ch in word.chars() {
            if ch.is_alphabetic() {
                if ch.is_uppercase() {
                    up += 1;
                } else if ch.is_lowercase() {
                    lo += 1;
                }
            }
        }
    }
    (cap, up >= 2 && lo == 0, lo > 0)
}

/// For each line, whether it is written in capitals (a headline or dateline): at least one
/// upper-case word of two or more letters and no word with a lower-case letter.
#[cfg_attr(not(test), allow(dead_code))]
pub fn caps_lines(toks: &[Token]) -> Vec<bool> {
    let lines = toks.last().map_or(0, |t| t.line as usize + 1);
    let mut up = vec![0u32; lines];
    let mut low = vec![0u32; lines];
    for t in toks.iter().filter(|t| t.kind == Kind::Word) {
        let l = t.line as usize;
        if t.upper {
            up[l] += 1;
        } else if t.lower {
            low[l] += 1;
        }
    }
    up.iter()
        .zip(&low)
        .map(|(&u, &l)| caps_line(u, l))
        .collect()
}

/// Whether the line of a token is written in Title Case ("Trade Talks With China Stall
/// Again"): it starts with a capitalised word, has three or more and at most half as many
/// numbers, at most one comma and no parenthesis, and no lower-case word other than short
/// function words. Remembers the last line asked about, so a long line is read once.
#[derive(Default)]
pub struct TitleLines {
    last: Option<(u32, bool)>,
}

impl TitleLines {
    #[inline]
    pub fn is_title_case(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        match self.last {
            Some((l, yes)) if l == toks[i].line => yes,
            _ => self.read_line(text, toks, i),
        }
    }

    #[inline(never)]
    fn read_line(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let line = toks[i].line;
        // Back to the line's start: a few tokens, already in cache (a binary search over a
        // long text's tokens misses the cache at every step).
        let first = toks[..i]
            .iter()
            .rposition(|t| t.line != line)
            .map_or(0, |p| p + 1);
        let mut capitalised = 0;
        let function_word = |s: &str| {
            [
                "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
                "of", "on", "or", "over", "per", "the", "to", "up", "upon", "via", "vs", "with",
            ]
            .contains(&s)
        };
        let mut yes = true;
        let (mut numbers, mut commas) = (0, 0);
        for t in toks[first..].iter().take_while(|t| t.line == line) {
            match t.kind {
                Kind::Number => numbers += 1,
                Kind::Punct => match &text[t.range()] {
                    "," => commas += 1,
                    "(" => commas += 2,
                    _ => {}
                },
                _ => {}
            }
            if t.kind != Kind::Word {
                continue;
            }
            if t.cap {
                capitalised += 1;
            } else if capitalised == 0 || !function_word(&text[t.range()]) {
                yes = false;
                break;
            }
        }
        // Lists of names ("Mark Waugh, Steve Waugh, ...") and results tables ("Donna Wynd (New
        // Zealand) 36.831", "Fleming 8-1-26-3") are no headlines.
        let yes = yes && capitalised >= 3 && numbers * 2 <= capitalised && commas <= 1;
        self.last = Some((line, yes));
        yes
    }
}

#[cfg(test)]
mod reference {
    use super::*;

    /// The first tokenizer, kept as the specification of the fast one.
    pub fn tokenize(text: &str) -> Vec<Token> {
        let b = text.as_bytes();
        let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut i = 0;
        let mut line = 0u32;
        let mut space_before = false;
        let mut next_sent = true;
        let char_at = |i: usize| -> Option<char> { text.get(i..).and_then(|s| s.chars().next()) };
        while i < b.len() {
            let c0 = b[i];
            if c0 == b'\n' {
                line += 1;
                i += 1;
                next_sent = true;
                space_before = false;
                continue;
            }
            if c0 == b' ' || c0 == b'\t' || c0 == b'\r' {
                i += 1;
                space_before = true;
                continue;
            }
            let Some(c) = char_at(i) else { break };
            if c.is_whitespace() {
                i += c.len_utf8();
                space_before = true;
                continue;
            }
            let start = i;
            let first_space =
                space_before || toks.is_empty() || toks.last().is_some_and(|t| t.line != line);
            space_before = false;
            if c.is_ascii_digit() {
                // Number: digits with inner . , : (1,000  3.5  4:30)
                i += 1;
                while i < b.len() {
                    if b[i].is_ascii_digit() {
                        i += 1;
                    } else if matches!(b[i], b'.' | b',' | b':')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                toks.push(Token {
                    start: start as u32,
                    end: i as u32,
                    kind: Kind::Number,
                    cap: false,
                    upper: false,
                    sent_start: false,
                    poss: false,
                    space_before: first_space,
                    line,
                    one: false,
                    lower: false,
                    key: Cell::new(NONE),
                });
                next_sent = false;
                continue;
            }
            if c.is_alphabetic() {
                let mut poss = false;
                let mut poss_at = 0usize;
                let mut seg = 0usize; // letters in the current period-separated segment
                let mut dots = 0usize;
                let mut letters = 0usize;
                let mut uppers = 0usize;
                let mut lowers = 0usize;
                while i < b.len() {
                    // ASCII letters and digits: the common case, without decoding a char.
                    let a = b[i];
                    if a.is_ascii_alphanumeric() {
                        if a.is_ascii_uppercase() {
                            letters += 1;
                            uppers += 1;
                        } else if a.is_ascii_lowercase() {
                            letters += 1;
                            lowers += 1;
                        }
                        seg += 1;
                        i += 1;
                        continue;
                    }
                    let Some(ch) = char_at(i) else { break };
                    if is_word_char(ch) {
                        if ch.is_alphabetic() {
                            letters += 1;
                            if ch.is_uppercase() {
                                uppers += 1;
                            } else if ch.is_lowercase() {
                                lowers += 1;
                            }
                        }
                        seg += 1;
                        i += ch.len_utf8();
                        continue;
                    }
                    if is_apos(ch) {
                        let j = i + ch.len_utf8();
                        match char_at(j) {
                            Some(n) if n.is_alphabetic() => {
                                let k = j + n.len_utf8();
                                let after = char_at(k);
                                if (n == 's' || n == 'S') && !after.is_some_and(is_word_char) {
                                    poss = true;
                                    poss_at = i;
                                    i = k; // skip the possessive
                                    break;
                                }
                                i = j;
                                seg = 0;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    if ch == '.' && seg == 1 {
                        let j = i + 1;
                        if let Some(n) = char_at(j) {
                            let after = char_at(j + n.len_utf8());
                            // "U.S.", "p.m.", and "U.S" without its last period
                            let last_cap = n.is_uppercase()
                                && text[..i]
                                    .chars()
                                    .next_back()
                                    .is_some_and(|p| p.is_uppercase())
                                && !after.is_some_and(|a| a.is_alphanumeric() || is_apos(a));
                            if n.is_alphabetic() && (after == Some('.') || last_cap) {
                                dots += 1;
                                seg = 0;
                                i = j;
                                continue;
                            }
                        }
                    }
                    break;
                }
                let mut end = if poss { poss_at } else { i };
                if !poss && dots > 0 && seg == 1 && b.get(i) == Some(&b'.') {
                    i += 1;
                    end = i;
                }
                let word = &text[start..end];
                let cap = word.chars().next().is_some_and(|c| c.is_uppercase());
                let upper = letters >= 2 && lowers == 0 && uppers >= 2;
                let sent_start = next_sent;
                next_sent = false;
                toks.push(Token {
                    start: start as u32,
                    end: end as u32,
                    kind: Kind::Word,
                    cap,
                    upper,
                    sent_start,
                    poss,
                    space_before: first_space,
                    line,
                    one: word.chars().count() == 1,
                    lower: word.chars().any(|c| c.is_lowercase()),
                    key: Cell::new(NONE),
                });
                continue;
            }
            // Punctuation: one char per token.
            i += c.len_utf8();
            let prev_word = toks
                .last()
                .filter(|t| t.kind == Kind::Word && t.end as usize == start)
                .map(|t| &text[t.range()]);
            match c {
                '.' => {
                    let abbrev = prev_word.is_some_and(|w| {
                        ABBREV.contains(&w)
                            || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
                    });
                    if !abbrev {
                        next_sent = true;
                    }
                }
                '!' | '?' | ':' | ';' => next_sent = true,
                '"' | '\u{201C}' | '(' | '[' | '\'' | '\u{2018}' | '-' | '\u{2013}'
                | '\u{2014}' => {}
                _ => next_sent = false,
            }
            toks.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Punct,
                cap: false,
                upper: false,
                sent_start: false,
                poss: false,
                space_before: first_space,
                line,
                one: false,
                lower: false,
                key: Cell::new(NONE),
            });
        }
        toks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn eight_byte_alnum_runs_agree_with_the_byte_table() {
        // every byte value at every position of an eight-byte word
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut b = *b"Ab3dEf9h";
                b[at] = v;
                let want = if ALNUM[usize::from(v)] { 8 } else { at };
                assert_eq!(alnum_run(&b, 0), want, "{b:?}");
                // and after the word: the byte loop for the tail
                let mut long = b.to_vec();
                long.extend_from_slice(b"xy-");
                let want = if ALNUM[usize::from(v)] { 10 } else { at };
                assert_eq!(alnum_run(&long, 0), want, "{long:?}");
            }
        }
        assert_eq!(alnum_run(b"", 0), 0);
        assert_eq!(alnum_run(b"abc", 3), 3);
        assert_eq!(alnum_run(b"Zurich2024 ok", 1), 10);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &text[t.range()])
            .collect()
    }

    #[test]
    fn a_token_fits_in_24_bytes() {
        // a 4 MiB text makes about 700k tokens: their size is the tagger's memory traffic
        assert!(std::mem::size_of::<Token>() <= 24);
    }

    #[test]
    fn abbreviations_keep_their_periods_and_hyphens_split() {
        assert_eq!(words("U.S.-Russia talks"), ["U.S.", "Russia", "talks"]);
        assert_eq!(words("the U.S. embassy"), ["the", "U.S.", "embassy"]);
        assert_eq!(words("in the U.S"), ["in", "the", "U.S"]);
        assert_eq!(words("Putin-Trump Envoys"), ["Putin", "Trump", "Envoys"]);
    }

    #[test]
    fn possessives_are_cut_and_flagged() {
        let t = "Putin’s side and Trump's plan, O'Brien's dog";
        let toks = tokenize(t);
        let w: Vec<(&str, bool)> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|x| (&t[x.range()], x.poss))
            .collect();
        assert_eq!(
            w,
            [
                ("Putin", true),
                ("side", false),
                ("and", false),
                ("Trump", true),
                ("plan", false),
                ("O'Brien", true),
                ("dog", false)
            ]
        );
    }

    #[test]
    fn diacritics_and_apostrophes_inside_names() {
        assert_eq!(
            words("Micheál Martin met Jacques Songo'o"),
            ["Micheál", "Martin", "met", "Jacques", "Songo'o"]
        );
    }

    #[test]
    fn sentence_starts_follow_periods_but_not_initials_or_titles() {
        let t = "He left. Then Mr. Smith and George W. Bush spoke";
        let toks = tokenize(t);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|x| x.sent_start)
            .map(|x| &t[x.range()])
            .collect();
        assert_eq!(starts, ["He", "Then"]);
    }

    /// Pieces of text that exercise the tokenizer's special cases.
    const PARTS: &[&str] = &[
        "U.S.",
        "U.S",
        "p.m.",
        "A.",
        "Mr.",
        "O'Brien's",
        "Putin’s",
        "s",
        "'",
        "’",
        ".",
        "-",
        " ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{b}",
        "1,000",
        "3.5",
        "Micheál",
        "MICHEÁL",
        "e\u{301}",
        "ⓐ",
        "ǅ",
        "ß",
        "湹",
        "İ",
        "NATO",
        "x",
        "Y",
        "\"",
        "?",
        "d’Ivoire",
        "’s",
        "'S",
        "ⅰ",
        "ᵃ",
        ":",
        "(",
        "ROMANIA BEAT",
        "\nSOCCER - ",
        "LONDON 1996",
    ];

    proptest! {
        #[test]
        fn the_fast_tokenizer_agrees_with_the_reference(
            parts in proptest::collection::vec(prop_oneof![
                3 => proptest::sample::select(PARTS.to_vec()).prop_map(String::from),
                1 => "[a-zA-Z]{1,6}",
                1 => "\\PC{1,3}",
            ], 0..40)
        ) {
            let text: String = parts.concat();
            let t = tokenize_with(&text, |_| NONE, Default::default());
            prop_assert_eq!(&t.toks, &reference::tokenize(&text));
            // the one-pass caps lines agree with the separate pass (trailing lines are false)
            let caps = caps_lines(&t.toks);
            prop_assert_eq!(&t.caps[..caps.len()], &caps[..]);
            prop_assert!(t.caps[caps.len()..].iter().all(|c| !c));
            let in_ranges: usize = t.caps_ranges.iter().map(|r| r.1 - r.0).sum();
            let in_caps = t.toks.iter().filter(|x| caps[x.line as usize]).count();
            prop_assert_eq!(in_ranges, in_caps);
        }
    }

    #[test]
    fn caps_lines_are_detected() {
        let t = "SOCCER - ROMANIA BEAT LITHUANIA.\nRomania beat Lithuania on Friday.\nLONDON 1996-08-30";
        let toks = tokenize(t);
        assert_eq!(caps_lines(&toks), [true, false, true]);
    }
}
