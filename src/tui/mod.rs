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
use std::time::Duration;

/// How to run the reader.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse (wheel, clicks). Off by default: it breaks selecting text.
    pub mouse: bool,
    /// Exit right after the first frame is drawn (for measuring start-up time).
    pub exit_after_first_frame: bool,
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
/// the terminal is restored in every case. `notes` carries out highlight and note changes
/// (without it they fail with a message on the status line).
pub fn run(
    state: &mut ViewState,
    theme: &Theme,
    keymap: &Keymap,
    opts: &Options,
    notes: Option<&mut notes::Session>,
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
    let result = event_loop(state, theme, keymap, opts, &stop, notes);
    restore();
    let _ = std::panic::take_hook();
    result?;
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
    mut notes: Option<&mut notes::Session>,
) -> Result<(), Error> {
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout())).map_err(term_err)?;
    let hints = hints(keymap);
    // Events are read on their own thread: crossterm can spin inside `read` once the terminal
    // has hung up, and the loop here must still see the signal flag and exit.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || loop {
        let ev = event::read();
        let failed = ev.is_err();
        if tx.send(ev).is_err() || failed {
            break;
        }
    });
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
        if opts.exit_after_first_frame {
            return Ok(());
        }
        // Wait for input, checking now and then whether a signal asked us to stop.
        let mut ev = loop {
            if stop.load(Ordering::Relaxed) != 0 {
                return Ok(());
            }
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(ev) => break ev,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        };
        // Take every pending event before drawing again, so a burst of keys costs one frame.
        loop {
            let e = ev.map_err(term_err)?;
            if let Some(a) = input::action(&e, state.mode, keymap, opts.mouse) {
                state.update(a);
                match notes.as_deref_mut() {
                    Some(n) => n.apply(state),
                    None => {
                        for effect in state.take_effects() {
                            state.finish(crate::view::Outcome::Failed {
                                effect,
                                error: "notes are not available".into(),
                            });
                        }
                    }
                }
            }
            if state.quit || stop.load(Ordering::Relaxed) != 0 {
                return Ok(());
            }
            match rx.try_recv() {
                Ok(next) => ev = next,
                Err(_) => break,
            }
        }
    }
}
