// Shrinks what wasm-bindgen wrote into pkg/ for one module of the package (the core,
// `folio`, or the comments module, `folio_comments`), without changing what it exports:
//
// 1. Import names (and the names of the modules they come from). wasm-bindgen names every JS function the wasm imports
//    `__wbg_<method>_<16 hex digits>`; the name is written twice (the wasm's import section
//    and the glue's import object) and the hashes do not compress. Each becomes a short
//    name (`a`, `b`, ... `aa`, ...) in both files. Imports whose JS functions are the same
//    text (web-sys binds `length` or `item` once per type) become one. A JS file two extern
//    blocks import is one namespace of the import object.
//    Exports: the wasm's exports are the glue's alone (pages call the glue's functions,
//    which keep their names). Each one the glue calls (`wasm.<name>`: the closure shims
//    `wasm_bindgen_<hash>___convert__closures_____invoke___<types>`, `__wbindgen_malloc`,
//    `memory`, `mount`, ...) becomes `$a`, `$b`, ... in the wasm, the glue and
//    <name>_bg.wasm.d.ts; one it never calls (`__abort_handler`, `__instance_terminated`)
//    is dropped. So scripts/env.sh runs this before wasm-opt, which then removes what only
//    the dropped exports kept.
// 2. The JS files the wasm imports (wasm-bindgen copies them to snippets/<crate>-<hash>/js/):
//    js/locales.js, js/fetch.js, js/url.js and js/page.js (both modules: page.js holds the
//    core's share bar and page theme and the comments module's scroll anchoring),
//    js/comments.js (loading the comments module and starting it on a section) and
//    js/style.js (the core's stylesheet, fetched from pkg/folio.css), written into the glue
//    instead, with their paths made relative to pkg/ (element.js bundles page.js and
//    comments.js too): the glue would otherwise import them before it starts fetching the
//    wasm, one more round trip on every page. pkg/snippets/ is then removed. With
//    js/style.js, the glue's default export (`init()`) also waits for the stylesheet
//    (fetched meanwhile; at most 3 s more), so that the first render is styled.
// 3. The glue, pkg/<name>.js, minified by esbuild with tree shaking (a snippet's functions
//    that a module does not use are dropped; ES module in, ES module out), then by terser
//    (scripts/terse.mjs). The `new URL('<name>_bg.wasm', import.meta.url)` and the
//    `import('./folio_comments.js')` that bundlers look for stay as they are.
// 4. The comments module's `initSync`, which nothing calls (the core's loader uses
//    `default`), from its glue and its .d.ts, and its `default`'s warning about arguments
//    other than the `{ module_or_path }` the loader passes.
//
// Usage: node scripts/minify.mjs pkg [folio|folio_comments]. Fails loudly, leaving the
// module's files as they were, when either file is not shaped as expected (a new
// wasm-bindgen version, say).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { terse } from './terse.mjs';
import { descriptionEnd, encodeLeb, leb } from './wasm.mjs';

const dir = process.argv[2] ?? 'pkg';
const name = process.argv[3] ?? 'folio';
const wasmPath = join(dir, `${name}_bg.wasm`);
const jsPath = join(dir, `${name}.js`);
const MODULE = `./${name}_bg.js`;

// The snippets a glue may import, each with a check of its inlined form.
const SNIPPETS = {
  'locales.js': (code) => code.includes('./locales/${tag}.json') && code.includes('const localeText = '),
  'fetch.js': (code) => code.includes('const request = ') && code.includes('const settle = '),
  'style.js': (code) => code.includes("new URL('./folio.css', import.meta.url)") && code.includes('const stylesheetWithin = '),
  'url.js': (code) => code.includes('const parses = ') && code.includes('URL.canParse'),
  'page.js': (code) => code.includes('const wire = ') && code.includes('const revealShare = ') && code.includes('const anchor = ') && code.includes('preventScroll'),
  'comments.js': (code) => code.includes("import('./folio_comments.js')") && code.includes("new URL('./folio_comments_bg.wasm', import.meta.url)"),
};

/** `a`, `b`, ... `z`, `A` ... `Z`, `aa`, `ab`, ...: the n-th short name. */
function shortName(n) {
  const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = ALPHABET[n % ALPHABET.length] + name;
    n = Math.floor(n / ALPHABET.length) - 1;
  } while (n >= 0);
  return name;
}

