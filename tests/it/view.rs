//! The reader's state machine, driven by actions on a hand-built article (no terminal).

use lede::article::{Article, Paragraph, Section};
use lede::tag::{Actor, ActorKind, Mention, MetonymMention, Tagged};
use lede::view::{update, Action, BlockKind, FilterMode, Focus, Mode, ViewState};

/// Our own test article: three sections, two people, two countries, two metonyms.
pub fn article() -> Article {
    let p = |t: &str| Paragraph::new(t);
    Article {
        title: "Harbour Talks Resume in Valparaíso".into(),
        deck: Some("Chile and Norway look for a deal on fishing quotas".into()),
        byline: Some("By Test Writer".into()),
        sections: vec![
            Section {
                heading: None,
                paragraphs: vec![
                    p("Anna Berg arrived in Valparaíso on Monday. The Norwegian envoy met Chilean officials at the port. Mr. Lind was not there."),
                    p("Tomas Lind, the U.S. observer, said Norway and Chile were close. Berg disagreed. She said the harbour question was open."),
                ],
            },
            Section {
                heading: Some("The Quota Question".into()),
                paragraphs: vec![
                    p("Chile wants a larger share of the southern catch. Norway has offered a smaller one."),
                    p("Anna Berg said the talks would go on. Lind left for Santiago on Tuesday."),
                ],
            },
            Section {
                heading: Some("What Next".into()),
                paragraphs: vec![
                    p("The harbour authority will publish figures. Nobody expects a deal before the winter."),
                    p("Berg and Lind will meet again in Oslo, where Norway hosts the next round."),
                ],
            },
        ],
        dropped: 0,
        date: None,
    }
}

