//! Article-level resolution: full names found anywhere in the article become people; single
//! surnames and possessives ("Putin", "Putin’s"), ALL-CAPS headline words and user aliases
//! resolve to them (the most recent full name with that surname before the mention, so two
//! people sharing a surname stay apart); single words with strong evidence ("Mr Smith",
//! "Simmons said") become people of their own.

use super::evidence::{Cue, Cues};
use super::gazetteer::{self, PlaceMatch};
use super::learned;
use super::lexicon::{self, PlaceKind};
use super::model::Label;
use super::people::{self, Cand};
use super::tokens::{self, Kind, Token};
use super::words::{
    FxMap, Lex, Memo, Words, CAL, COMMON, GIVEN, MULTI, NONE, ORG, PLACE, PLURAL, RAW_PLACE, ROLE,
    SURNAME, TITLE,
};
use super::EntityKind;
use crate::article::collapse;

/// A resolved span in paragraph `para` (offsets and indexes as `u32`, as in tokens: 20 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocSpan {
    pub para: u32,
    pub start: u32,
    pub end: u32,
    /// Person index into [`Doc::people`] for people; country index for countries and metonyms.
    pub who: u32,
    pub kind: EntityKind,
}

/// All spans of an article and the people they name.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub spans: Vec<DocSpan>,
    /// Canonical (fullest) names.
    pub people: Vec<String>,
    /// Why each person is one (indexes into `people`).
    pub cues: Cues,
}

/// User additions, as keys.
#[derive(Debug, Clone, Default)]
pub struct UserNames {
    /// Full names (display form).
    pub people: Vec<String>,
    /// alias key (lower-cased words joined by spaces) -> canonical display name
    pub aliases: Vec<(String, String)>,
}

/// A map from name keys (key ids of the words) to people: names of up to four words are
/// stored inline, so a lookup hashes and compares a few integers, never a heap key.
#[derive(Default)]
struct NameMap {
    short: FxMap<(u8, [u32; 4]), usize>,
    long: FxMap<Vec<u32>, usize>,
}

impl NameMap {
    fn pack(keys: &[u32]) -> Option<(u8, [u32; 4])> {
        let mut a = [0u32; 4];
        a.get_mut(..keys.len())?.copy_from_slice(keys);
        Some((keys.len() as u8, a))
    }

    fn get(&self, keys: &[u32]) -> Option<&usize> {
        match Self::pack(keys) {
            Some(k) => self.short.get(&k),
            None => self.long.get(keys),
        }
    }

    fn insert(&mut self, keys: &[u32], id: usize) {
        match Self::pack(keys) {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(keys.to_vec(), id),
        };
    }
}

/// The first and last entry of a chain of entries linked by index ([`NONE`] ends a chain).
#[derive(Clone, Copy)]
struct Chain {
    head: u32,
    tail: u32,
}

impl Chain {
    const EMPTY: Chain = Chain {
        head: NONE,
        tail: NONE,
    };

    /// Append entry `i` (whose link is `next[i]`, [`NONE`] so far).
    fn push(&mut self, i: u32, next: &mut [u32]) {
        match next.get_mut(self.tail as usize) {
            Some(n) => *n = i,
            None => self.head = i,
        }
        self.tail = i;
    }

    /// The entries in the order they were added.
    fn iter<'a>(&self, next: &'a [u32]) -> impl Iterator<Item = usize> + 'a {
        let mut i = self.head;
        std::iter::from_fn(move || {
            let cur = i;
            i = *next.get(cur as usize)?;
            Some(cur as usize)
        })
    }
}

/// The people of an article. Everything is kept in flat vectors and maps of integers (chains
/// linked by index instead of a vector per person or per surname), so that adding a person
/// costs its display name's allocation only.
#[derive(Default)]
struct Registry {
    names: Vec<String>,
    /// Per person: key id of the first word of its name and the number of words (all that the
    /// tests below need of a name's keys).
    first_len: Vec<(u32, u32)>,
    /// surname key -> people with that last word (chained through `next_last`, in order added)
    by_last: FxMap<u32, Chain>,
    next_last: Vec<u32>,
    /// given-name key -> the first person whose full name starts with it, and how many do
    /// (every full-name key of two words or more in `by_full` starts with one of these keys)
    by_first: FxMap<u32, (u32, u32)>,
    /// full-name keys -> person
    by_full: NameMap,
    /// spelling-variant key of a surname ([`Lex::variant`]) -> the first person with a full
    /// name (two words or more) ending in it
    by_variant: FxMap<u32, u32>,
    /// Positions (para, byte) of full mentions, chained per person (`at_of`) in reading order.
    at: Vec<(u32, u32)>,
    next_at: Vec<u32>,
    at_of: Vec<Chain>,
}

