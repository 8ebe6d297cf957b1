//! The comment section in headless Chromium with the JS-callbacks backend (the Isso
//! backend is exercised against a real Isso server in tests/e2e/comments.test.mjs):
//! loading, threading, sanitizing, posting, drafts and errors.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, ShadowRoot};

mod support;
use support::{mount, Folio};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../../../www/articles/kaspersky-reputation.json");

const LIST: &str = r#"{"total": 3, "next": null, "comments": [
  {"id": "1", "author": "Ann <b>", "website": "javascript:alert(1)", "created": "2026-11-30T10:00:00Z", "likes": 2,
   "html": "<p>First <em>post</em><img src=x onerror=\"window.folioPwned=1\"><script>window.folioPwned=1</script><a href=\"javascript:alert(1)\">bad</a> <a href=\"https://ok.example/\" onclick=\"x()\">ok</a></p>",
   "replies": [
     {"id": "2", "parent": "1", "author": "Bob", "website": "https://bob.example/", "created": "2026-11-30T11:00:00Z", "html": "<p>A reply</p>",
      "replies": [{"id": "3", "parent": "2", "author": null, "created": "2026-11-30T12:00:00Z", "html": "<p>Deep <svg onload=alert(1)><circle/></svg>reply</p>", "replies": []}]}
   ]}
]}"#;

fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Records calls and answers them: `list` with LIST, `post` with what `answer` says.
#[derive(Default)]
struct Fake {
    lists: RefCell<u32>,
    posts: RefCell<Vec<JsValue>>,
    fail_posts_with: RefCell<Option<u16>>,
    hold: RefCell<bool>,
}

/// A callback the fake backend hands the widget, kept alive by the test.
type Callback = Closure<dyn FnMut(JsValue) -> js_sys::Promise>;

fn callbacks(fake: &Rc<Fake>) -> (JsValue, Vec<Callback>) {
    let f = fake.clone();
    let list = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_args: JsValue| {
        *f.lists.borrow_mut() += 1;
        js_sys::Promise::resolve(&js_sys::JSON::parse(LIST).unwrap())
    });
    let f = fake.clone();
    let post = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |args: JsValue| {
        f.posts.borrow_mut().push(args.clone());
        if *f.hold.borrow() {
            return js_sys::Promise::new(&mut |_, _| {}); // never settles: a post in flight
        }
        if let Some(status) = *f.fail_posts_with.borrow() {
            let e = js_sys::Error::new("Comment too short");
            js_sys::Reflect::set(&e, &"status".into(), &JsValue::from(status)).unwrap();
            return js_sys::Promise::reject(&e);
        }
        let text = js_sys::Reflect::get(&args, &"text".into()).unwrap().as_string().unwrap();
        let parent = js_sys::Reflect::get(&args, &"parent".into()).unwrap();
        let comment = js_sys::Object::new();
        let n = f.posts.borrow().len();
        js_sys::Reflect::set(&comment, &"id".into(), &format!("new{n}").into()).unwrap();
        js_sys::Reflect::set(&comment, &"parent".into(), &parent).unwrap();
        js_sys::Reflect::set(&comment, &"author".into(), &"Reader".into()).unwrap();
        js_sys::Reflect::set(&comment, &"created".into(), &"2026-12-01T00:00:00Z".into()).unwrap();
        let mut html = String::from("<p>");
        html.push_str(&text);
        html.push_str("</p>");
        js_sys::Reflect::set(&comment, &"html".into(), &html.into()).unwrap();
        let answer = js_sys::Object::new();
        js_sys::Reflect::set(&answer, &"comment".into(), &comment).unwrap();
        js_sys::Reflect::set(&answer, &"pending".into(), &JsValue::FALSE).unwrap();
        js_sys::Promise::resolve(&JsValue::from(answer))
    });
    let comments = js_sys::Object::new();
    js_sys::Reflect::set(&comments, &"backend".into(), &"callbacks".into()).unwrap();
    js_sys::Reflect::set(&comments, &"thread".into(), &format!("/test/{}", js_sys::Math::random()).into()).unwrap();
    js_sys::Reflect::set(&comments, &"list".into(), list.as_ref()).unwrap();
    js_sys::Reflect::set(&comments, &"post".into(), post.as_ref()).unwrap();
    (comments.into(), vec![list, post])
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

