//! Fetching a URL over HTTP(S): the only network code in lede. Owns the client settings
//! (timeouts, redirects, body cap, user agent), following redirects, the one-line failure
//! reasons, and routing the body by content: HTML, feed, Markdown or plain text.
//!
//! Limits: connect timeout 10 s, whole response 30 s ([`TIMEOUT_ENV`] overrides it, in
//! milliseconds), at most [`MAX_REDIRECTS`] redirects, [`MAX_BODY`] bytes after decompression
//! ([`MAX_BYTES_ENV`] overrides it). TLS is rustls with the bundled web PKI roots.

use crate::error::Error;
use crate::source::sanitize;
use std::io::Read;
use std::time::{Duration, Instant};

/// Largest body accepted, after decompression.
pub const MAX_BODY: u64 = 20 * 1024 * 1024;
/// Most redirects followed.
pub const MAX_REDIRECTS: usize = 5;
/// Env var: the whole-response timeout in milliseconds (default 30000).
pub const TIMEOUT_ENV: &str = "LEDE_HTTP_TIMEOUT_MS";
/// Env var: the body cap in bytes (default [`MAX_BODY`]).
pub const MAX_BYTES_ENV: &str = "LEDE_HTTP_MAX_BYTES";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether `arg` names an HTTP(S) URL rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What a fetched body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Feed,
    Markdown,
    Text,
}

/// A fetched and decoded body.
#[derive(Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    pub kind: Kind,
    /// The raw body (for feeds, whose XML declares its own encoding).
    pub bytes: Vec<u8>,
    /// The decoded text, for articles.
    pub source: crate::source::Source,
}

/// Client settings; [`Settings::from_env`] gives the defaults with the test overrides.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Settings {
    /// Defaults, with [`TIMEOUT_ENV`] and [`MAX_BYTES_ENV`] applied when they are numbers.
    pub fn from_env() -> Self {
        let num = |k: &str| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let timeout = num(TIMEOUT_ENV)
            .map(Duration::from_millis)
            .unwrap_or(TOTAL_TIMEOUT);
        Settings {
            connect_timeout: CONNECT_TIMEOUT.min(timeout),
            timeout,
            max_bytes: num(MAX_BYTES_ENV).unwrap_or(MAX_BODY),
        }
    }
}

fn fail(url: &str, reason: impl std::fmt::Display) -> Error {
    Error::Other(format!("{}: {reason}", sanitize(url)))
}

/// Fetch `url` and route it by content. Every error is one line naming the URL and the reason.
pub fn fetch(url: &str, settings: &Settings) -> Result<Fetched, Error> {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(settings.connect_timeout)
        .timeout(settings.timeout)
        .redirects(0)
        .user_agent(&format!("lede/{}", env!("CARGO_PKG_VERSION")))
        .build();
    let started = Instant::now();
    let mut current =
        url::Url::parse(url.trim()).map_err(|e| fail(url, format_args!("invalid URL: {e}")))?;
    let mut seen = vec![current.clone()];
    let resp = loop {
        let left = settings.timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(fail(url, timed_out(settings)));
        }
        let resp = match agent.request_url("GET", &current).timeout(left).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                return Err(fail(
                    url,
                    format_args!("HTTP {code} {}", sanitize(r.status_text())),
                ))
            }
            Err(ureq::Error::Transport(t)) => return Err(fail(url, transport(&t, settings))),
        };
        if !(300..400).contains(&resp.status()) {
            break resp;
        }
        let Some(location) = resp.header("location") else {
            return Err(fail(
                url,
                format_args!("HTTP {} without a Location", resp.status()),
            ));
        };
        let next = current
            .join(location)
            .map_err(|e| fail(url, format_args!("bad redirect: {e}")))?;
        if !matches!(next.scheme(), "http" | "https") {
            return Err(fail(url, "redirect to a URL that is not HTTP(S)"));
        }
        if seen.contains(&next) {
            return Err(fail(url, "redirect loop"));
        }
        if seen.len() > MAX_REDIRECTS {
            return Err(fail(
                url,
                format_args!("too many redirects (more than {MAX_REDIRECTS})"),
            ));
        }
        seen.push(next.clone());
        current = next;
    };
    let content_type = resp.header("content-type").map(str::to_string);
    let mut bytes = Vec::new();
    resp.into_reader()
        .take(settings.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if is_timeout(&e) {
                fail(url, timed_out(settings))
            } else {
                fail(url, format_args!("reading the body: {}", io_reason(&e)))
            }
        })?;
    if bytes.len() as u64 > settings.max_bytes {
        return Err(fail(
            url,
            format_args!("too large: body over {}", size(settings.max_bytes)),
        ));
    }
    let (mime, charset) = parse_content_type(content_type.as_deref());
    let name = sanitize(current.as_str());
    let source = crate::source::decode_with_charset(&name, &bytes, charset.as_deref()).map_err(
        |e| match e {
            Error::Binary { .. } => fail(url, "not an article (binary content)"),
            Error::Other(m) if m.ends_with("empty, no article text") => {
                fail(url, "not an article (empty body)")
            }
            other => other,
        },
    )?;
    let kind = route(mime.as_deref(), &current, &source.text).ok_or_else(|| {
        fail(
            url,
            format_args!("not an article ({})", mime.as_deref().unwrap_or("?")),
        )
    })?;
    Ok(Fetched {
        url: name,
        kind,
        bytes,
        source,
    })
}

