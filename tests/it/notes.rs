//! Highlights and notes: round trip, re-anchoring, orphans, damaged files, concurrent and
//! killed writers, export formats, `lede export` end to end.

use lede::article::{Article, Paragraph, Section};
use lede::notes::anchor::DocText;
use lede::notes::{export, fingerprint, Highlight, NoteBook, TextPosition};
use lede::tag::{Actor, ActorKind, Mention, Tagged};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn article(title: &str, sections: &[(Option<&str>, &[&str])]) -> Article {
    Article {
        title: title.into(),
        byline: Some("By Ines Caldera".into()),
        sections: sections
            .iter()
            .map(|(h, ps)| Section {
                heading: h.map(String::from),
                paragraphs: ps.iter().map(|p| Paragraph::new(*p)).collect(),
            })
            .collect(),
        ..Article::default()
    }
}

const P: [&str; 6] = [
    "The river authority opened the sluice gates on Monday. Farmers downstream said they had not been warned.",
    "Officials said the water level had risen by two metres overnight. The mayor, Tomas Reyes, called an emergency meeting.",
    "Reyes said the town would ask Portugal for pumps. He said nothing about the cost.",
    "Engineers began checking the dam on Tuesday morning. Their report is expected within a week.",
    "A spokesman for the authority said the gates would stay open. He said nothing about the cost.",
    "Schools in the valley will remain closed until Friday, the education office said.",
];

fn base() -> Article {
    article(
        "Sluice gates opened without warning",
        &[(None, &P[..3]), (Some("The dam"), &P[3..])],
    )
}

/// Position of the `n`-th occurrence (0-based) of `needle` in paragraph `p`.
fn find(a: &Article, p: usize, needle: &str) -> (TextPosition, TextPosition) {
    let text = &a.paragraphs().nth(p).expect("paragraph").text;
    let at = text.find(needle).expect("needle in paragraph");
    (
        TextPosition::new(p, at),
        TextPosition::new(p, at + needle.len()),
    )
}

fn quote_at(a: &Article, h: &Highlight) -> String {
    DocText::new(a)
        .slice(h.start, h.end)
        .expect("valid range")
        .to_string()
}

fn no_tags() -> Tagged {
    Tagged::default()
}

#[test]
fn round_trip_highlights_notes_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, warnings) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert!(warnings.is_empty());
    assert!(nb.all().is_empty());
    assert!(
        !nb.path().exists(),
        "nothing written before the first change"
    );

    let (s, e) = find(
        &a,
        1,
        "The mayor, Tomas Reyes, called an emergency meeting.",
    );
    let first = nb.add(s, e, &no_tags()).unwrap().id.clone();
    // A highlight across paragraphs: the end of paragraph 3 to the start of paragraph 4.
    let (s2, _) = find(&a, 3, "Their report");
    let (_, e2) = find(&a, 4, "A spokesman for the authority");
    let multi = nb.add(s2, e2, &no_tags()).unwrap().clone();
    assert_eq!(
        multi.quote,
        "Their report is expected within a week.\n\nA spokesman for the authority"
    );
    let (s3, e3) = find(&a, 5, "Schools in the valley");
    let gone = nb.add(s3, e3, &no_tags()).unwrap().id.clone();
    // Highlighting the same range again gives the same highlight, not a duplicate.
    assert_eq!(nb.add(s, e, &no_tags()).unwrap().id, first);

    nb.set_note(&first, "Who called it?\nCheck the minutes.")
        .unwrap();
    nb.set_note(&multi.id, "Report due next week").unwrap();
    assert!(nb.delete(&gone).unwrap());
    assert!(!nb.delete(&gone).unwrap());
    assert!(nb.set_note(&gone, "too late").is_err());

    // Cursor lookups for the reader.
    assert_eq!(
        nb.at(TextPosition::new(4, 3)).map(|h| h.id.as_str()),
        Some(multi.id.as_str())
    );
    assert!(nb.at(TextPosition::new(0, 0)).is_none());
    let r4 = nb.ranges_in(4);
    assert_eq!(r4.len(), 1);
    assert_eq!(r4[0].0, 0..29);
    let r3 = nb.ranges_in(3);
    assert_eq!(r3[0].0, s2.offset..P[3].len());

    let before: Vec<Highlight> = nb.all().to_vec();
    assert_eq!(before.len(), 2);
    drop(nb);

    let (nb2, warnings) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(nb2.all(), &before[..]);
    assert_eq!(
        nb2.get(&first).unwrap().note,
        "Who called it?\nCheck the minutes."
    );
    assert!(nb2.get(&gone).is_none());
    assert_eq!(nb2.orphans().count(), 0);

    // The file carries a version and the tombstone.
    let raw: serde_json::Value =
        serde_json::from_slice(&std::fs::read(nb2.path()).unwrap()).unwrap();
    assert_eq!(raw["version"], 1);
    assert!(raw["deleted"].get(&gone).is_some());
    assert_eq!(raw["highlights"].as_array().unwrap().len(), 2);
}

