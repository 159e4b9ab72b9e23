//! Highlights and notes in the reader: selection by sentence, highlight creation, the note
//! editor, the highlight list, and the effects carried out against a real notes store.

use super::view::{article, state, tagged};
use lede::notes::TextPosition;
use lede::tui::notes::Session;
use lede::view::{
    update, Action, Editor, Effect, ExportFormat, HighlightView, Mode, Outcome, ViewState,
};

fn run(s: &mut ViewState, actions: &[Action]) {
    for a in actions {
        update(s, *a);
    }
}

/// The article text from `start` to `end` (paragraphs joined by "\n\n", like a quote).
fn text_of(start: TextPosition, end: TextPosition) -> String {
    let a = article();
    let paras: Vec<String> = a.paragraphs().map(|p| p.text.clone()).collect();
    if start.paragraph == end.paragraph {
        return paras[start.paragraph][start.offset..end.offset].to_string();
    }
    let mut out = paras[start.paragraph][start.offset..].to_string();
    for p in &paras[start.paragraph + 1..end.paragraph] {
        out.push_str("\n\n");
        out.push_str(p);
    }
    out.push_str("\n\n");
    out.push_str(&paras[end.paragraph][..end.offset]);
    out
}

fn selected_text(s: &ViewState) -> String {
    let (a, b) = s.selection_range().expect("a range");
    text_of(a, b)
}

fn type_str(s: &mut ViewState, t: &str) {
    for c in t.chars() {
        update(s, Action::EditChar(c));
    }
}

/// A highlight of `start..end` as the store would report it.
fn hl(id: &str, start: TextPosition, end: TextPosition, note: &str) -> HighlightView {
    HighlightView {
        id: id.into(),
        start,
        end,
        quote: text_of(start, end),
        note: note.into(),
        actors: vec![],
        orphaned: false,
    }
}

#[test]
fn selection_extends_and_shrinks_across_paragraphs() {
    let mut s = state(80, 40);
    update(&mut s, Action::Select);
    assert!(matches!(s.mode, Mode::Select { .. }));
    assert_eq!(
        selected_text(&s),
        "Anna Berg arrived in Valparaíso on Monday."
    );
    // Three sentences down: past the end of the first paragraph into the second.
    run(
        &mut s,
        &[Action::LineDown, Action::LineDown, Action::LineDown],
    );
    let (a, b) = s.selection_range().unwrap();
    assert_eq!((a.paragraph, a.offset, b.paragraph), (0, 0, 1));
    assert_eq!(
        selected_text(&s),
        "Anna Berg arrived in Valparaíso on Monday. The Norwegian envoy met Chilean officials \
         at the port. Mr. Lind was not there.\n\nTomas Lind, the U.S. observer, said Norway and \
         Chile were close."
    );
    let (x, y) = s.selection().unwrap();
    assert_eq!(s.sentence_count(x, y), 4);
    // Back up two: shrinks to the first two sentences of the first paragraph.
    run(&mut s, &[Action::LineUp, Action::LineUp]);
    assert_eq!(
        selected_text(&s),
        "Anna Berg arrived in Valparaíso on Monday. The Norwegian envoy met Chilean officials at the port."
    );
    // Esc cancels: back to normal, the range is the cursor's sentence again.
    update(&mut s, Action::Close);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.selection().is_none());
    assert!(s.take_effects().is_empty(), "cancelling saves nothing");
}

#[test]
fn selection_extends_backwards_from_the_anchor_across_a_heading() {
    let mut s = state(80, 40);
    // The first sentence of the second section's first paragraph (after a heading).
    for _ in 0..6 {
        update(&mut s, Action::NextSentence);
    }
    update(&mut s, Action::Select);
    assert_eq!(
        selected_text(&s),
        "Chile wants a larger share of the southern catch."
    );
    run(&mut s, &[Action::LineUp, Action::LineUp]);
    let (a, b) = s.selection_range().unwrap();
    assert_eq!((a.paragraph, b.paragraph), (1, 2));
    assert_eq!(
        selected_text(&s),
        "Berg disagreed. She said the harbour question was open.\n\nChile wants a larger share of the southern catch."
    );
    // Forward past the anchor again: the anchor becomes the start.
    run(
        &mut s,
        &[Action::LineDown, Action::LineDown, Action::LineDown],
    );
    assert_eq!(
        selected_text(&s),
        "Chile wants a larger share of the southern catch. Norway has offered a smaller one."
    );
}