/** Renames the imports from MODULE in the wasm, an import `same` maps to another under
 * that one's name; returns the new wasm, the renames, the short name of each module and
 * the names the wasm imports from each (`used`). */
function renameImports(wasm, same) {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let at = 8; // magic and version
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) { at = end; continue; }
    const renames = new Map();
    const short = new Map();
    const modules = new Map();
    const used = new Map();
    let [count, p] = leb(wasm, start);
    const out = [...encodeLeb(count)];
    const string = () => {
      const [length, s] = leb(wasm, p);
      p = s + length;
      return decoder.decode(wasm.subarray(s, s + length));
    };
    const pushString = (s) => { const b = encoder.encode(s); out.push(...encodeLeb(b.length), ...b); };
    for (; count > 0; count--) {
      const module = string();
      const name = string();
      const kind = wasm[p];
      const descEnd = descriptionEnd(wasm, kind, p + 1);
      let renamed = name;
      if (module === MODULE) {
        const target = same.get(name) ?? name;
        if (!short.has(target)) short.set(target, shortName(short.size));
        renamed = short.get(target);
        renames.set(name, renamed);
      }
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      if (!used.has(module)) used.set(module, new Set());
      used.get(module).add(name);
      pushString(modules.get(module));
      pushString(renamed);
      out.push(...wasm.subarray(p, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error('minify.mjs: the import section did not parse to its end');
    return { wasm: replaceSection(wasm, at, end, id, out), renames, modules, used };
  }
  throw new Error('minify.mjs: the wasm has no import section');
}

/** `wasm` with its section of type `id` at `at`..`end` replaced by one holding `body`. */
function replaceSection(wasm, at, end, id, body) {
  const section = [id, ...encodeLeb(body.length), ...body];
  const result = new Uint8Array(at + section.length + (wasm.length - end));
  result.set(wasm.subarray(0, at), 0);
  result.set(section, at);
  result.set(wasm.subarray(end), at + section.length);
  return result;
}

/** Renames every export the glue calls (`wasm.<name>`) to `$a`, `$b`, ...; drops those it
 * never calls; returns the new wasm, the renames and the dropped names. */
function renameExports(wasm, js) {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 7) { at = end; continue; }
    const renames = new Map();
    const dropped = [];
    // The glue must use each export through `wasm.<name>` alone (no other property access
    // or string of that name), so that renaming those renames every use. JS functions of
    // the same name are its own wrappers, which esbuild renames. Comments do not count.
    const code = js.replace(/\/\*[^]*?\*\/|\/\/[^\n]*/g, '');
    let [count, p] = leb(wasm, start);
    const entries = [];
    for (; count > 0; count--) {
      const [length, s] = leb(wasm, p);
      const exported = decoder.decode(wasm.subarray(s, s + length));
      p = s + length;
      const descEnd = leb(wasm, p + 1)[1]; // kind, index
      const other = new RegExp(`(?:(?<!\\bwasm)\\.|['"\`])${exported}(?![\\w$])`);
      if (other.test(code)) throw new Error(`minify.mjs: ${name}.js uses export ${exported} other than as wasm.${exported}`);
      const calls = code.match(new RegExp(`\\bwasm\\.${exported}(?![\\w$])`, 'g'))?.length ?? 0;
      if (calls === 0) {
        dropped.push(exported);
      } else {
        const renamed = `$${shortName(renames.size)}`;
        renames.set(exported, renamed);
        const b = encoder.encode(renamed);
        entries.push(...encodeLeb(b.length), ...b, ...wasm.subarray(p, descEnd));
      }
      p = descEnd;
    }
    if (p !== end) throw new Error('minify.mjs: the export section did not parse to its end');
    const out = [...encodeLeb(renames.size), ...entries];
    return { wasm: replaceSection(wasm, at, end, id, out), renames, dropped };
  }
  throw new Error('minify.mjs: the wasm has no export section');
}

