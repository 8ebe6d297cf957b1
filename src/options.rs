//! Mount options, read from the JSON form of the object the host passes to `mount`.
//! Pure: the wasm boundary turns the JS object into JSON text first.

use crate::article::DEFAULT_WORDS_PER_MINUTE;
use crate::comments::config::CommentsConfig;
use crate::error::Error;
use crate::json::Value;
use crate::share::ShareOptions;
use crate::view::url;

/// Where the article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleSource {
    /// Given inline as an object.
    Value(Value),
    /// Given as JSON text.
    Text(String),
    /// To be fetched from this URL (http(s) or relative to the page).
    Url(String),
}

/// Everything `mount` was told.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The article.
    pub article: ArticleSource,
    /// Reading speed for "N min read"; 0 hides it.
    pub words_per_minute: u32,
    /// The share bar, or `None` when `share: false`.
    pub share: Option<ShareOptions>,
    /// The language of Folio's own words (BCP 47), when the host sets it; else the
    /// article's, else the page's.
    pub lang: Option<String>,
    /// The comment section, or `None` for none.
    pub comments: Option<CommentsConfig>,
    /// Options that were wrong but not fatal (each replaced by its default).
    pub warnings: Vec<String>,
}

impl Options {
    /// Reads options. Keys: `article` (object, JSON text, or a URL string), `src` (a URL),
    /// `wordsPerMinute` (positive number, or 0 to hide the reading time), `share` (`false`
    /// for no share bar, else share options: see [`ShareOptions::from_json`]), `comments`
    /// (see [`CommentsConfig::from_json`]), `lang` (a BCP 47 tag for Folio's own words).
    ///
    /// ```
    /// use folio::{json, options::{Options, ArticleSource}};
    /// let o = Options::from_json(json::parse(r#"{"src": "articles/a.json"}"#).unwrap()).unwrap();
    /// assert_eq!(o.article, ArticleSource::Url("articles/a.json".into()));
    /// ```
    /// The options are taken by value: an inline article moves into [`ArticleSource::Value`]
    /// instead of being copied.
    pub fn from_json(mut v: Value) -> Result<Options, Error> {
        if !matches!(v, Value::Object(_)) {
            return Err(Error::Options(
                String::from("mount(element, options) needs an options object, not ") + v.kind() + ".",
            ));
        }
        // `None`: an inline object, taken out of `v` once everything else is read.
        let article = match (v.get("article"), v.get("src")) {
            (Some(Value::Object(_)), _) => None,
            (Some(Value::String(s)), _) if s.trim_start().starts_with(['{', '[']) => {
                Some(ArticleSource::Text(s.clone()))
            }
            (Some(Value::String(s)), _) => Some(fetch_url(s)?),
            (None | Some(Value::Null), Some(Value::String(s))) => Some(fetch_url(s)?),
            (None | Some(Value::Null), _) => {
                return Err(Error::Options(
                    "options.article (an object or JSON text) or options.src (a URL) is required.".into(),
                ))
            }
            (Some(other), _) => {
                return Err(Error::Options(
                    String::from("options.article must be an object, JSON text or a URL, not ") + other.kind() + ".",
                ))
            }
        };
        let words_per_minute = match v.get("wordsPerMinute") {
            None | Some(Value::Null) => DEFAULT_WORDS_PER_MINUTE,
            Some(Value::Number(n)) if *n >= 0.0 && *n <= 100_000.0 => *n as u32,
            Some(_) => {
                return Err(Error::Options("options.wordsPerMinute must be a number from 0 (hide) to 100000.".into()))
            }
        };
        let (share, warnings) = match v.get("share") {
            Some(Value::Bool(false)) => (None, Vec::new()),
            Some(share) => {
                let (opts, warnings) = ShareOptions::from_json(share);
                (Some(opts), warnings)
            }
            None => (Some(ShareOptions::default()), Vec::new()),
        };
        let comments = CommentsConfig::from_json(v.get("comments").unwrap_or(&Value::Null)).map_err(Error::Options)?;
        let lang = match v.get("lang") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s))
                if s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                Some(s.clone())
            }
            Some(_) => {
                return Err(Error::Options("options.lang must be a language tag such as \"de\" or \"pt-BR\".".into()))
            }
        };
        let article = article.unwrap_or_else(|| ArticleSource::Value(v.take("article")));
        Ok(Options { article, words_per_minute, share, lang, comments, warnings })
    }
}

fn fetch_url(s: &str) -> Result<ArticleSource, Error> {
    match url::safe_url(s) {
        Some(u) if !u.is_empty() && !u.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) => {
            Ok(ArticleSource::Url(u))
        }
        _ => Err(Error::Options(String::from("options.src must be an http(s) or relative URL; refused: ") + s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(s: &str) -> Result<Options, Error> {
        Options::from_json(parse(s).unwrap())
    }

    #[test]
    fn article_as_object_text_or_url() {
        assert_eq!(
            read(r#"{"article": {"title": "x"}, "wordsPerMinute": 200}"#).unwrap().article,
            ArticleSource::Value(parse(r#"{"title": "x"}"#).unwrap())
        );
        assert_eq!(read(r#"{"article": " {\"a\":1}"}"#).unwrap().article, ArticleSource::Text(" {\"a\":1}".into()));
        assert_eq!(
            read(r#"{"article": "https://a.example/x.json"}"#).unwrap().article,
            ArticleSource::Url("https://a.example/x.json".into())
        );
        assert_eq!(read(r#"{"src": "/x.json", "wordsPerMinute": 200}"#).unwrap().words_per_minute, 200);
    }

    #[test]
    fn share_bar_on_by_default_off_with_false() {
        assert!(read(r#"{"src": "/a"}"#).unwrap().share.is_some());
        assert!(read(r#"{"src": "/a", "share": false}"#).unwrap().share.is_none());
        let o = read(r#"{"src": "/a", "share": {"networks": ["x", "google+"]}}"#).unwrap();
        assert_eq!(o.share.unwrap().networks.len(), 1);
        assert_eq!(o.warnings.len(), 1);
        assert!(o.warnings[0].contains("2019-04-02"), "{:?}", o.warnings);
    }

    #[test]
    fn bad_options_are_clear_errors() {
        assert_eq!(read("[]").unwrap_err().code(), "folio/options");
        assert_eq!(read("{}").unwrap_err().code(), "folio/options");
        assert_eq!(
            read(r#"{"article": 5}"#).unwrap_err().to_string(),
            "Folio is not set up correctly: options.article must be an object, JSON text or a URL, not a number."
        );
        assert_eq!(read(r#"{"src": "javascript:alert(1)"}"#).unwrap_err().code(), "folio/options");
        assert_eq!(read(r#"{"src": "mailto:a@b"}"#).unwrap_err().code(), "folio/options");
        assert_eq!(read(r#"{"src": "/a", "wordsPerMinute": -1}"#).unwrap_err().code(), "folio/options");
        assert_eq!(read(r#"{"src": "/a", "lang": "<x>"}"#).unwrap_err().code(), "folio/options");
        assert_eq!(read(r#"{"src": "/a", "lang": "pt-BR"}"#).unwrap().lang.as_deref(), Some("pt-BR"));
    }
}
