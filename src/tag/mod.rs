//! The entity tagger: people and countries in text, resolved to actors.

use crate::article::Article;
use serde::Serialize;

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
    pub text: String,
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

/// The tagger: lexicons plus user additions.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    user: UserLexicon,
}

impl Tagger {
    pub fn new(user: UserLexicon) -> Self {
        Tagger { user }
    }

    /// Tag raw text (no article structure). Spans are sorted and do not overlap.
    pub fn tag_text(&self, _text: &str) -> Vec<Span> {
        let _ = &self.user;
        Vec::new()
    }

    /// Tag every paragraph of an article and resolve mentions to actors.
    pub fn tag_article(&self, _article: &Article) -> Tagged {
        Tagged::default()
    }
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
