//! Runs of record lines that continue an article: results tables, score lines, ranked lists,
//! tour dates. Each line is poor in stop words and would be boilerplate on its own, but a run
//! of lines of the same shape next to article text is part of the article.
//!
//! The shape of a line is its first symbols (digit runs and punctuation, letters and spaces
//! left out): "Lakeside (3-0): Ruiz 22 points." and "Valley (1-2): Lind 18 points." both open
//! with `(9`, "June 9 – Tampa, FL" and "June 10 – Miami, FL" with `9–`. Menus and share bars
//! (words without symbols) have no shape and are never records.

use super::boilerplate::Class;

/// Symbols of a line's shape.
const SHAPE: usize = 2;
/// Lines apart that two lines of one shape may be (a score line, then one line per team).
const SPAN: usize = 3;
/// A line longer than this (bytes) is not a record.
const MAX_RECORD: usize = 2000;

/// The shape of a line: its first [`SHAPE`] symbols, a digit run counting as `9`; `None`
/// when it has fewer.
pub(crate) fn shape(text: &str) -> Option<[char; SHAPE]> {
    if text.len() > MAX_RECORD {
        return None;
    }
    let mut out = [' '; SHAPE];
    let mut n = 0;
    let mut digits = false;
    let mut letter = false;
    for c in text.chars() {
        let sym = if c.is_ascii_digit() {
            letter = false;
            if digits {
                continue;
            }
            digits = true;
            '9'
        } else {
            digits = false;
            let after_letter = std::mem::replace(&mut letter, c.is_alphabetic());
            // (The full stop of an abbreviation, "Aug. 2", is part of the word.)
            if c.is_alphanumeric()
                || c.is_whitespace()
                || "'’\"“”‘".contains(c)
                || (c == '.' && after_letter)
            {
                continue;
            }
            c
        };
        out[n] = sym;
        n += 1;
        if n == SHAPE {
            return Some(out);
        }
    }
    None
}

/// Whether the first of `lines` has a shape that one of the next [`SPAN`] lines shares: the
/// first row of a table or list.
pub(crate) fn starts_run<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = lines.next().and_then(shape) else {
        return false;
    };
    lines.take(SPAN).any(|l| shape(l) == Some(first))
}

/// Mark as good every run of record lines attached to good text: consecutive lines that are not
/// good yet
/// (`plain[i]`: not page furniture, a byline or a dateline) of which at least two thirds share their shape with
/// another line of the run at most [`SPAN`] lines away, when the line just before the run is
/// good (or an introduction, not furniture, that follows good text) or the line just after it
/// is good.
/// The introduction is kept too.
pub(crate) fn keep_runs(shapes: &[Option<[char; SHAPE]>], plain: &[bool], cls: &mut [Class]) {
    let n = cls.len();
    let is_record = |i: usize| plain[i] && shapes[i].is_some() && cls[i] != Class::Good;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_record(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_record(i) {
            i += 1;
        }
        if i - start >= 2 {
            runs.push((start, i));
        }
    }
    for &(a, z) in &runs {
        let alike = (a..z)
            .filter(|&k| {
                let lo = k.saturating_sub(SPAN).max(a);
                let hi = (k + SPAN + 1).min(z);
                (lo..hi).any(|j| j != k && shapes[j] == shapes[k])
            })
            .count();
        if alike * 3 < (z - a) * 2 {
            continue;
        }
        let good = |k: usize| cls.get(k) == Some(&Class::Good);
        let before = a > 0 && good(a - 1);
        let intro = a > 1 && !good(a - 1) && plain[a - 1] && good(a - 2);
        if before || intro || good(z) {
            let from = if intro { a - 1 } else { a };
            cls[from..z].fill(Class::Good);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_the_first_symbols() {
        assert_eq!(shape("Lakeside (3-0): Ruiz 22 points."), Some(['(', '9']));
        assert_eq!(shape("June 10 – Miami, FL"), Some(['9', '–']));
        assert_eq!(shape("Aug. 2 – Tampa, FL"), Some(['9', '–']));
        assert_eq!(shape("1. Lakeside 2. Northgate"), Some(['9', '.']));
        assert_eq!(shape("Aden O'Hara scored twice"), None);
        assert_eq!(shape("Home"), None);
    }

    #[test]
    fn a_run_starts_where_a_later_line_has_the_same_shape() {
        assert!(starts_run(["A d. B 3-1", "(x)", "C d. D 2-0"].into_iter()));
        assert!(!starts_run(
            ["A d. B 3-1", "(x)", "y: 2", "z @ 4", "C d. D 2-0"].into_iter()
        ));
        assert!(!starts_run(["Home", "Home"].into_iter()));
    }

    fn run(lines: &[&str], cls: &mut [Class]) {
        let shapes: Vec<_> = lines.iter().map(|l| shape(l)).collect();
        let plain = vec![true; lines.len()];
        keep_runs(&shapes, &plain, cls);
    }

    #[test]
    fn a_run_after_good_text_is_kept() {
        use Class::*;
        let lines = ["prose", "Results", "A d. B 3-1", "C d. D 2-0", "E d. F 1-0"];
        let mut cls = [Good, Bad, Bad, Bad, Bad];
        run(&lines, &mut cls);
        assert_eq!(cls, [Good, Good, Good, Good, Good]);
    }

    #[test]
    fn a_run_between_boilerplate_stays_out() {
        use Class::*;
        let lines = ["menu", "A d. B 3-1", "C d. D 2-0", "E d. F 1-0", "footer"];
        let mut cls = [Bad, Bad, Bad, Bad, Bad];
        run(&lines, &mut cls);
        assert_eq!(cls, [Bad; 5]);
    }

    #[test]
    fn lines_of_different_shapes_are_no_run() {
        use Class::*;
        let lines = ["prose", "A d. B 3-1", "(x) y", "z: 4", "w @ v"];
        let mut cls = [Good, Bad, Bad, Bad, Bad];
        run(&lines, &mut cls);
        assert_eq!(cls, [Good, Bad, Bad, Bad, Bad]);
    }
}
