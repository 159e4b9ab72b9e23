//! Configuration: config.toml parsing and its errors (file, line, column), the keymap, themes,
//! NO_COLOR.

use lede::config::keymap::{Key, KeyCode, Keymap, DEFAULT_KEYMAP};
use lede::config::theme::{Theme, BUILTIN};
use lede::config::Config;
use lede::view::action::BINDABLE;
use lede::view::Action;
use lede::Error;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn load(name: &str) -> Result<Config, Error> {
    let path = fixture(name);
    let src = std::fs::read_to_string(&path).unwrap();
    Config::parse(&src, &path)
}

/// (line, column, message) of a config error.
fn err_at(name: &str) -> (usize, usize, String) {
    match load(name) {
        Err(Error::Config {
            file,
            line,
            column,
            message,
        }) => {
            assert_eq!(file, fixture(name));
            (line, column, message)
        }
        Err(e) => panic!("{name}: not a config error: {e}"),
        Ok(_) => panic!("{name}: accepted"),
    }
}

#[test]
fn valid_config_is_resolved() {
    let c = load("config-valid.toml").unwrap();
    assert_eq!(c.theme.as_deref(), Some("light"));
    assert!(c.mouse);
    assert_eq!(c.lexicon.people, vec!["Volodymyr Zelenskyy"]);
    assert_eq!(c.lexicon.not_names, vec!["Energoatom"]);
    assert_eq!(
        c.lexicon.aliases,
        vec![("Zelensky".to_string(), "Volodymyr Zelenskyy".to_string())]
    );
    let k = &c.keymap;
    assert_eq!(k.action(&Key::ctrl('n')), Some(Action::NextMatch));
    assert_eq!(
        k.action(&Key::plain(KeyCode::Char('n'))),
        Some(Action::NextMatch)
    );
    assert_eq!(
        k.action(&Key::plain(KeyCode::Char('Q'))),
        Some(Action::Quit)
    );
    // `quit = "Q"` replaced the default keys of quit.
    assert_eq!(k.action(&Key::plain(KeyCode::Char('q'))), None);
    assert_eq!(k.action(&Key::ctrl('c')), None);
    assert_eq!(
        k.action(&Key::plain(KeyCode::F(2))),
        Some(Action::TogglePanel)
    );
    // Actions the file does not mention keep their defaults.
    assert_eq!(
        k.action(&Key::plain(KeyCode::Char('j'))),
        Some(Action::LineDown)
    );
}

#[test]
fn empty_config_is_all_defaults() {
    let c = Config::parse("", Path::new("/x/config.toml")).unwrap();
    assert_eq!(c.theme, None);
    assert!(!c.mouse, "mouse is off by default");
    assert_eq!(c.keymap, Keymap::default());
    assert_eq!(c.dir.as_deref(), Some(Path::new("/x")));
}

#[test]
fn unknown_key_is_reported_with_line_and_column() {
    let (line, col, msg) = err_at("config-unknown-key.toml");
    assert_eq!((line, col), (3, 1));
    assert!(msg.contains("colour"), "{msg}");
}

#[test]
fn unknown_nested_key_is_reported() {
    let (line, col, msg) = err_at("config-unknown-people-key.toml");
    assert_eq!((line, col), (3, 1));
    assert!(msg.contains("remove"), "{msg}");
}

#[test]
fn unknown_action_is_reported() {
    let (line, col, msg) = err_at("config-unknown-action.toml");
    assert_eq!((line, col), (3, 15));
    assert!(msg.contains("unknown action \"jump_around\""), "{msg}");
}

#[test]
fn key_bound_twice_is_reported() {
    let (line, col, msg) = err_at("config-key-twice.toml");
    assert_eq!((line, col), (3, 10));
    assert!(msg.contains("bound twice"), "{msg}");
    assert!(msg.contains("filter") && msg.contains("search"), "{msg}");
}

#[test]
fn key_taken_by_a_default_is_reported() {
    let (line, col, msg) = err_at("config-key-taken.toml");
    assert_eq!((line, col), (3, 8));
    assert!(
        msg.contains("next_mention") && msg.contains("quit"),
        "{msg}"
    );
}

#[test]
fn bad_key_name_is_reported() {
    let (line, col, msg) = err_at("config-bad-key.toml");
    assert_eq!((line, col), (2, 8));
    assert!(msg.contains("hyper-q"), "{msg}");
}

#[test]
fn unknown_theme_is_reported() {
    let (line, col, msg) = err_at("config-bad-theme.toml");
    assert_eq!((line, col), (2, 9));
    assert!(msg.contains("solarized"), "{msg}");
}

#[test]
fn wrong_type_is_reported() {
    let (line, col, _) = err_at("config-bad-type.toml");
    assert_eq!((line, col), (1, 9));
}

