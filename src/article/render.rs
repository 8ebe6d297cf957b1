//! Article -> view tree. Semantic HTML: `<article>`, `<header>`, `<h1>`, a byline with
//! author links and `<time datetime>`, `<blockquote>` with `<cite>`, `<figure>` with
//! `<figcaption>`, the author bio after the body. Every region has a `part` name.

use super::{format_date, parse_inline, Article, Author, Block, Image, Inline};
use crate::plural::{Plural, PluralRule};
use crate::view::{el, text, Element, Node};

/// Reading speed used for "N min read" unless the host sets another.
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 238;

/// The visible words of an article, so that a page in another language can replace them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    /// Before the author list: "By".
    pub by: &'static str,
    /// Between the last two authors: "and".
    pub and: &'static str,
    /// The reading time, counted: "{n} min read".
    pub min_read: Plural,
    /// Before the updated date: "Updated".
    pub updated: &'static str,
    /// Label of the author bio region: "About the author".
    pub about_author: &'static str,
    /// Label of the tag list: "Tags".
    pub tags: &'static str,
    /// While the article loads: "Loading article…".
    pub loading: &'static str,
    /// Error box title for bad options.
    pub err_options: &'static str,
    /// Error box title for article text that is not JSON.
    pub err_syntax: &'static str,
    /// Error box title for an article that breaks the schema.
    pub err_invalid: &'static str,
    /// Error box title for an article that could not be fetched.
    pub err_fetch: &'static str,
    /// How a date is written, as `Intl.DateTimeFormat`'s `dateStyle: "long"` writes it in
    /// this language (CLDR): `{d}` the day, `{month}` the month's entry in `months`, `{y}`
    /// the year ("{month} {d}, {y}": "July 13, 2017").
    pub date: &'static str,
    /// The twelve months as `date` needs them (the genitive in Polish, Russian and
    /// Ukrainian; numbers in Japanese and Chinese), separated by `|`.
    pub months: &'static str,
}

impl ArticleText {
    /// English (a `const`, so that [`crate::i18n::EN`] can hold it by value).
    pub const EN: ArticleText = ArticleText {
        by: "By",
        and: "and",
        min_read: Plural::one_other(PluralRule::En, "1 min read", "{n} min read"),
        updated: "Updated",
        about_author: "About the author",
        tags: "Tags",
        loading: "Loading article…",
        err_options: "Folio is not set up correctly",
        err_syntax: "The article is not valid JSON",
        err_invalid: "The article has problems",
        err_fetch: "The article could not be loaded",
        date: "{month} {d}, {y}",
        months: "January|February|March|April|May|June|July|August|September|October|November|December",
    };

    /// English.
    pub fn en() -> Self {
        Self::EN
    }
}

/// How to render an article.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Reading speed for the reading time; `0` hides the reading time.
    pub words_per_minute: u32,
    /// Nodes placed between the header and the body (the share bar, when on top).
    pub before_body: Vec<Node>,
    /// Nodes placed right after the body (the share bar, when at the bottom).
    pub after_body: Vec<Node>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { words_per_minute: DEFAULT_WORDS_PER_MINUTE, before_body: Vec::new(), after_body: Vec::new() }
    }
}

/// Minutes to read the body at `wpm` words per minute, rounded up, at least 1.
/// Words are runs of non-space characters in paragraphs, headings, quotes, lists,
/// captions and preformatted text.
pub fn reading_minutes(article: &Article, wpm: u32) -> u32 {
    let count = |s: &str| s.split_whitespace().count();
    let words: usize = article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Preformatted(t) => count(t),
            Block::Quote { text, attribution } => count(text) + attribution.as_deref().map_or(0, count),
            Block::List { items, .. } => items.iter().map(|i| count(i)).sum(),
            Block::Image(img) => img.caption.as_deref().map_or(0, count),
            Block::Divider => 0,
        })
        .sum();
    let wpm = wpm.max(1) as usize;
    words.div_ceil(wpm).max(1) as u32
}

