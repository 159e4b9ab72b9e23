//! Fuzz target: any bytes through `source::decode` and the plain-text and Markdown parsers.
//! Properties: no panic; decoded text has no control characters but LF/TAB and sanitizing it
//! again changes nothing; every paragraph and heading is non-empty, whitespace-normalised and
//! free of control characters.
#![no_main]

use lede::article::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = lede::source::decode("fuzz", data) else {
        return;
    };
    assert!(!src
        .text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t'));
    assert_eq!(lede::source::sanitize(&src.text), src.text);
    for format in [Format::Text, Format::Markdown] {
        let a = article::parse(&src.text, format);
        let blocks = a
            .sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter().map(|p| &p.text)));
        for t in blocks {
            assert!(!t.is_empty());
            assert_eq!(t.split_whitespace().collect::<Vec<_>>().join(" "), *t);
            assert!(!t.chars().any(char::is_control));
        }
    }
});
