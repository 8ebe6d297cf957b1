//! The comment section in the browser: lazy loading, the list, the form, drafts, posting
//! with retries. Decisions (what to request, how to read answers, what to show) are the
//! pure core's (`comments::*`); this file performs them and owns what they need: one
//! delegated listener per event type on the section, the viewport observer, and the
//! in-flight work, whose callbacks check that the widget still exists. Every
//! request it sends carries the section's abort signal: dropping the section (`destroy()`,
//! the element removed) aborts what is in flight and ends a retry's wait, and nothing is
//! sent after that.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal, Element, HtmlElement};

use crate::dom::{self, build, fetch, live, observer::NearViewport, page, storage, Listener};
use folio::comments::config::{BackendKind, CommentsConfig, NO_ENDPOINT};
use folio::comments::draft::{storage_key, Draft, Pending};
use folio::comments::embedded::{self, Embedded};
use folio::comments::form::{counter_text, form, validate, FormRules, FormState, FORM_ID};
use folio::comments::listing::Listing;
use folio::comments::loads::Verdict;
use folio::comments::model::strip_likes;
use folio::comments::own::{self, OwnComment};
use folio::comments::posting::{outcome, Outcome};
use folio::comments::request::non_blank;
use folio::comments::retry::{after_failure, next_check_wait};
use folio::comments::{
    contract, markup, markup::Action, markup::Region, sanitize, thread, thread::Patch, view, Backend, Comment,
    CommentsError, CommentsText, Cursor, HttpRequest, HttpResponse, NewComment, Page, Posted, Settings, Sort,
    ThreadRef,
};
use folio::i18n::Lang;
use folio::view::Node;

pub use super::callbacks::Callbacks;
use super::section::Section;

use super::NEAR_MARGIN;

/// How long one task adds comments to the list before it lets the page run (ms): a long
/// list is drawn in slices, each task under the 50 ms of a long task (a slice ends after
/// the four top-level comments that pass this, a millisecond or two). Shorter slices cost
/// throughput: the page renders between two slices.
const SLICE_MS: f64 = 40.0;

/// The most comments (the thread's total) whose drawing of the list goes on ahead of the
/// page's other tasks: its slices follow each other at once (`scheduler.yield`, which
/// still lets input go first) and the page renders the list in one frame (~25 ms for a
/// thousand), so it is drawn about as fast as in one task. A longer thread's slices each
/// wait behind the page's own tasks, timers and rendering (`scheduler.postTask`), so that
/// no frame has more than a slice's new comments to render.
const HURRY: u32 = 1000;

/// Where comments come from.
enum Server {
    /// A server reached over HTTP (any [`Backend`]).
    Http(Box<dyn Backend>),
    /// The host's own async functions.
    Callbacks(Callbacks),
}

impl Server {
    /// The HTTP backend, for what only it offers (votes, edits, previews): the host's
    /// callbacks list and post, nothing more.
    #[inline]
    fn backend(&self) -> Option<&dyn Backend> {
        match self {
            Server::Http(backend) => Some(&**backend),
            Server::Callbacks(_) => None,
        }
    }
}

/// A mounted comment section. Dropping it removes its listeners and observer and aborts
/// its requests and retry waits; work in flight finds it gone and stops.
pub struct CommentSection {
    state: Rc<RefCell<State>>,
    _listeners: Vec<Listener>,
}

impl Drop for CommentSection {
    fn drop(&mut self) {
        if let Ok(s) = self.state.try_borrow() {
            s.abort.as_ref().map(AbortController::abort);
        }
    }
}

struct State {
    /// This state's own handle, for the work it starts.
    this: Weak<RefCell<State>>,
    host: Element,
    section: Element,
    server: Rc<Server>,
    thread: ThreadRef,
    title: String,
    text: &'static CommentsText,
    /// The locale's tag, for `Intl` date and time formats.
    lang: &'static str,
    /// The comments held and the decisions about them ([`Listing`]).
    list: Listing,
    started: bool,
    posting: bool,
    form: FormState,
    /// What the site's configuration requires of the form (the server may add to it).
    rules: FormRules,
    /// What the server's last list answer said about the form and the thread.
    settings: Settings,
    /// The page author's hashes (see [`view::is_by`]): their comments are marked.
    authors: String,
    draft: Draft,
    /// The reader's recent comments on this thread, editable for a while (on a server that
    /// lets readers edit).
    own: Vec<OwnComment>,
    /// The first page, already requested (see [`Prefetch`]).
    prefetched: Option<Prefetch>,
    observer: Option<NearViewport>,
    /// Bumped for every drawing of the list, so the slices of an older one stop.
    drawing: u32,
    /// The last drawing that was finished: when it is `drawing`, the list on screen is
    /// whole, and one comment's change can be drawn alone ([`State::redraw_one`]).
    drawn: u32,
    /// Aborts every request of this section (and the wait between two attempts) when the
    /// section is dropped.
    abort: Option<AbortController>,
    /// The first wait between two checks for new comments (ms; `0`: no checks).
    every: u32,
    /// The wait before the next check (ms).
    wait: u32,
    /// Bumped for every wait before a check, so that only the newest one checks; `0`
    /// until the checks start.
    checks: u32,
}

impl Section for CommentSection {
    type Prefetch = Prefetch;

    /// Starts the first list request now, when `config` loads eagerly and names its thread.
    fn prefetch(
        config: &CommentsConfig,
        callbacks: Option<Callbacks>,
        signal: Option<&AbortSignal>,
    ) -> Option<Prefetch> {
        prefetch_taking(config, callbacks, None, signal)
    }

    /// Shows the form (with any saved draft) and loads comments when the section nears the
    /// viewport, or at once with `load: "eager"`; or adopts the first page folio-render
    /// wrote into it, when that is fresh (see [`embedded`](folio::comments::embedded)).
    fn start(
        host: &Element,
        section: Element,
        config: &CommentsConfig,
        thread: String,
        title: String,
        callbacks: Option<Callbacks>,
        lang: Lang,
        prefetched: Option<Prefetch>,
    ) -> Result<CommentSection, String> {
        let server = server_for(config, callbacks)?;
        let thread = ThreadRef::new(thread);
        let draft = storage::get(&storage_key(&thread.uri)).and_then(|s| Draft::from_json(&s)).unwrap_or_default();
        let own =
            storage::get(&own::storage_key(&thread.uri)).map(|s| own::from_json(&s, State::now())).unwrap_or_default();
        let state = Rc::new_cyclic(|this| {
            RefCell::new(State {
                this: this.clone(),
                host: host.clone(),
                section: section.clone(),
                server: Rc::new(server),
                thread,
                title,
                text: lang.comments(),
                lang: lang.tag(),
                list: Listing::new(config.sort, config.count),
                started: false,
                posting: false,
                form: FormState { rules: config.rules, ..FormState::default() },
                rules: config.rules,
                settings: Settings::default(),
                authors: config.author_hashes.clone().unwrap_or_default(),
                draft,
                own,
                prefetched,
                observer: None,
                drawing: 0,
                drawn: u32::MAX,
                abort: AbortController::new().ok(),
                every: config.new_comments_every.saturating_mul(1000),
                wait: config.new_comments_every.saturating_mul(1000),
                checks: 0,
            })
        });
        let adopted = adopt(&state, config.static_max_age);
        state.borrow().render_form(false);
        let listeners = listen(&section, &state);
        // A post still pending from an earlier visit goes out now.
        deliver(Rc::downgrade(&state));
        // Near the viewport, a lazy section loads; every section then starts checking for
        // new comments (the first page is on screen already when it was adopted).
        let lazy = !adopted && !config.eager;
        if !adopted && config.eager {
            load(Rc::downgrade(&state), false);
        }
        let weak = Rc::downgrade(&state);
        let observer = NearViewport::new(&section, NEAR_MARGIN, move || {
            start_checks(&weak);
            if lazy {
                load(weak.clone(), false);
            }
        })
        .map_err(|_| "IntersectionObserver is not available.".to_string())?;
        state.borrow_mut().observer = Some(observer);
        Ok(CommentSection { state, _listeners: listeners })
    }