#[test]
fn invalid_ranges_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = article("T", &[(None, &["Zoë said so.", "Second."])]);
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let t = no_tags();
    // Inside the two-byte 'ë'.
    assert!(nb
        .add(TextPosition::new(0, 0), TextPosition::new(0, 3), &t)
        .is_err());
    // Empty and reversed ranges, missing paragraph, offset past the end.
    assert!(nb
        .add(TextPosition::new(0, 2), TextPosition::new(0, 2), &t)
        .is_err());
    assert!(nb
        .add(TextPosition::new(1, 2), TextPosition::new(0, 2), &t)
        .is_err());
    assert!(nb
        .add(TextPosition::new(2, 0), TextPosition::new(2, 1), &t)
        .is_err());
    assert!(nb
        .add(TextPosition::new(1, 0), TextPosition::new(1, 99), &t)
        .is_err());
    assert!(nb.all().is_empty());
    assert!(!nb.path().exists());
}

#[test]
fn actors_are_those_mentioned_inside_the_highlight() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let mention = |p: usize, needle: &str| {
        let (s, e) = find(&a, p, needle);
        Mention {
            paragraph: p,
            start: s.offset,
            end: e.offset,
            text: needle.into(),
        }
    };
    let tagged = Tagged {
        actors: vec![
            Actor {
                name: "Tomas Reyes".into(),
                kind: ActorKind::Person,
                code: None,
                aliases: vec!["Tomas Reyes".into(), "Reyes".into()],
                mentions: vec![mention(1, "Tomas Reyes"), mention(2, "Reyes")],
                evidence: Vec::new(),
            },
            Actor {
                name: "Portugal".into(),
                kind: ActorKind::Country,
                code: Some("PT".into()),
                aliases: vec!["Portugal".into()],
                mentions: vec![mention(2, "Portugal")],
                evidence: Vec::new(),
            },
        ],
        metonyms: vec![],
    };
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(&a, 2, "Reyes said the town would ask Portugal for pumps.");
    assert_eq!(
        nb.add(s, e, &tagged).unwrap().actors,
        ["Tomas Reyes", "Portugal"]
    );
    let (s, e) = find(&a, 2, "He said nothing about the cost.");
    assert!(nb.add(s, e, &tagged).unwrap().actors.is_empty());
    // Partial overlap with a mention counts: "Tomas" only.
    let (s, _) = find(&a, 1, "The mayor, Tomas");
    let (_, e) = find(&a, 1, "The mayor, Tomas");
    assert_eq!(nb.add(s, e, &tagged).unwrap().actors, ["Tomas Reyes"]);
}

/// Open `edited` in the directory where highlights were made on `base()`; returns the notebook.
fn reopen(dir: &Path, edited: &Article) -> NoteBook {
    let (nb, w) = NoteBook::open_in(dir, edited).unwrap();
    assert!(w.is_empty(), "{w:?}");
    nb
}

