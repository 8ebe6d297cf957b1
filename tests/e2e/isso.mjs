// A real Isso comment server (PyPI isso==0.14.0, installed into .venv/ by scripts/setup)
// for the browser tests, on 127.0.0.1 only, with a fresh SQLite db in a temp dir.
//
//   import { startIsso } from './isso.mjs';
//   const isso = await startIsso({ origins: [pageOrigin] });   // moderation, guard, port,
//   // settings: { requireAuthor, requireEmail, replyToSelf, notifications, feed, gravatar }
//   const [a, b] = await isso.seed('/thread', [{ text: 'Hi' }, { text: 'Re', replyTo: 0 }]);
//   await isso.restart(); await isso.stop();
//
// What Isso 0.14.0 actually does (checked against the running server and its source in
// .venv/lib/python3.11/site-packages/isso/; tests/e2e/isso.test.mjs pins the main points):
//
// GET /?uri=/t  200 application/json, ALSO for a thread that does not exist (never 404):
//   {"id": null, "total_replies": 0, "hidden_replies": 0, "replies": [],
//    "config": {"reply-to-self": true, "require-email": false, "require-author": false,
//               "reply-notifications": false, "gravatar": false, "feed": false}}
//   With comments, each entry of `replies` is
//   {"id": 1, "parent": null, "created": 1796132718.89 (unix seconds, float),
//    "modified": null, "mode": 1, "text": "<p>rendered <em>HTML</em></p>",
//    "author": "Ann" | null, "website": "http://example.org" | null, "likes": 0,
//    "dislikes": 0, "notification": null, "hash": "b539304e6ef9",
//    "total_replies": 1, "hidden_replies": 0, "replies": [ {same fields, no nesting} ]}
//   Only ONE level of nesting: a reply to a reply is stored with the top-level comment as
//   its parent. Comments awaiting moderation (mode 2) are not listed and not counted.
//   `text` is rendered Markdown (mistune, HTML-escaped input; links get
//   rel="nofollow noopener"); ?plain=1 returns the raw text. `email` is never returned.
//   Missing ?uri= -> 400 "missing uri query" (HTML).
// POST /new?uri=/t  JSON body {text, author?, email?, website?, parent?, title?}
//   201 CREATED (or 202 ACCEPTED when [moderation] enabled, then "mode": 2), body is one
//   comment as above without total_replies/hidden_replies/replies, plus the headers
//   Set-Cookie: <id>=<signed>; ... Max-Age=900; Path=/; SameSite=Lax
//   X-Set-Cookie: isso-<id>=<same>  (the edit/delete right for 15 min, max-age)
//   `website` gets "http://" prepended when it has no scheme.
//   Content-Type must be application/json (anything else: 403 "CSRF"). Origin/Referer
//   are NOT checked for POSTs: they only choose the CORS answer and the page to fetch.
//   400 (HTML, even with Accept: application/json, because Isso returns it, not raises it):
//   "text is too short (minimum length: 3)", "Website not Django-conform", ..., and for a
//   thread's FIRST comment without `title`, Isso GETs <matched origin><uri> to read an
//   <h1> near #isso-thread; if that page does not answer 200:
//   "Cannot create new thread: URI /t is not accessible and no title was provided. ..."
//   So a client must send `title` (seed() always does).
// CORS (every answer, also OPTIONS preflight which is a bare 200):
//   Access-Control-Allow-Origin: the request's Origin (else Referer) when scheme+host+PORT
//     equal one `host` entry, otherwise the FIRST `host` entry (no wildcard, no "*", no
//     port ranges: every page origin must be listed, so pass origins: [...] here).
//   Access-Control-Allow-Credentials: true
//   Access-Control-Allow-Methods: HEAD, GET, POST, PUT, DELETE
//   Access-Control-Allow-Headers: Origin, Referer, Content-Type
//   Access-Control-Expose-Headers: X-Set-Cookie, Date   (no Retry-After; none is sent)
// Guard ([guard] enabled): more than `ratelimit` (2) comments per minute from one client,
//   or more than `direct-reply` (3) top-level comments per thread, answers
//   403 FORBIDDEN with an HTML page "<p>127.0.0.0: ratelimit exceeded (1, 2)</p>", or with
//   Accept: application/json: {"message": "403 Forbidden: 127.0.0.0: ratelimit exceeded (1, 2)"}
//   (client IPs are anonymised: 127.0.0.1 -> 127.0.0.0). No 429, no Retry-After.
// Moderation: there is no API without a key. With notify = stdout Isso logs, per new comment,
//   "Delete comment: http://HOST/id/N/delete/KEY" and, when pending, ".../id/N/activate/KEY"
//   (KEY = itsdangerous signature of N with the db's session key). moderate() reads these
//   from Isso's log and POSTs them: 200 "Comment has been activated" | "Already activated"
//   | "Comment has been deleted"; a bad key is 403. (GET on that URL only returns a confirm page.)
// Other errors (403/404/405 raised inside Isso) are JSON {"message": "..."} only when the
// request's Accept prefers application/json, otherwise a small HTML page.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ISSO_BIN = join(ROOT, '.venv/bin/isso');
const PYTHON = join(ROOT, '.venv/bin/python');
const TEMPLATE = join(ROOT, 'tests/isso/isso.cfg.in');
const START_TIMEOUT_MS = 20_000;

