//! `folio-render`: prints an article (and its share bar) as static HTML from the same view
//! tree the widget renders, for pages that want crawlers and readers without JavaScript
//! to see the text. Put the output inside `<folio-article>`: it is a declarative shadow
//! root, so the browser shows it at once, and the element adopts it on upgrade instead of
//! rendering again (no flash, no layout shift) when its fingerprint still matches.
//!
//! ```text
//! folio-render ARTICLE.json [--options OPTIONS.json] [--lang TAG] [--css HREF] [--inline]
//!              [--comments FILE [--comments-format json|isso|waline] | --fetch-comments]
//!   ARTICLE.json      the article (use - for standard input)
//!   --options         mount options as JSON (share, comments, wordsPerMinute)
//!   --lang            the locale of Folio's own words (default: the article's language)
//!   --css             where the page serves folio.css (default: folio.css)
//!   --inline          also print the article as an inline JSON child, so the element needs
//!                     no fetch to wire the share bar and comments
//!   --comments FILE   write the first page of comments into the comment section, from a
//!                     saved list answer (- for standard input): the first page of the
//!                     configured thread in the configured sort order
//!   --comments-format the answer's format: json (the JSON contract's, the default),
//!                     isso (Isso's GET /?uri= answer, e.g. saved with curl) or waline
//!                     (Waline's GET /api/comment?path= answer; the page's module must be
//!                     built with the waline feature to use it)
//!   --fetch-comments  fetch that first page now from the configured server (the
//!                     `comments` member of --options: Isso, the JSON contract or Waline; plain
//!                     http: only, for https: save the answer and pass --comments)
//! ```
//!
//! With comments, the section holds what the widget would show for that page (the count
//! in the heading, the form, the sort control, the comments, "Load more"), comment times
//! as dates (the widget makes them "3 hours ago" again), and the answer itself in a
//! `<script type="application/json" data-folio-page>` for the comments module to adopt:
//! it does not request that page again while the page is fresh (the `staticMaxAge`
//! option, 600 s by default, counted from when it was fetched: now for
//! --fetch-comments and standard input, the file's modification time for a file). See
//! `folio::comments::embedded`. Comment bodies go through the widget's sanitizer.
//!
//! Errors (an unreadable or invalid file, a server error, no connection) are printed to
//! standard error with exit code 2, and nothing is printed to standard output.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use folio::article::Article;
use folio::comments::config::{default_thread, BackendKind, CommentsConfig, HttpServer};
use folio::comments::embedded::{self, fill_section, Filling, Format};
use folio::comments::{Backend, HttpResponse, ThreadRef};
use folio::compose::{fingerprint, root, widget_nodes, STATIC_ATTRIBUTE};
use folio::i18n::Locale;
use folio::json::{self, Value};
use folio::options::Options;
use folio::view::{el, html, Node};

const USAGE: &str = "usage: folio-render ARTICLE.json [--options OPTIONS.json] [--lang TAG] [--css HREF] [--inline] \
[--comments FILE [--comments-format json|isso|waline] | --fetch-comments]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("folio-render: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    article: String,
    options: Option<String>,
    lang: Option<String>,
    css: String,
    inline: bool,
    comments: Option<Comments>,
    comments_format: Option<String>,
}

/// Where the first page of comments comes from.
enum Comments {
    /// A saved list answer (a path, or `-` for standard input).
    File(String),
    /// The configured server, now.
    Fetch,
}