#[test]
fn h_highlights_the_selection_or_the_cursor_sentence() {
    let mut s = state(80, 40);
    // v then h: the current sentence.
    run(&mut s, &[Action::Select, Action::Highlight]);
    assert_eq!(s.mode, Mode::Normal);
    let e = s.take_effects();
    assert_eq!(e.len(), 1);
    let Effect::Add { start, end, edit } = e[0].clone() else {
        panic!("expected Add, got {e:?}");
    };
    assert!(!edit);
    assert_eq!(
        text_of(start, end),
        "Anna Berg arrived in Valparaíso on Monday."
    );
    // h alone, one sentence further: that sentence.
    run(&mut s, &[Action::NextSentence, Action::Highlight]);
    let e = s.take_effects();
    let Effect::Add { start, end, .. } = e[0].clone() else {
        panic!("expected Add");
    };
    assert_eq!(
        text_of(start, end),
        "The Norwegian envoy met Chilean officials at the port."
    );
    // A two-sentence selection.
    run(
        &mut s,
        &[Action::Select, Action::LineDown, Action::Highlight],
    );
    let Effect::Add { start, end, .. } = s.take_effects()[0].clone() else {
        panic!("expected Add");
    };
    assert_eq!(
        text_of(start, end),
        "The Norwegian envoy met Chilean officials at the port. Mr. Lind was not there."
    );
}

#[test]
fn highlights_are_drawn_where_the_store_puts_them() {
    let mut s = state(80, 40);
    let start = TextPosition::new(0, 0);
    let end = TextPosition::new(0, "Anna Berg arrived in Valparaíso on Monday.".len());
    s.set_highlights(vec![hl("a1", start, end, "")]);
    let b = s.doc.paragraph_block[0];
    assert_eq!(s.highlight_ranges(b), vec![(0, end.offset as u32)]);
    let segs = lede::view::render::line_segments(&s, b, 0);
    assert!(segs.iter().any(|g| g.style.highlight && g.start == 0));
    assert!(segs
        .iter()
        .filter(|g| g.start >= end.offset as u32)
        .all(|g| !g.style.highlight));
    // Nothing in the next paragraph is highlighted.
    let b2 = s.doc.paragraph_block[1];
    assert!(s.highlight_ranges(b2).is_empty());
    // An orphaned highlight is not drawn.
    let mut o = hl("o1", start, end, "");
    o.orphaned = true;
    s.set_highlights(vec![o]);
    assert!(s.highlight_ranges(b).is_empty());
}

#[test]
fn a_without_a_highlight_highlights_then_opens_the_editor() {
    let mut s = state(80, 40);
    update(&mut s, Action::Note);
    let e = s.take_effects();
    let Effect::Add { start, end, edit } = e[0].clone() else {
        panic!("expected Add, got {e:?}");
    };
    assert!(edit);
    // The store answers: the highlight exists now, open the editor on it.
    s.set_highlights(vec![hl("h1", start, end, "")]);
    s.finish(Outcome::Added {
        id: "h1".into(),
        edit: true,
    });
    assert_eq!(s.mode, Mode::Note);
    assert_eq!(s.editor.as_ref().unwrap().id, "h1");
}

