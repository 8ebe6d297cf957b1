//! Differential test of `folio::view::url` against a real WHATWG URL parser, Node's `URL`
//! (the one browsers implement): about 20,000 generated inputs (schemes spelled every way,
//! backslashes, tabs, newlines and controls in schemes, percent-encoding, IPv4 and IPv6
//! hosts, ports, userinfo, scheme-relative forms) are each parsed against the page URL
//! `https://example.org/page` by Node and judged by `safe_url`:
//! - where Node cannot parse an input, Folio writes no link (`None`);
//! - where Node can, Folio allows it exactly when the scheme Node sees is `http:`,
//!   `https:` or `mailto:`.
//!
//! A host that needs IDNA (non-ASCII after percent-decoding, or a label starting `xn--`) is
//! the browser's to judge: for those only the second rule is checked (in the browser the DOM
//! edge asks the browser's own parser as well). Needs `node` on the PATH (this machine kind
//! has Node.js 20); a plain `cargo test` without it skips with a note, unless
//! `FOLIO_REQUIRE_NODE` is set (`./scripts/test` sets it). Native only.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use folio::json;
use folio::view::url::safe_url;

/// Node's verdict for each input: `Some(protocol)` when `new URL(input, base)` parses.
const JUDGE: &str = r#"
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { text += d; });
process.stdin.on('end', () => {
  const out = JSON.parse(text).map((input) => {
    try { return new URL(input, 'https://example.org/page').protocol; } catch { return null; }
  });
  process.stdout.write(JSON.stringify(out));
});
"#;

fn inputs() -> Vec<String> {
    let schemes = [
        "",
        "http:",
        "https:",
        "HTTP://",
        "http://",
        "https://",
        "hTtPs://",
        "//",
        "\\\\",
        "/\\",
        "\\/",
        "///",
        "http:\\\\",
        "https:/",
        "https:\\",
        "http:/",
        "https:////",
        "javascript:",
        "JaVaScRiPt:",
        "jav\tascript:",
        "java\nscript:",
        "\u{1}javascript:",
        " javascript:",
        "mailto:",
        "data:",
        "ftp://",
        "file://",
        "ws://",
        "vbscript:",
        " https://",
        "\u{0}http://",
        "ht\ttps://",
        "https:\t//",
        "h ttp://",
    ];
    let hosts = [
        "",
        "example.org",
        "EXAMPLE.org",
        "a b",
        "a%20b",
        "a%2",
        "%41",
        "%zz",
        "%00",
        "%2e",
        "a<b",
        "a^b",
        "a|b",
        "a@b",
        "user:pw@example.org",
        "@example.org",
        "user@",
        "u@v@example.org",
        "example.org:80",
        "example.org:",
        "example.org:65535",
        "example.org:65536",
        "example.org:0x10",
        "example.org:-1",
        "example.org:00000000080",
        "example.org:99999999999999999999",
        "1.2.3.4",
        "1.2.3.256",
        "1.2.3.4.5",
        "0x7f.1",
        "0x",
        "0xg",
        "256",
        "4294967295",
        "4294967296",
        "010.0.0.1",
        "09.0.0.1",
        "1.2.3.",
        "1..2",
        "a.1",
        "a.b1",
        "1a",
        "0x100.0",
        "[::1]",
        "[::1]:8080",
        "[::1",
        "[1:2:3:4:5:6:7:8]",
        "[1:2:3:4:5:6:7:8:9]",
        "[::ffff:1.2.3.4]",
        "[::1.2.3.4.5]",
        "[::01.2.3.4]",
        "[1::2::3]",
        "[:1]",
        "[12345::]",
        "[g::]",
        "[::]x",
        "[::]:",
        "[1:2:3:4:5:6:7::]",
        "[::1:]",
        "[1:2:3:4:5:6:1.2.3.4]",
        "[1:2:3:4:5:6:7:1.2.3.4]",
        "exa_mple.org",
        "-a-.org",
        "a..b",
        ".",
        "..",
        "a.",
        "\u{7f}",
        "ex#ample",
        "ex?ample",
        "ex]ample",
        "ex[ample",
        "a\\b",
        "münchen.de",
        "xn--mnchen-3ya.de",
        "xn--",
        "%C3%BC.de",
        "%FF.de",
        "a\u{0}b",
        "*.example",
        "example.org.",
    ];
    let tails = ["", "/", "/path?q=1#f", "?q", "#f", ":", "\\x", "/javascript:alert(1)"];
    let mut out = Vec::new();
    for s in schemes {
        for h in hosts {
            for t in tails {
                out.push(format!("{s}{h}{t}"));
            }
        }
    }
    out.extend(
        ["", "a", "/a", "?q", "#f", "./x:y", "/javascript:alert(1)", "\\\\", "\\", "//", "mailto:a@b.example"]
            .map(String::from),
    );
    out
}

/// Whether `input`'s host needs IDNA, as far as a test can tell from the text.
fn needs_idna(input: &str) -> bool {
    !input.is_ascii() || input.to_ascii_lowercase().contains("xn--") || input.contains("%C3") || input.contains("%FF")
}

#[test]
fn folio_reads_urls_as_the_whatwg_parser_does() {
    let inputs = inputs();
    let mut child = match Command::new("node").arg("-e").arg(JUDGE).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()
    {
        Ok(child) => child,
        Err(e) => {
            assert!(std::env::var_os("FOLIO_REQUIRE_NODE").is_none(), "node could not be run: {e}");
            eprintln!("skipped: the WHATWG comparison needs `node` on the PATH ({e})");
            return;
        }
    };
    let mut body = String::from("[");
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        json::write_string(&mut body, input);
    }
    body.push(']');
    child.stdin.take().expect("stdin").write_all(body.as_bytes()).expect("write to node");
    let output = child.wait_with_output().expect("node ran");
    assert!(output.status.success(), "node failed: {}", String::from_utf8_lossy(&output.stderr));
    let verdicts = json::parse(&String::from_utf8(output.stdout).expect("utf-8")).expect("JSON from node");
    let verdicts = verdicts.as_array().expect("an array");
    assert_eq!(verdicts.len(), inputs.len());

    let mut wrong = Vec::new();
    let (mut parsed, mut refused) = (0, 0);
    for (input, verdict) in inputs.iter().zip(verdicts) {
        let folio = safe_url(input);
        match verdict.as_str() {
            None => {
                refused += 1;
                if folio.is_some() && !needs_idna(input) {
                    wrong.push(format!("{input:?}: the browser cannot parse it, Folio writes {folio:?}"));
                }
            }
            Some(protocol) => {
                parsed += 1;
                let allowed = matches!(protocol, "http:" | "https:" | "mailto:");
                if folio.is_some() != allowed {
                    wrong.push(format!("{input:?}: the browser sees {protocol}, Folio says {folio:?}"));
                }
            }
        }
    }
    eprintln!(
        "{} inputs: {parsed} parsed by Node's URL, {refused} refused; {} disagreements",
        inputs.len(),
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "{} disagreements with the WHATWG parser:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(40)].join("\n")
    );
}
