//! The `lede` command line: read (default), parse, actors, tag, export; FILE may be a URL.
//! One-line errors on stderr; exit 1 for bad input, 2 for bad usage.

use clap::{Parser, Subcommand, ValueEnum};
use lede::{article, source, tag, Error};
use std::io::{BufRead, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "Read news articles in the terminal, with their actors made visible"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// Article to read (plain text, Markdown or HTML; an http(s) URL; `-` for stdin). Without
    /// one, the bundled sample.
    file: Option<String>,
    /// Theme name (dark, light, high-contrast, or a theme in the config dir).
    #[arg(long)]
    theme: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the article's structure: title, deck, byline, sections.
    Parse {
        file: String,
        /// Print JSON instead of a readable outline.
        #[arg(long)]
        json: bool,
    },
    /// List the people and countries in the article.
    Actors {
        file: String,
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (name, kind, code, mentions, paragraphs).
        #[arg(long)]
        csv: bool,
        /// Explain why NAME is (or is not) a person or country of the article.
        #[arg(long, value_name = "NAME", conflicts_with_all = ["json", "csv"])]
        why: Option<String>,
    },
    /// Tag raw text lines for evaluation: JSON lines {"id","text"} on stdin.
    Tag {
        /// Required: read and write JSON lines.
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// Export the highlighted notes of an article.
    Export {
        file: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<String>,
    },
    /// Test-only: add COUNT highlights to FILE's notes (ranges FROM.. of a fixed enumeration),
    /// printing each id once its save has returned. Needs LEDE_DATA_DIR.
    #[command(name = "__notes-writer", hide = true)]
    NotesWriter {
        file: String,
        #[arg(long, default_value_t = 0)]
        from: usize,
        #[arg(long, default_value_t = 1)]
        count: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Md,
    Json,
}

/// When `main` started, for the first-frame timing (`LEDE_EXIT_AFTER_FIRST_FRAME`).
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

fn main() -> ExitCode {
    let _ = STARTED.set(std::time::Instant::now());
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Some(Command::Parse { file, json }) => cmd_parse(&file, json),
        Some(Command::Actors {
            file,
            json,
            csv,
            why: Some(name),
        }) if !json && !csv => cmd_why(&file, &name),
        Some(Command::Actors {
            file, json, csv, ..
        }) => cmd_actors(&file, json, csv),
        Some(Command::Tag { .. }) => cmd_tag(),
        Some(Command::Export {
            file,
            format,
            output,
        }) => cmd_export(&file, format, output),
        Some(Command::NotesWriter { file, from, count }) => cmd_notes_writer(&file, from, count),
        None => cmd_read(cli.file, cli.theme),
    }
}

/// What a file or URL holds: an article, or a feed of items.
enum Input {
    Article(article::Article),
    Feed(lede::feed::Feed),
}

/// Read (or fetch, for an HTTP(S) URL), sanitize and parse an input, reporting decode
/// warnings on stderr.
fn load_input(file: &str) -> Result<Input, Error> {
    use lede::fetch;
    let shown = source::sanitize(file);
    let feed = |bytes: &[u8]| {
        lede::feed::parse(bytes)
            .map(Input::Feed)
            .map_err(|e| Error::Other(format!("{shown}: {e}")))
    };
    if fetch::is_url(file) {
        let got = fetch::fetch(file, &fetch::Settings::from_env())?;
        for w in &got.source.warnings {
            eprintln!("lede: warning: {w}");
        }
        let format = match got.kind {
            fetch::Kind::Feed => return feed(&got.bytes),
            fetch::Kind::Html => article::Format::Html,
            fetch::Kind::Markdown => article::Format::Markdown,
            fetch::Kind::Text => article::Format::Text,
        };
        let a = article::parse(&got.source.text, format);
        if a.paragraph_count() == 0 {
            return Err(Error::Other(format!(
                "{shown}: not an article (no article text found)"
            )));
        }
        return Ok(Input::Article(a));
    }
    let src = source::read(file)?;
    for w in &src.warnings {
        eprintln!("lede: warning: {w}");
    }
    if lede::feed::looks_like_feed(&src.text) {
        return feed(src.text.as_bytes());
    }
    let format = article::Format::detect(&src.name, &src.text);
    Ok(Input::Article(article::parse(&src.text, format)))
}

/// [`load_input`] for commands that need one article: a feed is an error for now.
fn load(file: &str) -> Result<article::Article, Error> {
    match load_input(file)? {
        Input::Article(a) => Ok(a),
        Input::Feed(_) => Err(Error::Other(format!(
            "{}: a feed: choose an item (`lede parse {}` lists them)",
            source::sanitize(file),
            source::sanitize(file)
        ))),
    }
}

fn out(s: &str) -> Result<(), Error> {
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|_| o.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`lede parse x | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("stdout", &e)),
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(v).map_err(|e| Error::Other(format!("cannot write JSON: {e}")))
}

fn cmd_parse(file: &str, json: bool) -> Result<(), Error> {
    let a = match load_input(file)? {
        Input::Article(a) => a,
        Input::Feed(feed) if json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                feed: &'a lede::feed::Feed,
            }
            return out(&(to_json(&Out { feed: &feed })? + "\n"));
        }
        Input::Feed(feed) => return out(&lede::feed::outline(&feed)),
    };
    if json {
        out(&(to_json(&a)? + "\n"))
    } else {
        out(&lede::article::outline(&a))
    }
}

fn tagger() -> Result<tag::Tagger, Error> {
    let cfg = lede::config::Config::load_default()?;
    Ok(tag::Tagger::new(cfg.lexicon))
}

fn cmd_actors(file: &str, json: bool, csv: bool) -> Result<(), Error> {
    let a = load(file)?;
    let tagged = tagger()?.tag_article(&a);
    if json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            actors: &'a [tag::Actor],
        }
        out(&(to_json(&Out {
            actors: &tagged.actors,
        })? + "\n"))
    } else if csv {
        out(&tag::actors_csv(&tagged))
    } else {
        out(&tag::actors_table(&tagged))
    }
}

/// `lede actors --why NAME FILE`: the evidence that made NAME an actor, or why it is none.
fn cmd_why(file: &str, name: &str) -> Result<(), Error> {
    let a = load(file)?;
    let tagged = tagger()?.tag_article(&a);
    if let Some(actor) = tag::find_actor(&tagged, name) {
        return out(&tag::explain(actor));
    }
    let shown = lede::source::sanitize(name);
    let in_text = a.paragraphs().any(|p| p.text.contains(name.trim()));
    let hint = if in_text {
        "it is in the text, but lede found no title, given name or reporting verb that makes \
         it a person; add it to [people] add in config.toml"
    } else {
        "it is not in the article's text"
    };
    Err(Error::Other(format!("{shown}: no actor of {file}: {hint}")))
}

/// One input line of `lede tag --jsonl`: other fields (gold entities, source) are skipped.
#[derive(serde::Deserialize)]
struct TagInput<'a> {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(borrow, default)]
    text: Option<std::borrow::Cow<'a, str>>,
}

/// One output line (fields in the order `serde_json::json!` used to give them).
#[derive(serde::Serialize)]
struct TagOutput<'a> {
    entities: Vec<TagEntity<'a>>,
    id: &'a serde_json::Value,
}

#[derive(serde::Serialize)]
struct TagEntity<'a> {
    end: usize,
    label: &'static str,
    start: usize,
    text: &'a str,
}

fn cmd_tag() -> Result<(), Error> {
    let tagger = tagger()?;
    let stdin = std::io::stdin().lock();
    let mut o = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line.map_err(|e| Error::io("-", &e))?;
        if line.trim().is_empty() {
            continue;
        }
        let not_object = |e: &dyn std::fmt::Display| {
            Error::Other(format!("stdin:{}: not a JSON object: {e}", n + 1))
        };
        if !line.trim_start().starts_with('{') {
            return Err(not_object(&"expected `{`"));
        }
        let doc: TagInput = serde_json::from_str(&line).map_err(|e| not_object(&e))?;
        let text = doc
            .text
            .as_deref()
            .ok_or_else(|| Error::Other(format!("stdin:{}: no \"text\" string", n + 1)))?;
        let entities = tagger
            .tag_text(text)
            .into_iter()
            .filter_map(|s| {
                let label = match s.kind {
                    tag::EntityKind::Person => "PERSON",
                    tag::EntityKind::Country => "COUNTRY",
                    tag::EntityKind::Metonym => return None,
                };
                Some(TagEntity {
                    end: s.end,
                    label,
                    start: s.start,
                    text: text.get(s.start..s.end).unwrap_or(""),
                })
            })
            .collect();
        let written = serde_json::to_writer(
            &mut o,
            &TagOutput {
                entities,
                id: &doc.id,
            },
        )
        .map_err(std::io::Error::from)
        .and_then(|()| o.write_all(b"\n"));
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(());
            }
            return Err(Error::io("stdout", &e));
        }
    }
    match o.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", &e)),
        _ => Ok(()),
    }
}

fn cmd_export(file: &str, format: ExportFormat, output: Option<String>) -> Result<(), Error> {
    use lede::notes::{export, NoteBook};
    let a = load(file)?;
    let tagged = tagger()?.tag_article(&a);
    let (book, warnings) = NoteBook::open(&a)?;
    for w in &warnings {
        eprintln!("lede: warning: {w}");
    }
    if book.all().is_empty() {
        eprintln!("lede: note: no highlights for this article yet");
    }
    let source = if lede::fetch::is_url(file) {
        source::sanitize(file)
    } else {
        export::source_for(file)
    };
    let exported = lede::notes::now_rfc3339();
    let text = match format {
        ExportFormat::Md => export::markdown(&a, &tagged, book.all(), &source, &exported),
        ExportFormat::Json => export::json(&a, &tagged, book.all(), &source, &exported),
    };
    match output {
        Some(path) => std::fs::write(&path, text).map_err(|e| Error::io(&path, &e)),
        None => out(&text),
    }
}

/// Every (paragraph, start, end) byte range covering whole words, shortest ranges first.
fn word_ranges(a: &article::Article) -> Vec<(usize, usize, usize)> {
    let words: Vec<Vec<(usize, usize)>> = a
        .paragraphs()
        .map(|p| {
            let base = p.text.as_ptr() as usize;
            p.text
                .split_whitespace()
                .map(|w| {
                    let s = w.as_ptr() as usize - base;
                    (s, s + w.len())
                })
                .collect()
        })
        .collect();
    let longest = words.iter().map(Vec::len).max().unwrap_or(0);
    let mut v = Vec::new();
    for len in 1..=longest {
        for (p, ws) in words.iter().enumerate() {
            for i in 0..ws.len().saturating_sub(len - 1) {
                v.push((p, ws[i].0, ws[i + len - 1].1));
            }
        }
    }
    v
}

fn cmd_notes_writer(file: &str, from: usize, count: usize) -> Result<(), Error> {
    use lede::notes::{NoteBook, TextPosition};
    if std::env::var_os("LEDE_DATA_DIR").is_none_or(|d| d.is_empty()) {
        return Err(Error::Other("__notes-writer needs LEDE_DATA_DIR".into()));
    }
    let a = load(file)?;
    let tagged = tag::Tagged::default();
    let ranges = word_ranges(&a);
    let (mut book, _) = NoteBook::open(&a)?;
    for &(p, s, e) in ranges.iter().skip(from).take(count) {
        let id = book
            .add(TextPosition::new(p, s), TextPosition::new(p, e), &tagged)?
            .id
            .clone();
        out(&format!("{id}\n"))?;
    }
    Ok(())
}

/// The bundled sample article, opened by `lede` without a file.
const SAMPLE: &str = include_str!("../examples/sample.txt");

fn cmd_read(file: Option<String>, theme_flag: Option<String>) -> Result<(), Error> {
    let started = *STARTED.get_or_init(std::time::Instant::now);
    let cfg = lede::config::Config::load_default()?;
    let theme = cfg.resolve_theme(theme_flag.as_deref(), lede::config::no_color_env())?;
    // Everything that can fail on input happens before the terminal changes.
    let article = match file.as_deref() {
        None => article::parse(SAMPLE, article::Format::Text),
        Some(f) => load(f)?,
    };
    let mut state =
        lede::view::ViewState::new(&article, &tag::Tagged::default(), cfg.keymap.help_lines());
    let opts = lede::tui::Options {
        mouse: cfg.mouse,
        exit_after_first_frame: std::env::var_os("LEDE_EXIT_AFTER_FIRST_FRAME")
            .is_some_and(|v| !v.is_empty()),
        started: Some(started),
    };
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Error::Other(
            "the reader needs a terminal on stdout; try `lede parse FILE` or `lede actors FILE`"
                .into(),
        ));
    }
    // Tagging and opening the notes happen after the first frame, on their own thread.
    let lexicon = cfg.lexicon.clone();
    let load: lede::tui::Load = Box::new(move || {
        let tagger = tag::Tagger::new(lexicon);
        // The notes (whose fingerprints hash the whole text) open while the tagger runs.
        let (tagged, book) = std::thread::scope(|s| {
            let book = s.spawn(|| lede::notes::NoteBook::open(&article));
            let tagged = tagger.tag_article(&article);
            let book = book
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (tagged, book)
        });
        let (notes, warnings) =
            lede::tui::notes::Session::from_book(article, tagged, file.as_deref(), book);
        lede::tui::Loaded { notes, warnings }
    });
    let signal = lede::tui::run(&mut state, &theme, &cfg.keymap, &opts, load)?;
    if let Some(sig) = signal {
        // The conventional status for "terminated by a signal", after restoring the terminal.
        std::process::exit(128 + sig);
    }
    Ok(())
}
