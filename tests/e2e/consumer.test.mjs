// The published package as a consumer meets it: `npm pack` pkg/, install the tarball into a
// scratch project outside the repo (with vite@7 and typescript@5 from the registry), then
//   - type-check tests/consumer/types-check.ts against the installed package,
//   - build a Vite app that imports 'folio-widget' and 'folio-widget/element' (and run it
//     under Vite's dev server),
//   - and use a plain page that imports ./node_modules/folio-widget/index.js directly,
// serving each under the CSP the package README gives, in headless Chromium.
// Needs pkg/ built (scripts/test does it) and the npm registry (or a warm npm cache).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT, launch } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const run = promisify(execFile);
const PKG = join(ROOT, 'pkg');
const HEADLINE = 'Kaspersky Lab Defends Its Reputation Against Allegations';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const INSTALL_TIMEOUT = 5 * 60_000;
const SHIPPED = [
  'README.md', 'count.d.ts', 'count.js', 'element.d.ts', 'element.js', 'folio.css', 'folio.d.ts', 'folio.js', 'folio_bg.wasm',
  'folio_bg.wasm.d.ts', 'folio_comments.js', 'folio_comments_bg.wasm', 'index.d.ts', 'index.js', 'package.json',
  // A locale file for each translation in the repository's locales/.
  ...(await readdir(join(ROOT, 'locales'))).filter((f) => f.endsWith('.json')).map((f) => `locales/${f}`),
];


let scratch, tarball, packed, browser;

/** Runs a command in `cwd`; on failure, throws with what it printed. */
async function sh(cwd, command, args, { timeout = 120_000, what = `${command} ${args.join(' ')}` } = {}) {
  try {
    return await run(command, args, { cwd, timeout, maxBuffer: 64 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (e) {
    const why = e.killed ? `timed out after ${timeout / 1000} s` : `exit code ${e.code}`;
    throw new Error(`${what} failed in ${cwd} (${why}):\n${String(e.stderr || e.stdout || e.message).slice(-3000)}`);
  }
}

before(async () => {
  await stat(join(PKG, 'folio_bg.wasm')).catch(() => {
    throw new Error('pkg/ is not built: run `source scripts/env.sh && build_pkg` (scripts/test does) first');
  });
  scratch = await mkdtemp(join(tmpdir(), 'folio-consumer-'));
  browser = await launch();

  const { stdout } = await sh(PKG, 'npm', ['pack', '--json', '--pack-destination', scratch]);
  [packed] = JSON.parse(stdout);
  tarball = join(scratch, packed.filename);

  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'folio-consumer', private: true, type: 'module' }, null, 2));
  await sh(scratch, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, 'vite@7', 'typescript@5'], {
    timeout: INSTALL_TIMEOUT,
    what: 'npm install of the tarball, vite@7 and typescript@5 (needs the npm registry or a warm npm cache)',
  });
  await mkdir(join(scratch, 'public'));
  await copyFile(join(ROOT, 'www/articles/kaspersky-reputation.json'), join(scratch, 'public/kaspersky-reputation.json'));
  await copyFile(join(ROOT, 'www/favicon.svg'), join(scratch, 'public/favicon.svg')); // else Chromium logs a 404
});

after(async () => {
  await browser?.close();
  if (scratch && !process.env.FOLIO_KEEP_CONSUMER) await rm(scratch, { recursive: true, force: true });
});

test('the tarball holds exactly the package files', async () => {
  assert.equal(packed.name, 'folio-widget');
  const paths = packed.files.map((f) => f.path);
  assert.deepEqual(paths.sort(), [...SHIPPED].sort());
  const manifest = JSON.parse(await readFile(join(scratch, 'node_modules/folio-widget/package.json'), 'utf8'));
  const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, cargo.match(/^version\s*=\s*"([^"]+)"/m)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(Object.keys(manifest.exports), ['.', './element', './count', './folio.css', './package.json']);
  for (const file of manifest.files) assert.ok(SHIPPED.some((p) => p === file || p.startsWith(file)), `${file} is in files but not shipped`);
});

test('the definitions type-check against the installed package', async () => {
  const source = await readFile(join(ROOT, 'tests/consumer/types-check.ts'), 'utf8');
  const rewritten = source.replace("'../../js/index.js'", "'folio-widget'").replace("'../../js/element.js'", "'folio-widget/element'")
    .replace("'../../js/count.js'", "'folio-widget/count'");
  assert.notEqual(rewritten, source);
  await writeFile(join(scratch, 'types-check.ts'), rewritten);
  await sh(scratch, join(scratch, 'node_modules/.bin/tsc'), [
    '--noEmit', '--strict', '--lib', 'es2022,dom', '--module', 'esnext', '--moduleResolution', 'bundler', 'types-check.ts',
  ], { what: 'tsc on types-check.ts importing folio-widget' });
});

/** Loads `url`, waits for the page's `window.consumer` result, checks the headlines. */
async function check(url, hosts) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  const result = await page.waitForFunction(() => window.consumer, null, { timeout: 20_000 }).then((h) => h.jsonValue());
  assert.equal(result.error, undefined, `the page's script failed: ${result.error}`);
  for (const id of hosts) {
    assert.equal(await page.locator(`#${id}`).getAttribute('data-folio-state'), 'ready', `#${id} is ready`);
    // Read inside the shadow root itself (not through Playwright's piercing locators).
    const headline = await page.evaluate((id) => document.getElementById(id).shadowRoot?.querySelector('h1')?.textContent, id);
    assert.equal(headline, HEADLINE, `#${id} shows the headline in its shadow root`);
  }
  assert.ok(requests.some((r) => r.endsWith('.wasm')), 'the wasm was fetched');
  assert.deepEqual(problems, [], 'no console errors, failed requests or error responses');
  await page.close();
  return result;
}

