//! The one URL allowlist. Every `href`, `src` and other URL-bearing attribute Folio writes
//! is checked here, in the view tree, before either writer sees it.
//!
//! The check parses the way browsers do (WHATWG URL): leading and trailing C0 controls and
//! spaces are stripped and tabs and newlines inside are removed *before* the scheme is read,
//! so `" jAvA\tscript:"` is seen as the `javascript:` it is. Allowed: `http:`, `https:`,
//! `mailto:` and scheme-less (relative) references, which resolve against the page's own
//! http(s) URL. The cleaned string is what gets written, so the browser sees exactly what
//! was checked. A URL the browser could not parse at all (`\\\\`, a host with a space, a
//! port over 65535, a malformed IPv4 or IPv6 address) is refused too: see [`parses`].

use std::cell::Cell;

/// Attribute names whose values are URLs and must pass [`safe_url`].
pub const URL_ATTRIBUTES: &[&str] =
    &["href", "src", "action", "formaction", "cite", "poster", "srcset", "xlink:href", "background", "data", "ping"];

/// Is `name` an attribute whose value is a URL?
pub fn is_url_attribute(name: &str) -> bool {
    URL_ATTRIBUTES.iter().any(|a| a.eq_ignore_ascii_case(name))
}

/// The schemes Folio will link to.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Returns the URL as the browser will read it when its scheme is allowed (or it has none),
/// else `None`.
///
/// ```
/// use folio::view::url::safe_url;
/// assert_eq!(safe_url(" https://example.com/a b "), Some("https://example.com/a b".into()));
/// assert_eq!(safe_url("\u{1}JaVa\nScRiPt:alert(1)"), None);
/// assert_eq!(safe_url("data:text/html,<b>"), None);
/// assert_eq!(safe_url("/relative?q=1"), Some("/relative?q=1".into()));
/// ```
pub fn safe_url(raw: &str) -> Option<String> {
    let cleaned: String =
        raw.trim_matches(|c: char| c <= ' ').chars().filter(|&c| c != '\t' && c != '\n' && c != '\r').collect();
    let allowed = match scheme(&cleaned) {
        None => true,
        Some(s) => ALLOWED_SCHEMES.iter().any(|a| a.eq_ignore_ascii_case(s)),
    };
    (allowed && browser_parses(&cleaned)).then_some(cleaned)
}

/// Whether a URL parses (as [`parses`] answers).
pub type Parser = fn(&str) -> bool;

thread_local! {
    /// The browser's own parser, once the browser edge has installed it.
    static BROWSER_PARSER: Cell<Option<Parser>> = const { Cell::new(None) };
}

/// Makes `parser` (the browser's own URL parser: whether a URL parses against the page's
/// URL) what [`safe_url`] asks on this thread. The browser edge installs `URL.canParse`
/// before it renders anything.
pub fn set_browser_parser(parser: Parser) {
    BROWSER_PARSER.with(|p| p.set(Some(parser)));
}

/// Whether the browser can parse `url` (controls already stripped) against the page's base
/// URL: the installed parser's answer (see [`set_browser_parser`]); natively (folio-render)
/// [`parses`]. A wasm build has no [`parses`] compiled in, and refuses every link until
/// the edge has installed the browser's parser.
fn browser_parses(url: &str) -> bool {
    match BROWSER_PARSER.with(Cell::get) {
        Some(parser) => parser(url),
        None => cfg!(not(target_arch = "wasm32")) && parses(url),
    }
}

