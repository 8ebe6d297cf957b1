//! The one URL allowlist. Every `href`, `src` and other URL-bearing attribute Folio writes
//! is checked here, in the view tree, before either writer sees it.
//!
//! The check parses the way browsers do (WHATWG URL): leading and trailing C0 controls and
//! spaces are stripped and tabs and newlines inside are removed *before* the scheme is read,
//! so `" jAvA\tscript:"` is seen as the `javascript:` it is. Allowed: `http:`, `https:`,
//! `mailto:` and scheme-less (relative) references, which resolve against the page's own
//! http(s) URL. The cleaned string is what gets written, so the browser sees exactly what
//! was checked.

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
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(s) if ALLOWED_SCHEMES.iter().any(|a| a.eq_ignore_ascii_case(s)) => Some(cleaned),
        Some(_) => None,
    }
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
    let colon = url.find(':')?;
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
