//! The article parsers on articles we wrote (tests/fixtures/parse-*, examples/sample.txt), the
//! `parse` command's JSON contract, and properties that hold for any input.

use crate::common::all_text;
use lede::article::{self, Article, Format};
use lede::source;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn load(rel: &str) -> Article {
    let p = path(rel);
    let src = source::read(p.to_str().expect("utf-8 path")).expect("readable fixture");
    article::parse(&src.text, Format::detect(&src.name, &src.text))
}

fn headings(a: &Article) -> Vec<Option<&str>> {
    a.sections.iter().map(|s| s.heading.as_deref()).collect()
}

#[test]
fn bundled_sample_parses_sensibly() {
    let a = load("examples/sample.txt");
    assert_eq!(
        a.title,
        "Baltic Ministers Meet in Tallinn as Grain Corridor Talks Stall"
    );
    assert_eq!(
        a.deck.as_deref(),
        Some("Estonia hosts a regional summit while Ukraine and Turkey argue over shipping insurance")
    );
    assert_eq!(a.byline.as_deref(), Some("By Marta Kovac | Lede Wire"));
    assert_eq!(
        headings(&a),
        vec![
            None,
            Some("Insurance Dispute at the Centre"),
            Some("What Comes Next")
        ]
    );
    assert_eq!(
        a.sections
            .iter()
            .map(|s| s.paragraphs.len())
            .collect::<Vec<_>>(),
        vec![3, 3, 2]
    );
    assert!(a.sections[0].paragraphs[0]
        .text
        .starts_with("Estonian Prime Minister Kristen Michal opened"));
    let text = all_text(&a);
    for junk in [
        "Home |",
        "Sign in",
        "Published 14 March",
        "Subscribe",
        "Get the Lede Wire briefing",
        "Related Articles",
        "Finland opens new Arctic rail link",
        "Five things to know",
        "Advertisement",
        "All rights reserved",
    ] {
        assert!(!text.contains(junk), "boilerplate kept: {junk}");
    }
    assert!(a.dropped >= 10, "dropped {}", a.dropped);
}

#[test]
fn wire_story_with_menus_labels_and_footer() {
    let a = load("tests/fixtures/parse-wire.txt");
    assert_eq!(
        a.title,
        "Lake Ohrid Divers Find Bronze Age Pier Beneath Fishing Harbour"
    );
    assert_eq!(
        a.deck.as_deref(),
        Some("Archaeologists say the timbers are at least 3,500 years old")
    );
    assert_eq!(a.byline.as_deref(), Some("By Tomas Ruiz | Lede Wire"));
    assert_eq!(headings(&a), vec![None, Some("How the Pier Was Built")]);
    assert_eq!(
        a.sections
            .iter()
            .map(|s| s.paragraphs.len())
            .collect::<Vec<_>>(),
        vec![3, 2]
    );
    let text = all_text(&a);
    for junk in [
        "Skip to content",
        "Updated 2 June",
        "Advertisement",
        "Share this article",
        "Facebook",
        "Related Articles",
        "Divers map sunken road",
        "Subscribe",
        "Lede Wire. All rights",
    ] {
        assert!(!text.contains(junk), "boilerplate kept: {junk}");
    }
}

#[test]
fn hard_wrapped_article_is_rejoined() {
    let a = load("tests/fixtures/parse-wrapped.txt");
    assert_eq!(
        a.title,
        "Town Council Approves New Bicycle Lanes After Long Debate"
    );
    let paras: Vec<&str> = a.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(paras.len(), 3);
    assert!(paras[0].starts_with("The town council voted seven to two"));
    assert!(paras[0].ends_with("at every meeting since the spring."));
    assert!(paras[0].contains("three main roads into the centre, ending a debate"));
    assert!(paras[2].ends_with("who presented the plan."));
}

