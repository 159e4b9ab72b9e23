//! Core error types. Every error prints as one line suitable for `lede: …` on stderr.

use std::fmt;
use std::path::PathBuf;

/// Errors from reading input, configuration and notes.
#[derive(Debug)]
pub enum Error {
    /// An I/O failure on a named path ("not found", "permission denied", "is a directory", …).
    Io { path: String, message: String },
    /// The input looks binary (NUL bytes or mostly non-text).
    Binary { path: String },
    /// The input is larger than the limit.
    TooLarge { path: String, size: u64, limit: u64 },
    /// A configuration, keymap or theme file is invalid; positions are 1-based.
    Config {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Anything else, already phrased for the user.
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, message } => write!(f, "{path}: {message}"),
            Error::Binary { path } => write!(f, "{path}: binary file, not an article"),
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{path}: file is {} MiB, larger than the {} MiB limit",
                size / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Error::Config {
                file,
                line,
                column,
                message,
            } => {
                write!(f, "{}:{line}:{column}: {message}", file.display())
            }
            Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// An I/O error on `path`, phrased without the OS error code.
    pub fn io(path: &str, err: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        let message = match err.kind() {
            ErrorKind::NotFound => "no such file".to_string(),
            ErrorKind::PermissionDenied => "permission denied".to_string(),
            ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            _ => {
                let s = err.to_string();
                match s.find(" (os error") {
                    Some(i) => s[..i].to_string(),
                    None => s,
                }
            }
        };
        Error::Io {
            path: path.to_string(),
            message,
        }
    }
}
