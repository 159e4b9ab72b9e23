//! The terminal front end: the only code that imports ratatui and crossterm. `run` sets the
//! terminal up (raw mode, alternate screen, mouse only when asked), restores it on exit, on
//! panic and on SIGINT/SIGTERM/SIGHUP, and loops: draw `&ViewState` → read an event → map it
//! to an `Action` → `view::update` → the notes effects it queued (`notes::Session::apply`).

pub mod input;
pub mod notes;
pub mod style;
pub mod widgets;

use crate::config::keymap::Keymap;
use crate::config::theme::Theme;
use crate::error::Error;
use crate::view::{Action, ViewState};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How to run the reader.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse (wheel, clicks). Off by default: it breaks selecting text.
    pub mouse: bool,
    /// Exit once the first frame and the first complete frame (actors found, notes open) are
    /// drawn, printing both times since `started` on stderr (for measuring start-up time).
    pub exit_after_first_frame: bool,
    /// When the process started (for the start-up times above).
    pub started: Option<Instant>,
}

/// What the reader receives once the article is tagged and its notes are open: this work runs
/// on its own thread after the first frame, so a long article shows at once.
pub struct Loaded {
    /// The notes, with the article's actors (`Session::tagged`).
    pub notes: notes::Session,
    /// Warnings from opening the notes, for the status line.
    pub warnings: Vec<String>,
}

impl Loaded {
    /// Give `state` the actors, the highlights and any warning, and carry out the highlight and
    /// note changes it queued while the notes were opening. Returns the notes session.
    pub fn install(self, state: &mut ViewState) -> notes::Session {
        let Loaded {
            notes: mut session,
            warnings,
        } = self;
        state.set_tagged(session.tagged());
        state.set_highlights(session.views());
        if !warnings.is_empty() {
            state.message = Some(warnings.join("; "));
        }
        session.apply(state);
        session
    }
}

/// The work that produces `Loaded` (tagging, opening the notes).
pub type Load = Box<dyn FnOnce() -> Loaded + Send>;

/// What the event loop waits for: a terminal event, or the tagger's and notes' results.
enum Msg {
    Event(std::io::Result<event::Event>),
    /// `Err` when the loading thread panicked.
    Loaded(Result<Box<Loaded>, ()>),
}

/// Key hints for the status line's right side, from the keymap.
pub fn hints(keymap: &Keymap) -> String {
    use crate::view::Action as A;
    let mut parts = Vec::new();
    for (a, label) in [
        (A::FocusNext, "actors"),
        (A::Search, "search"),
        (A::Help, "help"),
        (A::Quit, "quit"),
    ] {
        if let Some(k) = keymap.keys_for(a).first() {
            parts.push(format!("{k} {label}"));
        }
    }
    parts.join("  ")
}

fn term_err(e: std::io::Error) -> Error {
    Error::Other(format!("terminal: {e}"))
}

/// Put the terminal back: leave raw mode and the alternate screen, show the cursor.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Run the reader until the user quits (`Ok(None)`) or a signal arrives (`Ok(Some(signal))`);
/// the terminal is restored in every case. The first frame shows `state` as given; `load` runs
/// on its own thread meanwhile and its actors and notes are taken in when ready (highlight and
/// note changes asked for before then wait for the notes).
pub fn run(
    state: &mut ViewState,
    theme: &Theme,
    keymap: &Keymap,
    opts: &Options,
    load: Load,
) -> Result<Option<i32>, Error> {
    let stop = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)
            .map_err(term_err)?;
    }
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        prev(info);
    }));

    terminal::enable_raw_mode().map_err(term_err)?;
    let mut out = std::io::stdout();
    let setup = if opts.mouse {
        execute!(out, EnterAlternateScreen, cursor::Hide, EnableMouseCapture)
    } else {
        execute!(out, EnterAlternateScreen, cursor::Hide)
    };
    if let Err(e) = setup {
        restore();
        return Err(term_err(e));
    }
    let mut times = (None, None);
    let result = event_loop(state, theme, keymap, opts, &stop, load, &mut times);
    restore();
    let _ = std::panic::take_hook();
    result?;
    if let (true, Some(t0), (Some(first), Some(complete))) =
        (opts.exit_after_first_frame, opts.started, times)
    {
        let ms = |t: Instant| t.duration_since(t0).as_secs_f64() * 1000.0;
        eprintln!(
            "lede: first frame after {:.1} ms; actors and notes after {:.1} ms",
            ms(first),
            ms(complete)
        );
    }
    Ok(match stop.load(Ordering::Relaxed) {
        0 => None,
        sig => Some(sig as i32),
    })
}