#[test]
fn reanchoring_after_edits_around_and_inside_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let t = no_tags();
    let q_mayor = "The mayor, Tomas Reyes, called an emergency meeting.";
    let q_engineers = "Engineers began checking the dam on Tuesday morning.";
    let q_cost = "He said nothing about the cost.";
    let q_schools = "Schools in the valley will remain closed until Friday";
    let (s, e) = find(&a, 1, q_mayor);
    let mayor = nb.add(s, e, &t).unwrap().id.clone();
    let (s, e) = find(&a, 3, q_engineers);
    let engineers = nb.add(s, e, &t).unwrap().id.clone();
    // The same sentence occurs in paragraphs 2 and 4: highlight the second.
    let (s, e) = find(&a, 4, q_cost);
    let cost = nb.add(s, e, &t).unwrap().id.clone();
    let (s, e) = find(&a, 5, q_schools);
    let schools = nb.add(s, e, &t).unwrap().id.clone();
    drop(nb);

    // Edited copy: a paragraph inserted at the top, words inserted before and deleted after a
    // quote, a word changed inside one quote and a word deleted inside another.
    let edited = article(
        "Sluice gates opened without warning",
        &[
            (
                None,
                &[
                    "Update: this article was amended on Wednesday.",
                    P[0],
                    "Officials said late on Monday that the water level had risen by two metres overnight. The mayor, Tomas Reyes, called an emergency meeting.",
                    P[2],
                ],
            ),
            (
                Some("The dam"),
                &[
                    "Engineers began inspecting the dam on Tuesday morning. Their report is expected soon.",
                    P[4],
                    "Schools in the valley will remain closed until at least Friday, the education office said.",
                ],
            ),
        ],
    );
    assert_ne!(
        fingerprint::fingerprint(&a),
        fingerprint::fingerprint(&edited)
    );
    let nb = reopen(dir.path(), &edited);
    assert_eq!(
        nb.orphans().count(),
        0,
        "{:?}",
        nb.orphans().collect::<Vec<_>>()
    );

    let h = nb.get(&mayor).unwrap();
    assert_eq!(h.start.paragraph, 2);
    assert_eq!(quote_at(&edited, h), q_mayor);

    let h = nb.get(&cost).unwrap();
    assert_eq!(h.start.paragraph, 5, "context picks the second occurrence");
    assert_eq!(quote_at(&edited, h), q_cost);

    let h = nb.get(&engineers).unwrap();
    assert_eq!(h.start.paragraph, 4);
    assert_eq!(
        quote_at(&edited, h),
        "Engineers began inspecting the dam on Tuesday morning."
    );
    // The stored quote stays what the user highlighted.
    assert_eq!(h.quote, q_engineers);

    let h = nb.get(&schools).unwrap();
    assert_eq!(h.start.paragraph, 6);
    assert_eq!(
        quote_at(&edited, h),
        "Schools in the valley will remain closed until at least Friday"
    );
    drop(nb);

    // Text deleted around and inside quotes (the original as the "edited" version's edit).
    let shorter = article(
        "Sluice gates opened without warning",
        &[
            (
                None,
                &[
                    P[0],
                    "The mayor, Tomas Reyes, called an emergency meeting.",
                    P[2],
                ],
            ),
            (
                Some("The dam"),
                &["Engineers began checking the dam on Tuesday.", P[4], P[5]],
            ),
        ],
    );
    let nb = reopen(dir.path(), &shorter);
    assert_eq!(nb.orphans().count(), 0);
    let h = nb.get(&mayor).unwrap();
    assert_eq!(h.start, TextPosition::new(1, 0));
    assert_eq!(quote_at(&shorter, h), q_mayor);
    assert_eq!(
        quote_at(&shorter, nb.get(&engineers).unwrap()),
        "Engineers began checking the dam on Tuesday."
    );
    assert_eq!(nb.get(&cost).unwrap().start.paragraph, 4);
}

#[test]
fn orphans_are_kept_listed_and_found_again() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(
        &a,
        3,
        "Engineers began checking the dam on Tuesday morning.",
    );
    let lost = nb.add(s, e, &no_tags()).unwrap().id.clone();
    nb.set_note(&lost, "keep me").unwrap();
    let (s, e) = find(&a, 0, "Farmers downstream said they had not been warned.");
    let kept = nb.add(s, e, &no_tags()).unwrap().id.clone();
    drop(nb);

    // The engineers paragraph is rewritten beyond recognition.
    let mut paras = P.to_vec();
    paras[3] = "A structural survey starts this week and will take several days to finish.";
    let edited = article("Sluice gates opened without warning", &[(None, &paras)]);
    let (mut nb, _) = NoteBook::open_in(dir.path(), &edited).unwrap();
    let orphans: Vec<&Highlight> = nb.orphans().collect();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].id, lost);
    assert_eq!(orphans[0].note, "keep me");
    assert_eq!(nb.highlights().count(), 1);
    assert_eq!(nb.all().last().unwrap().id, lost, "orphans listed last");

    // A change on the edited version saves the orphan too.
    let (s, e) = find(&edited, 5, "Schools in the valley");
    nb.add(s, e, &no_tags()).unwrap();
    drop(nb);
    let (nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert_eq!(nb.all().len(), 3);
    assert_eq!(nb.orphans().count(), 0, "found again in the original text");
    let h = nb.get(&lost).unwrap();
    assert_eq!(
        quote_at(&a, h),
        "Engineers began checking the dam on Tuesday morning."
    );
    assert!(nb.get(&kept).is_some());
}

#[test]
fn same_article_from_other_boilerplate_finds_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(&a, 2, "Reyes said");
    nb.add(s, e, &no_tags()).unwrap();
    let path = nb.path().to_path_buf();
    drop(nb);
    // Same title and paragraphs, different deck, byline, headings and whitespace.
    let mut copy = article(
        "Sluice  gates opened without warning",
        &[(Some("Top"), &P[..1]), (None, &P[1..])],
    );
    copy.byline = None;
    copy.deck = Some("Subscribe now".into());
    copy.dropped = 14;
    let (nb, _) = NoteBook::open_in(dir.path(), &copy).unwrap();
    assert_eq!(nb.path(), path);
    assert_eq!(nb.all().len(), 1);
    // A different article does not pick them up.
    let other = article("Other", &[(None, &["Nothing in common here.", "At all."])]);
    let (nb, _) = NoteBook::open_in(dir.path(), &other).unwrap();
    assert!(nb.all().is_empty());
    assert_ne!(nb.path(), path);
}

