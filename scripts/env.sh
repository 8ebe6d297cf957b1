# Sourced by the scripts: tool paths and the browser-test settings, in one place.
FOLIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$FOLIO_ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# wasm-bindgen-test-runner's headless run times out after this many seconds.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
cd "$FOLIO_ROOT"

# Builds pkg/ (the npm-style package) with wasm-pack, wasm-bindgen and wasm-opt from PATH.
build_pkg() {
  wasm-pack build --target web --release 2>&1 | grep -vE '^\s*$' | grep -vE 'INFO|WARN' || true
  test -f pkg/folio_bg.wasm || { echo "wasm-pack build failed" >&2; return 1; }
  node scripts/package.mjs
}
