//! The share-link templates: one URL per network, built from the shared URL, the title
//! and the options, every parameter percent-encoded by [`encode`](super::encode).
//!
//! The canonical URL is used as given (the widget validates it); the finished link still
//! passes `view::url::safe_url` when the bar sets it as an `href`.

use super::encode::{append_query, encode_into};
use super::grapheme;
use super::{Network, ShareOptions, ShareTarget};

/// Bluesky's post limit, in grapheme clusters.
pub const BLUESKY_LIMIT: usize = 300;

/// The URL that is shared: the article's URL with the configured UTM parameters added
/// (see [`append_query`]), or the URL unchanged when there are none.
pub fn shared_url(url: &str, options: &ShareOptions) -> String {
    match &options.utm {
        Some(utm) => append_query(url, &utm.params()),
        None => url.to_string(),
    }
}

/// The share link for `network`, or `None` for the copy and native-share buttons.
///
/// ```
/// use folio::share::{share_url, Network, ShareOptions, ShareTarget};
/// let t = ShareTarget { url: "https://news.example/a?id=1", title: "Q&A", summary: None };
/// assert_eq!(
///     share_url(Network::Reddit, &t, &ShareOptions::default()).as_deref(),
///     Some("https://www.reddit.com/submit?url=https%3A%2F%2Fnews.example%2Fa%3Fid%3D1&title=Q%26A")
/// );
/// assert_eq!(share_url(Network::Copy, &t, &ShareOptions::default()), None);
/// ```
pub fn share_url(network: Network, target: &ShareTarget, options: &ShareOptions) -> Option<String> {
    link(network, &shared_url(target.url, options), target, options)
}

/// [`share_url`] with the shared URL already computed (the bar computes it once).
pub(crate) fn link(network: Network, url: &str, target: &ShareTarget, options: &ShareOptions) -> Option<String> {
    let title = target.title.trim();
    let mut q;
    match network {
        Network::X => {
            q = Query::new("https://x.com/intent/tweet");
            q.param("text", title);
            q.param("url", url);
            if let Some(via) = &options.via {
                q.param("via", via);
            }
            if !options.hashtags.is_empty() {
                q.param("hashtags", &options.hashtags.join(","));
            }
        }
        Network::Facebook => {
            q = Query::new("https://www.facebook.com/sharer/sharer.php");
            q.param("u", url);
        }
        Network::LinkedIn => {
            q = Query::new("https://www.linkedin.com/sharing/share-offsite/");
            q.param("url", url);
        }
        Network::Bluesky => {
            q = Query::new("https://bsky.app/intent/compose");
            q.param("text", &fit_post(title, url, BLUESKY_LIMIT));
        }
        Network::Mastodon => {
            q = match &options.mastodon_instance {
                Some(host) => {
                    let mut base = String::from("https://");
                    base.push_str(host);
                    base.push_str("/share");
                    Query::new(&base)
                }
                None => Query::new("https://share.joinmastodon.org/"),
            };
            q.param("text", &join(title, url));
        }
        Network::Threads => {
            q = Query::new("https://www.threads.com/intent/post");
            q.param("text", title);
            q.param("url", url);
        }
        Network::Reddit => {
            q = Query::new("https://www.reddit.com/submit");
            q.param("url", url);
            q.param("title", title);
        }
        Network::HackerNews => {
            q = Query::new("https://news.ycombinator.com/submitlink");
            q.param("u", url);
            q.param("t", title);
        }
        Network::Telegram => {
            q = Query::new("https://t.me/share/url");
            q.param("url", url);
            q.param("text", title);
        }
        Network::WhatsApp => {
            q = Query::new("https://api.whatsapp.com/send");
            q.param("text", &join(title, url));
        }
        Network::Email => {
            q = Query::new("mailto:");
            q.param("subject", title);
            let mut body = String::new();
            if let Some(summary) = target.summary.map(str::trim).filter(|s| !s.is_empty()) {
                body.push_str(summary);
                body.push_str("\r\n\r\n");
            }
            body.push_str(url);
            q.param("body", &body);
        }
        Network::Copy | Network::Native => return None,
    }
    Some(q.out)
}

/// `title url`, or just the URL when there is no title.
fn join(title: &str, url: &str) -> String {
    let mut s = String::with_capacity(title.len() + 1 + url.len());
    if !title.is_empty() {
        s.push_str(title);
        s.push(' ');
    }
    s.push_str(url);
    s
}

