//! The entity tagger: people and countries in text, resolved to actors.
//!
//! Data flow: [`tokens`] → [`gazetteer`] (countries, demonyms, metonyms) → [`people`] (name
//! candidates weighed by evidence) → [`resolve`] (full names, surnames, headlines) → spans and
//! [`Actor`]s. Lexicons are compiled into static tables by build.rs ([`lexicon`]).

mod evidence;
mod gazetteer;
mod learned;
mod lexicon;
mod model;
mod people;
mod resolve;
mod tokens;
mod words;

use crate::article::Article;
pub use evidence::{explain, find as find_actor, Cue, Evidence};
use serde::Serialize;
use std::sync::{Arc, Mutex};

/// What kind of thing a tagged span names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    /// A capital or seat of government standing for its country ("Kremlin", "Kyiv").
    Metonym,
}

/// A tagged span of raw text (byte offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// ISO 3166-1 alpha-2 code for countries and metonyms; `None` for people.
    pub code: Option<&'static str>,
}

/// Kind of a resolved actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
}

/// One mention of an actor: paragraph index (reading order) and byte range in that paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// The mention's text, shared by an article's mentions with the same text (one allocation
    /// per distinct form, not per mention); serialised as a plain string.
    pub text: Arc<str>,
}

/// A person or country resolved from its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Fullest form seen for a person; common English short name for a country.
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 code for countries.
    pub code: Option<String>,
    /// Distinct surface forms seen in the article.
    pub aliases: Vec<String>,
    /// In reading order.
    pub mentions: Vec<Mention>,
    /// For people: why the tagger calls the name a person (the first cue of each kind).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A metonym mention ("Kremlin" for Russia): shown in the reader, never an actor mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetonymMention {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub code: String,
}

/// The tagger's output for an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tagged {
    /// People first (by first mention), then countries (by first mention).
    pub actors: Vec<Actor>,
    pub metonyms: Vec<MetonymMention>,
}

/// User additions to the tagger's lexicons (from `config.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserLexicon {
    /// Extra people, as full names ("Volodymyr Zelenskyy").
    pub people: Vec<String>,
    /// (alias, canonical) pairs: "Zelensky" = "Volodymyr Zelenskyy".
    pub aliases: Vec<(String, String)>,
    /// Words that are never (part of) a person's name.
    pub not_names: Vec<String>,
}

/// The tagger: lexicons plus user additions. Cheap to build: the lexicons are static tables.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    words: words::Words,
    user: resolve::UserNames,
    /// Word-test answers kept between calls (taken out while a call runs).
    memo: Arc<Mutex<words::Memo>>,
}