const wasm = new Uint8Array(await readFile(wasmPath));
let js = await readFile(jsPath, 'utf8');
if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error(`minify.mjs: ${wasmPath} is not wasm`);
// Imports whose JS functions are the same text (web-sys binds `length`, `item`, ... once
// per type): the wasm imports the first under each name, and the others' entries go.
const same = new Map();
{
  const first = new Map();
  for (const [entry, imported, body] of js.matchAll(/^ {8}(__wbg_\w+): (function[^]*?\n {8}\}),\n/gm)) {
    if (!first.has(body)) { first.set(body, imported); continue; }
    same.set(imported, first.get(body));
    js = js.replace(entry, '');
  }
}
const renamed = renameImports(wasm, same);
const exports = renameExports(renamed.wasm, js);
const typesPath = join(dir, `${name}_bg.wasm.d.ts`);
let types = await readFile(typesPath, 'utf8');
const declaration = (exported) => new RegExp(`^export const ${exported}: [^\\n]*\\n`, 'm');
for (const [exported, short] of exports.renames) {
  js = js.replace(new RegExp(`\\bwasm\\.${exported}(?![\\w$])`, 'g'), `wasm.${short}`);
  if (!declaration(exported).test(types)) throw new Error(`minify.mjs: ${typesPath} does not declare ${exported}`);
  types = types.replace(declaration(exported), (line) => line.replace(exported, short));
}
for (const exported of exports.dropped) types = types.replace(declaration(exported), '');