/// Whole-word occurrences of `forms` (longest first, no overlaps) in each paragraph.
fn find(a: &Article, forms: &[&str], taken: &mut Vec<(usize, usize, usize)>) -> Vec<Mention> {
    let mut out = Vec::new();
    for (pi, para) in a.paragraphs().enumerate() {
        let t = &para.text;
        for f in forms {
            for (s, _) in t.match_indices(f) {
                let e = s + f.len();
                let word_start = t[..s].chars().last().is_none_or(|c| !c.is_alphanumeric());
                let word_end = t[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                let free = !taken.iter().any(|&(p, a, b)| p == pi && s < b && a < e);
                if word_start && word_end && free {
                    taken.push((pi, s, e));
                    out.push(Mention {
                        paragraph: pi,
                        start: s,
                        end: e,
                        text: (*f).into(),
                    });
                }
            }
        }
    }
    out.sort_by_key(|m| (m.paragraph, m.start));
    out
}

/// Hand-built tagger output for `article()`.
pub fn tagged() -> Tagged {
    let a = article();
    let mut taken = Vec::new();
    let mut actor = |name: &str, kind, code: Option<&str>, forms: &[&str]| Actor {
        name: name.into(),
        kind,
        code: code.map(String::from),
        aliases: forms.iter().map(|f| f.to_string()).collect(),
        mentions: find(&a, forms, &mut taken),
        evidence: Vec::new(),
    };
    let actors = vec![
        actor("Anna Berg", ActorKind::Person, None, &["Anna Berg", "Berg"]),
        actor(
            "Tomas Lind",
            ActorKind::Person,
            None,
            &["Tomas Lind", "Lind"],
        ),
        actor("Chile", ActorKind::Country, Some("CL"), &["Chile"]),
        actor("Norway", ActorKind::Country, Some("NO"), &["Norway"]),
    ];
    let metonyms = find(&a, &["Santiago", "Oslo"], &mut taken)
        .into_iter()
        .map(|m| MetonymMention {
            paragraph: m.paragraph,
            start: m.start,
            end: m.end,
            code: if &*m.text == "Oslo" { "NO" } else { "CL" }.into(),
        })
        .collect();
    Tagged { actors, metonyms }
}

pub fn help() -> Vec<(String, String)> {
    lede::config::keymap::Keymap::default().help_lines()
}

/// A reader on the test article in a `w`×`h` terminal.
pub fn state(w: u16, h: u16) -> ViewState {
    let mut s = ViewState::new(&article(), &tagged(), help());
    update(
        &mut s,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    s
}

fn run(s: &mut ViewState, actions: &[Action]) {
    for a in actions {
        update(s, *a);
    }
}

/// The text of the cursor's sentence.
fn cursor_text(s: &ViewState) -> &str {
    let (b, st, e) = s.cursor_range().expect("cursor");
    &s.doc.blocks[b].text[st as usize..e as usize]
}

fn current_text(s: &ViewState) -> &str {
    let h = s.current.expect("current hit");
    &s.doc.blocks[h.block].text[h.start as usize..h.end as usize]
}

/// Select the actor called `name` through the panel, as a user would.
fn select(s: &mut ViewState, name: &str) {
    if s.focus != Focus::Panel {
        update(s, Action::FocusNext);
    }
    update(s, Action::Top);
    for _ in 0..s.panel_order().len() {
        let a = s.panel_actor().expect("actor");
        if s.doc.actors[a].name == name {
            update(s, Action::Activate);
            return;
        }
        update(s, Action::LineDown);
    }
    panic!("no actor {name}");
}

#[test]
fn cursor_starts_on_first_sentence_of_first_paragraph() {
    let s = state(80, 24);
    assert_eq!(
        cursor_text(&s),
        "Anna Berg arrived in Valparaíso on Monday."
    );
    assert_eq!(s.focus, Focus::Article);
}

#[test]
fn abbreviations_do_not_split_sentences() {
    let mut s = state(80, 40);
    run(&mut s, &[Action::NextSentence, Action::NextSentence]);
    assert_eq!(cursor_text(&s), "Mr. Lind was not there.");
    update(&mut s, Action::NextSentence);
    assert_eq!(
        cursor_text(&s),
        "Tomas Lind, the U.S. observer, said Norway and Chile were close."
    );
    update(&mut s, Action::PrevSentence);
    assert_eq!(cursor_text(&s), "Mr. Lind was not there.");
}

#[test]
fn scrolling_moves_and_clamps() {
    let mut s = state(80, 10);
    assert_eq!(s.top().vi, 0);
    assert_eq!(s.percent(), 0);
    update(&mut s, Action::LineDown);
    assert_eq!(
        (s.top().vi, s.top().row),
        (0, 1),
        "title block has 1 line + gap"
    );
    update(&mut s, Action::LineUp);
    update(&mut s, Action::LineUp);
    assert_eq!(s.top(), Default::default(), "cannot scroll above the top");
    update(&mut s, Action::Bottom);
    assert_eq!(s.percent(), 100);
    let bottom = s.top();
    assert_eq!(bottom, s.max_top());
    update(&mut s, Action::LineDown);
    assert_eq!(s.top(), bottom, "cannot scroll past the end");
    // The last text row is on the last screen row.
    let rows = s.screen_rows();
    assert_eq!(rows.len(), s.rows());
    let last_block = s.doc.blocks.len() - 1;
    assert_eq!(rows.last().map(|r| r.0), Some(last_block));
    assert!(rows.last().unwrap().1.is_some());
    update(&mut s, Action::Top);
    assert_eq!(s.top(), Default::default());
    update(&mut s, Action::PageDown);
    let page = s.top();
    assert!(page > Default::default());
    update(&mut s, Action::PageUp);
    assert_eq!(s.top(), Default::default());
    update(&mut s, Action::HalfPageDown);
    assert!(s.top() > Default::default() && s.top() < page);
}

#[test]
fn cursor_follows_the_view() {
    let mut s = state(80, 8);
    let first = s.cursor;
    // Scroll until the first paragraph is off screen: the cursor moves to the first sentence
    // that starts on screen.
    for _ in 0..12 {
        update(&mut s, Action::LineDown);
    }
    assert_ne!(s.cursor, first);
    let (b, st, _) = s.cursor_range().unwrap();
    let p = s.pos_of(b, st).unwrap();
    assert!(
        p >= s.top() && p <= s.bottom(),
        "cursor on screen after scrolling down"
    );
    // Going back to the top: the cursor is now below the screen and moves to the last
    // sentence starting on it.
    update(&mut s, Action::Top);
    let (b, st, _) = s.cursor_range().unwrap();
    let p = s.pos_of(b, st).unwrap();
    assert!(p >= s.top() && p <= s.bottom());
}

#[test]
fn cursor_stays_while_on_screen() {
    let mut s = state(80, 30);
    update(&mut s, Action::NextSentence);
    let c = s.cursor;
    update(&mut s, Action::LineDown);
    assert_eq!(s.cursor, c);
}

#[test]
fn section_jumps() {
    let mut s = state(80, 10);
    update(&mut s, Action::NextSection);
    let b = s.block_at(s.top().vi);
    assert_eq!(s.doc.blocks[b].kind, BlockKind::Heading);
    assert_eq!(s.doc.blocks[b].text, "The Quota Question");
    assert_eq!(
        cursor_text(&s),
        "Chile wants a larger share of the southern catch."
    );
    update(&mut s, Action::NextSection);
    // The last section is short: the view stops at the end, with its heading on screen.
    let on_screen: Vec<&str> = s
        .screen_rows()
        .iter()
        .map(|&(b, _)| s.doc.blocks[b].text.as_str())
        .collect();
    assert!(on_screen.contains(&"What Next"));
    assert_eq!(s.top(), s.max_top());
    assert_eq!(
        cursor_text(&s),
        "The harbour authority will publish figures."
    );
    update(&mut s, Action::NextSection);
    assert!(s
        .message
        .as_deref()
        .unwrap_or("")
        .contains("no next section"));
    update(&mut s, Action::PrevSection);
    let b = s.block_at(s.top().vi);
    assert_eq!(s.doc.blocks[b].text, "The Quota Question");
    update(&mut s, Action::PrevSection);
    assert_eq!(s.top(), Default::default());
}

#[test]
fn focus_moves_between_article_and_panel() {
    let mut s = state(80, 24);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Focus::Panel);
    let top = s.top();
    update(&mut s, Action::LineDown);
    assert_eq!(
        s.top(),
        top,
        "j in the panel moves the panel cursor, not the article"
    );
    assert_eq!(s.panel_cursor, 1);
    update(&mut s, Action::Activate);
    assert_eq!(s.selected_names(), vec!["Tomas Lind"]);
    update(&mut s, Action::Activate);
    assert!(!s.any_selected(), "Enter again deselects");
    update(&mut s, Action::Close);
    assert_eq!(s.focus, Focus::Article);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Focus::Article);
}

