//! The translations in `locales/`, as the package ships them and as translators keep them.
//!
//! - `folio-locales DIR` writes every translation (compiled in from `locales/<tag>.json`) as
//!   a locale file, `DIR/<tag>.json`, with the version that reads it, for the widget to fetch
//!   when a page needs it. `scripts/env.sh` runs it into `pkg/locales/` when it builds the
//!   package.
//! - `folio-locales --format DIR` reads each translation in `DIR` (`locales/`) as it is on
//!   disk now, says what is wrong with any that is not whole (a missing field, a member
//!   that is not text), and writes the others back in the layout the tests require (members
//!   in the order of the English table, two-space indent). A translator runs it after
//!   editing a file.
//!
//! See `folio::i18n::file` for the format.

use std::process::ExitCode;

#[cfg(all_locales)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, dir] if flag == "--format" => format(std::path::Path::new(dir)),
        [dir] if !dir.starts_with('-') => write(std::path::Path::new(dir)),
        _ => {
            eprintln!("usage: folio-locales DIR | folio-locales --format LOCALES_DIR");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("folio-locales: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the package's locale files into `dir`.
#[cfg(all_locales)]
fn write(dir: &std::path::Path) -> Result<(), String> {
    use folio::i18n::{file, locales};
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for locale in locales().iter().filter(|l| l.tag != "en") {
        let path = dir.join(String::from(locale.tag) + ".json");
        std::fs::write(&path, file::write(locale)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Reads every translation in `dir` and writes each whole one back in its layout; the
/// error names every file that is not whole.
#[cfg(all_locales)]
fn format(dir: &std::path::Path) -> Result<(), String> {
    use folio::i18n::{file, TAGS};
    let mut failed = Vec::new();
    for tag in &TAGS[1..] {
        let path = dir.join(String::from(*tag) + ".json");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        match file::read_source(&text) {
            Ok(locale) if locale.tag == *tag => {
                let layout = file::write_source(&locale);
                if layout != text {
                    std::fs::write(&path, layout).map_err(|e| format!("{}: {e}", path.display()))?;
                    println!("{}: written in its layout", path.display());
                }
            }
            Ok(locale) => failed.push(format!("{}: its tag is {:?}", path.display(), locale.tag)),
            Err(e) => failed.push(format!("{}: {}", path.display(), e.text())),
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\n"))
    }
}

/// The tables are not compiled into this (wasm) build; there is nothing to write.
#[cfg(not(all_locales))]
fn main() -> ExitCode {
    ExitCode::FAILURE
}