impl Registry {
    /// Add a mention of the full name `keys` (displayed as `display()` when it is new or
    /// longer than the name known).
    fn add(
        &mut self,
        display: impl FnOnce() -> String,
        keys: &[u32],
        at: Option<(usize, usize)>,
    ) -> usize {
        let id = if let Some(&id) = self.by_full.get(keys) {
            id
        } else if let Some(id) = self.same_person(keys) {
            // same first and last word: only the length can differ
            if keys.len() > self.words(id) {
                self.names[id] = display();
                self.first_len[id].1 = keys.len() as u32;
            }
            self.by_full.insert(keys, id);
            id
        } else {
            let id = self.names.len();
            self.names.push(display());
            self.next_last.push(NONE);
            if let Some(&l) = keys.last() {
                let chain = self.by_last.entry(l).or_insert(Chain::EMPTY);
                chain.push(id as u32, &mut self.next_last);
            }
            if keys.len() >= 2 {
                self.by_first
                    .entry(keys[0])
                    .and_modify(|e| e.1 += 1)
                    .or_insert((id as u32, 1));
            }
            let first = keys.first().copied().unwrap_or(NONE);
            self.first_len.push((first, keys.len() as u32));
            self.at_of.push(Chain::EMPTY);
            self.by_full.insert(keys, id);
            id
        };
        if let Some((para, byte)) = at {
            let i = self.at.len() as u32;
            self.at.push((para as u32, byte as u32));
            self.next_at.push(NONE);
            self.at_of[id].push(i, &mut self.next_at);
        }
        id
    }

    /// Number of words of person `id`'s name.
    fn words(&self, id: usize) -> usize {
        self.first_len[id].1 as usize
    }

    /// The key of the first word of a person's name.
    fn first_key(&self, id: usize) -> u32 {
        self.first_len[id].0
    }

    /// The people whose name ends with `key`, in the order added.
    fn with_last(&self, key: u32) -> impl Iterator<Item = usize> + '_ {
        let chain = self.by_last.get(&key).copied().unwrap_or(Chain::EMPTY);
        chain.iter(&self.next_last)
    }

    /// Whether some full name (two words or more) ends with `key`.
    fn full_with_last(&self, key: u32) -> bool {
        self.with_last(key).any(|id| self.words(id) >= 2)
    }

    /// Positions of person `id`'s full mentions, in reading order.
    fn full_at(&self, id: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.at_of[id]
            .iter(&self.next_at)
            .map(|i| (self.at[i].0 as usize, self.at[i].1 as usize))
    }

    /// Record person `id`'s full name `keys` under its surname's spelling variant.
    fn add_variant(&mut self, keys: &[u32], id: usize, w: &Lex) {
        if let (2.., Some(&l)) = (keys.len(), keys.last()) {
            self.by_variant.entry(w.variant(l)).or_insert(id as u32);
        }
    }

    /// The person with a full name whose surname is a spelling variant of `key`; with
    /// `first`, only when the full name also starts with that key ("Volodymyr Zelensky" and
    /// "Volodymyr Zelenskyy").
    fn by_variant(&self, key: u32, first: Option<u32>, w: &Lex) -> Option<usize> {
        let id = *self.by_variant.get(&w.variant(key))? as usize;
        first.is_none_or(|f| self.first_key(id) == f).then_some(id)
    }

    /// "Donald J. Trump" and "Donald Trump": same first and last word.
    fn same_person(&self, keys: &[u32]) -> Option<usize> {
        let (&f, &l) = (keys.first()?, keys.last()?);
        if keys.len() < 2 {
            return None;
        }
        self.with_last(l).find(|&id| {
            let (first, len) = self.first_len[id];
            len >= 2 && first == f
        })
    }

    /// The one person whose given name is `key` ("Randall" for Randall Cunningham).
    fn by_given(&self, key: u32, w: &Lex) -> Option<usize> {
        if !w.is(key, GIVEN) || w.is(key, COMMON) {
            return None;
        }
        match self.by_first.get(&key) {
            Some(&(id, 1)) => Some(id as usize),
            _ => None,
        }
    }

    /// The person a lone surname at `at` stands for: the latest full mention before it, else the
    /// first one after it.
    fn by_surname(&self, key: u32, at: (usize, usize)) -> Option<usize> {
        let chain = self.by_last.get(&key)?;
        if chain.head == chain.tail {
            return Some(chain.head as usize);
        }
        let mut best: Option<((usize, usize), usize)> = None;
        for id in chain.iter(&self.next_last) {
            for p in self.full_at(id) {
                if p <= at && best.is_none_or(|(bp, _)| p > bp) {
                    best = Some((p, id));
                }
            }
        }
        best.map(|b| b.1).or_else(|| {
            chain
                .iter(&self.next_last)
                .min_by_key(|&id| self.full_at(id).next().unwrap_or((usize::MAX, 0)))
        })
    }
}