#[test]
fn edited_copies_find_their_notes_but_unrelated_articles_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(&a, 2, "Reyes said");
    nb.add(s, e, &no_tags()).unwrap();
    let path = nb.path().to_path_buf();
    drop(nb);
    let open = |x: &Article| NoteBook::open_in(dir.path(), x).unwrap().0;

    // Retitled by another site, one paragraph edited, one added: 5 of 6 paragraphs shared.
    let mut paras = P.to_vec();
    paras[5] = "Schools in the valley will remain closed until Monday.";
    paras.push("Reporting by the valley desk.");
    let retitled = article("Valley news: sluice gates opened", &[(None, &paras)]);
    assert_eq!(open(&retitled).path(), path);

    // Same title, half the paragraphs rewritten: still the same article.
    let rewritten: Vec<String> = (0..3)
        .map(|i| format!("Paragraph {i} was rewritten beyond recognition by a later update."))
        .collect();
    let mut half: Vec<&str> = rewritten.iter().map(String::as_str).collect();
    half.extend(&P[3..]);
    let half = article("Sluice gates opened without warning", &[(None, &half)]);
    assert_eq!(open(&half).path(), path);

    // Another article sharing two boilerplate paragraphs, under another title: not a match.
    let other = article(
        "Council approves new bridge",
        &[(
            None,
            &[
                "The council voted for the bridge.",
                "Work starts in spring.",
                P[0],
                P[5],
            ],
        )],
    );
    let nb = open(&other);
    assert_ne!(nb.path(), path);
    assert!(nb.all().is_empty());
    // Nor does a retitled copy sharing only half.
    let mut few: Vec<&str> = rewritten.iter().map(String::as_str).collect();
    few.extend(&P[3..]);
    let few = article("Valley news", &[(None, &few)]);
    assert_ne!(open(&few).path(), path);
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    v.sort();
    v
}

#[test]
fn corrupt_notes_file_is_kept_aside_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let path = dir
        .path()
        .join(format!("{}.json", fingerprint::fingerprint(&a)));
    // A notes file cut off in the middle of a highlight.
    let garbage: &[u8] = &std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes-corrupt.json"),
    )
    .unwrap();
    std::fs::write(&path, garbage).unwrap();

    let (mut nb, warnings) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("damaged"), "{}", warnings[0]);
    let aside = corrupt_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(warnings[0].contains(&*aside[0].to_string_lossy()));
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);
    assert!(nb.all().is_empty());

    let (s, e) = find(&a, 0, "Farmers downstream");
    nb.add(s, e, &no_tags()).unwrap();
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage, "kept as it was");

    // Damage appearing while the reader is open is caught at the next save.
    std::fs::write(&path, b"not json at all").unwrap();
    let (s, e) = find(&a, 1, "The mayor");
    nb.add(s, e, &no_tags()).unwrap();
    let w = nb.take_warnings();
    assert_eq!(w.len(), 1, "{w:?}");
    let aside = corrupt_files(dir.path());
    assert_eq!(aside.len(), 2);
    assert!(aside
        .iter()
        .any(|p| std::fs::read(p).unwrap() == b"not json at all"));
    // What the reader held is saved again; nothing was lost from memory.
    let (nb2, w) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert!(w.is_empty());
    assert_eq!(nb2.all().len(), 2);
}

#[test]
fn control_characters_in_a_hand_edited_notes_file_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut nb, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(&a, 0, "Farmers downstream");
    let id = nb.add(s, e, &no_tags()).unwrap().id.clone();
    let path = nb.path().to_path_buf();
    drop(nb);
    let raw = std::fs::read_to_string(&path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v["highlights"][0]["note"] = "red \u{1b}[31malert\u{7}\nline two".into();
    v["highlights"][0]["actors"] = serde_json::json!(["Ana\u{1b}]0;pwned\u{7}"]);
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let (nb, w) = NoteBook::open_in(dir.path(), &a).unwrap();
    assert!(w.is_empty());
    let h = nb.get(&id).unwrap();
    assert_eq!(h.note, "red [31malert\nline two");
    assert_eq!(h.actors, ["Ana]0;pwned"]);
}

#[test]
fn notes_file_from_a_newer_lede_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let path = dir
        .path()
        .join(format!("{}.json", fingerprint::fingerprint(&a)));
    let newer = br#"{"version": 2, "fingerprint": "x", "shiny": []}"#;
    std::fs::write(&path, newer).unwrap();
    let err = NoteBook::open_in(dir.path(), &a).unwrap_err().to_string();
    assert!(err.contains("version 2"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), newer);
    assert!(corrupt_files(dir.path()).is_empty());
}

