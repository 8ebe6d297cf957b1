// Completes pkg/ after wasm-pack and turns it into the publishable npm package
// `folio-widget`: the custom element, the stylesheet as a file (for the declarative shadow
// root that folio-render prints), the entry point, the hand-written TypeScript definitions,
// the package README and a package.json with `exports`. Idempotent: it rewrites every file
// it owns from sources outside pkg/, so running it twice gives the same pkg/.
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { terse } from './terse.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = `${root}pkg/`;

/** The `[package]` table of Cargo.toml: the few plain keys the npm manifest repeats. */
function cargoPackage(toml) {
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]')) ?? '';
  const value = (key) => {
    const m = table.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm'));
    return m ? JSON.parse(m[1].trim()) : undefined; // TOML basic strings and string arrays are JSON here
  };
  return { version: value('version'), description: value('description'), license: value('license'), repository: value('repository'), keywords: value('keywords') ?? [] };
}

const cargo = cargoPackage(await readFile(`${root}Cargo.toml`, 'utf8'));
if (!/^\d+\.\d+\.\d+/.test(cargo.version ?? '')) throw new Error(`package.mjs: no version in Cargo.toml [package] (${cargo.version})`);

// What an HTML-first page downloads at load: the element's script and the stylesheet,
// both minified (js/element.js and src/style.css are the readable sources).
const minify = async (from, to, loader, edit = (source) => source) => {
  const { code } = await transform(edit(await readFile(from, 'utf8')), { loader, format: loader === 'js' ? 'esm' : undefined, minify: true, target: 'es2022', legalComments: 'none' });
  await writeFile(to, loader === 'js' ? await terse(code) : code);
};
// element.js is bundled with the files it imports from crates/web/js/: page.js (the share
// bar's and the page theme's behaviour) and comments.js (loading the comments module and
// starting it on a section), which the core's glue carries too; the modules it loads later
// stay separate files.
{
  const { outputFiles } = await build({
    entryPoints: [`${root}js/element.js`], bundle: true, write: false, format: 'esm', minify: true, target: 'es2022',
    legalComments: 'none', external: ['./folio.js', './folio_comments.js'],
  });
  if (outputFiles.length !== 1) throw new Error(`package.mjs: bundling js/element.js gave ${outputFiles.length} files`);
  await writeFile(`${pkg}element.js`, await terse(outputFiles[0].text));
}
// Comment counts for index pages: a script of its own, no wasm. It is given the languages
// that have a locale file: English and every translation in locales/.
const tags = ['en', ...(await readdir(`${root}locales`)).filter((f) => /^[a-z]+\.json$/.test(f)).map((f) => f.slice(0, -5)).sort()];
await minify(`${root}js/count.js`, `${pkg}count.js`, 'js', (source) => {
  const list = "const TAGS = ['en'];";
  if (!source.includes(list)) throw new Error(`package.mjs: js/count.js has no ${list}`);
  return source.replace(list, `const TAGS = ${JSON.stringify(tags)};`);
});
await copyFile(`${root}js/count.d.ts`, `${pkg}count.d.ts`);
await minify(`${root}src/style.css`, `${pkg}folio.css`, 'css');
await copyFile(`${root}js/element.d.ts`, `${pkg}element.d.ts`);
await copyFile(`${root}js/index.d.ts`, `${pkg}index.d.ts`);
await copyFile(`${root}js/README.md`, `${pkg}README.md`); // replaces the repo README wasm-pack copied
await writeFile(`${pkg}index.js`, `// Folio: mount() and the <folio-article> element (defined on import).
export { default, mount, Folio } from './folio.js';
export { FolioArticle, ready } from './element.js';
`);

// wasm-pack writes pkg/.gitignore containing `*` (pkg/ is build output). npm pack reads a
// package's .gitignore when it has no .npmignore; the `files` list below already says
// exactly what ships, and an empty .npmignore makes sure the `*` never applies.
await writeFile(`${pkg}.npmignore`, '');

const manifest = {
  name: 'folio-widget',
  version: cargo.version,
  description: cargo.description,
  license: cargo.license,
  repository: { type: 'git', url: cargo.repository },
  keywords: [...new Set([...cargo.keywords, 'webassembly', 'web-component', 'custom-element', 'news', 'share-buttons'])],
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
    './element': { types: './element.d.ts', default: './element.js' },
    './count': { types: './count.d.ts', default: './count.js' },
    './folio.css': './folio.css',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'element.js', 'element.d.ts', 'count.js', 'count.d.ts', 'folio.js', 'folio.d.ts',
    'folio_bg.wasm', 'folio_bg.wasm.d.ts', 'folio.css', 'README.md',
    // The comment section, a second module that folio.js imports (import('./folio_comments.js'))
    // when a page needs it; internal, so neither in `exports` nor typed.
    'folio_comments.js', 'folio_comments_bg.wasm',
    // The non-English tables, fetched by the wasm when a page needs one (folio.js holds
    // the function that finds them, from js/locales.js).
    'locales/',
  ],
  // element.js defines <folio-article> when imported, and index.js imports it. folio.js
  // (wasm-bindgen's glue) only declares things, so a bundler may drop it when unused.
  sideEffects: ['./element.js', './index.js', './count.js'],
};
await writeFile(`${pkg}package.json`, `${JSON.stringify(manifest, null, 2)}\n`);

// The wasms import JS functions (js/locales.js, js/comments.js) that scripts/minify.mjs
// writes into the glues. Stop here rather than ship a package whose languages or comment
// section cannot be found.
if (await stat(`${pkg}snippets`).then(() => true, () => false)) throw new Error('package.mjs: pkg/snippets/ should have been inlined by scripts/minify.mjs');
const core = await readFile(`${pkg}folio.js`, 'utf8');
const comments = await readFile(`${pkg}folio_comments.js`, 'utf8');
for (const [file, code] of [['folio.js', core], ['folio_comments.js', comments]]) {
  if (!code.includes('./locales/${')) throw new Error(`package.mjs: ${file} does not find pkg/locales/`);
  // A static import would be fetched before the wasm: one more round trip per page.
  if (/(^|[;}\n])\s*import\s*[\w{*]/.test(code)) throw new Error(`package.mjs: ${file} has a static import`);
}
if (!/import\(["']\.\/folio_comments\.js["']\)/.test(core)) throw new Error('package.mjs: folio.js does not import the comments module');
if (!/\bstartComments\b/.test(comments) || /\bmount\b/.test(comments)) throw new Error('package.mjs: folio_comments.js should export startComments and not mount');
if (!comments.includes('folio_comments_bg.wasm')) throw new Error('package.mjs: folio_comments.js does not find folio_comments_bg.wasm');
if (!(await stat(`${pkg}locales/de.json`).then(() => true, () => false))) {
  throw new Error('package.mjs: pkg/locales/ is missing (cargo run --bin folio-locales -- pkg/locales)');
}
