//! One mounted Folio instance: its host element, shadow root, in-flight requests and
//! listeners. Dropping a `Widget` undoes everything it did (aborts fetches, removes
//! listeners, empties the shadow root), so `destroy()` is just a drop.

pub mod comments;
mod share;

use gloo_events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, AbortSignal, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::article::{render_article, ArticleText, Parsed, RenderOptions};
use crate::comments::{config::default_thread, view as comments_view, CommentsText};
use crate::dom::{self, build};
use crate::error::Error;
use crate::options::Options;
use crate::share::{share_bar, Placement, ShareTarget, ShareText};
use crate::view::{el, Node};

/// The host attribute that tells tests and hosts where the widget is:
/// `loading`, `ready` or `error`.
pub const STATE_ATTRIBUTE: &str = "data-folio-state";

/// A mounted widget.
pub struct Widget {
    host: Element,
    root: ShadowRoot,
    abort: Option<AbortController>,
    listeners: Vec<EventListener>,
    comments: Option<comments::CommentSection>,
}

impl Widget {
    /// Attaches to `host`: opens (or reuses) its shadow root, adopts the stylesheet and
    /// shows the loading state.
    pub fn attach(host: Element) -> Result<Widget, Error> {
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
                Error::Options(String::from("<") + &host.tag_name().to_ascii_lowercase() + "> cannot hold a shadow root; mount Folio on a <div>, <section> or <folio-article>.")
            })?,
        };
        let _ = dom::style::adopt(&root);
        let widget = Widget { host, root, abort: AbortController::new().ok(), listeners: Vec::new(), comments: None };
        widget.set_state("loading");
        widget.show(&[el("div")
            .attr("class", "folio-status")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .attr("aria-busy", "true")
            .attr("part", "loading")
            .text("Loading article…")
            .into()]);
        Ok(widget)
    }

    /// The signal that aborts this widget's requests when it is dropped.
    pub fn signal(&self) -> Option<AbortSignal> {
        self.abort.as_ref().map(AbortController::signal)
    }


    /// The element the widget is mounted on.
    pub fn host(&self) -> &Element {
        &self.host
    }

    fn set_state(&self, state: &str) {
        let _ = self.host.set_attribute(STATE_ATTRIBUTE, state);
    }

    fn show(&self, nodes: &[Node]) {
        let root = el("div").attr("class", "folio").attr("part", "root").children(nodes.iter().cloned());
        if let Err(e) = build::replace_children(&self.root, &[root.into()]) {
            web_sys::console::error_2(&JsValue::from_str("Folio could not build its DOM:"), &e);
        }
    }

    /// Renders the article and announces readiness (`data-folio-state="ready"` and a
    /// `folio-ready` event).
    pub fn show_article(&mut self, parsed: &Parsed, options: &Options, callbacks: Option<comments::Callbacks>) {
        let warnings = parsed.warnings.iter().map(ToString::to_string).chain(options.warnings.iter().cloned());
        for w in warnings {
            web_sys::console::warn_1(&JsValue::from_str(&(String::from("Folio: ") + &w)));
        }
        let article = &parsed.article;
        let mut render = RenderOptions { words_per_minute: options.words_per_minute, ..RenderOptions::default() };
        let text = ShareText::en();
        if let Some(share) = &options.share {
            let target = ShareTarget { url: &article.url, title: &article.title, summary: article.dek.as_deref() };
            let bar: Node = share_bar(&target, share, &text).into();
            if matches!(share.placement, Placement::Top | Placement::Both) {
                render.before_body.push(bar.clone());
            }
            if matches!(share.placement, Placement::Bottom | Placement::Both) {
                render.after_body.push(bar);
            }
        }
        let mut nodes: Vec<Node> = vec![render_article(article, &render, &ArticleText::en()).into()];
        if let Some(config) = &options.comments {
            nodes.push(comments_view::placeholder(config.count, CommentsText::en()).into());
        }
        self.show(&nodes);
        if options.share.is_some() {
            share::reveal_native_share(&self.root);
            self.listeners.push(share::wire(&self.root, &self.host, text));
        }
        if let Some(config) = &options.comments {
            let section = self.root.query_selector("[data-folio-comments]").ok().flatten();
            let thread = config.thread.clone().unwrap_or_else(|| default_thread(&article.url));
            let started = section.ok_or_else(|| "the comment section was not rendered".to_string()).and_then(|section| {
                comments::CommentSection::start(&self.host, section, config, thread, article.title.clone(), callbacks)
            });
            match started {
                Ok(c) => self.comments = Some(c),
                Err(message) => web_sys::console::error_1(&JsValue::from_str(&(String::from("Folio: comments: ") + &message))),
            }
        }
        self.set_state("ready");
        let detail = dom::object(&[("title", &JsValue::from_str(&parsed.article.title))]);
        dom::dispatch(&self.host, "folio-ready", &detail);
    }

    /// Loads the comments now, wherever the section is (the handle's `loadComments()`).
    pub fn load_comments(&self) {
        if let Some(c) = &self.comments {
            c.load_now();
        }
    }

    /// Renders the error box and announces the failure (`data-folio-state="error"` and a
    /// `folio-error` event whose detail holds `code` and `message`).
    pub fn show_error(&self, error: &Error) {
        self.show(&[error.view().into()]);
        self.set_state("error");
        let detail = dom::object(&[
            ("code", &JsValue::from_str(error.code())),
            ("message", &JsValue::from_str(&error.to_string())),
        ]);
        dom::dispatch(&self.host, "folio-error", &detail);
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.comments = None;
        self.listeners.clear();
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
        self.root.set_text_content(None);
        let _ = self.host.remove_attribute(STATE_ATTRIBUTE);
    }
}
