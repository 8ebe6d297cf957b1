# Sourced by the scripts: tool paths and the browser-test settings, in one place.
FOLIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$FOLIO_ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# wasm-bindgen-test-runner's headless run times out after this many seconds.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
cd "$FOLIO_ROOT"

# Builds pkg/ (the npm-style package): two wasm modules, each its own crate (see
# ARCHITECTURE.md): the core, folio.js + folio_bg.wasm (crates/wasm-core: mount, the
# article, the share bar, and a loader for the comment section), and the comments module,
# folio_comments.js + folio_comments_bg.wasm (crates/wasm-comments), which the core imports
# when a page needs its comment section. Each goes through wasm-bindgen and wasm-opt
# (binaryen from node_modules) as wasm-pack would run them, and scripts/minify.mjs (short
# import names, the JS snippets written into the glue, a minified glue); folio-locales
# writes pkg/locales/, scripts/package.mjs completes the package.
#
# With the pinned nightly (FOLIO_NIGHTLY, installed by scripts/setup with rust-src and the
# wasm32 standard library), std is rebuilt with
# panic=immediate-abort: a panic traps at once instead of first formatting a message that
# nobody reads (the release profile aborts anyway), and each module is ~7.5 KB gzip
# smaller; and with std's `optimize_for_size` feature (smaller sorting and searching code,
# ~0.2 KB gzip per module); and with -Zcross-crate-inline-threshold=always: every function of
# every crate (std's, the core's, the edge's) may be inlined where it is called from another
# crate, as within one crate, before LTO; with the edge, the core and the modules in
# separate crates that is ~0.5-0.9 KB gzip less per module (measured 2026-12-07). Without
# it, or with FOLIO_STABLE=1, the default toolchain builds it. Which one built pkg/ is
# written to target/pkg-toolchain.txt (bench/size prints it).
# The nightly the package's figures are measured with, pinned by date (scripts/setup
# installs it).
FOLIO_NIGHTLY="${FOLIO_NIGHTLY:-nightly-2026-05-20}"

pkg_toolchain() {
  local sysroot
  if [ -z "${FOLIO_STABLE:-}" ] && sysroot="$(rustup run "$FOLIO_NIGHTLY" rustc --print sysroot 2>/dev/null)" &&
    [ -d "$sysroot/lib/rustlib/src/rust/library" ] && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    echo nightly
  else
    echo stable
  fi
}

# Compiles the wasm module crate $1 (a cdylib) with features $2 and the module's own rustc
# flags $3 (nightly only; such a module gets its own target directory, so that two modules'
# builds do not rebuild each other's std) with the toolchain its caller chose ($toolchain, see
# pkg_toolchain), into $out. A nightly that cannot build it (a toolchain too old or too new
# for these flags) hands over to the default toolchain, for this module and the rest, and
# says so ($toolchain becomes stable, $fell_back 1).
compile() {
  local file="${1//-/_}.wasm" dir="target/nightly${3:+-$1}"
  if [ "$toolchain" = nightly ]; then
    out="$dir/wasm32-unknown-unknown/release/$file"
    # -zstack-size: a stack of 992 KB instead of rustc's 1 MB (2^20 B), so that the data
    # after it sits below 2^20 and each of the ~1,000 data addresses in the code is a
    # 3-byte constant, not a 4-byte one (comments -52 B gzip, core -7 B; measured
    # 2026-12-08). The stack still comes first: an overflow traps, it overwrites nothing.
    if RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zcross-crate-inline-threshold=always -Clink-arg=-zstack-size=1015808 ${3:-}" cargo "+$FOLIO_NIGHTLY" build --quiet -p "$1" --release \
      --target wasm32-unknown-unknown ${2:+--features "$2"} \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$dir"; then
      return 0
    fi
    echo "compile: the nightly build of $1 failed (above); building with the default toolchain" >&2
    toolchain=stable
    fell_back=1
  fi
  out="target/wasm32-unknown-unknown/release/$file"
  cargo build --quiet -p "$1" --release --target wasm32-unknown-unknown ${2:+--features "$2"}
}

# What every wasm-opt run is told about a module: the features it uses, and that its first
# 1 KB of memory is never used (--low-memory-unused, see optimize_wasm).
FOLIO_WASM_OPT_FLAGS=(--low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-reference-types --enable-multivalue)

