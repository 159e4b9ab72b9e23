//! People: runs of capitalised words weighed by evidence. A run is stripped of titles and
//! sentence openers, dropped when it holds an organisation or place word, and accepted as a full
//! name when it starts with a known given name, or has a title/role before it or a reporting
//! verb or apposition after it, or is made of words that are neither common English words nor
//! places. Single words are left to `resolve`, which knows the article's full names.

use super::lexicon;
use super::tokens::{Kind, TitleLines, Token, NONE};
use super::words::{
    Lex, APPOS, CAL, COMMON, DET, GIVEN, HONORIFIC, IT, MULTI, NOT_NAME, ORG, PARTICLE, PLACE_LIKE,
    PLURAL, POPULAR_GIVEN, PREFIX, REPORT, STOP, STRONG_TITLE, SURNAME, TITLE, USER_NAME,
};

/// A name candidate over tokens `first..=last`: 48 bytes (offsets as `u32`, as in tokens; the
/// key ids in the caller's key arena), so an article's candidates stay compact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cand {
    pub first: u32,
    pub last: u32,
    /// Byte range from the first to the last token.
    pub start: u32,
    pub end: u32,
    /// Key of the capitalised word right before on the same line (a sentence opener that may
    /// start a known two-word name), or [`NONE`]; and where it starts.
    pub prev: u32,
    pub prev_start: u32,
    /// Key ids of the name's words (see [`Lex::key_id`]): `keys[keys_at..][..nkeys]` of the key
    /// arena passed to [`candidates`] ([`Cand::keys`]).
    pub keys_at: usize,
    pub nkeys: u32,
    /// A title or role right before ("President", "envoy").
    pub title: bool,
    /// A reporting verb or an apposition right after ("said", ", the ...").
    pub after: bool,
    /// Accepted as a full name (two words or more).
    pub full: bool,
    /// An organisation noun right before or after ("news agency X", "the X team"), or a lone
    /// sentence opener: no name on its own evidence, but a name known from elsewhere in the
    /// article still counts.
    pub org_ctx: bool,
    /// An organisation noun right before or after, as above (not an opener): the article
    /// calls this word an organisation.
    pub org_named: bool,
    /// A strong reporting verb after ("X said", not "X said it"), and not a sentence opener
    /// unless the word is no common word, given name or place ("Zelensky told reporters").
    pub said: bool,
    /// An honorific or title of office right before ("Mr. Xi", "President Trump"): a person
    /// even when the word is also a common English word.
    pub strong: bool,
    /// A determiner or possessive right before ("the Government said"): a thing.
    pub det: bool,
    /// A player's statistic after ("Okafor 25 points", "Lund 3 saves").
    pub stat: bool,
    /// The learned model reads every word as an organisation, place or other name, with
    /// confidence: no person (set by [`super::learned`]).
    pub vetoed: bool,
    /// The person the tagger's first pass registered this candidate as, or [`NONE`] (set by
    /// the caller; a candidate is found without one).
    pub person: u32,
}

impl Cand {
    /// The key ids of the name's words in `arena` (the key arena the candidate was found with).
    pub fn keys<'a>(&self, arena: &'a [u32]) -> &'a [u32] {
        let at = self.keys_at;
        arena.get(at..at + self.nkeys as usize).unwrap_or(&[])
    }
}

fn surf<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.range()]
}

fn is_initial(t: &Token) -> bool {
    t.kind == Kind::Word && t.cap && t.one
}

fn is_punct(text: &str, t: Option<&Token>, p: &str) -> bool {
    t.is_some_and(|t| t.kind == Kind::Punct && &text[t.range()] == p)
}

/// Whether token `i` can be part of a name.
fn name_tok(
    text: &str,
    toks: &[Token],
    i: usize,
    caps: &[bool],
    blocked: &[bool],
    w: &Lex,
) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Word || !t.cap || blocked[i] {
        return false;
    }
    if t.upper {
        // "J.J. Abrams", "T.J. Carrie": dotted initials before a capitalised surname
        let surname_next = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && n.cap && !n.upper && n.space_before && n.line == t.line
        });
        return surname_next && dotted_initials(surf(text, t));
    }
    if caps.get(t.line as usize).copied().unwrap_or(false) {
        return false;
    }
    // "4K", "3D Sound", "AT&T": a letter glued to a number, word or "&" before it is part of
    // that token's name, not a name of its own.
    if !t.space_before && glued_to_previous(text, toks, i) {
        return false;
    }
    // "A. Dale": an initial, even one that is also a word
    if is_initial(t) && is_punct(text, toks.get(i + 1), ".") {
        return true;
    }
    !w.is(w.tk(text, t), STOP | CAL)
}

