//! The `comments` mount option: which backend, where, which thread, when to load, and
//! what the form requires. Pure; the JS-callbacks functions themselves are read at the
//! edge (JSON cannot carry functions).

use super::form::FormRules;
use super::model::{Sort, ThreadRef};
use super::request::JsonObject;
use super::{Backend, Contract, HttpRequest, Isso};
use crate::json::Value;
use crate::view::url;

/// The error for a server backend configured without an endpoint.
pub const NO_ENDPOINT: &str = "options.comments.endpoint (the comment server's URL) is required.";

/// Which comment server to talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// An Isso server (the default).
    Isso,
    /// Any server implementing Folio's JSON contract.
    Json,
    /// Host-supplied async `list`/`post`/`count` functions.
    Callbacks,
    /// A Waline server (built in with the `waline` feature).
    #[cfg(waline)]
    Waline,
}

/// The comment section's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentsConfig {
    /// The backend.
    pub backend: BackendKind,
    /// Server base URL (Isso, JSON); `None` for callbacks.
    pub endpoint: Option<String>,
    /// Thread identifier; `None` uses the path of the article's canonical URL.
    pub thread: Option<String>,
    /// Load at once instead of when the section nears the viewport.
    pub eager: bool,
    /// The comment count, when the host already knows it (shown in the placeholder).
    pub count: Option<u32>,
    /// First sort order.
    pub sort: Sort,
    /// Top-level comments per page.
    pub page_size: u32,
    /// What the form requires.
    pub rules: FormRules,
    /// How old (seconds) a first page written into the static HTML by folio-render may be
    /// for the section to use it instead of requesting it (`0`: never).
    pub static_max_age: u32,
    /// The hashes the server gives the page author's comments (Isso's `hash`), separated
    /// by commas or spaces as in Isso's `page-author-hashes`: those comments are marked as
    /// the author's (see [`view::is_by`](super::view::is_by)).
    pub author_hashes: Option<String>,
    /// Seconds between two checks for comments posted since the list was drawn, while the
    /// page is visible (doubled after each that found none; `0`: never check).
    pub new_comments_every: u32,
}

