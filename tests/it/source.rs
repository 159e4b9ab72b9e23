//! Input handling through the real binary: hostile fixtures (escape sequences, controls, bidi,
//! NUL, invalid UTF-8, UTF-16, CRLF), huge and empty input, directories, missing files, stdin.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("lede runs")
}

fn parse_json(path: &Path) -> (serde_json::Value, String) {
    let out = lede(&["parse", path.to_str().expect("utf-8 path"), "--json"]);
    let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
    assert!(out.status.success(), "{}: {stderr}", path.display());
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    (serde_json::from_str(&stdout).expect("JSON"), stderr)
}

/// Every string in the parsed article, in order.
fn strings(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for k in ["title", "deck", "byline"] {
        if let Some(s) = v[k].as_str() {
            out.push(s.to_string());
        }
    }
    for s in v["sections"].as_array().expect("sections") {
        if let Some(h) = s["heading"].as_str() {
            out.push(h.to_string());
        }
        for p in s["paragraphs"].as_array().expect("paragraphs") {
            out.push(p.as_str().expect("string").to_string());
        }
    }
    out
}

fn paragraphs(v: &serde_json::Value) -> Vec<String> {
    v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().expect("paragraphs").iter())
        .map(|p| p.as_str().expect("string").to_string())
        .collect()
}

const TITLE: &str = "Harbour Workers Vote to End the Strike";
const P1: &str = "Dock workers in the northern port voted on Friday to end a strike that had \
    lasted for eleven days, after the company agreed to raise their pay by six per cent this year.";
const P2: &str = "The union said that the agreement would be put to a second vote in the spring, \
    when the company is due to publish its accounts for the whole of the last year.";

fn assert_clean(v: &serde_json::Value) {
    for s in strings(v) {
        assert!(
            !s.chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "control or bidi character in {s:?}"
        );
    }
}

/// Expect exit 1 and exactly one line on stderr, `lede: …`, containing `needle`.
fn assert_one_line_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.starts_with("lede: "), "{stderr:?}");
    assert!(stderr.contains(needle), "{stderr:?} lacks {needle:?}");
}

#[test]
fn escape_sequences_are_removed_whole() {
    let (v, stderr) = parse_json(&fixture("hostile-escapes.txt"));
    assert!(stderr.is_empty());
    assert_clean(&v);
    assert_eq!(v["title"], TITLE);
    // Not even the parameters of ESC[2J, OSC 52, OSC 8 or the DCS string are left behind.
    assert_eq!(paragraphs(&v), vec![P1, P2]);
}

#[test]
fn bidi_controls_are_removed_and_joiners_kept() {
    let (v, _) = parse_json(&fixture("hostile-bidi.txt"));
    assert_clean(&v);
    let all = strings(&v).join("\n");
    assert!(all.contains("Friday evilto end"));
    assert!(all.contains("\u{1F469}\u{200D}\u{1F4BB}"), "ZWJ emoji kept");
    assert!(all.contains("\u{06CC}\u{200C}\u{062E}"), "ZWNJ kept");
    assert_eq!(paragraphs(&v).len(), 2);
}

#[test]
fn nul_byte_is_refused_as_binary() {
    let path = fixture("hostile-nul.txt");
    let out = lede(&["parse", path.to_str().expect("utf-8 path")]);
    assert_one_line_error(&out, "hostile-nul.txt: binary file, not an article");
}

#[test]
fn latin1_is_detected_and_decoded() {
    let (v, stderr) = parse_json(&fixture("hostile-latin1.txt"));
    assert!(stderr.is_empty(), "{stderr:?}");
    assert!(paragraphs(&v)[0].contains("nördlichen"));
}

#[test]
fn utf16_with_bom_and_crlf() {
    for name in ["hostile-utf16le.txt", "hostile-utf16be.txt"] {
        let (v, stderr) = parse_json(&fixture(name));
        assert!(stderr.is_empty(), "{name}: {stderr}");
        assert_eq!(v["title"], TITLE, "{name}");
        assert_eq!(paragraphs(&v), vec![P1, P2], "{name}");
    }
}

#[test]
fn crlf_and_lone_cr_are_line_ends() {
    let (v, _) = parse_json(&fixture("hostile-crlf.txt"));
    assert_clean(&v);
    assert_eq!(v["title"], TITLE);
    assert_eq!(paragraphs(&v), vec![P1, P2]);
}

#[test]
fn empty_file_is_a_one_line_error() {
    let path = fixture("hostile-empty.txt");
    let out = lede(&["parse", path.to_str().expect("utf-8 path")]);
    assert_one_line_error(&out, "empty, no article text");
}

#[test]
fn directory_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = lede(&["parse", dir.path().to_str().expect("utf-8 path")]);
    assert_one_line_error(&out, "is a directory");
}

#[test]
fn missing_file_is_a_one_line_error() {
    let out = lede(&["parse", "/nonexistent/lede/article.txt"]);
    assert_one_line_error(&out, "/nonexistent/lede/article.txt: no such file");
}

#[test]
fn bad_usage_exits_2() {
    let out = lede(&["parse"]);
    assert_eq!(out.status.code(), Some(2));
    let out = lede(&["parse", "x.txt", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn file_over_the_limit_is_refused_from_its_size() {
    // A sparse file: its size is over 256 MiB without writing the bytes.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(lede::source::MAX_BYTES + 1).expect("set_len");
    let out = lede(&["parse", path.to_str().expect("utf-8 path")]);
    assert_one_line_error(&out, "larger than the 256 MiB limit");
}

#[test]
fn fifty_megabyte_single_line_parses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long-line.txt");
    let sentence = "The council said that it would meet again on the first day of the month. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    assert!(line.len() >= 50 * 1024 * 1024);
    std::fs::write(&path, &line).expect("write");
    let out = lede(&["parse", path.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outline = String::from_utf8(out.stdout).expect("utf-8");
    assert!(outline.contains("The council said that it would meet again"));
}

#[test]
fn stdin_is_read_and_sanitized() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["parse", "-", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let input = std::fs::read(fixture("hostile-escapes.txt")).expect("fixture");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_clean(&v);
    assert_eq!(paragraphs(&v), vec![P1, P2]);
}

#[test]
fn binary_on_stdin_is_refused_as_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&bytes)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_one_line_error(&out, "-: binary file, not an article");
}

#[test]
fn the_outline_is_sanitized_too() {
    let path = fixture("hostile-escapes.txt");
    let out = lede(&["parse", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}
