//! Tagger integration tests on articles we wrote (tests/fixtures/tag-*.txt): actors, merging,
//! offsets, and property tests that tagging never panics and keeps offsets on char boundaries.

use lede::article::Article;
use lede::tag::{ActorKind, EntityKind, Span, Tagged, Tagger, UserLexicon};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn article(text: &str) -> Article {
    crate::common::article_of_blocks(text)
}

fn tag(text: &str) -> Tagged {
    Tagger::new(UserLexicon::default()).tag_article(&article(text))
}

fn people(t: &Tagged) -> Vec<&str> {
    t.actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect()
}

fn country_codes(t: &Tagged) -> Vec<&str> {
    t.actors.iter().filter_map(|a| a.code.as_deref()).collect()
}

fn spans_text<'a>(text: &'a str, spans: &[Span], kind: EntityKind) -> Vec<&'a str> {
    spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| &text[s.start..s.end])
        .collect()
}

/// Every mention's offsets point at its text inside its paragraph.
fn assert_offsets(a: &Article, t: &Tagged) {
    let paras: Vec<&str> = a.paragraphs().map(|p| p.text.as_str()).collect();
    for actor in &t.actors {
        for m in &actor.mentions {
            assert_eq!(paras[m.paragraph].get(m.start..m.end), Some(&*m.text));
        }
    }
}

#[test]
fn same_surname_with_different_first_names_stays_apart() {
    let text = fixture("tag-surnames.txt");
    let t = tag(&text);
    assert_offsets(&article(&text), &t);
    let p = people(&t);
    assert!(p.contains(&"Anna Kowalski"), "{p:?}");
    assert!(p.contains(&"Tomasz Kowalski"), "{p:?}");
    assert_eq!(p.len(), 2, "{p:?}");
    // The lone "Kowalski" right after Tomasz Kowalski's mention is his.
    let tomasz = t.actors.iter().find(|a| a.name == "Tomasz Kowalski");
    let tomasz = tomasz.map(|a| a.mentions.len());
    assert_eq!(tomasz, Some(2));
    let anna = t
        .actors
        .iter()
        .find(|a| a.name == "Anna Kowalski")
        .map(|a| a.mentions.len());
    assert_eq!(anna, Some(2));
    // People first, then countries; "Poland"/"Polish" are one country; Warsaw is no actor.
    assert_eq!(t.actors[0].kind, ActorKind::Person);
    assert_eq!(country_codes(&t), ["PL"]);
    let pl = &t.actors[2];
    assert_eq!(pl.name, "Poland");
    assert_eq!(pl.mentions.len(), 2);
    assert!(
        t.metonyms.iter().any(|m| m.code == "PL"),
        "Warsaw is a metonym"
    );
}

#[test]
fn people_named_like_places_are_people_and_places_stay_places() {
    let text = fixture("tag-place-names.txt");
    let t = tag(&text);
    assert_offsets(&article(&text), &t);
    let p = people(&t);
    assert_eq!(p, ["Georgia Smith", "Jordan Peterson"]);
    let smith = t.actors.iter().find(|a| a.name == "Georgia Smith");
    assert_eq!(
        smith.map(|a| a.mentions.len()),
        Some(2),
        "later 'Smith' resolves"
    );
    assert_eq!(country_codes(&t), ["GE", "JO"]);
    let ge = t.actors.iter().find(|a| a.code.as_deref() == Some("GE"));
    assert_eq!(ge.map(|a| a.mentions.len()), Some(2));
}

