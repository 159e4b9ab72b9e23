//! Screens: insta snapshots of TestBackend frames of our test article, style assertions
//! (colours are not in the snapshot text), and a hostile article drawn through the crossterm
//! backend into bytes.

use super::view::{article, help, state, tagged};
use lede::article::{Article, Paragraph, Section};
use lede::config::keymap::Keymap;
use lede::config::theme::Theme;
use lede::tag::{Actor, ActorKind, Mention, Tagged};
use lede::tui::{hints, widgets};
use lede::view::{update, Action, ViewState};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport};

fn dark() -> Theme {
    Theme::builtin("dark").unwrap()
}

fn draw(s: &ViewState, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    let h = hints(&Keymap::default());
    t.draw(|f| widgets::draw(f.buffer_mut(), s, theme, &h))
        .unwrap();
    t
}

fn buffer(s: &ViewState, theme: &Theme) -> Buffer {
    draw(s, theme).backend().buffer().clone()
}

/// Row `y` of the buffer as text.
fn row(b: &Buffer, y: u16) -> String {
    (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
}

/// Position of the first cell where `needle` starts, searching rows top to bottom.
fn find(b: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..b.area.height {
        let cells: Vec<&str> = (0..b.area.width).map(|x| b[(x, y)].symbol()).collect();
        let line: String = cells.concat();
        if let Some(i) = line.find(needle) {
            // Map the byte index back to a cell index.
            let mut acc = 0;
            for (x, c) in cells.iter().enumerate() {
                if acc == i {
                    return Some((x as u16, y));
                }
                acc += c.len();
            }
        }
    }
    None
}

fn rgb(c: lede::config::theme::Color) -> Color {
    match c {
        lede::config::theme::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
        other => panic!("dark theme uses RGB, got {other:?}"),
    }
}

fn select(s: &mut ViewState, name: &str) {
    if s.focus != lede::view::Focus::Panel {
        update(s, Action::FocusNext);
    }
    update(s, Action::Top);
    for _ in 0..s.panel_order().len() {
        if s.doc.actors[s.panel_actor().unwrap()].name == name {
            update(s, Action::Activate);
            return;
        }
        update(s, Action::LineDown);
    }
    panic!("no actor {name}");
}

#[test]
fn snapshot_article_and_panel() {
    let s = state(80, 24);
    insta::assert_snapshot!("article_and_panel", draw(&s, &dark()).backend());
}

#[test]
fn snapshot_filter_on() {
    let mut s = state(80, 24);
    select(&mut s, "Tomas Lind");
    select(&mut s, "Norway");
    update(&mut s, Action::Filter);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::NextMatch);
    insta::assert_snapshot!("filter_on", draw(&s, &dark()).backend());
}

#[test]
fn snapshot_help() {
    let mut s = state(80, 30);
    update(&mut s, Action::Help);
    insta::assert_snapshot!("help", draw(&s, &dark()).backend());
}

#[test]
fn snapshot_search() {
    let mut s = state(80, 24);
    update(&mut s, Action::Search);
    for c in "harbour".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    insta::assert_snapshot!("search", draw(&s, &dark()).backend());
}

#[test]
fn snapshot_narrow_window() {
    let s = state(40, 16);
    assert!(!s.panel_shown());
    insta::assert_snapshot!("narrow", draw(&s, &dark()).backend());
}

/// One letter per cell for its emphasis: B bold, U underline, R reverse, I italic, combined
/// as the first that applies in that order; '.' for none.
fn emphasis_grid(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            let m = b[(x, y)].modifier;
            out.push(if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD) && m.contains(Modifier::UNDERLINED) {
                'X'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::ITALIC) {
                'I'
            } else {
                '.'
            });
        }
        out.push('\n');
    }
    out
}

