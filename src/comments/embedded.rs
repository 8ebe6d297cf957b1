//! A thread's first page written into static HTML by `folio-render`, and what the comment
//! section needs to adopt it instead of asking the server again.
//!
//! `folio-render --comments FILE` (or `--fetch-comments`) fills the comment placeholder
//! with what the section would show for that page (heading with the count, the form, the
//! sort control, the list, "Load more") and appends the answer it rendered, as
//!
//! ```html
//! <script type="application/json" data-folio-page="isso" data-folio-thread="/2026/12/today"
//!         data-folio-sort="oldest" data-folio-fetched="2026-12-04T15:20:00Z"
//!         data-folio-fingerprint="3f0c9a1b2d4e5f60">{"total_replies": 3, ...}</script>
//! ```
//!
//! - `data-folio-page`: the answer's format, `isso` (Isso's list answer) or `json` (the
//!   JSON contract's); read by the same parser as a fetched answer ([`parse`]).
//! - `data-folio-thread`, `data-folio-sort`: what the page is of; a section on another
//!   thread or in another sort order does not use it.
//! - `data-folio-fetched`: when the answer was fetched (ISO 8601, UTC).
//! - `data-folio-fingerprint`: the [`fingerprint`] of the list region's markup, so the
//!   section keeps the nodes when it would draw the same.
//! - The JSON has every `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`: nothing
//!   in it can end the script element or be read as a character reference.
//!
//! **Freshness**: the section uses the page when it is at most `staticMaxAge` seconds old
//! (the `comments` option, default [`DEFAULT_MAX_AGE`]; `0` never uses it) by the
//! reader's clock, allowing a fetch time up to [`CLOCK_SKEW`] seconds in the future
//! ([`is_fresh`]). A stale page stays on screen until the list the section requests as
//! usual replaces it.
//!
//! Pure: the section reads the attributes and the text at the edge and hands them to
//! [`read`]; `folio-render` writes them with [`fill_section`].

use super::model::{strip_likes, Page, Sort};
use super::request::HttpResponse;
use super::text::CommentsText;
use super::{contract, isso, sanitize, view, CommentsError};
use crate::view::Node;

/// Selects the embedded page inside the comment section.
pub const SELECTOR: &str = "script[data-folio-page]";

/// How old (seconds) an embedded page may be for the section to use it, unless the
/// `staticMaxAge` option says otherwise: ten minutes.
pub const DEFAULT_MAX_AGE: u32 = 600;

/// How far in the future (seconds) a fetch time may be and still count as fresh: the
/// reader's clock and the build machine's differ a little.
pub const CLOCK_SKEW: f64 = 300.0;

/// The format of an embedded answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Isso's list answer (`GET /?uri=`), with its rendered HTML bodies.
    Isso,
    /// The JSON contract's list answer.
    Json,
    /// Waline's list answer (`GET /api/comment?path=`).
    #[cfg(waline)]
    Waline,
}

impl Format {
    /// Reads `isso` or `json`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "isso" => Some(Format::Isso),
            "json" => Some(Format::Json),
            #[cfg(waline)]
            "waline" => Some(Format::Waline),
            _ => None,
        }
    }

    /// The name written in `data-folio-page`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Isso => "isso",
            Format::Json => "json",
            #[cfg(waline)]
            Format::Waline => "waline",
        }
    }
}

/// Is a page fetched at `fetched` (Unix seconds) fresh at `now` for `max_age` seconds?
///
/// ```
/// use folio::comments::embedded::is_fresh;
/// assert!(is_fresh(1000.0, 1500.0, 600));
/// assert!(!is_fresh(1000.0, 1601.0, 600));
/// assert!(!is_fresh(1000.0, 1000.0, 0), "0 never uses the page");
/// ```
pub fn is_fresh(fetched: f64, now: f64, max_age: u32) -> bool {
    let age = now - fetched;
    max_age > 0 && age >= -CLOCK_SKEW && age <= f64::from(max_age)
}