/// Company forms written in capitals after a company's name ("LM Ericsson AB").
const CORPORATE_FORMS: [&str; 14] = [
    "AB", "AG", "SA", "NV", "BV", "PLC", "LLC", "SPA", "ASA", "OYJ", "KK", "PTY", "BHD", "SE",
];

/// Whether token `i` touches the token before it on its line, a word, a number or "&".
fn glued_to_previous(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|j| toks.get(j)) else {
        return false;
    };
    p.end == toks[i].start
        && p.line == toks[i].line
        && (p.kind != Kind::Punct || &text[p.range()] == "&")
}

/// "J.J.", "T.J.": two or more capital letters, each followed by a period.
fn dotted_initials(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// The candidates found by [`candidates`] over one text or a whole article: the candidates and
/// their key ids (one arena, no allocation per candidate).
#[derive(Debug, Default)]
pub struct Found {
    pub cands: Vec<Cand>,
    pub keys: Vec<u32>,
}

/// Find name candidates in one paragraph and append them to `out`. `blocked[i]` marks tokens
/// inside country matches.
pub fn candidates(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    blocked: &[bool],
    w: &Lex,
    scratch: &mut (Vec<usize>, Vec<u32>),
    out: &mut Found,
) {
    // About one candidate in ten tokens in name-dense text: room for that without regrowing.
    out.cands.reserve(toks.len() / 8);
    let n = toks.len();
    let mut title_lines = TitleLines::default();
    // On a Title Case line ("Angela Merkel Meets Putin") a capitalised common word is no
    // evidence of a name: it stands alone, unless it is the surname after a given name
    // ("Theresa May Wins Vote") or an initial.
    let common = |j: usize| {
        let k = w.tk(text, &toks[j]);
        w.is(k, COMMON) && !w.is(k, GIVEN) && !toks[j].one
    };
    let mut i = 0;
    while i < n {
        // Most tokens are not capitalised: skip them without the full test.
        if !toks[i].cap {
            i += 1;
            continue;
        }
        // A bare capital letter (no period) does not start a name: "S Damarious Randall" in a
        // line-up is a position.
        let bare_letter = is_initial(&toks[i]) && !is_punct(text, toks.get(i + 1), ".");
        if bare_letter || !name_tok(text, toks, i, caps, blocked, w) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        // Asked only when a common word could end the name: most runs never need it.
        let title_case = |tl: &mut TitleLines| tl.is_title_case(text, toks, start);
        loop {
            if toks[end].poss || (end == start && title_case(&mut title_lines) && common(end)) {
                break;
            }
            let mut j = end + 1;
            let mut after_initial = false;
            if is_initial(&toks[end]) && is_punct(text, toks.get(j), ".") {
                j += 1;
                after_initial = true;
            }
            let Some(nt) = toks.get(j) else { break };
            if nt.line != toks[end].line {
                break;
            }
            // Hyphenated compound: "Jean-Pierre", "Lloyd-Webber"; "Putin-Trump" splits.
            if nt.kind == Kind::Punct && &text[nt.range()] == "-" && nt.start == toks[end].end {
                if j + 1 < n
                    && toks[j + 1].start == nt.end
                    && name_tok(text, toks, j + 1, caps, blocked, w)
                {
                    let a = w.tk(text, &toks[end]);
                    let b = w.tk(text, &toks[j + 1]);
                    let surname_next = toks
                        .get(j + 2)
                        .is_some_and(|x| x.space_before && x.line == nt.line)
                        && j + 2 < n
                        && name_tok(text, toks, j + 2, caps, blocked, w);
                    if (w.is(a, GIVEN) && (w.is(b, GIVEN) || surname_next)) || end > start {
                        end = j + 1;
                        continue;
                    }
                }
                // "Kim Jong-un", "Lee Jae-myung", "Tsai Ing-wen": a short lower-case syllable
                // glued to a name's second word is part of the given name.
                if end > start && korean_syllable(text, toks, j + 1, nt.end) {
                    end = j + 1;
                }
                break;
            }
            // "J.J. Abrams", "T.O'Gorman": initials glued to initials or to a surname; "W.Va"
            // (a two-letter abbreviation) is no name
            let glued_ok = is_initial(nt) || (nt.kind == Kind::Word && nt.end - nt.start >= 3);
            if !(nt.space_before || (after_initial && glued_ok)) {
                break;
            }
            if nt.kind == Kind::Word && !nt.cap {
                // "van der Westhuizen", "bin Laden", "wa Dondo"
                let mut q = j;
                while q < n
                    && toks[q].kind == Kind::Word
                    && !toks[q].cap
                    && toks[q].space_before
                    && w.is(w.tk(text, &toks[q]), PARTICLE)
                    && q - j < 3
                {
                    q += 1;
                }
                // "al-Sisi", "el-Sheikh": a particle glued by a hyphen
                let glued = q > j
                    && q + 1 < n
                    && is_punct(text, toks.get(q), "-")
                    && toks[q].start == toks[q - 1].end
                    && toks[q + 1].start == toks[q].end;
                if glued {
                    q += 1;
                }
                if q > j
                    && q < n
                    && (toks[q].space_before || glued)
                    && toks[q].line == nt.line
                    && name_tok(text, toks, q, caps, blocked, w)
                {
                    end = q;
                    continue;
                }
                break;
            }
            if name_tok(text, toks, j, caps, blocked, w) {
                let surname_slot = || {
                    end == start && {
                        let k = w.tk(text, &toks[start]);
                        w.is(k, GIVEN) && !w.is(k, COMMON)
                    }
                };
                if title_case(&mut title_lines) && common(j) && !surname_slot() {
                    break;
                }
                end = j;
                continue;
            }
            // "Theresa May": a calendar word after a given name, not followed by a number.
            if nt.kind == Kind::Word
                && nt.cap
                && !nt.upper
                && !blocked[j]
                && w.is(w.tk(text, nt), CAL)
                && w.is(w.tk(text, &toks[end]), GIVEN)
                && !toks.get(j + 1).is_some_and(|x| x.kind == Kind::Number)
            {
                end = j;
                continue;
            }
            break;
        }
        // Regnal numbers: "Leopold III", "Elizabeth I".
        if let Some(nt) = toks.get(end + 1) {
            let s = &text[nt.range()];
            if nt.kind == Kind::Word
                && nt.space_before
                && nt.line == toks[end].line
                && !toks[end].poss
                && matches!(
                    s,
                    "I" | "II"
                        | "III"
                        | "IV"
                        | "V"
                        | "VI"
                        | "VII"
                        | "VIII"
                        | "IX"
                        | "X"
                        | "XI"
                        | "XII"
                        | "XIII"
                        | "XIV"
                        | "XV"
                        | "XVI"
                )
                && end > start
            {
                end += 1;
            }
        }
        i = end + 1;
        if let Some(c) = judge(
            text,
            toks,
            start,
            end,
            blocked,
            w,
            (&mut scratch.0, &mut scratch.1, &mut out.keys),
        ) {
            out.cands.push(c);
        }
    }
}

/// Where the words before token `i` end: before the period of an abbreviated title right
/// before it ("Mr.", "Gen.", "Sen."), not before a sentence's last period ("Attorney General.
/// According to ...").
fn skip_abbreviation_period(text: &str, toks: &[Token], i: usize) -> usize {
    let abbreviated = i >= 2
        && is_punct(text, toks.get(i - 1), ".")
        && toks[i - 1].start == toks[i - 2].end
        && toks[i - 2].kind == Kind::Word
        && toks[i - 2].end - toks[i - 2].start <= 4;
    if abbreviated {
        i - 1
    } else {
        i
    }
}

/// Title evidence in the words before token `i`: "President X", "envoy X", "Mr. X", "son-in-law X".
fn title_before(text: &str, toks: &[Token], i: usize, w: &Lex) -> bool {
    let j = skip_abbreviation_period(text, toks, i);
    if j == 0 {
        return false;
    }
    let p = &toks[j - 1];
    if p.kind != Kind::Word || p.line != toks[i].line {
        return false;
    }
    let k = w.tk(text, p);
    if w.is(k, TITLE) {
        // Honorifics that are also ordinary words count only when capitalised ("Miss X", not
        // "will miss X").
        return !w.is(k, HONORIFIC) || p.cap;
    }
    // "son-in-law X": the last whitespace-separated word before the name
    let before = text[..toks[i].start as usize].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    last.contains('-') && w.title(&lexicon::key(last))
}

/// A number and a player's statistic right after token `last` ("25 points", "1 goal, 2
/// assists", "3 saves"): a box score names players.
fn stat_after(text: &str, toks: &[Token], last: usize) -> bool {
    let (Some(n), Some(u)) = (toks.get(last + 1), toks.get(last + 2)) else {
        return false;
    };
    n.kind == Kind::Number
        && n.line == toks[last].line
        && u.kind == Kind::Word
        && !u.cap
        && matches!(
            surf(text, u),
            "point"
                | "points"
                | "pts"
                | "goal"
                | "goals"
                | "assist"
                | "assists"
                | "save"
                | "saves"
                | "rebound"
                | "rebounds"
                | "steal"
                | "steals"
                | "block"
                | "blocks"
                | "tackle"
                | "tackles"
                | "sack"
                | "sacks"
                | "yards"
                | "touchdown"
                | "touchdowns"
                | "runs"
                | "wickets"
                | "strikeouts"
                | "hits"
                | "receptions"
                | "carries"
                | "aces"
        )
}

/// Whether the name over tokens `first..=last` is credited rather than reported: after a credit
/// word and ":" or "by" earlier in its sentence ("Photo: X", "Additional reporting by X and
/// Y", "(Photograph by X)"), or before "/" and a capitalised agency ("X/Getty Images").
fn credit_line(text: &str, toks: &[Token], first: usize, last: usize) -> bool {
    let line = toks[first].line;
    let after_slash = is_punct(text, toks.get(last + 1), "/")
        && toks
            .get(last + 2)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && t.line == line);
    if after_slash {
        return true;
    }
    const CREDIT_WORDS: [&str; 24] = [
        "photo",
        "photos",
        "photograph",
        "photographs",
        "photography",
        "photographer",
        "image",
        "images",
        "picture",
        "pictures",
        "credit",
        "credits",
        "courtesy",
        "reporting",
        "editing",
        "writing",
        "contributing",
        "illustration",
        "video",
        "graphic",
        "graphics",
        "compiled",
        "edited",
        "reported",
    ];
    let credit_word = |t: &Token| {
        let s = surf(text, t);
        t.kind == Kind::Word && CREDIT_WORDS.iter().any(|c| c.eq_ignore_ascii_case(s))
    };
    let mut j = first;
    let stop = first.saturating_sub(12);
    while j > stop {
        j -= 1;
        let t = &toks[j];
        if t.line != line {
            return false;
        }
        let s = surf(text, t);
        if t.kind == Kind::Punct && matches!(s, "." | "!" | "?" | ";") {
            // "J. Smith": an initial's period does not end the credit
            if !(s == "." && j > 0 && is_initial(&toks[j - 1])) {
                return false;
            }
        }
        if (s == ":" || s.eq_ignore_ascii_case("by")) && j > 0 && credit_word(&toks[j - 1]) {
            return true;
        }
    }
    false
}

