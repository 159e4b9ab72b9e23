//! Markdown articles: YAML and TOML front matter, lede's own export opened again, tables.

use lede::article::{self, Article, Format, Paragraph, Section};
use lede::notes::export;
use lede::tag::Tagged;
use std::process::Command;

fn md(text: &str) -> Article {
    article::parse(text, Format::Markdown)
}

fn texts(a: &Article) -> Vec<&str> {
    a.paragraphs().map(|p| p.text.as_str()).collect()
}

fn headings(a: &Article) -> Vec<Option<&str>> {
    a.sections.iter().map(|s| s.heading.as_deref()).collect()
}

#[test]
fn yaml_front_matter_gives_title_author_date_and_is_not_text() {
    let a = md("---\n\
                title: \"Ferry Timetable Cut: Islanders Protest\"\n\
                author: Marit Olsen\n\
                date: 2025-11-02\n\
                tags: [transport, islands]\n\
                ---\n\n\
                Islanders gathered at the pier on Sunday.\n\n\
                The operator says winter demand is too low.\n");
    assert_eq!(a.title, "Ferry Timetable Cut: Islanders Protest");
    assert_eq!(a.byline.as_deref(), Some("Marit Olsen"));
    assert_eq!(a.date.as_deref(), Some("2025-11-02"));
    assert_eq!(
        texts(&a),
        [
            "Islanders gathered at the pier on Sunday.",
            "The operator says winter demand is too low."
        ]
    );
}

#[test]
fn toml_front_matter_gives_title_author_date_and_is_not_text() {
    let a = md("+++\n\
                title = \"Orchard Growers Count Frost Losses\"\n\
                authors = [\"Jonas Berg\", \"Lea Kraus\"]\n\
                date = 2025-04-18T07:30:00Z\n\
                [extra]\n\
                region = \"north\"\n\
                +++\n\n\
                Growers lost much of the early blossom.\n");
    assert_eq!(a.title, "Orchard Growers Count Frost Losses");
    assert_eq!(a.byline.as_deref(), Some("Jonas Berg, Lea Kraus"));
    assert_eq!(a.date.as_deref(), Some("2025-04-18T07:30:00Z"));
    assert_eq!(texts(&a), ["Growers lost much of the early blossom."]);
    assert!(!lede_all(&a).contains("region"));
}

fn lede_all(a: &Article) -> String {
    crate::common::all_text(a)
}

#[test]
fn a_heading_repeating_the_front_matter_title_is_not_a_section() {
    let a = md("---\ntitle: Bridge Reopens\n---\n\n# Bridge reopens\n\nTraffic flows again.\n\n## Repairs\n\nThey took a year.\n");
    assert_eq!(a.title, "Bridge Reopens");
    assert_eq!(headings(&a), [None, Some("Repairs")]);
    // A different level-1 heading stays: the front matter's title is still the title.
    let b = md("---\ntitle: Bridge Reopens\n---\n\n# Background\n\nBuilt in 1962.\n");
    assert_eq!(b.title, "Bridge Reopens");
    assert_eq!(headings(&b), [Some("Background")]);
}

#[test]
fn a_thematic_break_is_not_front_matter() {
    let a = md("# Title Here\n\nFirst part.\n\n---\nkey: not metadata\n---\n\nLast part.\n");
    assert_eq!(a.title, "Title Here");
    assert!(lede_all(&a).contains("key: not metadata"), "{a:?}");
    let b = md("---\nJust a line of prose\n---\n\nBody.\n");
    assert!(lede_all(&b).contains("Just a line of prose"), "{b:?}");
}

#[test]
fn front_matter_without_an_extension_is_markdown() {
    let text = "---\ntitle: Piped In\n---\n\nBody text.\n";
    assert_eq!(Format::detect("-", text), Format::Markdown);
    assert_eq!(Format::detect("-", "---\n\nplain words\n"), Format::Text);
}

