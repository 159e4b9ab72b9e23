//! Highlights and notes: anchoring, atomic per-article storage, export to Markdown and JSON.
//!
//! The reader's API is [`NoteBook`]: open it for an article, then `add`, `set_note`, `delete`;
//! every change is saved at once (see [`store`] for the file format and the locking). Highlights
//! are anchored by quote + context + position ([`anchor`]); those that cannot be found in the
//! current text are kept and listed by [`NoteBook::orphans`].
//!
//! For the reader: positions are [`TextPosition`]s (paragraph index over all section paragraphs
//! in reading order, byte offset in it — the convention of `Mention`); `end` is exclusive.
//! [`NoteBook::ranges_in`] gives the highlighted byte ranges of a paragraph for drawing,
//! [`NoteBook::at`] the highlight under the cursor; `export::markdown`/`export::json` with
//! `export::source_for` and `export::suggested_name` write the `e` export.
//!
//! ```
//! use lede::notes::{NoteBook, TextPosition};
//! let article = lede::article::parse("Title\n\nFirst paragraph. Second sentence.", lede::Format::Text);
//! let dir = tempfile::tempdir().unwrap();
//! let (mut book, warnings) = NoteBook::open_in(dir.path(), &article).unwrap();
//! assert!(warnings.is_empty());
//! let id = book
//!     .add(TextPosition::new(0, 0), TextPosition::new(0, 16), &lede::Tagged::default())
//!     .unwrap()
//!     .id
//!     .clone();
//! book.set_note(&id, "why first?").unwrap();
//! assert_eq!(book.at(TextPosition::new(0, 3)).unwrap().quote, "First paragraph.");
//! assert_eq!(book.ranges_in(0)[0].0, 0..16);
//! ```

pub mod anchor;
pub mod export;
pub mod fingerprint;
pub mod store;

pub use anchor::TextPosition;

use crate::article::Article;
use crate::error::Error;
use crate::tag::Tagged;
use anchor::{DocText, Selector};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use store::{Loaded, NotesFile};

/// A highlighted passage with an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// 16 hex digits, unique across instances.
    pub id: String,
    /// The selected text; paragraphs joined by `"\n\n"`.
    pub quote: String,
    /// Up to 32 characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Where it starts in the current text (or where it last was, if orphaned).
    pub start: TextPosition,
    /// Exclusive end.
    pub end: TextPosition,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 UTC with milliseconds.
    pub created: String,
    /// RFC 3339 UTC with milliseconds; the newest wins when two instances changed a highlight.
    pub updated: String,
    /// Names of the actors with a mention inside the highlight, as the tagger ordered them.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Not found in the current article text (computed on open, not stored).
    #[serde(skip)]
    pub orphaned: bool,
}

impl Highlight {
    /// Remove control characters (other than LF and TAB) from every text field.
    pub fn sanitize(&mut self) {
        for s in [
            &mut self.id,
            &mut self.quote,
            &mut self.prefix,
            &mut self.suffix,
            &mut self.note,
            &mut self.created,
            &mut self.updated,
        ] {
            if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                *s = clean_note(s);
            }
        }
        for a in &mut self.actors {
            if a.chars().any(char::is_control) {
                *a = a.chars().filter(|c| !c.is_control()).collect();
            }
        }
    }
}

/// The highlights of one article, kept in step with its notes file.
#[derive(Debug)]
pub struct NoteBook {
    path: PathBuf,
    doc: DocText,
    file: NotesFile,
    title_hash: String,
    /// Whether this session wrote the similarity index beside the notes file.
    index_written: bool,
    /// Ids already searched for in vain in this (fixed) text: not searched again on every save.
    lost: HashSet<String>,
    warnings: Vec<String>,
}

impl NoteBook {
    /// Open the notes of `article` in the default notes directory (`$LEDE_DATA_DIR/notes` or the
    /// platform data dir). Returns warnings to show the user (e.g. a damaged file moved aside).
    pub fn open(article: &Article) -> Result<(NoteBook, Vec<String>), Error> {
        Self::open_in(&store::notes_dir()?, article)
    }

    /// Open the notes of `article` in `dir`. Creates nothing until the first change.
    pub fn open_in(dir: &Path, article: &Article) -> Result<(NoteBook, Vec<String>), Error> {
        let (fp, paragraphs) = fingerprint::hashes(article);
        let title_hash = fingerprint::title_hash(article);
        let exact = dir.join(format!("{fp}.json"));
        let path = if exact.exists() {
            exact
        } else {
            store::find_similar(dir, &title_hash, &paragraphs).unwrap_or(exact)
        };
        let key = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(fp);
        let mut nb = NoteBook {
            path,
            doc: DocText::new(article),
            file: NotesFile {
                version: store::VERSION,
                fingerprint: key,
                title: article.title.clone(),
                paragraphs,
                ..NotesFile::default()
            },
            title_hash,
            index_written: false,
            lost: HashSet::new(),
            warnings: Vec::new(),
        };
        if nb.path.exists() {
            // Reading needs no lock (writes are atomic renames); take it when possible so that a
            // damaged file is moved aside by one instance only, but do not fail on a read-only dir.
            let _lock = store::lock(&nb.path).ok();
            nb.absorb(store::load(&nb.path)?);
        }
        nb.reanchor();
        let warnings = nb.take_warnings();
        Ok((nb, warnings))
    }

