//! Reading an [`Article`] out of JSON, collecting every problem with its JSON path rather
//! than stopping at the first. Unknown block types are skipped with a warning.

use super::{Article, Author, Block, DateTime, Direction, Image, Problem};
use crate::error::Error;
use crate::json::{self, Value};
use crate::view::url;

/// A successfully validated article and the warnings found on the way (skipped blocks).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// Things that were skipped but did not stop the article from rendering.
    pub warnings: Vec<Problem>,
}

impl Article {
    /// Parses and validates article JSON text.
    pub fn from_json_text(text: &str) -> Result<Parsed, Error> {
        let value = json::parse(text)?;
        Article::from_json(&value)
    }

    /// Validates an already parsed JSON value. Every problem is reported, each with its
    /// path (`authors[0].name: required`, `body[3].items[0]: expected a string, found a number`).
    pub fn from_json(value: &Value) -> Result<Parsed, Error> {
        let mut r = Reader::default();
        let article = r.article(value);
        match article {
            Some(article) if r.problems.is_empty() => Ok(Parsed { article, warnings: r.warnings }),
            _ => Err(Error::ArticleInvalid(r.problems)),
        }
    }
}

/// Walks the JSON, recording problems. Each reader method returns `None` on a problem it
/// has already recorded, so the walk goes on and finds the rest.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        let mut p = String::with_capacity(path.len() + key.len() + 1);
        p.push_str(path);
        p.push('.');
        p.push_str(key);
        p
    }
}

fn index(path: &str, i: usize) -> String {
    let mut p = String::with_capacity(path.len() + 6);
    p.push_str(path);
    p.push('[');
    crate::date::push_number(&mut p, i as u32);
    p.push(']');
    p
}

fn expected(what: &str, found: &Value) -> String {
    let mut m = String::from("expected ");
    m.push_str(what);
    m.push_str(", found ");
    m.push_str(found.kind());
    m
}

