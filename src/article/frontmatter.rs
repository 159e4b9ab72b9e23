//! Front matter at the top of a Markdown file: YAML between `---` lines (closed by `---` or
//! `...`) or TOML between `+++` lines. It gives the title, author and date and is never shown
//! as text. TOML is read with the `toml` crate. YAML is read by a small reader of top-level
//! `key: value` lines (plain, quoted and flow-list values, block lists, `|`/`>` scalars, an
//! `author:` map's `name:`), which is all the three fields need; other keys are skipped.

/// What the front matter says about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// Authors joined with ", ".
    pub author: Option<String>,
    pub date: Option<String>,
}

const TITLE: &[&str] = &["title", "headline"];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator", "by"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishdate",
    "publish_date",
    "pubdate",
    "published_at",
    "created",
];

/// Split front matter off the start of `text`: what it says and the text after it. `None` when
/// the text does not start (after blank lines) with a delimited block whose first line reads
/// as a key (`key:` for YAML, `key =` or `[table]` for TOML).
pub fn split(text: &str) -> Option<(FrontMatter, &str)> {
    let start = text.len() - text.trim_start_matches(['\n', ' ', '\t']).len();
    // Back to the start of the first non-blank line.
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[start..];
    let (open, body_start) = first_line(rest);
    let yaml = match open.trim_end() {
        "---" => true,
        "+++" => false,
        _ => return None,
    };
    let body = &rest[body_start..];
    let mut at = 0;
    let mut end = None;
    while at < body.len() {
        let (line, next) = first_line(&body[at..]);
        let l = line.trim_end();
        if (yaml && (l == "---" || l == "...")) || (!yaml && l == "+++") {
            end = Some((at, at + next));
            break;
        }
        at += next;
    }
    let (close, after) = end?;
    let block = &body[..close];
    let first = block.lines().find(|l| !l.trim().is_empty())?;
    if !(if yaml {
        looks_like_yaml_key(first)
    } else {
        looks_like_toml_key(first)
    }) {
        return None;
    }
    let fm = if yaml {
        yaml_fields(block)
    } else {
        toml_fields(block)
    };
    Some((fm, &body[after..]))
}

/// Whether `text` starts with front matter (used to detect Markdown without an extension).
pub fn starts_with_front_matter(text: &str) -> bool {
    split(text).is_some()
}

/// The first line of `s` without its line break, and the index just after the break.
fn first_line(s: &str) -> (&str, usize) {
    match s.find('\n') {
        Some(i) => (&s[..i], i + 1),
        None => (s, s.len()),
    }
}

fn looks_like_yaml_key(line: &str) -> bool {
    let Some((k, _)) = line.split_once(':') else {
        return false;
    };
    let k = k.trim_end();
    !k.is_empty()
        && !line.starts_with([' ', '\t'])
        && k.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '"' | '\''))
}

fn looks_like_toml_key(line: &str) -> bool {
    let l = line.trim();
    if l.starts_with('[') || l.starts_with('#') {
        return true;
    }
    let Some((k, _)) = l.split_once('=') else {
        return false;
    };
    let k = k.trim();
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\''))
}

fn clean(s: &str) -> Option<String> {
    let s = super::clean_decoded(s);
    (!s.is_empty()).then_some(s)
}

fn join(names: Vec<String>) -> Option<String> {
    let names: Vec<String> = names.iter().filter_map(|n| clean(n)).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn toml_fields(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let Ok(table) = block.parse::<toml::Table>() else {
        return fm;
    };
    for (k, v) in &table {
        let key = k.to_lowercase();
        let key = key.as_str();
        if TITLE.contains(&key) && fm.title.is_none() {
            fm.title = v.as_str().and_then(clean);
        } else if AUTHOR.contains(&key) && fm.author.is_none() {
            fm.author = toml_names(v);
        } else if DATE.contains(&key) && fm.date.is_none() {
            fm.date = match v {
                toml::Value::String(s) => clean(s),
                toml::Value::Datetime(d) => clean(&d.to_string()),
                _ => None,
            };
        }
    }
    fm
}

fn toml_names(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => clean(s),
        toml::Value::Array(a) => join(
            a.iter()
                .filter_map(|x| match x {
                    toml::Value::String(s) => Some(s.clone()),
                    toml::Value::Table(t) => t.get("name").and_then(|n| n.as_str()).map(Into::into),
                    _ => None,
                })
                .collect(),
        ),
        toml::Value::Table(t) => t.get("name").and_then(|n| n.as_str()).and_then(clean),
        _ => None,
    }
}

