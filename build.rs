//! Minifies `src/style.css` into `$OUT_DIR/style.css` for `folio::STYLESHEET` (compiled into
//! the wasm): comments dropped, whitespace collapsed to one space and dropped next to
//! `{ } ; ,` and after `:` (where CSS never needs it), the last `;` of a block dropped. Quoted strings
//! are copied as they are. pkg/folio.css (for static pages) is the readable source.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    // No whitespace is needed next to these.
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                if space && !out.ends_with(tight) && !out.ends_with(':') && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                // Never needed after a colon either (`a: b`); before one it can be (`.a :focus`).
                if space && !tight(c) && !out.ends_with(tight) && !out.ends_with(':') && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

fn main() {
    println!("cargo::rerun-if-changed=src/style.css");
    // `cfg(markdown)`: the comment Markdown renderer is compiled natively (tests, the
    // differential test against mistune) and into the wasm only with the
    // `client-markdown` feature (it costs ~22 KB gzip; see Cargo.toml).
    println!("cargo::rustc-check-cfg=cfg(markdown)");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if !wasm || env::var_os("CARGO_FEATURE_CLIENT_MARKDOWN").is_some() {
        println!("cargo::rustc-cfg=markdown");
    }
    // `cfg(all_locales)`: every locale table compiled in, natively (tests, folio-render,
    // folio-locales) and into the wasm with the `all-locales` feature; else the wasm has
    // English and fetches the others as files (src/i18n/file.rs).
    println!("cargo::rustc-check-cfg=cfg(all_locales)");
    if !wasm || env::var_os("CARGO_FEATURE_ALL_LOCALES").is_some() {
        println!("cargo::rustc-cfg=all_locales");
    }
    // `cfg(waline)`: the Waline backend, natively always (tests, folio-render) and into the
    // wasm with the `waline` feature (it costs ~3.3 KB gzip in the comments module).
    println!("cargo::rustc-check-cfg=cfg(waline)");
    if !wasm || env::var_os("CARGO_FEATURE_WALINE").is_some() {
        println!("cargo::rustc-cfg=waline");
    }
    let css = fs::read_to_string("src/style.css").expect("src/style.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
