//! Article fingerprints: a stable SHA-256 of the article's content (title and paragraph text,
//! whitespace-normalised), so the same article read from another path, or copied again with
//! different page boilerplate around it, finds its notes file. Also short per-paragraph hashes,
//! stored in the notes file, to recognise a lightly edited copy of an article.
//!
//! SHA-256 comes from the `sha2` crate (it uses the CPU's SHA instructions where present): a
//! 10 MB article is hashed twice (whole and per paragraph) when its notes are opened.

use crate::article::Article;
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `s` with whitespace runs made single spaces and the ends trimmed, into `out` (cleared).
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Whether `s` is its own normalisation (no whitespace at the ends, single spaces inside):
/// parsed paragraphs usually are, and then need no copy.
fn is_normal(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

/// `s` normalised: itself when it already is, else a copy in `buf`.
fn normalised<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    if is_normal(s) {
        s
    } else {
        normalise_into(s, buf);
        buf
    }
}

/// The article's fingerprint (`fingerprint`) and its paragraph hashes (`paragraph_hashes`), in
/// one pass over the text.
pub fn hashes(article: &Article) -> (String, Vec<String>) {
    let mut buf = String::new();
    let mut whole = Sha256::new();
    whole.update(normalised(&article.title, &mut buf).as_bytes());
    let mut paragraphs = Vec::new();
    for p in article.paragraphs() {
        let text = normalised(&p.text, &mut buf).as_bytes();
        whole.update(b"\n");
        whole.update(text);
        paragraphs.push(hex(&Sha256::digest(text)[..8]));
    }
    (hex(&whole.finalize()[..16]), paragraphs)
}

/// 32 hex digits naming the article: SHA-256 of the whitespace-normalised title and paragraphs,
/// one per line (headings, byline and boilerplate do not count).
pub fn fingerprint(article: &Article) -> String {
    hashes(article).0
}

/// 16 hex digits of the whitespace-normalised title's SHA-256.
pub fn title_hash(article: &Article) -> String {
    let mut buf = String::new();
    normalise_into(&article.title, &mut buf);
    hex(&Sha256::digest(buf.as_bytes())[..8])
}

/// 16 hex digits per paragraph: SHA-256 of its whitespace-normalised text.
pub fn paragraph_hashes(article: &Article) -> Vec<String> {
    hashes(article).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Paragraph, Section};

    proptest::proptest! {
        /// The no-copy check agrees with normalising.
        #[test]
        fn is_normal_means_normalising_changes_nothing(s in "[ a\t\n\u{a0}\u{2003}\u{3000}é]{0,12}") {
            let mut buf = String::new();
            normalise_into(&s, &mut buf);
            proptest::prop_assert_eq!(is_normal(&s), buf == s);
        }
    }

    /// Notes files on disk are named by these hashes: they must never change. The values were
    /// computed by the first (hand-written SHA-256) implementation and checked with Python's
    /// hashlib on `" ".join(s.split())` of the same strings.
    #[test]
    fn hashes_are_stable_across_versions() {
        let a = Article {
            title: "Harbour  Talks\tResume in Valparaíso".into(),
            sections: vec![Section {
                heading: Some("Quotas".into()),
                paragraphs: vec![
                    Paragraph::new("Anna Berg arrived\u{a0}in Valparaíso on Monday."),
                    Paragraph::new(" Tomas Lind  said the talks\nwould resume. "),
                ],
            }],
            ..Article::default()
        };
        assert_eq!(fingerprint(&a), "8c84b9c78ad4cf599df41cbd8cfb1536");
        assert_eq!(title_hash(&a), "81a88dbc30cda313");
        assert_eq!(
            paragraph_hashes(&a),
            vec![
                "9b4848e4b35b1805".to_string(),
                "38fa9c8ba9077f2b".to_string()
            ]
        );
        // An already normal paragraph is hashed as it is (no copy), to the same value.
        let b = Article {
            sections: vec![Section {
                heading: None,
                paragraphs: vec![Paragraph::new("Already normal.")],
            }],
            ..Article::default()
        };
        assert_eq!(paragraph_hashes(&b), vec!["6c18b47d20359cdb".to_string()]);
    }

    fn art(title: &str, heading: Option<&str>, paras: &[&str]) -> Article {
        Article {
            title: title.into(),
            byline: Some("By Someone".into()),
            sections: vec![Section {
                heading: heading.map(String::from),
                paragraphs: paras.iter().map(|p| Paragraph::new(*p)).collect(),
            }],
            ..Article::default()
        }
    }

    #[test]
    fn fingerprint_ignores_whitespace_and_headings_but_not_words() {
        let a = art("A title", None, &["One two.", "Three four."]);
        let b = art("A  title ", Some("Heading"), &["One\ttwo.", " Three four."]);
        let c = art("A title", None, &["One two.", "Three five."]);
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
        assert_eq!(fingerprint(&a).len(), 32);
        // Paragraph boundaries matter: merging two paragraphs is a different article text.
        let d = art("A title", None, &["One two. Three four."]);
        assert_ne!(fingerprint(&a), fingerprint(&d));
        let ha = paragraph_hashes(&a);
        let hc = paragraph_hashes(&c);
        assert_eq!(ha[0], hc[0]);
        assert_ne!(ha[1], hc[1]);
    }
}
