//! The notes file of one article: format, atomic writes, the lock, merging, corrupt files.
//!
//! # Where
//! `$LEDE_DATA_DIR/notes/` if that variable is set and not empty, else `notes/` in the platform
//! data dir (`directories::ProjectDirs::from("", "", "lede")`, e.g. `~/.local/share/lede/notes`).
//! One file per article: `<fingerprint>.json` (see `fingerprint.rs`), beside it `<fingerprint>.lock`
//! and `<fingerprint>.index` (a hint for finding the notes of an edited copy: `title <hash>`, then
//! one paragraph hash per line; rewritten freely, never needed to read the notes).
//!
//! An article whose exact fingerprint has no notes file takes over the notes of an edited copy
//! of itself: the file whose index shares the most paragraphs with it, provided they share at
//! least half of the shorter version's paragraphs and have the same title, or, with a different
//! title, at least three quarters of them and at least three.
//!
//! # Format (version 1), JSON
//! ```json
//! {
//!   "version": 1,
//!   "fingerprint": "32 hex digits",
//!   "title": "article title, for people browsing the directory",
//!   "paragraphs": ["16 hex digits per paragraph", "..."],
//!   "highlights": [{
//!     "id": "16 hex digits", "quote": "selected text, paragraphs joined by \n\n",
//!     "prefix": "≤32 chars before", "suffix": "≤32 chars after",
//!     "start": {"paragraph": 0, "offset": 0}, "end": {"paragraph": 0, "offset": 42},
//!     "note": "", "created": "2026-11-28T11:05:00.123Z", "updated": "…", "actors": ["…"]
//!   }],
//!   "deleted": {"<id>": "<time of deletion>"}
//! }
//! ```
//! `start`/`end`: paragraph index over all section paragraphs in reading order, UTF-8 byte offset
//! in it; `end` is exclusive. `deleted` holds tombstones so that a merge never brings a deleted
//! highlight back. Unknown fields are ignored; a file with a higher `version` is refused (not
//! touched); a file that does not parse is renamed to `<name>.corrupt-<UTC time>` and never
//! overwritten.
//!
//! # Writing
//! Every change: take an exclusive `flock` on the lock file; re-read the notes file and merge it
//! (union by highlight id, newest `updated` wins, tombstones win); write a temporary file in the
//! same directory, fsync it, rename it over the notes file, fsync the directory; release the lock.
//! A writer killed at any point leaves either the old or the new file, and another instance's
//! highlights are never lost.

use super::{utc_compact, Highlight};
use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The format version this build writes and reads.
pub const VERSION: u32 = 1;

/// Contents of a notes file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NotesFile {
    pub version: u32,
    pub fingerprint: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    #[serde(default)]
    pub deleted: BTreeMap<String, String>,
}

/// The data directory: `$LEDE_DATA_DIR`, else the platform data dir.
pub fn data_dir() -> Result<PathBuf, Error> {
    if let Some(d) = std::env::var_os("LEDE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "lede")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| Error::Other("cannot find a home directory for the notes".into()))
}

/// The notes directory inside the data directory.
pub fn notes_dir() -> Result<PathBuf, Error> {
    Ok(data_dir()?.join("notes"))
}

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::io(&path.display().to_string(), e)
}

/// Result of reading a notes file.
pub enum Loaded {
    Missing,
    Ok(NotesFile),
    /// Did not parse; moved aside. The message says where.
    MovedAside(String),
}

/// Read and parse the notes file at `path`; a file that does not parse is moved aside.
/// Call with the lock held when the file may be written afterwards.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(e) => return Err(io(path, &e)),
    };
    let reason = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(v) => {
            let version = v.get("version").and_then(|x| x.as_u64());
            match version {
                Some(n) if n > u64::from(VERSION) => {
                    return Err(Error::Other(format!(
                    "{}: notes file version {n} is newer than this lede understands ({VERSION}); \
                         left untouched",
                    path.display()
                )))
                }
                _ => match serde_json::from_value::<NotesFile>(v) {
                    Ok(mut f) => {
                        // The file may have been edited by hand: no control characters from it
                        // may reach the terminal.
                        f.highlights.iter_mut().for_each(Highlight::sanitize);
                        return Ok(Loaded::Ok(f));
                    }
                    Err(e) => e.to_string(),
                },
            }
        }
        Err(e) => e.to_string(),
    };
    let aside = move_aside(path)?;
    Ok(Loaded::MovedAside(format!(
        "notes file {} is damaged ({reason}); kept as {} and started afresh",
        path.display(),
        aside.display()
    )))
}

/// Rename `path` to `path.corrupt-<time>` (with a counter if that exists); returns the new name.
fn move_aside(path: &Path) -> Result<PathBuf, Error> {
    let stamp = utc_compact(std::time::SystemTime::now());
    let base = format!("{}.corrupt-{stamp}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = PathBuf::from(format!("{base}-{n}"));
    }
    fs::rename(path, &target).map_err(|e| io(path, &e))?;
    Ok(target)
}

/// An exclusive lock on `<notes file>.lock`, released on drop (and by the OS if the process dies).
pub struct Lock {
    _file: File,
}

