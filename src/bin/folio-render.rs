//! `folio-render`: prints an article (and its share bar) as static HTML from the same view
//! tree the widget renders, for pages that want crawlers and readers without JavaScript
//! to see the text. Put the output inside `<folio-article>`: it is a declarative shadow
//! root, so the browser shows it at once, and the element adopts it on upgrade instead of
//! rendering again (no flash, no layout shift) when its fingerprint still matches.
//!
//! ```text
//! folio-render ARTICLE.json [--options OPTIONS.json] [--lang TAG] [--css HREF] [--inline]
//!   ARTICLE.json   the article (use - for standard input)
//!   --options      mount options as JSON (share, comments, wordsPerMinute)
//!   --lang         the locale of Folio's own words (default: the article's language)
//!   --css          where the page serves folio.css (default: folio.css)
//!   --inline       also print the article as an inline JSON child, so the element needs
//!                  no fetch to wire the share bar and comments
//! ```

use std::io::Read;
use std::process::ExitCode;

use folio::article::Article;
use folio::compose::{fingerprint, root, widget_nodes, STATIC_ATTRIBUTE};
use folio::json::{self, Value};
use folio::options::Options;
use folio::view::{el, html};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("folio-render: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    article: String,
    options: Option<String>,
    lang: Option<String>,
    css: String,
    inline: bool,
}

fn parse_args(args: Vec<String>) -> Result<Args, String> {
    let mut parsed = Args { article: String::new(), options: None, lang: None, css: "folio.css".into(), inline: false };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--options" => parsed.options = Some(value("--options")?),
            "--lang" => parsed.lang = Some(value("--lang")?),
            "--css" => parsed.css = value("--css")?,
            "--inline" => parsed.inline = true,
            "-h" | "--help" => return Err("usage: folio-render ARTICLE.json [--options OPTIONS.json] [--lang TAG] [--css HREF] [--inline]".into()),
            other if parsed.article.is_empty() => parsed.article = other.to_string(),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    if parsed.article.is_empty() {
        return Err("usage: folio-render ARTICLE.json [--options OPTIONS.json] [--lang TAG] [--css HREF] [--inline]".into());
    }
    Ok(parsed)
}

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let args = parse_args(args)?;
    let text = read(&args.article)?;
    let parsed = Article::from_json_text(&text).map_err(|e| e.to_string())?;
    for w in &parsed.warnings {
        eprintln!("folio-render: warning: {w}");
    }
    // Mount options: as given, with the article standing in for `article`/`src`.
    let mut options_value = match &args.options {
        Some(path) => json::parse(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Value::Object(Vec::new()),
    };
    if let Value::Object(members) = &mut options_value {
        members.retain(|(k, _)| k != "article" && k != "src");
        members.push(("article".into(), Value::String(text.clone())));
    }
    let options = Options::from_json(&options_value).map_err(|e| e.to_string())?;
    for w in &options.warnings {
        eprintln!("folio-render: warning: {w}");
    }
    let article = &parsed.article;
    let locale = folio::i18n::negotiate(&[args.lang.as_deref(), options.lang.as_deref(), article.lang.as_deref()]);
    let mut nodes = widget_nodes(article, &options, locale);
    let stamp = fingerprint(&nodes);
    if let Some(config) = &options.comments {
        folio::compose::prefill_comment_form(&mut nodes, config, locale);
    }
    let content = root(nodes, locale).attr(STATIC_ATTRIBUTE, stamp);
    let template = el("template")
        .attr("shadowrootmode", "open")
        .child(el("link").attr("rel", "stylesheet").attr("href", args.css.as_str()))
        .child(content);
    let mut out = html::to_html(&template.into());
    out.push('\n');
    if args.inline {
        // JSON inside <script> ends at the first "</": escape every '<' so it cannot.
        out.push_str("<script type=\"application/json\">");
        out.push_str(&text.trim().replace('<', "\\u003c"));
        out.push_str("</script>\n");
    }
    Ok(out)
}