/// Whether token `i`, glued at `at` to the hyphen before it, is the lower-case second syllable
/// of a hyphenated given name ("Jong-un", "Jae-in"): two to five letters, not a word that
/// ends a compound ("Trump-led", "Obama-era"), and nothing glued after it.
fn korean_syllable(text: &str, toks: &[Token], i: usize, at: u32) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let s = surf(text, t);
    t.kind == Kind::Word
        && !t.cap
        && t.start == at
        && (2..=5).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            s,
            "led"
                | "era"
                | "run"
                | "old"
                | "ish"
                | "like"
                | "born"
                | "made"
                | "type"
                | "free"
                | "only"
                | "wide"
                | "year"
                | "day"
                | "up"
                | "out"
                | "off"
                | "age"
                | "war"
                | "bred"
                | "done"
                | "held"
                | "based"
                | "style"
                | "owned"
                | "esque"
                | "to"
                | "and"
                | "or"
                | "of"
                | "on"
                | "at"
        )
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && n.kind != Kind::Punct)
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.start == t.end && surf(text, n) == "-")
}

/// An honorific or title of office right before token `i` ("Mr. Xi", "President Trump"),
/// capitalised or abbreviated.
fn strong_title_before(text: &str, toks: &[Token], i: usize, w: &Lex) -> bool {
    let j = skip_abbreviation_period(text, toks, i);
    let Some(p) = j.checked_sub(1).and_then(|j| toks.get(j)) else {
        return false;
    };
    p.kind == Kind::Word && p.cap && p.line == toks[i].line && w.is(w.tk(text, p), STRONG_TITLE)
}

