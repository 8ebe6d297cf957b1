// A small static file server for the demo and the browser tests: serves a folder on
// 127.0.0.1 with the right MIME types (application/wasm included), no directory listings,
// nothing outside the folder, and optional extra headers (a CSP for strict-page tests).
//
//   node scripts/serve.mjs [--port 8000] [--root .]
//   import { serve } from './serve.mjs'; const s = await serve({ root, port: 0, headers });
import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root`; resolves to { url, port, close() }. `port: 0` picks a free one.
 * `proxy: { '/isso': 'http://127.0.0.1:8080' }` forwards a path prefix to another local
 * server (so a page under a strict `default-src 'self'` can reach its comment server).
 */
export async function serve({ root = '.', port = 0, headers = {}, host = '127.0.0.1', proxy = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const prefix = Object.keys(proxy).find((p) => req.url === p || req.url.startsWith(`${p}/`) || req.url.startsWith(`${p}?`));
    if (prefix) return forward(req, res, new URL(req.url.slice(prefix.length) || '/', proxy[prefix]));
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const status = e.status ?? 404;
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'forbidden\n');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  const actual = server.address().port;
  return { url: `http://${host}:${actual}/`, port: actual, close: () => new Promise((ok) => server.close(ok)) };
}

/** Passes one request on to `target` and its answer back. */
function forward(req, res, target) {
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
  req.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const s = await serve({ root: arg('--root', '.'), port: Number(arg('--port', 8000)) });
  console.log(`Folio demo: ${s.url}www/`);
}