async fn mounted(comments: &JsValue, eager: bool) -> (Element, Folio) {
    if eager {
        js_sys::Reflect::set(comments, &"load".into(), &"eager".into()).unwrap();
    }
    let el = host();
    let handle = mount_on(&el, comments).await;
    (el, handle)
}

fn root(el: &Element) -> ShadowRoot {
    el.shadow_root().unwrap()
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn one(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn type_text(root: &ShadowRoot, text: &str) {
    let area: HtmlTextAreaElement = one(root, "[data-folio-form] textarea").dyn_into().unwrap();
    area.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init
    })
    .unwrap();
    area.dispatch_event(&event).unwrap();
}

fn submit(root: &ShadowRoot) {
    one(root, "[data-folio-form] .folio-submit").dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn nothing_is_requested_until_asked_then_the_thread_renders_safely() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    let doc = web_sys::window().unwrap().document().unwrap();
    let spacer = doc.create_element("div").unwrap();
    spacer.set_attribute("class", "spacer").unwrap();
    spacer.set_text_content(Some("spacer"));
    doc.body().unwrap().append_child(&spacer).unwrap();
    spacer.dyn_ref::<HtmlElement>().unwrap().style().set_property("height", "6000px").unwrap();
    let (el, handle) = mounted(&comments, false).await;
    let r = root(&el);
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    // Far below a tall spacer, the section is not near the viewport: no request yet.
    tick(100).await;
    assert_eq!(*fake.lists.borrow(), 0, "no comment request before the section nears the viewport");
    assert!(one(&r, "[data-folio-region=comments-list]").text_content().unwrap().contains("Loading comments"));
    assert_eq!(one(&r, "[data-folio-region=comments-list]").get_attribute("aria-busy").as_deref(), Some("true"));
    // Scrolling down brings it near: the observer starts the one request.
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 100_000.0);
    tick(150).await;
    assert_eq!(*fake.lists.borrow(), 1);
    handle.load_comments(); // already loaded: no second request
    tick(20).await;
    assert_eq!(*fake.lists.borrow(), 1);
    spacer.remove();
    assert_eq!(one(&r, "#folio-comments-heading").text_content().as_deref(), Some("Comments (3)"));
    let ids: Vec<String> = all(&r, "article[data-folio-comment-id]")
        .iter()
        .map(|a| a.get_attribute("data-folio-comment-id").unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert!(
        r.query_selector("#folio-comment-1 + ol #folio-comment-2").unwrap().is_some(),
        "a reply sits under its parent"
    );
    assert!(
        r.query_selector("#folio-comment-2 + ol #folio-comment-3").unwrap().is_some(),
        "and deeper replies under theirs"
    );
    // Hostile HTML and author: text and allowlisted markup only.
    assert_eq!(one(&r, "#folio-comment-1 .folio-comment-author").text_content().as_deref(), Some("Ann <b>"));
    assert_eq!(
        one(&r, "#folio-comment-1 .folio-comment-author").tag_name(),
        "SPAN",
        "a javascript: website is no link"
    );
    assert_eq!(one(&r, "#folio-comment-1 .folio-comment-body em").text_content().as_deref(), Some("post"));
    let ok = one(&r, "#folio-comment-1 .folio-comment-body a");
    assert_eq!(ok.get_attribute("href").as_deref(), Some("https://ok.example/"));
    assert_eq!(ok.get_attribute("rel").as_deref(), Some("nofollow noopener noreferrer ugc"));
    assert_eq!(all(&r, ".folio-comment-body a").len(), 1, "the javascript: link lost its link");
    for e in all(&r, "*") {
        for name in e.get_attribute_names().iter().filter_map(|n| n.as_string()) {
            assert!(!name.starts_with("on"), "{} has {name}", e.tag_name());
        }
        assert!(!["SCRIPT", "IMG", "SVG", "svg", "IFRAME"].contains(&e.tag_name().as_str()), "{}", e.tag_name());
    }
    assert!(one(&r, "#folio-comment-3 .folio-comment-body").text_content().unwrap().contains("Deep reply"));
    // The DOM builder's node structure: one Text for an element with one text child, each
    // child in order otherwise.
    let author = one(&r, "#folio-comment-2 .folio-comment-author");
    assert_eq!(author.child_nodes().length(), 1);
    assert_eq!(author.first_child().unwrap().node_type(), web_sys::Node::TEXT_NODE);
    assert_eq!(author.get_attribute("href").as_deref(), Some("https://bob.example/"));
    let label = one(&r, ".folio-sort");
    let kids = label.child_nodes();
    let shape: Vec<(u16, String)> =
        (0..kids.length()).filter_map(|i| kids.item(i)).map(|n| (n.node_type(), n.node_name())).collect();
    assert_eq!(shape, [(3, "#text".to_string()), (3, "#text".to_string()), (1, "SELECT".to_string())]);
    assert_eq!(kids.item(1).unwrap().text_content().as_deref(), Some(" "));
    let reply = one(&r, "#folio-comment-1 [data-folio-action=reply]");
    assert_eq!(reply.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(reply.get_attribute("data-folio-comment-id").as_deref(), Some("1"));
    assert_eq!(reply.child_nodes().length(), 1);
    assert!(js_sys::Reflect::get(&js_sys::global(), &"folioPwned".into()).unwrap().is_undefined());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn posting_inserts_the_comment_and_focuses_it_and_replies_nest() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    let (el, handle) = mounted(&comments, true).await;
    let r = root(&el);
    tick(20).await;
    type_text(&r, "A new comment");
    submit(&r);
    tick(20).await;
    assert_eq!(fake.posts.borrow().len(), 1);
    let new = one(&r, "#folio-comment-new1");
    assert!(new.text_content().unwrap().contains("A new comment"));
    assert_eq!(r.active_element().and_then(|a| a.get_attribute("id")).as_deref(), Some("folio-comment-new1"));
    assert_eq!(one(&r, "#folio-comments-heading").text_content().as_deref(), Some("Comments (4)"));
    let area: HtmlTextAreaElement = one(&r, "[data-folio-form] textarea").dyn_into().unwrap();
    assert_eq!(area.value(), "", "the form is fresh after a post");

    // Reply to comment 2: the form moves under it and the reply nests there.
    one(&r, "#folio-comment-2 [data-folio-action=reply]").dyn_into::<HtmlElement>().unwrap().click();
    assert!(
        r.query_selector("#folio-comment-2 + [data-folio-form]").unwrap().is_some(),
        "the reply form opens under the comment"
    );
    type_text(&r, "Replying to Bob");
    submit(&r);
    tick(20).await;
    let parent = js_sys::Reflect::get(&fake.posts.borrow()[1], &"parent".into()).unwrap();
    assert_eq!(parent.as_string().as_deref(), Some("2"));
    assert!(r.query_selector("#folio-comment-2 ~ ol #folio-comment-new2").unwrap().is_some());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn validation_and_rejection_keep_the_text_and_say_why() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    let (el, handle) = mounted(&comments, true).await;
    let r = root(&el);
    tick(20).await;
    submit(&r);
    let area = one(&r, "[data-folio-form] textarea");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = area.get_attribute("aria-describedby").unwrap();
    let error_id = described.split(' ').find(|id| id.ends_with("error")).expect("described by its error");
    assert!(!r.get_element_by_id(error_id).unwrap().text_content().unwrap().is_empty());
    assert_eq!(r.active_element().map(|a| a.tag_name()).as_deref(), Some("TEXTAREA"), "focus moves to the field");
    assert_eq!(fake.posts.borrow().len(), 0, "nothing is posted");

    *fake.fail_posts_with.borrow_mut() = Some(400);
    type_text(&r, "Text the server refuses");
    submit(&r);
    tick(20).await;
    assert_eq!(fake.posts.borrow().len(), 1, "a 4xx is not retried");
    let status = one(&r, "[data-folio-form] .folio-form-status").text_content().unwrap();
    assert!(status.contains("Comment too short"), "{status}");
    let area: HtmlTextAreaElement = one(&r, "[data-folio-form] textarea").dyn_into().unwrap();
    assert_eq!(area.value(), "Text the server refuses", "the text stays");
    assert!(!one(&r, "[data-folio-form] .folio-submit").has_attribute("disabled"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_second_click_while_posting_does_nothing_and_drafts_survive_a_remount() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    let (el, handle) = mounted(&comments, true).await;
    let r = root(&el);
    tick(20).await;
    type_text(&r, "Draft that must survive");
    *fake.hold.borrow_mut() = true;
    submit(&r);
    submit(&r);
    tick(20).await;
    assert_eq!(fake.posts.borrow().len(), 1, "one post in flight, not two");
    assert!(one(&r, "[data-folio-form] .folio-submit").has_attribute("disabled"));
    handle.destroy();

    // A new mount on the same thread (as after a reload) restores the draft, and sends the
    // post that was out when the page went away again, with the same key.
    let (el, handle) = mounted(&comments, false).await;
    let area: HtmlTextAreaElement = one(&root(&el), "[data-folio-form] textarea").dyn_into().unwrap();
    assert_eq!(area.value(), "Draft that must survive");
    tick(20).await;
    let posts = fake.posts.borrow();
    assert_eq!(posts.len(), 2, "the pending post goes out again");
    let key = |post: &JsValue| js_sys::Reflect::get(post, &"key".into()).unwrap().as_string();
    assert!(key(&posts[0]).is_some_and(|k| !k.is_empty()));
    assert_eq!(key(&posts[1]), key(&posts[0]), "one post, one key");
    assert!(one(&root(&el), "[data-folio-form] textarea").has_attribute("readonly"), "its text is being sent");
    drop(posts);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn comment_times_follow_each_widgets_language() {
    /// What `Intl` itself writes for comment 1's time in `tag` (the tooltip).
    fn expected_title(tag: &str) -> String {
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"dateStyle".into(), &"long".into()).unwrap();
        js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into()).unwrap();
        let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&tag.into()), &opts);
        let format: js_sys::Function = f.format().dyn_into().unwrap();
        format.call1(&JsValue::NULL, &js_sys::Date::new(&"2026-11-30T10:00:00Z".into())).unwrap().as_string().unwrap()
    }
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    js_sys::Reflect::set(&comments, &"load".into(), &"eager".into()).unwrap();
    let mut seen = Vec::new();
    // The formatters are made once per language: switching back and forth must not reuse
    // one language's formatter for another.
    for tag in ["de", "en", "de", "fr"] {
        let el = host();
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"article".into(), &SEED.into()).unwrap();
        js_sys::Reflect::set(&options, &"comments".into(), &comments).unwrap();
        js_sys::Reflect::set(&options, &"share".into(), &JsValue::FALSE).unwrap();
        js_sys::Reflect::set(&options, &"lang".into(), &tag.into()).unwrap();
        let handle = mount(el.clone().into(), options.into());
        JsFuture::from(handle.ready()).await.expect("ready");
        tick(20).await;
        let time = one(&root(&el), "#folio-comment-1 time.folio-comment-time");
        assert_eq!(time.get_attribute("datetime").as_deref(), Some("2026-11-30T10:00:00Z"));
        assert_eq!(time.get_attribute("title"), Some(expected_title(tag)), "{tag}");
        let text = time.text_content().unwrap_or_default();
        assert!(!text.is_empty(), "{tag}");
        seen.push(text);
        handle.destroy();
        el.remove();
    }
    assert_eq!(seen[0], seen[2], "the same language writes the same words");
    assert_ne!(seen[0], seen[1], "German and English differ: {seen:?}");
    assert_ne!(seen[1], seen[3], "English and French differ: {seen:?}");
}