#[test]
fn list_items_are_paragraphs_under_their_heading() {
    let a = load("tests/fixtures/parse-lists.txt");
    assert_eq!(
        a.title,
        "What the New Recycling Rules Mean for Your Household"
    );
    assert_eq!(headings(&a), vec![None, Some("What you need to do")]);
    let items: Vec<&str> = a.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[0],
        "Put glass in the green box and leave it out on Monday nights."
    );
    assert!(items[3].starts_with("The city will send every household"));
}

#[test]
fn french_article_uses_french_stop_words() {
    let a = load("tests/fixtures/parse-fr.txt");
    assert_eq!(
        a.title,
        "Le conseil municipal de Lyon adopte un plan pour les pistes cyclables"
    );
    assert_eq!(a.byline.as_deref(), Some("Par Claire Dubois"));
    let paras: Vec<&str> = a.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(paras.len(), 2);
    assert!(paras[0].starts_with("Le conseil municipal a adopté"));
    assert!(paras[1].starts_with("Les commerçants du centre-ville"));
}

#[test]
fn markdown_article() {
    let a = load("tests/fixtures/parse-article.md");
    assert_eq!(a.title, "Night Trains Return to the Alps");
    assert_eq!(
        a.deck.as_deref(),
        Some("Three operators will share a new sleeper route from Vienna to Nice")
    );
    assert_eq!(a.byline.as_deref(), Some("By Jana Horvat"));
    assert_eq!(headings(&a), vec![None, Some("Tickets and Prices")]);
    let items: Vec<&str> = a.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        vec![
            "A bed in a six-berth car costs 49 euros.",
            "A private cabin costs 180 euros.",
            "\"We sold the first month in two days,\" a spokeswoman said."
        ]
    );
    assert!(!all_text(&a).contains("Advertisement"));
}

#[test]
fn parse_json_follows_the_contract() {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["parse", "--json"])
        .arg(path("examples/sample.txt"))
        .output()
        .expect("lede runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let obj = v.as_object().expect("object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, vec!["byline", "deck", "sections", "title"]);
    for s in v["sections"].as_array().expect("array") {
        assert!(s["heading"].is_null() || s["heading"].is_string());
        assert!(s["paragraphs"]
            .as_array()
            .expect("array")
            .iter()
            .all(|p| p.is_string()));
    }
}

#[test]
fn parse_outline_shows_structure_and_dropped_lines() {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg("parse")
        .arg(path("examples/sample.txt"))
        .output()
        .expect("lede runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("title:  Baltic Ministers Meet in Tallinn"));
    assert!(text.contains("## Insurance Dispute at the Centre  (3 paragraphs)"));
    assert!(text.contains("lines of boilerplate dropped"));
}

/// The invariants every parsed article keeps.
fn check(a: &Article) -> Result<(), TestCaseError> {
    let blocks = a
        .sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter().map(|p| &p.text)));
    for t in blocks.chain(std::iter::once(&a.title)) {
        prop_assert!(!t.chars().any(char::is_control), "control char in {:?}", t);
        prop_assert!(
            !t.contains(['\u{200B}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{AD}']),
            "invisible format char in {:?}",
            t
        );
        prop_assert_eq!(
            t.split_whitespace().collect::<Vec<_>>().join(" "),
            t.clone()
        );
    }
    for p in a.paragraphs() {
        prop_assert!(!p.text.is_empty());
    }
    for s in &a.sections {
        prop_assert!(s.heading.is_some() || !s.paragraphs.is_empty());
    }
    Ok(())
}