/// Tag and resolve the paragraphs of one article (or one raw text as a single paragraph).
/// Spans come in reading order, paragraph by paragraph, without overlaps.
pub fn analyze(paras: &[&str], words: &Words, user: &UserNames, memo: Memo) -> (Doc, Memo) {
    let lex = Lex::with_memo(words, memo);
    let doc = analyze_with(paras, &lex, user);
    (doc, lex.into_memo())
}

fn analyze_with(paras: &[&str], w: &Lex, user: &UserNames) -> Doc {
    let mut reg = Registry::default();
    let mut cues = Cues::default();
    let keys_of = |name: &str| -> Vec<u32> {
        name.split_whitespace()
            .map(|x| w.id(&lexicon::key(x)))
            .collect()
    };
    for name in &user.people {
        let keys = keys_of(name);
        if !keys.is_empty() {
            let id = reg.add(|| collapse(name), &keys, None);
            reg.add_variant(&keys, id, w);
            cues.add(id, Cue::Config, None, || collapse(name));
        }
    }
    let mut alias: FxMap<Vec<u32>, usize> = FxMap::default();
    for (a, canon) in &user.aliases {
        let keys = keys_of(canon);
        if !keys.is_empty() {
            let id = reg.add(|| collapse(canon), &keys, None);
            cues.add(id, Cue::Config, None, || format!("{a} = {canon}"));
            alias.insert(a.split(' ').map(|x| w.id(x)).collect(), id);
        }
    }
    // The learned model knows English only.
    let english = learned::looks_english(paras);
    // Pass 1, each paragraph right after it is scanned (its candidates still in cache): full
    // names, and single words with a title or reporting verb.
    let mut buf = Scratch::default();
    let mut kept = Kept::with_room(paras);
    // Single words the article calls an organisation somewhere ("the news agency Tanjug"):
    // never a person of their own ("Tanjug said").
    let mut org_named: Vec<u32> = Vec::new();
    // word key -> (the first capitalised word seen right after it, 2 once a second one was)
    let mut followers: FxMap<u32, (u32, u8)> = FxMap::default();
    // Full names the article calls an organisation somewhere ("Walter Reed hospital").
    let mut org_named_full: Vec<Vec<u32>> = Vec::new();
    let doc = gazetteer::Doc::new(paras);
    for (pi, text) in paras.iter().enumerate() {
        let from = kept.found.cands.len();
        scan(text, w, &doc, &mut buf, &mut kept);
        let people::Found { cands, keys } = &mut kept.found;
        if english {
            // The model is asked where the rules leave a doubt: a name with no given name,
            // title, reporting verb or statistic, or a lone word with a title that is no
            // honorific or office ("star X").
            let asks = |c: &Cand| {
                let k = c.keys(keys);
                if c.strong || c.said || c.stat || k.is_empty() {
                    return false;
                }
                if k.len() == 1 {
                    return c.title && !reg.by_last.contains_key(&k[0]);
                }
                let plain_given = w.is(k[0], GIVEN) && !w.is(k[0], COMMON);
                c.full && !plain_given
            };
            let (toks, caps) = (&buf.toks, &buf.caps);
            learned::apply(
                text,
                toks,
                caps,
                w,
                &mut cands[from..],
                asks,
                &mut buf.labels,
                &mut buf.line_labels,
            );
        }
        // capitalised words right after a capitalised word ("Nissan Leaf", "Nissan Connect")
        for pair in buf.toks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.kind == Kind::Word
                && b.kind == Kind::Word
                && a.cap
                && b.cap
                && !a.upper
                && !b.upper
                && !a.poss
                && b.space_before
                && a.line == b.line
            {
                let (ka, kb) = (w.tk(text, a), w.tk(text, b));
                let e = followers.entry(ka).or_insert((kb, 1));
                if e.0 != kb && e.1 == 1 {
                    e.1 = 2;
                }
            }
        }
        for c in &mut cands[from..] {
            let keys = c.keys(keys);
            if c.org_named && keys.len() == 1 {
                org_named.push(keys[0]);
            } else if c.org_named {
                org_named_full.push(keys.to_vec());
            }
            let at = (pi, c.start as usize);
            if c.vetoed {
                continue;
            }
            let known =
                |k: u32| reg.by_last.contains_key(&k) || reg.by_variant(k, None, w).is_some();
            let single = keys.len() == 1 && single_with_evidence(c, keys[0], w) && !known(keys[0]);
            if c.full || single {
                let display = || collapse(&text[c.start as usize..c.end as usize]);
                if c.full && reg.by_full.get(keys).is_none() && reg.same_person(keys).is_none() {
                    // "Volodymyr Zelensky" after "Volodymyr Zelenskyy": the same person
                    if let Some(id) = reg.by_variant(keys[keys.len() - 1], Some(keys[0]), w) {
                        reg.by_full.insert(keys, id);
                    }
                }
                let id = reg.add(display, keys, Some(at));
                reg.add_variant(keys, id, w);
                c.person = id as u32;
                record_cues(&mut cues, id, pi, text, &buf.toks, c, keys, w);
            }
        }
    }
    drop(buf);
    gazetteer::settle(&doc, &mut kept.places);
    org_named.sort_unstable();
    // A full name that the article calls an organisation at least as often as it names it
    // alone is an organisation ("treated at Walter Reed hospital ... at Walter Reed").
    let mut org_people: Vec<usize> = Vec::new();
    for keys in &org_named_full {
        if let Some(&id) = reg.by_full.get(keys) {
            org_people.push(id);
        }
    }
    org_people.sort_unstable();
    let org_votes = |id: usize| org_people.iter().filter(|&&p| p == id).count();
    let org_full: Vec<usize> = {
        let mut v = org_people.clone();
        v.dedup();
        v.retain(|&id| org_votes(id) >= reg.full_at(id).count());
        v
    };
    // A lone word that is a person only on a reporting verb or statistic, and that starts two
    // different capitalised names ("Nissan said" ... "Nissan Leaf", "Nissan Connect"), is a
    // brand or an organisation.
    let brand = |id: usize| {
        reg.words(id) == 1
            && followers
                .get(&reg.first_key(id))
                .is_some_and(|&(_, n)| n >= 2)
            && !cues.has(id, Cue::Title)
            && !cues.has(id, Cue::Config)
    };
    let an_organisation = |id: usize| {
        (reg.words(id) == 1 && org_named.binary_search(&reg.first_key(id)).is_ok())
            || org_full.binary_search(&id).is_ok()
            || brand(id)
    };
    // Pass 2: spans.
    let Kept {
        found,
        places,
        caps_ranges,
        caps_toks,
        ends,
    } = &kept;
    let mut spans = Vec::with_capacity(found.cands.len() + places.len());
    // Tokens already in a span (only ALL-CAPS lines look at it).
    let mut taken = Vec::new();
    let mut from = Ends::default();
    for (pi, (e, text)) in ends.iter().zip(paras).enumerate() {
        let cands = &found.cands[from.cands..e.cands];
        let places = &places[from.places..e.places];
        let caps = CapsLines {
            ranges: &caps_ranges[from.caps..e.caps],
            toks: &caps_toks[from.caps_toks..e.caps_toks],
        };
        from = *e;
        let para = pi as u32;
        let para_start = spans.len();
        taken.clear();
        if !caps.ranges.is_empty() {
            taken.resize(e.ntoks, false);
        }
        for c in cands.iter().filter(|c| !c.vetoed) {
            let keys = c.keys(&found.keys);
            let at = (pi, c.start as usize);
            // A known full name whose first word was stripped as a sentence opener ("Lark
            // Meadow" at a sentence start): take the word back.
            let mut first = c.first as usize;
            let mut start = c.start;
            let mut two = None;
            if c.prev != NONE {
                let full = [c.prev, keys[0]];
                if let Some(&id) = reg.by_full.get(&full[..]) {
                    if reg.words(id) == 2 {
                        first -= 1;
                        start = c.prev_start;
                        two = Some(id);
                    }
                }
            }
            let id = if first < c.first as usize {
                two
            } else if keys.len() >= 2 {
                // registered in the first pass (a full name's keys keep their person), or
                // registered by another mention
                if c.person != NONE {
                    Some(c.person as usize)
                } else {
                    reg.by_full.get(keys).copied()
                }
            } else {
                let k = keys[0];
                alias
                    .get(keys)
                    .copied()
                    .or_else(|| reg.by_surname(k, at))
                    .or_else(|| reg.by_full.get(keys).copied())
                    .or_else(|| reg.by_given(k, w))
                    .or_else(|| reg.by_variant(k, None, w))
            };
            if let Some(id) = id.filter(|&id| !an_organisation(id)) {
                mark(&mut taken, first, c.last as usize);
                spans.push(DocSpan {
                    para,
                    start,
                    end: c.end,
                    who: id as u32,
                    kind: EntityKind::Person,
                });
            }
        }
        for m in places {
            if m.kind == PlaceKind::Former {
                continue;
            }
            // A known surname that is also a place ("Michael Jordan" ... "Jordan") is the person.
            if m.first == m.last && m.kind != PlaceKind::Demonym {
                let k = m.key;
                if let Some(id) = reg
                    .by_surname(k, (pi, m.start as usize))
                    .filter(|_| reg.full_with_last(k))
                {
                    if m.plain {
                        mark(&mut taken, m.first, m.last);
                        spans.push(DocSpan {
                            para,
                            start: m.start,
                            end: m.end,
                            who: id as u32,
                            kind: EntityKind::Person,
                        });
                        continue;
                    }
                }
            }
            mark(&mut taken, m.first, m.last);
            spans.push(DocSpan {
                para,
                start: m.start,
                end: m.end,
                who: m.country,
                kind: if m.kind == PlaceKind::Metonym {
                    EntityKind::Metonym
                } else {
                    EntityKind::Country
                },
            });
        }
        caps_people(pi, text, caps, &reg, &alias, w, &mut taken, &mut spans);
        // in reading order (paragraphs already are), and without overlaps: a span starting
        // inside the one kept before it goes
        let para_spans = &mut spans[para_start..];
        para_spans.sort_by_key(|s| s.start);
        let mut kept_n = 0;
        for r in 0..para_spans.len() {
            let s = para_spans[r];
            if kept_n > 0 && s.start < para_spans[kept_n - 1].end {
                continue;
            }
            para_spans[kept_n] = s;
            kept_n += 1;
        }
        spans.truncate(para_start + kept_n);
    }
    // A lone surname registered on its own evidence before the full name came ("President
    // Trump ... Donald Trump") is that person when one full name ends with it.
    let canon: Vec<u32> = (0..reg.names.len())
        .map(|id| {
            if reg.words(id) != 1 {
                return id as u32;
            }
            let k = reg.first_key(id);
            let mut full = reg.with_last(k).filter(|&o| reg.words(o) >= 2);
            let one = match (full.next(), full.next()) {
                (Some(o), None) => Some(o),
                (None, _) => reg.by_variant(k, None, w).filter(|&o| reg.words(o) >= 2),
                _ => None,
            };
            one.unwrap_or(id) as u32
        })
        .collect();
    if canon.iter().enumerate().any(|(i, &c)| c as usize != i) {
        for s in spans.iter_mut().filter(|s| s.kind == EntityKind::Person) {
            s.who = canon.get(s.who as usize).copied().unwrap_or(s.who);
        }
        cues.remap(|p| canon.get(p).map_or(p, |&c| c as usize));
    }
    Doc {
        spans,
        people: reg.names,
        cues,
    }
}