test('a Vite app importing folio-widget and folio-widget/element builds and renders', async () => {
  await writeFile(join(scratch, 'index.html'), `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Folio in Vite</title><link rel="icon" href="/favicon.svg"></head>
<body>
  <main>
    <div id="mounted"></div>
    <folio-article id="element" src="/kaspersky-reputation.json" share="x,copy"></folio-article>
    <folio-article id="german" src="/kaspersky-reputation.json" share="x" lang="de"></folio-article>
  </main>
  <script type="module" src="/main.js"></script>
</body>
</html>
`);
  await writeFile(join(scratch, 'main.js'), `import init, { mount } from 'folio-widget';
import { FolioArticle } from 'folio-widget/element';

try {
  await init();
  // Eager comments from the callbacks backend: the bundler must also have emitted the
  // comments module and its wasm where folio.js finds them.
  const host = document.getElementById('mounted');
  const loaded = new Promise((resolve) => host.addEventListener('folio-comments-loaded', (e) => resolve(e.detail.count)));
  const comments = { backend: 'callbacks', load: 'eager', list: async () => ({ total: 1, comments: [{ id: '1', html: '<p>Bundled.</p>', author: 'Ann', created: '2026-11-30T10:00:00Z' }] }) };
  const folio = mount(host, { src: '/kaspersky-reputation.json', share: { networks: ['bluesky', 'email'] }, comments });
  await folio.ready;
  const commentCount = await loaded;
  const element = document.getElementById('element');
  await element.ready;
  const german = document.getElementById('german');
  await german.ready;
  window.consumer = {
    defined: customElements.get('folio-article') === FolioArticle && element instanceof FolioArticle,
    german: german.shadowRoot.querySelector('nav').getAttribute('aria-label'),
    comments: commentCount,
  };
} catch (error) {
  window.consumer = { error: String(error?.code ?? '') + ' ' + String(error?.stack ?? error) };
}
`);
  // As the package README says: keep Vite's dev pre-bundling away from folio.js, which finds
  // folio_bg.wasm next to itself (the build does not need it; the dev test below does).
  await writeFile(join(scratch, 'vite.config.js'), `export default { optimizeDeps: { exclude: ['folio-widget'] } };\n`);
  await sh(scratch, join(scratch, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { what: 'vite build' });
  const assets = await readdir(join(scratch, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `vite emitted the wasm: ${assets}`);
  // The comment section's module, imported by folio.js only when a page needs it.
  assert.ok(assets.some((f) => /^folio_comments.*\.js$/.test(f)) && assets.some((f) => /^folio_comments_bg.*\.wasm$/.test(f)),
    `vite emitted the comments module and its wasm: ${assets}`);
  const server = await serve({ root: join(scratch, 'dist'), port: 0, headers: { 'content-security-policy': CSP } });
  try {
    const result = await check(server.url, ['mounted', 'element', 'german']);
    assert.equal(result.defined, true, 'folio-widget/element exports the class registered as <folio-article>');
    assert.equal(result.german, 'Artikel teilen', 'the locale file reached the wasm (emitted, or inlined by Vite as a data: URL) and German was found');
    assert.equal(result.comments, 1, 'the comments module and its wasm loaded from the build');
  } finally {
    await server.close();
  }
});

test('the same app runs under the Vite dev server (with the README\'s optimizeDeps.exclude)', async () => {
  const vite = await import(pathToFileURL(join(scratch, 'node_modules/vite/dist/node/index.js')).href);
  const server = await vite.createServer({ root: scratch, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: true } });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0];
    const result = await check(url, ['mounted', 'element', 'german']);
    assert.equal(result.defined, true);
    assert.equal(result.german, 'Artikel teilen');
    assert.equal(result.comments, 1);
  } finally {
    await server.close();
  }
});

test('a plain page importing ./node_modules/folio-widget/index.js renders <folio-article>', async () => {
  await writeFile(join(scratch, 'plain.html'), `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Folio, no bundler</title><link rel="icon" href="/public/favicon.svg"></head>
<body>
  <folio-article id="plain" src="/public/kaspersky-reputation.json" theme="dark" lang="pt-BR"></folio-article>
  <script type="module" src="./plain.js"></script>
</body>
</html>
`);
  await writeFile(join(scratch, 'plain.js'), `import { FolioArticle } from './node_modules/folio-widget/index.js';

const element = document.getElementById('plain');
element.addEventListener('folio-ready', (e) => { window.readyTitle = e.detail.title; });
element.ready.then(
  () => {
    const label = element.shadowRoot.querySelector('nav').getAttribute('aria-label');
    window.consumer = { title: window.readyTitle, defined: element instanceof FolioArticle, label };
  },
  (error) => { window.consumer = { error: error.code + ' ' + error.message }; },
);
`);
  const server = await serve({ root: scratch, port: 0, headers: { 'content-security-policy': CSP } });
  try {
    const result = await check(`${server.url}plain.html`, ['plain']);
    assert.deepEqual(result, { title: HEADLINE, defined: true, label: 'Compartilhar este artigo' });
  } finally {
    await server.close();
  }
});