impl Tagger {
    pub fn new(user: UserLexicon) -> Self {
        let key_of = |s: &str| -> String {
            s.split_whitespace()
                .map(lexicon::key)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let words = words::Words {
            not_names: user
                .not_names
                .iter()
                .map(|w| lexicon::key(w.trim()))
                .collect(),
            user_names: user
                .people
                .iter()
                .chain(user.aliases.iter().map(|(_, c)| c))
                .map(|n| key_of(n))
                .filter(|k| k.contains(' '))
                .collect(),
        };

        let user = resolve::UserNames {
            people: user.people.clone(),
            aliases: user
                .aliases
                .iter()
                .map(|(a, c)| (key_of(a), c.clone()))
                .collect(),
        };
        Tagger {
            words,
            user,
            memo: Arc::default(),
        }
    }

    fn analyze(&self, paras: &[&str]) -> resolve::Doc {
        let memo = match self.memo.lock() {
            Ok(mut m) => std::mem::take(&mut *m),
            Err(_) => words::Memo::default(),
        };
        let (doc, memo) = resolve::analyze(paras, &self.words, &self.user, memo);
        if let Ok(mut m) = self.memo.lock() {
            *m = memo;
        }
        doc
    }

    /// Tag raw text (no article structure). Spans are sorted and do not overlap.
    pub fn tag_text(&self, text: &str) -> Vec<Span> {
        let doc = self.analyze(&[text]);
        doc.spans
            .into_iter()
            .map(|s| Span {
                start: s.start as usize,
                end: s.end as usize,
                kind: s.kind,
                code: match s.kind {
                    EntityKind::Person => None,
                    _ => Some(lexicon::country(s.who as usize).0),
                },
            })
            .collect()
    }

    /// Tag every paragraph of an article and resolve mentions to actors.
    pub fn tag_article(&self, article: &Article) -> Tagged {
        let paras: Vec<&str> = article.paragraphs().map(|p| p.text.as_str()).collect();
        let doc = self.analyze(&paras);
        let mut tagged = build_actors(&paras, doc);
        if let Some(byline) = article.byline.as_deref() {
            drop_authors(&mut tagged, byline, paras.len());
        }
        tagged
    }
}

/// The article's authors are not its actors: a person every word of whose name is in the
/// byline ("By Jane Doe and John Roe"), named in the body only by the author's bio or sign-off
/// (a paragraph that starts with the name, "Jane Doe covers markets …", or one of the last
/// [`SIGN_OFF_PARAGRAPHS`] paragraphs, "Write to John Roe at …"), leaves the list. An author
/// the article talks about ("the first half of Jane Doe's story") stays.
fn drop_authors(tagged: &mut Tagged, byline: &str, paragraphs: usize) {
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let byline_words = words_of(byline);
    if byline_words.is_empty() {
        return;
    }
    let sign_off_from = paragraphs.saturating_sub(SIGN_OFF_PARAGRAPHS);
    tagged.actors.retain(|a| {
        let author = a.kind == ActorKind::Person
            && words_of(&a.name).iter().all(|w| byline_words.contains(w));
        let only_signed = || {
            a.mentions
                .iter()
                .all(|m| m.start == 0 || m.paragraph >= sign_off_from)
        };
        !(author && only_signed())
    });
}

/// How many paragraphs at the end of an article may hold its author's sign-off.
const SIGN_OFF_PARAGRAPHS: usize = 2;

/// Group resolved spans into actors (people first, then countries, each by first mention).
fn build_actors(paras: &[&str], doc: resolve::Doc) -> Tagged {
    let resolve::Doc {
        spans,
        people: mut names,
        cues,
    } = doc;
    // Mentions per person and per country first, so that each actor's list is allocated once.
    let ncountries = lexicon::country_count();
    let mut counts = vec![0u32; names.len() + ncountries];
    let mut nmetonyms = 0;
    for s in &spans {
        let slot = match s.kind {
            EntityKind::Person => s.who as usize,
            EntityKind::Country => names.len() + s.who as usize,
            EntityKind::Metonym => {
                nmetonyms += 1;
                continue;
            }
        };
        if let Some(n) = counts.get_mut(slot) {
            *n += 1;
        }
    }
    // as many actors as people and countries mentioned (no regrowth)
    let mentioned = |c: &[u32]| c.iter().filter(|&&n| n > 0).count();
    let (person_counts, country_counts) = counts.split_at(names.len());
    let mut people: Vec<Actor> =
        Vec::with_capacity(mentioned(person_counts) + mentioned(country_counts));
    let mut countries: Vec<Actor> = Vec::with_capacity(mentioned(country_counts));
    // person / country index -> position in `people` / `countries`
    let mut person_ix: Vec<Option<usize>> = vec![None; names.len()];
    let mut country_ix: Vec<Option<usize>> = Vec::new();
    let mut metonyms = Vec::with_capacity(nmetonyms);
    for s in spans {
        let (para, start, end) = (s.para as usize, s.start as usize, s.end as usize);
        let text = paras
            .get(para)
            .and_then(|p| p.get(start..end))
            .unwrap_or("");
        let actor = match s.kind {
            EntityKind::Person => {
                let p = s.who as usize;
                if person_ix.len() <= p {
                    person_ix.resize(p + 1, None);
                }
                let i = *person_ix[p].get_or_insert_with(|| {
                    people.push(Actor {
                        name: names.get_mut(p).map(std::mem::take).unwrap_or_default(),
                        kind: ActorKind::Person,
                        code: None,
                        aliases: Vec::new(),
                        mentions: Vec::with_capacity(counts.get(p).map_or(0, |&n| n as usize)),
                        evidence: Vec::new(),
                    });
                    people.len() - 1
                });
                &mut people[i]
            }
            EntityKind::Country => {
                let c = s.who as usize;
                if country_ix.len() <= c {
                    country_ix.resize(c + 1, None);
                }
                let i = *country_ix[c].get_or_insert_with(|| {
                    let (code, name) = lexicon::country(c);
                    let n = counts.get(names.len() + c).map_or(0, |&n| n as usize);
                    countries.push(Actor {
                        name: name.to_string(),
                        kind: ActorKind::Country,
                        code: Some(code.to_string()),
                        aliases: Vec::new(),
                        mentions: Vec::with_capacity(n),
                        evidence: Vec::new(),
                    });
                    countries.len() - 1
                });
                &mut countries[i]
            }
            EntityKind::Metonym => {
                metonyms.push(MetonymMention {
                    paragraph: para,
                    start,
                    end,
                    code: lexicon::country(s.who as usize).0.to_string(),
                });
                continue;
            }
        };
        // The text shared with one of the actor's last mentions when it is the same (an actor's
        // mentions mostly repeat a form or two); its alias is known then.
        let shared = actor
            .mentions
            .iter()
            .rev()
            .take(4)
            .find(|m| *m.text == *text)
            .map(|m| Arc::clone(&m.text));
        let text = match shared {
            Some(t) => t,
            None => {
                // the alias is the text with curly apostrophes straight
                if has_curly(text) {
                    if !actor.aliases.iter().any(|a| same_curly_alias(a, text)) {
                        actor.aliases.push(text.replace('\u{2019}', "'"));
                    }
                } else if !actor.aliases.iter().any(|a| a == text) {
                    actor.aliases.push(text.to_string());
                }
                text.into()
            }
        };
        actor.mentions.push(Mention {
            paragraph: para,
            start,
            end,
            text,
        });
    }
    for (p, e) in cues.found {
        if let Some(&Some(i)) = person_ix.get(p) {
            people[i].evidence.push(e);
        }
    }
    people.extend(countries);
    Tagged {
        actors: people,
        metonyms,
    }
}

/// Whether `text` has a curly apostrophe (U+2019, E2 80 99 in UTF-8: a byte scan first, not
/// a substring search).
fn has_curly(text: &str) -> bool {
    text.as_bytes().contains(&0xE2) && text.contains('\u{2019}')
}

/// Whether `alias` is `text` with its curly apostrophes made straight.
#[cfg(test)]
fn same_alias(alias: &str, text: &str) -> bool {
    if !has_curly(text) {
        return alias == text;
    }
    same_curly_alias(alias, text)
}

/// [`same_alias`] for a `text` with curly apostrophes.
fn same_curly_alias(alias: &str, text: &str) -> bool {
    let mut a = alias.chars();
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if a.next() != Some(c) {
            return false;
        }
    }
    a.next().is_none()
}

