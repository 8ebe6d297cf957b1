//! Descriptions of HTTP requests and responses: what a backend asks the edge to send and
//! what the edge hands back. Nothing here performs I/O; the browser edge turns an
//! [`HttpRequest`] into `fetch` and the answer into an [`HttpResponse`].
//!
//! Also the two small writers every backend shares: [`build_url`] (endpoint + path +
//! percent-encoded query) and [`JsonObject`] (request bodies, through
//! [`json::write_string`]). Percent-encoding itself is
//! [`crate::percent`]'s, the one encoder in the crate.

use crate::json::{self, Value};
use crate::percent::encode_into;

/// An HTTP method a backend may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method name as `fetch` wants it, e.g. `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request for the edge to send, built by a backend.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, query already percent-encoded.
    pub url: String,
    /// Request headers (name as sent, value).
    pub headers: Vec<(&'static str, String)>,
    /// The body, for methods that have one.
    pub body: Option<String>,
    /// Send cookies cross-origin (`credentials: "include"`). Isso's edit and delete rights
    /// live in a cookie set by `POST /new`, so its writes set this; reads never do.
    pub credentials: bool,
}

impl HttpRequest {
    /// A request with no headers, no body and no credentials.
    pub fn new(method: Method, url: String) -> Self {
        HttpRequest { method, url, headers: Vec::new(), body: None, credentials: false }
    }

    /// Sets a JSON body and the `Content-Type: application/json` header.
    pub fn json(mut self, body: String) -> Self {
        self.headers.push(("Content-Type", "application/json".to_string()));
        self.body = Some(body);
        self
    }

    /// Asks the edge to send cookies with this request.
    pub fn with_credentials(mut self) -> Self {
        self.credentials = true;
        self
    }

    /// The value of a request header, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A response as the edge received it. `status` 0 means the edge got no usable answer
/// (an opaque or failed request); backends treat it as a network failure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// Response headers the browser exposed, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body text (possibly cut off, possibly not JSON).
    pub body: String,
}

impl HttpResponse {
    /// A response with a status and body and no headers (handy in tests and at the edge).
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        HttpResponse { status, headers: Vec::new(), body: body.into() }
    }

    /// Adds a header (the name is lower-cased).
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.into()));
        self
    }

    /// The value of a header, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Is the status 2xx?
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Joins an endpoint, a path and query parameters into a URL.
///
/// The endpoint is the server's base URL, with or without a path prefix and with or
/// without a trailing slash (it must not carry its own query or fragment). `path` starts
/// with `/`. Values are percent-encoded; names are used as given.
///
/// ```
/// use folio::comments::request::build_url;
/// assert_eq!(build_url("https://c.example/isso/", "/", &[("uri", "/a b/")]), "https://c.example/isso/?uri=%2Fa%20b%2F");
/// assert_eq!(build_url("http://127.0.0.1:8080", "/id/3/like", &[]), "http://127.0.0.1:8080/id/3/like");
/// ```
pub fn build_url(endpoint: &str, path: &str, query: &[(&str, &str)]) -> String {
    let base = endpoint.trim().trim_end_matches('/');
    let mut out = String::with_capacity(base.len() + path.len() + 16 * query.len());
    out.push_str(base);
    out.push_str(path);
    for (i, (name, value)) in query.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

/// Appends `value` to `out` percent-encoded as one path segment (so an id can never add a
/// `/` or `?` of its own).
pub fn push_segment(out: &mut String, value: &str) {
    encode_into(out, value);
}

/// Starts the JSON body of a new comment: what the reader typed (`text`) and who they
/// say they are (`author`, `email`, `website`; blank as `null`), the members every backend
/// sends alike. The caller adds `parent` and `title` in its server's form.
pub fn comment_body(c: &super::model::NewComment) -> JsonObject {
    let mut body = JsonObject::new();
    body.string("text", Some(&c.text))
        .string("author", non_blank(&c.author))
        .string("email", non_blank(&c.email))
        .string("website", non_blank(&c.website));
    body
}

/// A tiny writer for flat JSON objects with string, null and raw members: all Folio's
/// request bodies need.
#[derive(Debug)]
pub struct JsonObject {
    out: String,
}

impl Default for JsonObject {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonObject {
    /// An empty object.
    pub fn new() -> Self {
        JsonObject { out: String::from("{") }
    }

    fn key(&mut self, key: &str) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        json::write_string(&mut self.out, key);
        self.out.push(':');
    }

    /// Adds `"key": "value"`, or `"key": null` for `None`.
    pub fn string(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        self.key(key);
        match value {
            Some(v) => json::write_string(&mut self.out, v),
            None => self.out.push_str("null"),
        }
        self
    }

    /// Adds a member whose value is already JSON text (a number, `true`, ...). The caller
    /// guarantees `raw` is valid JSON.
    pub fn raw(&mut self, key: &str, raw: &str) -> &mut Self {
        self.key(key);
        self.out.push_str(raw);
        self
    }

    /// The finished object text.
    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// A comment id from a server's JSON: a non-negative whole number (written in decimal) or
/// a non-empty string; `None` for anything else.
///
/// ```
/// use folio::{json, comments::request::json_id};
/// assert_eq!(json_id(&json::parse("17").unwrap()).as_deref(), Some("17"));
/// assert_eq!(json_id(&json::parse(r#""c_9""#).unwrap()).as_deref(), Some("c_9"));
/// assert_eq!(json_id(&json::parse("-1").unwrap()), None);
/// assert_eq!(json_id(&json::parse(r#""""#).unwrap()), None);
/// ```
pub fn json_id(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) if n.is_finite() && *n >= 0.0 && n.fract() == 0.0 => Some(crate::date::number(*n as u64)),
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// `Some(trimmed)` for a non-blank string, `None` for a blank one: optional form fields
/// travel as `null`, never as `""`.
pub fn non_blank(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_join_without_double_slashes() {
        assert_eq!(build_url("http://h:8080", "/", &[]), "http://h:8080/");
        assert_eq!(build_url("http://h:8080/", "/new", &[("uri", "/x")]), "http://h:8080/new?uri=%2Fx");
        assert_eq!(build_url(" https://h/prefix// ", "/count", &[]), "https://h/prefix/count");
        assert_eq!(build_url("https://h", "/", &[("a", "1&b=2"), ("c", "é")]), "https://h/?a=1%26b%3D2&c=%C3%A9");
    }

    #[test]
    fn json_object_escapes_values() {
        let mut o = JsonObject::new();
        o.string("text", Some("a\"b\n</script>")).string("author", None).raw("parent", "12");
        let text = o.finish();
        assert_eq!(text, r#"{"text":"a\"b\n</script>","author":null,"parent":12}"#);
        assert!(json::parse(&text).is_ok());
    }

    #[test]
    fn headers_are_case_insensitive() {
        let r = HttpResponse::new(429, "").with_header("Retry-After", "5");
        assert_eq!(r.header("retry-after"), Some("5"));
        assert_eq!(r.headers[0].0, "retry-after");
        let q = HttpRequest::new(Method::Post, "u".into()).json("{}".into());
        assert_eq!(q.header("content-type"), Some("application/json"));
    }
}
