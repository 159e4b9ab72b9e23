//! `lede parse URL` against a tiny HTTP server on 127.0.0.1 started inside the test (no test
//! touches the internet): articles, feeds, redirects, errors, timeouts, the body cap and a
//! charset given only in the header. Every article and feed here is text we wrote.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

const HTML: &str = "<!DOCTYPE html><html><head><title>Harbour Ferry Returns After Winter Repairs</title></head>\
<body><nav><a href=\"/\">Home</a></nav><article><h1>Harbour Ferry Returns After Winter Repairs</h1>\
<p>The old ferry between Vela Luka and the mainland sailed again on Monday, its hull patched and its \
engine rebuilt by a crew of four local mechanics over the winter months.</p>\
<p>Passengers queued from dawn, and the captain said the first crossing took eleven minutes less than \
it did before the repairs began in November.</p></article></body></html>";

const TEXT: &str = "Orchard Growers Count a Late Frost\n\n\
Apple growers in the valley counted their losses on Tuesday after a late frost settled over the \
lower orchards for two nights in a row.\n\n\
The cooperative said most trees on the higher slopes had been spared, and that picking should \
begin on time in September.\n";

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lede Test Wire</title><link>http://example.test/</link><description>Test items</description>
<item><title>First &amp; foremost</title><link>http://example.test/one</link>
<pubDate>Mon, 02 Mar 2026 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The first summary line.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>The full first story.</p>]]></content:encoded></item>
<item><title>Second item</title><link>http://example.test/two</link>
<description>Only a summary here.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test Feed</title><id>urn:test:atom</id>
<updated>2026-03-03T10:00:00Z</updated>
<entry><title>Atom entry one</title><id>urn:test:1</id><link href="http://example.test/a1"/>
<updated>2026-03-03T10:00:00Z</updated><summary>Atom summary.</summary>
<content type="html">&lt;p&gt;Atom full content.&lt;/p&gt;</content></entry>
</feed>"#;

const JSON_FEED: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Test Feed",
"items": [{"id": "1", "url": "http://example.test/j1", "title": "JSON item one",
"summary": "JSON summary.", "date_published": "2026-03-04T08:00:00Z"}]}"#;

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    let mut r = r.into_bytes();
    r.extend_from_slice(body);
    r
}

fn redirect(to: &str) -> Vec<u8> {
    response("302 Found", &[("Location", to)], b"")
}

fn gzip_bomb() -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let line = b"All work and no play makes a very long article indeed.\n".repeat(4000);
    e.write_all(&line).unwrap();
    e.finish().unwrap()
}

fn route(path: &str) -> Vec<u8> {
    let html = ("Content-Type", "text/html; charset=utf-8");
    match path {
        "/article.html" => response("200 OK", &[html], HTML.as_bytes()),
        "/article.txt" => response("200 OK", &[("Content-Type", "text/plain")], TEXT.as_bytes()),
        "/feed.rss" => response(
            "200 OK",
            &[("Content-Type", "application/rss+xml")],
            RSS.as_bytes(),
        ),
        // A feed served as plain XML is found by sniffing.
        "/feed.atom" => response("200 OK", &[("Content-Type", "text/xml")], ATOM.as_bytes()),
        "/feed.json" => response(
            "200 OK",
            &[("Content-Type", "application/feed+json")],
            JSON_FEED.as_bytes(),
        ),
        "/cp1252" => {
            let mut body =
                b"<html><head><title>Caf\xe9 Owners Protest New Terrace Rules</title></head><body>\
<h1>Caf\xe9 Owners Protest New Terrace Rules</h1><p>The owners of the caf\xe9s on the square \
said the council\x92s new rules would cost them half their summer trade.</p>\
<p>A council spokesman said the rules would be reviewed in the autumn after a public \
consultation.</p></body></html>"
                    .to_vec();
            body.extend_from_slice(b"\n");
            response(
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1252")],
                &body,
            )
        }
        "/bomb" => response(
            "200 OK",
            &[("Content-Type", "text/plain"), ("Content-Encoding", "gzip")],
            &gzip_bomb(),
        ),
        "/image" => response(
            "200 OK",
            &[("Content-Type", "image/png")],
            b"\x89PNG\r\n\x1a\n",
        ),
        "/missing" => response("404 Not Found", &[html], b"<p>no</p>"),
        "/broken" => response("500 Internal Server Error", &[html], b"<p>oops</p>"),
        "/loop/a" => redirect("/loop/b"),
        "/loop/b" => redirect("/loop/a"),
        p if p.starts_with("/r/") => match p[3..].parse::<u32>() {
            Ok(0) => redirect("/article.txt"),
            Ok(n) => redirect(&format!("/r/{}", n - 1)),
            Err(_) => response("400 Bad Request", &[], b""),
        },
        _ => response("404 Not Found", &[], b""),
    }
}

