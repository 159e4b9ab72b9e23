//! Build script: the tagger's tables (build/tag.rs), the parser's stop-word tables
//! (build/stopwords.rs) and phrase lists (build/phrases.rs), compiled from the data files so
//! that nothing is parsed at start-up.

use std::path::Path;

#[path = "build/phrases.rs"]
mod phrases;
#[path = "build/stopwords.rs"]
mod stopwords;
#[path = "build/tag.rs"]
mod tag;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/stopwords.rs");
    println!("cargo:rerun-if-changed=build/tag.rs");
    println!("cargo:rerun-if-changed=build/phrases.rs");
    tag::build(out);
    stopwords::stop_words(out);
    phrases::phrases(out);
}