/// A YAML scalar as written on one line: quoted (double quotes read as JSON, which covers
/// YAML's escapes), single-quoted (`''` is a quote) or plain (a ` #` starts a comment).
fn yaml_scalar(v: &str) -> String {
    let v = v.trim();
    if v.starts_with('"') {
        if let Ok(s) = serde_json::from_str::<String>(v) {
            return s;
        }
        return v.trim_matches('"').to_string();
    }
    if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        return v[1..v.len() - 1].replace("''", "'");
    }
    match v.find(" #") {
        Some(i) => v[..i].trim_end().to_string(),
        None => v.to_string(),
    }
}

/// A flow list `[a, "b, c", d]`: items split at commas outside quotes.
fn yaml_flow_list(v: &str) -> Vec<String> {
    let inner = v.trim().trim_start_matches('[').trim_end_matches(']');
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, ',') => {
                items.push(yaml_scalar(&cur));
                cur.clear();
                continue;
            }
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            _ => {}
        }
        cur.push(c);
    }
    items.push(yaml_scalar(&cur));
    items
}

fn yaml_fields(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let lines: Vec<&str> = block.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let key = yaml_scalar(k).to_lowercase();
        let key = key.as_str();
        // The indented lines that belong to this key.
        let mut nested = Vec::new();
        while i < lines.len() && (lines[i].starts_with([' ', '\t', '-']) || lines[i].is_empty()) {
            nested.push(lines[i]);
            i += 1;
        }
        let v = v.trim();
        let values: Vec<String> = if v.starts_with('[') {
            yaml_flow_list(v)
        } else if v.starts_with('|') || v.starts_with('>') {
            vec![nested
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" ")]
        } else if !v.is_empty() && !v.starts_with('#') {
            // A plain scalar may go on over more indented lines.
            let mut s = yaml_scalar(v);
            for l in nested.iter().filter(|l| !l.trim_start().starts_with('-')) {
                if !v.starts_with(['"', '\'']) {
                    s.push(' ');
                    s.push_str(l.trim());
                }
            }
            vec![s]
        } else {
            // A block list (`- name` or `- name: X`) or a map with a `name:`.
            let mut out = Vec::new();
            for l in &nested {
                let t = l.trim();
                let item = t.strip_prefix('-').map(str::trim).unwrap_or(t);
                let item = match item.split_once(':') {
                    Some((k, v)) if yaml_scalar(k).eq_ignore_ascii_case("name") => v,
                    Some(_) if !item.starts_with(['"', '\'']) => continue,
                    _ if t.starts_with('-') => item,
                    _ => continue,
                };
                out.push(yaml_scalar(item));
            }
            out
        };
        if TITLE.contains(&key) && fm.title.is_none() {
            fm.title = values.into_iter().next().and_then(|s| clean(&s));
        } else if AUTHOR.contains(&key) && fm.author.is_none() {
            fm.author = join(values);
        } else if DATE.contains(&key) && fm.date.is_none() {
            fm.date = values.into_iter().next().and_then(|s| clean(&s));
        }
    }
    fm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_values() {
        let (fm, rest) = split(
            "---\ntitle: \"Quay \\\"vote\\\" today\"\nauthors:\n  - Ana Lopes\n  - name: Rui Sá\ndate: 2024-03-05 # local\ntags: [a, b]\n---\nBody\n",
        )
        .expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("Quay \"vote\" today"));
        assert_eq!(fm.author.as_deref(), Some("Ana Lopes, Rui Sá"));
        assert_eq!(fm.date.as_deref(), Some("2024-03-05"));
        assert_eq!(rest, "Body\n");
    }

    #[test]
    fn flow_list_and_single_quotes() {
        let (fm, _) = split("---\ntitle: 'It''s on'\nauthor: [\"Lopes, Ana\", Rui Sá]\n...\n")
            .expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("It's on"));
        assert_eq!(fm.author.as_deref(), Some("Lopes, Ana, Rui Sá"));
    }

    #[test]
    fn toml_values() {
        let (fm, rest) = split(
            "+++\ntitle = \"Harbour plan\"\nauthors = [\"Ana Lopes\"]\ndate = 2024-03-05T10:00:00Z\n[extra]\nx = 1\n+++\n\nBody\n",
        )
        .expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("Harbour plan"));
        assert_eq!(fm.author.as_deref(), Some("Ana Lopes"));
        assert_eq!(fm.date.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(rest, "\nBody\n");
    }

    #[test]
    fn not_front_matter() {
        // A thematic break and a setext heading, an unclosed block, a block of prose.
        assert!(split("---\n\nText\n---\n").is_none());
        assert!(split("---\ntitle: x\nno end\n").is_none());
        assert!(split("---\nJust some words here\n---\n").is_none());
        assert!(split("Text\n---\ntitle: x\n---\n").is_none());
    }
}
