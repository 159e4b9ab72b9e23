//! Throughput of `source::decode` and the plain-text parser on a large article generated from
//! our own fixtures (the bundled sample and tests/fixtures/parse-*.txt, repeated to ~8 MiB).
//! Criterion reports the throughput in MiB/s; the target is ≥ 200 MB/s on one core.
//!
//! `parse/page` is a harder input of the same size: the fixtures wrapped in generated page
//! furniture (navigation bars, share labels, datelines, teaser lists of short headlines), so
//! that most units are short and the boilerplate checks run on many of them.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::article::{self, Format};
use lede::source;
use std::path::Path;

fn large_article() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = vec![root.join("examples/sample.txt")];
    for name in [
        "parse-wire.txt",
        "parse-wrapped.txt",
        "parse-lists.txt",
        "parse-fr.txt",
    ] {
        parts.push(root.join("tests/fixtures").join(name));
    }
    let one: String = parts
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::with_capacity(9 << 20);
    while text.len() < 8 << 20 {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    text
}

/// The fixtures between generated page furniture, repeated to ~8 MiB.
fn large_page() -> String {
    let article = large_article();
    let parts: Vec<&str> = article.split("\n\n").collect();
    let mut text = String::with_capacity(9 << 20);
    let mut n = 0usize;
    'fill: loop {
        for (i, p) in parts.iter().enumerate() {
            if text.len() >= 8 << 20 {
                break 'fill;
            }
            n += 1;
            if i % 6 == 0 {
                text.push_str(
                    "Home | World | Politics | Business | Sport | Weather\nSign in\nSubscribe\n\n",
                );
                text.push_str(&format!(
                    "Updated {} March 2026, 14:{:02}\nShare\nAdvertisement\n\n",
                    n % 28 + 1,
                    n % 60
                ));
            }
            text.push_str(p);
            text.push_str("\n\n");
            if i % 6 == 5 {
                text.push_str("Related Articles\n");
                for k in 0..8 {
                    text.push_str(&format!(
                        "• Council Votes on Harbour Plan Part {}\n",
                        n * 8 + k
                    ));
                }
                text.push_str("[GettyImage]\nPhoto: Lede Wire\n\n");
            }
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = large_article();
    let page = large_page();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("decode", |b| {
        b.iter(|| source::decode("bench", text.as_bytes()).expect("text"))
    });
    g.bench_function("text", |b| b.iter(|| article::parse(&text, Format::Text)));
    g.bench_function("decode+text", |b| {
        b.iter(|| {
            let src = source::decode("bench", text.as_bytes()).expect("text");
            article::parse(&src.text, Format::Text)
        })
    });
    g.finish();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.sample_size(10);
    g.bench_function("page", |b| b.iter(|| article::parse(&page, Format::Text)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
