//! HTML article extraction on pages we wrote (tests/fixtures/html-*.html), plus property tests:
//! arbitrary markup never panics and always yields clean text, and a generated article survives
//! the trip through a page full of boilerplate.

use crate::common::all_text;
use lede::article::{html, parse, Article, Format};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn paras(a: &Article) -> Vec<&str> {
    a.paragraphs().map(|p| p.text.as_str()).collect()
}

/// Every piece of text is non-empty, trimmed, single-spaced and free of control characters
/// and bidi controls.
fn assert_clean(a: &Article) {
    let check = |s: &str, what: &str| {
        assert!(
            !s.chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{what} has control chars: {s:?}"
        );
        assert_eq!(s, s.trim(), "{what} not trimmed: {s:?}");
        assert!(!s.contains("  "), "{what} has double spaces: {s:?}");
    };
    check(&a.title, "title");
    for sec in &a.sections {
        if let Some(h) = &sec.heading {
            assert!(!h.is_empty());
            check(h, "heading");
        }
        for p in &sec.paragraphs {
            assert!(!p.text.is_empty(), "empty paragraph");
            check(&p.text, "paragraph");
        }
    }
    if let Some(b) = &a.byline {
        check(b, "byline");
    }
    if let Some(d) = &a.deck {
        check(d, "deck");
    }
}

#[test]
fn character_references_cannot_smuggle_controls() {
    // "&#27;" is ESC and "&#x202E;" a bidi override once the markup is decoded: after the
    // source was sanitised.
    let page = "<!doctype html><html><head><title>Quay &#x202E;vote &#27;[2J today</title>\
        <meta name=\"description\" content=\"Council &#27;]52;c;aGk=&#7;backs the quay\"></head>\
        <body><article><h1>Quay vote today</h1>\
        <p>The council voted &#x202E;on Tuesday &#27;[31mto build the new quay after a long \
        debate that left several members hoarse.</p>\
        <p>Work starts in spring&#x2066;, the harbour master said.</p></article></body></html>";
    let a = html::parse(page);
    assert_clean(&a);
    assert_eq!(a.title, "Quay vote today");
    assert_eq!(a.deck.as_deref(), Some("Council backs the quay"));
    assert!(paras(&a)[0].starts_with("The council voted on Tuesday to build"));
}

#[test]
fn detects_html_by_name_and_content() {
    let page = fixture("html-cookie.html");
    assert_eq!(Format::detect("saved.HTM", "plain words"), Format::Html);
    assert_eq!(Format::detect("-", &page), Format::Html);
    assert!(html::looks_like_html(&page));
    assert!(!html::looks_like_html(
        "Just a headline\n\nAnd a paragraph."
    ));
}

#[test]
fn nested_layout_title_byline_date_and_sections() {
    let a = html::parse(&fixture("html-nested.html"));
    assert_clean(&a);
    // og:title carries the site name; the matching <h1> does not.
    assert_eq!(a.title, "Harbour town votes to rebuild its old sea wall");
    assert_eq!(a.byline.as_deref(), Some("Mara Quillfeather, Tobias Venn"));
    assert_eq!(a.date.as_deref(), Some("2026-03-14T08:30:00Z"));
    let headings: Vec<Option<&str>> = a.sections.iter().map(|s| s.heading.as_deref()).collect();
    // The h1 repeating the title is dropped; entities decoded in headings.
    assert_eq!(
        headings,
        vec![
            None,
            Some("Fishermen & landlords"),
            Some("What happens next")
        ]
    );
    let p = paras(&a);
    assert_eq!(p.len(), 11, "{p:#?}");
    assert!(p[0].starts_with("The council of Port Elwyn voted"));
    assert!(p[0].contains("town’s growing"), "entity &rsquo; decoded");
    assert!(
        p[1].contains("£18 million"),
        "&pound; and &nbsp; decoded: {}",
        p[1]
    );
    // <br> is a space, not a paragraph break.
    assert!(p[2].ends_with("said the harbour master, Ilse Marrow. “Patching is over.”"));
    // Each <p> of a blockquote is its own paragraph.
    assert_eq!(
        p[4],
        "We are not against the wall, we are against losing a summer."
    );
    assert_eq!(p[5], "Give us a timetable and we will plan around it.");
    // A nested list item is split from its parent item.
    assert_eq!(
        p[8],
        "Tenders from contractors are due by the first week of May."
    );
    assert_eq!(
        p[9],
        "Local firms will be given extra weight in the scoring."
    );
    assert!(p[10].contains("engineers’ report"));
    let text = all_text(&a);
    for junk in [
        "CAPTION TEXT",
        "SCRIPT TEXT",
        "STYLE TEXT",
        "Most read",
        "Lifeboat crew",
        "Weather",
        "All rights reserved",
        "By Mara",
    ] {
        assert!(!text.contains(junk), "{junk:?} leaked into the article");
    }
}