/// Record the cues that made candidate `c` (key ids `keys`, over `toks` of paragraph `pi`) the
/// person `id`.
#[allow(clippy::too_many_arguments)]
fn record_cues(
    cues: &mut Cues,
    id: usize,
    pi: usize,
    text: &str,
    toks: &[Token],
    c: &Cand,
    keys: &[u32],
    w: &Lex,
) {
    let (first, last) = (c.first as usize, c.last as usize);
    let piece = |a: usize, b: usize| collapse(text.get(a..b).unwrap_or(""));
    let (start, end) = (c.start as usize, c.end as usize);
    if c.title || c.strong {
        // from the title word (before an abbreviation's period) to the end of the name
        let mut j = first;
        if j > 0 && toks.get(j - 1).is_some_and(|t| &text[t.range()] == ".") {
            j -= 1;
        }
        let from = j
            .checked_sub(1)
            .and_then(|j| toks.get(j))
            .map_or(start, |t| t.start as usize);
        cues.add(id, Cue::Title, Some(pi), || piece(from, end));
    }
    if keys.len() >= 2 && w.is(keys[0], GIVEN) {
        cues.add(id, Cue::GivenName, Some(pi), || piece(start, end));
    }
    let next_end = toks.get(last + 1).map_or(end, |t| t.end as usize);
    if c.said {
        cues.add(id, Cue::ReportingVerb, Some(pi), || piece(start, next_end));
    } else if c.stat {
        let stat_end = toks.get(last + 2).map_or(end, |t| t.end as usize);
        cues.add(id, Cue::Statistic, Some(pi), || piece(start, stat_end));
    } else if c.after {
        cues.add(id, Cue::Context, Some(pi), || piece(start, next_end));
    }
    if keys.len() >= 2
        && toks[first..=last]
            .iter()
            .any(|t| t.kind == Kind::Word && t.one)
    {
        cues.add(id, Cue::Initials, Some(pi), || piece(start, end));
    }
    if keys.len() >= 2 && !c.title && !c.after && !w.is(keys[0], GIVEN) {
        cues.add(id, Cue::UnknownWords, Some(pi), || piece(start, end));
    }
}