#[test]
fn two_notebooks_in_one_process_merge_and_respect_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let a = base();
    let (mut one, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (mut two, _) = NoteBook::open_in(dir.path(), &a).unwrap();
    let (s, e) = find(&a, 0, "Farmers downstream");
    let h1 = one.add(s, e, &no_tags()).unwrap().id.clone();
    let (s, e) = find(&a, 1, "The mayor");
    let h2 = two.add(s, e, &no_tags()).unwrap().id.clone();
    assert!(two.get(&h1).is_some(), "merged on save");
    two.set_note(&h1, "from two").unwrap();
    one.delete(&h2).unwrap();
    // `two` still holds h2 in memory; its next save must not resurrect it.
    let (s, e) = find(&a, 2, "Portugal");
    two.add(s, e, &no_tags()).unwrap();
    assert!(two.get(&h2).is_none());
    one.reload().unwrap();
    assert_eq!(one.get(&h1).unwrap().note, "from two");
    assert_eq!(one.all().len(), 2);
}

// ---- processes ----

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes-article.txt")
}

/// The article as the `lede` binary sees it.
fn fixture_article() -> Article {
    let src = lede::source::read(&fixture().to_string_lossy()).unwrap();
    let format = lede::article::Format::detect(&src.name, &src.text);
    lede::article::parse(&src.text, format)
}

fn writer(data: &Path, from: usize, count: usize) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lede"));
    c.args(["__notes-writer", &fixture().to_string_lossy()])
        .args(["--from", &from.to_string(), "--count", &count.to_string()])
        .env("LEDE_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn stored_ids(data: &Path) -> BTreeSet<String> {
    let path = data.join("notes").join(format!(
        "{}.json",
        fingerprint::fingerprint(&fixture_article())
    ));
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: serde_json::Value =
        serde_json::from_slice(&raw).unwrap_or_else(|e| panic!("notes file does not parse: {e}"));
    v["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_processes_adding_200_each_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    let a = writer(data.path(), 0, 200).spawn().unwrap();
    let b = writer(data.path(), 200, 200).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let printed: BTreeSet<String> = [&a, &b]
        .iter()
        .flat_map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(printed.len(), 400);
    assert_eq!(stored_ids(data.path()), printed);
    // And the library sees all of them anchored.
    let (nb, w) = NoteBook::open_in(&data.path().join("notes"), &fixture_article()).unwrap();
    assert!(w.is_empty());
    assert_eq!(nb.highlights().count(), 400);
}

#[test]
fn writer_killed_mid_save_200_times_leaves_a_whole_file() {
    let data = tempfile::tempdir().unwrap();
    let notes = data.path().join("notes");
    let mut confirmed: BTreeSet<String> = BTreeSet::new();
    let (mut killed_running, mut temp_left) = (0, 0);
    for i in 0..200usize {
        let mut child = writer(data.path(), i * 20, 20)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // Wait for 0–2 saves to return, then kill at a varying moment of the next one.
        let mut line = String::new();
        for _ in 0..i % 3 {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            confirmed.insert(line.trim().to_string());
        }
        std::thread::sleep(std::time::Duration::from_micros((i as u64 * 397) % 3000));
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // Lines printed before the kill: those saves had returned.
        for l in out.lines() {
            confirmed.insert(l.unwrap().trim().to_string());
        }
        if std::fs::read_dir(&notes).is_ok_and(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        }) {
            temp_left += 1;
        }
        if !confirmed.is_empty() {
            let stored = stored_ids(data.path());
            let missing: Vec<&String> = confirmed.difference(&stored).collect();
            assert!(missing.is_empty(), "run {i}: lost {missing:?}");
        }
    }
    eprintln!(
        "killed while running: {killed_running}/200, temp file left by the kill: {temp_left}, saves confirmed: {}",
        confirmed.len()
    );
    assert!(
        killed_running >= 150,
        "kills mostly landed after exit: {killed_running}"
    );
    assert!(confirmed.len() >= 150);
    // A later writer cleans up after killed ones and the notebook opens cleanly.
    let out = writer(data.path(), 5000, 1).output().unwrap();
    assert!(out.status.success());
    assert!(!std::fs::read_dir(&notes)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".tmp-")));
    let (nb, w) = NoteBook::open_in(&notes, &fixture_article()).unwrap();
    assert!(w.is_empty());
    assert!(nb.all().len() > confirmed.len());
}

// ---- export ----

