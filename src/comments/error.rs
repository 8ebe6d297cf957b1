//! [`CommentsError`]: everything a comment server (or its absence) can make go wrong,
//! with stable codes, reader-facing messages and a retry verdict.
//!
//! Also the shared reading of failed responses: [`CommentsError::from_response`] (status
//! -> kind), [`retry_after`] (the `Retry-After` header) and [`server_message`] (a short
//! plain-text reason out of a plain-text or HTML error body). Backends add only how their
//! server spells the reason.

use std::fmt;

use super::request::HttpResponse;
use super::sanitize::decode_entities;
use super::text::CommentsText;
use crate::json::SyntaxError;

/// The longest server-supplied reason kept, in characters.
pub const MAX_MESSAGE_CHARS: usize = 300;

/// Why a comment request failed.
///
/// Retrying: [`is_retryable`](CommentsError::is_retryable) is true for `network`, `server`
/// and `rate-limited`, and for a `bad-response` whose body was cut off mid-way (a transport
/// failure wearing a 200). A well-formed answer of the wrong shape, a `rejected` comment
/// and a `too-large` one come back the same on every try, so they are never retried.
#[derive(Debug, Clone, PartialEq)]
pub enum CommentsError {
    /// `comments/network`: no answer at all (offline, DNS, CORS, blocked by CSP).
    Network,
    /// `comments/server`: the server failed (5xx).
    Server {
        /// The HTTP status.
        status: u16,
        /// Seconds the server asked us to wait (`Retry-After` on a 503).
        retry_after: Option<u32>,
    },
    /// `comments/rate-limited`: too many requests (429).
    RateLimited {
        /// Seconds the server asked us to wait, when it said.
        retry_after: Option<u32>,
    },
    /// `comments/rejected`: the server refused the request as invalid (4xx other than 413
    /// and 429), e.g. text too short, or a spam guard. A post refused with 409 (Conflict) is
    /// one the server already has: the comment section takes it as posted.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The server's reason as plain text (trimmed, at most 300 characters; may be empty).
        message: String,
    },
    /// `comments/bad-response`: the answer could not be read (not JSON, wrong shape, cut off).
    BadResponse {
        /// What was wrong, for logs and hosts (English, not for readers).
        reason: &'static str,
        /// The body ended mid-document: likely a dropped connection, worth retrying.
        truncated: bool,
    },
    /// `comments/too-large`: the comment is longer than the server (413) or Folio accepts.
    TooLarge,
}