    /// The notes file (it may not exist yet).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every highlight: anchored ones in reading order, then orphans.
    pub fn all(&self) -> &[Highlight] {
        &self.file.highlights
    }

    /// Highlights found in the current text, in reading order.
    pub fn highlights(&self) -> impl Iterator<Item = &Highlight> {
        self.file.highlights.iter().filter(|h| !h.orphaned)
    }

    /// Highlights that could not be found in the current text (kept, never dropped).
    pub fn orphans(&self) -> impl Iterator<Item = &Highlight> {
        self.file.highlights.iter().filter(|h| h.orphaned)
    }

    pub fn get(&self, id: &str) -> Option<&Highlight> {
        self.file.highlights.iter().find(|h| h.id == id)
    }

    /// The highlight covering `pos` (the reader's cursor), the innermost if several do.
    pub fn at(&self, pos: TextPosition) -> Option<&Highlight> {
        self.highlights()
            .filter(|h| h.start <= pos && pos < h.end)
            .min_by_key(|h| {
                let a = self.doc.to_global(h.start).unwrap_or(0);
                self.doc.to_global(h.end).unwrap_or(usize::MAX) - a
            })
    }

    /// Byte ranges of paragraph `p` covered by highlights, for drawing, in reading order.
    pub fn ranges_in(&self, p: usize) -> Vec<(Range<usize>, &Highlight)> {
        let len = self.doc.paragraph_len(p);
        self.highlights()
            .filter(|h| h.start.paragraph <= p && p <= h.end.paragraph)
            .map(|h| {
                let a = if h.start.paragraph == p {
                    h.start.offset
                } else {
                    0
                };
                let b = if h.end.paragraph == p {
                    h.end.offset
                } else {
                    len
                };
                (a..b, h)
            })
            .filter(|(r, _)| r.start < r.end)
            .collect()
    }

    /// Names of the actors of `tagged` mentioned inside highlight `h` in the current text (the
    /// stored actors if it is orphaned): for the highlight list when the tagging has changed.
    pub fn actors_of(&self, h: &Highlight, tagged: &Tagged) -> Vec<String> {
        match (
            h.orphaned,
            self.doc.to_global(h.start),
            self.doc.to_global(h.end),
        ) {
            (false, Some(a), Some(b)) => actors_in(&self.doc, tagged, a, b),
            _ => h.actors.clone(),
        }
    }

    /// Warnings gathered since the last call (damaged files moved aside while saving).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Highlight the text from `start` to `end` (exclusive). Its actors are those of `tagged`
    /// with a mention inside the range. Highlighting exactly the same range again returns the
    /// existing highlight. Saved before returning.
    pub fn add(
        &mut self,
        start: TextPosition,
        end: TextPosition,
        tagged: &Tagged,
    ) -> Result<&Highlight, Error> {
        let quote = self
            .doc
            .slice(start, end)
            .ok_or_else(|| {
                Error::Other(format!(
                    "cannot highlight {}:{}..{}:{}: not a range of the article text",
                    start.paragraph, start.offset, end.paragraph, end.offset
                ))
            })?
            .to_string();
        let (ga, gb) = match (self.doc.to_global(start), self.doc.to_global(end)) {
            (Some(a), Some(b)) => (a, b),
            _ => return Err(Error::Other("highlight range outside the article".into())),
        };
        let actors = actors_in(&self.doc, tagged, ga, gb);
        let prefix = self.doc.prefix_at(ga);
        let suffix = self.doc.suffix_at(gb);
        let id = self.commit(move |nb| {
            if let Some(h) = nb
                .file
                .highlights
                .iter()
                .find(|h| !h.orphaned && h.start == start && h.end == end)
            {
                return Ok(h.id.clone());
            }
            let now = now_rfc3339();
            let h = Highlight {
                id: new_id(),
                quote,
                prefix,
                suffix,
                start,
                end,
                note: String::new(),
                created: now.clone(),
                updated: now,
                actors,
                orphaned: false,
            };
            let id = h.id.clone();
            nb.file.highlights.push(h);
            Ok(id)
        })?;
        self.get(&id)
            .ok_or_else(|| Error::Other("highlight vanished while saving".into()))
    }

    /// Set (or clear, with "") the note of highlight `id`. Saved before returning.
    pub fn set_note(&mut self, id: &str, text: &str) -> Result<(), Error> {
        let text = clean_note(text);
        self.commit(|nb| {
            let h = nb
                .file
                .highlights
                .iter_mut()
                .find(|h| h.id == id)
                .ok_or_else(|| Error::Other(format!("highlight {id} no longer exists")))?;
            h.note = text;
            h.updated = now_rfc3339();
            Ok(())
        })
    }