fn parse_args(args: Vec<String>) -> Result<Args, String> {
    let mut parsed = Args {
        article: String::new(),
        options: None,
        lang: None,
        css: "folio.css".into(),
        inline: false,
        comments: None,
        comments_format: None,
    };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--options" => parsed.options = Some(value("--options")?),
            "--lang" => parsed.lang = Some(value("--lang")?),
            "--css" => parsed.css = value("--css")?,
            "--inline" => parsed.inline = true,
            "--comments" | "--fetch-comments" if parsed.comments.is_some() => {
                return Err("give --comments FILE or --fetch-comments, once".into())
            }
            "--comments" => parsed.comments = Some(Comments::File(value("--comments")?)),
            "--fetch-comments" => parsed.comments = Some(Comments::Fetch),
            "--comments-format" => parsed.comments_format = Some(value("--comments-format")?),
            "-h" | "--help" => return Err(USAGE.into()),
            other if parsed.article.is_empty() => parsed.article = other.to_string(),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    if parsed.article.is_empty() {
        return Err(USAGE.into());
    }
    if parsed.comments_format.is_some() && !matches!(parsed.comments, Some(Comments::File(_))) {
        return Err("--comments-format applies to --comments FILE".into());
    }
    if parsed.article == "-" && matches!(&parsed.comments, Some(Comments::File(f)) if f == "-") {
        return Err("the article and the comments cannot both come from standard input".into());
    }
    Ok(parsed)
}

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let args = parse_args(args)?;
    let text = read(&args.article)?;
    let parsed = Article::from_json_text(&text).map_err(|e| e.to_string())?;
    for w in &parsed.warnings {
        eprintln!("folio-render: warning: {w}");
    }
    // Mount options: as given, with the article standing in for `article`/`src`.
    let mut options_value = match &args.options {
        Some(path) => json::parse(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Value::Object(Vec::new()),
    };
    if let Value::Object(members) = &mut options_value {
        members.retain(|(k, _)| k != "article" && k != "src");
        members.push(("article".into(), Value::String(text.clone())));
    }
    let options = Options::from_json(options_value).map_err(|e| e.to_string())?;
    for w in &options.warnings {
        eprintln!("folio-render: warning: {w}");
    }
    let article = &parsed.article;
    let locale = folio::i18n::negotiate(&[args.lang.as_deref(), options.lang.as_deref(), article.lang.as_deref()]);
    let mut nodes = widget_nodes(article, &options, locale.lang());
    // The fingerprint is of what the widget draws (the placeholder), which it keeps; the
    // comments module then adopts the filled section.
    let stamp = fingerprint(&nodes);
    if let Some(config) = &options.comments {
        folio::compose::prefill_comment_form(&mut nodes, config, locale.lang());
    }
    if let Some(source) = &args.comments {
        let config = options
            .comments
            .as_ref()
            .ok_or("--comments and --fetch-comments need a `comments` member in --options (the section to fill)")?;
        let thread = config.thread.clone().unwrap_or_else(|| default_thread(&article.url));
        let answer = match source {
            Comments::File(path) => {
                let format = match args.comments_format.as_deref() {
                    None | Some("json") => Format::Json,
                    Some("isso") => Format::Isso,
                    #[cfg(waline)]
                    Some("waline") => Format::Waline,
                    Some(other) => {
                        return Err(format!("--comments-format must be json, isso or waline, not {other:?}"))
                    }
                };
                Answer { format, body: read(path)?, fetched: modified(path), source: path.clone() }
            }
            Comments::Fetch => fetch_first_page(config, &thread)?,
        };
        fill_comments(&mut nodes, config, &thread, &answer, locale)?;
    }
    let content = root(nodes, locale.lang()).attr(STATIC_ATTRIBUTE, stamp);
    let template = el("template")
        .attr("shadowrootmode", "open")
        .child(el("link").attr("rel", "stylesheet").attr("href", args.css.as_str()))
        .child(content);
    let mut out = html::to_html(&template.into());
    out.push('\n');
    if args.inline {
        // JSON inside <script>, with nothing in it that could end the element.
        out.push_str("<script type=\"application/json\">");
        out.push_str(&embedded::script_text(&text));
        out.push_str("</script>\n");
    }
    Ok(out)
}

/// A list answer to write into the page.
struct Answer {
    format: Format,
    body: String,
    /// When it was fetched (Unix seconds).
    fetched: f64,
    /// Where it came from, for messages.
    source: String,
}

fn now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// When the file was last written (when the answer was saved), or now for standard input.
fn modified(path: &str) -> f64 {
    let time = (path != "-").then(|| std::fs::metadata(path).and_then(|m| m.modified()).ok()).flatten();
    time.and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or_else(now, |d| d.as_secs_f64())
}

/// Reads the answer as the widget would and puts it into the comment placeholder.
fn fill_comments(
    nodes: &mut [Node],
    config: &CommentsConfig,
    thread: &str,
    answer: &Answer,
    locale: &'static Locale,
) -> Result<(), String> {
    let likes = config.http_server().is_some_and(|s| s.backend().capabilities().likes);
    let page = embedded::parse(answer.format, &answer.body, config.sort, likes)
        .map_err(|e| format!("{}: {e}", answer.source))?;
    let section = nodes.iter_mut().rev().find_map(|n| match n {
        Node::Element(e) if e.get_attr("data-folio-comments").is_some() => Some(e),
        _ => None,
    });
    let section = section.ok_or("the comment section was not rendered")?;
    let feed = match config.http_server() {
        Some(server) if page.settings.is_some_and(|s| s.feed) => server.backend().feed_url(&ThreadRef::new(thread)),
        _ => None,
    };
    let filling = Filling {
        page: &page,
        format: answer.format,
        body: &answer.body,
        thread,
        sort: config.sort,
        fetched: answer.fetched,
        rules: config.rules,
        authors: config.author_hashes.as_deref().unwrap_or_default(),
        feed: feed.as_deref(),
    };
    fill_section(section, &filling, &locale.comments, &locale.article);
    Ok(())
}