impl CommentsError {
    /// The stable machine-readable code, e.g. `"comments/rate-limited"`.
    pub fn code(&self) -> &'static str {
        match self {
            CommentsError::Network => "comments/network",
            CommentsError::Server { .. } => "comments/server",
            CommentsError::RateLimited { .. } => "comments/rate-limited",
            CommentsError::Rejected { .. } => "comments/rejected",
            CommentsError::BadResponse { .. } => "comments/bad-response",
            CommentsError::TooLarge => "comments/too-large",
        }
    }

    /// The message for readers, in English.
    pub fn message(&self) -> String {
        self.message_in(CommentsText::en())
    }

    /// The message for readers, from a locale's strings.
    pub fn message_in(&self, t: &CommentsText) -> String {
        match self {
            CommentsError::Network => t.section.err_network.to_string(),
            CommentsError::Server { .. } => t.err_server.to_string(),
            CommentsError::RateLimited { retry_after } => {
                let mut out = String::from(t.err_rate_limited);
                out.push(' ');
                match retry_after {
                    Some(secs) => out.push_str(&t.err_wait.with(u64::from((*secs).max(1)))),
                    None => out.push_str(t.err_wait_unknown),
                }
                out
            }
            CommentsError::Rejected { message, .. } => {
                let mut out = String::from(t.err_rejected);
                if message.is_empty() {
                    out.push('.');
                } else {
                    out.push_str(": ");
                    out.push_str(message);
                }
                out
            }
            CommentsError::BadResponse { .. } => t.err_bad_response.to_string(),
            CommentsError::TooLarge => t.err_too_large.to_string(),
        }
    }

    /// Is trying the same request again, later, a sensible thing to do? (See the type's
    /// documentation for the rules.)
    pub fn is_retryable(&self) -> bool {
        match self {
            CommentsError::Network | CommentsError::Server { .. } | CommentsError::RateLimited { .. } => true,
            CommentsError::BadResponse { truncated, .. } => *truncated,
            CommentsError::Rejected { .. } | CommentsError::TooLarge => false,
        }
    }

    /// Whether a post that failed so may still have been stored: no answer came (the
    /// request may have reached the server before the connection failed), or the server
    /// failed on its way. A refusal or rate limiting says it was not.
    pub fn may_have_arrived(&self) -> bool {
        matches!(self, CommentsError::Network | CommentsError::Server { .. } | CommentsError::BadResponse { .. })
    }

    /// Seconds the server asked us to wait before retrying, when it said.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            CommentsError::Server { retry_after, .. } | CommentsError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// The error for a response that is not a success, by status: 0 -> network, 413 ->
    /// too-large, 429 -> rate-limited, other 4xx -> rejected with `message`, 5xx -> server,
    /// anything else (1xx, 3xx, a stray 2xx) -> bad-response.
    pub fn from_response(resp: &HttpResponse, message: String) -> Self {
        match resp.status {
            0 => CommentsError::Network,
            413 => CommentsError::TooLarge,
            429 => CommentsError::RateLimited { retry_after: retry_after(resp) },
            400..=499 => CommentsError::Rejected { status: resp.status, message },
            500..=599 => CommentsError::Server { status: resp.status, retry_after: retry_after(resp) },
            _ => CommentsError::bad("unexpected HTTP status"),
        }
    }

    /// A bad-response error for a well-formed answer of the wrong shape.
    pub fn bad(reason: &'static str) -> Self {
        CommentsError::BadResponse { reason, truncated: false }
    }

    /// A bad-response error for a body that failed to parse as JSON, telling a cut-off
    /// body (the error is at its very end, or it is empty) from one that is not JSON.
    pub fn from_syntax(body: &str, err: &SyntaxError) -> Self {
        let line = body.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = body[crate::search::rfind(body, "\n").map_or(0, |i| i + 1)..].chars().count() + 1;
        if body.trim().is_empty() {
            CommentsError::BadResponse { reason: "the answer is empty", truncated: true }
        } else if (err.line, err.column) == (line, column) {
            CommentsError::BadResponse { reason: "the answer is cut off", truncated: true }
        } else {
            CommentsError::BadResponse { reason: "the answer is not JSON", truncated: false }
        }
    }
}