/// Take the exclusive lock for the notes file `path`, creating the directory if needed.
pub fn lock(path: &Path) -> Result<Lock, Error> {
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| io(dir, &e))?;
    let lock_path = path.with_extension("lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| io(&lock_path, &e))?;
    file.lock().map_err(|e| io(&lock_path, &e))?;
    Ok(Lock { _file: file })
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Write `file` to `path` atomically: temp file in the same directory, fsync, rename, fsync dir.
/// Call with the lock held. Leftover temp files of killed writers are removed first.
pub fn write_atomic(path: &Path, file: &NotesFile) -> Result<(), Error> {
    let dir = parent(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp_prefix = format!("{name}.tmp-");
    let index_tmp_prefix = path
        .with_extension("index.tmp-")
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Under the lock no other writer is mid-save, so any temp file is a dead writer's.
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&tmp_prefix) || n.starts_with(&index_tmp_prefix) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    let json = serde_json::to_vec_pretty(file)
        .map_err(|e| Error::Other(format!("cannot encode notes: {e}")))?;
    let tmp = dir.join(format!("{tmp_prefix}{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(&json)?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io(path, &e)
    })
}

/// Make a rename in `dir` durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Directories cannot be opened for syncing on this platform; the rename is already atomic.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Write the similarity index beside the notes file at `path` (best effort: it is only a hint).
pub fn write_index(path: &Path, title: &str, paragraphs: &[String]) {
    let index = path.with_extension("index");
    let tmp = path.with_extension(format!("index.tmp-{}", std::process::id()));
    let mut text = format!("title {title}\n");
    for p in paragraphs {
        text.push_str(p);
        text.push('\n');
    }
    if fs::write(&tmp, text).is_err() || fs::rename(&tmp, &index).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// The notes file in `dir` of an edited copy of the article with this title hash and these
/// paragraph hashes (rules in the module doc), if any.
pub fn find_similar(dir: &Path, title: &str, paragraphs: &[String]) -> Option<PathBuf> {
    let ours: std::collections::HashSet<&str> = paragraphs.iter().map(String::as_str).collect();
    let mut best: Option<(usize, PathBuf)> = None;
    for entry in fs::read_dir(dir).ok()?.flatten() {
        let index = entry.path();
        if index.extension().is_none_or(|e| e != "index") {
            continue;
        }
        let Ok(text) = fs::read_to_string(&index) else {
            continue;
        };
        let mut lines = text.lines();
        let same_title = lines.next().and_then(|l| l.strip_prefix("title ")) == Some(title);
        let theirs: std::collections::HashSet<&str> = lines.collect();
        let shared = ours.intersection(&theirs).count();
        let shorter = ours.len().min(theirs.len());
        let similar = if same_title {
            shared >= 1 && shared * 2 >= shorter
        } else {
            shared >= 3 && shared * 4 >= shorter * 3
        };
        let notes = index.with_extension("json");
        if similar && best.as_ref().is_none_or(|(n, _)| shared > *n) && notes.exists() {
            best = Some((shared, notes));
        }
    }
    best.map(|(_, p)| p)
}

/// Merge `theirs` (read from disk) into `ours`: union by id, newest `updated` wins (ours on a
/// tie), tombstones union and remove their highlights. Returns whether anything came from disk.
pub fn merge(ours: &mut NotesFile, theirs: NotesFile) -> bool {
    let mut changed = false;
    for (id, when) in theirs.deleted {
        if let std::collections::btree_map::Entry::Vacant(e) = ours.deleted.entry(id) {
            e.insert(when);
            changed = true;
        }
    }
    let before = ours.highlights.len();
    ours.highlights
        .retain(|h| !ours.deleted.contains_key(&h.id));
    changed |= ours.highlights.len() != before;
    let mut index: BTreeMap<String, usize> = ours
        .highlights
        .iter()
        .enumerate()
        .map(|(i, h)| (h.id.clone(), i))
        .collect();
    for h in theirs.highlights {
        if ours.deleted.contains_key(&h.id) {
            continue;
        }
        match index.get(&h.id) {
            Some(&i) => {
                if h.updated > ours.highlights[i].updated {
                    ours.highlights[i] = h;
                    changed = true;
                }
            }
            None => {
                index.insert(h.id.clone(), ours.highlights.len());
                ours.highlights.push(h);
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::TextPosition;

    fn h(id: &str, note: &str, updated: &str) -> Highlight {
        Highlight {
            id: id.into(),
            quote: "q".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: TextPosition::new(0, 0),
            end: TextPosition::new(0, 1),
            note: note.into(),
            created: "2026-01-01T00:00:00.000Z".into(),
            updated: updated.into(),
            actors: vec![],
            orphaned: false,
        }
    }

    #[test]
    fn merge_newest_wins_and_tombstones_hold() {
        let mut ours = NotesFile {
            highlights: vec![
                h("a", "ours old", "2026-01-01T00:00:01.000Z"),
                h("b", "ours new", "2026-01-01T00:00:05.000Z"),
                h("d", "deleted elsewhere", "2026-01-01T00:00:09.000Z"),
            ],
            ..NotesFile::default()
        };
        ours.deleted
            .insert("c".into(), "2026-01-01T00:00:03.000Z".into());
        let mut theirs = NotesFile {
            highlights: vec![
                h("a", "theirs newer", "2026-01-01T00:00:02.000Z"),
                h("b", "theirs older", "2026-01-01T00:00:04.000Z"),
                h("c", "resurrect?", "2026-01-01T00:00:02.000Z"),
                h("e", "only theirs", "2026-01-01T00:00:02.000Z"),
            ],
            ..NotesFile::default()
        };
        theirs
            .deleted
            .insert("d".into(), "2026-01-01T00:00:08.000Z".into());
        assert!(merge(&mut ours, theirs));
        let notes: BTreeMap<&str, &str> = ours
            .highlights
            .iter()
            .map(|h| (h.id.as_str(), h.note.as_str()))
            .collect();
        assert_eq!(
            notes,
            BTreeMap::from([
                ("a", "theirs newer"),
                ("b", "ours new"),
                ("e", "only theirs")
            ])
        );
        assert!(ours.deleted.contains_key("c") && ours.deleted.contains_key("d"));
        // Merging the same thing again changes nothing.
        let again = ours.clone();
        assert!(!merge(&mut ours, again));
    }
}
