//! Differential test of `folio::comments::markdown` against the real mistune, configured as
//! Isso 0.14 configures it. Every sample in tests/fixtures/markdown/corpus.json is rendered
//! by both; tests/fixtures/markdown/mistune_ref.py normalises both through Folio's comment
//! allowlist (restated in Python) and compares. Needs `.venv/bin/python` with Isso's
//! mistune, which `./scripts/setup` installs: without it a plain `cargo test` skips the
//! comparison with a note, and `./scripts/test` (which sets `FOLIO_REQUIRE_MISTUNE`) fails.
//! Native only (it runs Python; the wasm-bindgen suites build every test for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use folio::comments::markdown::render_with;
use folio::json;
use folio::view::html::to_html;

/// Samples (by their text) where Folio knowingly differs from mistune, with the reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "[\u{c4}]\n\n[\u{e4}]: https://x.example",
        "reference labels fold ASCII case only (no Unicode case tables in the wasm)",
    ),
    (
        "[\u{c9}][]\n\n[\u{e9}]: https://x.example",
        "reference labels fold ASCII case only (no Unicode case tables in the wasm)",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus: tests/fixtures/markdown/corpus.json, or the JSON array of strings at
/// `$FOLIO_MARKDOWN_CORPUS` (for ad-hoc fuzzing).
fn corpus() -> Vec<String> {
    let path = std::env::var_os("FOLIO_MARKDOWN_CORPUS")
        .map_or_else(|| root().join("tests/fixtures/markdown/corpus.json"), PathBuf::from);
    let text = std::fs::read_to_string(path).unwrap();
    let value = json::parse(&text).unwrap();
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// The Python of `.venv` (Isso and its mistune), which `./scripts/setup` installs. A plain
/// `cargo test` on a fresh clone has none: the comparison is then skipped with a note,
/// unless `FOLIO_REQUIRE_MISTUNE` is set (`./scripts/test` sets it, so there it always runs).
fn python() -> Option<PathBuf> {
    let py = root().join(".venv/bin/python");
    if py.exists() {
        return Some(py);
    }
    let why = "is missing: run ./scripts/setup (it installs Isso and its mistune into .venv)";
    assert!(std::env::var_os("FOLIO_REQUIRE_MISTUNE").is_none(), "{} {why}", py.display());
    eprintln!("skipped: the mistune comparison needs {} , which {why}", py.display());
    None
}

/// Runs the reference over the corpus; returns the indices that differ, or `None` when
/// the reference is not installed.
fn mismatches(hard_wrap: bool) -> Option<Vec<usize>> {
    let python = python()?;
    let samples = corpus();
    assert!(samples.len() >= 150, "corpus has {} samples", samples.len());
    let mut input = String::from("{\"hard_wrap\": ");
    input.push_str(if hard_wrap { "true" } else { "false" });
    input.push_str(", \"cases\": [");
    for (i, s) in samples.iter().enumerate() {
        let got: String = render_with(s, hard_wrap).iter().map(to_html).collect();
        if i > 0 {
            input.push(',');
        }
        input.push('[');
        json::write_string(&mut input, s);
        input.push(',');
        json::write_string(&mut input, &got);
        input.push(']');
    }
    input.push_str("]}");
    let file = std::env::temp_dir().join(format!("folio-markdown-{}-{hard_wrap}.json", std::process::id()));
    std::fs::write(&file, input).unwrap();
    let out = Command::new(python)
        .arg(root().join("tests/fixtures/markdown/mistune_ref.py"))
        .arg(&file)
        .output()
        .expect("running .venv/bin/python");
    let _ = std::fs::remove_file(&file);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "mistune_ref.py failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    print!("{stdout}");
    let last = stdout.lines().last().and_then(|l| l.strip_prefix("MISMATCHES ")).expect("no MISMATCHES line");
    let bad: Vec<usize> = last.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    Some(bad.into_iter().filter(|&i| !KNOWN_DIFFERENCES.iter().any(|(s, _)| *s == samples[i])).collect())
}

#[test]
fn matches_mistune_as_isso_configures_it() {
    let Some(bad) = mismatches(false) else { return };
    assert!(bad.is_empty(), "{} samples differ from mistune (listed above): {bad:?}", bad.len());
}

#[test]
fn matches_mistune_with_hard_wrap() {
    let Some(bad) = mismatches(true) else { return };
    assert!(bad.is_empty(), "{} samples differ from mistune with hard_wrap (listed above): {bad:?}", bad.len());
}

#[test]
fn known_differences_are_in_the_corpus() {
    let samples = corpus();
    for (s, _) in KNOWN_DIFFERENCES {
        assert!(samples.iter().any(|x| x == s), "{s:?} is not in the corpus");
    }
}
