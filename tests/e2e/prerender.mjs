// Shared set-up for the HTML-first tests: folio-render (the native Rust binary) built
// once per process, an article rendered to its declarative shadow root, and pages around
// that markup written under target/e2e/ (served by serveRepo() like the rest of the repo).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

export const SEED_ARTICLE = 'www/articles/kaspersky-reputation.json';
/** folio.css as a page under target/e2e/ links it. */
export const CSS = '../../pkg/folio.css';
const BINARY = join(ROOT, 'target/debug/folio-render');

let built = false;
/** Builds target/debug/folio-render (once per process). */
export function buildRenderer() {
  if (built) return;
  execFileSync('cargo', ['build', '-q', '--bin', 'folio-render'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  built = true;
}

/** Thrown when folio-render refuses an article or its options (exit status 2). */
export class RenderError extends Error {
  constructor(status, stderr) {
    super(`folio-render exited with ${status}: ${stderr.trim()}`);
    this.status = status;
    this.stderr = stderr;
  }
}

/**
 * folio-render's markup for `article` (an object, JSON text, or `{ path }` of a file under
 * the repo) with `options` (mount options) and the extra `args` (--lang, --inline...).
 * Throws a RenderError with folio-render's stderr when it refuses.
 */
export function render(article, options = {}, { args = [], css = CSS } = {}) {
  const { argv, input } = invocation(article, options, args, css, 0);
  const r = spawnSync(BINARY, argv, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new RenderError(r.status, r.stderr);
  return r.stdout;
}

/**
 * render() for many jobs ({ article, options, args }) at once, a few processes at a time.
 * Resolves to one result per job, in order: { markup } or { error: RenderError }.
 */
export async function renderAll(jobs, { css = CSS, parallel = availableParallelism() + 1 } = {}) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async (slot) => {
    while (next < jobs.length) {
      const i = next++;
      const { article, options = {}, args = [] } = jobs[i];
      const { argv, input } = invocation(article, options, args, css, slot);
      results[i] = await new Promise((resolve, reject) => {
        const child = spawn(BINARY, argv, { cwd: ROOT });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', (status) => {
          const stderr = Buffer.concat(err).toString('utf8');
          resolve(status === 0 ? { markup: Buffer.concat(out).toString('utf8') } : { error: new RenderError(status, stderr) });
        });
        child.stdin.on('error', () => {}); // a refusal may come before the input is read
        child.stdin.end(input ?? '');
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, (_, slot) => worker(slot)));
  return results;
}

/** folio-render's arguments for one job (its options in a file of its own `slot`), and its standard input. */
function invocation(article, options, args, css, slot) {
  buildRenderer();
  const fromFile = article && typeof article === 'object' && typeof article.path === 'string';
  const input = fromFile ? undefined : typeof article === 'string' ? article : JSON.stringify(article);
  const dir = join(ROOT, 'target/e2e');
  mkdirSync(dir, { recursive: true });
  const optionsPath = join(dir, `options-${process.pid}-${slot}.json`);
  writeFileSync(optionsPath, JSON.stringify(options));
  return { argv: [fromFile ? join(ROOT, article.path) : '-', '--options', optionsPath, '--css', css, ...args], input };
}

/**
 * Writes an HTML-first page to `path` (relative to the repo, under target/e2e/): a head
 * with the `head` markup given and then pkg/element.js (left out with `element: false`),
 * and `body` as given. Returns `path`.
 */
export function writeHtmlFirstPage(path, { title = 'Folio: HTML-first', lang = 'en', head = '', body, element = true }) {
  mkdirSync(join(ROOT, 'target/e2e'), { recursive: true });
  writeFileSync(join(ROOT, path), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<title>${title}</title><link rel="icon" href="data:,">
${head}${element ? '<script type="module" src="../../pkg/element.js"></script>' : ''}</head>
<body>${body}</body></html>
`);
  return path;
}