impl Reader {
    fn problem(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Value> {
        if let Value::Object(_) = v {
            Some(v)
        } else {
            self.problem(path.to_string(), expected("an object", v));
            None
        }
    }

    /// A string member; `null` and absent are `None`. Empty strings count as absent for
    /// optional fields.
    fn opt_string(&mut self, obj: &Value, path: &str, key: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.problem(join(path, key), expected("a string", other));
                None
            }
        }
    }

    fn req_string(&mut self, obj: &Value, path: &str, key: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => {
                self.problem(join(path, key), "required");
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(join(path, key), "must not be empty");
                None
            }
            _ => self.opt_string(obj, path, key),
        }
    }

    fn opt_date(&mut self, obj: &Value, path: &str, key: &str) -> Option<DateTime> {
        let s = self.opt_string(obj, path, key)?;
        DateTime::parse(&s).map_err(|why| self.problem(join(path, key), why)).ok()
    }

    fn string_list(&mut self, obj: &Value, path: &str, key: &str) -> Vec<String> {
        let p = join(path, key);
        match obj.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(s) => Some(s.clone()),
                    other => {
                        self.problem(index(&p, i), expected("a string", other));
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.problem(p, expected("an array of strings", other));
                Vec::new()
            }
        }
    }

    fn article(&mut self, v: &Value) -> Option<Article> {
        self.object(v, "")?;
        let url = self.req_string(v, "", "url");
        if let Some(u) = &url {
            if !url::is_absolute_http(u) {
                self.problem("url".into(), "expected an absolute http: or https: URL");
            }
        }
        let title = self.req_string(v, "", "title");
        let dek = self.opt_string(v, "", "dek").or_else(|| self.opt_string(v, "", "subtitle"));
        let authors = match v.get("authors") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                items.iter().enumerate().filter_map(|(i, a)| self.author(a, &index("authors", i))).collect()
            }
            Some(other) => {
                self.problem("authors".into(), expected("an array", other));
                Vec::new()
            }
        };
        let published = match v.get("published") {
            None | Some(Value::Null) => {
                self.problem("published".into(), "required");
                None
            }
            _ => self.opt_date(v, "", "published"),
        };
        let updated = self.opt_date(v, "", "updated");
        let section = self.opt_string(v, "", "section");
        let tags = self.string_list(v, "", "tags");
        let image = match v.get("image") {
            None | Some(Value::Null) => None,
            Some(img) => self.image(img, "image"),
        };
        let lang = self.opt_string(v, "", "lang");
        if let Some(l) = &lang {
            if l.len() > 35 || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                self.problem("lang".into(), "expected a language tag such as \"en\" or \"pt-BR\"");
            }
        }
        let dir = match self.opt_string(v, "", "dir").as_deref() {
            None => None,
            Some("ltr") => Some(Direction::Ltr),
            Some("rtl") => Some(Direction::Rtl),
            Some("auto") => Some(Direction::Auto),
            Some(_) => {
                self.problem("dir".into(), "expected \"ltr\", \"rtl\" or \"auto\"");
                None
            }
        };
        let body = match v.get("body") {
            None | Some(Value::Null) => {
                self.problem("body".into(), "required (an array of blocks; it may be empty)");
                Vec::new()
            }
            Some(Value::Array(blocks)) => {
                blocks.iter().enumerate().filter_map(|(i, b)| self.block(b, &index("body", i))).collect()
            }
            Some(other) => {
                self.problem("body".into(), expected("an array of blocks", other));
                Vec::new()
            }
        };
        Some(Article {
            url: url?,
            title: title?,
            dek,
            authors,
            published: published?,
            updated,
            section,
            tags,
            image,
            lang,
            dir,
            body,
        })
    }

    fn author(&mut self, v: &Value, path: &str) -> Option<Author> {
        if let Value::String(name) = v {
            // A bare string is a name: authors: ["Jane Doe"].
            return Some(Author { name: name.clone(), url: None, bio: None, avatar: None });
        }
        self.object(v, path)?;
        Some(Author {
            name: self.req_string(v, path, "name")?,
            url: self.opt_string(v, path, "url"),
            bio: self.opt_string(v, path, "bio"),
            avatar: self.opt_string(v, path, "avatar"),
        })
    }

    fn image(&mut self, v: &Value, path: &str) -> Option<Image> {
        self.object(v, path)?;
        let src = self.req_string(v, path, "src");
        let alt = match v.get("alt") {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) => {
                self.problem(join(path, "alt"), "required (use \"\" for a purely decorative image)");
                None
            }
            Some(other) => {
                self.problem(join(path, "alt"), expected("a string", other));
                None
            }
        };
        Some(Image {
            src: src?,
            alt: alt?,
            caption: self.opt_string(v, path, "caption"),
            credit: self.opt_string(v, path, "credit"),
        })
    }

    fn block(&mut self, v: &Value, path: &str) -> Option<Block> {
        self.object(v, path)?;
        let kind = self.req_string(v, path, "type")?;
        Some(match kind.as_str() {
            "paragraph" => Block::Paragraph(self.req_string(v, path, "text")?),
            "heading" => {
                let level = match v.get("level") {
                    None | Some(Value::Null) => Some(2),
                    Some(Value::Number(n)) if [2.0, 3.0, 4.0].contains(n) => Some(*n as u8),
                    Some(_) => {
                        self.problem(join(path, "level"), "expected 2, 3 or 4");
                        None
                    }
                };
                let text = self.req_string(v, path, "text");
                Block::Heading { level: level?, text: text? }
            }
            "quote" => {
                let text = self.req_string(v, path, "text");
                let attribution = self.opt_string(v, path, "attribution");
                Block::Quote { text: text?, attribution }
            }
            "list" => {
                let ordered = match v.get("ordered") {
                    None | Some(Value::Null) => false,
                    Some(Value::Bool(b)) => *b,
                    Some(other) => {
                        self.problem(join(path, "ordered"), expected("a boolean", other));
                        false
                    }
                };
                if v.get("items").and_then(Value::as_array).is_none() {
                    let found = v.get("items").map_or("nothing", Value::kind);
                    self.problem(join(path, "items"), String::from("expected an array of strings, found ") + found);
                    return None;
                }
                Block::List { ordered, items: self.string_list(v, path, "items") }
            }
            "image" | "figure" => Block::Image(self.image(v, path)?),
            "preformatted" | "code" => match v.get("text") {
                Some(Value::String(s)) => Block::Preformatted(s.clone()),
                other => {
                    self.problem(join(path, "text"), expected("a string", other.unwrap_or(&Value::Null)));
                    return None;
                }
            },
            "divider" => Block::Divider,
            _ => {
                let mut msg = String::from("unknown block type \"");
                msg.push_str(&kind);
                msg.push_str("\" skipped");
                self.warnings.push(Problem::new(path, msg));
                return None;
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"url":"https://news.example/a","title":"T","published":"2017-07-13","body":[]}"#;

    fn problems(text: &str) -> Vec<String> {
        match Article::from_json_text(text) {
            Err(Error::ArticleInvalid(p)) => p.iter().map(Problem::to_string).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn minimal_article_parses() {
        let parsed = Article::from_json_text(MINIMAL).unwrap();
        assert_eq!(parsed.article.title, "T");
        assert!(parsed.article.body.is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let text = r#"{
            "url": "javascript:alert(1)", "title": 5, "published": "yesterday",
            "authors": [{"name": "A"}, {"bio": "no name"}, 7],
            "image": {"src": "a.png"},
            "dir": "sideways", "tags": ["x", 1],
            "body": [
                {"type": "paragraph", "text": "ok"},
                {"type": "heading", "level": 1, "text": "h"},
                {"type": "paragraph"},
                {"type": "list", "items": ["a", 2]},
                {"type": "list", "items": "a"},
                "text",
                {"type": "marquee", "text": "skipped"}
            ]
        }"#;
        assert_eq!(
            problems(text),
            vec![
                "url: expected an absolute http: or https: URL",
                "title: expected a string, found a number",
                "authors[1].name: required",
                "authors[2]: expected an object, found a number",
                "published: expected an ISO 8601 date such as 2017-07-13 or 2017-07-13T09:30:00Z",
                "tags[1]: expected a string, found a number",
                "image.alt: required (use \"\" for a purely decorative image)",
                "dir: expected \"ltr\", \"rtl\" or \"auto\"",
                "body[1].level: expected 2, 3 or 4",
                "body[2].text: required",
                "body[3].items[1]: expected a string, found a number",
                "body[4].items: expected an array of strings, found a string",
                "body[5]: expected an object, found a string",
            ]
        );
    }

    #[test]
    fn missing_required_fields() {
        assert_eq!(
            problems("{}"),
            vec![
                "url: required",
                "title: required",
                "published: required",
                "body: required (an array of blocks; it may be empty)"
            ]
        );
        assert_eq!(problems("[]"), vec!["expected an object, found an array"]);
    }

    #[test]
    fn unknown_blocks_are_skipped_with_a_warning() {
        let text = MINIMAL.replace("\"body\":[]", r#""body":[{"type":"video","src":"x"},{"type":"divider"}]"#);
        let parsed = Article::from_json_text(&text).unwrap();
        assert_eq!(parsed.article.body, vec![Block::Divider]);
        assert_eq!(parsed.warnings[0].to_string(), "body[0]: unknown block type \"video\" skipped");
    }

    #[test]
    fn syntax_errors_have_a_position() {
        match Article::from_json_text("{\"title\": }") {
            Err(Error::ArticleSyntax(e)) => assert_eq!((e.line, e.column), (1, 11)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_block_kind_parses() {
        let text = MINIMAL.replace(
            "\"body\":[]",
            r#""body":[
                {"type":"paragraph","text":"p"},
                {"type":"heading","level":3,"text":"h"},
                {"type":"quote","text":"q","attribution":"A"},
                {"type":"list","ordered":true,"items":["1","2"]},
                {"type":"image","src":"i.png","alt":"alt","caption":"c","credit":"cr"},
                {"type":"preformatted","text":"  x\n y"},
                {"type":"divider"}
            ]"#,
        );
        let body = Article::from_json_text(&text).unwrap().article.body;
        assert_eq!(body.len(), 7);
        assert_eq!(body[1], Block::Heading { level: 3, text: "h".into() });
        assert_eq!(body[5], Block::Preformatted("  x\n y".into()));
    }
}