/// Article-like text: words, punctuation, line breaks, list markers, escapes and controls.
fn articleish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"The ".to_vec()),
        Just(b"minister said that it was ".to_vec()),
        Just(b"Harbour ".to_vec()),
        Just(b". ".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"  \xe2\x80\xa2 ".to_vec()),
        Just(b"- ".to_vec()),
        Just(b"\x1b[2J".to_vec()),
        Just(b"\x1b]52;c;abc\x07".to_vec()),
        Just(b"\xc2\x9b".to_vec()),
        Just(b"\xe2\x80\xae".to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"\x07\x08\x7f".to_vec()),
        Just("中文的句子。".as_bytes().to_vec()),
        Just("한국어 문장입니다. ".as_bytes().to_vec()),
        Just(b"# ".to_vec()),
        Just(b"Advertisement\n".to_vec()),
        Just(b"---\n".to_vec()),
        Just(b"+++\n".to_vec()),
        Just(b"title: ".to_vec()),
        Just(b"author = \"A\"\n".to_vec()),
        Just(b"| a | b |\n|---|---|\n".to_vec()),
        Just(b"&#x9d;\xc2\x9d\xe2\x80\x8b\xe2\x80\x8d".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_never_panic_and_keep_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(src) = source::decode("prop", &bytes) {
            prop_assert!(!src.text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            check(&article::parse(&src.text, Format::Text))?;
            check(&article::parse(&src.text, Format::Markdown))?;
        }
    }

    #[test]
    fn articleish_input_never_panics_and_keeps_invariants(bytes in articleish()) {
        if let Ok(src) = source::decode("prop", &bytes) {
            prop_assert_eq!(source::sanitize(&src.text), src.text.clone());
            check(&article::parse(&src.text, Format::Text))?;
            check(&article::parse(&src.text, Format::Markdown))?;
        }
    }

    #[test]
    fn front_matter_like_input_never_panics_and_keeps_invariants(
        open in prop_oneof![Just("---\ntitle: "), Just("+++\ntitle = \""), Just("---\n")],
        bytes in articleish()
    ) {
        let mut all = open.as_bytes().to_vec();
        all.extend(bytes);
        if let Ok(src) = source::decode("prop", &all) {
            check(&article::parse(&src.text, Format::Markdown))?;
        }
    }

    #[test]
    fn parse_without_sanitizing_still_has_no_controls(s in "\\PC*[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]*\\PC*") {
        check(&article::parse(&s, Format::Text))?;
        check(&article::parse(&s, Format::Markdown))?;
    }
}

#[test]
fn a_sentence_of_names_between_paragraphs_stays_in_the_article() {
    // A sentence made mostly of place names is poor in stop words; between two paragraphs of
    // the story it is still the story's.
    let text = "Ferry Line Opens Routes Across the Baltic\n\n\
        The operator said on Tuesday that its new ferries would start sailing next month, after a \
        long winter of trials in the harbour and a dispute with the port authority over fees.\n\n\
        Ships will call at Tallinn, Helsinki, Riga, Stockholm, Gdansk, Klaipeda and Turku.\n\n\
        Tickets go on sale next week, and the operator expects the first crossings to be full as \
        the summer season begins and travellers return to the islands of the region.\n";
    let a = article::parse(text, Format::Text);
    let all = all_text(&a);
    assert!(all.contains("Ships will call at Tallinn"), "{all}");
    // A line of names that is no sentence, between the same paragraphs, is still a menu.
    let menu = text.replace(
        "Ships will call at Tallinn, Helsinki, Riga, Stockholm, Gdansk, Klaipeda and Turku.",
        "Home | World | Business | Sport | Travel | Weather | Video | Newsletters | Podcasts",
    );
    let all = all_text(&article::parse(&menu, Format::Text));
    assert!(!all.contains("Newsletters"), "{all}");
}

#[test]
fn the_attribution_under_a_quoted_post_is_a_paragraph_of_the_article() {
    // A quoted social-media post ends with "— Name (@handle) Date": few stop words, yet the
    // article's, like the post above it; neither a heading nor page furniture.
    let text = "Fans React to the Coach Leaving\n\n\
        The club announced on Tuesday that the coach would leave at the end of the season after \
        three difficult years in charge of the team.\n\n\
        Fans were quick to share their views on social media, with many thanking him for the cup \
        win in his first season.\n\n\
        Thanks for everything, boss. What a ride it has been.\n\n\
        \u{2014} Tomas Lindqvist (@tlindqvist) November 19, 2019\n\n\
        The board will meet next week to discuss who should replace him, the club said in a \
        statement on its website.\n";
    let a = article::parse(text, Format::Text);
    let paragraphs: Vec<&str> = a
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("(@tlindqvist) November 19, 2019")),
        "{paragraphs:?}"
    );
    assert!(
        a.sections
            .iter()
            .all(|s| s.heading.as_deref().is_none_or(|h| !h.contains('@'))),
        "{:?}",
        a.sections
    );
}