/// Reads an embedded answer with the backend's own list parser (Isso's HTML bodies, not
/// its `plain=1` Markdown), asked for in order `sort`. `likes`: keep like counts (the
/// server has a like endpoint).
#[cfg_attr(not(waline), allow(unused_variables))] // only Waline's pages need the sort
pub fn parse(format: Format, body: &str, sort: Sort, likes: bool) -> Result<Page, CommentsError> {
    let response = HttpResponse::new(200, body);
    let mut page = match format {
        Format::Isso => isso::parse_list(&response, 0)?,
        Format::Json => contract::parse_list(&response)?,
        #[cfg(waline)]
        Format::Waline => super::waline::parse_list(&response, sort, 1)?,
    };
    if !likes {
        strip_likes(&mut page.comments);
    }
    Ok(page)
}

/// The embedded page's attributes and text, as the edge found them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Embedded<'a> {
    /// `data-folio-page`.
    pub format: &'a str,
    /// `data-folio-thread`.
    pub thread: &'a str,
    /// `data-folio-sort`.
    pub sort: &'a str,
    /// `data-folio-fetched`.
    pub fetched: &'a str,
    /// The script's text.
    pub body: &'a str,
}

/// Why an embedded page is not used.
#[derive(Debug, PartialEq)]
pub enum Unusable {
    /// Another thread or sort order than the section shows.
    Elsewhere,
    /// Older than the maximum age (or without a readable fetch time).
    Stale,
    /// An unknown format or an answer its parser refuses.
    Unreadable,
}

/// The page the section can use instead of its first request: `e` when it is of `thread`
/// in `sort`, fresh at `now` (see [`is_fresh`]) and readable.
pub fn read(e: &Embedded, thread: &str, sort: Sort, now: f64, max_age: u32, likes: bool) -> Result<Page, Unusable> {
    if e.thread != thread || e.sort != sort.as_str() {
        return Err(Unusable::Elsewhere);
    }
    let fetched = crate::date::DateTime::parse(e.fetched).map_err(|_| Unusable::Stale)?.unix_seconds();
    if !is_fresh(fetched, now, max_age) {
        return Err(Unusable::Stale);
    }
    let format = Format::parse(e.format).ok_or(Unusable::Unreadable)?;
    parse(format, e.body, sort, likes).map_err(|_| Unusable::Unreadable)
}

/// The fingerprint of the list region's markup for `page` (what the section's
/// `render_list` draws), with the comment times' words left out: they depend on the
/// moment, and the section rewrites them in place. `authors`: the page author's hashes;
/// `feed`: the thread's feed link, when the server publishes one.
pub fn fingerprint(page: &Page, sort: Sort, t: &CommentsText, authors: &str, feed: Option<&str>) -> String {
    // With no clock every time reads "just now": the markup then depends on the page alone.
    crate::view::fingerprint(&view::list(page, f64::NAN, sort, t, &sanitize::comment_body, authors, feed))
}

pub use self::render::{fill_section, script_text, Filling};

/// Writing the page into the placeholder: `folio-render`'s part (the comments module
/// never calls it, so it is not linked into its wasm).
mod render {
    use super::*;
    use crate::article::ArticleText;
    use crate::comments::form::{static_form, FormRules};
    use crate::comments::CommentsText;
    use crate::date::{format_date, DateTime};
    use crate::view::{el, Element};