#[test]
fn panel_lists_people_then_countries() {
    let s = state(80, 24);
    let names: Vec<&str> = s
        .panel_order()
        .iter()
        .map(|&i| s.doc.actors[i].name.as_str())
        .collect();
    assert_eq!(names, vec!["Anna Berg", "Tomas Lind", "Chile", "Norway"]);
}

#[test]
fn next_and_previous_mention_of_selected_actors() {
    let mut s = state(80, 10);
    update(&mut s, Action::NextMatch);
    assert!(s
        .message
        .as_deref()
        .unwrap_or("")
        .contains("select an actor"));
    select(&mut s, "Tomas Lind");
    update(&mut s, Action::FocusNext);
    let expected: Vec<(usize, u32)> = s
        .selected_mentions()
        .iter()
        .map(|h| (h.block, h.start))
        .collect();
    assert_eq!(
        expected.len(),
        4,
        "Lind, Tomas Lind, Lind, Lind in the test article"
    );
    let mut seen = Vec::new();
    for _ in 0..expected.len() {
        update(&mut s, Action::NextMatch);
        let h = s.current.unwrap();
        seen.push((h.block, h.start));
        assert!(["Lind", "Tomas Lind"].contains(&current_text(&s)));
        // Visible and the cursor is on its sentence.
        let p = s.pos_of(h.block, h.start).unwrap();
        assert!(
            p >= s.top() && p <= s.bottom(),
            "jump scrolls the mention into view"
        );
        let (cb, cs, ce) = s.cursor_range().unwrap();
        assert!(cb == h.block && cs <= h.start && h.end <= ce);
    }
    assert_eq!(seen, expected);
    update(&mut s, Action::NextMatch);
    assert_eq!(
        (s.current.unwrap().block, s.current.unwrap().start),
        expected[0]
    );
    assert!(s.message.as_deref().unwrap_or("").contains("wrapped"));
    update(&mut s, Action::PrevMatch);
    assert_eq!(
        (s.current.unwrap().block, s.current.unwrap().start),
        *expected.last().unwrap()
    );
    update(&mut s, Action::PrevMatch);
    assert_eq!(
        (s.current.unwrap().block, s.current.unwrap().start),
        expected[expected.len() - 2]
    );
}