fn event_loop(
    state: &mut ViewState,
    theme: &Theme,
    keymap: &Keymap,
    opts: &Options,
    stop: &AtomicUsize,
    load: Load,
    times: &mut (Option<Instant>, Option<Instant>),
) -> Result<(), Error> {
    // One write per frame: stdout alone would write every 1 KiB (a frame is 10–30 KiB).
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut term = Terminal::new(CrosstermBackend::new(out)).map_err(term_err)?;
    let hints = hints(keymap);
    let (tx, rx) = std::sync::mpsc::channel();
    // Events are read on their own thread: crossterm can spin inside `read` once the terminal
    // has hung up, and the loop here must still see the signal flag and exit.
    let events = tx.clone();
    std::thread::spawn(move || loop {
        let ev = event::read();
        let failed = ev.is_err();
        if events.send(Msg::Event(ev)).is_err() || failed {
            break;
        }
    });
    state.loading = true;
    std::thread::spawn(move || {
        let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(load));
        let _ = tx.send(Msg::Loaded(loaded.map(Box::new).map_err(|_| ())));
    });
    let mut notes: Option<notes::Session> = None;
    loop {
        let size = term.size().map_err(term_err)?;
        if (size.width, size.height) != (state.width, state.height) {
            state.update(Action::Resize {
                width: size.width,
                height: size.height,
            });
        }
        term.draw(|f| widgets::draw(f.buffer_mut(), state, theme, &hints))
            .map_err(term_err)?;
        let now = Some(Instant::now());
        times.0 = times.0.or(now);
        if notes.is_some() {
            times.1 = times.1.or(now);
            if opts.exit_after_first_frame {
                return Ok(());
            }
        }
        // Wait for input, checking now and then whether a signal asked us to stop.
        let mut msg = loop {
            if stop.load(Ordering::Relaxed) != 0 {
                return Ok(());
            }
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(m) => break m,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        };
        // Take every pending message before drawing again, so a burst of keys costs one frame.
        loop {
            match msg {
                Msg::Loaded(Ok(loaded)) => notes = Some(loaded.install(state)),
                Msg::Loaded(Err(())) => {
                    return Err(Error::Other(
                        "internal error while finding actors (please report it)".into(),
                    ))
                }
                Msg::Event(e) => {
                    let e = e.map_err(term_err)?;
                    if let Some(a) = input::action(&e, state.mode, keymap, opts.mouse) {
                        state.update(a);
                        if let Some(n) = notes.as_mut() {
                            n.apply(state);
                        }
                    }
                }
            }
            if state.quit || stop.load(Ordering::Relaxed) != 0 {
                if notes.is_none() && state.has_effects() {
                    // Highlights made while the notes were opening are not dropped on quit.
                    finish_loading(&rx, state);
                }
                return Ok(());
            }
            match rx.try_recv() {
                Ok(next) => msg = next,
                Err(_) => break,
            }
        }
    }
}

/// Wait for the notes (ignoring further input) and carry out the changes queued meanwhile.
fn finish_loading(rx: &std::sync::mpsc::Receiver<Msg>, state: &mut ViewState) {
    while let Ok(msg) = rx.recv() {
        match msg {
            Msg::Loaded(Ok(loaded)) => {
                loaded.install(state);
                return;
            }
            Msg::Loaded(Err(())) => return,
            Msg::Event(_) => {}
        }
    }
}