impl CommentsConfig {
    /// Reads `options.comments`. `None` (absent, `null` or `false`) means no comment
    /// section. Keys: `backend` (`"isso"`, `"json"`, `"callbacks"`), `endpoint`, `thread`,
    /// `load` (`"lazy"`, `"eager"`), `count`, `sort` (`"oldest"`, `"newest"`, `"top"`),
    /// `pageSize`, `maxLength`, `requireName`, `requireEmail`, `staticMaxAge` (seconds,
    /// default [`DEFAULT_MAX_AGE`](super::embedded::DEFAULT_MAX_AGE)), `authorHashes` (one
    /// string of hashes separated by commas or spaces, as Isso's
    /// `data-isso-page-author-hashes`), `newCommentsEvery` (seconds, default 30; `0` turns
    /// the checks for new comments off). Errors are messages for `folio/options`.
    ///
    /// ```
    /// use folio::{json, comments::config::{CommentsConfig, BackendKind}};
    /// let v = json::parse(r#"{"endpoint": "http://127.0.0.1:8080", "load": "eager"}"#).unwrap();
    /// let c = CommentsConfig::from_json(&v).unwrap().unwrap();
    /// assert_eq!(c.backend, BackendKind::Isso);
    /// assert!(c.eager);
    /// ```
    pub fn from_json(v: &Value) -> Result<Option<CommentsConfig>, String> {
        match v {
            Value::Null | Value::Bool(false) => return Ok(None),
            Value::Object(_) => {}
            other => {
                return Err(String::from("options.comments must be an object or false, not ") + other.kind() + ".")
            }
        }
        let string = |key: &str| -> Result<Option<&str>, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => {
                    Err(String::from("options.comments.") + key + " must be a string, not " + other.kind() + ".")
                }
            }
        };
        let number = |key: &str, max: f64| -> Result<Option<u32>, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Number(n)) if *n >= 0.0 && *n <= max && n.fract() == 0.0 => Ok(Some(*n as u32)),
                Some(_) => Err(String::from("options.comments.")
                    + key
                    + " must be a whole number from 0 to "
                    + &crate::date::number(max as u64)
                    + "."),
            }
        };
        let flag = |key: &str| -> Result<bool, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(false),
                Some(Value::Bool(b)) => Ok(*b),
                Some(_) => Err(String::from("options.comments.") + key + " must be true or false."),
            }
        };
        let backend = match string("backend")? {
            None | Some("isso") => BackendKind::Isso,
            Some("json") => BackendKind::Json,
            Some("callbacks") => BackendKind::Callbacks,
            #[cfg(waline)]
            Some("waline") => BackendKind::Waline,
            Some(other) => {
                let named = if cfg!(waline) {
                    "options.comments.backend must be \"isso\", \"json\", \"waline\" or \"callbacks\", not \""
                } else {
                    // A package built without the `waline` feature refuses "waline" here.
                    "options.comments.backend must be \"isso\", \"json\" or \"callbacks\", not \""
                };
                return Err(String::from(named) + other + "\".");
            }
        };
        let endpoint = match (backend, string("endpoint")?) {
            (BackendKind::Callbacks, _) => None,
            (_, None) => return Err(NO_ENDPOINT.into()),
            (_, Some(e)) => match url::safe_url(e) {
                Some(u) if !u.is_empty() && !u.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) => {
                    Some(u[..u.bytes().rposition(|b| b != b'/').map_or(0, |i| i + 1)].to_string())
                }
                _ => {
                    return Err(
                        String::from("options.comments.endpoint must be an http(s) or relative URL; refused: ") + e
                    )
                }
            },
        };
        let eager = match string("load")? {
            None | Some("lazy") => false,
            Some("eager") => true,
            Some(other) => {
                return Err(String::from("options.comments.load must be \"lazy\" or \"eager\", not \"") + other + "\".")
            }
        };
        let sort = match string("sort")? {
            None => Sort::Oldest,
            Some(s) => Sort::parse(s)
                .ok_or_else(|| String::from("options.comments.sort must be \"oldest\", \"newest\" or \"top\"."))?,
        };
        let mut rules = FormRules::default();
        if let Some(max) = number("maxLength", 65_535.0)? {
            rules.max_chars = max.max(rules.min_chars);
        }
        rules.require_name = flag("requireName")?;
        rules.require_email = flag("requireEmail")?;
        Ok(Some(CommentsConfig {
            backend,
            endpoint,
            thread: string("thread")?.map(str::to_string).filter(|t| !t.trim().is_empty()),
            eager,
            count: number("count", 4_000_000_000.0)?,
            sort,
            page_size: number("pageSize", 1000.0)?.filter(|n| *n > 0).unwrap_or(20),
            rules,
            static_max_age: number("staticMaxAge", 31_536_000.0)?.unwrap_or(super::embedded::DEFAULT_MAX_AGE),
            author_hashes: string("authorHashes")?.map(str::to_string),
            new_comments_every: number("newCommentsEvery", 86_400.0)?.unwrap_or(30),
        }))
    }
}

impl CommentsConfig {
    /// The configuration as `options.comments` JSON text that [`CommentsConfig::from_json`]
    /// reads back to an equal value (the split build hands it to the comments module).
    ///
    /// ```
    /// use folio::{json, comments::config::CommentsConfig};
    /// let v = json::parse(r#"{"endpoint": "/c", "thread": "/t", "load": "eager"}"#).unwrap();
    /// let c = CommentsConfig::from_json(&v).unwrap().unwrap();
    /// let again = CommentsConfig::from_json(&json::parse(&c.to_json()).unwrap()).unwrap();
    /// assert_eq!(again, Some(c));
    /// ```
    pub fn to_json(&self) -> String {
        let backend = match self.backend {
            BackendKind::Isso => "isso",
            BackendKind::Json => "json",
            BackendKind::Callbacks => "callbacks",
            #[cfg(waline)]
            BackendKind::Waline => "waline",
        };
        let flag = |on: bool| if on { "true" } else { "false" };
        // `null` reads back as absent, the same as leaving the member out.
        let mut o = JsonObject::new();
        o.string("backend", Some(backend))
            .string("endpoint", self.endpoint.as_deref())
            .string("thread", self.thread.as_deref())
            .string("load", Some(if self.eager { "eager" } else { "lazy" }))
            .string("sort", Some(self.sort.as_str()))
            .raw("count", &self.count.map_or_else(|| "null".into(), |n| crate::date::number(n.into())))
            .raw("pageSize", &crate::date::number(self.page_size.into()))
            .raw("maxLength", &crate::date::number(self.rules.max_chars.into()))
            .raw("requireName", flag(self.rules.require_name))
            .raw("requireEmail", flag(self.rules.require_email))
            .raw("staticMaxAge", &crate::date::number(self.static_max_age.into()))
            .string("authorHashes", self.author_hashes.as_deref())
            .raw("newCommentsEvery", &crate::date::number(self.new_comments_every.into()));
        o.finish()
    }
}