fn mark(taken: &mut [bool], a: usize, b: usize) {
    if let Some(t) = taken.get_mut(a..=b) {
        t.fill(true);
    }
}

/// A lone word (key `k`) that is a person on its own evidence: a title before it, or a
/// reporting verb after it when it is no common word, place or sentence opener.
fn single_with_evidence(c: &Cand, k: u32, w: &Lex) -> bool {
    if c.org_named || !w.is(k, MULTI) || w.is(k, RAW_PLACE | ORG | CAL) {
        return false;
    }
    // "Mr. Xi", "President Trump": an honorific or title of office beats the common-word test.
    if c.strong && !c.det {
        return true;
    }
    if c.org_ctx {
        return false;
    }
    if w.is(k, COMMON) {
        // "Trump said": a capitalised common word with a reporting verb, mid-sentence, with no
        // determiner before it and not a plural or a title ("the Government said", "Police
        // said", "Analysts said").
        return c.said && !c.det && w.is(k, SURNAME) && !w.is(k, PLURAL | TITLE | ROLE | PLACE);
    }
    c.title || ((c.said || c.stat) && !w.is(k, PLACE))
}

/// The lines in capitals of a paragraph: token index ranges, and their tokens (in range order).
#[derive(Clone, Copy)]
struct CapsLines<'a> {
    ranges: &'a [(usize, usize)],
    toks: &'a [Token],
}

