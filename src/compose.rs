//! What one widget shows, as a view tree: the article (with its share bars) and the
//! comment placeholder, inside the root `<div class="folio">`. Pure, so the browser widget
//! and the native static renderer (`folio-render`) produce the very same markup, and a
//! fingerprint of it tells the widget whether pre-rendered markup can be adopted as is.

use crate::article::{render_article, Article, RenderOptions};
use crate::comments::config::{default_thread, CommentsConfig};
use crate::comments::form::static_form;
use crate::comments::view as comments_view;
use crate::i18n::Lang;
use crate::options::Options;
use crate::share::{share_bar, Placement, ShareOptions, ShareTarget};
use crate::view::{el, Element, Node};

/// The attribute on the root that carries the fingerprint of pre-rendered markup.
pub const STATIC_ATTRIBUTE: &str = "data-folio-static";

/// The share bar nodes to place above and below the body, as the options say.
pub fn share_bars(article: &Article, share: Option<&ShareOptions>, lang: Lang) -> (Vec<Node>, Vec<Node>) {
    let Some(share) = share else { return (Vec::new(), Vec::new()) };
    let target = ShareTarget { url: &article.url, title: &article.title, summary: article.dek.as_deref() };
    let bar = share_bar(&target, share, lang.share());
    match share.placement {
        Placement::Top => (vec![bar.into()], Vec::new()),
        Placement::Bottom => (Vec::new(), vec![bar.into()]),
        Placement::Both => {
            // Two navigation landmarks with one name confuse landmark navigation: the
            // second bar is a labelled group instead.
            let mut second = bar.clone();
            second.tag = "div";
            second.set_attr("role", "group");
            (vec![bar.into()], vec![second.into()])
        }
    }
}

/// The widget's content: the article with its share bars, then the comment placeholder.
pub fn widget_nodes(article: &Article, options: &Options, lang: Lang) -> Vec<Node> {
    let (before_body, after_body) = share_bars(article, options.share.as_ref(), lang);
    let render = RenderOptions { words_per_minute: options.words_per_minute, before_body, after_body };
    let mut nodes: Vec<Node> = vec![render_article(article, render, lang.article()).into()];
    if let Some(config) = &options.comments {
        nodes.push(comments_placeholder(article, config, lang).into());
    }
    nodes
}

/// The comment placeholder with what the element's script needs to start the comments
/// module on a pre-rendered page without the core: the configuration as `options.comments`
/// JSON (`data-folio-config`), the thread and the title it posts with, and the words of the
/// error box it shows when the module cannot be loaded (`data-folio-failed`,
/// `data-folio-retry`).
pub fn comments_placeholder(article: &Article, config: &CommentsConfig, lang: Lang) -> Element {
    let t = lang.section();
    let thread = config.thread.clone().unwrap_or_else(|| default_thread(&article.url));
    comments_view::placeholder(config.count, t)
        .attr("data-folio-config", config.to_json())
        .attr("data-folio-thread", thread)
        .attr("data-folio-title", article.title.as_str())
        .attr("data-folio-failed", t.err_network)
        .attr("data-folio-retry", t.retry)
}

/// Puts the inert [`static_form`] into the form region of the comment placeholder among
/// `nodes` (folio-render's markup; the fingerprint is taken before, so the widget still
/// adopts it).
pub fn prefill_comment_form(nodes: &mut [Node], config: &CommentsConfig, lang: Lang) {
    let region = |e: &Element| e.get_attr("data-folio-region") == Some("comment-form");
    if let Some(region) = nodes.iter_mut().find_map(|n| n.find_mut(&region)) {
        region.children = vec![static_form(config.rules, lang.comments()).into()];
    }
}

/// The root element around the content, in the locale's language and direction.
pub fn root(nodes: Vec<Node>, lang: Lang) -> Element {
    el("div")
        .attr("class", "folio")
        .attr("part", "root")
        .attr("lang", lang.tag())
        .attr("dir", lang.dir().as_str())
        .children(nodes)
}

/// A short fingerprint of the markup `nodes` make ([`view::fingerprint`](crate::view::fingerprint)):
/// equal fingerprints mean equal markup.
pub use crate::view::fingerprint;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::view::html;

    fn setup(options: &str) -> (Article, Options) {
        let article = Article::from_json_text(
            r#"{"url":"https://n.example/a","title":"T","published":"2017-07-13","body":[{"type":"paragraph","text":"P"}]}"#,
        )
        .unwrap()
        .article;
        (article, Options::from_json(json::parse(options).unwrap()).unwrap())
    }

    #[test]
    fn share_bar_placement_and_comments_placeholder() {
        let (a, o) =
            setup(r#"{"src":"/a","share":{"placement":"both","networks":["x"]},"comments":{"endpoint":"/c"}}"#);
        let html = html::to_html(&root(widget_nodes(&a, &o, crate::i18n::Lang::EN), crate::i18n::Lang::EN).into());
        assert!(html.starts_with(r#"<div class="folio" part="root" lang="en" dir="ltr"><article"#));
        assert_eq!(html.matches("<nav class=\"folio-share\"").count(), 1, "one share landmark");
        assert_eq!(
            html.matches("<div class=\"folio-share\" part=\"share\" aria-label=\"Share this article\" role=\"group\">")
                .count(),
            1
        );
        assert!(html.contains("data-folio-comments"));
    }

    #[test]
    fn fingerprints_follow_the_markup() {
        let (a, o) = setup(r#"{"src":"/a"}"#);
        let one = fingerprint(&widget_nodes(&a, &o, crate::i18n::Lang::EN));
        assert_eq!(one.len(), 16);
        assert_eq!(one, fingerprint(&widget_nodes(&a, &o, crate::i18n::Lang::EN)));
        let (_, no_share) = setup(r#"{"src":"/a","share":false}"#);
        assert_ne!(one, fingerprint(&widget_nodes(&a, &no_share, crate::i18n::Lang::EN)));
    }
}
