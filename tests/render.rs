//! `folio-render` with comments: the first page of a thread from a saved JSON-contract
//! answer, written through the widget's sanitizer and views, and clear errors (exit code
//! 2, nothing on standard output) for bad input. Runs the built binary.
//! Native only (the wasm-bindgen suites build every test for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use folio::json::{self, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const ARTICLE: &str = "www/articles/kaspersky-reputation.json";

/// A scratch directory under target/ for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/render-test").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio-render"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A run that fails early may not read its input.
    let _ = input.write_all(stdin.unwrap_or("").as_bytes());
    drop(input);
    child.wait_with_output().unwrap()
}

fn write_options(dir: &Path, comments: &str) -> String {
    let path = dir.join("options.json");
    std::fs::write(&path, format!(r#"{{"comments": {comments}}}"#)).unwrap();
    path.to_str().unwrap().to_string()
}

/// Every XSS vector of tests/fixtures/xss-vectors.json, one per comment body (and one as
/// an author name), as a JSON-contract list answer.
fn hostile_answer() -> (String, usize) {
    let text = std::fs::read_to_string(root().join("tests/fixtures/xss-vectors.json")).unwrap();
    let fixture = json::parse(&text).unwrap();
    let Some(Value::Object(groups)) = fixture.get("groups") else { panic!("no groups") };
    let vectors: Vec<&str> =
        groups.iter().flat_map(|(_, v)| v.as_array().unwrap().iter().filter_map(Value::as_str)).collect();
    let mut out = String::from(r#"{"total": "#);
    out.push_str(&(vectors.len() + 1).to_string());
    out.push_str(r#", "next": "page-2", "comments": ["#);
    for (i, v) in vectors.iter().enumerate() {
        let mut body = String::new();
        json::write_string(&mut body, v);
        out.push_str(&format!(
            r#"{{"id": "h{i}", "author": {body}, "website": "javascript:alert(1)", "created": "2026-12-01T10:00:00Z", "html": {body}}},"#
        ));
    }
    out.push_str(r#"{"id": "ok", "author": "Ada", "created": "2026-12-01T10:00:00Z", "likes": 4, "html": "<p>Fine <em>text</em></p>",
        "replies": [{"id": "ok-r", "parent": "ok", "created": "2026-12-02T10:00:00Z", "html": "<p>A reply</p>"}]}]}"#);
    (out, vectors.len())
}

/// Elements the comment section is made of (its own, and the sanitizer's allowlist).
const ALLOWED: &[&str] = &[
    "section",
    "h2",
    "h3",
    "div",
    "form",
    "label",
    "textarea",
    "input",
    "p",
    "span",
    "button",
    "select",
    "option",
    "ol",
    "li",
    "article",
    "header",
    "time",
    "footer",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "a",
    "br",
];

/// The start tags of `markup` (written by Folio's HTML writer: every `<` in text is
/// escaped, attribute values are double-quoted), with their attributes.
fn tags(markup: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for part in markup.split('<').skip(1) {
        if part.starts_with('/') {
            continue;
        }
        let name_end = part.find(|c: char| c.is_whitespace() || c == '>').unwrap();
        let tag = part[..name_end].to_string();
        let mut rest = &part[name_end..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') {
                break;
            }
            let end = rest.find(['=', ' ', '>']).unwrap();
            assert!(end > 0, "unexpected markup at {rest:?}");
            let name = rest[..end].to_string();
            rest = &rest[end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let close = after.find('"').unwrap();
                value = after[..close].to_string();
                rest = &after[close + 1..];
            }
            attrs.push((name, value));
        }
        out.push((tag, attrs));
    }
    out
}

#[test]
fn a_contract_answer_becomes_the_list_and_hostile_bodies_stay_inert() {
    let dir = scratch("contract");
    let (answer, n) = hostile_answer();
    let file = dir.join("comments.json");
    std::fs::write(&file, &answer).unwrap();
    let options = write_options(&dir, r#"{"backend": "json", "endpoint": "https://c.example/api", "thread": "/t"}"#);
    let out = render(&[ARTICLE, "--options", &options, "--comments", file.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let (_, section) = html.split_once("<section class=\"folio-comments\"").expect("the comment section");
    let (markup, data) =
        section.split_once("<script type=\"application/json\" data-folio-page=\"json\"").expect("the page is embedded");
    assert!(markup.contains(&format!("<h2 id=\"folio-comments-heading\">Comments ({})</h2>", n + 1)));
    assert_eq!(markup.matches("<article class=\"folio-comment ").count(), n + 2, "every comment is listed");
    assert!(markup.contains("<em>text</em>") && markup.contains("<p>A reply</p>"));
    assert!(markup.contains(">December 1, 2026</time>"), "times as dates in static HTML");
    assert!(markup.contains("data-folio-action=\"load-more\" data-folio-cursor=\"page-2\""));
    assert!(markup.contains("<option value=\"oldest\" selected=\"\">"));
    assert!(markup.contains("data-folio-form=\"folio-comment-form\""), "the form holds its place");
    assert!(!markup.contains("data-folio-likes"), "no likes on the contract");
    // Inert: no element or attribute from the vectors survives, only their text.
    for (tag, attrs) in tags(markup) {
        assert!(ALLOWED.contains(&tag.as_str()), "<{tag}> in the rendered section");
        for (name, value) in attrs {
            assert!(
                !name.starts_with("on") && !["style", "src", "srcdoc", "action", "formaction"].contains(&name.as_str()),
                "<{tag} {name}>"
            );
            assert!(!value.to_ascii_lowercase().contains("javascript:"), "<{tag} {name}={value:?}>");
        }
    }
    // The embedded answer cannot end its element early, and nothing else is in it.
    let (json_text, rest) = data.split_once('>').unwrap().1.split_once("</script>").unwrap();
    assert!(!json_text.contains('<') && !json_text.contains('&'));
    assert!(rest.starts_with("</section>"));
    assert!(data.contains("data-folio-thread=\"/t\" data-folio-sort=\"oldest\" data-folio-fetched=\"20"));
    assert!(json::parse(json_text).is_ok());
}

#[test]
fn the_article_markup_keeps_the_placeholder_fingerprint() {
    let dir = scratch("fingerprint");
    let options = write_options(&dir, r#"{"backend": "json", "endpoint": "/api", "thread": "/t"}"#);
    let plain = String::from_utf8(render(&[ARTICLE, "--options", &options], None).stdout).unwrap();
    let with = render(&[ARTICLE, "--options", &options, "--comments", "-"], Some(r#"{"total": 0, "comments": []}"#));
    assert!(with.status.success(), "{}", String::from_utf8_lossy(&with.stderr));
    let with = String::from_utf8(with.stdout).unwrap();
    let stamp = |s: &str| s.split("data-folio-static=\"").nth(1).unwrap()[..16].to_string();
    assert_eq!(stamp(&plain), stamp(&with), "the element adopts the article either way");
    assert!(with.contains("No comments yet"));
    assert!(with.contains("Comments (0)"));
}

/// Runs folio-render expecting failure: exit code 2, a message with `wanted`, no output.
fn fails(args: &[&str], stdin: Option<&str>, wanted: &str) {
    let out = render(args, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}: nothing half-written");
    assert!(stderr.contains(wanted), "{args:?}: {stderr:?} should say {wanted:?}");
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = scratch("errors");
    let options = write_options(&dir, r#"{"backend": "json", "endpoint": "https://c.example/api", "thread": "/t"}"#);
    fails(
        &[ARTICLE, "--options", &options, "--comments", "/nonexistent/comments.json"],
        None,
        "/nonexistent/comments.json",
    );
    fails(&[ARTICLE, "--options", &options, "--comments", "-"], Some("<html>oops</html>"), "not JSON");
    fails(&[ARTICLE, "--options", &options, "--comments", "-"], Some(r#"{"replies": []}"#), "expected {\"comments\"");
    fails(
        &[ARTICLE, "--options", &options, "--comments", "-", "--comments-format", "disqus"],
        Some("{}"),
        "json, isso or waline",
    );
    fails(&[ARTICLE, "--comments", "-"], Some("{}"), "comments` member in --options");
    fails(&[ARTICLE, "--options", &options, "--fetch-comments"], None, "curl");
    fails(&[ARTICLE, "--options", &options, "--fetch-comments", "--comments", "-"], None, "once");

    // A server that refuses connections, and one that answers 500.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let refused = write_options(&dir, &format!(r#"{{"endpoint": "http://127.0.0.1:{port}", "thread": "/t"}}"#));
    fails(
        &[ARTICLE, "--options", &refused, "--fetch-comments"],
        None,
        &format!("GET http://127.0.0.1:{port}/?uri=%2Ft"),
    );

    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port();
    let answering = std::thread::spawn(move || {
        let (mut stream, _) = server.accept().unwrap();
        let mut request = [0u8; 4096];
        let n = std::io::Read::read(&mut stream, &mut request).unwrap();
        stream.write_all(b"HTTP/1.1 500 INTERNAL SERVER ERROR\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<p>boom</p>\n\n").unwrap();
        String::from_utf8_lossy(&request[..n]).to_string()
    });
    let failing = write_options(
        &dir,
        &format!(r#"{{"endpoint": "http://127.0.0.1:{port}/isso/", "thread": "/t", "sort": "newest"}}"#),
    );
    fails(&[ARTICLE, "--options", &failing, "--fetch-comments"], None, "HTTP 500");
    let request = answering.join().unwrap();
    assert!(request.starts_with("GET /isso/?uri=%2Ft&sort=newest&limit=20&nested_limit=5 HTTP/1.1\r\n"), "{request}");
    assert!(request.contains(&format!("\r\nHost: 127.0.0.1:{port}\r\n")));
}

#[test]
fn fetches_an_isso_page_at_build_time() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = server.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let (mut stream, _) = server.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = std::io::Read::read(&mut stream, &mut request).unwrap();
        let body = r#"{"id": null, "total_replies": 1, "hidden_replies": 0, "replies": [{"id": 3, "parent": null, "created": 1796130000.0, "mode": 1, "text": "<p>From Isso &amp; co</p>", "author": "Ann", "likes": 2, "replies": []}]}"#;
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        stream.write_all(b"\r\n0\r\n\r\n").unwrap();
    });
    let dir = scratch("fetch");
    let options = write_options(&dir, &format!(r#"{{"endpoint": "http://127.0.0.1:{port}", "thread": "/t"}}"#));
    let out = render(&[ARTICLE, "--options", &options, "--fetch-comments"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<p>From Isso &amp; co</p>"));
    assert!(html.contains("data-folio-likes=\"\">2</span>"), "Isso has likes");
    assert!(html.contains("data-folio-page=\"isso\""));
    assert!(html.contains(r#"\u003cp\u003eFrom Isso \u0026amp; co\u003c/p\u003e"#));
}

#[test]
fn a_waline_answer_becomes_the_list_with_replies_nested_and_likes() {
    let dir = scratch("waline");
    let options = write_options(
        &dir,
        r#"{"backend": "waline", "endpoint": "https://c.example", "thread": "/articles/thread", "sort": "newest"}"#,
    );
    let out = render(
        &[
            ARTICLE,
            "--options",
            &options,
            "--comments",
            "tests/fixtures/waline/list.json",
            "--comments-format",
            "waline",
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let (_, section) = html.split_once("<section class=\"folio-comments\"").expect("the comment section");
    let (markup, data) = section
        .split_once("<script type=\"application/json\" data-folio-page=\"waline\"")
        .expect("the page is embedded");
    assert!(markup.contains("<h2 id=\"folio-comments-heading\">Comments (5)</h2>"), "Waline's count, replies included");
    assert_eq!(markup.matches("<article class=\"folio-comment ").count(), 4, "the first page: 2 top-level, 2 replies");
    assert!(markup.contains("data-folio-comment-id=\"2.4\""), "a reply's id names its top-level comment");
    assert!(markup.contains("data-folio-likes"), "Waline keeps likes");
    assert!(markup.contains("data-folio-action=\"load-more\" data-folio-cursor=\"2\""));
    assert!(data.contains("data-folio-thread=\"/articles/thread\" data-folio-sort=\"newest\""));
}