/// A host whose shadow root holds what `folio-render --comments` prints for LIST on the
/// thread `comments` names, fetched `age` seconds ago (made here with the same functions).
fn pre_rendered(comments: &JsValue, age: f64) -> Element {
    use folio::comments::embedded::{fill_section, parse, Filling, Format};
    use folio::view::{html::to_html, Node};
    let thread = js_sys::Reflect::get(comments, &"thread".into()).unwrap().as_string().unwrap();
    let article = folio::article::Article::from_json_text(SEED).unwrap().article;
    let mut options = String::from(r#"{"src": "/a", "share": false, "comments": {"backend": "callbacks", "thread": "#);
    folio::json::write_string(&mut options, &thread);
    options.push_str("}}");
    let options = folio::options::Options::from_json(folio::json::parse(&options).unwrap()).unwrap();
    let mut nodes = folio::compose::widget_nodes(&article, &options, folio::i18n::Lang::EN);
    let stamp = folio::compose::fingerprint(&nodes);
    let page = parse(Format::Json, LIST, folio::comments::Sort::Oldest, false).unwrap();
    let Some(Node::Element(section)) = nodes.last_mut() else { panic!("no comment section") };
    let filling = Filling {
        page: &page,
        format: Format::Json,
        body: LIST,
        thread: &thread,
        sort: folio::comments::Sort::Oldest,
        fetched: js_sys::Date::now() / 1000.0 - age,
        rules: Default::default(),
        authors: "",
        feed: None,
    };
    fill_section(section, &filling, &folio::i18n::EN.comments, &folio::i18n::EN.article);
    let markup = folio::compose::root(nodes, folio::i18n::Lang::EN).attr(folio::compose::STATIC_ATTRIBUTE, stamp);
    let el = host();
    let shadow = el.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    shadow.set_inner_html(&to_html(&markup.into())); // test set-up only: the markup a page would carry
    el
}

async fn mount_on(el: &Element, comments: &JsValue) -> Folio {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"article".into(), &SEED.into()).unwrap();
    js_sys::Reflect::set(&options, &"comments".into(), comments).unwrap();
    js_sys::Reflect::set(&options, &"share".into(), &JsValue::FALSE).unwrap();
    let handle = mount(el.clone().into(), options.into());
    JsFuture::from(handle.ready()).await.expect("ready");
    handle
}