#[test]
fn mentions_of_several_actors_interleave() {
    let mut s = state(80, 24);
    select(&mut s, "Chile");
    select(&mut s, "Norway");
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::NextMatch);
    assert_eq!(current_text(&s), "Norway");
    update(&mut s, Action::NextMatch);
    assert_eq!(current_text(&s), "Chile");
}

fn visible_paragraphs(s: &ViewState) -> Vec<&str> {
    (0..s.visible_len())
        .map(|v| &s.doc.blocks[s.block_at(v)])
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn filter_all_and_any() {
    let mut s = state(80, 24);
    update(&mut s, Action::Filter);
    assert!(s.filter.is_none(), "nothing selected: no filter");
    select(&mut s, "Anna Berg");
    select(&mut s, "Chile");
    update(&mut s, Action::Filter);
    assert_eq!(s.filter, Some(FilterMode::All));
    let all = visible_paragraphs(&s);
    assert_eq!(all.len(), 1);
    assert!(all[0].starts_with("Tomas Lind, the U.S. observer"));
    // Headings of sections without a kept paragraph are hidden.
    let headings = (0..s.visible_len())
        .filter(|&v| s.doc.blocks[s.block_at(v)].kind == BlockKind::Heading)
        .count();
    assert_eq!(headings, 0);
    assert!(lede::view::render::status_left(&s).contains("filter: all of Anna Berg, Chile"));
    update(&mut s, Action::FilterMode);
    assert_eq!(s.filter, Some(FilterMode::Any));
    let any = visible_paragraphs(&s);
    assert_eq!(any.len(), 5);
    for p in &any {
        assert!(p.contains("Berg") || p.contains("Chile"), "{p}");
    }
    assert!(!any.iter().any(|p| p.starts_with("The harbour authority")));
    // n/N only visits visible mentions.
    update(&mut s, Action::FocusNext);
    for _ in 0..10 {
        update(&mut s, Action::NextMatch);
        assert!(s.is_visible(s.current.unwrap().block));
    }
    update(&mut s, Action::ClearFilter);
    assert_eq!(s.filter, None);
    assert_eq!(visible_paragraphs(&s).len(), 6);
}

#[test]
fn filter_hides_mentions_from_n() {
    let mut s = state(80, 24);
    select(&mut s, "Tomas Lind");
    select(&mut s, "Norway");
    update(&mut s, Action::Filter);
    // All: paragraphs with both Lind and Norway.
    assert_eq!(visible_paragraphs(&s).len(), 2);
    let hits = s.selected_mentions();
    assert!(hits.iter().all(|h| s.is_visible(h.block)));
    assert_eq!(hits.len(), 4);
}

#[test]
fn deselecting_the_last_actor_clears_the_filter() {
    let mut s = state(80, 24);
    select(&mut s, "Chile");
    update(&mut s, Action::Filter);
    assert_eq!(visible_paragraphs(&s).len(), 2);
    select(&mut s, "Chile");
    assert_eq!(s.filter, None);
    assert_eq!(visible_paragraphs(&s).len(), 6);
}

fn type_search(s: &mut ViewState, q: &str) {
    update(s, Action::Search);
    for c in q.chars() {
        update(s, Action::SearchInput(c));
    }
}

#[test]
fn incremental_search_with_counter() {
    let mut s = state(80, 10);
    type_search(&mut s, "harb");
    assert_eq!(s.mode, Mode::SearchInput);
    let q = s.search.as_ref().unwrap();
    // "Harbour" (title, case-insensitive) + "harbour" twice.
    assert_eq!(q.matches.len(), 3);
    assert_eq!(q.counter(), "1/3");
    assert!(lede::view::render::status_left(&s).starts_with("/harb  1/3"));
    update(&mut s, Action::SearchInput('z'));
    assert_eq!(s.search.as_ref().unwrap().counter(), "0/0");
    update(&mut s, Action::SearchBackspace);
    update(&mut s, Action::SearchConfirm);
    assert_eq!(s.mode, Mode::Normal);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.search.as_ref().unwrap().counter(), "2/3");
    assert_eq!(current_text(&s), "harb");
    update(&mut s, Action::NextMatch);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.search.as_ref().unwrap().counter(), "1/3", "wraps");
    update(&mut s, Action::PrevMatch);
    assert_eq!(s.search.as_ref().unwrap().counter(), "3/3");
    let h = s.current.unwrap();
    let p = s.pos_of(h.block, h.start).unwrap();
    assert!(p >= s.top() && p <= s.bottom());
    assert!(lede::view::render::status_left(&s).contains("\"harb\" 3/3"));
    update(&mut s, Action::Close);
    assert!(s.search.is_none() && s.current.is_none());
}

