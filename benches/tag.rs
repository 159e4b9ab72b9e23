//! Tagger throughput on a large generated text (our own fixtures, repeated with varied names),
//! for `tag_text` (one document) and `tag_article` (many paragraphs). Target: >= 100 MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::article::{Article, Paragraph, Section};
use lede::tag::{Tagger, UserLexicon};

/// About `bytes` of text: the tag fixtures repeated, with numbered surnames so that the
/// vocabulary keeps growing like a real news feed.
fn generate(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut base = String::new();
    for f in [
        "tag-surnames.txt",
        "tag-place-names.txt",
        "tag-headline.txt",
        "tag-heading.txt",
        "tag-sports.txt",
    ] {
        if let Ok(t) = std::fs::read_to_string(format!("{dir}/{f}")) {
            base.push_str(&t);
            base.push_str("\n\n");
        }
    }
    if base.is_empty() {
        base.push_str(
            "Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow.\n\n",
        );
    }
    let mut out = String::with_capacity(bytes + base.len());
    let mut n = 0u32;
    while out.len() < bytes {
        // vary surnames every round: "Kowalski" -> "Kowalskiab"
        let suffix: String = format!("{n:x}")
            .chars()
            .map(|c| (b'a' + (c.to_digit(16).unwrap_or(0) as u8)) as char)
            .collect();
        out.push_str(
            &base
                .replace("Kowalski", &format!("Kowalski{suffix}"))
                .replace("Vargas", &format!("Vargas{suffix}")),
        );
        n += 1;
    }
    out
}

fn bench_tag(c: &mut Criterion) {
    let text = generate(4 << 20);
    let tagger = Tagger::new(UserLexicon::default());
    let mut g = c.benchmark_group("tag");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tag_text 4 MiB", |b| {
        b.iter(|| tagger.tag_text(std::hint::black_box(&text)).len())
    });
    let article = Article {
        title: "Generated".into(),
        sections: vec![Section {
            heading: None,
            paragraphs: text
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(Paragraph::new)
                .collect(),
        }],
        ..Article::default()
    };
    g.bench_function("tag_article 4 MiB", |b| {
        b.iter(|| {
            tagger
                .tag_article(std::hint::black_box(&article))
                .actors
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_tag);
criterion_main!(benches);