    fn load_now(&self) {
        if !self.state.borrow().started {
            load(Rc::downgrade(&self.state), false);
            start_checks(&Rc::downgrade(&self.state));
        }
    }
}

/// The server a configuration names.
fn server_for(config: &CommentsConfig, callbacks: Option<Callbacks>) -> Result<Server, String> {
    Ok(match (config.backend, callbacks, config.http_server()) {
        (BackendKind::Callbacks, Some(cb), _) => Server::Callbacks(cb),
        (BackendKind::Callbacks, None, _) => {
            return Err("options.comments.list must be a function for the callbacks backend.".into())
        }
        (_, _, Some(server)) => Server::Http(server.backend()),
        (_, _, None) => return Err(NO_ENDPOINT.into()),
    })
}

/// The first page of an eager comment section, requested while the article is still on
/// its way (possible when the host names the thread; otherwise the thread comes from the
/// article's URL). The section takes it over instead of asking again.
pub struct Prefetch {
    thread: String,
    sort: Sort,
    result: Rc<RefCell<Option<Result<Page, CommentsError>>>>,
    done: js_sys::Promise,
}

/// The first list request of an eager section as the split core sent it while the
/// comments module loaded (see `comments_loader.rs`): its URL and the promise `fetch()`
/// returned. The section reads it when its own first request would have the same URL.
pub struct EarlyList {
    /// The request's URL.
    pub url: String,
    /// What `fetch(url)` returned.
    pub response: js_sys::Promise,
}

/// [`Section::prefetch`], taking over `early` (the request the split core already sent, which its
/// sender aborts) when it is the first page's.
pub fn prefetch_taking(
    config: &CommentsConfig,
    callbacks: Option<Callbacks>,
    early: Option<EarlyList>,
    signal: Option<&AbortSignal>,
) -> Option<Prefetch> {
    let thread = config.thread.clone().filter(|_| config.eager)?;
    let server = server_for(config, callbacks).ok()?;
    let result = Rc::new(RefCell::new(None));
    let (slot, sort) = (result.clone(), config.sort);
    let finish = move |page| *slot.borrow_mut() = Some(page);
    let (server, thread_ref) = (Rc::new(server), ThreadRef::new(thread.clone()));
    let done = match early_answer(&server, &thread_ref, sort, early) {
        Some(answer) => answered(
            &fetch::settle(answer),
            Box::new(move |r| finish(r.and_then(|r| server.parse_list(sort, None, &r)))),
        ),
        None => fetch_page(server, &thread_ref, sort, None, None, signal.cloned(), Box::new(finish))?,
    };
    Some(Prefetch { thread, sort: config.sort, result, done })
}

// ---------------------------------------------------------------------------------------
// Rendering into regions of the section.

/// One drawing of the list (see [`State::render_list`]), a slice per task.
struct Drawing {
    this: Weak<RefCell<State>>,
    /// Which drawing this is: a newer one stops it.
    drawing: u32,
    region: Element,
    /// The `<ol>` filled and what it held before ([`State::list_target`]).
    list: Option<(Element, web_sys::NodeList)>,
    loaded: bool,
    focus: Option<String>,
    /// The wait before each slice (`fetch::sleep`'s 0 or 1).
    hurry: u32,
}

impl Drawing {
    /// Draws the next slice from the `shown`-th top-level comment in a task of its own,
    /// then the one after it, until the list is done or a newer drawing (or the section's
    /// end) stops it.
    fn next(self, shown: usize) {
        let _ = dom::when(&fetch::sleep(self.hurry, None), move |_| {
            let Some(state) = self.this.upgrade() else { return Ok(JsValue::UNDEFINED) };
            let mut s = state.borrow_mut();
            if s.drawing != self.drawing {
                return Ok(JsValue::UNDEFINED);
            }
            let shown = self.list.as_ref().map_or(usize::MAX, |(ol, old)| s.draw_slice(ol, old, shown));
            if shown == usize::MAX {
                s.drawn = self.drawing;
                s.show_list(&self.region, self.loaded, self.focus);
            } else {
                drop(s);
                self.next(shown);
            }
            Ok(JsValue::UNDEFINED)
        });
    }
}

impl State {
    fn region(&self, region: Region) -> Option<Element> {
        dom::find(&self.section, region.selector())
    }

    fn now() -> f64 {
        js_sys::Date::now() / 1000.0
    }

    /// The signal that aborts this section's requests.
    fn signal(&self) -> Option<AbortSignal> {
        self.abort.as_ref().map(AbortController::signal)
    }

    /// The list region's content for the comments held as folio-render writes it: without
    /// a clock, so every time reads "just now" (what its fingerprint is taken of).
    fn static_list_nodes(&mut self) -> Vec<Node> {
        // The page holds the comments while they are rendered (no copy), then gives them back.
        let page = Page {
            total: self.list.total.unwrap_or(0),
            comments: std::mem::take(&mut self.list.comments),
            next: self.list.next.clone(),
            settings: None,
        };
        let feed = self.feed();
        let nodes = view::list(
            &page,
            f64::NAN,
            self.list.sort,
            self.text,
            &sanitize::comment_body,
            &self.authors,
            feed.as_deref(),
        );
        self.list.comments = page.comments;
        nodes
    }

    /// Draws the list region from the comments held, a slice at a time (see [`SLICE_MS`]),
    /// so that no task, and no frame's rendering, is long however many there are. The list
    /// takes the place of the "Loading" note at once (see [`State::list_target`]); each
    /// slice takes the place of as many comments of the list on screen, so what the reader
    /// looks at is never emptied or moved up while the rest is drawn; comments the new list
    /// no longer has go at the end. Then, when `loaded` (a load's list), it says so, and it
    /// focuses the comment `focus` (one just posted).
    fn render_list(&mut self, loaded: bool, focus: Option<String>) {
        self.drawing = self.drawing.wrapping_add(1);
        self.show_heading();
        let Some(region) = self.region(Region::List) else { return };
        let list = self.list_target(&region);
        let hurry = self.list.total.is_some_and(|n| n <= HURRY) as u32;
        let drawing = Drawing { this: self.this.clone(), drawing: self.drawing, region, list, loaded, focus, hurry };
        drawing.next(0);
    }

    /// Adds the comments from the `shown`-th top-level one to `ol`, for [`SLICE_MS`], each
    /// in place of the old comment (in `old`, what `ol` held before) at its position, and
    /// says how many are shown: `usize::MAX` once all are, and the old ones left are gone.
    fn draw_slice(&self, ol: &Element, old: &web_sys::NodeList, mut shown: usize) -> usize {
        let remove = |from: usize, to: usize| {
            for i in from..to {
                if let Some(gone) = old.item(i as u32) {
                    gone.unchecked_into::<Element>().remove();
                }
            }
        };
        let start = js_sys::Date::now();
        while shown < self.list.comments.len() && js_sys::Date::now() - start < SLICE_MS {
            let end = self.list.comments.len().min(shown + 4);
            let Some(items) = self.items(shown, end) else { return usize::MAX };
            remove(shown, end);
            let _ = ol.insert_before(&items, old.item(end as u32).as_ref());
            shown = end;
        }
        if shown < self.list.comments.len() {
            return shown;
        }
        remove(shown, old.length() as usize);
        usize::MAX
    }