/// `title url` in at most `limit` grapheme clusters, never cutting the URL: when too long,
/// the title is shortened (at a word break when one is near) and ends with "…". When the
/// URL alone does not fit, the post is the URL alone.
///
/// ```
/// use folio::share::links::fit_post;
/// assert_eq!(fit_post("A rather long title", "https://a.example/", 30), "A rather… https://a.example/");
/// assert_eq!(fit_post("Short", "https://a.example/", 30), "Short https://a.example/");
/// ```
pub fn fit_post(title: &str, url: &str, limit: usize) -> String {
    let url_len = grapheme::count(url);
    let title_len = grapheme::count(title);
    if title.is_empty() || title_len + 1 + url_len <= limit {
        return join(title, url);
    }
    // Room for the title once " " and "…" are counted.
    let room = limit.saturating_sub(url_len + 2);
    let mut short = grapheme::prefix(title, room);
    // Cut at the last space when the cut fell inside a word and the space is not far back.
    let cut_inside_word = !title[short.len()..].starts_with(char::is_whitespace);
    if cut_inside_word {
        if let Some(space) = short.rfind(char::is_whitespace) {
            if grapheme::count(&short[space..]) <= 20 {
                short = &short[..space];
            }
        }
    }
    let short = short.trim_end();
    if short.is_empty() {
        return url.to_string();
    }
    let mut s = String::with_capacity(short.len() + 4 + url.len());
    s.push_str(short);
    s.push('…');
    s.push(' ');
    s.push_str(url);
    s
}

/// A URL under construction: the base, then `?name=value&name=value`.
struct Query {
    out: String,
    first: bool,
}

impl Query {
    fn new(base: &str) -> Query {
        let mut out = String::with_capacity(base.len() + 160);
        out.push_str(base);
        Query { out, first: true }
    }