/// A highlight built by hand with fixed id and times, so snapshots are stable.
fn fixed(
    a: &Article,
    n: u32,
    start: TextPosition,
    end: TextPosition,
    note: &str,
    actors: &[&str],
) -> Highlight {
    let doc = DocText::new(a);
    let (ga, gb) = (doc.to_global(start).unwrap(), doc.to_global(end).unwrap());
    Highlight {
        id: format!("{n:016x}"),
        quote: doc.slice(start, end).unwrap().to_string(),
        prefix: doc.prefix_at(ga),
        suffix: doc.suffix_at(gb),
        start,
        end,
        note: note.into(),
        created: format!("2026-03-0{n}T09:00:00.000Z"),
        updated: format!("2026-03-0{n}T10:30:00.000Z"),
        actors: actors.iter().map(|s| s.to_string()).collect(),
        orphaned: false,
    }
}

fn export_case() -> (Article, Tagged, Vec<Highlight>) {
    let mut a = article(
        "Mayor: \"No warning\" before #sluice gates opened",
        &[(None, &P[..3]), (Some("The dam & the <valley>"), &P[3..])],
    );
    a.deck = Some("Farmers count the cost".into());
    let mention = |p: usize, needle: &str| {
        let (s, e) = find(&a, p, needle);
        Mention {
            paragraph: p,
            start: s.offset,
            end: e.offset,
            text: needle.into(),
        }
    };
    let actor = |name: &str, kind, code: Option<&str>, mentions| Actor {
        name: name.into(),
        kind,
        code: code.map(String::from),
        aliases: vec![],
        mentions,
        evidence: Vec::new(),
    };
    let tagged = Tagged {
        actors: vec![
            actor(
                "Tomas Reyes",
                ActorKind::Person,
                None,
                vec![mention(1, "Tomas Reyes"), mention(2, "Reyes")],
            ),
            actor(
                "Portugal",
                ActorKind::Country,
                Some("PT"),
                vec![mention(2, "Portugal")],
            ),
        ],
        metonyms: vec![],
    };
    let (s1, e1) = find(
        &a,
        1,
        "The mayor, Tomas Reyes, called an emergency meeting.",
    );
    let (s2, _) = find(&a, 2, "Reyes said");
    let (_, e2) = find(&a, 3, "Engineers began checking the dam");
    let (s3, e3) = find(&a, 4, "He said nothing about the cost.");
    let mut orphan = fixed(&a, 4, s3, e3, "Was in an earlier version", &["Ana Stored"]);
    orphan.quote = "A sentence that has since been removed.".into();
    orphan.orphaned = true;
    let hs = vec![
        fixed(
            &a,
            1,
            s1,
            e1,
            "Who attended?\nAsk the town clerk.",
            &[], // made before the tagger knew him: the export uses the current tagging
        ),
        fixed(&a, 2, s2, e2, "", &["Tomas Reyes", "Portugal"]),
        fixed(
            &a,
            3,
            s3,
            e3,
            "Same line as in para 3: \"cost\" unknown",
            &["Stale Name"], // no longer tagged inside it
        ),
        orphan,
    ];
    (a, tagged, hs)
}

#[test]
fn markdown_export_snapshot() {
    let (a, t, hs) = export_case();
    let md = export::markdown(
        &a,
        &t,
        &hs,
        "file:///home/ana/news/sluice.txt",
        "2026-03-05T12:00:00Z",
    );
    insta::assert_snapshot!("notes_export_md", md);
}

#[test]
fn json_export_snapshot() {
    let (a, t, hs) = export_case();
    let js = export::json(
        &a,
        &t,
        &hs,
        "file:///home/ana/news/sluice.txt",
        "2026-03-05T12:00:00Z",
    );
    insta::assert_snapshot!("notes_export_json", js);
}

