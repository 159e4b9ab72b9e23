//! Throughput of the name model alone (`src/tag/model.rs`: flags and decoding), on lede's own
//! sample article and tag fixtures, tokenized beforehand. The model module is private to the
//! library, so this example compiles it and the modules it reads from source. Target: >= 10 M
//! tokens/s. Run: `cargo run --release --example ner_model_speed`.

#[allow(dead_code, unused_imports)]
#[path = "../src/tag"]
mod tag {
    pub mod lexicon;
    pub mod model;
    pub mod tokens;
    pub mod words;
}

use tag::{model, tokens, words};

fn text() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut base = String::new();
    for f in [
        "examples/sample.txt",
        "tests/fixtures/tag-surnames.txt",
        "tests/fixtures/tag-place-names.txt",
        "tests/fixtures/tag-headline.txt",
        "tests/fixtures/tag-sports.txt",
    ] {
        if let Ok(t) = std::fs::read_to_string(format!("{root}/{f}")) {
            base.push_str(&t);
            base.push('\n');
        }
    }
    base.repeat(((1 << 20) / base.len().max(1)).max(1))
}

fn main() {
    let text = text();
    let t = tokens::tokenize_with(&text, |_| tokens::NONE, Default::default());
    let sents = t.toks.iter().filter(|t| t.sent_start).count();
    let w = words::Words::default();
    let lex = words::Lex::new(&w);
    let mut out = Vec::new();
    let mut best = f64::INFINITY;
    let mut people = 0;
    for _round in 0..6 {
        let start = std::time::Instant::now();
        people = 0;
        // the whole text as one paragraph: tag_paragraph splits it at sentence starts
        model::tag_paragraph(&text, &t.toks, &t.caps, &lex, &mut out);
        people += out
            .iter()
            .filter(|(l, _)| l.begin && l.ent == model::Ent::Per)
            .count();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let n = t.toks.len() as f64;
    // the decoder alone, on words and flags computed beforehand
    let words: Vec<&str> = t.toks.iter().map(|k| &text[k.range()]).collect();
    let flags: Vec<u16> = words.iter().map(|w| model::flags_of(w, &lex)).collect();
    let mut starts: Vec<usize> = (0..t.toks.len())
        .filter(|&i| t.toks[i].sent_start)
        .collect();
    starts.push(t.toks.len());
    let mut dec = f64::INFINITY;
    for _round in 0..6 {
        let start = std::time::Instant::now();
        for w in starts.windows(2) {
            model::tag(&words[w[0]..w[1]], &flags[w[0]..w[1]], &mut out);
        }
        dec = dec.min(start.elapsed().as_secs_f64());
    }
    println!(
        "decoder alone (flags given): {:.1} M tokens/s",
        n / dec / 1e6
    );
    let mut fl = f64::INFINITY;
    let mut sum = 0u64;
    for _round in 0..6 {
        let start = std::time::Instant::now();
        for w in &words {
            sum += u64::from(model::flags_of(w, &lex));
        }
        fl = fl.min(start.elapsed().as_secs_f64());
    }
    println!(
        "flags_of alone, every token: {:.1} M tokens/s ({sum})",
        n / fl / 1e6
    );
    println!(
        "{} tokens, {} bytes, {} sentences, {} person starts: best of 6 {:.1} ms = {:.1} M tokens/s, {:.0} MB/s",
        t.toks.len(),
        text.len(),
        sents,
        people,
        best * 1e3,
        n / best / 1e6,
        text.len() as f64 / best / 1e6
    );
}