/// Reporting verb or apposition after token `last`: "X said", "X, the ...", "X, 34,".
fn after_evidence(text: &str, toks: &[Token], last: usize, w: &Lex) -> bool {
    let Some(n) = toks.get(last + 1) else {
        return false;
    };
    if n.line != toks[last].line {
        return false;
    }
    if n.kind == Kind::Word && !n.cap {
        return w.is(w.tk(text, n), super::words::AFTER);
    }
    if is_punct(text, Some(n), ",") {
        if let Some(m) = toks.get(last + 2) {
            if m.kind == Kind::Number {
                return true;
            }
            if m.kind == Kind::Word && !m.cap {
                return w.is(w.tk(text, m), APPOS);
            }
        }
    }
    false
}

/// Decide on the run `start..=end`: strip titles and openers, reject organisations, and accept
/// full names. Returns `None` when nothing name-like remains.
fn judge(
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    blocked: &[bool],
    w: &Lex,
    scratch: (&mut Vec<usize>, &mut Vec<u32>, &mut Vec<u32>),
) -> Option<Cand> {
    // word token indexes and their keys; the key arena the accepted name's keys go to
    let (words, keys, arena) = scratch;
    words.clear();
    words.extend((start..=end).filter(|&i| toks[i].kind == Kind::Word));
    keys.clear();
    keys.extend(words.iter().map(|&i| w.tk(text, &toks[i])));
    let (words, keys) = (&words[..], &keys[..]);
    let mut a = 0;
    let mut title = title_before(text, toks, words[0], w);
    // Organisation, event or place word: not a person, unless a full name with a given name
    // follows it ("Secretary of State John Kornblum").
    // A given name before a proper organisation word last ("Michael Bloomberg", not "Grace
    // Road"): a person named like a company.
    let named_like_org = |o: usize| {
        o + 1 == keys.len()
            && o >= 1
            && !w.is(keys[o], COMMON | PLACE_LIKE)
            && w.is(keys[o - 1], GIVEN)
            && !w.is(keys[o - 1], COMMON)
    };
    if let Some(o) = keys
        .iter()
        .rposition(|&k| w.is(k, ORG))
        .filter(|&o| !named_like_org(o))
    {
        // titles after the organisation: "Boxing Association President Ramon Manzanares"
        let mut r = o + 1;
        while r + 1 < keys.len() && w.is(keys[r], TITLE) {
            r += 1;
        }
        let o = r - 1;
        let prefix = w.is(keys[o], PREFIX);
        if !prefix
            && o + 2 < keys.len()
            && w.is(keys[o + 1], GIVEN)
            && !keys[o + 1..].iter().any(|&k| w.is(k, ORG))
        {
            a = o + 1;
            title = true;
        } else {
            return None;
        }
    }
    // "Education Minister X Y", "Traffic Control Administration Director X Y": everything up
    // to the last title that still leaves a name ("Prime Minister John Major" keeps "Major").
    if let Some(t) = keys[..keys.len() - 1].iter().rposition(|&k| w.is(k, TITLE)) {
        if t >= a {
            a = t + 1;
            title = true;
        }
    }
    while a < words.len() {
        let k = keys[a];
        let t = &toks[words[a]];
        if w.is(k, TITLE) && a + 1 < words.len() {
            title = true;
            a += 1;
        } else if t.sent_start
            && w.is(k, COMMON)
            && !(w.is(k, GIVEN) && a + 1 < words.len())
            && !(is_initial(t) && is_punct(text, toks.get(words[a] + 1), "."))
        {
            a += 1;
        } else {
            break;
        }
    }
    // A lone sentence opener that is a common word ("Martin's aide ...", "Such had ...") may
    // still be a surname known from elsewhere: kept, but only for resolution.
    let mut opener = false;
    if a >= words.len() {
        if words.len() != 1 || w.is(keys[0], TITLE | STOP) {
            return None;
        }
        a = 0;
        opener = true;
    }
    // A trailing initial or title is not part of the name ("South Carolina Gov.").
    let mut b = words.len() - 1;
    let abbreviated = |i: usize| is_punct(text, toks.get(words[i] + 1), ".");
    while b > a && ((is_initial(&toks[words[b]]) || w.is(keys[b], TITLE)) && abbreviated(b)) {
        b -= 1;
    }
    // "news agency Tanjug", "the daily X": an organisation noun right before (but not a place
    // prefix: "the 18-year-old Ian Harte").
    let mut org_ctx = false;
    if let Some(p) = words[a].checked_sub(1).and_then(|i| toks.get(i)) {
        if p.kind == Kind::Word
            && !p.cap
            && p.line == toks[words[a]].line
            && w.is(w.tk(text, p), ORG)
            && !w.is(w.tk(text, p), PREFIX)
        {
            org_ctx = true;
        }
    }
    let (first, last) = (words[a], words[b]);
    let keys = &keys[a..=b];
    // "Walter Reed" in the user's never-a-name list: no part of the run is a name
    if keys.len() >= 2 && w.has_not_name_phrases() {
        let phrase = |i: usize, j: usize| w.is(w.join_id(&keys[i..j]), NOT_NAME);
        if (0..keys.len()).any(|i| (i + 2..=keys.len()).any(|j| phrase(i, j))) {
            return None;
        }
    }
    // "Photo: Jane Roe/Agency", "Reporting by John Doe; Editing by ...": credits, not actors.
    if credit_line(text, toks, first, last) {
        return None;
    }
    // "X (Pakistan)" in results tables, "said X" after a quote.
    let country_after = is_punct(text, toks.get(last + 1), "(")
        && blocked.get(last + 2).copied().unwrap_or(false)
        && (last + 3..toks.len().min(last + 8))
            .find(|&i| !blocked[i])
            .is_some_and(|i| is_punct(text, toks.get(i), ")"));
    let said_before = words[a]
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|p| p.kind == Kind::Word && matches!(surf(text, p), "said" | "says"));
    let after = after_evidence(text, toks, last, w) || country_after || said_before;
    // "X was", "X has", "X will": verbs any subject takes, no evidence that X is a person
    let weak_after = toks.get(last + 1).is_some_and(|n| {
        n.kind == Kind::Word && !n.cap && {
            let k = w.tk(text, n);
            w.is(k, super::words::AFTER) && !w.is(k, REPORT)
        }
    });
    let strong_after = after && !weak_after;
    // "Charles de Gaulle airport", "the Ferrari team": an organisation noun right after.
    if let Some(n) = toks.get(last + 1) {
        if n.kind == Kind::Word
            && !n.cap
            && n.space_before
            && !toks[last].poss
            && w.is(w.tk(text, n), ORG)
        {
            org_ctx = true;
        }
        // "Edward D. Jones & Co."
        if is_punct(text, Some(n), "&") {
            org_ctx = true;
        }
        // "LM Ericsson AB", "Pirelli SpA": a company form right after.
        if n.kind == Kind::Word
            && n.cap
            && n.space_before
            && n.line == toks[last].line
            && !toks[last].poss
            && CORPORATE_FORMS.contains(&surf(text, n))
        {
            org_ctx = true;
        }
    }
    let (mut prev, mut prev_start) = (NONE, 0);
    if keys.len() == 1 && first > 0 {
        let (pt, t) = (&toks[first - 1], &toks[first]);
        if pt.kind == Kind::Word && pt.cap && t.space_before && pt.line == t.line {
            prev = w.tk(text, pt);
            prev_start = pt.start;
        }
    }
    let opener_ok = !toks[first].sent_start
        || (keys.len() == 1 && !w.is(keys[0], COMMON | GIVEN | PLACE_LIKE | TITLE | ORG));
    let said = after && reported(text, toks, last, w) && opener_ok;
    let stat = stat_after(text, toks, last);
    let strong = strong_title_before(text, toks, first, w);
    let det = first
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|p| {
            p.kind == Kind::Word && p.line == toks[first].line && w.is(w.tk(text, p), DET)
        });
    let mut full = false;
    if keys.len() >= 2 {
        full = !org_ctx
            && (full_name(keys, title, after, strong_after, w)
                || (w.has_user_names() && w.is(w.join_id(keys), USER_NAME)));
        if !full && !org_ctx {
            // "Territorial Demands Remain": keep only as single words if nothing else.
            return None;
        }
    }
    let keys_at = arena.len();
    arena.extend_from_slice(keys);
    Some(Cand {
        first: first as u32,
        last: last as u32,
        start: toks[first].start,
        end: toks[last].end,
        prev,
        prev_start,
        keys_at,
        nkeys: keys.len() as u32,
        title,
        after,
        full,
        org_ctx: org_ctx || opener,
        org_named: org_ctx,
        said,
        strong,
        det,
        stat,
        vetoed: false,
        person: NONE,
    })
}