/// Known names in ALL-CAPS lines ("SHEARER NAMED ENGLAND CAPTAIN").
#[allow(clippy::too_many_arguments)]
fn caps_people(
    pi: usize,
    text: &str,
    caps: CapsLines,
    reg: &Registry,
    alias: &FxMap<Vec<u32>, usize>,
    w: &Lex,
    taken: &mut [bool],
    spans: &mut Vec<DocSpan>,
) {
    let mut key = Vec::new();
    // Only the lines in capitals; a name never runs past the end of its line.
    let mut base = 0;
    for &(line_start, line_end) in caps.ranges {
        let toks = &caps.toks[base..base + (line_end - line_start)];
        base += line_end - line_start;
        let tok = |i: usize| toks.get(i.wrapping_sub(line_start));
        let mut i = line_start;
        while i < line_end {
            let t = &toks[i - line_start];
            if t.kind != Kind::Word || taken[i] {
                i += 1;
                continue;
            }
            // longest known full name starting here
            let mut best = None;
            key.clear();
            key.push(w.tk(text, t));
            // A known name of two words or more starts with the first word of a full name
            // registered (`by_first`) or is a user alias; else only this word can match.
            let longer = !alias.is_empty() || reg.by_first.contains_key(&key[0]);
            let mut j = i;
            loop {
                if let Some(&id) = reg.by_full.get(&key).or_else(|| alias.get(&key)) {
                    best = Some((j, id));
                }
                match tok(j + 1) {
                    Some(n)
                        if longer
                            && n.kind == Kind::Word
                            && n.space_before
                            && n.line == t.line
                            && !taken[j + 1]
                            && j + 1 - i < 4 =>
                    {
                        key.push(w.tk(text, n));
                        j += 1;
                    }
                    _ => break,
                }
            }
            if best.is_none() {
                let k = key[0];
                if reg.full_with_last(k) {
                    best = reg.by_surname(k, (pi, t.start as usize)).map(|id| (i, id));
                }
            }
            if let Some((last, id)) = best {
                mark(taken, i, last);
                spans.push(DocSpan {
                    para: pi as u32,
                    start: t.start,
                    end: toks[last - line_start].end,
                    who: id as u32,
                    kind: EntityKind::Person,
                });
                i = last + 1;
            } else {
                i += 1;
            }
        }
    }
}

