//! `folio-locales DIR`: writes every language's table except English (which the wasm
//! carries) as a locale file, `DIR/<tag>.json`, for the widget to fetch when a page needs
//! it. `scripts/env.sh` runs it into `pkg/locales/` when it builds the package. See
//! `folio::i18n::file` for the format.

use std::process::ExitCode;

#[cfg(all_locales)]
fn main() -> ExitCode {
    use folio::i18n::{file, LOCALES};
    let mut args = std::env::args().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: folio-locales DIR");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(&dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("folio-locales: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for locale in LOCALES.iter().filter(|l| l.tag != "en") {
        let path = dir.join(String::from(locale.tag) + ".json");
        if let Err(e) = std::fs::write(&path, file::write(locale)) {
            eprintln!("folio-locales: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The tables are not compiled into this (wasm) build; there is nothing to write.
#[cfg(not(all_locales))]
fn main() -> ExitCode {
    ExitCode::FAILURE
}