/// Renders the article as a view tree rooted at `<article>`.
/// The options are taken by value: their nodes move into the tree.
pub fn render_article(article: &Article, opts: RenderOptions, t: &ArticleText) -> Element {
    let mut root = el("article")
        .attr("class", "folio-article")
        .attr("part", "article")
        .attr_opt("lang", article.lang.clone())
        .attr_opt("dir", article.dir.map(|d| d.as_str()))
        .child(header(article, &opts, t));
    if let Some(img) = &article.image {
        root.push(figure(img, "folio-lead", "lead-image"));
    }
    root = root.children(opts.before_body);
    root.push(el("div").attr("class", "folio-body").attr("part", "body").children(article.body.iter().map(block)));
    root = root.children(opts.after_body);
    if !article.tags.is_empty() {
        root.push(
            el("footer").attr("class", "folio-tags").attr("part", "tags").child(
                el("ul")
                    .attr("aria-label", t.tags)
                    .attr("role", "list")
                    .children(article.tags.iter().map(|tag| el("li").text(tag.as_str()))),
            ),
        );
    }
    let bios: Vec<Element> = article.authors.iter().filter(|a| a.bio.is_some()).map(bio).collect();
    if !bios.is_empty() {
        root.push(
            el("aside")
                .attr("class", "folio-bio")
                .attr("part", "bio")
                .attr("aria-label", t.about_author)
                .children(bios),
        );
    }
    root
}

fn header(article: &Article, opts: &RenderOptions, t: &ArticleText) -> Element {
    let section =
        article.section.as_deref().map(|s| el("p").attr("class", "folio-section").attr("part", "section").text(s));
    let dek = article.dek.as_deref().map(|d| el("p").attr("class", "folio-dek").attr("part", "dek").text(d));
    el("header")
        .attr("class", "folio-header")
        .attr("part", "header")
        .child_opt(section)
        .child(el("h1").attr("class", "folio-title").attr("part", "title").text(article.title.as_str()))
        .child_opt(dek)
        .child(byline(article, opts, t))
}

fn byline(article: &Article, opts: &RenderOptions, t: &ArticleText) -> Element {
    let mut line = el("p").attr("class", "folio-byline").attr("part", "byline");
    let n = article.authors.len();
    if n > 0 {
        let mut who = el("span").attr("class", "folio-authors").text(t.by).text(" ");
        for (i, author) in article.authors.iter().enumerate() {
            if i > 0 {
                who.push(text(if i + 1 == n { [" ", t.and, " "].concat() } else { ", ".to_string() }));
            }
            who.push(author_name(author));
        }
        line.push(who);
    }
    let published = el("time")
        .attr("class", "folio-published")
        .attr("datetime", article.published.text.as_str())
        .text(format_date(&article.published, t.date, t.months));
    line.push(published);
    if let Some(updated) = &article.updated {
        line.push(
            el("span")
                .attr("class", "folio-updated")
                .text(t.updated)
                .text(" ")
                .child(el("time").attr("datetime", updated.text.as_str()).text(format_date(updated, t.date, t.months))),
        );
    }
    if opts.words_per_minute > 0 {
        let minutes = t.min_read.with(u64::from(reading_minutes(article, opts.words_per_minute)));
        line.push(el("span").attr("class", "folio-reading-time").text(minutes));
    }
    line
}

fn author_name(author: &Author) -> Node {
    let name = el("span").attr("class", "folio-author").text(author.name.as_str());
    match &author.url {
        // The view tree drops an unsafe href; a link without one would be a dead `<a>`,
        // so fall back to plain text in that case.
        Some(url) => {
            let a = el("a").attr("href", url.as_str()).attr("rel", "author").child(name.clone());
            if a.get_attr("href").is_some() {
                a.into()
            } else {
                name.into()
            }
        }
        None => name.into(),
    }
}