fn exported() -> (Article, String) {
    let a = Article {
        title: "Mayor: \"No warning\" before #7 sluice <gates> opened".into(),
        byline: Some("By Rosa Ortiz | Valley Post".into()),
        sections: vec![Section {
            heading: None,
            paragraphs: vec![Paragraph::new(
                "The gates opened at dawn without a siren sounding.",
            )],
        }],
        ..Article::default()
    };
    let text = export::markdown(
        &a,
        &Tagged::default(),
        &[],
        "file:///tmp/valley.txt",
        "2026-03-05T12:00:00Z",
    );
    (a, text)
}

#[test]
fn a_lede_export_opened_again_has_its_title_and_no_front_matter_text() {
    let (a, text) = exported();
    let back = md(&text);
    assert_eq!(back.title, a.title);
    assert_eq!(back.byline, a.byline);
    let all = lede_all(&back);
    for key in ["title:", "source:", "exported:", "actors:", "valley.txt"] {
        assert!(!all.contains(key), "{key} in {all:?}");
    }
}

#[test]
fn lede_parse_reads_an_exported_file() {
    let (a, text) = exported();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("notes.md");
    std::fs::write(&file, text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["parse", "--json"])
        .arg(&file)
        .output()
        .expect("lede runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["title"], a.title.as_str());
    assert!(!v.to_string().contains("exported"), "{v}");
}

#[test]
fn table_rows_are_paragraphs_with_cells_separated() {
    let a = md("# Relay Results\n\nThe final was close.\n\n\
                | Place | Team | Time |\n\
                |---|:---|---:|\n\
                | 1 | Norway | 3:21.4 |\n\
                | 2 | *Canada* |  |\n\n\
                Norway defended its title.\n");
    assert_eq!(
        texts(&a),
        [
            "The final was close.",
            "Place; Team; Time",
            "1; Norway; 3:21.4",
            "2; Canada",
            "Norway defended its title."
        ]
    );
}

// ---- characters seen on real pages (issue 14 item 6) ----

#[test]
fn a_stray_c1_reference_does_not_swallow_the_paragraph() {
    let a = md("# Gates Open\n\nThe mayor said &#x9d;the gates open at dawn and close at dusk.\n");
    assert_eq!(
        texts(&a),
        ["The mayor said the gates open at dawn and close at dusk."]
    );
    let page = "<html><body><article><h1>Gates Open</h1><p>The mayor said &#x9d;the gates \
                open at dawn and close again at dusk, the council confirmed on Monday.</p>\
                </article></body></html>";
    let h = article::parse(page, Format::Html);
    assert!(
        lede_all(&h).contains("The mayor said the gates open at dawn and close again at dusk"),
        "{h:?}"
    );
}

#[test]
fn invisible_format_characters_never_reach_the_text() {
    let bad = [
        '\u{200F}', '\u{200E}', '\u{200B}', '\u{2060}', '\u{AD}', '\u{200D}',
    ];
    let body = "Ro\u{200B}sa Or\u{AD}tiz met the\u{2060}mayor \u{200F}today\u{200D}.";
    for a in [
        md(&format!("# Quay\u{200F} Vote\n\n{body}\n")),
        article::parse(&format!("Quay\u{200F} Vote\n\n{body}\n"), Format::Text),
        article::parse(
            &format!("<html><body><article><h1>Quay\u{200F} Vote</h1><p>{body}</p></article></body></html>"),
            Format::Html,
        ),
    ] {
        let all = lede_all(&a);
        assert!(!all.contains(bad), "{all:?}");
        assert_eq!(a.title, "Quay Vote");
        assert!(all.contains("Rosa Ortiz met themayor today."), "{all:?}");
    }
}

#[test]
fn zwj_inside_an_emoji_sequence_stays() {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    let a = md(&format!(
        "# T\n\nThe {family} emoji and a stray\u{200D}joiner.\n"
    ));
    assert_eq!(
        texts(&a),
        [format!("The {family} emoji and a strayjoiner.")]
    );
}

#[test]
fn a_raw_c1_control_in_plain_text_does_not_swallow_the_line() {
    let text = lede::source::sanitize(
        "Harbour Gates Open at Dawn\n\nThe mayor said \u{9d}the gates open at dawn and close again at dusk.\n",
    );
    let a = article::parse(&text, Format::Text);
    assert!(
        lede_all(&a).contains("The mayor said the gates open at dawn and close again at dusk."),
        "{a:?}"
    );
}