#[test]
fn comment_section_is_removed() {
    let a = html::parse(&fixture("html-comments.html"));
    assert_clean(&a);
    assert_eq!(a.title, "Night trains return to the northern line");
    assert_eq!(a.byline.as_deref(), Some("Petra Holm"));
    assert_eq!(a.date.as_deref(), Some("2026-01-09"));
    let p = paras(&a);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("After a gap of eleven years"));
    assert!(p[3].starts_with("Campaigners, who have argued"));
    let text = all_text(&a);
    for junk in [
        "COMMENT",
        "railfan42",
        "Reply",
        "14 comments",
        "FORM TEXT",
        "Post",
    ] {
        assert!(!text.contains(junk), "{junk:?} leaked into the article");
    }
}

#[test]
fn related_block_share_widget_and_furniture_are_removed() {
    let a = html::parse(&fixture("html-related.html"));
    assert_clean(&a);
    // <title> without og:title: the site-name suffix named by og:site_name is cut.
    assert_eq!(a.title, "Library extends opening hours after record year");
    let p = paras(&a);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[1].starts_with("The head librarian, Oona Fairweather"));
    let text = all_text(&a);
    for junk in [
        "RELATED",
        "Related stories",
        "Share on",
        "PROMO",
        "Advertisement",
        "Supported by",
    ] {
        assert!(!text.contains(junk), "{junk:?} leaked into the article");
    }
}

#[test]
fn cookie_banner_is_removed() {
    let a = html::parse(&fixture("html-cookie.html"));
    assert_clean(&a);
    assert_eq!(a.title, "Orchard growers count the cost of a late frost");
    let p = paras(&a);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].contains("this year's crop"), "&#39; decoded");
    let text = all_text(&a);
    for junk in ["COOKIE", "GDPR", "Accept all", "Reject"] {
        assert!(!text.contains(junk), "{junk:?} leaked into the article");
    }
}

#[test]
fn malformed_markup_is_repaired_not_fatal() {
    let a = html::parse(&fixture("html-malformed.html"));
    assert_clean(&a);
    assert_eq!(a.title, "Bridge repairs finish early");
    let p = paras(&a);
    // Unclosed <p>s still end where the next block starts; the unclosed <h1> that swallowed
    // them is only a title.
    assert!(
        p[0].starts_with("Repairs to the old stone bridge"),
        "{p:#?}"
    );
    assert!(p[0].ends_with("closures and diversions."));
    assert!(
        p[1].contains("forty damaged stones"),
        "misnested b/i keep their text"
    );
    assert!(p.contains(&"Loose text directly in a div, with a comma, and a link inside it, which should become its own paragraph."));
    assert!(p.iter().any(|x| x.contains("stray <tag> written as text")));
    assert!(a.sections.iter().all(|s| s.heading.is_none()));
    assert!(!all_text(&a).contains("SCRIPT INJECTED"));
}

#[test]
fn control_characters_and_escapes_never_survive() {
    let page = "<html><head><title>Bad\u{1b}[31m title\u{7}</title></head><body><article>\
                <p>First\u{1b}[2J paragraph with\u{0} controls, commas, and enough words to count as text.</p>\
                <p>Second &#27;[31m paragraph &#7; with escapes written as entities, which decode to controls.</p>\
                </article></body></html>";
    let a = parse(page, Format::Html);
    assert_clean(&a);
    assert!(!a.title.contains('\u{1b}'));
    assert!(a.paragraph_count() >= 2);
    assert!(paras(&a)[0].starts_with("First"));
}

#[test]
fn empty_and_degenerate_inputs() {
    for page in [
        "",
        "<",
        "<html>",
        "<!doctype html><html><body></body></html>",
        "&amp;",
        "<p>",
    ] {
        let a = html::parse(page);
        assert_clean(&a);
    }
    // Text without any markup is still text.
    let a = html::parse("<html><body>One sentence only.</body></html>");
    assert_eq!(paras(&a), vec!["One sentence only."]);
}

#[test]
fn very_deep_nesting_does_not_overflow() {
    // html5ever's scope checks are quadratic in depth, so keep this moderate: the point is
    // that no recursion in lede overflows the stack.
    let depth = 5_000;
    let mut page = String::from("<html><body>");
    for _ in 0..depth {
        page.push_str("<div><span>");
    }
    page.push_str("deep text, with a comma, far down the tree");
    let a = html::parse(&page);
    assert_clean(&a);
    assert!(all_text(&a).contains("deep text, with a comma"));
}