#[test]
fn all_caps_headline_hyphenated_compounds_diacritics_and_possessives() {
    let text = fixture("tag-headline.txt");
    let spans = Tagger::default().tag_text(&text);
    let countries = spans_text(&text, &spans, EntityKind::Country);
    assert_eq!(
        countries,
        [
            "ROMANIA",
            "LITHUANIA",
            "Romania",
            "Lithuania",
            "U.S.",
            "Russia",
            "Irish"
        ]
    );
    let people = spans_text(&text, &spans, EntityKind::Person);
    assert_eq!(
        people,
        [
            "VARGAS",
            "Elena Vargas",
            "Micheál Martin",
            "Martin",
            "Vargas"
        ]
    );
    // Possessives: the name without "’s" / "'s".
    assert!(!people.iter().any(|p| p.contains('\'') || p.contains('’')));
    let codes: Vec<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityKind::Country)
        .filter_map(|s| s.code)
        .collect();
    assert_eq!(codes, ["RO", "LT", "RO", "LT", "US", "RU", "IE"]);
    // Geneva is a city, not a person and not a country.
    assert!(!spans.iter().any(|s| &text[s.start..s.end] == "Geneva"));
}

#[test]
fn title_case_headings_make_no_people() {
    let text = fixture("tag-heading.txt");
    let spans = Tagger::default().tag_text(&text);
    let people = spans_text(&text, &spans, EntityKind::Person);
    assert_eq!(people, ["Gudrun Olafsdottir"]);
    let countries = spans_text(&text, &spans, EntityKind::Country);
    assert_eq!(countries, ["Norway", "Iceland", "Iceland", "Norwegian"]);
}

#[test]
fn sports_results_table() {
    let text = fixture("tag-sports.txt");
    let spans = Tagger::default().tag_text(&text);
    let people = spans_text(&text, &spans, EntityKind::Person);
    assert_eq!(
        people,
        [
            "KOWALCZYK",
            "Marta Kowalczyk",
            "Aisha Bello",
            "Camille Dufresne",
            "Kowalczyk"
        ]
    );
    let countries = spans_text(&text, &spans, EntityKind::Country);
    assert_eq!(countries, ["Poland", "Nigeria", "France"]);
}

#[test]
fn user_lexicon_adds_aliases_and_never_a_name_words() {
    let text = "Talks with Zelensky went on. Output rose, Energoatom said.";
    let user = UserLexicon {
        people: vec![],
        aliases: vec![("Zelensky".into(), "Volodymyr Zelenskyy".into())],
        not_names: vec!["Energoatom".into()],
    };
    let t = Tagger::new(user).tag_article(&article(text));
    assert_eq!(people(&t), ["Volodymyr Zelenskyy"]);
    assert_eq!(&*t.actors[0].mentions[0].text, "Zelensky");
    // Without the user's words: no alias, and "X said" makes the company a person.
    let plain = Tagger::default().tag_article(&article(text));
    assert_eq!(people(&plain), ["Energoatom"]);
}

#[test]
fn user_people_are_found_without_other_evidence() {
    let text = "Talks stalled. Lark Meadow arrived late and Meadow left early.";
    assert!(people(&tag(text)).is_empty());
    let user = UserLexicon {
        people: vec!["Lark Meadow".into()],
        ..UserLexicon::default()
    };
    let t = Tagger::new(user).tag_article(&article(text));
    assert_eq!(people(&t), ["Lark Meadow"]);
    let m: Vec<&str> = t.actors[0].mentions.iter().map(|m| &*m.text).collect();
    assert_eq!(m, ["Lark Meadow", "Meadow"]);
}

#[test]
fn metonyms_are_kept_apart_from_actors() {
    let text = "The Kremlin said Moscow would reply. The White House declined to comment.";
    let t = tag(text);
    assert!(t.actors.is_empty(), "{:?}", t.actors);
    let codes: Vec<&str> = t.metonyms.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["RU", "RU", "US"]);
}