#[test]
fn json_export_is_a_w3c_annotation_collection() {
    let (a, t, hs) = export_case();
    let src = "file:///home/ana/news/sluice.txt";
    let v: serde_json::Value =
        serde_json::from_str(&export::json(&a, &t, &hs, src, "2026-03-05T12:00:00Z")).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], hs.len());
    assert_eq!(v["first"]["type"], "AnnotationPage");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), hs.len());
    let doc_chars: Vec<char> = DocText::new(&a).text.chars().collect();
    let expected_tags: [&[&str]; 4] = [
        &["Tomas Reyes"],
        &["Tomas Reyes", "Portugal"],
        &[],
        &["Ana Stored"],
    ];
    for ((item, h), expected_tags) in items.iter().zip(&hs).zip(expected_tags) {
        assert_eq!(item["type"], "Annotation");
        assert!(item["id"].as_str().unwrap().ends_with(&h.id));
        assert_eq!(item["created"], h.created.as_str());
        assert_eq!(item["modified"], h.updated.as_str());
        let bodies = item["body"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        assert!(bodies.iter().all(|b| b["type"] == "TextualBody"));
        let comments: Vec<&serde_json::Value> = bodies
            .iter()
            .filter(|b| b["purpose"] == "commenting")
            .collect();
        if h.note.is_empty() {
            assert!(comments.is_empty());
            assert_eq!(item["motivation"], "highlighting");
        } else {
            assert_eq!(comments.len(), 1);
            assert_eq!(comments[0]["value"], h.note.as_str());
            assert_eq!(comments[0]["format"], "text/plain");
            assert_eq!(item["motivation"], "commenting");
        }
        let tags: Vec<&str> = bodies
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap())
            .collect();
        assert_eq!(tags, expected_tags);
        let target = &item["target"];
        assert_eq!(target["source"], src);
        let sel = target["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        assert_eq!(quote["exact"], h.quote.as_str());
        assert_eq!(quote["prefix"], h.prefix.as_str());
        assert_eq!(quote["suffix"], h.suffix.as_str());
        let pos = sel.iter().find(|s| s["type"] == "TextPositionSelector");
        if h.orphaned {
            assert!(pos.is_none());
        } else {
            // Code-point offsets into the paragraphs joined by "\n\n" select the quote.
            let pos = pos.unwrap();
            let (s, e) = (
                pos["start"].as_u64().unwrap() as usize,
                pos["end"].as_u64().unwrap() as usize,
            );
            let exact: String = doc_chars[s..e].iter().collect();
            assert_eq!(exact, h.quote);
            let before: String = doc_chars[s.saturating_sub(h.prefix.chars().count())..s]
                .iter()
                .collect();
            assert_eq!(before, h.prefix);
        }
    }
}

#[test]
fn markdown_quotes_every_line_and_tags_actors() {
    let (a, t, hs) = export_case();
    let md = export::markdown(&a, &t, &hs, "x", "2026-03-05T12:00:00Z");
    // Front matter parses as YAML-ish key: "quoted" pairs; the title's quotes are escaped.
    assert!(
        md.starts_with("---\ntitle: \"Mayor: \\\"No warning\\\" before #sluice gates opened\"\n")
    );
    // The multi-paragraph highlight: both paragraphs quoted, blank line kept inside the quote.
    assert!(md.contains("> Reyes said the town would ask Portugal for pumps. He said nothing about the cost.\n>\n> Engineers began checking the dam\n"));
    assert!(md.contains("\n#Tomas_Reyes #Portugal\n"));
    // No line of a quote escapes the blockquote.
    let body = md.split("\n---\n").nth(1).unwrap();
    for h in hs.iter() {
        for line in h.quote.lines() {
            let quoted = if line.is_empty() {
                ">\n".to_string()
            } else {
                format!("\n> {line}\n")
            };
            assert!(body.contains(&quoted), "{quoted:?} not in {body}");
        }
    }
}

// ---- the binary ----

#[test]
fn lede_export_end_to_end() {
    let data = tempfile::tempdir().unwrap();
    let a = fixture_article();
    let (mut nb, _) = NoteBook::open_in(&data.path().join("notes"), &a).unwrap();
    let sentence = "She said the cuts would be reviewed in April and reversed if new crews could be trained in time.";
    let p = a
        .paragraphs()
        .position(|p| p.text.contains(sentence))
        .expect("sentence in fixture");
    let (s, e) = find(&a, p, sentence);
    let id = nb.add(s, e, &no_tags()).unwrap().id.clone();
    nb.set_note(&id, "Review date: April. Follow up.").unwrap();

    let run = |file: &Path, args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_lede"))
            .arg("export")
            .arg(file)
            .args(args)
            .env("LEDE_DATA_DIR", data.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let md = run(&fixture(), &["--format", "md"]);
    assert!(md.starts_with("---\ntitle: "));
    assert!(md.contains(&format!("> {sentence}\n")), "{md}");
    assert!(md.contains("\nReview date: April. Follow up.\n"));

    // Opened again with `lede parse`: the article's title, no front-matter text.
    let reopened = tempfile::tempdir().unwrap();
    let md_file = reopened.path().join("exported notes.md");
    std::fs::write(&md_file, &md).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["parse", "--json"])
        .arg(&md_file)
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["title"], a.title.as_str());
    let body = v["sections"].to_string();
    assert!(
        !body.contains("exported:") && !body.contains("source:"),
        "{body}"
    );
    assert!(body.contains(sentence), "{body}");

    // A copy at another path finds the same notes.
    let other = tempfile::tempdir().unwrap();
    let copy = other.path().join("copied article.txt");
    std::fs::copy(fixture(), &copy).unwrap();
    let md2 = run(&copy, &["--format", "md"]);
    assert!(md2.contains(&format!("> {sentence}\n")));
    assert!(md2.contains("Review date: April. Follow up."));
    assert!(md2.contains("copied%20article.txt"));

    // JSON to a file with -o.
    let out = other.path().join("notes.json");
    let printed = run(
        &fixture(),
        &["--format", "json", "-o", &out.to_string_lossy()],
    );
    assert!(printed.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let item = &v["first"]["items"][0];
    assert_eq!(item["target"]["selector"][0]["exact"], sentence);
    assert_eq!(item["body"][0]["value"], "Review date: April. Follow up.");
}