#[test]
fn editor_keys_unicode_save_and_failure_keeps_text() {
    let mut s = state(80, 40);
    let end = TextPosition::new(0, "Anna Berg arrived in Valparaíso on Monday.".len());
    s.set_highlights(vec![hl("h1", TextPosition::new(0, 0), end, "old")]);
    update(&mut s, Action::Note);
    assert!(
        s.take_effects().is_empty(),
        "an existing highlight: no new one"
    );
    assert_eq!(s.mode, Mode::Note);
    assert_eq!(s.editor.as_ref().unwrap().text, "old");
    // Cursor at the end; type, move, delete, new line.
    type_str(&mut s, " Zürich 🇨🇭");
    update(&mut s, Action::EditLeft); // before the flag (one grapheme)
    update(&mut s, Action::EditBackspace); // the space before it
    update(&mut s, Action::EditLeft);
    update(&mut s, Action::EditLeft);
    type_str(&mut s, "ü");
    update(&mut s, Action::EditHome);
    update(&mut s, Action::EditDelete); // the 'o' of "old"
    update(&mut s, Action::EditEnd);
    update(&mut s, Action::EditNewline);
    type_str(&mut s, "2");
    update(&mut s, Action::EditRight); // at the end: stays
    assert_eq!(s.editor.as_ref().unwrap().text, "ld Züriüch🇨🇭\n2");
    // Typed keys are not reader keys: 'q' types, it does not quit.
    type_str(&mut s, "q");
    assert!(!s.quit);
    update(&mut s, Action::EditSave);
    assert_eq!(
        s.take_effects(),
        vec![Effect::SetNote {
            id: "h1".into(),
            text: "ld Züriüch🇨🇭\n2q".into()
        }]
    );
    // The save failed: the editor stays open with the text, the status line says why.
    s.finish(Outcome::Failed {
        effect: Effect::SetNote {
            id: "h1".into(),
            text: "ld Züriüch🇨🇭\n2q".into(),
        },
        error: "disk full".into(),
    });
    assert_eq!(s.mode, Mode::Note);
    assert_eq!(s.editor.as_ref().unwrap().text, "ld Züriüch🇨🇭\n2q");
    let status = lede::view::render::status_left(&s);
    assert!(
        status.contains("NOT saved") && status.contains("disk full"),
        "{status}"
    );
    // Saved at last: the editor closes.
    s.finish(Outcome::NoteSaved { id: "h1".into() });
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.editor.is_none());
}

#[test]
fn esc_discards_the_edit() {
    let mut s = state(80, 40);
    let end = TextPosition::new(0, 10);
    s.set_highlights(vec![hl("h1", TextPosition::new(0, 0), end, "keep")]);
    update(&mut s, Action::Note);
    type_str(&mut s, " more");
    update(&mut s, Action::Close);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.take_effects().is_empty());
    assert_eq!(s.highlights[0].note, "keep");
}

#[test]
fn editor_graphemes_and_layout() {
    // A decomposed é (e + combining acute) is one grapheme: one Left, one Backspace.
    let mut e = Editor::new("x", "q", "cafe\u{301}");
    e.backspace();
    assert_eq!(e.text, "caf");
    let mut e = Editor::new("x", "q", "ab");
    e.left();
    e.insert('\u{301}'); // joins the 'a'
    assert_eq!(e.text, "a\u{301}b");
    e.left();
    assert_eq!(e.cursor, 0, "a + accent is one step");
    // Layout: wide characters wrap by width; the cursor's (line, column).
    let mut e = Editor::new("x", "q", "日本語テキスト\nab");
    e.home(); // start of "ab"
    let (lines, cur) = e.layout(6);
    // 7 wide characters in 6 columns: 3 + 3 + 1, then the line after the new line.
    assert_eq!(lines, vec![(0, 9), (9, 18), (18, 21), (22, 24)]);
    assert_eq!(cur, (3, 0));
    e.end();
    assert_eq!(e.layout(6).1, (3, 2));
    // At the end of a full line the cursor needs a cell of its own: on the next line.
    let e = Editor::new("x", "q", "日本語");
    let (lines, cur) = e.layout(6);
    assert_eq!(lines, vec![(0, 9), (9, 9)]);
    assert_eq!(cur, (1, 0));
}