/// The kind of a body from its MIME type, then by sniffing; `None` for a type that is no
/// article or feed (images, PDF, JSON that is no JSON Feed…).
fn route(mime: Option<&str>, url: &url::Url, text: &str) -> Option<Kind> {
    let feed = crate::feed::looks_like_feed(text);
    let html = crate::article::html::looks_like_html(text);
    let path = url.path().to_ascii_lowercase();
    let md_path = path.ends_with(".md") || path.ends_with(".markdown");
    match mime {
        Some(
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+json",
        ) => Some(Kind::Feed),
        Some("text/html" | "application/xhtml+xml") => {
            Some(if feed { Kind::Feed } else { Kind::Html })
        }
        Some("text/markdown" | "text/x-markdown") => Some(Kind::Markdown),
        Some("application/xml" | "text/xml" | "application/json") => feed.then_some(Kind::Feed),
        Some(m) if m.starts_with("text/") => Some(if feed {
            Kind::Feed
        } else if md_path {
            Kind::Markdown
        } else if html {
            Kind::Html
        } else {
            Kind::Text
        }),
        Some("application/octet-stream") | None => Some(if feed {
            Kind::Feed
        } else if html {
            Kind::Html
        } else if md_path {
            Kind::Markdown
        } else {
            Kind::Text
        }),
        Some(_) => None,
    }
}

/// The MIME type (lower case, no parameters) and charset of a Content-Type header.
fn parse_content_type(header: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(h) = header else {
        return (None, None);
    };
    let mut parts = h.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (mime, charset)
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

fn timed_out(s: &Settings) -> String {
    format!("timed out after {} ms", s.timeout.as_millis())
}

/// The reason for a transport failure: DNS, connection refused, timeout, TLS…
fn transport(t: &ureq::Transport, s: &Settings) -> String {
    use ureq::ErrorKind as K;
    let io = io_source(t);
    if io.is_some_and(is_timeout) {
        return timed_out(s);
    }
    match t.kind() {
        K::Dns => "DNS lookup failed: no such host".to_string(),
        K::ConnectionFailed => match io.map(std::io::Error::kind) {
            Some(std::io::ErrorKind::ConnectionRefused) => "connection refused".to_string(),
            Some(_) => format!(
                "connection failed: {}",
                io.map(io_reason).unwrap_or_default()
            ),
            None => match t.message() {
                Some(m) => format!("connection failed: {}", sanitize(m)),
                None => "connection failed".to_string(),
            },
        },
        K::InvalidUrl | K::UnknownScheme => "invalid URL".to_string(),
        K::BadStatus | K::BadHeader => "malformed HTTP response".to_string(),
        K::Io => format!(
            "connection error: {}",
            io.map(io_reason).unwrap_or_else(|| "I/O error".into())
        ),
        _ => sanitize(&t.to_string()),
    }
}

fn io_source(t: &ureq::Transport) -> Option<&std::io::Error> {
    let mut e: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(t);
    while let Some(err) = e {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        e = err.source();
    }
    None
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
    )
}

fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    sanitize(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_content_types() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("article.txt"));
        assert_eq!(
            parse_content_type(Some("text/HTML; Charset=\"windows-1252\"")),
            (Some("text/html".into()), Some("windows-1252".into()))
        );
        assert_eq!(parse_content_type(None), (None, None));
    }
}