/// The thread id to use when the host gives none: the path of the canonical URL
/// (what Isso's own client uses, `location.pathname`).
///
/// ```
/// assert_eq!(folio::comments::config::default_thread("https://news.example/a/b.html?x=1#c"), "/a/b.html");
/// ```
pub fn default_thread(canonical: &str) -> String {
    let after_scheme = crate::search::find(canonical, "//").map_or(canonical, |i| &canonical[i + 2..]);
    let path = crate::search::byte(after_scheme, b'/').map_or("/", |i| &after_scheme[i..]);
    let end = path.bytes().position(|b| b == b'?' || b == b'#').unwrap_or(path.len());
    path[..end].to_string()
}

/// The comment server of an HTTP backend, as a configuration names it.
#[derive(Debug, Clone)]
pub enum HttpServer {
    /// An Isso server.
    Isso(Isso),
    /// A server implementing Folio's JSON contract.
    Json(Contract),
    /// A Waline server.
    #[cfg(waline)]
    Waline(super::Waline),
}

impl HttpServer {
    /// The server as a [`Backend`], for code that needs only what every backend does.
    pub fn backend(self) -> Box<dyn Backend> {
        match self {
            HttpServer::Isso(b) => Box::new(b),
            HttpServer::Json(b) => Box::new(b),
            #[cfg(waline)]
            HttpServer::Waline(b) => Box::new(b),
        }
    }
}

impl CommentsConfig {
    /// The HTTP backend this configuration names, with its page size: `None` for the
    /// callbacks backend (or without an endpoint).
    pub fn http_server(&self) -> Option<HttpServer> {
        let endpoint = self.endpoint.as_deref()?;
        match self.backend {
            BackendKind::Callbacks => None,
            BackendKind::Isso => {
                let mut b = Isso::new(endpoint);
                b.limit = Some(self.page_size);
                Some(HttpServer::Isso(b))
            }
            BackendKind::Json => {
                let mut b = Contract::new(endpoint);
                b.limit = Some(self.page_size);
                Some(HttpServer::Json(b))
            }
            #[cfg(waline)]
            BackendKind::Waline => {
                let mut b = super::Waline::new(endpoint);
                b.limit = self.page_size;
                Some(HttpServer::Waline(b))
            }
        }
    }