#[test]
fn notes_writer_refuses_without_data_dir() {
    let o = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["__notes-writer", &fixture().to_string_lossy()])
        .env_remove("LEDE_DATA_DIR")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
}

// ---- properties ----

mod props {
    use super::*;
    use lede::notes::anchor::{locate, Selector};
    use proptest::prelude::*;

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "the",
                "minister",
                "said",
                "Kyiv",
                "Zoë",
                "über",
                "東京",
                "talks",
                "—",
                "cost.",
                "He",
                "nothing",
                "about",
                "2026,",
                "«quoted»",
                "a",
                "🙂",
            ]),
            1..25,
        )
        .prop_map(|w| w.join(" "))
    }

    fn doc_of(paras: &[String]) -> Article {
        let ps: Vec<&str> = paras.iter().map(String::as_str).collect();
        article("T", &[(None, &ps)])
    }

    /// A char-boundary range inside paragraph `p`, from fractions `a`, `b` of its length.
    fn range_in(text: &str, a: f64, b: f64) -> Option<(usize, usize)> {
        let idx: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let n = idx.len() - 1;
        let (x, y) = ((a * n as f64) as usize, (b * n as f64) as usize);
        let (x, y) = (x.min(y), x.max(y).min(n));
        (x < y).then(|| (idx[x], idx[y]))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Text inserted anywhere outside a quote never loses it: the range found holds the quote.
        #[test]
        fn insertions_outside_the_quote_keep_it(
            paras in prop::collection::vec(words(), 1..6),
            pick in 0usize..6, a in 0.0f64..1.0, b in 0.0f64..1.0,
            ins in words(), where_ in 0usize..4, new_para in any::<bool>(),
        ) {
            let p = pick % paras.len();
            let Some((s, e)) = range_in(&paras[p], a, b) else { return Ok(()) };
            let old = doc_of(&paras);
            let old_doc = DocText::new(&old);
            let (sp, ep) = (TextPosition::new(p, s), TextPosition::new(p, e));
            let quote = old_doc.slice(sp, ep).unwrap().to_string();
            let (ga, gb) = (old_doc.to_global(sp).unwrap(), old_doc.to_global(ep).unwrap());
            let (prefix, suffix) = (old_doc.prefix_at(ga), old_doc.suffix_at(gb));
            let mut edited = paras.clone();
            if new_para {
                edited.insert((where_ % (paras.len() + 1)).min(p), ins.clone());
            } else if where_ % 2 == 0 {
                edited[p].insert_str(s, &format!("{ins} "));
            } else {
                edited[p].insert_str(e, &format!(" {ins}"));
            }
            let new = doc_of(&edited);
            let sel = Selector { quote: &quote, prefix: &prefix, suffix: &suffix, start: sp };
            let new_doc = DocText::new(&new);
            let (ns, ne, _) = locate(&new_doc, &sel).expect("quote still present");
            prop_assert_eq!(new_doc.slice(ns, ne).unwrap(), quote.as_str());
        }

        /// Whatever the edit, what is found is a valid, non-empty range of the new text.
        #[test]
        fn any_edit_gives_a_valid_range_or_none(
            paras in prop::collection::vec(words(), 1..5),
            pick in 0usize..5, a in 0.0f64..1.0, b in 0.0f64..1.0,
            c in 0.0f64..1.0, d in 0.0f64..1.0, repl in "[a-zé東 .]{0,12}",
        ) {
            let p = pick % paras.len();
            let Some((s, e)) = range_in(&paras[p], a, b) else { return Ok(()) };
            let old_doc = DocText::new(&doc_of(&paras));
            let (sp, ep) = (TextPosition::new(p, s), TextPosition::new(p, e));
            let quote = old_doc.slice(sp, ep).unwrap().to_string();
            let mut edited = paras.clone();
            if let Some((x, y)) = range_in(&edited[p], c, d) {
                edited[p].replace_range(x..y, &repl);
            }
            edited.retain(|q| !q.trim().is_empty());
            let new_doc = DocText::new(&doc_of(&edited));
            let sel = Selector { quote: &quote, prefix: "", suffix: "", start: sp };
            if let Some((ns, ne, _)) = locate(&new_doc, &sel) {
                prop_assert!(new_doc.slice(ns, ne).is_some(), "{:?}..{:?}", ns, ne);
            }
        }
    }
}