#[test]
fn error_display_is_one_line_with_position() {
    let e = load("config-unknown-action.toml").unwrap_err().to_string();
    assert!(
        e.ends_with("config-unknown-action.toml:3:15: unknown action \"jump_around\""),
        "{e}"
    );
    assert!(!e.contains('\n'));
    let e = load("config-unknown-key.toml").unwrap_err().to_string();
    assert!(!e.contains('\n'), "{e}");
}

#[test]
fn line_col_counts_characters() {
    let src = "a = 1\nπβ = 2\n";
    assert_eq!(lede::config::line_col(src, 0), (1, 1));
    assert_eq!(lede::config::line_col(src, 6), (2, 1));
    // byte 10 is after "πβ" (4 bytes) → third character of line 2.
    assert_eq!(lede::config::line_col(src, 10), (2, 3));
    assert_eq!(lede::config::line_col(src, 999), (3, 1));
}

#[test]
fn default_keymap_binds_every_action_once() {
    let k = Keymap::parse(DEFAULT_KEYMAP).unwrap();
    for (name, action) in BINDABLE {
        let b = k.bindings.iter().find(|b| b.action == *action);
        let b = b.unwrap_or_else(|| panic!("{name} missing from themes/keymap.toml"));
        assert!(!b.keys.is_empty(), "{name} has no key");
        assert!(!b.desc.is_empty(), "{name} has no description");
    }
    assert_eq!(k.bindings.len(), BINDABLE.len());
    assert_eq!(k.help_lines().len(), BINDABLE.len());
    // The keys the issue names.
    let act = |s: &str| k.action(&Key::parse(s).unwrap());
    assert_eq!(act("j"), Some(Action::LineDown));
    assert_eq!(act("down"), Some(Action::LineDown));
    assert_eq!(act("ctrl-d"), Some(Action::HalfPageDown));
    assert_eq!(act("space"), Some(Action::PageDown));
    assert_eq!(act("b"), Some(Action::PageUp));
    assert_eq!(act("G"), Some(Action::Bottom));
    assert_eq!(act("end"), Some(Action::Bottom));
    assert_eq!(act("]"), Some(Action::NextSection));
    assert_eq!(act("tab"), Some(Action::FocusNext));
    assert_eq!(act("enter"), Some(Action::Activate));
    assert_eq!(act("N"), Some(Action::PrevMatch));
    assert_eq!(act("f"), Some(Action::Filter));
    assert_eq!(act("F"), Some(Action::ClearFilter));
    assert_eq!(act("/"), Some(Action::Search));
    assert_eq!(act("?"), Some(Action::Help));
    assert_eq!(act("q"), Some(Action::Quit));
    assert_eq!(act("esc"), Some(Action::Close));
}

#[test]
fn keymap_file_errors() {
    let dup = "[[bind]]\naction = \"quit\"\nkeys = [\"q\"]\ndesc = \"a\"\n\n[[bind]]\naction = \"help\"\nkeys = [\"q\"]\ndesc = \"b\"\n";
    let e = Keymap::parse(dup).unwrap_err();
    assert!(e.message.contains("bound twice"), "{}", e.message);
    let bad = "[[bind]]\naction = \"fly\"\nkeys = [\"q\"]\ndesc = \"a\"\n";
    let e = Keymap::parse(bad).unwrap_err();
    assert_eq!(
        e.span.map(|s| lede::config::line_col(bad, s.start)),
        Some((2, 10))
    );
}