#[test]
fn snapshot_no_color() {
    let mut s = state(80, 24);
    select(&mut s, "Chile");
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::NextMatch);
    let theme = dark().without_color();
    let b = buffer(&s, &theme);
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            let c = &b[(x, y)];
            assert_eq!(c.fg, Color::Reset, "colour at {x},{y}");
            assert_eq!(c.bg, Color::Reset, "colour at {x},{y}");
        }
    }
    let text = draw(&s, &theme).backend().to_string();
    insta::assert_snapshot!("no_color", format!("{text}\n{}", emphasis_grid(&b)));
    // Mentions stay visible: a person is bold, a country underlined, the selected country
    // reversed, the current mention reversed.
    let (x, y) = find(&b, "Anna Berg").unwrap();
    assert!(b[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&b, "Norway and").unwrap();
    assert!(b[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&b, "Chile were").unwrap();
    assert!(b[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(
        !b[(x + 6, y)].modifier.contains(Modifier::REVERSED),
        "only the mention"
    );
    // The current mention (n moved to "Chile were") differs from the other selected one.
    let (cx, cy) = find(&b, "Chile wants").unwrap();
    let (current, other) = (b[(x, y)].modifier, b[(cx, cy)].modifier);
    assert!(other.contains(Modifier::REVERSED));
    assert_ne!(current, other, "the current mention stands out");
}

#[test]
fn mention_styles_follow_the_theme() {
    let t = dark();
    let mut s = state(80, 24);
    let b = buffer(&s, &t);
    // A person mention uses the person slot; a country the country slot; plain text the text
    // slot; the byline the dim slot.
    let (x, y) = find(&b, "Anna Berg arrived").unwrap();
    assert_eq!(b[(x, y)].fg, rgb(t.person.fg.unwrap()));
    assert!(b[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&b, "arrived").unwrap();
    assert_eq!(b[(x, y)].fg, rgb(t.text.fg.unwrap()));
    // The cursor's sentence is tinted; the next sentence is not.
    assert_eq!(b[(x, y)].bg, rgb(t.cursor.bg.unwrap()));
    let (x2, y2) = find(&b, "Norwegian envoy").unwrap();
    assert_ne!(b[(x2, y2)].bg, rgb(t.cursor.bg.unwrap()));
    // The gutter mark sits left of the cursor's first line.
    let gx = s.layout.gutter_x.unwrap();
    assert_eq!(b[(gx, y)].symbol(), "▍");
    let (x, y) = find(&b, "Norway and").unwrap();
    assert_eq!(b[(x, y)].fg, rgb(t.country.fg.unwrap()));
    assert!(b[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&b, "By Test Writer").unwrap();
    assert_eq!(b[(x, y)].fg, rgb(t.dim.fg.unwrap()));
    let (x, y) = find(&b, "The Quota Question").unwrap_or((0, 0));
    if y > 0 {
        assert_eq!(b[(x, y)].fg, rgb(t.heading.fg.unwrap()));
    }
    // The status line uses the status slot.
    let last = b.area.height - 1;
    assert_eq!(b[(0, last)].bg, rgb(t.status.bg.unwrap()));
    assert!(row(&b, last).contains("? help"));

    // Selecting an actor emphasises its mentions, in the article and the panel.
    select(&mut s, "Norway");
    let b = buffer(&s, &t);
    let (x, y) = find(&b, "Norway and").unwrap();
    assert_eq!(b[(x, y)].bg, rgb(t.selected.bg.unwrap()));
    let (x, y) = find(&b, "Chile were").unwrap();
    assert_ne!(
        b[(x, y)].bg,
        rgb(t.selected.bg.unwrap()),
        "other actors are not"
    );
    let panel = s.layout.panel.unwrap();
    let (x, y) = find(&b, "● Norway").unwrap();
    assert!(x >= panel.x);
    assert_eq!(
        b[(x + 2, y)].bg,
        rgb(t.panel_cursor.bg.unwrap()),
        "focused panel row"
    );

    // Search matches and the current match have their own styles.
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Search);
    for c in "the".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    let b = buffer(&s, &t);
    let h = s.current.unwrap();
    assert_eq!(
        &s.doc.blocks[h.block].text[h.start as usize..h.end as usize],
        "The"
    );
    let (x, y) = find(&b, "Monday. The").unwrap();
    assert_eq!(b[(x + 8, y)].bg, rgb(t.current.bg.unwrap()));
    assert_ne!(b[(x, y)].bg, rgb(t.current.bg.unwrap()));
    let (x, y) = find(&b, "the port").unwrap();
    assert_eq!(b[(x, y)].bg, rgb(t.search.bg.unwrap()));
    assert!(row(&b, last).contains("/the  1/"));
}

#[test]
fn panel_shows_counts_and_strips() {
    let s = state(90, 30);
    let b = buffer(&s, &dark());
    let (x, y) = find(&b, "Anna Berg").map(|(_, y)| (0, y)).unwrap();
    let _ = x;
    // Find the panel row for Anna Berg (not the article's).
    let panel = s.layout.panel.unwrap();
    let y = (0..b.area.height)
        .find(|&yy| {
            let r: String = (panel.x..panel.x + panel.width)
                .map(|xx| b[(xx, yy)].symbol())
                .collect();
            r.contains("Anna Berg")
        })
        .unwrap_or(y);
    let line: String = (panel.x..panel.x + panel.width)
        .map(|xx| b[(xx, y)].symbol())
        .collect();
    let count = tagged().actors[0].mentions.len();
    assert!(line.trim_end().ends_with(&count.to_string()), "{line}");
    let strip: String = (panel.x..panel.x + panel.width)
        .map(|xx| b[(xx, y + 1)].symbol())
        .collect();
    let strip = strip.trim().trim_start_matches('│').trim();
    assert!(
        strip
            .chars()
            .all(|c| lede::view::panel::STRIP_LEVELS.contains(&c)),
        "{strip}"
    );
    // Anna Berg is mentioned in the first and the last paragraphs: both ends of the strip
    // are marked.
    assert_ne!(strip.chars().next(), Some('·'));
    assert_ne!(strip.chars().last(), Some('·'));
}

#[test]
fn strip_marks_where_mentions_fall() {
    let actor = |paras: &[usize]| Actor {
        name: "X".into(),
        kind: ActorKind::Person,
        code: None,
        aliases: vec![],
        mentions: paras
            .iter()
            .map(|&p| Mention {
                paragraph: p,
                start: 0,
                end: 1,
                text: "X".into(),
            })
            .collect(),
        evidence: Vec::new(),
    };
    use lede::view::panel::strip;
    assert_eq!(strip(&actor(&[0]), 10, 10), "█·········");
    assert_eq!(strip(&actor(&[9]), 10, 5), "····█");
    assert_eq!(strip(&actor(&[0, 0, 0, 0, 5]), 10, 2), "█▂");
    assert_eq!(strip(&actor(&[]), 10, 3), "···");
    assert_eq!(strip(&actor(&[3]), 0, 0), "");
}

#[test]
fn frames_of_every_size_draw_without_panic() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (30, 5),
        (59, 10),
        (61, 4),
        (200, 60),
    ] {
        let mut s = state(w, h);
        let _ = buffer(&s, &dark());
        for a in [
            Action::Help,
            Action::Close,
            Action::FocusNext,
            Action::Activate,
            Action::Filter,
        ] {
            update(&mut s, a);
            let _ = buffer(&s, &dark());
        }
    }
}

const HOSTILE: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]52;c;cGF5bG9hZA==\u{7}",
    "\u{1b}]0;pwned title\u{7}",
    "\u{1b}]2;another\u{1b}\\",
    "\u{9b}31m",
    "\u{9d}8;;http://evil\u{9c}",
];

