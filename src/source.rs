//! Reading input: bytes from a file or stdin become sanitized UTF-8 text (`Source`).

use crate::error::Error;
use std::io::Read;

/// Largest input lede accepts.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Decoded, sanitized article text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (`-` for stdin).
    pub name: String,
    /// Sanitized text: UTF-8, LF line ends, no control characters other than LF and TAB.
    pub text: String,
    /// Non-fatal problems to report on stderr (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
}

/// Read `path` (or stdin for `-`) and decode it.
pub fn read(path: &str) -> Result<Source, Error> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("-", &e))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, &e))?
    };
    decode(path, &bytes)
}

/// Decode raw bytes into a sanitized `Source`. (Placeholder: lossy UTF-8.)
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, Error> {
    Ok(Source {
        name: name.to_string(),
        text: String::from_utf8_lossy(bytes).replace("\r\n", "\n"),
        warnings: Vec::new(),
    })
}
