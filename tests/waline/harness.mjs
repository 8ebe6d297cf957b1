// A real Waline comment server (npm @waline/vercel 1.39.3, installed in tools/waline by
// scripts/setup) on a private, throw-away PostgreSQL 15 cluster, for Folio's tests.
//
//   import { startWaline } from './harness.mjs';
//   const w = await startWaline({ processes: 2 });
//   await w.post(0, { url: '/a', comment: 'hi', nick: 'n' });
//   const answer = await w.list(1, { path: '/a' });   // same DB, other server process
//   await w.sql('SELECT id, pid, rid FROM wl_comment'); // rows as objects
//   await w.stop();
//
// startWaline({ processes = 2, env = {} }) finds free ports, makes a temp dir (in /dev/shm
// when writable, else os.tmpdir(); FOLIO_WALINE_TMP overrides), initdb's and starts a
// private cluster there (as the postgres user when run as root: PostgreSQL refuses root;
// 127.0.0.1 only, trust auth, fsync off), creates the database "waline", loads
// tests/waline/schema.sql, starts `processes` Waline servers (each `node vanilla.js PORT`:
// a thinkjs master plus one worker, in its own process group) on that one database and
// waits until each answers GET /api/comment?path=/x with errno 0. `env` is added to (and
// overrides) the servers' environment. It returns
//   { urls: ['http://127.0.0.1:PORT', …], pgPort, pgPid (the postmaster), dir, servers
//     [{pid (= process group id), port, log}], timings {initdb, pgStart, schema, ready} (ms),
//     sql(text, params?) -> rows as objects (node-postgres from tools/waline),
//     request(i, method, path, body?, headers?) -> {status, headers, json, text},
//     post(i, body, headers?) -> answer, list(i, query) -> answer (GET /api/comment?…),
//     like(i, id, like = true) -> answer (PUT /api/comment/:id),
//     stop() (async: SIGKILLs the server groups, pg_ctl stop -m immediate, removes dir;
//     idempotent), stopSync() }.
// Timing on this 2-CPU machine: up in 2-2.5 s with 2 servers (up to 3.8 s when the machine
// is busy: four node processes load the app, ~1 s of CPU each, while the cluster is made in
// ~1 s), ~1.5 s with 1; stop 60-200 ms.
// Logs: <dir>/pg.log and <dir>/waline-<i>.log (removed by stop(); FOLIO_WALINE_KEEP=1 keeps
// the dir). Process 'exit' and SIGINT/SIGTERM/SIGHUP hooks stop every harness still running
// (the signal hooks then exit with 128+signal), so a crashing test leaves nothing behind.
// Each server logs a harmless "Could not locate the bindings file" for sqlite3 at start-up
// (installed with --ignore-scripts; only the SQLite storage needs it).
//
// ---- Server set-up facts ------------------------------------------------------------------
// * vanilla.js takes the port as argv[2] (thinkjs parseArgv: /^\d{2,5}$/); env PORT is not
//   read. Waline's config sets workers: 1, so each server is a master and one worker; the
//   master ends its worker on SIGTERM. We SIGKILL the whole process group instead (fast).
// * Storage is chosen by env: PG_DB selects PostgreSQL. PG_HOST PG_PORT PG_USER PG_PASSWORD
//   are always set (the code's default port is 5432, whatever the docs say). JWT_TOKEN signs
//   logins. PG_PREFIX (default wl_) is the table prefix.
// * OAUTH_URL='data:application/json,{"services":[]}': a middleware fetches the OAuth
//   service list on EVERY request (default https://oauth.lithub.cc) and answers 500 offline.
//   AKISMET_KEY=false: the spam check calls akismet.com with a built-in key by default. IPQPS=0: by default one
//   post per IP per 60 s ("Comment too fast!"); the IP is X-Forwarded-For when sent (the app
//   runs with proxy: true), else 127.0.0.1.
// * TZ=UTC: timestamps are stored as local-time "timestamp without time zone" strings; the
//   server's TZ only has to stay the same, UTC makes fixtures reproducible.
// * The schema is not in the package: tests/waline/schema.sql (see its header).
//
// ---- API facts (all seen on this server; real answers in tests/fixtures/waline/) ---------
// * Envelope: {"errno":0,"errmsg":"","data":…}, Content-Type application/json, HTTP 200.
//   Refusals have NO data key:
//     errno 1000, HTTP 200, errmsg a string: "Duplicate Content" (a comment with the same
//       url+mail+nick+link+comment exists; duplicate.json), "Comment too fast!" (another
//       post from the same IP within IPQPS seconds; the harness sets IPQPS=0).
//     errno 1001, HTTP 200, errmsg an OBJECT {field: message} (validation), e.g.
//       {"path":"path can not be blank"} (GET without path), {"comment":"comment can not be
//       blank"}, {"url":"url need an URL under your options"} (POST without url),
//       {"pageSize":"pageSize need an integer under your options"} (pageSize > 100),
//       {"sortBy":"sortBy need in an array of [\"insertedAt_desc\",\"insertedAt_asc\",
//       \"like_desc\"]"}. A text/plain POST body is not parsed: 1001 for url and comment.
//     errno 401, HTTP 401, "Unauthorized": PUT without a like key (anything but like needs
//       a login), DELETE.
//     errno 500, HTTP 500, the SQL error text, e.g. pid "abc" -> 'column "nan" does not
//       exist'. errno 404, HTTP 404 "url `/api/nope` not found." for unknown routes.
//   No mail, author or name is required: a POST with only {url, comment} is stored (nick
//   null) and a malformed mail is stored as is.
// * GET /api/comment?path=P&page=N&pageSize=S&sortBy=insertedAt_desc|insertedAt_asc|like_desc
//   (defaults 1, 10, insertedAt_desc; pageSize <= 100) -> data {page, totalPages, pageSize,
//   count, data}: page/pageSize numbers (echoed: page 0 and pages past the end answer data
//   []); count = ALL approved comments of the path, replies included; totalPages =
//   ceil(top-level comments / pageSize). An unknown path: {page:1, totalPages:0,
//   pageSize:10, count:0, data:[]} (empty.json). data holds the page's top-level comments,
//   each with these keys (list.json): status "approved", comment (HTML rendered from the
//   stored Markdown by Waline and sanitized: <script> removed, javascript: links left as
//   text, <img onerror> stripped to <img src="x">, links get target=_blank
//   rel="nofollow noreferrer noopener"), link and nick (AS POSTED, NOT sanitized: "" or null
//   when not given; hostile.json), pid and rid (null on top-level comments, numbers on
//   replies), user_id null, sticky null, like (number, 0 if never liked), objectId (number,
//   the SQL id), browser and os (strings parsed from the posted ua, e.g. "Firefox128.0",
//   "Linux", "Windows 10"; "" without ua), avatar (string, https://seccdn.libravatar.org/
//   avatar/<md5 of mail>), orig (the raw Markdown: sent to anonymous readers too, because an
//   anonymous userInfo is {} and formatCmt tests it for truthiness), addr (string, ip2region:
//   "内网IP" for 127.0.0.1, e.g. "Level3" for 8.8.8.8), time (number, ms since the epoch, to
//   the second; insertedAt itself is deleted) and children. No mail, ip, url, insertedAt,
//   level (only with LEVELS set), label or type (only on logged-in users' comments).
//   children: EVERY descendant of that comment, flat, each with the same keys minus children
//   plus reply_user {nick, link, avatar} of its direct parent; pid = direct parent's id,
//   rid = the top-level comment's id. Children come in the reverse of the list's SQL order:
//   oldest first with insertedAt_desc, newest first with insertedAt_asc.
// * Ordering bugs: insertedAt_asc sends no ORDER BY (rows come in PostgreSQL's scan order:
//   usually insertion order, not guaranteed, e.g. after an UPDATE such as a like);
//   like_desc is ORDER BY "like" DESC, where PostgreSQL puts NULL (never liked) FIRST.
//   insertedAt has one-second resolution, so comments of the same second tie.
// * POST /api/comment JSON {comment, url, nick, mail, link, pid, rid, at, ua} -> data: the
//   new comment (post.json, post-reply.json): the keys posted except mail/ua/at (keys not
//   sent are absent, e.g. no link), url, comment (rendered HTML), status, objectId
//   (number), browser, os, avatar, orig, addr, like 0, time (number); pid/rid as numbers.
//   No children, user_id, sticky. Stored as Markdown (wl_comment.comment = the raw text),
//   ip stored as the client address ("::ffff:127.0.0.1") or the X-Forwarded-For value.
// * PUT /api/comment/:id JSON {"like":true} (false un-likes, never below 0) -> data: the
//   updated ROW, not the list shape (like.json): id (number; no objectId), user_id,
//   comment (rendered HTML), insertedat, createdat, updatedat (lower-case keys, ISO strings
//   such as "2026-12-05T21:31:31.000Z"), link, nick, pid, rid, sticky, status, like (number,
//   +1), url, browser, os, avatar, orig, addr, and time: null (formatCmt reads insertedAt,
//   which the PostgreSQL storage's update() does not map back). Read-modify-write: two
//   concurrent likes can count once. PUT on an unknown id -> {errno:0, errmsg:"", data:""}.
// * GET /api/comment?type=count&url=/a -> data [n] (an array even for one url);
//   url=/a,/b,/c -> data [n, m, 0] (0 for a url without comments; count-one.json,
//   count-many.json); without url -> a bare number: all approved comments of the site.
// * GET /api/article?path=/a,/b&type=time,reaction0 -> data [{time:0, reaction0:0}, …]
//   (type defaults to time; without path data is 0); POST /api/article JSON {path, type:
//   "reaction0".."reaction8"|"time", action: "inc"|"desc"} -> [{reaction0: 1}].
// * GET /api/comment?type=recent&count=N -> data [comments], list shape plus url.
// * CORS (@koa/cors defaults): every answer carries Access-Control-Allow-Origin: * (also
//   when an Origin header is sent; Vary: Origin; no Allow-Credentials). An OPTIONS preflight
//   (e.g. for a JSON PUT or POST) answers 204 with Access-Control-Allow-Origin: *,
//   Access-Control-Allow-Methods: GET,HEAD,PUT,POST,DELETE,PATCH and
//   Access-Control-Allow-Headers echoing the requested ones (e.g. content-type).
//   Answers also carry X-Waline-Version: 1.39.3.

