//! Reader speed: one keypress (action + frame) and one frame on a generated 10 KB and 10 MB
//! article, and opening a 10 MB article (view state + first frame). Only visible lines are
//! wrapped and drawn, so the 10 MB numbers should match the 10 KB ones.
//! Run: cargo bench --bench render

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use lede::article::{Article, Paragraph, Section};
use lede::config::keymap::Keymap;
use lede::config::theme::Theme;
use lede::tag::{Actor, ActorKind, Mention, Tagged};
use lede::view::{update, Action, ViewState};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;

const NAMES: [(&str, ActorKind); 4] = [
    ("Anna Berg", ActorKind::Person),
    ("Tomas Lind", ActorKind::Person),
    ("Norway", ActorKind::Country),
    ("Chile", ActorKind::Country),
];

const WORDS: &[&str] = &[
    "the",
    "talks",
    "resumed",
    "on",
    "Monday",
    "after",
    "a",
    "long",
    "pause",
    "over",
    "quotas",
    "and",
    "harbour",
    "fees",
    "officials",
    "said",
    "that",
    "negotiators",
    "were",
    "close",
    "to",
    "an",
    "agreement",
    "but",
    "several",
    "questions",
    "remained",
    "open",
    "including",
    "who",
    "pays",
    "for",
    "insurance",
    "when",
    "ships",
    "are",
    "delayed",
];

/// A generated article of about `bytes` bytes, with mentions of four actors in every paragraph.
fn generate(bytes: usize) -> (Article, Tagged) {
    let mut sections = Vec::new();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); NAMES.len()];
    let mut size = 0;
    let mut p = 0usize;
    let mut seed = 12345u64;
    while size < bytes {
        let mut paragraphs = Vec::new();
        for _ in 0..20 {
            let mut text = String::new();
            for s in 0..6 {
                let (name, _) = NAMES[(p + s) % NAMES.len()];
                let start = text.len();
                text.push_str(name);
                mentions[(p + s) % NAMES.len()].push(Mention {
                    paragraph: p,
                    start,
                    end: start + name.len(),
                    text: name.into(),
                });
                for _ in 0..14 {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    text.push(' ');
                    text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
                }
                text.push_str(". ");
            }
            let text = text.trim_end().to_string();
            size += text.len();
            paragraphs.push(Paragraph::new(text));
            p += 1;
        }
        sections.push(Section {
            heading: Some(format!("Section {}", sections.len() + 1)),
            paragraphs,
        });
    }
    let actors = NAMES
        .iter()
        .zip(mentions)
        .map(|((name, kind), mentions)| Actor {
            name: name.to_string(),
            kind: *kind,
            code: None,
            aliases: vec![],
            mentions,
            evidence: Vec::new(),
        })
        .collect();
    let article = Article {
        title: "Generated Article".into(),
        sections,
        ..Article::default()
    };
    (
        article,
        Tagged {
            actors,
            metonyms: vec![],
        },
    )
}

fn open(a: &Article, t: &Tagged) -> ViewState {
    let mut s = ViewState::new(a, t, Keymap::default().help_lines());
    update(
        &mut s,
        Action::Resize {
            width: 160,
            height: 50,
        },
    );
    s
}

fn bench(c: &mut Criterion) {
    let theme = Theme::builtin("dark").expect("dark theme");
    let hints = lede::tui::hints(&Keymap::default());
    for (label, bytes) in [("10KB", 10_000), ("10MB", 10_000_000)] {
        let (article, tagged) = generate(bytes);
        let mut term = Terminal::new(TestBackend::new(160, 50)).expect("test backend");
        let mut s = open(&article, &tagged);
        // Start in the middle, with an actor selected (its mentions emphasised).
        update(&mut s, Action::FocusNext);
        update(&mut s, Action::Activate);
        update(&mut s, Action::FocusNext);
        while s.top().vi * 2 < s.visible_len() {
            let before = s.top();
            update(&mut s, Action::NextSection);
            if s.top() == before {
                update(&mut s, Action::HalfPageDown);
                if s.top() == before {
                    break;
                }
            }
        }
        c.bench_function(&format!("frame/{label}"), |b| {
            b.iter(|| {
                term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), &s, &theme, &hints))
                    .expect("draw");
            })
        });
        c.bench_function(&format!("keypress_scroll/{label}"), |b| {
            b.iter(|| {
                update(&mut s, Action::LineDown);
                if s.top() >= s.max_top() {
                    update(&mut s, Action::Top);
                }
                term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), &s, &theme, &hints))
                    .expect("draw");
            })
        });
        c.bench_function(&format!("keypress_page/{label}"), |b| {
            b.iter(|| {
                update(&mut s, Action::PageDown);
                if s.top() >= s.max_top() {
                    update(&mut s, Action::Top);
                }
                term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), &s, &theme, &hints))
                    .expect("draw");
            })
        });
        c.bench_function(&format!("keypress_next_mention/{label}"), |b| {
            b.iter(|| {
                update(&mut s, Action::NextMatch);
                term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), &s, &theme, &hints))
                    .expect("draw");
            })
        });
        // Typing in the search prompt: each keypress re-finds the matches. Alternate between
        // the 6th letter of "quotas" and Backspace, so every iteration is one keypress.
        let typing = &mut s;
        update(typing, Action::Search);
        for ch in "quota".chars() {
            update(typing, Action::SearchInput(ch));
        }
        c.bench_function(&format!("keypress_search/{label}"), |b| {
            b.iter(|| {
                if typing.search.as_ref().is_some_and(|q| q.query.len() > 5) {
                    update(typing, Action::SearchBackspace);
                } else {
                    update(typing, Action::SearchInput('s'));
                }
                term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), typing, &theme, &hints))
                    .expect("draw");
            })
        });
        if bytes > 1_000_000 {
            let mut group = c.benchmark_group("open");
            group.sample_size(10);
            group.bench_function(format!("view_and_first_frame/{label}"), |b| {
                b.iter_batched(
                    || (),
                    |_| {
                        let s = open(&article, &tagged);
                        term.draw(|f| lede::tui::widgets::draw(f.buffer_mut(), &s, &theme, &hints))
                            .expect("draw");
                        black_box(s.visible_len())
                    },
                    BatchSize::PerIteration,
                )
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