    /// The top-level comments from the `from`-th to before the `to`-th, with their replies,
    /// as `<li>` nodes.
    fn items(&self, from: usize, to: usize) -> Option<web_sys::DocumentFragment> {
        let mut nodes =
            view::items(&self.list.comments[from..to], Self::now(), self.text, &sanitize::comment_body, &self.authors);
        dom::intl::localize_comment_times(&mut nodes, self.lang);
        dom::document().and_then(|d| build::fragment(&d, &nodes)).ok()
    }

    /// Draws the change of one thread of the list alone, the top-level comment at `index`
    /// (see [`State::draw_one`]), then focuses the comment `focus_id`; or the whole list,
    /// when there is no such place or the list on screen cannot take that change alone. So
    /// a reply, an edit or a new comment shows at once however long the list is.
    fn redraw_one(&mut self, index: Option<usize>, focus_id: Option<String>) {
        if !index.is_some_and(|i| self.draw_one(i)) {
            return self.render_list(false, focus_id);
        }
        self.show_heading();
        self.restore_reply_form();
        self.focus_comment(focus_id);
    }

    /// The heading's text, with the thread's total.
    fn show_heading(&self) {
        if let Some(h) = dom::find(&self.section, markup::HEADING) {
            h.set_text_content(Some(&view::heading_text(self.list.total, &self.text.section)));
        }
    }

    /// Puts the reply form back under its comment when drawing one thread took it away.
    fn restore_reply_form(&self) {
        if self.draft.parent.is_some() && dom::find(&self.section, markup::FORM).is_none() {
            self.render_form(false);
        }
    }

    /// Moves the focus to the comment `id` (one just posted).
    fn focus_comment(&self, id: Option<String>) {
        if let Some(article) = id.and_then(|id| self.comment_article(&id)) {
            dom::attr(&article, "tabindex", Some("-1"));
            focus(Some(article));
        }
    }

    /// Puts the top-level comment at `index` (with its replies) on screen in place of the
    /// one there, or at the end when it is new there, or takes the one there out when the
    /// comments held no longer have it. `false`, with nothing changed, when the list on
    /// screen is not whole (a drawing is under way, or it shows a note) or differs from
    /// the comments held by more than that.
    fn draw_one(&self, index: usize) -> bool {
        let held = self.list.comments.len();
        let list = self.region(Region::List).and_then(|r| dom::find(&r, markup::LIST));
        let Some(ol) = list.filter(|_| self.drawn == self.drawing && held > 0) else { return false };
        let Ok(old) = ol.query_selector_all(markup::LIST_ITEMS) else { return false };
        let (patch, at) = (Patch::of(old.length() as usize, held, index), old.item(index as u32));
        if patch == Patch::Whole {
            return false;
        }
        if patch != Patch::Remove {
            let Some(li) = self.items(index, index + 1) else { return false };
            if ol.insert_before(&li, at.as_ref()).is_err() {
                return false;
            }
            if let Some(li) = ol.children().item(index as u32) {
                self.decorate_own(&li);
            }
        }
        if let Some(at) = at.filter(|_| matches!(patch, Patch::Replace | Patch::Remove)) {
            at.unchecked_into::<Element>().remove();
        }
        true
    }

    /// The `<ol>` a drawing of the list fills and the comments it holds: the one on screen,
    /// or, when there is none (the "Loading" note, an error, an empty thread), a new one in
    /// place of what the region holds. `None` when the thread is empty (the region then
    /// says so).
    fn list_target(&self, region: &Element) -> Option<(Element, web_sys::NodeList)> {
        let empty = self.list.comments.is_empty() && self.list.next.is_none();
        let ol = match (empty, dom::find(region, markup::LIST)) {
            (false, Some(ol)) => ol,
            _ => {
                let _ = build::replace_children(
                    region,
                    &view::list_shell(empty, self.list.sort, self.feed().as_deref(), self.text),
                );
                dom::find(region, markup::LIST)?
            }
        };
        let old = ol.query_selector_all(markup::LIST_ITEMS).ok()?;
        Some((ol, old))
    }

    /// Ends a drawing of the list (see [`State::render_list`]): "Load more" below it when
    /// there is a next page, the reader's own comments decorated, a reply form back under
    /// its comment.
    fn show_list(&mut self, region: &Element, loaded: bool, focus_id: Option<String>) {
        if let Some(old) = dom::find(region, markup::LOAD_MORE) {
            old.remove();
        }
        if let Some(cursor) = &self.list.next {
            if let Ok(more) =
                dom::document().and_then(|d| build::fragment(&d, &[view::load_more(cursor, self.text).into()]))
            {
                let _ = region.append_child(&more);
            }
        }
        let _ = region.class_list().remove_1("folio-comments-loading");
        dom::attr(region, "aria-busy", Some("false"));
        self.decorate_own(region);
        // Under its comment, which the list may only now hold (a reply's saved draft).
        if self.draft.parent.is_some() {
            self.render_form(false);
        }
        if loaded {
            self.announce_loaded();
        }
        self.focus_comment(focus_id);
    }

    /// Follows the server's `settings` from a list answer: the form requires what the
    /// server requires too and offers reply notifications when the server does, and the
    /// list's toolbar links to the thread's feed when the server publishes one. The form
    /// is drawn again when its rules change, unless the reader is in it (then its next
    /// drawing shows them, and a post is checked against them all the same).
    fn follow(&mut self, settings: Option<Settings>) {
        let Some(settings) = settings else { return };
        self.settings = settings;
        let rules = self.rules.with(&settings);
        if rules != self.form.rules {
            self.form.rules = rules;
            let form = dom::find(&self.section, markup::FORM);
            if form.is_some_and(|f| dom::find(&f, ":focus").is_none()) {
                self.render_form(false);
            }
        }
    }

    /// The address of the thread's feed, when the server publishes one.
    fn feed(&self) -> Option<String> {
        match &*self.server {
            Server::Http(backend) if self.settings.feed => backend.feed_url(&self.thread),
            _ => None,
        }
    }

    /// Adds Edit and Delete to the reader's own comments in `within` that can still be
    /// changed, and takes their Reply away where the server refuses replies to oneself
    /// while that lasts.
    fn decorate_own(&self, within: &Element) {
        let now = Self::now();
        for mine in self.own.iter().filter(|c| c.editable(now)) {
            let Some(article) = self.comment_article(&mine.id).filter(|a| within.contains(Some(a))) else { continue };
            if self.settings.no_self_replies {
                if let Some(reply) = dom::find(&article, Action::Reply.selector()) {
                    reply.remove();
                }
            }
            let Some(actions) = dom::find(&article, markup::COMMENT_ACTIONS) else { continue };
            if let Ok(frag) =
                dom::document().and_then(|d| build::fragment(&d, &view::owner_actions(&mine.id, self.text)))
            {
                let _ = actions.append_child(&frag);
            }
        }
    }

    fn save_own(&self) {
        storage::set(&own::storage_key(&self.thread.uri), &own::to_json(&self.own, Self::now()));
    }

    fn render_error(&mut self, error: &CommentsError) {
        let Some(region) = self.region(Region::List) else { return };
        self.drawing = self.drawing.wrapping_add(1);
        let _ = build::replace_children(&region, &[view::error_box(error, self.text).into()]);
        dom::attr(&region, "aria-busy", Some("false"));
    }