    /// The request for the first page of `thread` in the configured sort order: what the
    /// comment section asks first (the split core sends it while the comments module
    /// loads). `None` for the callbacks backend.
    ///
    /// ```
    /// use folio::{json, comments::config::CommentsConfig};
    /// let v = json::parse(r#"{"endpoint": "http://127.0.0.1:8080/", "sort": "top", "pageSize": 50}"#).unwrap();
    /// let c = CommentsConfig::from_json(&v).unwrap().unwrap();
    /// let first = c.first_page_request("/a/").unwrap();
    /// assert!(first.url.starts_with("http://127.0.0.1:8080/?uri=%2Fa%2F&sort=upvotes&limit=50"));
    /// ```
    pub fn first_page_request(&self, thread: &str) -> Option<HttpRequest> {
        // Each server's own list_request: through `dyn Backend` the split core would carry
        // every backend's whole vtable (~5 KB gzip) for this one request.
        let thread = ThreadRef::new(thread);
        Some(match self.http_server()? {
            HttpServer::Isso(b) => b.list_request(&thread, self.sort, None),
            HttpServer::Json(b) => b.list_request(&thread, self.sort, None),
            #[cfg(waline)]
            HttpServer::Waline(b) => b.list_request(&thread, self.sort, None),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(s: &str) -> Result<Option<CommentsConfig>, String> {
        CommentsConfig::from_json(&parse(s).unwrap())
    }

    #[test]
    fn waline_backend() {
        let c = read(r#"{"backend":"waline","endpoint":"https://c.example/","pageSize":500,"thread":"/a"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(c.backend, BackendKind::Waline);
        let first = c.first_page_request("/a").unwrap();
        assert_eq!(first.url, "https://c.example/api/comment?path=%2Fa&page=1&pageSize=100&sortBy=insertedAt_asc");
        assert_eq!(CommentsConfig::from_json(&parse(&c.to_json()).unwrap()).unwrap(), Some(c));
        assert!(read(r#"{"backend":"walin","endpoint":"/c"}"#).unwrap_err().contains("\"waline\""));
    }

    #[test]
    fn absent_or_false_means_no_comments() {
        assert_eq!(read("null"), Ok(None));
        assert_eq!(read("false"), Ok(None));
    }

    #[test]
    fn reads_every_key() {
        let c = read(r#"{"backend":"json","endpoint":"https://c.example/api/","thread":"t1","load":"eager","count":7,"sort":"top","pageSize":50,"maxLength":500,"requireName":true,"staticMaxAge":60}"#)
            .unwrap()
            .unwrap();
        assert_eq!(c.backend, BackendKind::Json);
        assert_eq!(c.endpoint.as_deref(), Some("https://c.example/api"));
        assert_eq!(
            (c.thread.as_deref(), c.eager, c.count, c.sort, c.page_size),
            (Some("t1"), true, Some(7), Sort::Top, 50)
        );
        assert_eq!((c.rules.max_chars, c.rules.require_name, c.rules.require_email), (500, true, false));
        assert_eq!(c.static_max_age, 60);
        assert_eq!(read(r#"{"endpoint":"/c"}"#).unwrap().unwrap().static_max_age, 600);
    }

    #[test]
    fn author_hashes_are_one_string_as_isso_writes_them() {
        let hashes = |text: &str| read(text).map(|c| c.unwrap().author_hashes);
        let two = "f124cf6b2f01, 7831fe17a8cd";
        let text = String::from(r#"{"endpoint":"/c","authorHashes":""#) + two + "\"}";
        assert_eq!(hashes(&text), Ok(Some(two.to_string())));
        assert_eq!(hashes(r#"{"endpoint":"/c"}"#), Ok(None));
        for wrong in [r#"7"#, r#"["a"]"#, r#"{"a":"b"}"#, r#"true"#] {
            let text = String::from(r#"{"endpoint":"/c","authorHashes":"#) + wrong + "}";
            assert!(hashes(&text).unwrap_err().contains("authorHashes must be a string"), "{text}");
        }
    }

    #[test]
    fn callbacks_need_no_endpoint_others_do() {
        assert_eq!(read(r#"{"backend":"callbacks"}"#).unwrap().unwrap().endpoint, None);
        assert!(read(r#"{}"#).unwrap_err().contains("endpoint"));
    }

    #[test]
    fn hostile_or_wrong_values_are_errors() {
        assert!(read(r#"{"endpoint":"javascript:alert(1)"}"#).unwrap_err().contains("refused"));
        assert!(read(r#"{"endpoint":"/c","backend":"disqus"}"#).is_err());
        assert!(read(r#"{"endpoint":"/c","load":"soon"}"#).is_err());
        assert!(read(r#"{"endpoint":"/c","count":-1}"#).is_err());
        assert!(read(r#"{"endpoint":"/c","requireName":"yes"}"#).is_err());
        assert!(read("5").is_err());
    }

    #[test]
    fn to_json_reads_back_the_same() {
        for text in [
            r#"{"backend":"json","endpoint":"https://c.example/api/","thread":"t \"1\"\n","load":"eager","count":7,"sort":"top","pageSize":50,"maxLength":500,"requireName":true}"#,
            r#"{"backend":"callbacks","requireEmail":true,"sort":"newest"}"#,
            r#"{"endpoint":"/c","maxLength":1,"staticMaxAge":0}"#,
            r#"{"endpoint":"/c","authorHashes":"f124cf6b2f01, 7831fe17a8cd"}"#,
        ] {
            let c = read(text).unwrap().unwrap();
            assert_eq!(read(&c.to_json()), Ok(Some(c.clone())), "{}", c.to_json());
        }
    }

    #[test]
    fn default_thread_is_the_path() {
        assert_eq!(default_thread("https://a.example"), "/");
        assert_eq!(default_thread("https://a.example/x/?q#f"), "/x/");
    }
}