// Runs the real .venv/bin/isso entry point, plus a watchdog thread: when this Node process
// goes away, even by SIGKILL, Isso's stdin reaches EOF and Isso exits too (no strays in CI).
const WATCHDOG = [
  'import os, runpy, sys, threading',
  'threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()',
  'sys.argv = sys.argv[1:]',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
].join('\n');

const live = new Set();            // running Isso processes
const dirs = new Set();            // temp dirs not yet removed by stop()
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const child of live) child.kill('SIGKILL');
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

/** Resolves to a port on 127.0.0.1 that is free right now (`port` 0 picks one). */
function claimPort(port) {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', (e) => fail(e.code === 'EADDRINUSE' ? new Error(`127.0.0.1:${port} is already in use`) : e));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const { port: got } = s.address();
      s.close(() => ok(got));
    });
  });
}

/** The config text for these settings, from tests/isso/isso.cfg.in. */
export async function issoConfig({ dbPath, port, origins, moderation = false, guard = false, unsafeMarkup = false, settings = null }) {
  const fill = {
    DBPATH: dbPath,
    HOSTS: origins.map((o) => `\n    ${o}`).join(''),
    LISTEN: `http://127.0.0.1:${port}/`,
    MODERATION: String(Boolean(moderation)),
    GUARD: String(Boolean(guard || settings)),
  };
  let text = (await readFile(TEMPLATE, 'utf8')).replace(/@([A-Z]+)@/g, (m, k) => fill[k] ?? m);
  if (settings) {
    // The settings Isso publishes in every list answer's `config`, each set as asked; the
    // guard, which enforces the required fields and reply-to-self, is on, with room for a
    // test's posts.
    const set = (option, value) => {
      const line = new RegExp(`^${option} = .*$`, 'm');
      if (!line.test(text)) throw new Error(`isso.cfg.in has no ${option} line`);
      text = text.replace(line, `${option} = ${value}`);
    };
    set('ratelimit', '100');
    set('direct-reply', '100');
    set('require-author', String(Boolean(settings.requireAuthor)));
    set('require-email', String(Boolean(settings.requireEmail)));
    set('reply-to-self', String(settings.replyToSelf !== false));
    set('reply-notifications', String(Boolean(settings.notifications)));
    // gravatar: every comment gets `gravatar_image`, Isso's default gravatar-url filled
    // with the md5 of the author's email (or name).
    set('gravatar', String(Boolean(settings.gravatar)));
    if (settings.feed) text += '\n[rss]\nbase = http://127.0.0.1/\nlimit = 100\n';
  }
  if (unsafeMarkup) {
    // For hostile-input tests only: Isso stops escaping raw HTML and its own sanitizer lets
    // dangerous elements and attributes through, so the browser gets what an attacker (or
    // a compromised or misconfigured server) would send, and Folio's sanitizer must cope.
    text = text
      .replace('parameters = escape, hard_wrap', 'parameters = hard_wrap')
      .replace('renderer = mistune', `renderer = mistune
allowed-elements = script, img, iframe, svg, math, style, object, embed, form, input, button, base, meta, link, video, audio, source, template, details, marquee, a, b, i, u, div, span, table, td
allowed-attributes = onerror, onload, onclick, onmouseover, onfocus, ontoggle, autofocus, open, src, srcdoc, style, action, formaction, xlink:href, http-equiv, content, data, href, target, id, class, name, value, type, background, poster`);
  }
  return text;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts Isso on 127.0.0.1. `origins`: the page origins allowed by CORS (exact
 * scheme://host:port; default: Isso's own URL). Resolves to the handle described in the
 * report at the top of this file.
 */
export async function startIsso({ moderation = false, guard = false, unsafeMarkup = false, settings = null, origins = [], port = 0 } = {}) {
  hookExit();
  const dir = await mkdtemp(join(tmpdir(), 'folio-isso-'));
  dirs.add(dir);
  const dbPath = join(dir, 'comments.db');
  const cfgPath = join(dir, 'isso.cfg');
  let output = '';                 // everything Isso logged, across restarts
  const keys = new Map();          // comment id -> moderation key, read from the log
  let child = null;
  let url = null;

  async function launchOnce(wanted) {
    const p = await claimPort(wanted);
    const allowed = origins.length ? origins : [`http://127.0.0.1:${p}`];
    await writeFile(cfgPath, await issoConfig({ dbPath, port: p, origins: allowed, moderation, guard, unsafeMarkup, settings }));
    const c = spawn(PYTHON, ['-c', WATCHDOG, ISSO_BIN, '-c', cfgPath, 'run'], {
      cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    live.add(c);
    // A forgotten Isso must not keep the test process alive: the exit hook kills it.
    c.unref();
    for (const s of [c.stdin, c.stdout, c.stderr]) s.unref?.();
    const exited = new Promise((ok) => c.once('exit', (code, signal) => { live.delete(c); ok({ code, signal }); }));
    c.exited = exited;
    const onData = (d) => {
      output += d;
      for (const m of String(d).matchAll(/\/id\/(\d+)\/(?:activate|delete)\/(\S+)/g)) keys.set(Number(m[1]), m[2]);
    };
    c.stdout.on('data', onData);
    c.stderr.on('data', onData);
    const base = `http://127.0.0.1:${p}`;
    const deadline = Date.now() + START_TIMEOUT_MS;
    let gone = null;
    exited.then((e) => { gone = e; });
    while (Date.now() < deadline) {
      if (gone) break;
      try {
        const r = await fetch(`${base}/?uri=/x`, { signal: AbortSignal.timeout(1000) });
        const body = await r.text();
        if (r.status === 200 && body.includes('"total_replies"') && !gone) return { child: c, port: p, url: base };
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    c.kill('SIGKILL');
    await exited;
    const why = gone ? `exited (${gone.signal ?? `code ${gone.code}`})` : `did not answer GET ${base}/?uri=/x within ${START_TIMEOUT_MS / 1000} s`;
    const err = new Error(`Isso ${why}. Its output:\n${output.trim().split('\n').slice(-30).join('\n')}`);
    err.bindFailed = /Address already in use/.test(output);
    throw err;
  }

  async function launch(wanted) {
    // A port picked here can be taken by someone else before Isso binds it: retry then.
    for (let attempt = 1; ; attempt++) {
      try {
        ({ child, port, url } = await launchOnce(wanted));
        return;
      } catch (e) {
        if (!(wanted === 0 && e.bindFailed && attempt < 3)) throw e;
      }
    }
  }

  async function stopChild() {
    if (!child) return;
    const c = child;
    child = null;
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      const t = setTimeout(() => c.kill('SIGKILL'), 5000);
      await c.exited;
      clearTimeout(t);
    }
  }

  try {
    await launch(port);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    dirs.delete(dir);
    throw e;
  }

  const handle = {
    get url() { return url; },
    get port() { return port; },
    dir, dbPath, cfgPath,
    /** Everything Isso has logged so far (its log goes to stderr). */
    log: () => output,
    /** The Origin header seed()/post() send: the first allowed origin. */
    get origin() { return origins[0] ?? url; },

    /** Kills Isso and waits for it to exit; removes the temp dir (db) unless { keep: true }. */
    async stop({ keep = false } = {}) {
      await stopChild();
      if (!keep) await rm(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },

    /** Stops Isso and starts it again on the same port with the same db and config. */
    async restart() {
      await stopChild();
      await launch(port);
    },

    /** GET /?uri= : the thread as Isso answers it (JSON). */
    async thread(uri, query = '') {
      const r = await fetch(`${url}/?uri=${encodeURIComponent(uri)}${query}`, { headers: { accept: 'application/json', origin: handle.origin } });
      if (r.status !== 200) throw new Error(`GET /?uri=${uri}: ${r.status} ${await r.text()}`);
      return r.json();
    },

    /** POST /new?uri= with one comment; resolves to { status, headers, body } whatever the status. */
    async post(uri, comment, { origin = handle.origin } = {}) {
      const r = await fetch(`${url}/new?uri=${encodeURIComponent(uri)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin },
        body: JSON.stringify(comment),
      });
      const text = await r.text();
      let body = text;
      try { body = JSON.parse(text); } catch { /* an HTML error page */ }
      return { status: r.status, headers: r.headers, body };
    },

    /**
     * Posts `comments` in order through the real API and resolves to their ids. Each is
     * { text, author?, email?, website?, parent?, title?, replyTo? }: `parent` is a comment
     * id, `replyTo` an index into this same array. `title` defaults to the uri (Isso needs
     * one for a new thread when it cannot fetch the page). Accepts 201 and 202.
     */
    async seed(uri, comments) {
      const ids = [];
      for (const { replyTo, ...c } of comments) {
        const body = { title: uri, ...c };
        if (replyTo !== undefined) body.parent = ids[replyTo];
        const r = await handle.post(uri, body);
        if (r.status !== 201 && r.status !== 202) {
          throw new Error(`POST /new?uri=${uri} answered ${r.status}: ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`);
        }
        ids.push(r.body.id);
      }
      return ids;
    },

    /**
     * 'activate' (publish a pending comment) or 'delete', with the signed key Isso logged
     * for that comment when it was created (by this harness's Isso, any restart).
     * Resolves to Isso's answer text ("Comment has been activated", ...).
     */
    async moderate(id, action) {
      if (!['activate', 'delete'].includes(action)) throw new Error(`moderate: unknown action ${action}`);
      const key = keys.get(Number(id));
      if (!key) throw new Error(`moderate: Isso logged no moderation key for comment ${id}`);
      const r = await fetch(`${url}/id/${id}/${action}/${key}`, { method: 'POST' });
      const text = await r.text();
      if (r.status !== 200) throw new Error(`moderate ${action} ${id}: ${r.status} ${text}`);
      return text;
    },
  };
  return handle;
}
