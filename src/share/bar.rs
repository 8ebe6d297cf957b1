//! The share bar as a view tree: a labelled `<nav>` holding a list with one control per
//! configured network, the hidden copy-link fallback field and an empty live region.
//!
//! Nothing here runs script or touches the DOM. The edge finds what to wire through the
//! stable data attributes: `data-folio-share="<id>"` on every control,
//! `data-folio-action="copy" | "native-share"` on the two buttons, `data-folio-popup` on
//! links to open in a small window, `data-folio-copy-field` and `data-folio-live="share"`.

use super::links::{link, shared_url};
use super::{icons, Network, ShareOptions, ShareTarget, ShareText};
use crate::view::{el, Element};

/// Builds the share bar.
///
/// Network links are `<a href target="_blank" rel="noopener noreferrer">` that work
/// without script; with [`ShareOptions::popup`] they also carry `data-folio-popup` (not the
/// `mailto:` link, which opens the mail program, not a page). The copy button carries the
/// shared URL in `data-url` and what the live region says after a copy in
/// `data-folio-copied` / `data-folio-copy-failed`; the native-share button starts `hidden` (its `<li>` too) and
/// carries `data-url` and `data-title` for `navigator.share`: the edge un-hides both where
/// `navigator.canShare` is true.
///
/// ```
/// use folio::share::{share_bar, ShareOptions, ShareTarget, ShareText};
/// use folio::view::html::to_html;
/// let t = ShareTarget { url: "https://news.example/a", title: "Hello", summary: None };
/// let html = to_html(&share_bar(&t, &ShareOptions::default(), &ShareText::en()).into());
/// assert!(html.starts_with(r#"<nav class="folio-share" part="share" aria-label="Share this article">"#));
/// ```
pub fn share_bar(target: &ShareTarget, options: &ShareOptions, text: &ShareText) -> Element {
    let url = shared_url(target.url, options);
    let mut list = el("ul").attr("class", "folio-share-list").attr("role", "list");
    for &network in &options.networks {
        list.push(item(network, &url, target, options, text));
    }
    let mut nav =
        el("nav").attr("class", "folio-share").attr("part", "share").attr("aria-label", text.nav_label).child(list);
    if options.networks.contains(&Network::Copy) {
        nav.push(
            el("input")
                .attr("class", "folio-share-field")
                .attr("type", "text")
                .attr("readonly", "")
                .attr("value", url.as_str())
                .attr("aria-label", text.link_field_label)
                .attr("data-folio-copy-field", "")
                .attr("hidden", ""),
        );
    }
    nav.child(
        el("p")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .attr("class", "folio-share-status")
            .attr("data-folio-live", "share"),
    )
}