fn hostile_article() -> (Article, Tagged) {
    let evil = HOSTILE.concat();
    let para = format!(
        "Anna Berg said{evil} the vote was close.\u{7}\u{7} Bidi \u{202e}reversed\u{202c} text, isolate \u{2066}x\u{2069}, DEL \u{7f} and NUL \u{0}."
    );
    let a = Article {
        title: format!("Title {}", HOSTILE[2]),
        deck: Some(format!("Deck {}", HOSTILE[0])),
        byline: Some(format!("By {}", HOSTILE[4])),
        sections: vec![Section {
            heading: Some(format!("Heading {}", HOSTILE[1])),
            paragraphs: vec![Paragraph::new(para.clone())],
        }],
        dropped: 0,
        date: None,
    };
    let start = 0;
    let t = Tagged {
        actors: vec![Actor {
            name: format!("Anna{}", HOSTILE[1]),
            kind: ActorKind::Person,
            code: None,
            aliases: vec![],
            mentions: vec![Mention {
                paragraph: 0,
                start,
                end: 9,
                text: "Anna Berg".into(),
            }],
            evidence: Vec::new(),
        }],
        metonyms: vec![],
    };
    (a, t)
}

/// A `Write` into a shared `Vec<u8>`, to read what the crossterm backend wrote.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn hostile_article_never_reaches_the_terminal() {
    let (a, t) = hostile_article();
    let mut s = ViewState::new(&a, &t, help());
    update(
        &mut s,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let opts = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let mut term = Terminal::with_options(backend, opts).unwrap();
    let theme = dark();
    let h = hints(&Keymap::default());
    // Several frames: plain, actor selected, search typed with escapes in the query, help.
    term.draw(|f| widgets::draw(f.buffer_mut(), &s, &theme, &h))
        .unwrap();
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Activate);
    update(&mut s, Action::NextMatch);
    term.draw(|f| widgets::draw(f.buffer_mut(), &s, &theme, &h))
        .unwrap();
    update(&mut s, Action::Search);
    for c in "\u{1b}]0;q\u{7}".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    term.draw(|f| widgets::draw(f.buffer_mut(), &s, &theme, &h))
        .unwrap();
    drop(term);
    let out = sink.0.borrow().clone();
    let out_str = String::from_utf8_lossy(&out);
    // Sanity: the text itself was drawn.
    assert!(out_str.contains("vote"), "article text missing");
    for seq in HOSTILE {
        assert!(
            !out.windows(seq.len()).any(|w| w == seq.as_bytes()),
            "{seq:?} reached the terminal"
        );
    }
    // No OSC at all, no BEL, no C1 controls, no bidi controls, no DEL/NUL: lede itself only
    // writes CSI sequences.
    for bad in [
        "\u{1b}]", "\u{7}", "\u{9b}", "\u{9d}", "\u{9c}", "\u{202e}", "\u{2066}", "\u{7f}", "\u{0}",
    ] {
        assert!(!out_str.contains(bad), "{bad:?} in output");
    }
    assert!(
        !out_str.contains("\u{1b}[2J"),
        "clear-screen from the article"
    );
    // The escapes are visible as harmless placeholders.
    assert!(out_str.contains('\u{241b}'), "ESC shown as ␛");
    assert!(out_str.contains('\u{fffd}'), "C1/bidi shown as �");
}

