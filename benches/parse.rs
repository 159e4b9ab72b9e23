//! Throughput of `source::decode` and the plain-text parser on a large article generated from
//! our own fixtures (the bundled sample and tests/fixtures/parse-*.txt, repeated to ~8 MiB).
//! Criterion reports the throughput in MiB/s; the target is ≥ 200 MB/s on one core.

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

fn bench(c: &mut Criterion) {
    let text = large_article();
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