/// "X said", "X told", but not "X said it" (a company).
fn reported(text: &str, toks: &[Token], last: usize, w: &Lex) -> bool {
    let word = |i: usize, bit: u32| {
        toks.get(i)
            .filter(|t| t.kind == Kind::Word)
            .is_some_and(|t| w.is(w.tk(text, t), bit))
    };
    word(last + 1, REPORT) && !word(last + 2, IT)
}

/// Whether a multi-word candidate (key ids `k`, with a title before or evidence after) is a
/// person's full name.
fn full_name(k: &[u32], title: bool, after: bool, strong_after: bool, w: &Lex) -> bool {
    if k.iter().filter(|&&x| !w.is(x, PARTICLE)).count() > 5 {
        return false;
    }
    if w.is(w.join_id(k), PLACE_LIKE) {
        return false;
    }
    // The words of more than one character.
    let names = || k.iter().copied().filter(|&x| w.is(x, MULTI));
    let Some(last) = names().last() else {
        return false;
    };
    // "Cleveland Indians", "Bradford Bulls": a plural of a common word last is a team or group.
    if w.is(last, PLURAL) && (!w.is(k[0], GIVEN) || w.is(k[0], PLACE_LIKE)) {
        return false;
    }
    // "A. Dale", "George W. Bush": initials make a name.
    if k.len() > names().count() && !w.is(k[0], MULTI) {
        return !w.is(last, PLACE_LIKE);
    }
    let all_common = names().all(|x| w.is(x, COMMON) && !w.is(x, GIVEN));
    if all_common {
        return false;
    }
    if w.is(k[0], GIVEN) {
        // "Red Dead Redemption", "Fan Vote": a rare given name that is also a common word,
        // before common words none of which is a surname, is a title or a thing without
        // evidence ("Peter Such" and "Bill Gates" stay names).
        let rest_common = k[1..].iter().all(|&x| w.is(x, COMMON) && !w.is(x, GIVEN));
        let plain_given = !w.is(k[0], COMMON) || w.is(k[0], POPULAR_GIVEN);
        let evidence = title || after || w.is(last, SURNAME);
        return plain_given || !rest_common || evidence;
    }
    // "Dynamo Moscow", "First Chicago", "Red Star": a place, or a common word first.
    if w.is(k[0], PLACE_LIKE | COMMON) {
        return false;
    }
    // Without a given name first, only a title or a reporting verb or apposition after makes a
    // name ("MacBook Pro was shown" is no person).
    if title || strong_after {
        return true;
    }
    // "Lebed Chechnya peace plan": an unknown word before a place name is no evidence of a name.
    if w.is(last, PLACE_LIKE) {
        return false;
    }
    names().all(|x| !w.is(x, COMMON))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tokens;
    use crate::tag::words::{Lex, Words};

    /// (name text, full, title, after) of each candidate.
    fn cands(text: &str) -> Vec<(String, bool, bool, bool)> {
        cands_blocking(text, None)
    }

    /// [`cands`] with the tokens of `country` blocked, as the tagger blocks country matches.
    fn cands_blocking(text: &str, country: Option<&str>) -> Vec<(String, bool, bool, bool)> {
        let words = Words::default();
        let w = Lex::new(&words);
        let tokens::Tokens { toks, caps, .. } =
            tokens::tokenize_with(text, |s| w.key_id(s), Default::default());
        let blocked: Vec<bool> = toks
            .iter()
            .map(|t| Some(&text[t.range()]) == country)
            .collect();
        let mut found = Found::default();
        candidates(
            text,
            &toks,
            &caps,
            &blocked,
            &w,
            &mut Default::default(),
            &mut found,
        );
        found
            .cands
            .iter()
            .map(|c| {
                let (first, last) = (c.first as usize, c.last as usize);
                let s = text[toks[first].start as usize..toks[last].end as usize].to_string();
                assert_eq!(&text[c.start as usize..c.end as usize], s);
                // the candidate's keys in the arena are those of its words
                let words: Vec<u32> = toks[first..=last]
                    .iter()
                    .filter(|t| t.kind == Kind::Word)
                    .map(|t| w.tk(text, t))
                    .collect();
                assert_eq!(c.keys(&found.keys), &words[..], "{s}");
                (s, c.full, c.title, c.after)
            })
            .collect()
    }

    fn full_names(text: &str) -> Vec<String> {
        cands(text)
            .into_iter()
            .filter(|c| c.1)
            .map(|c| c.0)
            .collect()
    }

    #[test]
    fn candidates_of_many_words_keep_all_their_keys() {
        // checked by `cands`: each candidate's keys in the arena are its words' keys
        let c =
            cands("Maria del Carmen Ortega Vilar spoke. Then Lorenzo Bianchi and Ana Sousa left.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].0, "Maria del Carmen Ortega Vilar");
    }

    #[test]
    fn titles_and_roles_are_stripped_and_count_as_evidence() {
        let c =
            cands("He met special envoy Steve Witkoff and Education Minister Nagoum Yamassoum.");
        assert_eq!(
            c,
            [
                ("Steve Witkoff".to_string(), true, true, false),
                ("Nagoum Yamassoum".to_string(), true, true, false)
            ]
        );
        let c = cands("It was Mr. Okafor in the end.");
        assert_eq!(c, [("Okafor".to_string(), false, true, false)]);
    }

    #[test]
    fn title_case_lines_split_names_at_common_words() {
        assert_eq!(
            full_names("Angela Merkel Meets Vladimir Putin In Moscow"),
            ["Angela Merkel", "Vladimir Putin"]
        );
        // a surname that is a common word, right after a given name, stays
        assert_eq!(
            full_names("Theresa May Wins Vote As Boris Johnson Resigns"),
            ["Theresa May", "Boris Johnson"]
        );
        // in running text a capitalised common word can still be part of a name
        assert_eq!(
            full_names("and Oskar Brelvik Senior said"),
            ["Oskar Brelvik Senior"]
        );
        // lists of names and results tables are no headlines
        assert_eq!(
            full_names("Michael Slater, Mark Waugh, Walter Little"),
            ["Michael Slater", "Mark Waugh", "Walter Little"]
        );
        assert_eq!(
            full_names("Bowling: S. Waugh 5-1-36-1, M. Waugh 5-0-29-0"),
            ["S. Waugh", "M. Waugh"]
        );
    }

    #[test]
    fn an_unknown_word_before_a_place_is_no_name_without_evidence() {
        assert!(full_names("Yeltsin endorses Lebed Chechnya peace plan").is_empty());
        // a given name, a title or a reporting verb still make one
        assert_eq!(
            full_names("Jack London wrote it, and rebel leader Okar Groznyy fled"),
            ["Jack London", "Okar Groznyy"]
        );
    }

    #[test]
    fn a_place_prefix_before_a_name_is_no_organisation() {
        // "old" and "new" start place names ("New York") but before a name they are adjectives
        assert_eq!(
            full_names("the 18-year-old Ian Harte and the new Oskar Brelvik"),
            ["Ian Harte", "Oskar Brelvik"]
        );
    }

    #[test]
    fn reporting_verbs_and_appositions_count_as_evidence() {
        assert_eq!(
            cands("and Brelvik said"),
            [("Brelvik".to_string(), false, false, true)]
        );
        assert_eq!(
            cands("and Brelvik, the envoy"),
            [("Brelvik".to_string(), false, false, true)]
        );
        assert_eq!(
            cands("and Brelvik, 34, left"),
            [("Brelvik".to_string(), false, false, true)]
        );
    }

    #[test]
    fn a_country_in_parentheses_or_said_before_counts_as_evidence() {
        // "Okonjo Brakk (Nigeria)": the tagger blocks the country's tokens before this step.
        let c = cands_blocking("1 - Okonjo Brakk (Nigeria) beat", Some("Nigeria"));
        assert_eq!(c.len(), 1);
        let (_, full, _, after) = c[0];
        assert!(after && full);
        assert_eq!(
            cands("\"We won,\" said Okonjo Brakk."),
            [("Okonjo Brakk".to_string(), true, false, true)]
        );
    }

    #[test]
    fn a_title_word_ends_a_name_only_when_abbreviated() {
        assert_eq!(
            full_names("captain Billie Jean King said"),
            ["Billie Jean King"]
        );
        assert!(full_names("Former South Carolina Gov. Carroll")
            .iter()
            .all(|n| !n.contains("Gov")));
    }

    #[test]
    fn organisation_words_reject_a_run() {
        assert!(full_names("the Defense Council met").is_empty());
        assert!(full_names("the Russian Direct Investment Fund grew").is_empty());
        assert!(full_names("at Grace Road on Friday").is_empty());
        // ... unless a given name follows the organisation part
        assert_eq!(
            full_names("said Assistant Secretary John Kornblum"),
            ["John Kornblum"]
        );
    }

    #[test]
    fn title_case_headings_of_common_words_are_no_names() {
        assert!(full_names("Territorial Demands Remain Core Obstacle").is_empty());
        assert!(full_names("Diplomatic Push Continues Despite Setbacks").is_empty());
    }

    #[test]
    fn given_names_initials_and_particles_make_names() {
        assert_eq!(full_names("as Peter Such took four"), ["Peter Such"]);
        assert_eq!(
            full_names("(A. Dale 69, H. Morris 69)"),
            ["A. Dale", "H. Morris"]
        );
        assert_eq!(
            full_names("scrum-half Joost van der Westhuizen scored"),
            ["Joost van der Westhuizen"]
        );
        assert_eq!(
            full_names("Premier Jean-Pierre Raffarin"),
            ["Jean-Pierre Raffarin"]
        );
        assert_eq!(
            full_names("then Queen Elizabeth II spoke"),
            ["Elizabeth II"]
        );
    }

    #[test]
    fn hyphenated_surnames_split_into_two_names() {
        let c: Vec<String> = cands("the Putin-Trump summit")
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(c, ["Putin", "Trump"]);
    }

    #[test]
    fn teams_and_places_are_no_names() {
        assert!(full_names("the Cleveland Indians won").is_empty());
        assert!(full_names("behind Dynamo Moscow, the leaders").is_empty());
        assert!(full_names("at Charles de Gaulle airport").is_empty());
    }

    #[test]
    fn lower_case_honorifics_are_no_titles() {
        assert_eq!(
            cands("will miss Kowalski"),
            [("Kowalski".to_string(), false, false, false)]
        );
        assert_eq!(
            cands("Miss Kowalski"),
            [("Kowalski".to_string(), false, true, false)]
        );
    }

    #[test]
    fn sentence_openers_are_stripped() {
        assert_eq!(full_names("Yesterday Anna Brandt left."), ["Anna Brandt"]);
        assert!(full_names("When Brandt left.").is_empty());
    }
}