const WORDS: &[&str] = &[
    "river", "council", "harbour", "winter", "market", "report", "station", "morning", "village",
    "school", "budget", "engineer", "festival", "orchard", "bridge", "ferry", "library", "season",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 8..16).prop_map(|w| {
        let mut s = w.join(" ");
        // Commas are evidence of prose for the scorer.
        if let Some(i) = s.find(' ') {
            s.insert(i, ',');
        }
        let mut c = s.chars();
        match c.next() {
            Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str()),
            None => s,
        }
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 2..4).prop_map(|s| s.join(" "))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary text and tag soup never panic and always give clean text.
    #[test]
    fn arbitrary_markup_never_panics(s in "(<[a-z/!]{0,4}[ a-z=\"']{0,6}>?|&[a-z#0-9]{0,6};?|[^<&]{0,12}|\\PC{0,3}){0,60}") {
        let a = html::parse(&s);
        assert_clean(&a);
    }

    /// Tag soup built from real element names, nested and unbalanced.
    #[test]
    fn unbalanced_real_tags_never_panic(parts in prop::collection::vec(
        (prop::sample::select(&["p", "div", "h2", "li", "ul", "table", "td", "br", "a", "b",
            "blockquote", "pre", "script", "figure", "span", "section", "h1"][..]),
         any::<bool>(), "[a-zA-Z ,.&;<]{0,30}"), 0..80)) {
        let mut page = String::from("<html><body>");
        for (tag, close, text) in parts {
            if close { page.push_str(&format!("</{tag}>")); } else { page.push_str(&format!("<{tag} class=\"x\">")); }
            page.push_str(&text);
        }
        let a = html::parse(&page);
        assert_clean(&a);
    }

    /// A generated article inside a page with navigation, a sidebar, comments and a footer
    /// comes back paragraph for paragraph, with its title.
    #[test]
    fn generated_article_round_trips(title in sentence(), body in prop::collection::vec(paragraph(), 4..9)) {
        let title = title.trim_end_matches('.').to_string();
        let mut page = format!(
            "<!doctype html><html><head><title>{t} | Daily Example</title>\
             <meta property=\"og:site_name\" content=\"Daily Example\"></head><body>\
             <nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
             <div class=\"layout\"><div class=\"article-content\"><h1>{t}</h1>",
            t = escape(&title));
        for p in &body {
            page.push_str(&format!("<p>{}</p>", escape(p)));
        }
        page.push_str("</div><div class=\"sidebar\"><ul><li><a href=\"/1\">Other story one</a></li>\
            <li><a href=\"/2\">Other story two</a></li></ul></div>\
            <div id=\"comments\"><p>A reader comment, which is not part of the article at all.</p></div>\
            </div><footer><p>Copyright, all rights reserved.</p></footer></body></html>");
        let a = html::parse(&page);
        prop_assert_eq!(&a.title, &title);
        let got: Vec<String> = a.paragraphs().map(|p| p.text.clone()).collect();
        prop_assert_eq!(got, body);
    }
}

#[test]
fn script_rendered_page_falls_back_to_json_ld_article_body() {
    let body = "The ferry company confirmed on Monday that the winter timetable, which cuts sailings to two a day, will begin a week earlier than planned.\n\
                Islanders, many of whom commute to the mainland for work, said the change left them with almost no notice, and that the early crossing was already full on most days.\n\
                The company said that the decision followed repairs to one of its two vessels, and that it would review the timetable again in the new year.";
    let page = format!(
        "<html><head><title>Ferry cuts</title><script type=\"application/ld+json\">{}</script></head>\
         <body><div id=\"app\">Loading…</div><script>render()</script></body></html>",
        serde_json::json!({"@type": "NewsArticle", "headline": "Ferry timetable cut early", "articleBody": body})
    );
    let a = html::parse(&page);
    assert_clean(&a);
    assert_eq!(a.title, "Ferry timetable cut early");
    let p = paras(&a);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[1].starts_with("Islanders, many of whom"));
}

#[test]
fn markup_body_wins_over_a_json_ld_teaser() {
    let mut page = fixture("html-cookie.html");
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "A TEASER that is shorter than the article itself."}</script></head>"#;
    page = page.replacen("</head>", ld, 1);
    let a = html::parse(&page);
    assert_eq!(a.paragraph_count(), 4);
    assert!(!all_text(&a).contains("TEASER"));
}