#[test]
fn list_jumps_and_delete_asks_first() {
    let mut s = state(80, 40);
    let p3 = "Anna Berg said the talks would go on.".len();
    s.set_highlights(vec![
        hl(
            "first",
            TextPosition::new(0, 0),
            TextPosition::new(0, 9),
            "n1",
        ),
        hl(
            "second",
            TextPosition::new(3, 0),
            TextPosition::new(3, p3),
            "n2",
        ),
    ]);
    update(&mut s, Action::Marks);
    assert_eq!(s.mode, Mode::Marks { cursor: 0 });
    update(&mut s, Action::LineDown);
    assert_eq!(s.mode, Mode::Marks { cursor: 1 });
    update(&mut s, Action::LineDown);
    assert_eq!(s.mode, Mode::Marks { cursor: 1 }, "clamped at the last");
    update(&mut s, Action::Activate);
    assert_eq!(s.mode, Mode::Normal);
    let (b, st, e) = s.cursor_range().unwrap();
    assert_eq!(
        &s.doc.blocks[b].text[st as usize..e as usize],
        "Anna Berg said the talks would go on."
    );
    // From the list: d asks, n keeps.
    update(&mut s, Action::Marks);
    assert_eq!(
        s.mode,
        Mode::Marks { cursor: 1 },
        "opens on the highlight here"
    );
    update(&mut s, Action::DeleteHighlight);
    assert_eq!(
        s.mode,
        Mode::Confirm {
            index: 1,
            list: true
        }
    );
    assert!(lede::view::render::status_left(&s).contains("y / n"));
    update(&mut s, Action::Answer(false));
    assert_eq!(s.mode, Mode::Marks { cursor: 1 });
    assert!(s.take_effects().is_empty());
    // d, y deletes that one.
    update(&mut s, Action::LineUp);
    update(&mut s, Action::DeleteHighlight);
    update(&mut s, Action::Answer(true));
    assert_eq!(
        s.take_effects(),
        vec![Effect::Delete { id: "first".into() }]
    );
    assert_eq!(s.mode, Mode::Marks { cursor: 0 });
    // The store's new list has one left; Esc closes.
    let keep = s.highlights[1].clone();
    s.set_highlights(vec![keep]);
    update(&mut s, Action::Close);
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn export_prompt_queues_the_chosen_format() {
    let mut s = state(80, 40);
    update(&mut s, Action::Export);
    assert_eq!(s.mode, Mode::Normal, "nothing to export yet");
    s.set_highlights(vec![hl(
        "h",
        TextPosition::new(0, 0),
        TextPosition::new(0, 4),
        "",
    )]);
    update(&mut s, Action::Export);
    assert_eq!(s.mode, Mode::Export);
    update(&mut s, Action::ExportAs(ExportFormat::Json));
    assert_eq!(s.take_effects(), vec![Effect::Export(ExportFormat::Json)]);
    s.finish(Outcome::Exported {
        path: "./x.json".into(),
        count: 1,
    });
    assert!(lede::view::render::status_left(&s).contains("exported 1 highlight to ./x.json"));
}

/// Run a key through the view and the real notes store.
fn press(s: &mut ViewState, n: &mut Session, a: Action) {
    update(s, a);
    n.apply(s);
}

#[test]
fn highlight_and_note_are_stored_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (a, t) = (article(), tagged());
    let (mut n, w) = Session::open_in(dir.path(), &a, &t, None, out.path());
    assert!(w.is_empty());
    let mut s = state(80, 40);
    press(&mut s, &mut n, Action::Select);
    press(&mut s, &mut n, Action::Highlight);
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(s.highlights[0].actors, vec!["Anna Berg".to_string()]);
    press(&mut s, &mut n, Action::Note);
    assert_eq!(s.mode, Mode::Note);
    for c in "Who sent her?".chars() {
        press(&mut s, &mut n, Action::EditChar(c));
    }
    press(&mut s, &mut n, Action::EditSave);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.message.as_deref(), Some("note saved"));
    // Reopen: the highlight and its note are there.
    let (n2, _) = Session::open_in(dir.path(), &a, &t, None, out.path());
    let v = n2.views();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].note, "Who sent her?");
    assert_eq!(v[0].quote, "Anna Berg arrived in Valparaíso on Monday.");
    // The status line shows the note of the highlight under the cursor, not elsewhere.
    update(&mut s, Action::LineDown);
    assert!(lede::view::render::status_left(&s).contains("note: Who sent her?"));
    update(&mut s, Action::NextSentence);
    assert!(!lede::view::render::status_left(&s).contains("note:"));
    update(&mut s, Action::PrevSentence);
    // Export from the reader writes a file into the export dir, named after the title.
    press(&mut s, &mut n, Action::Export);
    press(&mut s, &mut n, Action::ExportAs(ExportFormat::Markdown));
    let path = out.path().join("harbour-talks-resume-in-valparaíso.md");
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.contains("Who sent her?") && md.contains("Anna Berg arrived"));
    assert!(s
        .message
        .as_deref()
        .unwrap()
        .contains("exported 1 highlight"));
    // A second export does not overwrite the first.
    press(&mut s, &mut n, Action::Export);
    press(&mut s, &mut n, Action::ExportAs(ExportFormat::Markdown));
    assert!(out
        .path()
        .join("harbour-talks-resume-in-valparaíso-2.md")
        .exists());
    // Delete after confirming.
    press(&mut s, &mut n, Action::DeleteHighlight);
    press(&mut s, &mut n, Action::Answer(true));
    assert!(s.highlights.is_empty());
    assert!(n.views().is_empty());
}