    /// Renders the form from the draft and form state, under the comment it replies to or
    /// in the form region. `focus_error` focuses the first field with an error.
    fn render_form(&self, focus_error: bool) {
        if let Some(old) = dom::find(&self.section, markup::FORM) {
            old.remove();
        }
        let parent = self.draft.parent.as_deref().filter(|p| thread::find(&self.list.comments, p).is_some());
        let tree: Node = form(FORM_ID, &self.draft, &self.form, self.text, parent).into();
        let Ok(doc) = dom::document() else { return };
        let Ok(node) = build::build(&doc, &tree, false) else { return };
        let placed = parent.and_then(|p| self.comment_article(p)).and_then(|article| {
            let li = article.parent_node()?;
            li.insert_before(&node, article.next_sibling().as_ref()).ok()
        });
        if placed.is_none() {
            if let Some(region) = self.region(Region::Form) {
                let _ = region.append_child(&node);
            }
        }
        if focus_error {
            let field = self.form.errors.first().map(|(f, _)| f.key());
            if let Some(key) = field {
                focus(dom::find(&self.section, &markup::form_field(key)));
            }
        }
    }

    fn comment_article(&self, id: &str) -> Option<Element> {
        let mut selector = String::from(markup::COMMENT_ID_PREFIX);
        selector.push_str(&css_ident(id));
        dom::find(&self.section, &selector)
    }

    /// Sets the status line, the submit button and whether the text can be changed (not
    /// while it is being sent) without re-rendering the form (the reader's focus and caret
    /// stay where they are).
    fn show_form_status(&self, status: &str, posting: bool) {
        if let Some(p) = dom::find(&self.section, markup::FORM_STATUS) {
            p.set_text_content(Some(status));
        }
        if let Some(text) = dom::find(&self.section, markup::FORM_TEXT) {
            dom::attr(&text, "readonly", posting.then_some(""));
        }
        if let Some(button) = dom::find(&self.section, markup::FORM_SUBMIT) {
            dom::attr(&button, "disabled", posting.then_some(""));
            dom::attr(&button, "aria-busy", posting.then_some("true"));
            button.set_text_content(Some(if posting { self.text.posting } else { self.text.submit }));
        }
    }

    /// Reads the form's fields into the draft and saves it for this thread.
    fn capture_draft(&mut self) {
        let value = |name: &str| -> String {
            dom::find(&self.section, &markup::form_field(name)).map_or_else(String::new, |e| dom::value(&e))
        };
        self.draft.text = value("text");
        self.draft.name = value("name");
        self.draft.email = value("email");
        self.draft.website = value("website");
        if let Some(check) = dom::find(&self.section, markup::FORM_NOTIFY) {
            self.draft.notify = check.matches(":checked").unwrap_or(false);
            let _ = check.toggle_attribute_with_force("disabled", self.draft.email.trim().is_empty());
        }
        self.save_draft();
        if let Some(counter) = dom::find(&self.section, markup::FORM_COUNTER) {
            counter.set_text_content(Some(&counter_text(self.draft.text.chars().count(), self.form.rules.max_chars)));
        }
    }

    fn save_draft(&self) {
        let key = storage_key(&self.thread.uri);
        if self.draft.is_empty() {
            storage::remove(&key);
        } else {
            storage::set(&key, &self.draft.to_json());
        }
    }

    fn honeypot_filled(&self) -> bool {
        dom::find(&self.section, markup::FORM_HONEYPOT).is_some_and(|e| !dom::value(&e).is_empty())
    }
}

/// Focuses an element, when there is one.
fn focus(element: Option<Element>) {
    if let Some(e) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Comment ids come from the server: keep only characters safe in a CSS id selector.
fn css_ident(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

// ---------------------------------------------------------------------------------------
// Requests.

/// What is done with a request's outcome once it is there: boxed, so that each function
/// that waits for one is compiled once, not once for every caller's closure.
type Then<T> = Box<dyn FnOnce(T)>;

/// Sends `request` (aborted with `signal`) and hands `then` the answer, in a later task:
/// the promise of `then`'s end.
fn send(
    request: &HttpRequest,
    signal: Option<&AbortSignal>,
    then: Then<Result<HttpResponse, CommentsError>>,
) -> js_sys::Promise {
    let sent = fetch::request(
        request.method.as_str(),
        &request.url,
        &request.headers,
        request.body.as_deref(),
        request.credentials,
        signal,
    );
    answered(&sent, then)
}

/// Hands `then` the answer `sent` (a promise of `fetch::request`'s or `fetch::settle`'s)
/// brings, once it does: the promise of `then`'s end.
fn answered(sent: &js_sys::Promise, then: Then<Result<HttpResponse, CommentsError>>) -> js_sys::Promise {
    dom::when(sent, move |answer| {
        then(answer.and_then(fetch::read).map(http_response).map_err(|_| CommentsError::Network));
        Ok(JsValue::UNDEFINED)
    })
}

fn http_response(f: fetch::Fetched) -> HttpResponse {
    HttpResponse { status: f.status, headers: f.headers, body: f.body }
}

/// Calls a host function and hands `then` its promise's outcome as a contract-shaped
/// response, in a later task: resolved -> `ok_status` with the JSON of the value; rejected
/// with an `Error` that has a numeric `status` -> that status and its message; rejected
/// otherwise (or the call threw) -> no answer. The promise of `then`'s end.
fn call(
    f: &js_sys::Function,
    arg: &JsValue,
    ok_status: u16,
    then: Then<Result<HttpResponse, CommentsError>>,
) -> js_sys::Promise {
    let promise = f.call1(&JsValue::NULL, arg).unwrap_or_else(|e| js_sys::Promise::reject(&e).into());
    dom::when(&promise, move |outcome| {
        then(match outcome {
            Ok(value) => {
                let body = js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()).unwrap_or_default();
                Ok(HttpResponse::new(ok_status, body))
            }
            Err(error) => {
                let status = js_sys::Reflect::get(&error, &"status".into()).ok().and_then(|s| s.as_f64());
                let message = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                match status {
                    Some(s) if (400.0..600.0).contains(&s) => {
                        Err(CommentsError::from_response(&HttpResponse::new(s as u16, ""), message))
                    }
                    _ => Err(CommentsError::Network),
                }
            }
        });
        Ok(JsValue::UNDEFINED)
    })
}

/// The argument of a callbacks backend's function: an object of `pairs`, `null` where a
/// value is missing.
fn callback_args(pairs: &[(&str, Option<&str>)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), &v.map_or(JsValue::NULL, JsValue::from_str));
    }
    object.into()
}

/// Asks `server` for a page of `thread`, or for every reply of comment `parent` (see
/// [`Backend::replies_request`]; a page of them, where the server has that request), and
/// hands `then` what came of it, in a later task: the promise of `then`'s end, or `None`
/// when the server has no such request (`then` is then never called).
fn fetch_page(
    server: Rc<Server>,
    thread: &ThreadRef,
    sort: Sort,
    cursor: Option<Cursor>,
    parent: Option<&str>,
    signal: Option<AbortSignal>,
    then: Then<Result<Page, CommentsError>>,
) -> Option<js_sys::Promise> {
    let request = match (&*server, parent) {
        (Server::Http(backend), None) => Some(backend.list_request(thread, sort, cursor.as_ref())),
        (Server::Http(backend), Some(id)) => backend.replies_request(thread, id, sort),
        (Server::Callbacks(_), _) => None,
    };
    let token = cursor.as_ref().map(Cursor::to_param);
    let read = {
        let server = server.clone();
        move |answer: Result<HttpResponse, CommentsError>| {
            then(answer.and_then(|r| server.parse_list(sort, cursor.as_ref(), &r)))
        }
    };
    match (&*server, request) {
        (_, Some(request)) => Some(send(&request, signal.as_ref(), Box::new(read))),
        (Server::Callbacks(cb), _) if parent.is_none() => {
            let arg = callback_args(&[
                ("thread", Some(&thread.uri)),
                ("sort", Some(sort.as_str())),
                ("cursor", token.as_deref()),
            ]);
            Some(call(&cb.list, &arg, 200, Box::new(read)))
        }
        _ => None,
    }
}