/// Buffers reused from one paragraph to the next.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    caps: Vec<bool>,
    blocked: Vec<bool>,
    judge: (Vec<usize>, Vec<u32>),
    labels: Vec<(Label, f32)>,
    line_labels: Vec<(Label, f32)>,
}

/// What scanning keeps of an article's paragraphs for the second pass: candidates, place
/// matches and the tokens of lines in capitals, in article-wide arenas (a few allocations per
/// article, none per paragraph), with where each paragraph's part ends.
#[derive(Default)]
struct Kept {
    found: people::Found,
    places: Vec<PlaceMatch>,
    caps_ranges: Vec<(usize, usize)>,
    caps_toks: Vec<Token>,
    ends: Vec<Ends>,
}

impl Kept {
    /// Arenas sized for a typical news text of this length (about one candidate and one place
    /// match per 40 bytes), so that they rarely regrow (a regrowth copies everything so far).
    fn with_room(paras: &[&str]) -> Self {
        let bytes: usize = paras.iter().map(|p| p.len()).sum();
        let mut found = people::Found::default();
        found.cands.reserve(bytes / 40);
        found.keys.reserve(bytes / 32);
        Kept {
            found,
            places: Vec::with_capacity(bytes / 40),
            ends: Vec::with_capacity(paras.len()),
            ..Kept::default()
        }
    }
}

/// Where a paragraph's part of each arena of [`Kept`] ends, and its number of tokens.
#[derive(Clone, Copy, Default)]
struct Ends {
    cands: usize,
    places: usize,
    caps: usize,
    caps_toks: usize,
    ntoks: usize,
}