#[test]
fn spans_are_sorted_and_disjoint_on_a_fixture_mix() {
    let mut all = String::new();
    for f in [
        "tag-surnames.txt",
        "tag-place-names.txt",
        "tag-headline.txt",
        "tag-sports.txt",
    ] {
        all.push_str(&fixture(f));
    }
    let spans = Tagger::default().tag_text(&all);
    assert!(spans.len() > 20);
    for w in spans.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn fuzzer_found_inputs_do_not_panic() {
    for text in ["J\u{6e79}ing'", "J\u{6e79}\u{6e79}ing's said"] {
        let spans = Tagger::default().tag_text(text);
        for s in &spans {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

proptest! {
    #[test]
    fn tagging_never_panics_and_offsets_are_char_boundaries(s in "\\PC{0,200}") {
        let spans = Tagger::default().tag_text(&s);
        for sp in &spans {
            prop_assert!(sp.start < sp.end && sp.end <= s.len());
            prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
        }
    }

    #[test]
    fn name_like_text_keeps_offsets_on_char_boundaries(
        words in proptest::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "Micheál", "Putin’s", "U.S.-Russia", "O'Brien", "Zoë", "İstanbul", "said",
                    "President", "—", "ÉLYSÉE", "Ǆemal", "e\u{301}", "\n", ".",
                ])
                .prop_map(String::from),
                "[A-Za-zÀ-ÿ]{1,8}",
            ],
            0..40,
        )
    ) {
        let text = words.join(" ");
        let spans = Tagger::default().tag_text(&text);
        let mut prev = 0;
        for sp in &spans {
            prop_assert!(sp.start >= prev && sp.start < sp.end && sp.end <= text.len());
            prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            prev = sp.end;
        }
        let t = Tagger::default().tag_article(&article(&text));
        assert_offsets(&article(&text), &t);
    }
}

/// `lede tag --jsonl` with `input` on stdin: (status code, stdout, stderr).
fn tag_jsonl(input: &str) -> (i32, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl"])
        .env("LEDE_CONFIG", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn tag_jsonl_labels_people_and_countries_and_keeps_ids() {
    let input = concat!(
        r#"{"id": "a-1", "source": "ours", "entities": [{"start": 0}], "text": "Prime Minister Ana Ruiz told Chilean reporters that Chile would wait. Ruiz left for Santiago."}"#,
        "\n\n",
        r#"{"id": 7, "text": "Nothing to see."}"#,
        "\n",
        r#"{"text": "Escaped \"Marta Kovac\" visited Montr\u00e9al."}"#,
        "\n"
    );
    let (code, out, err) = tag_jsonl(input);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped: {out}");
    assert_eq!(lines[0]["id"], "a-1");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[2]["id"], serde_json::Value::Null);
    let spans = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["label"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let first = spans(&lines[0]);
    assert!(
        first.contains(&("PERSON".into(), "Ana Ruiz".into())),
        "{first:?}"
    );
    assert!(
        first.contains(&("PERSON".into(), "Ruiz".into())),
        "{first:?}"
    );
    assert!(
        first.contains(&("COUNTRY".into(), "Chilean".into())),
        "{first:?}"
    );
    assert!(
        first.contains(&("COUNTRY".into(), "Chile".into())),
        "{first:?}"
    );
    // Capitals are metonyms: never in this output.
    assert!(!first.iter().any(|(_, t)| t == "Santiago"), "{first:?}");
    assert!(spans(&lines[1]).is_empty());
    // Offsets are byte offsets into the decoded text.
    let e = &lines[0]["entities"][0];
    let text = "Prime Minister Ana Ruiz told Chilean reporters that Chile would wait. Ruiz left for Santiago.";
    let (s, t) = (
        e["start"].as_u64().unwrap() as usize,
        e["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    assert!(spans(&lines[2]).contains(&("PERSON".into(), "Marta Kovac".into())));
}

#[test]
fn tag_jsonl_rejects_bad_lines_with_their_number() {
    for (input, says) in [
        (
            "{\"id\": 1, \"text\": \"Ana Ruiz\"}\nnot json\n",
            "stdin:2: not a JSON object",
        ),
        ("[1, \"Ana Ruiz\"]\n", "stdin:1: not a JSON object"),
        ("{\"id\": 1}\n", "stdin:1: no \"text\" string"),
        ("{\"text\": 5}\n", "stdin:1: not a JSON object"),
    ] {
        let (code, _, err) = tag_jsonl(input);
        assert_eq!(code, 1, "{input}: {err}");
        assert!(
            err.starts_with("lede: ") && err.contains(says),
            "{input}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
}