/// Whether a browser can parse `url` (controls already stripped) against the page's own
/// `https:` URL, as the WHATWG URL parser does: only an authority can fail (a missing or
/// malformed host, a bad port), after `http:`/`https:` or in a scheme-relative reference
/// (`//host`, and `\\host` as browsers read backslashes there). What it does not judge, it
/// leaves to the browser: a host that needs IDNA (non-ASCII, or a label starting `xn--`)
/// counts as parseable here (if the browser's IDNA refuses it, the link goes nowhere). This
/// is what folio-render relies on; `tests/url_whatwg.rs` holds it against Node's WHATWG
/// `URL` on ~22,000 inputs.
///
/// ```
/// use folio::view::url::parses;
/// assert!(parses("https://example.org:8443/a"));
/// assert!(!parses("\\\\"));
/// assert!(!parses("https://exa mple.org/"));
/// assert!(!parses("http://1.2.3.256/"));
/// ```
pub fn parses(url: &str) -> bool {
    let slash = |c: char| c == '/' || c == '\\';
    let authority = match scheme(url) {
        Some(s) if s.eq_ignore_ascii_case("https") => {
            // The page's own scheme: an authority only after two slashes, else a path.
            let rest = &url[s.len() + 1..];
            let mut c = rest.chars();
            if !(c.next().is_some_and(slash) && c.next().is_some_and(slash)) {
                return true;
            }
            rest
        }
        Some(s) if s.eq_ignore_ascii_case("http") => &url[s.len() + 1..],
        Some(_) => return true,
        None => {
            let mut c = url.chars();
            if !(c.next().is_some_and(slash) && c.next().is_some_and(slash)) {
                return true;
            }
            url
        }
    };
    let authority = authority.trim_start_matches(slash);
    let end = authority.find(|c: char| slash(c) || c == '?' || c == '#').unwrap_or(authority.len());
    let authority = &authority[..end];
    let host_port = match crate::search::rfind(authority, "@") {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let (host, port) = match host_port.strip_prefix('[') {
        Some(inner) => {
            let Some(close) = inner.find(']') else { return false };
            let after = &inner[close + 1..];
            match after.strip_prefix(':') {
                _ if !ipv6(&inner[..close]) => return false,
                Some(port) => ("[]", port),
                None if after.is_empty() => ("[]", ""),
                None => return false,
            }
        }
        None => match host_port.find(':') {
            Some(colon) => (&host_port[..colon], &host_port[colon + 1..]),
            None => (host_port, ""),
        },
    };
    let port_ok = number(port, 10).is_some_and(|p| p <= 65535) || port.is_empty();
    port_ok && (host == "[]" || domain(host))
}

/// A host that is not an IPv6 address, percent-decoded: not empty, no forbidden code
/// point, valid UTF-8, and a valid IPv4 address when its last label is a number.
fn domain(host: &str) -> bool {
    let mut bytes = Vec::with_capacity(host.len());
    let raw = host.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (raw[i], raw.get(i + 1).and_then(|b| hex(*b)), raw.get(i + 2).and_then(|b| hex(*b))) {
            (b'%', Some(h), Some(l)) => {
                bytes.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, ..) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    let Ok(host) = core::str::from_utf8(&bytes) else { return false };
    if host.is_empty()
        || !host.is_ascii()
        || host.split('.').any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
    {
        // Empty: no host. Non-ASCII or punycode: IDNA decides, which is the browser's.
        return !host.is_empty();
    }
    if host.bytes().any(|b| b <= b' ' || b == 0x7f || b"#%/:<>?@[\\]^|".contains(&b)) {
        return false;
    }
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.len() > 1 && labels.last() == Some(&"") {
        labels.pop();
    }
    let last = labels.last().copied().unwrap_or("");
    let numeric = !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || ipv4_number(last).is_some());
    !numeric || ipv4(&labels)
}

/// The digits `s` in `radix` (10, 16 or 8) as a number (saturating), `None` when empty or
/// when a character is not such a digit.
fn number(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for c in s.chars() {
        n = n.saturating_mul(u64::from(radix)).saturating_add(u64::from(c.to_digit(radix)?));
    }
    Some(n)
}

/// An IPv4 number as the URL standard reads one: `0x` hexadecimal, a leading `0` octal,
/// else decimal.
fn ipv4_number(s: &str) -> Option<u64> {
    match s.as_bytes() {
        [b'0', b'x' | b'X', ..] => number(&s[2..], 16).or((s.len() == 2).then_some(0)),
        [b'0', _, ..] => number(&s[1..], 8),
        _ => number(s, 10),
    }
}

/// Whether dot-separated `parts` are an IPv4 address (at most four numbers, all but the
/// last under 256, the last filling the bytes left).
fn ipv4(parts: &[&str]) -> bool {
    let n = parts.len();
    n <= 4
        && parts.iter().enumerate().all(|(i, p)| match ipv4_number(p) {
            Some(v) if i + 1 < n => v <= 255,
            Some(v) => v < 1u64 << (8 * (5 - n)),
            None => false,
        })
}

/// Whether `s` (between the brackets) is an IPv6 address the URL standard accepts.
fn ipv6(s: &str) -> bool {
    let b = s.as_bytes();
    let (mut pieces, mut compressed, mut i) = (0usize, false, 0usize);
    if b.first() == Some(&b':') {
        if b.get(1) != Some(&b':') {
            return false;
        }
        i = 2;
        compressed = true;
    }
    while i < b.len() {
        if pieces == 8 {
            return false;
        }
        if b[i] == b':' {
            if compressed {
                return false;
            }
            compressed = true;
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && i - start < 4 && b[i].is_ascii_hexdigit() {
            i += 1;
        }
        if i < b.len() && b[i] == b'.' {
            // An embedded IPv4 address: the last two pieces.
            if i == start || pieces > 6 {
                return false;
            }
            let v4 = &s[start..];
            let ok = v4.split('.').count() == 4
                && v4.split('.').all(|p| {
                    !(p.len() > 1 && p.starts_with('0'))
                        && p.bytes().all(|c| c.is_ascii_digit())
                        && number(p, 10).is_some_and(|n| n <= 255)
                });
            return ok && (compressed || pieces + 2 == 8);
        }
        if i < b.len() && b[i] == b':' {
            i += 1;
            if i == b.len() {
                return false;
            }
        } else if i < b.len() {
            return false;
        }
        if i == start {
            return false;
        }
        pieces += 1;
    }
    compressed || pieces == 8
}

/// Is this an absolute `http:` or `https:` URL with a host? (For values that must be a
/// real web address, such as an article's canonical URL or a fetch target.)
pub fn is_absolute_http(raw: &str) -> bool {
    let Some(s) = scheme(raw) else { return false };
    let rest = &raw[s.len() + 1..];
    (s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"))
        && rest.starts_with("//")
        && rest.len() > 2
        && !rest[2..].starts_with(['/', '?', '#'])
        && !raw.chars().any(|c| c <= ' ')
}

/// The scheme of a URL that already has controls stripped: the text before the first
/// `:` when it starts with an ASCII letter and holds only letters, digits, `+`, `-`, `.`.
fn scheme(url: &str) -> Option<&str> {
    let colon = crate::search::byte(url, b':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        Some(candidate)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_and_mail_links() {
        for ok in [
            "http://a.example",
            "HTTPS://A.EXAMPLE/x?y#z",
            "mailto:a@b.example",
            "/x",
            "x.html",
            "#top",
            "?q",
            "//cdn.example/x",
        ] {
            assert!(safe_url(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn refuses_every_spelling_of_script_and_data() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "\u{1f}\u{20}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "blob:https://a.example/uuid",
            "ftp://a.example",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn what_is_written_is_what_was_checked() {
        assert_eq!(safe_url(" ht\ttps://a.example/\n"), Some("https://a.example/".into()));
    }

    #[test]
    fn colon_after_slash_is_not_a_scheme() {
        assert_eq!(safe_url("/javascript:alert(1)"), Some("/javascript:alert(1)".into()));
        assert_eq!(safe_url("./x:y"), Some("./x:y".into()));
    }

    #[test]
    fn absolute_http_check() {
        assert!(is_absolute_http("https://www.example.com/a?b#c"));
        assert!(!is_absolute_http("https:///x"));
        assert!(!is_absolute_http("/relative"));
        assert!(!is_absolute_http("mailto:a@b"));
        assert!(!is_absolute_http("https://a b.example"));
    }
}
