//! Fuzz the tagger: on any UTF-8 text, tagging never panics, spans are sorted, disjoint and on
//! char boundaries, and article mentions point at their text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lede::article::{Article, Paragraph, Section};
use lede::tag::Tagger;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tagger = Tagger::default();
    let spans = tagger.tag_text(text);
    let mut prev = 0;
    for s in &spans {
        assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev = s.end;
    }
    let article = Article {
        title: String::new(),
        sections: vec![Section {
            heading: None,
            paragraphs: text.split("\n\n").map(Paragraph::new).collect(),
        }],
        ..Article::default()
    };
    let tagged = tagger.tag_article(&article);
    let paras: Vec<&str> = article.paragraphs().map(|p| p.text.as_str()).collect();
    for a in &tagged.actors {
        for m in &a.mentions {
            assert_eq!(paras[m.paragraph].get(m.start..m.end), Some(&*m.text));
        }
    }
});