# Shrinks the wasm file $1 in place, as every module of the package is shrunk.
optimize_wasm() {
  # --low-memory-unused: the first 1 KB of memory is never read or written (rustc puts the
  # stack first, 992 KB growing down towards 0, and the data after it), so wasm-opt may fold
  # constant offsets into addresses: ~230 B gzip less per module. --flatten --rereloop
  # between two -Oz rounds rebuilds each function's control flow from scratch, which the
  # second round then shrinks further: ~200 B gzip less per module; a third -Oz after them
  # takes ~90 B more from the comments module (measured 2026-12-06).
  # --gufa (whole-module flow analysis: values and types that can only be constants or
  # cannot occur) and one more -Oz after it: ~80 B gzip less in the comments module, the
  # core unchanged (+4 B; measured 2026-12-07).
  # --strip-producers, --strip-target-features: two custom sections (rustc's and
  # wasm-bindgen's versions, the features the wasm was built with) that no browser reads.
  wasm-opt -Oz --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz --gufa -Oz --converge "${FOLIO_WASM_OPT_FLAGS[@]}" \
    --strip-producers --strip-target-features "$1" -o "$1" || return 1
  # The functions in the order gzip compresses best (similar bodies side by side), the
  # code unchanged: ~450 B gzip less per module (measured 2026-12-07).
  node scripts/layout.mjs "$1" || return 1
  # One more -Oz over the laid-out module, which keeps the functions in that order: with
  # them renumbered, binaryen's passes shrink the code by ~0.2 KB more, although the
  # rounds above had converged (~130 B gzip less per module, measured 2026-12-07).
  wasm-opt -Oz "${FOLIO_WASM_OPT_FLAGS[@]}" "$1" -o "$1"
}

build_pkg() {
  local toolchain out fell_back=""
  toolchain="$(pkg_toolchain)"
  rm -rf pkg && mkdir -p target pkg
  # name, crate, features, rustc flags of its own: one module of the package.
  build_module() {
    compile "$2" "$3" "${4:-}" || return 1
    wasm-bindgen --target web --out-dir pkg --out-name "$1" "$out" || return 1
    # The function table without the closure invoke shims that only wasm-bindgen's
    # descriptors used, so wasm-opt drops them: ~0.5 KB gzip less per module (measured
    # 2026-12-07); nor js-sys's unused JSPI task waker (core -154 B, comments -53 B,
    # measured 2026-12-08).
    node scripts/shims.mjs "pkg/$1_bg.wasm" || return 1
    # Before wasm-opt: the exports the glue never calls go, and wasm-opt then drops what
    # only they kept.
    node scripts/minify.mjs pkg "$1" || return 1
    optimize_wasm "pkg/$1_bg.wasm"
  }
  # FOLIO_FEATURES (see Cargo.toml) goes to both builds: client-markdown builds the comment
  # Markdown renderer into the comments module (the core has no use for it, so its wasm
  # does not change), all-locales every table into both.
  mkdir -p target && printf '%s\n' "${FOLIO_FEATURES:-}" > target/pkg-features.txt
  # The core with LLVM's inliner told that a call costs 40 instead of 25: it then inlines
  # more of the small functions whose calls cost more than their bodies (core -0.3 to -0.4 KB
  # gzip; the comments module grows with it, +0.2 KB, so it keeps the default; measured
  # 2026-12-08).
  build_module folio folio-wasm-core "${FOLIO_FEATURES:-}" "-Cllvm-args=-inline-call-penalty=40" || return 1
  build_module folio_comments folio-wasm-comments "${FOLIO_FEATURES:-}" || return 1
  # Every language but English as a file the widget fetches when a page needs it.
  cargo run --quiet --bin folio-locales -- pkg/locales || return 1
  node scripts/package.mjs || return 1
  if [ "$toolchain" = nightly ]; then
    echo "$(rustup run "$FOLIO_NIGHTLY" rustc --version), build-std, panic=immediate-abort, cross-crate inlining" > target/pkg-toolchain.txt
  else
    echo "$(rustc --version)${fell_back:+ (the nightly build failed)}" > target/pkg-toolchain.txt
  fi
  echo "build_pkg: $(cat target/pkg-toolchain.txt)"
}