#[test]
fn a_failed_save_keeps_the_note_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    let (a, t) = (article(), tagged());
    let (mut n, _) = Session::open_in(&notes, &a, &t, None, dir.path());
    let mut s = state(80, 40);
    press(&mut s, &mut n, Action::Highlight);
    assert_eq!(s.highlights.len(), 1);
    press(&mut s, &mut n, Action::Note);
    for c in "precious".chars() {
        press(&mut s, &mut n, Action::EditChar(c));
    }
    // The notes directory becomes a file: every save fails now.
    std::fs::remove_dir_all(&notes).unwrap();
    std::fs::write(&notes, "not a directory").unwrap();
    press(&mut s, &mut n, Action::EditSave);
    assert_eq!(s.mode, Mode::Note);
    assert_eq!(s.editor.as_ref().unwrap().text, "precious");
    assert!(s.message.as_deref().unwrap().contains("NOT saved"));
    // The directory is back: Enter again saves it.
    std::fs::remove_file(&notes).unwrap();
    std::fs::create_dir(&notes).unwrap();
    press(&mut s, &mut n, Action::EditSave);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(n.views()[0].note, "precious");
}

#[test]
fn a_corrupt_notes_file_is_reported_at_start_and_survives_the_first_resize() {
    let dir = tempfile::tempdir().unwrap();
    let (a, t) = (article(), tagged());
    let name = format!("{}.json", lede::notes::fingerprint::fingerprint(&a));
    std::fs::write(dir.path().join(&name), "{ not json").unwrap();
    let (n, warnings) = Session::open_in(dir.path(), &a, &t, None, dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("corrupt"), "{warnings:?}");
    assert!(n.views().is_empty());
    // As `lede` does: the warning goes to the status line before the first frame.
    let mut s = ViewState::new(&a, &t, super::view::help());
    s.message = Some(warnings.join("; "));
    update(
        &mut s,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    assert!(lede::view::render::status_left(&s).contains("corrupt"));
    update(&mut s, Action::LineDown);
    assert!(!lede::view::render::status_left(&s).contains("corrupt"));
}

#[test]
fn keys_in_the_editor_confirmation_and_export_prompt() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use lede::tui::input::action;
    let km = lede::config::keymap::Keymap::default();
    let key = |code, m| Event::Key(KeyEvent::new(code, m));
    let none = KeyModifiers::NONE;
    let note = |e: &Event| action(e, Mode::Note, &km, false);
    assert_eq!(
        note(&key(KeyCode::Enter, KeyModifiers::ALT)),
        Some(Action::EditNewline)
    );
    assert_eq!(note(&key(KeyCode::Enter, none)), Some(Action::EditSave));
    assert_eq!(note(&key(KeyCode::Esc, none)), Some(Action::Close));
    // Reader keys type text in the editor.
    for c in ['q', 'j', 'h', 'm', 'é', '日'] {
        assert_eq!(
            note(&key(KeyCode::Char(c), none)),
            Some(Action::EditChar(c))
        );
    }
    assert_eq!(note(&key(KeyCode::Left, none)), Some(Action::EditLeft));
    assert_eq!(note(&key(KeyCode::Up, none)), Some(Action::EditUp));
    assert_eq!(note(&key(KeyCode::Down, none)), Some(Action::EditDown));
    assert_eq!(
        note(&key(KeyCode::Backspace, none)),
        Some(Action::EditBackspace)
    );
    // Outside the editor the same keys are the reader's.
    let normal = |e: &Event| action(e, Mode::Normal, &km, false);
    assert_eq!(normal(&key(KeyCode::Char('v'), none)), Some(Action::Select));
    assert_eq!(
        normal(&key(KeyCode::Char('h'), none)),
        Some(Action::Highlight)
    );
    assert_eq!(normal(&key(KeyCode::Char('a'), none)), Some(Action::Note));
    assert_eq!(normal(&key(KeyCode::Char('m'), none)), Some(Action::Marks));
    assert_eq!(normal(&key(KeyCode::Char('e'), none)), Some(Action::Export));
    let confirm = Mode::Confirm {
        index: 0,
        list: true,
    };
    assert_eq!(
        action(&key(KeyCode::Char('y'), none), confirm, &km, false),
        Some(Action::Answer(true))
    );
    assert_eq!(
        action(&key(KeyCode::Char('n'), none), confirm, &km, false),
        Some(Action::Answer(false))
    );
    assert_eq!(
        action(&key(KeyCode::Char('j'), none), Mode::Export, &km, false),
        Some(Action::ExportAs(ExportFormat::Json))
    );
    assert_eq!(
        action(&key(KeyCode::Char('m'), none), Mode::Export, &km, false),
        Some(Action::ExportAs(ExportFormat::Markdown))
    );
}