    /// JSON text made safe as the content of a `<script>` element: `<`, `>` and `&`
    /// (which JSON allows only inside strings) as `\u` escapes, so the HTML writer has
    /// nothing to escape and `</script>` cannot occur.
    ///
    /// ```
    /// use folio::comments::embedded::script_text;
    /// assert_eq!(script_text(r#" {"html": "</script>&amp;"} "#), r#"{"html": "\u003c/script\u003e\u0026amp;"}"#);
    /// ```
    pub fn script_text(json: &str) -> String {
        let mut out = String::with_capacity(json.len());
        for c in json.trim().chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                c => out.push(c),
            }
        }
        out
    }

    /// What `folio-render` writes into the comment section.
    pub struct Filling<'a> {
        /// The page, as [`parse`] read it.
        pub page: &'a Page,
        /// The answer's format and text.
        pub format: Format,
        /// The answer's JSON text.
        pub body: &'a str,
        /// The thread and sort order it is of.
        pub thread: &'a str,
        /// The sort order it is in.
        pub sort: Sort,
        /// When it was fetched (Unix seconds).
        pub fetched: f64,
        /// The form's rules, from the configuration.
        pub rules: FormRules,
        /// The page author's hashes, from the configuration.
        pub authors: &'a str,
        /// The thread's feed link, when the server's settings in the page publish one
        /// ([`Backend::feed_url`](crate::comments::Backend::feed_url)).
        pub feed: Option<&'a str>,
    }

    /// Fills the comment placeholder `section` (as `compose` made it) with `f.page`: the
    /// count in the heading, the empty form (`inert` until the section takes it over: it
    /// cannot post without JavaScript; with the configuration's rules and those of the
    /// server's settings in the page, as the section will draw it), the list with its times as dates in the locale's
    /// words (`dates`: the date format and months of the article's table), and the page
    /// itself for the section to adopt.
    pub fn fill_section(section: &mut Element, f: &Filling, t: &CommentsText, dates: &ArticleText) {
        let rules = f.page.settings.map_or(f.rules, |s| f.rules.with(&s));
        let mut list = view::list(f.page, f64::NAN, f.sort, t, &sanitize::comment_body, f.authors, f.feed);
        for node in &mut list {
            date_times(node, dates);
        }
        for child in &mut section.children {
            let Node::Element(e) = child else { continue };
            match (e.tag, e.get_attr("data-folio-region")) {
                ("h2", _) => e.children = vec![Node::Text(view::heading_text(Some(f.page.total), &t.section))],
                (_, Some("comment-form")) => e.children = vec![static_form(rules, t).into()],
                (_, Some("comments-list")) => {
                    let class = e.get_attr("class").unwrap_or_default();
                    let class: Vec<&str> =
                        class.split_ascii_whitespace().filter(|c| *c != "folio-comments-loading").collect();
                    e.set_attr("class", class.join(" "));
                    e.set_attr("aria-busy", "false");
                    e.children = std::mem::take(&mut list);
                }
                _ => {}
            }
        }
        section.push(
            el("script")
                .attr("type", "application/json")
                .attr("data-folio-page", f.format.as_str())
                .attr("data-folio-thread", f.thread)
                .attr("data-folio-sort", f.sort.as_str())
                .attr("data-folio-fetched", crate::comments::time::iso8601(f.fetched))
                .attr("data-folio-fingerprint", fingerprint(f.page, f.sort, t, f.authors, f.feed))
                .text(script_text(f.body)),
        );
    }

    /// Comment times as the date in the locale's words ("4 December 2026"): words like
    /// "3 hours ago" would be wrong a day later in a static page. The section makes them
    /// relative again when it takes the page over.
    fn date_times(node: &mut Node, dates: &ArticleText) {
        let Node::Element(e) = node else { return };
        if e.tag == "time" && e.get_attr("class") == Some("folio-comment-time") {
            if let Some(dt) = e.get_attr("datetime").and_then(|d| DateTime::parse(d).ok()) {
                e.children = vec![Node::Text(format_date(&dt, dates.date, dates.months))];
            }
            return;
        }
        for child in &mut e.children {
            date_times(child, dates);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::text::EN;
    use crate::view::html::to_html;
    use crate::view::Element;
    use crate::view::Node;

    const NOW: f64 = 1_796_130_000.0; // 2026-12-01T13:00:00Z
    const CONTRACT: &str = r#"{"total": 2, "next": "p2", "comments": [
        {"id": "c1", "author": "Ada", "created": "2026-12-01T10:00:00Z", "likes": 3,
         "html": "<p>Hi <img src=x onerror=alert(1)></p>",
         "replies": [{"id": "c2", "parent": "c1", "created": "2026-11-30T09:00:00Z", "html": "<p>Re</p>"}]}]}"#;
    const ISSO: &str = r#"{"id": null, "total_replies": 1, "hidden_replies": 0, "replies": [
        {"id": 7, "parent": null, "created": 1796130000.5, "mode": 1, "text": "<p>Isso</p>", "author": null, "likes": 2}]}"#;

    fn embedded<'a>(body: &'a str, fetched: &'a str) -> Embedded<'a> {
        Embedded { format: "json", thread: "/t", sort: "oldest", fetched, body }
    }

    #[test]
    fn freshness_rule() {
        assert!(is_fresh(NOW, NOW, DEFAULT_MAX_AGE));
        assert!(is_fresh(NOW, NOW + 600.0, 600));
        assert!(!is_fresh(NOW, NOW + 600.5, 600));
        assert!(is_fresh(NOW + 300.0, NOW, 600), "a build clock a little ahead");
        assert!(!is_fresh(NOW + 301.0, NOW, 600));
        assert!(!is_fresh(NOW, NOW, 0));
        assert!(!is_fresh(f64::NAN, NOW, 600));
    }

    #[test]
    fn reads_a_fresh_page_of_this_thread_and_sort() {
        let e = embedded(CONTRACT, "2026-12-01T12:55:00Z");
        let page = read(&e, "/t", Sort::Oldest, NOW, 600, false).unwrap();
        assert_eq!((page.total, page.comments.len(), page.comments[0].replies.len()), (2, 1, 1));
        assert_eq!(page.next.as_ref().map(|c| c.to_param()).as_deref(), Some("p2"));
        assert_eq!(page.comments[0].likes, None, "likes only where the backend has them");
        assert_eq!(read(&e, "/t", Sort::Oldest, NOW, 600, true).unwrap().comments[0].likes, Some(3));
        assert_eq!(read(&e, "/other", Sort::Oldest, NOW, 600, false).unwrap_err(), Unusable::Elsewhere);
        assert_eq!(read(&e, "/t", Sort::Newest, NOW, 600, false).unwrap_err(), Unusable::Elsewhere);
        assert_eq!(read(&e, "/t", Sort::Oldest, NOW + 3600.0, 600, false).unwrap_err(), Unusable::Stale);
        assert_eq!(
            read(&embedded(CONTRACT, "soon"), "/t", Sort::Oldest, NOW, 600, false).unwrap_err(),
            Unusable::Stale
        );
        let broken = embedded("{\"total\": ", "2026-12-01T12:55:00Z");
        assert_eq!(read(&broken, "/t", Sort::Oldest, NOW, 600, false).unwrap_err(), Unusable::Unreadable);
        let unknown = Embedded { format: "disqus", ..e };
        assert_eq!(read(&unknown, "/t", Sort::Oldest, NOW, 600, false).unwrap_err(), Unusable::Unreadable);
        let isso = Embedded { format: "isso", body: ISSO, ..e };
        let page = read(&isso, "/t", Sort::Oldest, NOW, 600, true).unwrap();
        assert_eq!((page.comments[0].id.as_str(), page.comments[0].likes), ("7", Some(2)));
    }

    #[test]
    fn escaped_script_text_reads_back_the_same() {
        let text = script_text(CONTRACT);
        assert!(!text.contains(['<', '>', '&']));
        assert_eq!(parse(Format::Json, &text, Sort::Oldest, true), parse(Format::Json, CONTRACT, Sort::Oldest, true));
    }

    fn placeholder() -> Element {
        view::placeholder(None, &EN.section)
    }

    /// The placeholder as folio-render fills it with `page`, a contract answer `body` of
    /// the thread `/t` fetched at `NOW` (with the thread's `feed` link, if any).
    fn filled_with(page: &Page, body: &str, feed: Option<&str>) -> Element {
        let mut section = placeholder();
        let filling = Filling {
            page,
            format: Format::Json,
            body,
            thread: "/t",
            sort: Sort::Oldest,
            fetched: NOW,
            rules: Default::default(),
            authors: "",
            feed,
        };
        fill_section(&mut section, &filling, &crate::comments::text::EN, &crate::article::ArticleText::EN);
        section
    }

    /// [`filled_with`] with no feed link.
    fn filled(page: &Page, body: &str) -> Element {
        filled_with(page, body, None)
    }

    #[test]
    fn the_static_list_links_to_the_feed_the_server_publishes() {
        let body = r#"{"total": 1, "comments": [{"id": "1", "html": "<p>Hi</p>", "created": "2026-03-01T09:30:00Z"}], "settings": {"feed": true}}"#;
        let page = parse(Format::Json, body, Sort::Oldest, false).unwrap();
        let feed = Some("https://c.example/feed?thread=%2Ft");
        let html = to_html(&filled_with(&page, body, feed).into());
        assert!(html.contains(r#"<a class="folio-feed" href="https://c.example/feed?thread=%2Ft">"#), "{html}");
        // The section's own drawing has the link too, so the markup is adopted as it is.
        assert!(html.contains(&fingerprint(&page, Sort::Oldest, &EN, "", feed)));
        assert_ne!(fingerprint(&page, Sort::Oldest, &EN, "", feed), fingerprint(&page, Sort::Oldest, &EN, "", None));
    }

    #[test]
    fn the_static_form_follows_the_servers_settings_in_the_page() {
        let with = r#"{"total": 0, "comments": [], "settings": {"requireEmail": true, "replyNotifications": true}}"#;
        for (body, follows) in [(with, true), (r#"{"total": 0, "comments": []}"#, false)] {
            let page = parse(Format::Json, body, Sort::Oldest, false).unwrap();
            let html = to_html(&filled(&page, body).into());
            assert_eq!(html.contains(r#"name="notify" disabled="""#), follows, "{html}");
            assert_eq!(
                html.contains(r#"autocomplete="email" maxlength="254" value="" required="""#),
                follows,
                "{html}"
            );
        }
    }

    #[test]
    fn filled_section_is_what_the_section_draws_and_carries_the_page() {
        let page = parse(Format::Json, CONTRACT, Sort::Oldest, false).unwrap();
        let section = filled(&page, CONTRACT);
        let html = to_html(&section.clone().into());
        assert!(html.contains("<h2 id=\"folio-comments-heading\">Comments (2)</h2>"));
        assert!(html.contains("data-folio-form=\"folio-comment-form\""), "the form holds its place");
        assert!(html.contains(" inert=\"\""));
        assert!(html.contains("class=\"folio-comments-region\" data-folio-region=\"comments-list\" aria-live=\"polite\" aria-busy=\"false\""));
        assert!(!html.contains("Loading comments"));
        assert!(html.contains(">December 1, 2026</time>") && html.contains(">November 30, 2026</time>"), "{html}");
        assert!(html.contains("data-folio-action=\"load-more\" data-folio-cursor=\"p2\""));
        let (markup, data) = html.split_once("<script").unwrap();
        assert!(!markup.contains("<img") && !markup.contains("onerror"), "bodies are sanitized");
        assert!(
            !data.contains("<img") && data.ends_with("</script></section>"),
            "the data cannot end its element early"
        );
        assert!(html.contains("data-folio-fetched=\"2026-12-01T13:00:00Z\""));
        // The page reads back from the markup, and its fingerprint matches the section's.
        let whole = Node::from(section);
        let script = whole.find(&|e| e.tag == "script").unwrap();
        let body = Node::from(script.clone()).text_content();
        let e = Embedded {
            format: script.get_attr("data-folio-page").unwrap(),
            thread: script.get_attr("data-folio-thread").unwrap(),
            sort: script.get_attr("data-folio-sort").unwrap(),
            fetched: script.get_attr("data-folio-fetched").unwrap(),
            body: &body,
        };
        let again = read(&e, "/t", Sort::Oldest, NOW + 60.0, 600, false).unwrap();
        assert_eq!(again, page);
        assert_eq!(
            script.get_attr("data-folio-fingerprint"),
            Some(fingerprint(&again, Sort::Oldest, &EN, "", None).as_str())
        );
        assert_ne!(fingerprint(&again, Sort::Newest, &EN, "", None), fingerprint(&again, Sort::Oldest, &EN, "", None));
        // The page author's marks are in the markup: a section told of other hashes draws
        // it anew.
        let mut marked = again.clone();
        marked.comments[0].hash = Some("f124cf6b2f01".into());
        assert_ne!(
            fingerprint(&marked, Sort::Oldest, &EN, "f124cf6b2f01", None),
            fingerprint(&marked, Sort::Oldest, &EN, "", None)
        );
    }

    #[test]
    fn fingerprint_ignores_the_time_words_only() {
        let page = parse(Format::Json, CONTRACT, Sort::Oldest, false).unwrap();
        let mut later = page.clone();
        later.comments[0].created += 1.0;
        assert_ne!(
            fingerprint(&page, Sort::Oldest, &EN, "", None),
            fingerprint(&later, Sort::Oldest, &EN, "", None),
            "datetime is in the markup"
        );
        let list = view::list(&page, NOW, Sort::Oldest, &EN, &sanitize::comment_body, "", None);
        let neutral = view::list(&page, f64::NAN, Sort::Oldest, &EN, &sanitize::comment_body, "", None);
        let words = |nodes: &[Node]| nodes.iter().map(to_html).collect::<String>();
        assert_ne!(words(&list), words(&neutral));
    }
}