#[test]
fn hostile_text_is_visible_in_the_buffer() {
    let (a, t) = hostile_article();
    let mut s = ViewState::new(&a, &t, help());
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 30,
        },
    );
    let b = buffer(&s, &dark());
    assert!(find(&b, "said␛[2J␛]52;c;cGF5bG9hZA==␇").is_some());
    assert!(find(&b, "�reversed�").is_some());
}

#[test]
fn the_article_fixture_is_ours() {
    // Guards the snapshots: they depend on this exact text.
    assert_eq!(article().paragraph_count(), 6);
}

/// The test article with a highlight on its first sentence carrying a note (with a hostile
/// escape sequence: notes are drawn sanitised too).
fn with_highlight(w: u16, h: u16) -> ViewState {
    use lede::notes::TextPosition;
    let mut s = state(w, h);
    let first = "Anna Berg arrived in Valparaíso on Monday.";
    let third = "Tomas Lind, the U.S. observer, said Norway and Chile were close.";
    s.set_highlights(vec![
        lede::view::HighlightView {
            id: "a".into(),
            start: TextPosition::new(0, 0),
            end: TextPosition::new(0, first.len()),
            quote: first.into(),
            note: "Why Monday?\x1b[31m red".into(),
            actors: vec!["Anna Berg".into()],
            orphaned: false,
        },
        lede::view::HighlightView {
            id: "b".into(),
            start: TextPosition::new(1, 0),
            end: TextPosition::new(1, third.len()),
            quote: third.into(),
            note: String::new(),
            actors: vec!["Tomas Lind".into(), "Norway".into(), "Chile".into()],
            orphaned: false,
        },
    ]);
    s
}