    fn param(&mut self, name: &str, value: &str) {
        self.out.push(if self.first { '?' } else { '&' });
        self.first = false;
        self.out.push_str(name);
        self.out.push('=');
        encode_into(&mut self.out, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::Utm;

    /// A title with every troublesome kind of character, and a URL with query and fragment.
    const TITLE: &str = "Q&A #1: \"Rust?\" 'yes' 🦀 שלום مرحبا";
    const URL: &str = "https://news.example/a/b?id=7&lang=he#comments";
    const T: &str = "Q%26A%20%231%3A%20%22Rust%3F%22%20%27yes%27%20%F0%9F%A6%80%20%D7%A9%D7%9C%D7%95%D7%9D%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7";
    const U: &str = "https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%23comments";

    fn target() -> ShareTarget<'static> {
        ShareTarget { url: URL, title: TITLE, summary: Some("Fish & chips\nfor all") }
    }

    fn url_for(network: Network, options: &ShareOptions) -> String {
        share_url(network, &target(), options).expect("network links have a URL")
    }

    fn plain(network: Network) -> String {
        url_for(network, &ShareOptions::default())
    }

    /// `prefix` + title + `middle` + URL + `suffix`, to keep the long expectations readable.
    fn expect(prefix: &str, first: &str, middle: &str, second: &str, suffix: &str) -> String {
        [prefix, first, middle, second, suffix].concat()
    }

    #[test]
    fn the_encoded_fixtures_are_what_the_encoder_makes() {
        assert_eq!(crate::share::encode::encode(TITLE), T);
        assert_eq!(crate::share::encode::encode(URL), U);
    }

    #[test]
    fn x_twitter() {
        assert_eq!(
            plain(Network::X),
            "https://x.com/intent/tweet?text=Q%26A%20%231%3A%20%22Rust%3F%22%20%27yes%27%20%F0%9F%A6%80%20%D7%A9%D7%9C%D7%95%D7%9D%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&url=https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%23comments"
        );
        let options = ShareOptions {
            via: Some("folio_news".into()),
            hashtags: vec!["rust".into(), "wasm".into()],
            ..ShareOptions::default()
        };
        assert_eq!(
            url_for(Network::X, &options),
            expect("https://x.com/intent/tweet?text=", T, "&url=", U, "&via=folio_news&hashtags=rust%2Cwasm")
        );
    }

    #[test]
    fn facebook_linkedin_reddit_hacker_news_threads_telegram() {
        assert_eq!(
            plain(Network::Facebook),
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%23comments"
        );
        assert_eq!(
            plain(Network::LinkedIn),
            "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%23comments"
        );
        assert_eq!(plain(Network::Reddit), expect("https://www.reddit.com/submit?url=", U, "&title=", T, ""));
        assert_eq!(plain(Network::HackerNews), expect("https://news.ycombinator.com/submitlink?u=", U, "&t=", T, ""));
        assert_eq!(plain(Network::Threads), expect("https://www.threads.com/intent/post?text=", T, "&url=", U, ""));
        assert_eq!(plain(Network::Telegram), expect("https://t.me/share/url?url=", U, "&text=", T, ""));
    }

    #[test]
    fn title_and_url_in_one_text() {
        assert_eq!(plain(Network::Bluesky), expect("https://bsky.app/intent/compose?text=", T, "%20", U, ""));
        assert_eq!(plain(Network::Mastodon), expect("https://share.joinmastodon.org/?text=", T, "%20", U, ""));
        assert_eq!(plain(Network::WhatsApp), expect("https://api.whatsapp.com/send?text=", T, "%20", U, ""));
        let options = ShareOptions { mastodon_instance: Some("fosstodon.org:8443".into()), ..ShareOptions::default() };
        assert_eq!(
            url_for(Network::Mastodon, &options),
            expect("https://fosstodon.org:8443/share?text=", T, "%20", U, "")
        );
    }

    #[test]
    fn email_subject_and_body() {
        assert_eq!(
            plain(Network::Email),
            expect("mailto:?subject=", T, "&body=Fish%20%26%20chips%0Afor%20all%0D%0A%0D%0A", U, "")
        );
        let t = ShareTarget { summary: None, ..target() };
        assert_eq!(
            share_url(Network::Email, &t, &ShareOptions::default()).as_deref(),
            Some("mailto:?subject=Q%26A%20%231%3A%20%22Rust%3F%22%20%27yes%27%20%F0%9F%A6%80%20%D7%A9%D7%9C%D7%95%D7%9D%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&body=https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%23comments")
        );
    }

    #[test]
    fn buttons_have_no_link() {
        assert_eq!(share_url(Network::Copy, &target(), &ShareOptions::default()), None);
        assert_eq!(share_url(Network::Native, &target(), &ShareOptions::default()), None);
    }

    #[test]
    fn utm_goes_into_the_shared_url() {
        let utm = Utm { source: Some("folio".into()), medium: Some("social share".into()), campaign: None };
        let options = ShareOptions { utm: Some(utm), ..ShareOptions::default() };
        assert_eq!(
            shared_url(URL, &options),
            "https://news.example/a/b?id=7&lang=he&utm_source=folio&utm_medium=social%20share#comments"
        );
        assert_eq!(
            url_for(Network::Facebook, &options),
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%2Fb%3Fid%3D7%26lang%3Dhe%26utm_source%3Dfolio%26utm_medium%3Dsocial%2520share%23comments"
        );
        assert_eq!(
            shared_url("https://news.example/a?utm_source=newsletter&x=1", &options),
            "https://news.example/a?utm_source=newsletter&x=1&utm_medium=social%20share"
        );
        assert_eq!(shared_url(URL, &ShareOptions::default()), URL);
    }

    #[test]
    fn bluesky_trims_the_title_never_the_url() {
        let title = "🦀 Ferris says: ".repeat(40); // 600 graphemes
        let long_url = "https://news.example/2024/05/a-rather-long-article-slug?id=12345&ref=front#section-2";
        let post = fit_post(title.trim(), long_url, BLUESKY_LIMIT);
        assert!(grapheme::count(&post) <= BLUESKY_LIMIT, "{}", grapheme::count(&post));
        assert!(grapheme::count(&post) >= BLUESKY_LIMIT - 20);
        let mut tail = String::from("… ");
        tail.push_str(long_url);
        assert!(post.ends_with(&tail), "{post}");
        assert!(post.starts_with("🦀 Ferris says: 🦀"));
        // The cut fell inside "Ferris" and moved back to the word break before it.
        assert!(post.ends_with(&["says: 🦀", &tail].concat()), "{post}");
        assert_eq!(grapheme::count(&post), 14 * 15 + 1 + 2 + 84);

        // Emoji sequences count as one each, so 250 family emoji plus a URL fit as they are.
        let families = "👨‍👩‍👧‍👦".repeat(250);
        assert_eq!(fit_post(&families, "https://a.example/", 300), [families.as_str(), " https://a.example/"].concat());
        // And are never cut in the middle.
        let families = "👨‍👩‍👧‍👦".repeat(400);
        let trimmed = fit_post(&families, "https://a.example/", 300);
        assert_eq!(grapheme::count(&trimmed), 300);
        assert!(trimmed.starts_with("👨‍👩‍👧‍👦") && trimmed.ends_with("👦… https://a.example/"));

        // A URL too long to share with any title is shared alone.
        let huge = ["https://a.example/?q=", &"x".repeat(400)].concat();
        assert_eq!(fit_post("Title", &huge, 300), huge);

        // Through the template: the Bluesky link carries the trimmed text.
        let t = ShareTarget { url: long_url, title: &title, summary: None };
        let link = share_url(Network::Bluesky, &t, &ShareOptions::default()).unwrap_or_default();
        assert_eq!(link, ["https://bsky.app/intent/compose?text=", &crate::share::encode::encode(&post)].concat());
        assert!(link.ends_with("%F0%9F%A6%80%E2%80%A6%20https%3A%2F%2Fnews.example%2F2024%2F05%2Fa-rather-long-article-slug%3Fid%3D12345%26ref%3Dfront%23section-2"));
    }

    #[test]
    fn bluesky_keeps_titles_that_fit() {
        let title = "x".repeat(281);
        let url = "https://a.example/"; // 18
        assert_eq!(fit_post(&title, url, 300), [title.as_str(), " ", url].concat());
        let title = "x".repeat(282);
        let post = fit_post(&title, url, 300);
        assert_eq!(post, ["x".repeat(280).as_str(), "… ", url].concat());
        assert_eq!(grapheme::count(&post), 300);
    }
}