/// Tokenize one paragraph and keep its candidates, place matches and lines in capitals.
fn scan(text: &str, w: &Lex, doc: &gazetteer::Doc, buf: &mut Scratch, kept: &mut Kept) {
    let bufs = (std::mem::take(&mut buf.toks), std::mem::take(&mut buf.caps));
    let tokens::Tokens {
        toks,
        caps,
        caps_ranges,
    } = tokens::tokenize_with(text, |word| w.key_id(word), bufs);
    let places_from = kept.places.len();
    gazetteer::find(text, &toks, &caps, w, doc, &mut kept.places);
    let blocked = &mut buf.blocked;
    blocked.clear();
    blocked.resize(toks.len(), false);
    for m in &kept.places[places_from..] {
        for b in &mut blocked[m.first..=m.last] {
            *b = true;
        }
    }
    people::candidates(
        text,
        &toks,
        &caps,
        blocked,
        w,
        &mut buf.judge,
        &mut kept.found,
    );

    for &(a, b) in &caps_ranges {
        kept.caps_toks.extend_from_slice(&toks[a..b]);
    }
    kept.caps_ranges.extend_from_slice(&caps_ranges);
    kept.ends.push(Ends {
        cands: kept.found.cands.len(),
        places: kept.places.len(),
        caps: kept.caps_ranges.len(),
        caps_toks: kept.caps_toks.len(),
        ntoks: toks.len(),
    });
    buf.toks = toks;
    buf.caps = caps;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paras: &[&str]) -> Vec<(usize, String, Option<String>)> {
        let (doc, _) = analyze(
            paras,
            &Words::default(),
            &UserNames::default(),
            Memo::default(),
        );
        doc.spans
            .iter()
            .filter(|s| s.kind == EntityKind::Person)
            .map(|s| {
                let name = doc.people.get(s.who as usize).cloned();
                let p = s.para as usize;
                (
                    p,
                    paras[p][s.start as usize..s.end as usize].to_string(),
                    name,
                )
            })
            .collect()
    }

    fn names(paras: &[&str]) -> Vec<(String, String)> {
        run(paras)
            .into_iter()
            .map(|(_, t, n)| (t, n.unwrap_or_default()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn chains_keep_the_order_entries_were_added_in() {
        let mut next = vec![NONE; 6];
        let (mut a, mut b) = (Chain::EMPTY, Chain::EMPTY);
        assert_eq!(a.iter(&next).count(), 0);
        for (i, to_a) in [(0, true), (1, false), (2, true), (3, true), (5, false)] {
            let c = if to_a { &mut a } else { &mut b };
            c.push(i, &mut next);
        }
        assert_eq!(a.iter(&next).collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(b.iter(&next).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn three_people_with_one_surname_stay_apart() {
        let got = names(&[
            "Brandt spoke first. Anna Brandt arrived, then Karl Brandt and Ines Brandt.",
            "Brandt left. Karl Brandt returned and Brandt sat down.",
        ]);
        assert_eq!(
            got,
            [
                pair("Brandt", "Anna Brandt"),
                pair("Anna Brandt", "Anna Brandt"),
                pair("Karl Brandt", "Karl Brandt"),
                pair("Ines Brandt", "Ines Brandt"),
                pair("Brandt", "Ines Brandt"),
                pair("Karl Brandt", "Karl Brandt"),
                pair("Brandt", "Karl Brandt"),
            ]
        );
    }

    #[test]
    fn surnames_resolve_to_the_latest_full_name_before_them() {
        let got = names(&[
            "Anna Brandt arrived. Later Karl Brandt said no.",
            "Brandt left. Then Anna Brandt spoke and Brandt sat down.",
        ]);
        assert_eq!(
            got,
            [
                pair("Anna Brandt", "Anna Brandt"),
                pair("Karl Brandt", "Karl Brandt"),
                pair("Brandt", "Karl Brandt"),
                pair("Anna Brandt", "Anna Brandt"),
                pair("Brandt", "Anna Brandt"),
            ]
        );
    }

    #[test]
    fn a_surname_before_the_full_name_resolves_too() {
        let got = names(&[
            "Putin’s plan was read out.",
            "Russian President Vladimir Putin spoke.",
        ]);
        assert_eq!(
            got,
            [
                pair("Putin", "Vladimir Putin"),
                pair("Vladimir Putin", "Vladimir Putin")
            ]
        );
    }

    #[test]
    fn longer_forms_of_one_name_merge() {
        let got = names(&["Donald Trump spoke. Later Donald J. Trump signed."]);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, n)| n == "Donald J. Trump"), "{got:?}");
    }

    #[test]
    fn a_known_surname_that_is_a_country_is_the_person() {
        let got = names(&["Michael Jordan scored 30 and Jordan then rested."]);
        assert_eq!(
            got,
            [
                pair("Michael Jordan", "Michael Jordan"),
                pair("Jordan", "Michael Jordan")
            ]
        );
    }

    #[test]
    fn headline_capitals_resolve_to_known_names() {
        let got = names(&["SHEARER NAMED CAPTAIN\nAlan Shearer was named captain on Friday."]);
        assert_eq!(
            got,
            [
                pair("SHEARER", "Alan Shearer"),
                pair("Alan Shearer", "Alan Shearer")
            ]
        );
    }

    #[test]
    fn headline_capitals_take_the_longest_known_name() {
        let got = names(&[
            "ALAN SHEARER AND ANNA BRANDT NAMED\nAlan Shearer met Anna Brandt and Karl Brandt.",
        ]);
        assert_eq!(
            got,
            [
                pair("ALAN SHEARER", "Alan Shearer"),
                pair("ANNA BRANDT", "Anna Brandt"),
                pair("Alan Shearer", "Alan Shearer"),
                pair("Anna Brandt", "Anna Brandt"),
                pair("Karl Brandt", "Karl Brandt"),
            ]
        );
    }

    #[test]
    fn a_lone_given_name_refers_to_the_one_person_with_it() {
        let got = names(&["Randall Cunningham retired. \"Randall was great,\" the coach said."]);
        assert_eq!(
            got,
            [
                pair("Randall Cunningham", "Randall Cunningham"),
                pair("Randall", "Randall Cunningham")
            ]
        );
    }

    #[test]
    fn single_words_need_strong_evidence() {
        // "said it" is a company; a sentence opener with "said" is not enough either.
        assert!(names(&["Profits rose, Comelf said it expected more."]).is_empty());
        assert_eq!(
            names(&["Profits rose, Okonkwo said."]),
            [pair("Okonkwo", "Okonkwo")]
        );
    }

    #[test]
    fn a_word_the_article_calls_an_organisation_is_no_person() {
        // the organisation noun may come before or after the word's "said"
        for paras in [
            [
                "The state news agency Velnor reported the vote.",
                "Turnout was high, Velnor said.",
            ],
            [
                "Turnout was high, Velnor said.",
                "The state news agency Velnor reported the vote.",
            ],
        ] {
            assert!(names(&paras).is_empty(), "{paras:?}");
        }
        assert_eq!(
            names(&["Turnout was high, Velnor said."]),
            [pair("Velnor", "Velnor")]
        );
    }
}
