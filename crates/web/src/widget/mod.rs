//! One mounted Folio instance: its host element, shadow root, in-flight requests and
//! listeners. Dropping a `Widget` undoes everything it did (aborts fetches, removes
//! listeners and observers, empties the shadow root), so `destroy()` is just a drop.

mod callbacks;
pub mod comments;
pub mod comments_loader;
mod edition;
mod section;
mod share;

pub use callbacks::Callbacks;
pub use edition::{Edition, InProcess, Prefetch, Split};
pub use section::Section;

/// How far below the viewport a comment section starts loading (the in-process section's
/// list; `loadSection` of `js/comments.js`, which loads the comments module, uses the same).
const NEAR_MARGIN: &str = "1250px 0px";

use std::cell::Cell;

use wasm_bindgen::JsValue;
use web_sys::{AbortController, AbortSignal, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::dom::{self, build};
use folio::article::{Article, Parsed};
use folio::comments::config::{default_thread, CommentsConfig};
use folio::compose::{self, STATIC_ATTRIBUTE};
use folio::error::Error;
use folio::i18n::{self, Lang};
use folio::options::Options;
use folio::share::ShareOptions;
use folio::view::Node;

/// The host attribute that tells tests and hosts where the widget is:
/// `loading`, `ready` or `error`.
pub const STATE_ATTRIBUTE: &str = "data-folio-state";

/// A mounted widget, running the comment section and stylesheet of `E`.
pub struct Widget<E: Edition> {
    host: Element,
    root: ShadowRoot,
    abort: Option<AbortController>,
    /// The language of Folio's own words.
    lang: Cell<Lang>,
    /// Fingerprint of pre-rendered markup found in the shadow root, to adopt if it matches.
    adoptable: Option<String>,
    /// The share bar's and the page theme's behaviour, for the widget's whole life.
    wiring: Option<share::Wiring>,
    comments: Option<E::Section>,
    current: Option<(Parsed, Options)>,
}

impl<E: Edition> Widget<E> {
    /// Attaches to `host`: opens (or reuses) its shadow root, adopts the stylesheet and
    /// shows the loading state.
    pub fn attach(host: Element) -> Result<Widget<E>, Error> {
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
                Error::Options(
                    String::from("<")
                        + &dom::string_property(&host, "localName")
                        + "> cannot hold a shadow root; mount Folio on a <div>, <section> or <folio-article>.",
                )
            })?,
        };
        let _ = E::adopt_style(&root);
        // Markup pre-rendered by folio-render (a declarative shadow root) stays on screen
        // while the article loads; show_article keeps it if it is still what it would draw.
        let adoptable = root
            .query_selector(".folio[data-folio-static]")
            .ok()
            .flatten()
            .and_then(|e| dom::get_attr(&e, STATIC_ATTRIBUTE));
        let mut widget = Widget {
            host,
            root,
            abort: AbortController::new().ok(),
            lang: Cell::new(Lang::EN),
            adoptable,
            wiring: None,
            comments: None,
            current: None,
        };
        widget.wiring = share::Wiring::new(&widget.root, &widget.host).ok();
        widget.set_state("loading");
        if widget.adoptable.is_none() {
            let loading = folio::view::el("div")
                .attr("class", "folio-status")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .attr("aria-busy", "true")
                .attr("part", "loading")
                .text(widget.page_lang().article().loading);
            widget.show(vec![loading.into()], None);
        }
        Ok(widget)
    }

    /// The signal that aborts this widget's requests when it is dropped.
    pub fn signal(&self) -> Option<AbortSignal> {
        self.abort.as_ref().map(AbortController::signal)
    }

    /// Whether the pre-rendered markup carries a first page of comments, which the comment
    /// section adopts when it is fresh (`comments::embedded`): no early list request then.
    pub fn has_embedded_comments(&self) -> bool {
        self.root.query_selector(folio::comments::embedded::SELECTOR).ok().flatten().is_some()
    }

    /// The element the widget is mounted on.
    pub fn host(&self) -> &Element {
        &self.host
    }

    fn set_state(&self, state: &str) {
        let _ = self.host.set_attribute(STATE_ATTRIBUTE, state);
    }

    /// The page's language if its table is loaded already, else English: for the words
    /// shown before the article says which language it is in.
    fn page_lang(&self) -> Lang {
        Lang::negotiate(&[dom::page_lang().as_deref()])
    }

    /// Replaces the shadow root's content with `nodes` in the root `<div class="folio">`,
    /// unless `keep` is the fingerprint of the pre-rendered markup already there.
    fn show(&self, nodes: Vec<Node>, keep: Option<&str>) {
        let lang = self.lang.get();
        if keep.is_some() && keep == self.adoptable.as_deref() {
            return;
        }
        let root = compose::root(nodes, lang);
        if let Err(e) = build::replace_children(&self.root, &[root.into()]) {
            web_sys::console::error_2(&JsValue::from_str("Folio could not build its DOM:"), &e);
        }
    }

    /// Renders the article with Folio's own words from `lang` (see [`language`]) and
    /// announces readiness (`data-folio-state="ready"` and a `folio-ready` event). The
    /// widget keeps the article and options for [`Widget::update`].
    pub fn show_article(
        &mut self,
        parsed: Parsed,
        options: Options,
        lang: Lang,
        callbacks: Option<Callbacks>,
        prefetched: Option<Prefetch<E>>,
    ) {
        let warnings =
            parsed.warnings.iter().map(folio::article::Problem::text).chain(options.warnings.iter().cloned());
        for w in warnings {
            web_sys::console::warn_1(&JsValue::from_str(&(String::from("Folio: ") + &w)));
        }
        self.comments = None;
        let article = &parsed.article;
        self.lang.set(lang);
        let nodes = compose::widget_nodes(article, &options, lang);
        let stamp = self.adoptable.as_ref().map(|_| compose::fingerprint(&nodes));
        self.show(nodes, stamp.as_deref());
        self.adoptable = None;
        dom::page::reveal_native_share(&self.root);
        self.start_comments(article, options.comments.as_ref(), callbacks, prefetched);
        self.set_state("ready");
        let detail = dom::object(&[("title", &JsValue::from_str(&article.title))]);
        self.current = Some((parsed, options));
        dom::dispatch(&self.host, "folio-ready", &detail);
    }

    /// The options of the article on screen, if one is.
    pub fn options(&self) -> Option<&Options> {
        self.current.as_ref().map(|(_, o)| o)
    }

    /// Applies new options to the article on screen, comparing what the old and the new
    /// options draw ([`compose::fingerprint`]): when the comment placeholder differs (the
    /// section's options changed), or the host gives callbacks, everything is rendered
    /// again as [`Widget::show_article`] does and the section starts anew; when only the
    /// share bars differ, they alone are replaced, and the article and a running comment
    /// section (with what a reader is typing there) are not touched. (A new article,
    /// reading speed or language needs [`Widget::show_article`].)
    pub fn update(&mut self, options: Options, callbacks: Option<Callbacks>) {
        let Some((parsed, old)) = self.current.take() else { return };
        let lang = self.lang.get();
        // What changed is what draws differently: the article element (with the share
        // bars) first, then the comment placeholder (which carries the section's options).
        let before = compose::widget_nodes(&parsed.article, &old, lang);
        let nodes = compose::widget_nodes(&parsed.article, &options, lang);
        let (article, section) = nodes.split_at(1);
        if callbacks.is_some() || compose::fingerprint(section) != compose::fingerprint(&before[1..]) {
            return self.show_article(parsed, options, lang, callbacks, None);
        }
        if compose::fingerprint(article) != compose::fingerprint(&before[..1]) {
            self.replace_share(&parsed.article, options.share.as_ref());
        }
        self.current = Some((parsed, options));
    }

    fn replace_share(&self, article: &Article, share: Option<&ShareOptions>) {
        while let Ok(Some(old)) = self.root.query_selector(".folio-share") {
            old.remove();
        }
        let (before, after) = compose::share_bars(article, share, self.lang.get());
        let Ok(Some(body)) = self.root.query_selector(".folio-body") else { return };
        let Ok(doc) = dom::document() else { return };
        if let Ok(frag) = build::fragment(&doc, &before) {
            let _ = body.before_with_node_1(&frag);
        }
        if let Ok(frag) = build::fragment(&doc, &after) {
            let _ = body.after_with_node_1(&frag);
        }
        dom::page::reveal_native_share(&self.root);
    }

    fn start_comments(
        &mut self,
        article: &Article,
        config: Option<&CommentsConfig>,
        callbacks: Option<Callbacks>,
        prefetched: Option<Prefetch<E>>,
    ) {
        let Some(config) = config else { return };
        let section = self.root.query_selector("[data-folio-comments]").ok().flatten();
        let thread = config.thread.clone().unwrap_or_else(|| default_thread(&article.url));
        let started = section.ok_or_else(|| "the comment section was not rendered".to_string()).and_then(|section| {
            E::Section::start(
                &self.host,
                section,
                config,
                thread,
                article.title.clone(),
                callbacks,
                self.lang.get(),
                prefetched,
            )
        });
        match started {
            Ok(c) => self.comments = Some(c),
            Err(message) => {
                web_sys::console::error_1(&JsValue::from_str(&(String::from("Folio: comments: ") + &message)))
            }
        }
    }

    /// Loads the comments now, wherever the section is (the handle's `loadComments()`).
    pub fn load_comments(&self) {
        if let Some(c) = &self.comments {
            c.load_now();
        }
    }

    /// Sets the language of Folio's own words for what is shown next (the error box).
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// Renders the error box and announces the failure (`data-folio-state="error"` and a
    /// `folio-error` event whose detail holds `code` and `message`).
    pub fn show_error(&self, error: &Error) {
        self.show(vec![error.view(self.lang.get().article()).into()], None);
        self.set_state("error");
        let detail =
            dom::object(&[("code", &JsValue::from_str(error.code())), ("message", &JsValue::from_str(&error.text()))]);
        dom::dispatch(&self.host, "folio-error", &detail);
    }
}

/// The language of Folio's own words for an article (or for the error box, when there is
/// no article): the `lang` option, else the article's `lang`, else the page's
/// `<html lang>`, else English (`None`). Its table may still have to be fetched
/// (`dom::locales`).
pub fn language(options: &Options, article: Option<&Article>) -> Option<&'static str> {
    let page = dom::page_lang();
    let article = article.and_then(|a| a.lang.as_deref());
    i18n::pick(&[options.lang.as_deref(), article, page.as_deref()])
}

/// Starts fetching the table the widget will most likely need (the `lang` option's, else
/// the page's), so that it arrives while the article loads.
pub fn prefetch_language(options: &Options) {
    let page = dom::page_lang();
    if let Some(tag) = i18n::pick(&[options.lang.as_deref(), page.as_deref()]) {
        dom::locales::prefetch(tag);
    }
}

impl<E: Edition> Drop for Widget<E> {
    fn drop(&mut self) {
        self.comments = None;
        self.wiring = None;
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
        self.root.set_text_content(None);
        let _ = self.host.remove_attribute(STATE_ATTRIBUTE);
    }
}
