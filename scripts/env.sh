# Sourced by the scripts: tool paths and the browser-test settings, in one place.
FOLIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$FOLIO_ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# wasm-bindgen-test-runner's headless run times out after this many seconds.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
cd "$FOLIO_ROOT"

# Builds pkg/ (the npm-style package). The crate is built as a cdylib alone: with the
# rlib beside it (which wasm-pack always builds, and the tests and folio-render need),
# rustc inlines differently and the wasm grows by ~7.7 KB gzip. Then wasm-bindgen and
# wasm-opt (binaryen from node_modules) as wasm-pack would run them, and
# folio-locales writes pkg/locales/, scripts/minify.mjs shrinks the glue and the wasm's
# import names, scripts/package.mjs completes the package.
build_pkg() {
  local out=target/wasm32-unknown-unknown/release/folio.wasm
  # FOLIO_FEATURES=client-markdown builds in the comment Markdown renderer (see Cargo.toml).
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib \
    ${FOLIO_FEATURES:+--features "$FOLIO_FEATURES"} || return 1
  rm -rf pkg && mkdir -p pkg
  wasm-bindgen --target web --out-dir pkg --out-name folio "$out" || return 1
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue pkg/folio_bg.wasm -o pkg/folio_bg.wasm || return 1
  # Every language but English as a file the widget fetches when a page needs it.
  cargo run --quiet --bin folio-locales -- pkg/locales || return 1
  # Short import names in the wasm and the glue, and a minified glue.
  node scripts/minify.mjs pkg || return 1
  node scripts/package.mjs
}