#[test]
fn key_specs() {
    let k = |s: &str| Key::parse(s).unwrap();
    assert_eq!(k("j"), Key::plain(KeyCode::Char('j')));
    assert_eq!(k("G"), Key::plain(KeyCode::Char('G')));
    assert_eq!(k("shift-g"), Key::plain(KeyCode::Char('G')));
    assert_eq!(k("ctrl-D"), Key::ctrl('d'));
    assert_eq!(k("Ctrl-d"), Key::ctrl('d'));
    assert_eq!(k("shift-tab"), Key::plain(KeyCode::BackTab));
    assert_eq!(k("pgdn"), Key::plain(KeyCode::PageDown));
    assert_eq!(k("space"), Key::plain(KeyCode::Char(' ')));
    assert_eq!(k("-"), Key::plain(KeyCode::Char('-')));
    assert_eq!(k("ctrl--"), Key::ctrl('-'));
    assert_eq!(k("f12"), Key::plain(KeyCode::F(12)));
    let alt = k("alt-x");
    assert!(alt.alt && !alt.ctrl);
    for bad in ["", "ctrl-", "f13", "hyper-q", "nope", "\u{1b}"] {
        assert!(Key::parse(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(k("ctrl-d").to_string(), "Ctrl-d");
    assert_eq!(k("down").to_string(), "↓");
}

#[test]
fn builtin_themes_parse_and_keep_mentions_apart() {
    assert_eq!(BUILTIN.len(), 3);
    for (name, src) in BUILTIN {
        let t = Theme::parse(name, src).unwrap_or_else(|e| panic!("{name}: {}", e.message));
        assert_ne!(t.person, t.country, "{name}");
        assert_ne!(t.person, t.metonym, "{name}");
        assert_ne!(t.text, t.person, "{name}");
        assert_ne!(t.search, t.current, "{name}");
        assert_ne!(t.selected, lede::config::theme::Slot::default(), "{name}");
        assert_ne!(
            t.highlight,
            lede::config::theme::Slot::default(),
            "{name}: highlight slot"
        );
        assert_ne!(t.status, lede::config::theme::Slot::default(), "{name}");
    }
}

#[test]
fn theme_errors_have_positions() {
    let src = "[person]\nfg = \"yellow\"\n\n[persn]\nbold = true\n";
    let e = Theme::parse("x", src).unwrap_err();
    assert_eq!(
        e.span.map(|s| lede::config::line_col(src, s.start).0),
        Some(4)
    );
    let src = "[person]\nfg = \"mauve-ish\"\n";
    let e = Theme::parse("x", src).unwrap_err();
    assert_eq!(
        e.span.map(|s| lede::config::line_col(src, s.start)),
        Some((2, 6))
    );
    assert!(e.message.contains("mauve-ish"));
}

#[test]
fn no_color_removes_colours_but_keeps_emphasis() {
    for (name, _) in BUILTIN {
        let t = Theme::builtin(name).unwrap().without_color();
        let slots = [
            t.text,
            t.dim,
            t.title,
            t.heading,
            t.person,
            t.country,
            t.metonym,
            t.selected,
            t.search,
            t.current,
            t.highlight,
            t.cursor,
            t.panel,
            t.panel_cursor,
            t.focus,
            t.status,
            t.overlay,
        ];
        assert!(
            slots.iter().all(|s| s.fg.is_none() && s.bg.is_none()),
            "{name}"
        );
        // Mentions are visible without colour, and distinct from each other and from text.
        let emph = |s: &lede::config::theme::Slot| (s.bold, s.italic, s.underline, s.reverse);
        let plain = emph(&t.text);
        for s in [
            t.person, t.country, t.metonym, t.selected, t.search, t.current,
        ] {
            assert_ne!(emph(&s), plain, "{name}");
        }
        assert_ne!(emph(&t.person), emph(&t.country), "{name}");
        assert!(t.selected.reverse && t.current.reverse);
    }
}

#[test]
fn user_themes_come_from_the_config_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(
        dir.path().join("themes/mine.toml"),
        "[person]\nfg = \"#ff0000\"\nbold = true\n",
    )
    .unwrap();
    let cfg_path = dir.path().join("config.toml");
    std::fs::write(&cfg_path, "theme = \"mine\"\n").unwrap();
    let src = std::fs::read_to_string(&cfg_path).unwrap();
    let c = Config::parse(&src, &cfg_path).unwrap();
    let t = c.resolve_theme(None, false).unwrap();
    assert_eq!(
        t.person.fg,
        Some(lede::config::theme::Color::Rgb(255, 0, 0))
    );
    // --theme wins over the file.
    let t = c.resolve_theme(Some("light"), false).unwrap();
    assert_eq!(t.name, "light");
    assert!(c.resolve_theme(Some("nope"), false).is_err());
    assert!(c.resolve_theme(Some("../config"), false).is_err());
    // A broken user theme is an error with its own file and line.
    std::fs::write(dir.path().join("themes/bad.toml"), "[text]\nfg = 7\n").unwrap();
    match c.resolve_theme(Some("bad"), false) {
        Err(Error::Config { file, line, .. }) => {
            assert!(file.ends_with("themes/bad.toml"));
            assert_eq!(line, 2);
        }
        other => panic!("{other:?}"),
    }
}

fn lede(args: &[&str], config: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_CONFIG", config)
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn binary_reports_config_errors_before_starting() {
    let out = lede(&[], &fixture("config-unknown-action.toml"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config-unknown-action.toml:3:15: unknown action"),
        "{err}"
    );
    // Nothing was written to the terminal (no alternate screen switch).
    assert!(out.stdout.is_empty());
    // The tagger's config load reports the same error.
    let out = lede(
        &["actors", "examples/sample.txt"],
        &fixture("config-unknown-key.toml"),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn binary_reports_missing_files_before_starting() {
    let out = lede(&["/no/such/article.txt"], &fixture("config-valid.toml"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/article.txt: no such file"), "{err}");
    assert!(out.stdout.is_empty());
    let missing = fixture("config-that-does-not-exist.toml");
    let out = lede(&["actors", "examples/sample.txt"], &missing);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an explicit LEDE_CONFIG must exist"
    );
}