/// Fetches the first page the section would request, from the configured server.
fn fetch_first_page(config: &CommentsConfig, thread: &str) -> Result<Answer, String> {
    let (backend, format): (Box<dyn Backend>, Format) = match config.http_server() {
        Some(HttpServer::Isso(b)) => {
            // Isso's rendered HTML, which the module reads as it is (not plain=1 Markdown).
            #[cfg(feature = "client-markdown")]
            let b = folio::comments::Isso { plain: false, ..b };
            (Box::new(b), Format::Isso)
        }
        Some(HttpServer::Json(b)) => (Box::new(b), Format::Json),
        #[cfg(waline)]
        Some(HttpServer::Waline(b)) => (Box::new(b), Format::Waline),
        None => return Err("--fetch-comments needs an Isso, JSON-contract or Waline server (comments.endpoint); for the callbacks backend save a list answer and pass --comments FILE".into()),
    };
    let request = backend.list_request(&ThreadRef::new(thread), config.sort, None);
    let url = request.url;
    let response = http_get(&url, config.backend)?;
    // Read it the way the widget would: the server's error message, Isso's 404 for a
    // thread without comments (an empty page).
    let page = backend.parse_list(config.sort, None, &response).map_err(|e| format!("GET {url}: {e}"))?;
    let body = if response.is_success() {
        response.body
    } else if page.comments.is_empty() {
        String::from(if format == Format::Isso {
            r#"{"total_replies": 0, "replies": []}"#
        } else {
            r#"{"total": 0, "comments": []}"#
        })
    } else {
        return Err(format!("GET {url}: the server answered {}", response.status));
    };
    Ok(Answer { format, body, fetched: now(), source: url })
}

/// A plain HTTP/1.1 GET (`http:` only; no redirects), with a 10 s timeout per step.
fn http_get(url: &str, backend: BackendKind) -> Result<HttpResponse, String> {
    let Some(rest) = url.strip_prefix("http://") else {
        let format = if backend == BackendKind::Isso { " --comments-format isso" } else { "" };
        return Err(if url.starts_with("https://") {
            format!(
                "{url}: folio-render fetches plain http: only (it has no TLS client). Save the answer and pass it:\n  curl -fsS -o comments.json '{url}'\n  folio-render ... --comments comments.json{format}"
            )
        } else {
            format!("{url}: not an absolute http: URL; --fetch-comments needs comments.endpoint to be one (or save the answer and pass --comments FILE{format})")
        });
    };
    let (authority, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let path = if path.starts_with('/') { path.to_string() } else { format!("/{path}") };
    let address = if authority.contains(':') && !authority.ends_with(']') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    let fail = |e: std::io::Error| format!("GET {url}: {e}");
    let timeout = Duration::from_secs(10);
    let addrs = address.to_socket_addrs().map_err(fail)?;
    let mut last = None;
    let mut stream = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let mut stream = match (stream, last) {
        (Some(s), _) => s,
        (None, Some(e)) => return Err(fail(e)),
        (None, None) => return Err(format!("GET {url}: {authority} has no address")),
    };
    stream.set_read_timeout(Some(timeout)).map_err(fail)?;
    stream.set_write_timeout(Some(timeout)).map_err(fail)?;
    let head = format!("GET {path} HTTP/1.1\r\nHost: {authority}\r\nAccept: application/json\r\nUser-Agent: folio-render\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).map_err(fail)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(fail)?;
    parse_response(&raw).map_err(|why| format!("GET {url}: {why}"))
}

/// Reads an HTTP/1.1 response: status, headers, body (by Content-Length, chunked, or to
/// the end of the connection).
fn parse_response(raw: &[u8]) -> Result<HttpResponse, String> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("the answer is not HTTP (no end of headers)")?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| "the answer's headers are not text")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/1.")
        .and_then(|s| s.get(2..5))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("the answer is not HTTP ({status_line:?})"))?;
    let mut response = HttpResponse::new(status, "");
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            response = response.with_header(name.trim(), value.trim());
        }
    }
    let mut body = raw[split + 4..].to_vec();
    if response.header("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or("the chunked answer is cut off")?;
    } else if let Some(length) = response.header("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if body.len() < length {
            return Err("the answer is cut off".into());
        }
        body.truncate(length);
    }
    response.body = String::from_utf8(body).map_err(|_| "the answer is not UTF-8 text")?;
    Ok(response)
}

/// Joins the chunks of a chunked body; `None` when it ends before its last chunk.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_http_answers() {
        let r = parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}junk")
            .unwrap();
        assert_eq!((r.status, r.body.as_str(), r.header("content-type")), (200, "{}", Some("application/json")));
        let r = parse_response(b"HTTP/1.0 500 INTERNAL SERVER ERROR\r\n\r\n<p>boom</p>").unwrap();
        assert_eq!((r.status, r.body.as_str()), (500, "<p>boom</p>"));
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4;x=1\r\n\":1}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, "{\"a\":1}");
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{}").is_err());
        assert!(parse_response(b"SSH-2.0-OpenSSH\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab").is_err());
    }
}