fn bio(author: &Author) -> Element {
    let avatar = author.avatar.as_deref().map(|src| {
        el("img")
            .attr("class", "folio-avatar")
            .attr("src", src)
            .attr("alt", "")
            .attr("width", "64")
            .attr("height", "64")
            .attr("loading", "lazy")
            .attr("decoding", "async")
    });
    el("div")
        .attr("class", "folio-bio-entry")
        .child_opt(avatar)
        .child(el("p").children(inline_nodes(author.bio.as_deref().unwrap_or_default())))
}

fn block(b: &Block) -> Node {
    match b {
        Block::Paragraph(t) => el("p").children(inline_nodes(t)).into(),
        Block::Heading { level, text } => {
            let tag = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            el(tag).children(inline_nodes(text)).into()
        }
        Block::Quote { text, attribution } => {
            let paragraphs = crate::search::split(text, "\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| el("p").children(inline_nodes(p)));
            let cite = attribution.as_deref().map(|a| el("footer").child(el("cite").text(a)));
            el("blockquote").attr("class", "folio-quote").children(paragraphs).child_opt(cite).into()
        }
        Block::List { ordered, items } => el(if *ordered { "ol" } else { "ul" })
            .children(items.iter().map(|i| el("li").children(inline_nodes(i))))
            .into(),
        Block::Image(img) => figure(img, "folio-figure", "figure").into(),
        Block::Preformatted(t) => el("pre").attr("tabindex", "0").child(el("code").text(t.as_str())).into(),
        Block::Divider => el("hr").into(),
    }
}

fn figure(img: &Image, class: &'static str, part: &'static str) -> Element {
    let image = el("img")
        .attr("src", img.src.as_str())
        .attr("alt", img.alt.as_str())
        .attr("loading", "lazy")
        .attr("decoding", "async");
    let caption = (img.caption.is_some() || img.credit.is_some()).then(|| {
        el("figcaption")
            .children(img.caption.as_deref().map(inline_nodes).unwrap_or_default())
            .child_opt(img.credit.as_deref().map(|c| el("span").attr("class", "folio-credit").text(c)))
    });
    el("figure").attr("class", class).attr("part", part).child(image).child_opt(caption)
}

/// Inline syntax -> view nodes. A link whose URL fails the allowlist keeps its text.
fn inline_nodes(s: &str) -> Vec<Node> {
    parse_inline(s).iter().map(inline_node).collect()
}

fn inline_node(i: &Inline) -> Node {
    match i {
        Inline::Text(t) => text(t.as_str()),
        Inline::Emphasis(kids) => el("em").children(kids.iter().map(inline_node)).into(),
        Inline::Strong(kids) => el("strong").children(kids.iter().map(inline_node)).into(),
        Inline::Code(c) => el("code").text(c.as_str()).into(),
        Inline::Link { href, children } => {
            let a = el("a").attr("href", href.as_str()).children(children.iter().map(inline_node));
            if a.get_attr("href").is_some() {
                a.into()
            } else {
                el("span").children(a.children).into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::html::to_html;

    fn article(body: &str) -> Article {
        let json = format!(
            r#"{{"url":"https://news.example/a","title":"T <b>&amp;</b> \"q\"","published":"2017-07-13T09:00:00Z",
                "authors":[{{"name":"Ann <i>","url":"https://news.example/ann","bio":"Writes *a lot*."}},{{"name":"Bob","url":"javascript:alert(1)"}}],
                "image":{{"src":"lead.jpg","alt":"A \"lead\"","caption":"Cap","credit":"Photo: X"}},
                "body":{body}}}"#
        );
        Article::from_json_text(&json).unwrap().article
    }

    fn html(a: &Article) -> String {
        to_html(&render_article(a, RenderOptions::default(), &ArticleText::en()).into())
    }

    #[test]
    fn reading_time_rounds_up_and_is_configurable() {
        let words = vec!["word"; 239].join(" ");
        let a = article(&format!(r#"[{{"type":"paragraph","text":"{words}"}}]"#));
        assert_eq!(reading_minutes(&a, 238), 2);
        assert_eq!(reading_minutes(&a, 239), 1);
        assert_eq!(reading_minutes(&a, 100), 3);
        assert_eq!(reading_minutes(&article("[]"), 238), 1);
    }

    #[test]
    fn semantic_structure() {
        let h = html(&article(
            r#"[{"type":"quote","text":"Q1\n\nQ2","attribution":"Someone"},{"type":"heading","level":3,"text":"H"}]"#,
        ));
        assert!(h.starts_with(r#"<article class="folio-article" part="article"><header class="folio-header" part="header"><h1 class="folio-title" part="title">T &lt;b&gt;&amp;amp;&lt;/b&gt; "q"</h1>"#), "{h}");
        assert!(h.contains(r#"<time class="folio-published" datetime="2017-07-13T09:00:00Z">July 13, 2017</time>"#));
        assert!(h.contains(r#"By <a href="https://news.example/ann" rel="author"><span class="folio-author">Ann &lt;i&gt;</span></a> and <span class="folio-author">Bob</span>"#), "{h}");
        assert!(h.contains(
            r#"<blockquote class="folio-quote"><p>Q1</p><p>Q2</p><footer><cite>Someone</cite></footer></blockquote>"#
        ));
        assert!(h.contains(r#"<img src="lead.jpg" alt="A &quot;lead&quot;" loading="lazy" decoding="async"><figcaption>Cap<span class="folio-credit">Photo: X</span></figcaption>"#));
        assert!(h.contains(r#"<h3>H</h3>"#));
        assert!(h.contains(r#"<aside class="folio-bio" part="bio" aria-label="About the author"><div class="folio-bio-entry"><p>Writes <em>a lot</em>.</p></div></aside>"#), "{h}");
        assert!(h.contains(r#"<span class="folio-reading-time">1 min read</span>"#));
    }

    #[test]
    fn hostile_inline_links_become_text() {
        let h = html(&article(
            r#"[{"type":"paragraph","text":"[x](javascript:alert(1)) [y]( JaVaScRiPt:alert(1)) [z](data:text/html,hi) [ok](https://ok.example/?a=1&b=2)"}]"#,
        ));
        assert!(!h.to_ascii_lowercase().contains("javascript"), "{h}");
        assert!(!h.contains("data:"));
        assert!(h.contains(r#"<span>x</span>"#));
        assert!(h.contains(r#"<a href="https://ok.example/?a=1&amp;b=2">ok</a>"#));
    }

    #[test]
    fn every_block_kind_renders() {
        let h = html(&article(
            r#"[{"type":"list","ordered":true,"items":["a","b"]},{"type":"list","items":["c"]},{"type":"preformatted","text":"<x>\n  y"},{"type":"divider"},{"type":"image","src":"f.png","alt":""}]"#,
        ));
        assert!(h.contains("<ol><li>a</li><li>b</li></ol><ul><li>c</li></ul>"));
        assert!(h.contains("<pre tabindex=\"0\"><code>&lt;x&gt;\n  y</code></pre><hr>"));
        assert!(h.contains(r#"<figure class="folio-figure" part="figure"><img src="f.png" alt="" loading="lazy" decoding="async"></figure>"#));
    }

    #[test]
    fn share_slots_surround_the_body() {
        let opts = RenderOptions {
            before_body: vec![text("TOP")],
            after_body: vec![text("BOTTOM")],
            ..RenderOptions::default()
        };
        let h =
            to_html(&render_article(&article(r#"[{"type":"paragraph","text":"P"}]"#), opts, &ArticleText::en()).into());
        let (top, body, bottom) = (h.find("TOP").unwrap(), h.find("<p>P</p>").unwrap(), h.find("BOTTOM").unwrap());
        assert!(top < body && body < bottom);
    }
}