// The glue's import object: one `        <name>: function(...` line per import.
for (const [imported, short] of renamed.renames) {
  if (same.has(imported)) continue;
  const key = new RegExp(`^(\\s+)${imported}:`, 'gm');
  const found = js.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`minify.mjs: import ${imported} is a key in ${name}.js ${found} times, not once`);
  js = js.replace(key, `$1${short}:`);
}
// The snippets: `import { localeText } from './snippets/folio-web-<hash>/js/locales.js';`,
// or, for a snippet whose functions the wasm imports directly (no JS shim in between),
// `import * as import1 from "./snippets/folio-web-<hash>/js/style.js"` with the path
// also a key of the import object (`"./snippets/...": import1,`), which stays: the
// namespace becomes an object of the snippet's exports that the wasm imports.
const imports = [...js.matchAll(/^import \{ \w+(?:, \w+)* \} from '(\.\/snippets\/[^']+\/js\/([\w-]+\.js))';\n/gm)];
const namespaces = [...js.matchAll(/^import \* as (\w+) from "(\.\/snippets\/[^"]+\/js\/([\w-]+\.js))";?\n/gm)];
if (imports.length + 2 * namespaces.length !== (js.match(/\.\/snippets\//g) ?? []).length) throw new Error(`minify.mjs: ${name}.js imports snippets in a way this script does not know`);
/** The snippet at `path` (js/`file`), its exports made plain constants, paths from pkg/. */
async function inline(path, file) {
  const check = SNIPPETS[file];
  if (!check) throw new Error(`minify.mjs: ${name}.js imports js/${file}, which this script does not know how to inline`);
  const snippet = await readFile(join(dir, path), 'utf8');
  const inlined = snippet.replace(/^export const /gm, 'const ').replaceAll('../../../', './');
  if (inlined === snippet || /^export /m.test(inlined) || !check(inlined)) throw new Error(`minify.mjs: js/${file} is not shaped as expected`);
  return { inlined, exported: [...snippet.matchAll(/^export const (\w+)/gm)].map((m) => m[1]) };
}
// (A file imported both ways is written once.)
const written = new Set();
for (const [line, path, file] of imports) {
  js = js.replace(line, written.has(file) ? '' : (await inline(path, file)).inlined);
  written.add(file);
}
// (A file two extern blocks import is one namespace, under one key of the import object.)
const namespaced = new Set();
for (const [line, namespace, path, file] of namespaces) {
  if (namespaced.has(path)) {
    const key = `        "${path}": ${namespace},\n`;
    if (!js.includes(key)) throw new Error(`minify.mjs: ${name}.js has no import object key "${path}": ${namespace}`);
    js = js.replace(line, '').replace(key, '');
    continue;
  }
  namespaced.add(path);
  const { inlined, exported } = await inline(path, file);
  // Only what the wasm imports from it, so that esbuild drops the rest of the snippet.
  const wanted = exported.filter((f) => renamed.used.get(path)?.has(f));
  js = js.replace(line, `${written.has(file) ? '' : inlined}const ${namespace} = { ${wanted.join(', ')} };\n`);
  written.add(file);
  imports.push([line, path, file]);
}
if (imports.some(([, , file]) => file === 'style.js')) {
  const end = 'export { initSync, __wbg_init as default };';
  if (!js.includes(end)) throw new Error(`minify.mjs: ${name}.js does not end with \`${end}\``);
  js = js.replace(end, '/** Initialises the wasm, and waits for the stylesheet. */\nconst __folio_init = async (module) => { const exports = await __wbg_init(module); await stylesheetWithin(3000); return exports; };\nexport { initSync, __folio_init as default };');
}
// The comments module is initialised by the core's loader alone (js/comments.js, with
// `default`): its `initSync` (and the code only it uses) is dropped, from its .d.ts too.
let declarations = null;
if (name === 'folio_comments') {
  const end = 'export { initSync, __wbg_init as default };';
  if (!js.includes(end)) throw new Error(`minify.mjs: ${name}.js does not end with \`${end}\``);
  js = js.replace(end, 'export { __wbg_init as default };');
  // The loader passes `{ module_or_path }`: the warning about other arguments goes.
  const warning = "console.warn('using deprecated parameters for the initialization function; pass a single object instead')";
  if (!js.includes(warning)) throw new Error(`minify.mjs: ${name}.js does not warn about deprecated parameters as expected`);
  js = js.replace(warning, '');
  // Its handle is the core's alone, which calls destroy(): no `using` declaration needs it.
  const dispose = 'if (Symbol.dispose) CommentsHandle.prototype[Symbol.dispose] = CommentsHandle.prototype.free;\n';
  if (!js.includes(dispose)) throw new Error(`minify.mjs: ${name}.js does not make CommentsHandle disposable as expected`);
  js = js.replace(dispose, '');
  const declarationsPath = join(dir, `${name}.d.ts`);
  const text = await readFile(declarationsPath, 'utf8');
  const declared = /\n\/\*\*\n(?: \*[^\n]*\n)*? \*\/\nexport function initSync\([^\n]*\n/;
  if (!declared.test(text)) throw new Error(`minify.mjs: ${name}.d.ts does not declare initSync as expected`);
  declarations = [declarationsPath, text.replace(declared, '\n')];
}
if (!imports.some(([, , file]) => file === 'locales.js')) throw new Error(`minify.mjs: ${name}.js does not import js/locales.js`);
// wasm-bindgen's warning when a server sends the wasm with another type than
// application/wasm, in fewer words.
const mime = 'console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n", e);';
if (!js.includes(mime)) throw new Error(`minify.mjs: ${name}.js does not warn about the wasm's MIME type as expected`);
js = js.replace(mime, "console.warn('Folio: serve .wasm as application/wasm for a faster start;', e);");
// TextEncoder.encodeInto is in every browser that runs this wasm (reference types came
// later): wasm-bindgen's stand-in for it goes.
const encodeInto = /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n    cachedTextEncoder\.encodeInto = function \(arg, view\) \{\n[^]*?\n    \};\n\}\n/;
if (!encodeInto.test(js)) throw new Error(`minify.mjs: ${name}.js does not define encodeInto's stand-in as expected`);
js = js.replace(encodeInto, '\n');
// So is FinalizationRegistry: wasm-bindgen's stand-ins for it go too.
const registries = /\(typeof FinalizationRegistry === 'undefined'\)\n    \? \{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\n    : /g;
if (!registries.test(js)) throw new Error(`minify.mjs: ${name}.js does not stand in for FinalizationRegistry as expected`);
js = js.replace(registries, '');
// Import module names: `./<name>_bg.js` and each snippet's path, written into the wasm once
// per import, become `a`, `b`, ... there and as keys of the glue's import object
// (`"./folio_bg.js": import0,`).
for (const [module, short] of renamed.modules) {
  const key = new RegExp(`^(\\s+)"${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": (import\\d+),$`, 'gm');
  if (!key.test(js)) throw new Error(`minify.mjs: ${name}.js has no import object key "${module}"`);
  js = js.replace(key, `$1${short}: $2,`);
}
const minified = { code: await terse((await transform(js, { format: 'esm', minify: true, treeShaking: true, target: 'es2022', legalComments: 'none' })).code) };

await writeFile(wasmPath, exports.wasm);
await writeFile(typesPath, types);
await writeFile(jsPath, minified.code);
if (declarations) await writeFile(...declarations);
await rm(join(dir, 'snippets'), { recursive: true, force: true });
console.log(`minify.mjs: ${renamed.renames.size} imports and ${exports.renames.size} exports renamed; ${name}.js ${js.length} -> ${minified.code.length} B`);