#[test]
fn search_with_capitals_is_case_sensitive() {
    let mut s = state(80, 24);
    type_search(&mut s, "Harbour");
    assert_eq!(s.search.as_ref().unwrap().matches.len(), 1);
    update(&mut s, Action::Close);
    assert!(s.search.is_none());
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn search_keys_are_text_while_typing() {
    let mut s = state(80, 24);
    type_search(&mut s, "q");
    assert!(!s.quit, "q typed into the prompt does not quit");
    update(&mut s, Action::SearchConfirm);
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state(80, 24);
    update(&mut s, Action::Help);
    assert_eq!(s.mode, Mode::Help { scroll: 0 });
    update(&mut s, Action::LineDown);
    assert_eq!(s.mode, Mode::Help { scroll: 1 });
    update(&mut s, Action::Quit);
    assert_eq!(s.mode, Mode::Normal);
    assert!(!s.quit, "q closes the help first");
    update(&mut s, Action::Help);
    update(&mut s, Action::Close);
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn narrow_window_hides_the_panel_and_a_key_shows_it() {
    let mut s = state(59, 20);
    assert!(!s.panel_shown());
    assert_eq!(s.layout.text.width, 59 - 3);
    update(&mut s, Action::TogglePanel);
    assert!(s.panel_shown());
    update(&mut s, Action::TogglePanel);
    assert!(!s.panel_shown());
    // Tab shows the panel when it is hidden.
    update(&mut s, Action::FocusNext);
    assert!(s.panel_shown());
    assert_eq!(s.focus, Focus::Panel);
    let s = state(60, 20);
    assert!(s.panel_shown());
}

#[test]
fn wide_window_centres_a_100_column_text() {
    let s = state(250, 30);
    let t = s.layout.text;
    assert_eq!(t.width, 100);
    let article_w = s.layout.article.width;
    let left = t.x - 2;
    let right = article_w - (t.x + t.width);
    assert!(left.abs_diff(right) <= 2, "centred: {left} vs {right}");
}

#[test]
fn resize_keeps_the_reading_place() {
    let mut s = state(100, 12);
    update(&mut s, Action::NextSection);
    let b = s.block_at(s.top().vi);
    update(
        &mut s,
        Action::Resize {
            width: 70,
            height: 12,
        },
    );
    assert_eq!(s.block_at(s.top().vi), b);
    update(
        &mut s,
        Action::Resize {
            width: 200,
            height: 40,
        },
    );
    assert!(s.top() <= s.max_top());
}

#[test]
fn tiny_windows_do_not_panic() {
    let all = [
        Action::LineDown,
        Action::PageDown,
        Action::Bottom,
        Action::NextSection,
        Action::FocusNext,
        Action::Activate,
        Action::NextMatch,
        Action::Filter,
        Action::Help,
        Action::Close,
        Action::TogglePanel,
        Action::PrevSection,
        Action::Top,
        Action::NextSentence,
    ];
    for (w, h) in [(1, 1), (0, 0), (1, 5), (5, 1), (3, 3), (2, 40)] {
        let mut s = state(w, h);
        for a in all {
            update(&mut s, a);
            let _ = s.screen_rows();
            let _ = lede::view::render::status_left(&s);
        }
    }
}

#[test]
fn mouse_click_selects_an_actor() {
    let mut s = state(80, 24);
    let list = s.layout.panel_list().unwrap();
    // Row 0 is the "People" header, row 1 the first person.
    update(
        &mut s,
        Action::Click {
            x: list.x + 1,
            y: list.y + 1,
        },
    );
    assert_eq!(s.selected_names(), vec!["Anna Berg"]);
    assert_eq!(s.focus, Focus::Panel);
    update(
        &mut s,
        Action::Click {
            x: list.x + 1,
            y: list.y,
        },
    );
    assert_eq!(
        s.selected_names(),
        vec!["Anna Berg"],
        "header click does nothing"
    );
    let top = s.top();
    update(
        &mut s,
        Action::Wheel {
            x: 1,
            y: 1,
            lines: 3,
        },
    );
    assert!(s.top() > top);
}

#[test]
fn empty_article_is_fine() {
    let mut s = ViewState::new(&Article::default(), &Tagged::default(), help());
    for a in [
        Action::Resize {
            width: 80,
            height: 24,
        },
        Action::LineDown,
        Action::Bottom,
        Action::NextSentence,
        Action::NextSection,
        Action::FocusNext,
        Action::Activate,
        Action::Search,
        Action::SearchInput('a'),
    ] {
        update(&mut s, a);
    }
    assert_eq!(s.percent(), 100);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::LineDown),
            Just(Action::LineUp),
            Just(Action::HalfPageDown),
            Just(Action::PageUp),
            Just(Action::Top),
            Just(Action::Bottom),
            Just(Action::NextSection),
            Just(Action::PrevSection),
            Just(Action::NextSentence),
            Just(Action::PrevSentence),
            Just(Action::FocusNext),
            Just(Action::Activate),
            Just(Action::NextMatch),
            Just(Action::PrevMatch),
            Just(Action::Filter),
            Just(Action::FilterMode),
            Just(Action::ClearFilter),
            Just(Action::Search),
            Just(Action::SearchConfirm),
            Just(Action::Close),
            Just(Action::TogglePanel),
            prop::char::range('a', 'z').prop_map(Action::SearchInput),
            (0u16..130, 0u16..50).prop_map(|(width, height)| Action::Resize { width, height }),
            (0u16..130, 0u16..50).prop_map(|(x, y)| Action::Click { x, y }),
        ]
    }

    proptest! {
        #[test]
        fn any_action_sequence_keeps_the_view_consistent(actions in prop::collection::vec(action(), 1..60)) {
            let mut s = state(80, 20);
            for a in actions {
                update(&mut s, a);
                prop_assert!(s.top() <= s.max_top());
                prop_assert!(s.screen_rows().len() <= s.rows());
                if let Some((b, st, e)) = s.cursor_range() {
                    prop_assert!(st < e && (e as usize) <= s.doc.blocks[b].text.len());
                }
                if let Some(h) = s.current {
                    prop_assert!(s.is_visible(h.block));
                }
                prop_assert!(s.percent() <= 100);
            }
        }
    }
}

#[test]
fn byline_and_date_share_a_line() {
    let mut a = article();
    a.date = Some("3 May 2026".into());
    let s = ViewState::new(&a, &tagged(), help());
    let byline: Vec<&str> = s
        .doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Byline)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(byline, vec!["By Test Writer · 3 May 2026"]);
}
