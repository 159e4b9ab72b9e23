//! Where the learned name model ([`super::model`]) joins the rules: it vetoes a name
//! candidate every word of which it reads, with confidence, as an organisation, place or other
//! name ("Red Star", "Lola Honda", "Deportivo Coruna"), unless a title, reporting verb or
//! statistic says it is a person ([`Cand::vetoed`]). It is asked only where the rules leave a
//! doubt (the caller decides which candidates), and only on English text.
//!
//! What was measured and left out (dev: CoNLL dev, and the 81 dev articles' actor lists):
//! - lone words the model reads as a person, counted over the article's mentions: CoNLL PERSON
//!   F1 +.003, the articles' people F1 -.003 to +.002, and the tagger's throughput from 50 to
//!   30 MiB/s (under the 40 MB/s budget), since every unexplained capitalised word needs it;
//! - names of two words or more that only the model reads as a person: CoNLL +.004, the
//!   articles -.005 to -.01 (products and games the 1996 news it learned from never saw).
//!
//! The veto margin was chosen on CoNLL dev (`scripts/train_ner.py --combine`) and checked on
//! the dev articles; the model is skipped when its weights do not load.

use super::model::{self, Ent, Label};
use super::people::Cand;
use super::tokens::{Kind, Token};
use super::words::Lex;

/// Margin above which the model's reading of every word of a candidate as no person vetoes it.
const VETO_MARGIN: f32 = 20.0;

/// Apply the model's readings to the candidates `cands` of one paragraph (its tokens `toks`,
/// `caps` as the tokenizer gave them). The model reads only the sentences that hold a candidate
/// for which `asks` says its reading can change the outcome, so that text whose names the
/// rules settle costs nothing more. `labels` and `line` are buffers reused between paragraphs.
#[allow(clippy::too_many_arguments)]
pub fn apply(
    text: &str,
    toks: &[Token],
    caps: &[bool],
    w: &Lex,
    cands: &mut [Cand],
    asks: impl Fn(&Cand) -> bool,
    labels: &mut Vec<(Label, f32)>,
    line: &mut Vec<(Label, f32)>,
) {
    if !model::available() || toks.is_empty() {
        return;
    }
    let word = |i: usize| toks[i].kind == Kind::Word;
    // tokens labelled so far: the sentences up to `read_to`
    let mut read_to = 0;
    labels.clear();
    labels.resize(toks.len(), (model::O, f32::INFINITY));
    for c in cands.iter_mut() {
        let (a, b) = (c.first as usize, c.last as usize);
        if b >= toks.len() || !asks(c) {
            continue;
        }
        if b >= read_to {
            // the sentence (or sentences) around the candidate
            let from = (0..=a)
                .rev()
                .find(|&i| toks[i].sent_start)
                .unwrap_or(0)
                .max(read_to);
            let to = (b + 1..toks.len())
                .find(|&i| toks[i].sent_start)
                .unwrap_or(toks.len());
            model::tag_tokens(text, &toks[from..to], caps, w, line);
            if line.len() == to - from {
                labels[from..to].copy_from_slice(line);
            }
            read_to = to;
        }
        let words = || (a..=b).filter(|&i| word(i)).map(|i| labels[i]);
        let other = |(l, m): (Label, f32)| l.ent != Ent::Per && l.ent != Ent::O && m >= VETO_MARGIN;
        if !(c.strong || c.said || c.stat) && words().all(other) {
            c.vetoed = true;
        }
    }
}

/// Whether a text (all its paragraphs) reads as English, the only language the model knows:
/// English function words at least once per 150 bytes, as in any English prose ("the" alone is
/// about one word in sixteen). Texts too short to tell are taken as English.
pub fn looks_english(paras: &[&str]) -> bool {
    let bytes: usize = paras.iter().map(|p| p.len()).sum();
    if bytes < 400 {
        return true;
    }
    let finders = [" the ", " and ", " of ", " to ", " is "].map(memchr::memmem::Finder::new);
    let mut hits = 0;
    for p in paras {
        for f in &finders {
            hits += f.find_iter(p.as_bytes()).count();
        }
        if hits * 150 >= bytes {
            return true;
        }
    }
    false
}
