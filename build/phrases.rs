//! The parser's phrase lists for build.rs: compiles `src/article/data/phrases.txt` (sections of
//! lower-case phrases) into `$OUT_DIR/phrases.rs`, one `pub const NAME: &[&str]` per section,
//! included by `src/article/phrases.rs`.

use std::fmt::Write as _;
use std::path::Path;

/// Compiles the phrase file: a `[name]` line opens a section (the constant is the name in upper
/// case, `-` as `_`); every other non-blank line not starting with `#` is one phrase, trimmed
/// (in double quotes to keep spaces at its ends).
pub fn phrases(out: &Path) {
    const FILE: &str = "src/article/data/phrases.txt";
    println!("cargo:rerun-if-changed={FILE}");
    let text = std::fs::read_to_string(FILE).expect("phrases.txt is readable");
    let mut code = String::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if open {
                code.push_str("];\n");
            }
            let name = name.to_uppercase().replace('-', "_");
            let _ = writeln!(code, "pub const {name}: &[&str] = &[");
            open = true;
            continue;
        }
        assert!(open, "{FILE}: phrase before the first [section]");
        // A phrase in double quotes keeps its spaces at the ends.
        let line = line
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .unwrap_or(line);
        assert_eq!(line, line.to_lowercase(), "{FILE}: phrases are lower case");
        let _ = writeln!(code, "    {line:?},");
    }
    if open {
        code.push_str("];\n");
    }
    std::fs::write(out.join("phrases.rs"), code).expect("OUT_DIR is writable");
}
