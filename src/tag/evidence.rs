//! Why the tagger calls a name a person: the cues it found ("President Trump", "Trump said",
//! a known given name, config), kept per person so that `lede actors --json` and
//! `lede actors --why NAME` can show a user what to correct in config when they disagree.

use super::{Actor, ActorKind, Tagged};
use serde::Serialize;

/// One kind of evidence that made a name a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A title, honorific or role right before ("President Trump", "Mr. Xi", "envoy X").
    Title,
    /// A known given name first ("Donald Trump").
    GivenName,
    /// A reporting verb right after, or "said" right before ("Trump said", "said Trump").
    ReportingVerb,
    /// A player's statistic after ("Okafor 25 points").
    Statistic,
    /// An apposition or other person context after ("X, 34,", "X, who ...", "X met").
    Context,
    /// Initials in the name ("A. Dale", "George W. Bush").
    Initials,
    /// Words that are no common English words, places or organisations ("Zamazenta Editino").
    UnknownWords,
    /// Listed in the user's config (`[people] add` or an alias).
    Config,
}

impl Cue {
    /// How a person reads the cue, for `lede actors --why`.
    pub fn describe(self) -> &'static str {
        match self {
            Cue::Title => "a title or role right before it",
            Cue::GivenName => "a known given name first",
            Cue::ReportingVerb => "a reporting verb beside it",
            Cue::Statistic => "a player's statistic after it",
            Cue::Context => "an apposition or person context after it",
            Cue::Initials => "initials in the name",
            Cue::UnknownWords => "words that are no common English words, places or organisations",
            Cue::Config => "listed in your config ([people] add or aliases)",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// One cue for one person: where it was seen and the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub cue: Cue,
    /// Paragraph of the article (reading order); `None` for config.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The words that show the cue ("President Trump", "Trump said"); the name for config.
    pub text: String,
}

/// The first cue of each kind per person, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Per person: the cue kinds already recorded.
    seen: Vec<u16>,
    /// (person, evidence) in the order found.
    pub found: Vec<(usize, Evidence)>,
}

impl Cues {
    /// Whether `person` has a cue of kind `cue`.
    pub fn has(&self, person: usize, cue: Cue) -> bool {
        self.seen.get(person).is_some_and(|&s| s & cue.bit() != 0)
    }

    /// Record `cue` for `person` unless the person has one of that kind already; `text` is
    /// asked only when it is recorded.
    pub fn add(
        &mut self,
        person: usize,
        cue: Cue,
        paragraph: Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        if self.seen.len() <= person {
            self.seen.resize(person + 1, 0);
        }
        if self.seen[person] & cue.bit() != 0 {
            return;
        }
        self.seen[person] |= cue.bit();
        self.found.push((
            person,
            Evidence {
                cue,
                paragraph,
                text: text(),
            },
        ));
    }
}

impl Cues {
    /// Move each person's cues to `to(person)` (people merged after their cues were found),
    /// keeping the first of each kind.
    pub fn remap(&mut self, to: impl Fn(usize) -> usize) {
        let found = std::mem::take(&mut self.found);
        self.seen.clear();
        for (p, e) in found {
            let (cue, paragraph, text) = (e.cue, e.paragraph, e.text);
            self.add(to(p), cue, paragraph, || text);
        }
    }
}

/// Lower case with curly apostrophes straight and a possessive cut: how `--why` compares a
/// name the user typed with an actor's name and aliases.
fn fold_name(s: &str) -> String {
    let s = s.trim().replace('\u{2019}', "'").to_lowercase();
    let s = s.strip_suffix("'s").unwrap_or(&s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The actor the user means by `name`: the one whose name or an alias equals it (case and
/// curly apostrophes aside), else the only one whose name ends with it as a word.
pub fn find<'a>(t: &'a Tagged, name: &str) -> Option<&'a Actor> {
    let want = fold_name(name);
    if want.is_empty() {
        return None;
    }
    let exact = t
        .actors
        .iter()
        .find(|a| fold_name(&a.name) == want || a.aliases.iter().any(|x| fold_name(x) == want));
    exact.or_else(|| {
        let suffix = format!(" {want}");
        let mut ends = t
            .actors
            .iter()
            .filter(|a| fold_name(&a.name).ends_with(&suffix));
        match (ends.next(), ends.next()) {
            (Some(a), None) => Some(a),
            _ => None,
        }
    })
}

/// A readable account of why `a` is an actor: its kind, mentions and aliases, and each cue
/// with the words and paragraph that show it.
pub fn explain(a: &Actor) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let kind = match a.kind {
        ActorKind::Person => "person",
        ActorKind::Country => "country",
    };
    let _ = write!(s, "{}: {kind}", a.name);
    if let Some(code) = &a.code {
        let _ = write!(s, " ({code})");
    }
    let _ = writeln!(
        s,
        ", {} mention{}",
        a.mentions.len(),
        if a.mentions.len() == 1 { "" } else { "s" }
    );
    if a.aliases.len() > 1 || a.aliases.first().is_some_and(|x| *x != a.name) {
        let _ = writeln!(s, "  written as: {}", a.aliases.join(", "));
    }
    match a.kind {
        ActorKind::Country => {
            let _ = writeln!(
                s,
                "  a country name, demonym or capital in lede's country table"
            );
        }
        ActorKind::Person if a.evidence.is_empty() => {
            let _ = writeln!(s, "  no evidence recorded");
        }
        ActorKind::Person => {
            for e in &a.evidence {
                let _ = write!(s, "  {}: \"{}\"", e.cue.describe(), e.text);
                if let Some(p) = e.paragraph {
                    let _ = write!(s, " (paragraph {})", p + 1);
                }
                s.push('\n');
            }
            let _ = writeln!(
                s,
                "  not a person? add it to [people] not_names in config.toml"
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cue_of_each_kind_per_person() {
        let mut c = Cues::default();
        c.add(1, Cue::Title, Some(0), || "President Trump".into());
        c.add(1, Cue::Title, Some(3), || {
            unreachable!("a second title is not recorded")
        });
        c.add(1, Cue::ReportingVerb, Some(2), || "Trump said".into());
        c.add(0, Cue::Title, Some(4), || "Mr. Xi".into());
        let got: Vec<(usize, Cue, &str)> = c
            .found
            .iter()
            .map(|(p, e)| (*p, e.cue, e.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, Cue::Title, "President Trump"),
                (1, Cue::ReportingVerb, "Trump said"),
                (0, Cue::Title, "Mr. Xi"),
            ]
        );
    }
}