/// A story of `n` paragraphs about the harbour, each a full sentence.
fn harbour_story(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "The harbour master said on day {i} that the new pier would be finished before \
                 the winter storms, and that the fishing boats could use it from the spring.\n\n"
            )
        })
        .collect()
}

#[test]
fn a_stream_of_related_story_cards_after_the_article_is_not_the_article() {
    let mut text = String::from("Harbour Pier Nears Completion\n\n");
    text.push_str(&harbour_story(6));
    for (headline, kicker) in [
        (
            "Orchard Growers Turn To Drones For The Apple Harvest",
            "HIGH FLYERS",
        ),
        (
            "Night Trains Return To The Mountain Valleys This Winter",
            "ALL ABOARD",
        ),
        (
            "A Village Library Lends Out Tools As Well As Books",
            "BORROW IT",
        ),
        (
            "The City Council Votes To Plant Ten Thousand Trees",
            "GREEN STREETS",
        ),
    ] {
        text.push_str(&format!(
            "{headline}\n{kicker}\n\n{headline}\n\nexample.org Features\n\n\
             Readers have been asking how the scheme works, and the people who run it say that \
             it has changed the way they think about their town and its future.\n\n"
        ));
    }
    let all = all_text(&article::parse(&text, Format::Text));
    assert!(all.contains("on day 5 that the new pier"), "{all}");
    assert!(!all.contains("Readers have been asking"), "{all}");
    assert!(!all.contains("Orchard Growers"), "{all}");
}

#[test]
fn an_image_caption_printed_twice_in_the_article_does_not_end_it() {
    // An image's alt text and its caption are the same line twice: once or twice in an
    // article is no stream of teasers.
    let mut text = String::from("Harbour Pier Nears Completion\n\n");
    text.push_str(&harbour_story(3));
    text.push_str(
        "The new pier seen from the lighthouse\n\nThe new pier seen from the lighthouse\n\n",
    );
    text.push_str(&harbour_story(2));
    text.push_str("Boats waiting at the old quay\n\nBoats waiting at the old quay\n\n");
    text.push_str(
        "The council will open the pier with a small ceremony, the harbour master said, and \
         the whole town is invited to come and see the boats arrive.\n",
    );
    let all = all_text(&article::parse(&text, Format::Text));
    assert!(all.contains("The council will open the pier"), "{all}");
}

#[test]
fn related_stories_each_with_its_author_after_the_article_are_not_the_article() {
    let mut text = String::from("Harbour Pier Nears Completion\n\nBy Ana Ferreira\n\n");
    text.push_str(&harbour_story(6));
    text.push_str("More From The Coast\n\n");
    for (headline, author) in [
        ("Orchard Growers Turn To Drones", "By Lena Okafor"),
        ("Night Trains Return To The Valleys", "By Piet de Wit"),
        ("A Village Library Lends Out Tools", "By Mara Quist"),
    ] {
        text.push_str(&format!(
            "{headline}\n\n{author}\n\nReaders have been asking how the {} scheme works, and \
             the people who run it say it has changed the way they think about their town.\n\n",
            headline.to_lowercase()
        ));
    }
    let a = article::parse(&text, Format::Text);
    let all = all_text(&a);
    assert_eq!(a.byline.as_deref(), Some("By Ana Ferreira"));
    assert!(all.contains("on day 5 that the new pier"), "{all}");
    assert!(!all.contains("Readers have been asking"), "{all}");
}
