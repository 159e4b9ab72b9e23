//! Fuzz target: any bytes through `source::decode` and the plain-text, Markdown and HTML
//! parsers. Properties: no panic; decoded text has no control characters but LF/TAB and
//! sanitizing it again changes nothing; every paragraph and heading is non-empty and
//! whitespace-normalised; no text of the article (title, deck, byline, headings, paragraphs)
//! has control or bidi control characters, even from character references the parsers decode.
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
    let unsafe_char = |c: char| {
        c.is_control()
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let a = article::parse(&src.text, format);
        let blocks = a
            .sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter().map(|p| &p.text)));
        for t in blocks {
            assert!(!t.is_empty());
            assert_eq!(t.split_whitespace().collect::<Vec<_>>().join(" "), *t);
            assert!(!t.chars().any(unsafe_char));
        }
        for t in [Some(&a.title), a.deck.as_ref(), a.byline.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(!t.chars().any(unsafe_char), "{t:?}");
        }
    }
});
