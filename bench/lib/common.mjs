// Shared pieces of the bench/ scripts: a static server for the repo that fills in
// @ISSO@ in bench/pages/*.html, a deterministic comment generator, fast seeding of a real
// Isso, and small statistics helpers. Nothing here asserts on timings.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ROOT } from '../../tests/e2e/isso.mjs';

export { ROOT };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
};

/**
 * Serves the repo on 127.0.0.1 like scripts/serve.mjs (same MIME types, `cache-control:
 * no-store` on everything), except that in bench/pages/*.html the text @ISSO@ is replaced
 * by `vars.isso` (set it once Isso runs), so those pages carry a plain static
 * `<script src="http://127.0.0.1:PORT/js/embed.min.js">` as a real site would.
 */
export async function serveBench() {
  const base = resolve(ROOT);
  const vars = { isso: '' };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (file.startsWith(join(base, 'bench/pages') + sep) && file.endsWith('.html')) {
        body = Buffer.from(body.toString('utf8').replaceAll('@ISSO@', vars.isso));
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const status = e.status ?? 404;
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'forbidden\n');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    vars, port, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** mulberry32: a small deterministic PRNG, so every run seeds the same thread. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Kaspersky has been saying this for years, and nobody listened.',
  'The real question is who audits the auditors.',
  'I switched vendors last spring and honestly noticed no difference.',
  'Source code transparency centres are a good start, but only a start.',
  'Any antivirus runs with full privileges, that is the whole point of it.',
  'Where is the evidence? The article mentions none.',
  'Government procurement rules move slowly; this will take years to settle.',
  'Our IT department banned it in 2017 and never looked back.',
  'Good summary of both sides, thanks for writing it.',
  'Supply-chain risk is not unique to any one country.',
  'The telemetry question matters more than the headquarters question.',
  'I would like to see independent test results, not press releases.',
  'Detection rates were excellent in every lab test I have seen.',
  'Reputation takes a decade to build and a headline to lose.',
  'This reads like a press release, to be fair.',
  'Can someone explain what the data relocation actually changed?',
];
const AUTHORS = ['Ann', 'Bo', 'Chidi Okafor', 'Dana', 'Émile', 'Farah K.', 'Gus', 'Hiro', 'Ines', 'Jun', 'Kofi', 'Lena M.', null, null];

/**
 * `n` comments for seeding: { text, author, website, replyTo? } with about `replyShare` of
 * them replies (replyTo: index of an earlier top-level comment). Texts are Markdown of one
 * to three paragraphs, some with emphasis, code or a link, like a real thread.
 */
export function makeComments(n, { replyShare = 0.1, seed = 42 } = {}) {
  const r = prng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [];
  const tops = [];
  // Up to half replies: every k-th comment is one; more: every k-th is a top-level one.
  const every = replyShare > 0 ? Math.round(1 / replyShare) : Infinity;
  const topEvery = replyShare > 0.5 ? Math.round(1 / (1 - replyShare)) : 0;
  for (let i = 0; i < n; i++) {
    const paras = [];
    for (let p = 0, np = 1 + Math.floor(r() * 3); p < np; p++) {
      const s = [];
      for (let k = 0, nk = 1 + Math.floor(r() * 3); k < nk; k++) s.push(pick(SENTENCES));
      let t = s.join(' ');
      const x = r();
      if (x < 0.15) t = t.replace(/^(\S+ \S+)/, '*$1*');
      else if (x < 0.25) t += ' See [the report](https://example.org/report/' + i + ').';
      else if (x < 0.3) t += ' Check `sigcheck -a` yourself.';
      paras.push(t);
    }
    const author = pick(AUTHORS);
    const c = { text: `#${i + 1}: ${paras.join('\n\n')}`, author, website: author && r() < 0.15 ? `https://example.org/~${i}` : null };
    const reply = topEvery ? i % topEvery !== 0 : i % every === every - 1;
    if (reply && tops.length) c.replyTo = tops[Math.floor(r() * tops.length)];
    else tops.push(i);
    out.push(c);
  }
  return out;
}

// Inserts rows straight into Isso's SQLite db, in one transaction, with the columns of
// isso/db/comments.py (Isso stores the raw Markdown and renders it on every GET; author
// and website as Isso's POST /new leaves them: author HTML-escaped). Isso opens a new
// connection per query, so a running Isso sees the rows at once.
const INSERT_PY = `
import html, json, sqlite3, sys
db, uri = sys.argv[1], sys.argv[2]
job = json.load(sys.stdin)
con = sqlite3.connect(db)
with con:
    tid, = con.execute("SELECT id FROM threads WHERE uri=?", (uri,)).fetchone()
    voters, remote = con.execute("SELECT voters, remote_addr FROM comments WHERE tid=? ORDER BY id LIMIT 1", (tid,)).fetchone()
    ids = list(job["ids"])
    for c in job["rows"]:
        parent = ids[c["replyTo"]] if c.get("replyTo") is not None else None
        cur = con.execute(
            "INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification)"
            " VALUES (?, ?, ?, NULL, 1, ?, ?, ?, NULL, ?, ?, 0, ?, 0)",
            (tid, parent, c["created"], remote, c["text"], html.escape(c["author"], quote=False) if c["author"] else None,
             c["website"], c["likes"], voters))
        ids.append(cur.lastrowid)
print(len(ids))
`;

/**
 * Seeds `comments` (from makeComments) on `uri`: the first `viaHttp` through the harness
 * (POST /new, which also creates the thread), the rest straight into the db. Resolves to
 * { httpMs, httpCount, perCommentMs, sqlMs, sqlCount }.
 */
export async function seedFast(isso, uri, comments, { viaHttp = 20 } = {}) {
  const first = comments.slice(0, Math.max(1, viaHttp));
  if (first.some((c) => c.replyTo !== undefined && c.replyTo >= first.length)) throw new Error('seedFast: bad replyTo');
  const t0 = performance.now();
  const ids = await isso.seed(uri, first.map(({ author, website, ...c }) => ({ ...c, ...(author ? { author } : {}), ...(website ? { website } : {}) })));
  const httpMs = performance.now() - t0;
  const rest = comments.slice(first.length);
  const now = Date.now() / 1000;
  const rows = rest.map((c, i) => ({ ...c, created: now + (i + 1) / 1000, likes: (i * 7) % 5 === 0 ? (i % 13) : 0 }));
  const t1 = performance.now();
  if (rows.length) {
    await new Promise((ok, fail) => {
      const p = execFile(join(ROOT, '.venv/bin/python'), ['-c', INSERT_PY, isso.dbPath, uri], { timeout: 60_000 }, (err, out, errText) => {
        if (err) fail(new Error(`direct insert failed: ${err.message}\n${errText}`));
        else ok(out);
      });
      p.stdin.end(JSON.stringify({ ids, rows }));
    });
  }
  return { httpMs, httpCount: first.length, perCommentMs: httpMs / first.length, sqlMs: performance.now() - t1, sqlCount: rows.length };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const fmt = (x, d = 0) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
export const kb = (b) => (b == null ? '-' : (b / 1024).toFixed(0) + ' KiB');

/** Rejects after `ms` with a message, so no step can hang the script. */
export function within(ms, what, promise) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, fail) => { t = setTimeout(() => fail(new Error(`${what}: no result within ${ms / 1000} s`)), ms); }),
  ]);
}