#[test]
fn snapshot_highlight() {
    let mut s = with_highlight(80, 24);
    // The cursor elsewhere, so the highlight shows on its own.
    update(&mut s, Action::NextSentence);
    let t = dark();
    let b = buffer(&s, &t);
    let (x, y) = find(&b, "arrived in").unwrap();
    assert_eq!(b[(x, y)].bg, rgb(t.highlight.bg.unwrap()));
    let (x2, y2) = find(&b, "envoy met").unwrap();
    assert_ne!(b[(x2, y2)].bg, rgb(t.highlight.bg.unwrap()));
    insta::assert_snapshot!("highlight", draw(&s, &t).backend());
}

#[test]
fn snapshot_selection() {
    let mut s = state(80, 24);
    update(&mut s, Action::Select);
    update(&mut s, Action::LineDown);
    let b = buffer(&s, &dark());
    let (x, y) = find(&b, "Norwegian envoy").unwrap();
    assert!(b[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x2, y2) = find(&b, "Mr. Lind").unwrap();
    assert!(!b[(x2, y2)].modifier.contains(Modifier::REVERSED));
    assert!(row(&b, 23).contains("SELECT 2 sentences"));
}

#[test]
fn snapshot_note_editor() {
    let mut s = with_highlight(80, 24);
    update(&mut s, Action::Note);
    assert_eq!(s.mode, lede::view::Mode::Note);
    update(&mut s, Action::EditNewline);
    for c in "Ask the port authority — Zürich?".chars() {
        update(&mut s, Action::EditChar(c));
    }
    update(&mut s, Action::EditLeft);
    let b = buffer(&s, &dark());
    // The cursor cell (on the '?') is reversed.
    let (x, y) = find(&b, "Zürich?").unwrap();
    assert!(b[(x + 6, y)].modifier.contains(Modifier::REVERSED));
    assert!(!b[(x + 5, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!("note_editor", draw(&s, &dark()).backend());
}

#[test]
fn snapshot_highlight_list() {
    let mut s = with_highlight(80, 24);
    update(&mut s, Action::Marks);
    update(&mut s, Action::LineDown);
    insta::assert_snapshot!("highlight_list", draw(&s, &dark()).backend());
}

#[test]
fn the_first_frame_shows_the_article_while_actors_are_found_then_the_actors() {
    // As `lede` starts: the article without actors, tagged on another thread.
    let mut s = ViewState::new(&article(), &Tagged::default(), help());
    update(
        &mut s,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    s.loading = true;
    let b = buffer(&s, &dark());
    assert!(
        find(&b, "Harbour Talks Resume").is_some(),
        "the article is drawn"
    );
    assert!(find(&b, "finding people and countries").is_some());
    assert!(
        find(&b, "finding actors").is_some(),
        "the status line says so too"
    );
    assert!(find(&b, "People (").is_none());
    let anna = find(&b, "Anna Berg").expect("mention text");
    let plain = b[anna].style();
    update(&mut s, Action::LineDown);
    let top = s.top();
    s.set_tagged(&tagged());
    assert_eq!(s.top(), top, "the reading position is kept");
    let b = buffer(&s, &dark());
    assert!(find(&b, "finding").is_none());
    assert!(find(&b, "People (2)").is_some(), "{}", row(&b, 1));
    let anna = find(&b, "Anna Berg").expect("mention text");
    assert_ne!(b[anna].style(), plain, "mentions are styled once tagged");
}