/// Distinct paragraph indexes (1-based, as a person counts) of an actor's mentions.
fn paragraphs_of(a: &Actor) -> Vec<usize> {
    let mut v: Vec<usize> = a.mentions.iter().map(|m| m.paragraph + 1).collect();
    v.dedup();
    v
}

/// A readable table: name, kind, code, mentions, first paragraph seen.
pub fn actors_table(t: &Tagged) -> String {
    use std::fmt::Write;
    let w = t
        .actors
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut s = format!(
        "{:<w$}  {:<7}  {:<4}  {:>8}  {:>5}\n",
        "NAME", "KIND", "CODE", "MENTIONS", "FIRST"
    );
    for a in &t.actors {
        let kind = match a.kind {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
        };
        let first = a
            .mentions
            .first()
            .map(|m| (m.paragraph + 1).to_string())
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{:<w$}  {:<7}  {:<4}  {:>8}  {:>5}",
            a.name,
            kind,
            a.code.as_deref().unwrap_or("-"),
            a.mentions.len(),
            first
        );
    }
    s
}

/// CSV for spreadsheets: name, kind, code, mentions, paragraphs (1-based, space separated).
pub fn actors_csv(t: &Tagged) -> String {
    fn field(s: &str) -> String {
        // Quote always; a leading = + - @ would be read as a formula by spreadsheets.
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    }
    let mut s = String::from("name,kind,code,mentions,paragraphs\n");
    for a in &t.actors {
        let kind = match a.kind {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
        };
        let paras: Vec<String> = paragraphs_of(a).iter().map(|p| p.to_string()).collect();
        s.push_str(&format!(
            "{},{},{},{},{}\n",
            field(&a.name),
            kind,
            a.code.as_deref().unwrap_or(""),
            a.mentions.len(),
            field(&paras.join(" "))
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagger_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>(_: &T) {}
        let t = Tagger::new(UserLexicon::default());
        shared(&t);
        // tagging on another thread gives what tagging here gives
        let text = "Russian President Vladimir Putin met U.S. envoy Steve Witkoff.";
        let here = t.tag_text(text);
        let there = std::thread::scope(|s| s.spawn(|| t.tag_text(text)).join());
        assert_eq!(there.ok(), Some(here));
    }

    #[test]
    fn aliases_compare_with_curly_apostrophes_made_straight() {
        assert!(has_curly("Putin’s"));
        assert!(!has_curly("Putin's – “Putin”"));
        assert!(same_alias("Putin's", "Putin’s"));
        assert!(same_alias("Putin's", "Putin's"));
        assert!(same_alias("O'Brien", "O’Brien"));
        assert!(!same_alias("Putin", "Putin’s"));
        assert!(!same_alias("Putin's x", "Putin’s"));
        assert!(!same_alias("Putin’s", "Putin’s"));
    }

    #[test]
    fn one_actor_per_person_with_each_alias_once() {
        let t = Tagger::new(UserLexicon::default());
        let a = Article {
            title: String::new(),
            sections: vec![crate::article::Section {
                heading: None,
                paragraphs: [
                    "Russian President Vladimir Putin spoke in Moscow.",
                    "Putin’s aide said Putin's plan and Putin’s offer stood.",
                ]
                .into_iter()
                .map(crate::article::Paragraph::new)
                .collect(),
            }],
            ..Article::default()
        };
        let tagged = t.tag_article(&a);
        let putin: Vec<&Actor> = tagged
            .actors
            .iter()
            .filter(|x| x.name == "Vladimir Putin")
            .collect();
        assert_eq!(putin.len(), 1);
        assert_eq!(putin[0].aliases, ["Vladimir Putin", "Putin"]);
        assert_eq!(putin[0].mentions.len(), 4);
        assert_eq!(&*putin[0].mentions[1].text, "Putin");
        // repeated forms share their text; the JSON has it as a plain string
        let m = &putin[0].mentions;
        assert!(Arc::ptr_eq(&m[1].text, &m[3].text));
        assert!(!Arc::ptr_eq(&m[0].text, &m[1].text));
        let json = serde_json::to_string(&m[1]).unwrap_or_default();
        assert_eq!(json, r#"{"paragraph":1,"start":0,"end":5,"text":"Putin"}"#);
        // the same tagger answers the same way twice (its memo is only a cache)
        assert_eq!(t.tag_article(&a), tagged);
    }

    /// ISO codes of the countries tagged in `text`.
    fn country_codes(text: &str) -> Vec<&'static str> {
        let t = Tagger::new(UserLexicon::default());
        t.tag_text(text)
            .into_iter()
            .filter(|s| s.kind == EntityKind::Country)
            .filter_map(|s| s.code)
            .collect()
    }

    #[test]
    fn georgia_beside_us_state_context_is_no_country() {
        assert!(country_codes("Mr. Biden was in Georgia and Atlanta.").is_empty());
        assert!(country_codes("Voters in Georgia lined up, officials in Ga. said.").is_empty());
        assert_eq!(
            country_codes(
                "Georgia and Russia fought a war in 2008, a Georgian official in Tbilisi said."
            ),
            ["GE", "RU", "GE"]
        );
    }

    #[test]
    fn jordan_the_person_is_no_country() {
        assert!(
            country_codes("Michael Jordan scored 40 points. Jordan said he was tired.").is_empty()
        );
        assert_eq!(
            country_codes("King Abdullah of Jordan met officials."),
            ["JO"]
        );
    }
}