#[test]
fn a_highlight_made_while_the_actors_load_is_stored_when_the_notes_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (a, t) = (article(), tagged());
    // As `lede` starts: no actors and no notes session yet.
    let mut s = ViewState::new(&a, &lede::tag::Tagged::default(), super::view::help());
    update(
        &mut s,
        Action::Resize {
            width: 80,
            height: 40,
        },
    );
    s.loading = true;
    update(&mut s, Action::Select);
    update(&mut s, Action::Highlight);
    assert!(s.has_effects(), "the highlight waits for the notes");
    assert!(s.highlights.is_empty());
    let (notes, warnings) = Session::open_in(dir.path(), &a, &t, None, out.path());
    let loaded = lede::tui::Loaded { notes, warnings };
    let n = loaded.install(&mut s);
    assert!(!s.loading);
    assert!(!s.has_effects());
    assert_eq!(s.doc.actors.len(), t.actors.len());
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(s.highlights[0].actors, vec!["Anna Berg".to_string()]);
    assert_eq!(n.views().len(), 1);
    // It is on disk: a new session finds it.
    let (again, _) = Session::open_in(dir.path(), &a, &t, None, out.path());
    assert_eq!(
        again.views()[0].quote,
        "Anna Berg arrived in Valparaíso on Monday."
    );
}

#[test]
fn up_and_down_in_the_note_editor_keep_the_column() {
    let mut e = Editor::new("h1", "quote", "first line\nab\nthird line");
    // At the end of "third line" (column 10): up goes to the end of the shorter "ab".
    e.vertical(40, false);
    assert_eq!(e.cursor, "first line\nab".len());
    // Up again: column 2 of "first line".
    e.vertical(40, false);
    assert_eq!(e.cursor, 2);
    // On the first line Up stays.
    e.vertical(40, false);
    assert_eq!(e.cursor, 2);
    e.vertical(40, true);
    e.vertical(40, true);
    assert_eq!(e.cursor, "first line\nab\nth".len());
    // On the last line Down stays.
    e.vertical(40, true);
    assert_eq!(e.cursor, "first line\nab\nth".len());
    // Wrapped lines count as lines: "abcdef" 4 wide is "abcd" + "ef".
    let mut w = Editor::new("h2", "quote", "abcdef");
    w.cursor = 1;
    w.vertical(4, true);
    assert_eq!(w.cursor, 5, "column 1 of the wrapped part");
    w.cursor = 5;
    w.vertical(4, false);
    assert_eq!(w.cursor, 1);
    // Through the reader: Up in an open editor moves its cursor, not the article.
    let dir = tempfile::tempdir().unwrap();
    let (a, t) = (article(), tagged());
    let (mut n, _) = Session::open_in(dir.path(), &a, &t, None, dir.path());
    let mut s = state(80, 24);
    press(&mut s, &mut n, Action::Highlight);
    press(&mut s, &mut n, Action::Note);
    assert_eq!(s.mode, Mode::Note);
    for c in "one\ntwo".chars() {
        update(&mut s, Action::EditChar(c));
    }
    let top = s.top();
    update(&mut s, Action::EditUp);
    assert_eq!(s.editor.as_ref().unwrap().cursor, 3);
    update(&mut s, Action::EditDown);
    assert_eq!(s.editor.as_ref().unwrap().cursor, 7);
    assert_eq!(s.top(), top);
    // Wide characters: column 2 is the second CJK character.
    let mut c = Editor::new("h3", "quote", "abcd\n漢字かな");
    c.cursor = 2;
    c.vertical(40, true);
    assert_eq!(c.cursor, "abcd\n漢".len());
}
