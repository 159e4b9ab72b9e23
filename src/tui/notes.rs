//! Carries out the reader's notes `Effect`s with a `NoteBook` (file I/O lives here, not in
//! `view/`) and feeds the outcome and the new highlight list back to the `ViewState`.
//! Data flows one way: key → `update` → queued effect → `Session::apply` → `finish`.

use crate::article::Article;
use crate::notes::{export, store, NoteBook};
use crate::tag::Tagged;
use crate::view::{Effect, ExportFormat, HighlightView, Outcome, ViewState};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The notes of the article being read.
#[derive(Debug)]
pub struct Session {
    book: Result<NoteBook, String>,
    article: Article,
    tagged: Tagged,
    /// The export's `source` (see `export::source_for`).
    source: String,
    /// Where exports go first (the current directory in the reader).
    export_dir: PathBuf,
}

impl Session {
    /// Open the notes of `article` in the default notes directory. `file` is the path given on
    /// the command line (None for the bundled sample). Returns the warnings to show at start;
    /// when the notes cannot be opened, the reader still runs and says why.
    pub fn open(article: &Article, tagged: &Tagged, file: Option<&str>) -> (Session, Vec<String>) {
        let book = NoteBook::open(article);
        Self::from_book(article.clone(), tagged.clone(), file, book)
    }

    /// A session on a notebook opened by the caller (`NoteBook::open`), exporting into the
    /// current directory; takes the article and its actors without copying them.
    pub fn from_book(
        article: Article,
        tagged: Tagged,
        file: Option<&str>,
        book: Result<(NoteBook, Vec<String>), crate::Error>,
    ) -> (Session, Vec<String>) {
        Self::with_book(article, tagged, file, book, PathBuf::from("."))
    }

    /// The article's actors.
    pub fn tagged(&self) -> &Tagged {
        &self.tagged
    }

    /// Open the notes in `dir`, exporting into `export_dir` (tests).
    pub fn open_in(
        dir: &Path,
        article: &Article,
        tagged: &Tagged,
        file: Option<&str>,
        export_dir: &Path,
    ) -> (Session, Vec<String>) {
        let book = NoteBook::open_in(dir, article);
        Self::with_book(
            article.clone(),
            tagged.clone(),
            file,
            book,
            export_dir.to_path_buf(),
        )
    }

    fn with_book(
        article: Article,
        tagged: Tagged,
        file: Option<&str>,
        book: Result<(NoteBook, Vec<String>), crate::Error>,
        export_dir: PathBuf,
    ) -> (Session, Vec<String>) {
        let (book, warnings) = match book {
            Ok((b, w)) => (Ok(b), w),
            Err(e) => {
                let msg = format!("notes unavailable: {e}");
                (Err(msg.clone()), vec![msg])
            }
        };
        let source = match file {
            Some(f) => export::source_for(f),
            None => "lede sample".into(),
        };
        let s = Session {
            book,
            article,
            tagged,
            source,
            export_dir,
        };
        (s, warnings)
    }

    /// The highlights as the reader shows them.
    pub fn views(&self) -> Vec<HighlightView> {
        let Ok(book) = &self.book else {
            return Vec::new();
        };
        book.all()
            .iter()
            .map(|h| HighlightView {
                id: h.id.clone(),
                start: h.start,
                end: h.end,
                quote: h.quote.clone(),
                note: h.note.clone(),
                actors: book.actors_of(h, &self.tagged),
                orphaned: h.orphaned,
            })
            .collect()
    }

    /// Run every effect `state` queued; give it the outcomes and the new highlights.
    pub fn apply(&mut self, state: &mut ViewState) {
        for effect in state.take_effects() {
            let outcome = self.run(effect);
            let changed = !matches!(outcome, Outcome::Failed { .. } | Outcome::Exported { .. });
            if changed {
                state.set_highlights(self.views());
            }
            state.finish(outcome);
            if let Ok(book) = &mut self.book {
                let w = book.take_warnings();
                if !w.is_empty() {
                    let old = state.message.take().unwrap_or_default();
                    state.message = Some(format!("{old}  │  {}", w.join("; ")));
                }
            }
        }
    }

    /// Carry out one effect.
    pub fn run(&mut self, effect: Effect) -> Outcome {
        let book = match &mut self.book {
            Ok(b) => b,
            Err(e) => {
                return Outcome::Failed {
                    effect,
                    error: e.clone(),
                }
            }
        };
        let result = match &effect {
            Effect::Add { start, end, edit } => book
                .add(*start, *end, &self.tagged)
                .map(|h| Outcome::Added {
                    id: h.id.clone(),
                    edit: *edit,
                })
                .map_err(|e| e.to_string()),
            Effect::SetNote { id, text } => book
                .set_note(id, text)
                .map(|()| Outcome::NoteSaved { id: id.clone() })
                .map_err(|e| e.to_string()),
            Effect::Delete { id } => book
                .delete(id)
                .map(|_| Outcome::Deleted { id: id.clone() })
                .map_err(|e| e.to_string()),
            Effect::Export(format) => {
                let now = crate::notes::now_rfc3339();
                let (text, ext) = match format {
                    ExportFormat::Markdown => (
                        export::markdown(
                            &self.article,
                            &self.tagged,
                            book.all(),
                            &self.source,
                            &now,
                        ),
                        "md",
                    ),
                    ExportFormat::Json => (
                        export::json(&self.article, &self.tagged, book.all(), &self.source, &now),
                        "json",
                    ),
                };
                let name = export::suggested_name(&self.article, ext);
                let count = book.all().len();
                write_export(&self.export_dir, &name, &text)
                    .map(|path| Outcome::Exported { path, count })
            }
        };
        result.unwrap_or_else(|error| Outcome::Failed { effect, error })
    }
}

/// Write `text` to a new file `name` in `dir` (`name-2`, `name-3`… if taken); when `dir` is
/// not writable, in the data dir instead. Returns the path written, for the status line.
fn write_export(dir: &Path, name: &str, text: &str) -> Result<String, String> {
    match write_new(dir, name, text) {
        Ok(p) => Ok(p.display().to_string()),
        Err(first) => {
            let data = store::data_dir().map_err(|e| format!("{first}; {e}"))?;
            std::fs::create_dir_all(&data)
                .map_err(|e| format!("{first}; {}: {e}", data.display()))?;
            write_new(&data, name, text)
                .map(|p| p.display().to_string())
                .map_err(|e| format!("{first}; {e}"))
        }
    }
}

fn write_new(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..1000 {
        let file = if n == 1 {
            name.to_string()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                return f
                    .write_all(text.as_bytes())
                    .and_then(|()| f.sync_all())
                    .map(|()| path.clone())
                    .map_err(|e| format!("{}: {e}", path.display()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Err(format!(
        "{}: too many exports with this name",
        dir.display()
    ))
}