import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const WALINE_DIR = path.join(ROOT, 'tools/waline');
const VANILLA = path.join(WALINE_DIR, 'node_modules/@waline/vercel/vanilla.js');
const SCHEMA = path.join(HERE, 'schema.sql');
const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

const requireWaline = createRequire(path.join(WALINE_DIR, 'package.json'));

/** Every harness not yet stopped, for the exit hooks. */
const live = new Set();
let hooked = false;

function installHooks() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const h of [...live]) h.stopSync();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const h of [...live]) h.stopSync();
      process.exit(128 + os.constants.signals[sig]);
    });
  }
}

/** Where the temp dir goes: FOLIO_WALINE_TMP, else /dev/shm (tmpfs: initdb takes 0.6 s there
 *  against 1.5 s on this machine's disk, where it also competes with the Waline processes
 *  loading), else os.tmpdir(). */
function tmpBase() {
  if (process.env.FOLIO_WALINE_TMP) return process.env.FOLIO_WALINE_TMP;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    if (fs.statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch {
    // no /dev/shm
  }
  return os.tmpdir();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function freePorts(n) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** argv to run a PostgreSQL binary as the postgres user when we are root. */
function pgCmd(bin, args) {
  const exe = path.join(PG_BIN, bin);
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

function run(bin, args) {
  const [cmd, argv] = pgCmd(bin, args);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${bin} ${args.join(' ')} failed (${code}):\n${out}`)),
    );
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** /proc/<pid>/stat fields after the command name: [state, ppid, pgrp, …], or null. */
function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Whether pid runs (a zombie does not count: PID 1 here may be slow to reap orphans). */
export function alive(pid) {
  if (fs.existsSync('/proc/self/stat')) {
    const st = procStat(pid);
    return st !== null && st[0] !== 'Z' && st[0] !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** The live (non-zombie) pids of process group pgid. */
export function groupPids(pgid) {
  if (!fs.existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch (e) {
      return e.code === 'EPERM' ? [pgid] : [];
    }
  }
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(name);
    if (st && Number(st[2]) === pgid && st[0] !== 'Z' && st[0] !== 'X') pids.push(Number(name));
  }
  return pids;
}

function killGroup(pgid) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function getJson(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: Object.fromEntries(res.headers), json, text };
}

export async function startWaline({ processes = 2, env = {} } = {}) {
  if (!fs.existsSync(VANILLA)) {
    throw new Error(`${VANILLA} is missing: run scripts/setup (npm ci in tools/waline)`);
  }
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`${PG_BIN}/initdb is missing: run scripts/setup (apt-get install postgresql-15)`);
  }
  installHooks();
  const t0 = Date.now();
  const [pgPort, ...ports] = await freePorts(1 + processes);
  const dir = fs.mkdtempSync(path.join(tmpBase(), 'folio-waline-'));
  const pgData = path.join(dir, 'pg');
  fs.chmodSync(dir, 0o755);
  if (IS_ROOT) {
    const pwent = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    fs.chownSync(dir, Number(pwent), Number(gid));
  }

  const servers = [];
  let pgStarted = false;
  let pool = null;
  let stopped = false;

  const harness = {
    urls: ports.map((p) => `http://127.0.0.1:${p}`),
    pgPort,
    pgPid: 0,
    dir,
    timings: {},
    servers,
    sql,
    request,
    post,
    list,
    like,
    stop,
    stopSync,
  };

  function postmasterPid() {
    try {
      return Number(fs.readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]) || 0;
    } catch {
      return 0;
    }
  }

  function stopSync() {
    if (stopped) return;
    stopped = true;
    live.delete(harness);
    for (const s of servers) killGroup(s.pid);
    if (pool) {
      // The pool's sockets die with postgres; don't wait for them.
      pool.end().catch(() => {});
    }
    if (pgStarted) {
      const [cmd, argv] = pgCmd('pg_ctl', ['stop', '-D', pgData, '-m', 'immediate', '-w', '-t', '10']);
      spawnSync(cmd, argv, { stdio: 'ignore' });
    }
    if (!process.env.FOLIO_WALINE_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    live.delete(harness);
    for (const s of servers) killGroup(s.pid);
    const ended = pool ? pool.end().catch(() => {}) : null;
    pool = null;
    if (pgStarted) {
      // pg_ctl -w polls every 100 ms; -W and a 5 ms poll of the postmaster pid is faster.
      const pid = postmasterPid();
      await run('pg_ctl', ['stop', '-D', pgData, '-m', 'immediate', '-W']).catch(() => {});
      for (let i = 0; pid && i < 2000 && alive(pid); i++) await sleep(5);
    }
    // Wait (briefly) for the server groups to be reaped so their ports are free.
    for (let i = 0; i < 100 && servers.some((s) => groupPids(s.pid).length > 0); i++) await sleep(5);
    if (ended) await Promise.race([ended, sleep(50)]);
    if (!process.env.FOLIO_WALINE_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }

  live.add(harness);
  try {
    // The Waline processes take ~1 s to load; start them now, in parallel with the cluster.
    // Nothing queries the database before the readiness poll below, which only starts once
    // the schema is loaded (think-model caches an empty table schema if asked too early).
    const serverEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME || dir,
      TZ: 'UTC',
      NODE_ENV: 'production',
      PG_HOST: '127.0.0.1',
      PG_PORT: String(pgPort),
      PG_DB: 'waline',
      PG_USER: 'postgres',
      PG_PASSWORD: 'folio-test',
      PG_PREFIX: 'wl_',
      JWT_TOKEN: 'folio-test-jwt-secret',
      OAUTH_URL: 'data:application/json,{"services":[]}',
      AKISMET_KEY: 'false',
      IPQPS: '0',
      ...env,
    };
    ports.forEach((port, i) => {
      const log = fs.openSync(path.join(dir, `waline-${i}.log`), 'a');
      const child = spawn(process.execPath, [VANILLA, String(port)], {
        cwd: path.dirname(VANILLA),
        env: serverEnv,
        detached: true, // own process group: kill(-pid) ends master and worker
        stdio: ['ignore', log, log],
      });
      fs.closeSync(log);
      child.unref();
      child.on('error', () => {});
      servers.push({ pid: child.pid, port, child, log: path.join(dir, `waline-${i}.log`) });
    });

    await run('initdb', [
      '-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C',
      '--no-sync', '--no-instructions',
    ]);
    harness.timings.initdb = Date.now() - t0;
    const opts = `-p ${pgPort} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off ` +
      '-c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c timezone=UTC';
    pgStarted = true;
    await run('pg_ctl', ['start', '-D', pgData, '-w', '-t', '30', '-l', path.join(dir, 'pg.log'), '-o', opts]);
    harness.timings.pgStart = Date.now() - t0;
    harness.pgPid = postmasterPid();

    const pg = requireWaline('pg');
    // bigint (COUNT) and numeric stay strings, as in Waline; timestamps become Dates.
    const admin = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query('CREATE DATABASE waline');
    await admin.end();
    pool = new pg.Pool({ host: '127.0.0.1', port: pgPort, user: 'postgres', database: 'waline', max: 4 });
    pool.on('error', () => {});
    await pool.query(fs.readFileSync(SCHEMA, 'utf8'));
    harness.timings.schema = Date.now() - t0;

    await Promise.all(servers.map((s, i) => waitReady(s, harness.urls[i])));
    harness.timings.ready = Date.now() - t0;
  } catch (err) {
    const logs = servers
      .map((s) => {
        try {
          return `--- ${s.log}\n${fs.readFileSync(s.log, 'utf8').slice(-3000)}`;
        } catch {
          return '';
        }
      })
      .join('\n');
    stopSync();
    err.message += logs ? `\n${logs}` : '';
    throw err;
  }
  return harness;

  // Waline's start (Node loading the whole server, then connecting to PostgreSQL) has taken
  // over 30 s on a loaded two-core CI machine; a minute is still a clear failure.
  async function waitReady(server, url) {
    const deadline = Date.now() + 60_000;
    let last;
    while (Date.now() < deadline) {
      if (server.child.exitCode !== null || !alive(server.pid)) {
        throw new Error(`Waline on port ${server.port} exited (code ${server.child.exitCode})`);
      }
      try {
        const r = await getJson(`${url}/api/comment?path=/x`);
        if (r.json && r.json.errno === 0) return;
        last = `HTTP ${r.status} ${r.text.slice(0, 200)}`;
      } catch (e) {
        last = e.message;
      }
      await sleep(25);
    }
    throw new Error(`Waline on port ${server.port} not ready after 60 s: ${last}`);
  }

  async function sql(text, params) {
    if (!pool) throw new Error('harness stopped');
    const r = await pool.query(text, params);
    return r.rows;
  }

  async function request(i, method, p, body, headers = {}) {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return getJson(harness.urls[i] + p, init);
  }

  async function post(i, body, headers) {
    return (await request(i, 'POST', '/api/comment', body, headers)).json;
  }

  async function list(i, query = {}) {
    const qs = new URLSearchParams(query).toString();
    return (await request(i, 'GET', `/api/comment?${qs}`)).json;
  }

  async function like(i, id, value = true) {
    return (await request(i, 'PUT', `/api/comment/${id}`, { like: value })).json;
  }
}