#[wasm_bindgen_test]
async fn a_fresh_pre_rendered_first_page_is_adopted_without_a_request() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    let el = pre_rendered(&comments, 30.0);
    let r = root(&el);
    let first = one(&r, "article[data-folio-comment-id]");
    assert_eq!(one(&r, "time.folio-comment-time").text_content().as_deref(), Some("November 30, 2026"));
    let handle = mount_on(&el, &comments).await;
    tick(50).await;
    assert_eq!(*fake.lists.borrow(), 0, "the page in the markup is not requested again");
    assert!(one(&r, "article[data-folio-comment-id]") == first, "the same nodes");
    assert_eq!(one(&r, "#folio-comments-heading").text_content().as_deref(), Some("Comments (3)"));
    assert!(one(&r, "time.folio-comment-time").text_content().unwrap().contains("ago"), "times made relative");
    assert!(r.query_selector("script[data-folio-page]").unwrap().is_none());
    assert!(!one(&r, "[data-folio-form]").has_attribute("inert"), "the live form");
    handle.load_comments(); // loaded already: nothing to ask
    tick(20).await;
    assert_eq!(*fake.lists.borrow(), 0);
    // Live: a reply posts through the callbacks and appears under its parent.
    one(&r, "#folio-comment-2 [data-folio-action=reply]").dyn_into::<HtmlElement>().unwrap().click();
    type_text(&r, "A reply to a static comment");
    submit(&r);
    tick(50).await;
    assert_eq!(fake.posts.borrow().len(), 1);
    assert!(r.query_selector("#folio-comment-2 + ol #folio-comment-new1").unwrap().is_some());
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_stale_pre_rendered_page_is_requested_and_replaced() {
    let fake = Rc::new(Fake::default());
    let (comments, _keep) = callbacks(&fake);
    js_sys::Reflect::set(&comments, &"load".into(), &"eager".into()).unwrap();
    let el = pre_rendered(&comments, 3600.0);
    let r = root(&el);
    let first = one(&r, "article[data-folio-comment-id]");
    let handle = mount_on(&el, &comments).await;
    tick(50).await;
    assert_eq!(*fake.lists.borrow(), 1);
    assert!(one(&r, "article[data-folio-comment-id]") != first, "drawn again from the answer");
    assert_eq!(all(&r, "article[data-folio-comment-id]").len(), 3);
    handle.destroy();
    el.remove();
}