impl Server {
    /// Reads a list answer: the backend's reader; the callbacks answer in the contract's
    /// shapes, without likes or previews.
    fn parse_list(&self, sort: Sort, cursor: Option<&Cursor>, r: &HttpResponse) -> Result<Page, CommentsError> {
        match self {
            Server::Http(backend) => backend.parse_list(sort, cursor, r),
            Server::Callbacks(_) => contract::parse_list(r).map(|mut page| {
                strip_likes(&mut page.comments);
                if let Some(settings) = &mut page.settings {
                    settings.preview = false;
                }
                page
            }),
        }
    }
}

/// Runs `f` in a later task (a microtask), as the answer to a request would be handled:
/// never inside its caller, which may hold the section's state.
fn later(f: impl FnOnce() + 'static) {
    let _ = dom::when(&JsValue::UNDEFINED, move |_| {
        f();
        Ok(JsValue::UNDEFINED)
    });
}

/// The promise of the split core's early request when that asked for exactly the first
/// page the section would ask for.
fn early_answer(server: &Server, thread: &ThreadRef, sort: Sort, early: Option<EarlyList>) -> Option<js_sys::Promise> {
    match (server, early) {
        (Server::Http(backend, ..), Some(early)) if backend.list_request(thread, sort, None).url == early.url => {
            Some(early.response)
        }
        _ => None,
    }
}

