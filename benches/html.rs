//! HTML parsing throughput (MB/s): our own fixture pages, and a large page generated from them
//! (their article bodies repeated, wrapped in navigation, sidebars and comment threads).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_default()
}

/// A page of roughly `target` bytes built from the fixtures' bodies.
fn large_page(target: usize) -> String {
    let bodies: Vec<String> = [
        "html-nested.html",
        "html-comments.html",
        "html-related.html",
        "html-cookie.html",
    ]
    .iter()
    .map(|f| {
        let page = fixture(f);
        let start = page.find("<body>").map(|i| i + 6).unwrap_or(0);
        let end = page.rfind("</body>").unwrap_or(page.len());
        page[start..end].to_string()
    })
    .collect();
    let mut page = String::from(
        "<!doctype html><html><head><title>Generated page | Bench</title></head><body>",
    );
    let mut i = 0;
    while page.len() < target {
        page.push_str(&format!("<section class=\"block-{i}\">"));
        page.push_str(&bodies[i % bodies.len()]);
        page.push_str("</section>");
        i += 1;
    }
    page.push_str("</body></html>");
    page
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("html_parse");
    for name in ["html-nested.html", "html-malformed.html"] {
        let page = fixture(name);
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_with_input(BenchmarkId::new("fixture", name), &page, |b, p| {
            b.iter(|| lede::article::html::parse(black_box(p)))
        });
    }
    for size in [256 * 1024, 2 * 1024 * 1024] {
        let page = large_page(size);
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.sample_size(10);
        g.bench_with_input(BenchmarkId::new("generated", size), &page, |b, p| {
            b.iter(|| lede::article::html::parse(black_box(p)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