fn handle(mut s: TcpStream) {
    let mut req = Vec::new();
    let mut buf = [0u8; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&req);
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    if path == "/slow" {
        std::thread::sleep(Duration::from_secs(3));
    }
    let _ = s.write_all(&route(&path));
}

/// The base URL of the test server, started once for the whole test binary.
fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        std::thread::spawn(move || {
            for s in l.incoming().flatten() {
                std::thread::spawn(move || handle(s));
            }
        });
        format!("http://{addr}")
    })
}

/// Run `lede ARGS` with an empty config; (exit code, stdout, stderr).
fn lede(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_lede"));
    c.args(args)
        .env("LEDE_CONFIG", &config)
        .env("LEDE_DATA_DIR", dir.path().join("data"))
        .env_remove("LEDE_HTTP_TIMEOUT_MS")
        .env_remove("LEDE_HTTP_MAX_BYTES");
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn parse_json(path: &str) -> serde_json::Value {
    let url = format!("{}{path}", base());
    let (code, out, err) = lede(&["parse", "--json", &url], &[]);
    assert_eq!(code, 0, "stderr: {err}");
    serde_json::from_str(&out).unwrap()
}

fn first_paragraph(v: &serde_json::Value) -> &str {
    v["sections"][0]["paragraphs"][0].as_str().unwrap()
}

/// The one-line error for `lede parse URL` (exit 1, nothing on stdout).
fn error_for(path: &str, env: &[(&str, &str)]) -> (String, String) {
    let url = format!("{}{path}", base());
    let (code, out, err) = lede(&["parse", "--json", &url], env);
    assert_eq!(code, 1, "stdout: {out} stderr: {err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    (url, err)
}

#[test]
fn html_article() {
    let v = parse_json("/article.html");
    assert_eq!(v["title"], "Harbour Ferry Returns After Winter Repairs");
    assert!(first_paragraph(&v).starts_with("The old ferry between Vela Luka"));
}

#[test]
fn plain_text_article() {
    let v = parse_json("/article.txt");
    assert_eq!(v["title"], "Orchard Growers Count a Late Frost");
    assert!(first_paragraph(&v).starts_with("Apple growers in the valley"));
}

#[test]
fn rss_feed_items() {
    let v = parse_json("/feed.rss");
    let f = &v["feed"];
    assert_eq!(f["title"], "Lede Test Wire");
    let items = f["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["title"], "First & foremost");
    assert_eq!(items[0]["link"], "http://example.test/one");
    assert_eq!(items[0]["date"], "2026-03-02T09:30:00Z");
    assert_eq!(items[0]["summary"], "The first summary line.");
    assert_eq!(items[0]["has_content"], true);
    assert_eq!(items[1]["has_content"], false);
    assert_eq!(items[1]["date"], serde_json::Value::Null);
}

#[test]
fn rss_feed_outline() {
    let url = format!("{}/feed.rss", base());
    let (code, out, err) = lede(&["parse", &url], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Lede Test Wire\n2 items\n"), "{out}");
    assert!(
        out.contains("First & foremost\n  2026-03-02 · example.test\n  The first summary line.\n"),
        "{out}"
    );
}

#[test]
fn atom_feed_sniffed_from_xml() {
    let v = parse_json("/feed.atom");
    assert_eq!(v["feed"]["title"], "Atom Test Feed");
    let item = &v["feed"]["items"][0];
    assert_eq!(item["title"], "Atom entry one");
    assert_eq!(item["link"], "http://example.test/a1");
    assert_eq!(item["has_content"], true);
}

#[test]
fn json_feed() {
    let v = parse_json("/feed.json");
    assert_eq!(v["feed"]["title"], "JSON Test Feed");
    let item = &v["feed"]["items"][0];
    assert_eq!(item["title"], "JSON item one");
    assert_eq!(item["date"], "2026-03-04T08:00:00Z");
    assert_eq!(item["summary"], "JSON summary.");
}

#[test]
fn feed_file_and_actors_on_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("wire.xml");
    std::fs::write(&f, RSS).unwrap();
    let f = f.to_str().unwrap();
    let (code, out, err) = lede(&["parse", "--json", f], &[]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["feed"]["items"][1]["title"], "Second item");
    let (code, _, err) = lede(&["actors", f], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("lede: {f}: a feed: choose an item (`lede parse {f}` lists them)\n")
    );
}

#[test]
fn redirect_chain_of_five_is_followed() {
    let v = parse_json("/r/4");
    assert_eq!(v["title"], "Orchard Growers Count a Late Frost");
}

#[test]
fn too_many_redirects() {
    let (url, err) = error_for("/r/5", &[]);
    assert_eq!(
        err,
        format!("lede: {url}: too many redirects (more than 5)\n")
    );
}

#[test]
fn redirect_loop() {
    let (url, err) = error_for("/loop/a", &[]);
    assert_eq!(err, format!("lede: {url}: redirect loop\n"));
}

#[test]
fn http_404_and_500() {
    let (url, err) = error_for("/missing", &[]);
    assert_eq!(err, format!("lede: {url}: HTTP 404 Not Found\n"));
    let (url, err) = error_for("/broken", &[]);
    assert_eq!(
        err,
        format!("lede: {url}: HTTP 500 Internal Server Error\n")
    );
}

#[test]
fn slow_response_times_out() {
    let (url, err) = error_for("/slow", &[("LEDE_HTTP_TIMEOUT_MS", "300")]);
    assert_eq!(err, format!("lede: {url}: timed out after 300 ms\n"));
}

#[test]
fn gzip_body_past_the_cap() {
    let (url, err) = error_for("/bomb", &[("LEDE_HTTP_MAX_BYTES", "10000")]);
    assert_eq!(
        err,
        format!("lede: {url}: too large: body over 10000 bytes\n")
    );
    // Under the default cap the same body is read, decompressed.
    let v = parse_json("/bomb");
    assert!(first_paragraph(&v).contains("All work and no play"));
}

#[test]
fn windows_1252_charset_in_header_only() {
    let v = parse_json("/cp1252");
    assert_eq!(v["title"], "Café Owners Protest New Terrace Rules");
    assert!(
        first_paragraph(&v).contains("the cafés on the square said the council’s new rules"),
        "{}",
        first_paragraph(&v)
    );
}

#[test]
fn not_an_article() {
    let (url, err) = error_for("/image", &[]);
    assert_eq!(err, format!("lede: {url}: not an article (image/png)\n"));
}

#[test]
fn connection_refused() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/x");
    let (code, _, err) = lede(&["parse", &url], &[]);
    assert_eq!(code, 1);
    assert_eq!(err, format!("lede: {url}: connection refused\n"));
}

#[test]
fn url_with_control_characters_is_sanitized_in_errors() {
    let url = format!("{}/missing?\u{1b}[31mred", base());
    let (code, _, err) = lede(&["parse", &url], &[]);
    assert_eq!(code, 1);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.ends_with(": HTTP 404 Not Found\n"), "{err:?}");
}