    /// Delete highlight `id` (a tombstone keeps other instances from bringing it back).
    /// Returns whether it existed. Saved before returning.
    pub fn delete(&mut self, id: &str) -> Result<bool, Error> {
        self.commit(|nb| {
            let before = nb.file.highlights.len();
            nb.file.highlights.retain(|h| h.id != id);
            let existed = nb.file.highlights.len() != before;
            if existed || !nb.file.deleted.contains_key(id) {
                nb.file.deleted.insert(id.to_string(), now_rfc3339());
            }
            Ok(existed)
        })
    }

    /// Pick up changes another instance saved. Returns warnings.
    pub fn reload(&mut self) -> Result<Vec<String>, Error> {
        if self.path.exists() {
            let _lock = store::lock(&self.path)?;
            let loaded = store::load(&self.path)?;
            self.absorb(loaded);
            self.reanchor();
        }
        Ok(self.take_warnings())
    }

    /// Under the lock: merge what is on disk, apply `op`, re-anchor, write atomically.
    fn commit<R>(&mut self, op: impl FnOnce(&mut Self) -> Result<R, Error>) -> Result<R, Error> {
        let _lock = store::lock(&self.path)?;
        let loaded = store::load(&self.path)?;
        self.absorb(loaded);
        let r = op(self)?;
        self.reanchor();
        store::write_atomic(&self.path, &self.file)?;
        if !self.index_written {
            store::write_index(&self.path, &self.title_hash, &self.file.paragraphs);
            self.index_written = true;
        }
        Ok(r)
    }

    fn absorb(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Missing => {}
            Loaded::Ok(f) => {
                store::merge(&mut self.file, f);
            }
            Loaded::MovedAside(msg) => self.warnings.push(msg),
        }
    }

    /// Find every highlight in the current text; sort found ones by position, orphans last.
    fn reanchor(&mut self) {
        for h in &mut self.file.highlights {
            if self.lost.contains(&h.id) {
                h.orphaned = true;
                continue;
            }
            let sel = Selector {
                quote: &h.quote,
                prefix: &h.prefix,
                suffix: &h.suffix,
                start: h.start,
            };
            match anchor::locate(&self.doc, &sel) {
                Some((s, e, _)) => {
                    h.start = s;
                    h.end = e;
                    h.orphaned = false;
                }
                None => {
                    h.orphaned = true;
                    self.lost.insert(h.id.clone());
                }
            }
        }
        self.file
            .highlights
            .sort_by_key(|h| (h.orphaned, h.start, h.end));
    }
}

/// Names of actors with a mention overlapping global byte range `a..b`, in `tagged` order.
pub(crate) fn actors_in(doc: &DocText, tagged: &Tagged, a: usize, b: usize) -> Vec<String> {
    tagged
        .actors
        .iter()
        .filter(|actor| {
            actor.mentions.iter().any(|m| {
                let s = doc.to_global(TextPosition::new(m.paragraph, m.start));
                let e = doc.to_global(TextPosition::new(m.paragraph, m.end));
                matches!((s, e), (Some(s), Some(e)) if s < b && a < e)
            })
        })
        .map(|actor| actor.name.clone())
        .collect()
}

/// A note as typed: CRLF → LF, control characters other than LF and TAB removed.
fn clean_note(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// A fresh highlight id: 16 hex digits from a randomly keyed hash of time, process and counter.
fn new_id() -> String {
    use std::hash::{BuildHasher, Hash, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
        .hash(&mut h);
    std::process::id().hash(&mut h);
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// (year, month, day, hour, minute, second, millisecond) in UTC.
fn utc_parts(t: SystemTime) -> (i64, u32, u32, u32, u32, u32, u32) {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400) as u32;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        sod / 3600,
        sod / 60 % 60,
        sod % 60,
        d.subsec_millis(),
    )
}

/// RFC 3339 UTC with milliseconds: `2026-11-28T11:05:00.123Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let (y, mo, d, h, mi, s, ms) = utc_parts(t);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
}

/// The current time as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    rfc3339(SystemTime::now())
}

/// Compact UTC time for file names: `20261128T110500Z`.
pub(crate) fn utc_compact(t: SystemTime) -> String {
    let (y, mo, d, h, mi, s, _) = utc_parts(t);
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn rfc3339_known_instants() {
        let at = |s: u64, ms: u64| UNIX_EPOCH + Duration::from_millis(s * 1000 + ms);
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        // 2000-02-29 (leap day of a century leap year) 12:34:56.789
        assert_eq!(rfc3339(at(951_827_696, 789)), "2000-02-29T12:34:56.789Z");
        // 2024-12-31T23:59:59Z, then the next second is a new year.
        assert_eq!(rfc3339(at(1_735_689_599, 0)), "2024-12-31T23:59:59.000Z");
        assert_eq!(rfc3339(at(1_735_689_600, 5)), "2025-01-01T00:00:00.005Z");
        assert_eq!(utc_compact(at(1_735_689_599, 0)), "20241231T235959Z");
    }

    #[test]
    fn ids_are_distinct_and_notes_cleaned() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|i| i.len() == 16));
        assert_eq!(clean_note("a\r\nb\x1b[31mc\td"), "a\nb[31mc\td");
    }
}
