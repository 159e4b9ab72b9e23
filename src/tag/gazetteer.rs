//! Countries, demonyms and metonyms (capitals, seats of government) found in one pass over the
//! tokens: at each capitalised word the longest name in the compiled country table wins, also
//! inside hyphenated compounds ("U.S.-Ukraine") and in ALL-CAPS lines ("ROMANIA BEAT ...").
//! A match glued to other capitalised words ("U.S. Open", "West Indian", "Washington Post",
//! "Iraqi National Congress", "Bank of Canada") is part of a longer name and dropped, except on
//! Title Case lines ("Trade Talks With China Stall"), where every word is capitalised.

use super::lexicon::{self, PlaceKind};
use super::tokens::{Kind, TitleLines, Token};
use super::words::{
    Lex, CAL, COMMON, COUNTRY, GIVEN, ORG, PLACE, PLACE_EXT, PLACE_START, ROLE, STOP, TITLE,
};

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

/// Longest-match lookup of the country table over the tokens; the matches are appended to `out`.
pub fn find(text: &str, toks: &[Token], caps: &[bool], w: &Lex, out: &mut Vec<PlaceMatch>) {
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
            i += 1;
            continue;
        }
        let k0 = w.tk(text, t);
        if !w.is(k0, PLACE_START) {
            i += 1;
            continue;
        }
        let mut best = None;
        if let Some(e) = w.raw_place(k0) {
            if case_ok(text, toks, i, i, e.surface, in_caps) {
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
                    if case_ok(text, toks, i, j, e.surface, in_caps) {
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
                if !glued(text, toks, caps, i, last, w, &mut title_lines)
                    && !first_name(text, toks, caps, &m, w)
                {
                    out.push(m);
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// "Georgia Smith", "Jordan Peterson": a one-word country that is a given name, followed by a
/// capitalised word that could be a surname, is a person's first name.
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
    !w.is(
        w.tk(text, n),
        ORG | CAL | STOP | ROLE | TITLE | COUNTRY | PLACE,
    )
}

/// The text's case fits the data's: abbreviations ("US", "U.S.") in capitals, other words
/// capitalised except short function words ("Bosnia and Herzegovina").
fn case_ok(text: &str, toks: &[Token], i: usize, j: usize, surface: &str, in_caps: bool) -> bool {
    let abbrev = if surface.is_ascii() {
        !surface.bytes().any(|c| c.is_ascii_lowercase())
    } else {
        surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    };
    toks[i..=j]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| {
            let s = &text[t.range()];
            if abbrev {
                t.upper || (t.one && t.cap)
            } else {
                in_caps
                    || t.cap
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
        find(text, &toks, &caps, &w, &mut found);
        found
            .into_iter()
            .map(|m| {
                let s = text[toks[m.first].start as usize..toks[m.last].end as usize].to_string();
                assert_eq!(&text[m.start as usize..m.end as usize], s);
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
}