impl fmt::Display for CommentsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())?;
        match self {
            CommentsError::BadResponse { reason, .. } => write!(f, " ({reason})"),
            CommentsError::Server { status, .. } => write!(f, " (HTTP {status})"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for CommentsError {}

/// Seconds to wait from a `Retry-After` header: a whole number of seconds. (An HTTP date
/// there reaches this as the seconds from the response's own `Date` header: the browser's
/// date parser converts it in `js/fetch.js`, so no clock is needed.) A missing or
/// unparsable value is `None` and the backoff schedule applies.
///
/// Cross-origin, the browser shows these headers only when the server lists them in
/// `Access-Control-Expose-Headers`.
pub fn retry_after(resp: &HttpResponse) -> Option<u32> {
    let value = resp.header("retry-after")?.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(crate::date::parse_number(value, 10).unwrap_or(u32::MAX))
}

/// A short plain-text reason from an error body: the text itself when it is plain text,
/// the last paragraph when it is an HTML error page (as Werkzeug, behind Isso, writes
/// them). Tags are dropped, entities decoded, white space collapsed, and the result is
/// capped at [`MAX_MESSAGE_CHARS`] characters.
///
/// ```
/// use folio::comments::error::server_message;
/// let page = "<!doctype html>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>text is too short (minimum length: 3)</p>\n";
/// assert_eq!(server_message(page), "text is too short (minimum length: 3)");
/// assert_eq!(server_message("  plain reason \n"), "plain reason");
/// ```
pub fn server_message(body: &str) -> String {
    let body = body.trim();
    let text = if body.starts_with("<") {
        let lower = body.to_ascii_lowercase();
        let para = match (crate::search::rfind(&lower, "<p>"), crate::search::rfind(&lower, "</p>")) {
            (Some(start), Some(end)) if start + 3 <= end => &body[start + 3..end],
            _ => body,
        };
        decode_entities(&strip_tags(para))
    } else {
        body.to_string()
    };
    let mut out = String::with_capacity(text.len().min(4 * MAX_MESSAGE_CHARS));
    let mut count = 0;
    for word in crate::search::words(&text) {
        let len = word.chars().count();
        let sep = usize::from(count > 0);
        if count + sep + len > MAX_MESSAGE_CHARS {
            if count == 0 {
                out.extend(word.chars().take(MAX_MESSAGE_CHARS - 1));
            } else if count == MAX_MESSAGE_CHARS {
                out.pop();
            }
            out.push('\u{2026}');
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        count += sep + len;
    }
    out
}

/// `s` with everything between `<` and `>` replaced by a space.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn codes_are_stable() {
        let all = [
            (CommentsError::Network, "comments/network", true),
            (CommentsError::Server { status: 502, retry_after: None }, "comments/server", true),
            (CommentsError::RateLimited { retry_after: Some(3) }, "comments/rate-limited", true),
            (CommentsError::Rejected { status: 400, message: "x".into() }, "comments/rejected", false),
            (CommentsError::BadResponse { reason: "r", truncated: true }, "comments/bad-response", true),
            (CommentsError::bad("r"), "comments/bad-response", false),
            (CommentsError::TooLarge, "comments/too-large", false),
        ];
        for (e, code, retry) in all {
            assert_eq!(e.code(), code);
            assert_eq!(e.is_retryable(), retry, "{code}");
            assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn messages_read_well() {
        assert!(CommentsError::Network.message().starts_with("The comment server did not answer"));
        assert_eq!(
            CommentsError::RateLimited { retry_after: Some(30) }.message(),
            "Too many comments in a short time. Please wait 30 seconds and try again."
        );
        assert_eq!(
            CommentsError::Rejected { status: 400, message: "text is too short".into() }.message(),
            "The comment was not accepted: text is too short"
        );
        assert_eq!(
            CommentsError::Rejected { status: 403, message: String::new() }.message(),
            "The comment was not accepted."
        );
        assert!(CommentsError::bad("x").to_string().ends_with("(x)"));
    }

    #[test]
    fn statuses_map_to_kinds() {
        let r = |s| CommentsError::from_response(&HttpResponse::new(s, ""), "m".into());
        assert_eq!(r(0), CommentsError::Network);
        assert_eq!(r(413), CommentsError::TooLarge);
        assert_eq!(r(429), CommentsError::RateLimited { retry_after: None });
        assert_eq!(r(403), CommentsError::Rejected { status: 403, message: "m".into() });
        assert_eq!(r(503), CommentsError::Server { status: 503, retry_after: None });
        assert_eq!(r(302).code(), "comments/bad-response");
    }

    #[test]
    fn retry_after_seconds() {
        let base = HttpResponse::new(429, "");
        assert_eq!(retry_after(&base.clone().with_header("Retry-After", " 120 ")), Some(120));
        assert_eq!(retry_after(&base.clone().with_header("Retry-After", "99999999999")), Some(u32::MAX));
        assert_eq!(retry_after(&base.clone().with_header("Retry-After", "-5")), None);
        assert_eq!(retry_after(&base.clone().with_header("Retry-After", "soon")), None);
        assert_eq!(retry_after(&base.with_header("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT")), None);
    }

    #[test]
    fn syntax_errors_tell_truncation_from_garbage() {
        for (body, truncated) in [
            ("{\"replies\": [{\"id\": 1, \"te", true),
            ("{\"a\": 1,\n", true),
            ("[1, 2", true),
            ("", true),
            ("<html><body>Bad gateway</body></html>", false),
            ("{\"a\": 1} trailing", false),
            ("Internal Server Error", false),
        ] {
            let err = json::parse(body).unwrap_err();
            let e = CommentsError::from_syntax(body, &err);
            assert_eq!(e.is_retryable(), truncated, "{body:?}");
        }
    }

    #[test]
    fn server_messages_are_short_plain_text() {
        let old_werkzeug = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>403 Forbidden</title>\n\
                            <h1>Forbidden</h1>\n<p>ratelimit exceeded (&lt;10 s&gt;)</p>\n";
        assert_eq!(server_message(old_werkzeug), "ratelimit exceeded (<10 s>)");
        assert_eq!(server_message("<h1>Oops</h1>"), "Oops");
        let long = "word ".repeat(200);
        let m = server_message(&long);
        assert_eq!(m.chars().count(), MAX_MESSAGE_CHARS);
        assert!(m.ends_with("word\u{2026}"));
        let one = "x".repeat(1000);
        assert_eq!(server_message(&one).chars().count(), MAX_MESSAGE_CHARS);
    }
}