/// Sends `comment`, a pending post first sent at `since`, and hands `then` what became of
/// it, in a later task. When an earlier attempt may have reached the server (`unsure`)
/// and the backend can tell, it first looks whether the thread has it.
fn send_post(
    server: Rc<Server>,
    comment: NewComment,
    since: u64,
    unsure: bool,
    signal: Option<AbortSignal>,
    then: Then<Outcome>,
) {
    /// What reads the post's answer and hands its outcome to `then`.
    fn reader(server: &Rc<Server>, then: Then<Outcome>) -> Then<Result<HttpResponse, CommentsError>> {
        let server = server.clone();
        Box::new(move |answer| {
            then(outcome(answer, |r| match &*server {
                Server::Http(backend) => backend.parse_post(r),
                Server::Callbacks(_) => contract::parse_post(r),
            }))
        })
    }
    match &*server {
        Server::Http(backend) => match backend.lookup_request(&comment).filter(|_| unsure) {
            Some(lookup) => {
                let (server, waits) = (server.clone(), signal.clone());
                let _ = send(
                    &lookup,
                    waits.as_ref(),
                    Box::new(move |answer| {
                        let Server::Http(backend) = &*server else { return };
                        match answer.and_then(|r| backend.parse_lookup(&comment, since, &r)) {
                            Ok(Some(_)) => then(Outcome::Stored { found: true }),
                            Ok(None) => {
                                let _ = send(&backend.post_request(&comment), signal.as_ref(), reader(&server, then));
                            }
                            Err(error) => then(Outcome::Failed(error)),
                        }
                    }),
                );
            }
            None => {
                let _ = send(&backend.post_request(&comment), signal.as_ref(), reader(&server, then));
            }
        },
        Server::Callbacks(cb) => {
            let Some(post) = &cb.post else {
                let refused =
                    CommentsError::Rejected { status: 405, message: "This site does not accept comments.".into() };
                return later(move || then(Outcome::Failed(refused)));
            };
            let arg = callback_args(&[
                ("thread", Some(&comment.uri)),
                ("text", Some(&comment.text)),
                ("author", non_blank(&comment.author)),
                ("email", non_blank(&comment.email)),
                ("website", non_blank(&comment.website)),
                ("parent", comment.parent.as_deref()),
                ("title", Some(&comment.title)),
                ("key", comment.key.as_deref()),
            ]);
            let _ = call(post, &arg, 201, reader(&server, then));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Work: loading, posting, liking. Each holds only a weak reference while it waits.

fn load(weak: Weak<RefCell<State>>, append: bool) {
    let Some(state) = weak.upgrade() else { return };
    let (server, thread, sort, cursor, ticket, early, lang, signal) = {
        let mut s = state.borrow_mut();
        let Some(ticket) = s.list.loads.start(append) else { return };
        s.started = true;
        s.observer = None;
        if let Some(region) = s.region(Region::List) {
            dom::attr(&region, "aria-busy", Some("true"));
        }
        let cursor = if append { s.list.next.clone() } else { None };
        let sort = s.list.sort;
        let thread_uri = s.thread.uri.clone();
        let early = s.prefetched.take().filter(|p| !append && p.thread == thread_uri && p.sort == sort);
        (s.server.clone(), s.thread.clone(), sort, cursor, ticket, early, s.lang, s.signal())
    };
    drop(state);
    let show = move |result: Result<Page, CommentsError>| {
        let Some(state) = weak.upgrade() else { return };
        let mut s = state.borrow_mut();
        match s.list.loads.answered(ticket) {
            Verdict::Show => {}
            Verdict::Drop => return,
            Verdict::Again => {
                drop(s);
                drop(state);
                return load(weak.clone(), false);
            }
        }
        match result {
            Ok(page) => {
                let settings = s.list.take(page, ticket.append());
                s.follow(settings);
                s.offer_fresh();
                s.render_list(true, None);
            }
            Err(error) => s.render_error(&error),
        }
    };
    match early {
        Some(p) => {
            let _ = dom::when(&p.done, move |_| {
                let taken = p.result.borrow_mut().take();
                match taken {
                    Some(r) => show(r),
                    None => {
                        fetch_page(server, &thread, sort, cursor, None, signal, Box::new(show));
                    }
                }
                Ok(JsValue::UNDEFINED)
            });
        }
        None => {
            fetch_page(server, &thread, sort, cursor, None, signal, Box::new(show));
        }
    }
    if !append {
        // After the request went out: the time formatters the list needs are made while
        // it is on the network.
        later(move || dom::intl::prepare_comment_formats(lang));
    }
}

/// Takes over the first page folio-render wrote into the section
/// ([`embedded`](folio::comments::embedded)) when it is of this thread and sort order,
/// fresh and readable, so that page is not requested. Its markup stays when it is what
/// `render_list` would draw (the times' words are made relative in place); otherwise the
/// list is drawn from it. Returns whether it did.
fn adopt(state: &Rc<RefCell<State>>, max_age: u32) -> bool {
    let mut s = state.borrow_mut();
    let Some(script) = dom::find(&s.section, embedded::SELECTOR) else { return false };
    script.remove();
    let attr = |name| dom::get_attr(&script, name).unwrap_or_default();
    let (format, thread, sort, fetched) =
        (attr("data-folio-page"), attr("data-folio-thread"), attr("data-folio-sort"), attr("data-folio-fetched"));
    let body = dom::text_of(&script).unwrap_or_default();
    let found = Embedded { format: &format, thread: &thread, sort: &sort, fetched: &fetched, body: &body };
    let likes = matches!(&*s.server, Server::Http(b) if b.capabilities().likes);
    let Ok(page) = embedded::read(&found, &s.thread.uri, s.list.sort, State::now(), max_age, likes) else {
        return false;
    };
    let settings = s.list.take(page, false);
    s.follow(settings);
    let same = attr("data-folio-fingerprint") == folio::view::fingerprint(&s.static_list_nodes());
    s.started = true;
    s.prefetched = None;
    match s.region(Region::List) {
        Some(region) if same => {
            dom::intl::localize_built_comment_times(&region, s.lang);
            dom::attr(&region, "aria-busy", Some("false"));
            s.drawn = s.drawing;
            s.decorate_own(&region);
            s.announce_loaded();
        }
        _ => s.render_list(true, None),
    }
    true
}

impl State {
    /// Dispatches `folio-comments-loaded` (`{count, total}`) on the host.
    fn announce_loaded(&self) {
        let count = self.list.count();
        let total = JsValue::from(self.list.total.unwrap_or(0));
        dom::dispatch(
            &self.host,
            "folio-comments-loaded",
            &dom::object(&[("count", &JsValue::from(count)), ("total", &total)]),
        );
    }
}

fn submit(weak: Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    {
        let mut s = state.borrow_mut();
        if s.posting || s.draft.pending.is_some() {
            return; // one post at a time: a second click does nothing
        }
        s.capture_draft();
        if s.honeypot_filled() {
            return;
        }
        s.form.errors = validate(&s.draft, &s.form.rules, s.text);
        if !s.form.errors.is_empty() {
            s.form.status = None;
            s.render_form(true);
            return;
        }
        let since = State::now() as u64;
        let mut key = folio::date::number(since);
        key.push('-');
        key.push_str(&folio::date::number((js_sys::Math::random() * 1e15) as u64));
        s.draft.pending = Some(Pending { key, since, unsure: false });
        s.save_draft();
    }
    drop(state);
    deliver(weak);
}

/// Sends the draft's pending post until the server has it: with back-off between
/// attempts while the failures may pass, and kept waiting (for the `online` event or the
/// reader's next visit) when the browser is offline or every attempt failed.
fn deliver(weak: Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let (server, signal, comment, Pending { since, unsure, .. }) = {
        let mut s = state.borrow_mut();
        if s.posting {
            return;
        }
        let Some(pending) = s.draft.attempt() else { return };
        s.save_draft();
        s.posting = true;
        let waiting = s.form.waiting;
        s.form = FormState { rules: s.form.rules, posting: true, ..FormState::default() };
        if waiting {
            s.render_form(false);
        } else {
            s.show_form_status("", true);
        }
        (s.server.clone(), s.signal(), s.draft.to_new_comment(&s.thread.uri, &s.title), pending)
    };
    drop(state);
    let attempt = Attempt { weak, server, signal, comment, since, unsure, number: 1 };
    attempt.send();
}

/// One attempt at sending a pending post (see [`deliver`]).
struct Attempt {
    weak: Weak<RefCell<State>>,
    server: Rc<Server>,
    signal: Option<AbortSignal>,
    comment: NewComment,
    /// When the post was first sent (s).
    since: u64,
    /// Whether an earlier attempt may have reached the server.
    unsure: bool,
    /// 1 for the first attempt.
    number: u32,
}

impl Attempt {
    /// Sends the post; then shows it, or waits and sends it again while the failure may
    /// pass, or keeps it waiting (see [`deliver`]).
    fn send(self) {
        let (server, comment, signal) = (self.server.clone(), self.comment.clone(), self.signal.clone());
        send_post(server, comment, self.since, self.unsure, signal, Box::new(move |result| self.answered(result)));
    }

    fn answered(mut self, result: Outcome) {
        let Some(state) = self.weak.upgrade() else { return };
        let mut s = state.borrow_mut();
        let error = match result {
            Outcome::Accepted(posted) => return s.posted(posted),
            Outcome::Stored { found } => {
                s.stored_unseen(found);
                drop(s);
                drop(state);
                return load(self.weak, false);
            }
            Outcome::Failed(error) => error,
        };
        let mut status = error.message_in(s.text);
        status.push(' ');
        let next = after_failure(&error, self.number, self.unsure, dom::online(), js_sys::Math::random);
        let retryable = next.keep;
        self.unsure = next.unsure;
        s.draft.failed(retryable, self.unsure);
        s.save_draft();
        let Some(ms) = next.retry_in else {
            s.posting = false;
            status.push_str(if retryable { s.text.waiting } else { s.text.draft_kept });
            s.form =
                FormState { rules: s.form.rules, waiting: retryable, status: Some(status), ..FormState::default() };
            return s.render_form(false);
        };
        status.push_str(s.text.retrying);
        s.show_form_status(&status, true);
        drop(s);
        drop(state);
        let wait = fetch::sleep(ms, self.signal.as_ref());
        let _ = dom::when(&wait, move |_| {
            // Dropped during the wait: nothing more is sent.
            if self.weak.strong_count() > 0 {
                self.number += 1;
                self.send();
            }
            Ok(JsValue::UNDEFINED)
        });
    }
}

impl State {
    /// The server has the comment but did not show it: its answer was unreadable, or an
    /// earlier attempt was `found` in the thread. Clear the text (sending it again would
    /// post it twice) and say so; the caller reloads the list.
    fn stored_unseen(&mut self, found: bool) {
        self.posting = false;
        self.draft.delivered();
        self.save_draft();
        let status = if found { view::posted_notice(self.text) } else { self.text.sent_unconfirmed };
        self.form = FormState { rules: self.form.rules, status: Some(status.into()), ..FormState::default() };
        self.render_form(false);
    }

    /// The reader cancels the pending post: it is not sent; its text stays in the form.
    fn cancel_sending(&mut self) {
        if self.posting {
            return;
        }
        self.draft.pending = None;
        self.save_draft();
        self.form =
            FormState { rules: self.form.rules, status: Some(self.text.draft_kept.into()), ..FormState::default() };
        self.render_form(false);
    }

    /// The server took the comment: show it (or the moderation notice), clear the text of
    /// the draft (the reader's name and email stay for next time), focus the new comment.
    fn posted(&mut self, posted: Posted) {
        self.posting = false;
        let id = posted.comment.id.clone();
        let pending = posted.pending;
        if matches!(&*self.server, Server::Http(b) if b.capabilities().edit) {
            self.own.push(OwnComment { id: id.clone(), posted: Self::now(), text: self.draft.text.clone() });
            self.save_own();
        }
        let index = self.list.posted(posted.comment, pending);
        self.offer_fresh();
        self.draft.delivered();
        self.save_draft();
        self.form = FormState {
            rules: self.form.rules,
            status: Some(
                if pending { view::moderation_notice(self.text) } else { view::posted_notice(self.text) }.to_string(),
            ),
            ..FormState::default()
        };
        self.redraw_one(index, Some(id.clone()));
        self.render_form(false);
        let detail = dom::object(&[("id", &JsValue::from_str(&id)), ("pending", &JsValue::from_bool(pending))]);
        dom::dispatch(&self.host, "folio-comment-posted", &detail);
    }
}

// ---------------------------------------------------------------------------------------
// New comments while the reader is on the page.

/// Starts checking for new comments, once the section has come near the viewport: the
/// first check after the configured wait.
fn start_checks(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let mut s = state.borrow_mut();
    s.observer = None;
    let start = s.every > 0 && s.checks == 0;
    let wait = s.every;
    drop(s);
    drop(state);
    if start {
        check_later(weak.clone(), wait);
    }
}

/// Checks for new comments after `ms` (an earlier wait still running is dropped). The wait
/// ends early when the section is dropped, and then nothing is sent.
fn check_later(weak: Weak<RefCell<State>>, ms: u32) {
    let Some(state) = weak.upgrade() else { return };
    let (checks, signal) = {
        let mut s = state.borrow_mut();
        s.checks += 1;
        (s.checks, s.signal())
    };
    drop(state);
    let _ = dom::when(&fetch::sleep(ms, signal.as_ref()), move |_| {
        check(weak, checks);
        Ok(JsValue::UNDEFINED)
    });
}

/// Asks the server for the thread's newest comments and notes those the list does not
/// hold; then waits again, twice as long when there were none. Nothing is sent while the
/// page is hidden (its return checks) or while the list is loading (the check waits).
fn check(weak: Weak<RefCell<State>>, checks: u32) {
    let Some(state) = weak.upgrade() else { return };
    let s = state.borrow();
    if s.checks != checks {
        return;
    }
    if live::hidden() {
        return; // the page's return checks
    }
    if s.list.loads.busy() {
        let wait = s.wait;
        drop(s);
        drop(state);
        return check_later(weak, wait);
    }
    let (server, thread, signal) = (s.server.clone(), s.thread.clone(), s.signal());
    drop(s);
    drop(state);
    let then = move |result: Result<Page, CommentsError>| {
        let Some(state) = weak.upgrade() else { return };
        let mut s = state.borrow_mut();
        let found = result.is_ok_and(|page| s.note_fresh(page.comments));
        s.wait = next_check_wait(found, s.wait, s.every);
        let wait = s.wait;
        drop(s);
        drop(state);
        check_later(weak, wait);
    };
    fetch_page(server, &thread, Sort::Newest, None, None, signal, Box::new(then));
}

/// The page is back (visible again): checks at once, and waits the first wait again after
/// that. (A check already on the network still notes what it finds.)
fn recheck(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let mut s = state.borrow_mut();
    let go = s.checks > 0 && !live::hidden();
    if go {
        s.wait = s.every;
    }
    drop(s);
    drop(state);
    if go {
        check_later(weak.clone(), 0);
    }
}

impl State {
    /// Notes the new comments of `page` (the thread's newest, see [`Listing::note`]) and
    /// offers them ("N new comments"); or puts them in at once when the list has nowhere
    /// to offer them (it is empty). Whether there were any.
    fn note_fresh(&mut self, page: Vec<Comment>) -> bool {
        if !self.list.note(page) {
            return false;
        }
        if !self.offer_fresh() {
            self.show_fresh();
        }
        true
    }

    /// Offers the comments noted and not in the list yet ("N new comments"), or hides the
    /// offer when there are none. `false` when the list has no place for it (it is empty).
    fn offer_fresh(&self) -> bool {
        let Some(button) = dom::find(&self.section, markup::NEW_COMMENTS) else { return false };
        let count = self.list.fresh.len();
        if count > 0 {
            button.set_text_content(Some(&self.text.new_comments.with(count as u64)));
        }
        dom::attr(&button, "hidden", (count == 0).then_some(""));
        true
    }

    /// Puts the noted new comments into the list ("N new comments" pressed): each thread
    /// they change drawn alone where the list on screen can take it, the comment the reader
    /// was looking at kept where it was on screen, and the first new one in the list's
    /// order focused.
    fn show_fresh(&mut self) {
        let at = page::anchor(&self.section);
        let mut whole = false;
        while let Some((id, index)) = self.list.put_fresh() {
            whole = whole || !index.is_some_and(|i| self.draw_one(i));
            // Marked for `steady`, which focuses the first in the list's order.
            if let Some(article) = self.comment_article(&id) {
                dom::attr(&article, "tabindex", Some("-1"));
                dom::attr(&article, "data-folio-fresh", Some(""));
            }
        }
        self.offer_fresh();
        if whole {
            self.render_list(false, None);
        } else {
            self.show_heading();
            self.restore_reply_form();
        }
        page::steady(&self.section, &at);
    }
}

/// Sends the reader's vote on comment `id` (a like when `up`), then shows the score the
/// server answered (likes less dislikes; likes alone where there are no down-votes) and
/// marks the pressed button.
fn vote(weak: Weak<RefCell<State>>, id: String, up: bool) {
    let Some(state) = weak.upgrade() else { return };
    let Some((request, parse)) = state.borrow().server.backend().and_then(|b| b.vote_request(&id, up)) else {
        return;
    };
    let signal = state.borrow().signal();
    drop(state);
    let _ = send(
        &request,
        signal.as_ref(),
        Box::new(move |response| {
            let Ok(response) = response else { return };
            let Ok(votes) = parse(&response) else { return };
            let Some(state) = weak.upgrade() else { return };
            let mut s = state.borrow_mut();
            s.list.voted(&id, up, votes);
            // In place, not drawn again: the button the reader pressed keeps the focus.
            if let Some(article) = s.comment_article(&id) {
                if let Some(count) = dom::find(&article, markup::LIKES) {
                    count.set_text_content(Some(&folio::date::signed(votes.likes - votes.dislikes)));
                }
                let pressed = if up { Action::Like } else { Action::Dislike };
                if let Some(button) = dom::find(&article, pressed.selector()) {
                    dom::attr(&button, "aria-pressed", Some("true"));
                }
            }
        }),
    );
}

/// The Preview toggle (`toggle`, pressed): shows the form's text as the server will render
/// it, in the text's place, or, pressed again, the text. The draft is untouched; a failure
/// says why where the preview would be. An answer that comes after the toggle was released
/// is dropped.
fn preview(weak: Weak<RefCell<State>>, toggle: Element) {
    let Some(state) = weak.upgrade() else { return };
    let s = state.borrow();
    let (Some(field), Some(shown)) =
        (dom::find(&s.section, markup::FORM_TEXT_FIELD), dom::find(&s.section, markup::FORM_PREVIEW))
    else {
        return;
    };
    if dom::get_attr(&toggle, "aria-pressed").as_deref() == Some("true") {
        dom::attr(&toggle, "aria-pressed", Some("false"));
        shown.set_text_content(None);
        dom::attr(&field, "hidden", None);
        return;
    }
    // A build that renders the comments' Markdown renders the draft too, at once.
    #[cfg(feature = "client-markdown")]
    if let Some(hard_wrap) = s.server.backend().and_then(|b| b.markdown()) {
        dom::attr(&toggle, "aria-pressed", Some("true"));
        let _ = build::replace_children(&shown, &folio::comments::markdown::render_with(&s.draft.text, hard_wrap));
        dom::attr(&field, "hidden", Some(""));
        return;
    }
    let Some((request, parse)) = s.server.backend().and_then(|b| b.preview_request(&s.draft.text)) else {
        return;
    };
    dom::attr(&toggle, "aria-pressed", Some("true"));
    let (signal, text) = (s.signal(), s.text);
    drop(s);
    let _ = send(
        &request,
        signal.as_ref(),
        Box::new(move |response| {
            if dom::get_attr(&toggle, "aria-pressed").as_deref() != Some("true") {
                return;
            }
            let nodes: Vec<Node> = match response.and_then(|r| parse(&r)) {
                Ok(html) => sanitize::comment_body(&html),
                Err(e) => vec![view::form_failure(&e, text).into()],
            };
            let _ = build::replace_children(&shown, &nodes);
            dom::attr(&field, "hidden", Some(""));
        }),
    );
}

/// Asks the server for every reply of comment `id` ("Show N more replies", `button`), then
/// draws its thread with all of them and focuses the first that was not shown. On failure
/// the button says why, and pressing it again tries again.
fn more_replies(weak: Weak<RefCell<State>>, id: String, button: Element) {
    let Some(state) = weak.upgrade() else { return };
    let (server, thread, sort, signal) = {
        let s = state.borrow();
        (s.server.clone(), s.thread.clone(), s.list.sort, s.signal())
    };
    drop(state);
    fetch_page(
        server,
        &thread,
        sort,
        None,
        Some(&id.clone()),
        signal,
        Box::new(move |page| {
            let Some(state) = weak.upgrade() else { return };
            let mut s = state.borrow_mut();
            match page {
                Ok(page) => {
                    let first = thread::show_replies(&mut s.list.comments, &id, page.comments);
                    let index = thread::thread_of(&s.list.comments, &id);
                    s.redraw_one(index, first);
                }
                Err(error) => button.set_text_content(Some(&error.message_in(s.text))),
            }
        }),
    );
}

/// Moves the form under comment `parent` (a reply) or back to the top (`None`), keeping what
/// was typed. Focus follows: into the reply's textarea, or back to the Reply button of the
/// comment the reader was answering.
fn open_reply(weak: &Weak<RefCell<State>>, parent: Option<String>) {
    let Some(state) = weak.upgrade() else { return };
    let mut s = state.borrow_mut();
    s.capture_draft();
    let was = s.draft.parent.take();
    s.draft.parent = parent.clone();
    s.save_draft();
    s.form = FormState { rules: s.form.rules, ..FormState::default() };
    s.render_form(false);
    let target = match (&parent, was) {
        (Some(_), _) => dom::find(&s.section, markup::FORM_TEXT),
        (None, Some(id)) => s.comment_article(&id).and_then(|a| dom::find(&a, Action::Reply.selector())),
        (None, None) => None,
    };
    focus(target);
}

/// Replaces one of the reader's comments' body with the edit form.
fn start_edit(weak: &Weak<RefCell<State>>, id: &str) {
    let Some(state) = weak.upgrade() else { return };
    let s = state.borrow();
    let Some(mine) = s.own.iter().find(|c| c.id == id) else { return };
    let Some(body) = s.comment_article(id).and_then(|a| dom::find(&a, markup::COMMENT_BODY)) else {
        return;
    };
    let _ = build::replace_children(&body, &[view::edit_form(id, &mine.text, s.text).into()]);
    focus(dom::find(&body, "textarea"));
}

/// Edits (`Some(text)`) or deletes (`None`) one of the reader's comments.
fn change(weak: Weak<RefCell<State>>, id: String, text: Option<String>) {
    let Some(state) = weak.upgrade() else { return };
    let Some((request, parse)) = state.borrow().server.backend().and_then(|b| b.change_request(&id, text.as_deref()))
    else {
        return;
    };
    let signal = state.borrow().signal();
    drop(state);
    let _ = send(
        &request,
        signal.as_ref(),
        Box::new(move |response| {
            let Some(state) = weak.upgrade() else { return };
            let mut s = state.borrow_mut();
            let outcome = response.and_then(|r| parse(&r));
            match outcome {
                Ok(updated) => {
                    let index = s.list.changed(&id, updated, text.is_none());
                    if let Some(t) = &text {
                        if let Some(mine) = s.own.iter_mut().find(|c| c.id == id) {
                            mine.text = t.clone();
                        }
                    } else {
                        s.own.retain(|c| c.id != id);
                    }
                    s.save_own();
                    s.redraw_one(index, None);
                }
                Err(error) => {
                    // Keep the edit form and its text (or the comment, for a delete); say why.
                    let Some(article) = s.comment_article(&id) else { return };
                    let message = error.message_in(s.text);
                    match dom::find(&article, markup::STATUS) {
                        Some(status) => status.set_text_content(Some(&message)),
                        None => {
                            let note: Node = folio::view::el("p")
                                .attr("class", "folio-field-error")
                                .attr("role", "alert")
                                .text(message)
                                .into();
                            if let Ok(frag) = dom::document().and_then(|d| build::fragment(&d, &[note])) {
                                let _ = article.append_child(&frag);
                            }
                        }
                    }
                }
            }
        }),
    );
}

// ---------------------------------------------------------------------------------------
// Events, delegated to the section.

/// The control an event came from, and what it does.
fn action_of(event: &web_sys::Event) -> Option<(Element, Action)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let control = target.closest(markup::ANY_ACTION).ok().flatten()?;
    let action = Action::parse(&dom::get_attr(&control, "data-folio-action")?)?;
    Some((control, action))
}

fn listen(section: &Element, state: &Rc<RefCell<State>>) -> Vec<Listener> {
    let weak = Rc::downgrade(state);
    let on_click = {
        let weak = weak.clone();
        move |event: &web_sys::Event| {
            let Some((control, action)) = action_of(event) else { return };
            let id = dom::get_attr(&control, "data-folio-comment-id").unwrap_or_default();
            match action {
                Action::RetryComments => load(weak.clone(), false),
                Action::LoadMore => load(weak.clone(), true),
                Action::Like => vote(weak.clone(), id, true),
                Action::Dislike => vote(weak.clone(), id, false),
                Action::Preview => preview(weak.clone(), control),
                Action::ShowNew => {
                    if let Some(state) = weak.upgrade() {
                        state.borrow_mut().show_fresh();
                    }
                }
                Action::Edit => start_edit(&weak, &id),
                Action::CancelEdit => {
                    if let Some(state) = weak.upgrade() {
                        let mut s = state.borrow_mut();
                        let index = thread::thread_of(&s.list.comments, &id);
                        s.redraw_one(index, None);
                    }
                }
                Action::Delete if control.has_attribute("data-folio-confirm") => change(weak.clone(), id, None),
                Action::Delete => {
                    // A second press confirms; no modal dialog.
                    if let Some(state) = weak.upgrade() {
                        dom::attr(&control, "data-folio-confirm", Some(""));
                        control.set_text_content(Some(state.borrow().text.confirm_delete));
                    }
                }
                Action::CancelSending => {
                    if let Some(state) = weak.upgrade() {
                        state.borrow_mut().cancel_sending();
                    }
                }
                Action::Reply => open_reply(&weak, Some(id)),
                Action::CancelReply => open_reply(&weak, None),
                Action::MoreReplies => more_replies(weak.clone(), id, control),
                Action::Sort => {}
            }
        }
    };
    let on_change = {
        let weak = weak.clone();
        move |event: &web_sys::Event| {
            let Some((control, action)) = action_of(event) else { return };
            if action != Action::Sort {
                return;
            }
            let Some(sort) = Sort::parse(&dom::value(&control)) else {
                return;
            };
            if let Some(state) = weak.upgrade() {
                let mut s = state.borrow_mut();
                s.list.sort = sort;
                s.list.next = None;
                s.list.loads.supersede();
            }
            load(weak.clone(), false);
        }
    };
    // Escape in a reply form closes it, like its Cancel button.
    let on_keydown = {
        let weak = weak.clone();
        move |event: &web_sys::Event| {
            let key = dom::string_property(event, "key");
            let in_reply = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(markup::REPLY_FORM).ok().flatten())
                .is_some();
            if key == "Escape" && in_reply {
                open_reply(&weak, None);
            }
        }
    };
    let on_input = {
        let weak = weak.clone();
        move |_: &web_sys::Event| {
            if let Some(state) = weak.upgrade() {
                state.borrow_mut().capture_draft();
            }
        }
    };
    // A pending post goes out when the browser is back online.
    let on_online = {
        let weak = weak.clone();
        move |_: &web_sys::Event| deliver(weak.clone())
    };
    // New comments are looked for again when the page comes back (its tab is shown again).
    let on_visible = {
        let weak = weak.clone();
        move |_: &web_sys::Event| recheck(&weak)
    };
    let on_submit = move |event: &web_sys::Event| {
        event.prevent_default();
        let edit = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|f| dom::get_attr(&f, "data-folio-edit"));
        match edit {
            Some(id) => {
                let form = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                let text = form.and_then(|f| dom::find(&f, "textarea")).map(|t| dom::value(&t));
                if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                    change(weak.clone(), id, Some(text));
                }
            }
            None => submit(weak.clone()),
        }
    };
    let mut listeners = vec![
        Listener::new(section, "click", on_click),
        Listener::new(section, "change", on_change),
        Listener::new(section, "input", on_input),
        Listener::new(section, "keydown", on_keydown),
        Listener::new(section, "submit", on_submit),
    ];
    if let Ok(window) = dom::window() {
        listeners.push(Listener::new(&window, "online", on_online));
    }
    if let Ok(document) = dom::document() {
        listeners.push(Listener::new(&document, "visibilitychange", on_visible));
    }
    listeners
}