/// One `<li>` with its link or button.
fn item(network: Network, url: &str, target: &ShareTarget, options: &ShareOptions, text: &ShareText) -> Element {
    let (label, accessible_name) = match network.name() {
        Some(name) => (name, text.share_label(name)),
        None if network == Network::Copy => (text.copy_link, text.copy_link.to_string()),
        None => (text.native_share_label, text.native_share.to_string()),
    };
    let mut class = String::from("folio-share-button folio-share-");
    class.push_str(network.id());

    let mut control = match link(network, url, target, options) {
        Some(href) => el("a")
            .attr("class", class)
            .attr("part", "share-button")
            .attr("href", href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer"),
        None => el("button").attr("type", "button").attr("class", class).attr("part", "share-button"),
    };
    control.set_attr("aria-label", accessible_name.as_str());
    if options.icon_only {
        control.set_attr("title", accessible_name);
    }
    control.set_attr("data-folio-share", network.id());
    let mut li = el("li").attr("class", "folio-share-item");
    match network {
        Network::Copy => {
            control.set_attr("data-folio-action", "copy");
            control.set_attr("data-url", url);
            // What the live region says after a copy, for the element's script on
            // pre-rendered pages (which has no locale tables).
            control.set_attr("data-folio-copied", text.link_copied);
            control.set_attr("data-folio-copy-failed", text.copy_failed);
        }
        Network::Native => {
            control.set_attr("data-folio-action", "native-share");
            control.set_attr("data-url", url);
            control.set_attr("data-title", target.title.trim());
            control.set_attr("hidden", "");
            li.set_attr("hidden", "");
        }
        Network::Email => {}
        _ if options.popup => control.set_attr("data-folio-popup", ""),
        _ => {}
    }
    control.push(icons::icon(network));
    if !options.icon_only {
        control.push(el("span").attr("class", "folio-share-label").text(label));
    }
    li.child(control)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::share::Utm;
    use crate::view::html::to_html;
    use crate::view::Node;

    const URL: &str = "https://news.example/a?id=7#top";

    fn target() -> ShareTarget<'static> {
        ShareTarget { url: URL, title: "Q&A: \"Rust\" <b>bold</b> 🦀 שלום", summary: Some("Sum & more") }
    }

    fn bar(options: &ShareOptions) -> Node {
        share_bar(&target(), options, &ShareText::en()).into()
    }

    fn controls(tree: &Node) -> Vec<&Element> {
        let mut out = Vec::new();
        tree.find_all(&|e| e.get_attr("data-folio-share").is_some(), &mut out);
        out
    }

    fn control<'a>(tree: &'a Node, id: &str) -> &'a Element {
        tree.find(&|e| e.get_attr("data-folio-share") == Some(id)).expect("control is rendered")
    }

    #[test]
    fn default_bar_has_every_control_in_order() {
        let tree = bar(&ShareOptions::default());
        let ids: Vec<&str> = controls(&tree).iter().filter_map(|e| e.get_attr("data-folio-share")).collect();
        assert_eq!(
            ids,
            [
                "x",
                "facebook",
                "linkedin",
                "bluesky",
                "mastodon",
                "reddit",
                "hackernews",
                "whatsapp",
                "telegram",
                "email",
                "copy",
                "native"
            ]
        );

        let Node::Element(nav) = &tree else { panic!("the bar is an element") };
        assert_eq!(nav.tag, "nav");
        assert_eq!(nav.get_attr("class"), Some("folio-share"));
        assert_eq!(nav.get_attr("part"), Some("share"));
        assert_eq!(nav.get_attr("aria-label"), Some("Share this article"));
        let ul = tree.find(&|e| e.tag == "ul").expect("a list");
        assert_eq!(ul.get_attr("role"), Some("list"));
        assert_eq!(ul.children.len(), 12);
        for li in &ul.children {
            let Node::Element(li) = li else { panic!("only elements in the list") };
            assert_eq!((li.tag, li.children.len()), ("li", 1));
        }
    }

    #[test]
    fn links_open_safely_and_are_named() {
        let tree = bar(&ShareOptions::default());
        for (id, name, href) in [
            ("x", "X", "https://x.com/intent/tweet?text="),
            ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url="),
            ("hackernews", "Hacker News", "https://news.ycombinator.com/submitlink?u="),
            ("email", "Email", "mailto:?subject="),
        ] {
            let a = control(&tree, id);
            assert_eq!(a.tag, "a");
            assert!(a.get_attr("href").is_some_and(|h| h.starts_with(href)), "{id}");
            assert_eq!(a.get_attr("target"), Some("_blank"));
            assert_eq!(a.get_attr("rel"), Some("noopener noreferrer"));
            assert_eq!(a.get_attr("part"), Some("share-button"));
            assert_eq!(a.get_attr("aria-label"), Some(["Share on ", name].concat().as_str()));
            assert_eq!(Node::Element(a.clone()).text_content(), name);
            assert_eq!(a.get_attr("data-folio-popup"), None);
            let svg = a.children.first().and_then(|c| c.find(&|e| e.tag == "svg")).expect("an icon first");
            assert_eq!(svg.get_attr("aria-hidden"), Some("true"));
        }
    }

    #[test]
    fn copy_and_native_buttons() {
        let utm = Utm { source: Some("folio".into()), medium: None, campaign: None };
        let tree = bar(&ShareOptions { utm: Some(utm), ..ShareOptions::default() });
        let shared = "https://news.example/a?id=7&utm_source=folio#top";

        let copy = control(&tree, "copy");
        assert_eq!(copy.tag, "button");
        assert_eq!(copy.get_attr("type"), Some("button"));
        assert_eq!(copy.get_attr("data-folio-action"), Some("copy"));
        assert_eq!(copy.get_attr("data-url"), Some(shared));
        assert_eq!(copy.get_attr("aria-label"), Some("Copy link"));
        assert_eq!(copy.get_attr("hidden"), None);
        assert_eq!(Node::Element(copy.clone()).text_content(), "Copy link");

        let native = control(&tree, "native");
        assert_eq!(native.tag, "button");
        assert_eq!(native.get_attr("type"), Some("button"));
        assert_eq!(native.get_attr("data-folio-action"), Some("native-share"));
        assert_eq!(native.get_attr("hidden"), Some(""));
        assert_eq!(native.get_attr("aria-label"), Some("Share…"));
        assert_eq!(native.get_attr("data-url"), Some(shared));
        assert_eq!(Node::Element(native.clone()).text_content(), "Share");
        let native_li = tree.find(&|e| e.tag == "li" && e.children.iter().any(|c| matches!(c, Node::Element(b) if b.tag == "button" && b.get_attr("data-folio-action") == Some("native-share")))).expect("native item");
        assert_eq!(native_li.get_attr("hidden"), Some(""));

        // Links share the same tagged URL.
        let fb = control(&tree, "facebook").get_attr("href").unwrap_or_default();
        assert!(fb.ends_with("%26utm_source%3Dfolio%23top"), "{fb}");

        let field = tree.find(&|e| e.get_attr("data-folio-copy-field").is_some()).expect("a fallback field");
        assert_eq!(
            field.attrs,
            [
                ("class", "folio-share-field".to_string()),
                ("type", "text".into()),
                ("readonly", "".into()),
                ("value", shared.into()),
                ("aria-label", "Link to this article".into()),
                ("data-folio-copy-field", "".into()),
                ("hidden", "".into()),
            ]
        );
        let live = tree.find(&|e| e.get_attr("data-folio-live") == Some("share")).expect("a live region");
        assert_eq!(
            (live.tag, live.get_attr("role"), live.get_attr("aria-live")),
            ("p", Some("status"), Some("polite"))
        );
        assert_eq!(live.get_attr("class"), Some("folio-share-status"));
        assert!(live.children.is_empty());
    }

    #[test]
    fn icon_only_keeps_the_accessible_names() {
        let tree = bar(&ShareOptions { icon_only: true, ..ShareOptions::default() });
        assert_eq!(tree.text_content(), "");
        let mut labels = Vec::new();
        tree.find_all(&|e| e.get_attr("class") == Some("folio-share-label"), &mut labels);
        assert!(labels.is_empty());
        assert_eq!(control(&tree, "bluesky").get_attr("aria-label"), Some("Share on Bluesky"));
        assert_eq!(control(&tree, "bluesky").get_attr("title"), Some("Share on Bluesky"));
        assert_eq!(control(&tree, "copy").get_attr("aria-label"), Some("Copy link"));
        for c in controls(&tree) {
            assert!(c.children.iter().all(|n| matches!(n, Node::Element(svg) if svg.tag == "svg")));
        }
    }

    #[test]
    fn popup_marks_web_links_only() {
        let tree = bar(&ShareOptions { popup: true, ..ShareOptions::default() });
        for c in controls(&tree) {
            let id = c.get_attr("data-folio-share").unwrap_or_default();
            let expected = if matches!(id, "email" | "copy" | "native") { None } else { Some("") };
            assert_eq!(c.get_attr("data-folio-popup"), expected, "{id}");
        }
    }

    #[test]
    fn no_event_handler_attributes_anywhere() {
        let tree = bar(&ShareOptions { popup: true, ..ShareOptions::default() });
        let mut all = Vec::new();
        tree.find_all(&|_| true, &mut all);
        assert!(all.len() > 40);
        for e in all {
            for (name, _) in &e.attrs {
                assert!(!name.to_ascii_lowercase().starts_with("on"), "{} has {name}", e.tag);
            }
        }
    }

    #[test]
    fn title_never_reaches_the_html_unescaped() {
        let t = ShareTarget {
            url: URL,
            title: "<img src=x onerror=alert(1)> \"Q&A\" 'it'",
            summary: Some("<script>x</script>"),
        };
        let html = to_html(&share_bar(&t, &ShareOptions::default(), &ShareText::en()).into());
        for raw in [t.title, "<img", "\"Q&A\"", "'it'", "<script>"] {
            assert!(!html.contains(raw), "{raw} leaked");
        }
        assert!(html.contains("data-title=\"&lt;img src=x onerror=alert(1)&gt; &quot;Q&amp;A&quot; &#39;it&#39;\""));
        assert!(html.contains("text=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%20%22Q%26A%22%20%27it%27&amp;url="));
    }

    #[test]
    fn exact_markup_of_a_small_bar() {
        let options = ShareOptions {
            networks: vec![Network::HackerNews, Network::Copy],
            icon_only: true,
            ..ShareOptions::default()
        };
        let t = ShareTarget { url: "https://n.example/a?b=1", title: "Hi & bye", summary: None };
        let html = to_html(&share_bar(&t, &options, &ShareText::en()).into());
        let (hn, _) = icons::path(Network::HackerNews);
        let (copy, _) = icons::path(Network::Copy);
        let svg = r#"<svg class="folio-share-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="18" height="18"><path fill="currentColor""#;
        let expected = [
            r#"<nav class="folio-share" part="share" aria-label="Share this article"><ul class="folio-share-list" role="list">"#,
            r#"<li class="folio-share-item"><a class="folio-share-button folio-share-hackernews" part="share-button" href="https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fn.example%2Fa%3Fb%3D1&amp;t=Hi%20%26%20bye" target="_blank" rel="noopener noreferrer" aria-label="Share on Hacker News" title="Share on Hacker News" data-folio-share="hackernews">"#,
            svg, r#" fill-rule="evenodd" d=""#, hn, r#""></path></svg></a></li>"#,
            r#"<li class="folio-share-item"><button type="button" class="folio-share-button folio-share-copy" part="share-button" aria-label="Copy link" title="Copy link" data-folio-share="copy" data-folio-action="copy" data-url="https://n.example/a?b=1" data-folio-copied="Link copied" data-folio-copy-failed="Could not copy. Select the link below and copy it.">"#,
            svg, r#" d=""#, copy, r#""></path></svg></button></li></ul>"#,
            r#"<input class="folio-share-field" type="text" readonly="" value="https://n.example/a?b=1" aria-label="Link to this article" data-folio-copy-field="" hidden="">"#,
            r#"<p role="status" aria-live="polite" class="folio-share-status" data-folio-live="share"></p></nav>"#,
        ]
        .concat();
        assert_eq!(html, expected);
    }

    #[test]
    fn google_plus_in_config_still_renders_the_rest() {
        let v = json::parse(r#"{"networks": ["Google+", "bluesky", "myspace", "copy"]}"#).expect("valid JSON");
        let (options, warnings) = ShareOptions::from_json(&v);
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].contains("2019-04-02"));
        assert!(warnings[1].contains("\"myspace\""));
        let tree = bar(&options);
        let ids: Vec<&str> = controls(&tree).iter().filter_map(|e| e.get_attr("data-folio-share")).collect();
        assert_eq!(ids, ["bluesky", "copy"]);
    }

    #[test]
    fn no_copy_button_no_fallback_field() {
        let tree = bar(&ShareOptions { networks: vec![Network::X], ..ShareOptions::default() });
        assert!(tree.find(&|e| e.tag == "input").is_none());
        assert!(tree.find(&|e| e.get_attr("data-folio-live").is_some()).is_some());
    }

    #[test]
    fn custom_mastodon_instance_link() {
        let options = ShareOptions {
            networks: vec![Network::Mastodon],
            mastodon_instance: Some("mastodon.social".into()),
            ..ShareOptions::default()
        };
        let tree = bar(&options);
        let href = control(&tree, "mastodon").get_attr("href").unwrap_or_default();
        assert!(href.starts_with("https://mastodon.social/share?text=Q%26A%3A%20%22Rust%22%20%3Cb%3Ebold%3C%2Fb%3E%20%F0%9F%A6%80%20%D7%A9%D7%9C%D7%95%D7%9D%20https%3A%2F%2Fnews.example%2Fa%3Fid%3D7%23top"), "{href}");
    }
}
