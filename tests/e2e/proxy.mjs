// A small HTTP proxy on 127.0.0.1 in front of a comment server (a real Isso in the tests),
// whose behaviour the test switches per request, to show Folio every way a server or the
// network between can fail.
//
//   import { startProxy } from './proxy.mjs';
//   const proxy = await startProxy({ target: isso.url, origins: [pageOrigin] });
//   proxy.mode = '500';                                   // every request from now on
//   proxy.mode = (req) => (req.method === 'POST' ? '429' : 'pass');   // or per request
//   await proxy.refuse(); await proxy.accept();           // port closed, then open again
//   proxy.log                                             // [{ at, method, url, mode, status, aborted }]
//                                                         // aborted: the client left before the answer
//   await proxy.stop();
//
// Modes (each answer carries the CORS headers below, unless the mode sends no answer):
//   pass      forward to the target and relay its answer
//   reset     destroy the socket without answering (a server dying mid-request)
//   500       500 Internal Server Error with an HTML page (not forwarded)
//   503       503 Service Unavailable, Retry-After: `retryAfter` (not forwarded)
//   429       429 Too Many Requests, Retry-After: `retryAfter` (default 2) (not forwarded)
//   stall     wait `stallMs` (default 10 s), then forward; a request whose client went away
//             meanwhile (aborted) is not forwarded, as a server that had not read it yet
//             would not have stored it
//   late      forward at once, then hold the answer `lateMs` (default 2 s) before relaying
//             it: an answer that was true when it left the server and is old when it lands
//   hang      never answer (the socket is freed by stop())
//   truncate  forward, then relay only the first half of the body (a valid HTTP answer,
//             with a Content-Length for the half: JSON cut in the middle)
//   cut       forward, then send the headers with the full Content-Length, half the body,
//             and drop the connection (a transfer that dies mid-way)
//   lost      forward (the server stores the comment), then drop the connection without
//             answering (an answer lost on its way back)
//   html      200 text/html, an HTML page instead of JSON (not forwarded; a captive portal
//             or a misrouted reverse proxy)
//   huge      GET: 200 with an Isso-shaped list of `hugeCount` (default 5,000) comments of
//             about `hugeBytes / hugeCount` bytes each (default 5 MB in all)
//   huge-one  GET: 200 with one comment whose body is `hugeBytes` long
//   rewrite   forward, then relay `transform(json, req)` (a compromised server)
// OPTIONS (CORS preflight) is answered by the proxy itself, 204 with the headers below, in
// every mode except `reset` and `hang` (and nothing answers while refused).
//
// CORS, as Isso does it for an allowed origin, plus what Folio needs to honour back-off:
//   Access-Control-Allow-Origin: the request's Origin when it is one of `origins`, else the
//   first of them; Access-Control-Allow-Credentials: true;
//   Access-Control-Allow-Methods: HEAD, GET, POST, PUT, DELETE;
//   Access-Control-Allow-Headers: Origin, Referer, Content-Type (or what the preflight asks);
//   Access-Control-Expose-Headers: Date, Retry-After, X-Set-Cookie. Vary: Origin.
import { createServer, request as httpRequest } from 'node:http';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const HTML_PAGE = '<!doctype html>\n<html><head><title>Welcome</title></head><body><h1>Sign in to the Wi-Fi</h1>'
  + '<p>Please accept the terms to continue.</p><script>/* a portal */</script></body></html>\n';
const ERROR_PAGE = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n'
  + '<p>The server encountered an internal error and was unable to complete your request.</p>\n';

/** An Isso-shaped comment (GET /?uri= entry) with id `id` and body `text`. */
export function issoComment(id, text, { parent = null, author = null, created = 1_700_000_000 + id } = {}) {
  return {
    id, parent, created, modified: null, mode: 1, text, author, website: null, likes: 0, dislikes: 0,
    notification: 0, hash: 'f00dfeedbeef', total_replies: 0, hidden_replies: 0, replies: [],
  };
}

/**
 * The id of the first comment of a huge list: the ids of its comments start far above those
 * of the real Isso behind the proxy, so a comment posted to it is not taken for one of them.
 */
export const HUGE_FIRST_ID = 1_000_001;

/** The body of a huge list: `count` comments, `bytes` of JSON in all (roughly). */
export function hugeList(count, bytes) {
  const each = Math.max(16, Math.floor(bytes / count) - 260);
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
  const text = `<p>${filler.repeat(Math.ceil(each / filler.length)).slice(0, each)}</p>`;
  const replies = [];
  for (let i = 1; i <= count; i++) {
    const body = i === 1 ? `<p>huge-first</p>${text}` : text;
    replies.push(issoComment(HUGE_FIRST_ID + i - 1, body, { author: `Reader ${i}`, created: 1_700_000_000 + i }));
  }
  return JSON.stringify({ id: null, total_replies: count, hidden_replies: 0, replies, config: {} });
}

export async function startProxy({ target, origins = [], port = 0, retryAfter = 2, stallMs = 10_000, lateMs = 2000, hugeCount = 5000, hugeBytes = 5 * 1024 * 1024, transform = (j) => j } = {}) {
  const upstream = new URL(target);
  const sockets = new Set();
  const hung = new Set();
  const log = [];
  const hugeCache = new Map();

  const handle = {
    mode: 'pass',
    retryAfter, stallMs, lateMs, hugeCount, hugeBytes, transform,
    log,
    url: null,
    port: null,
    /** Requests made so far that match `pred`. */
    requests(pred = () => true) { return log.filter(pred); },
  };

  function cors(req) {
    const o = req.headers.origin;
    const allow = o && origins.includes(o) ? o : (origins[0] ?? o ?? '*');
    return {
      'access-control-allow-origin': allow,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'HEAD, GET, POST, PUT, DELETE',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'Origin, Referer, Content-Type',
      'access-control-expose-headers': 'Date, Retry-After, X-Set-Cookie',
      'access-control-max-age': '0',
      vary: 'Origin',
    };
  }

  function readBody(stream) {
    return new Promise((ok, fail) => {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => ok(Buffer.concat(chunks)));
      stream.on('error', fail);
    });
  }

  /** Forwards the request; resolves to { status, headers, body: Buffer }. */
  function forward(req, body) {
    return new Promise((ok, fail) => {
      const headers = { ...req.headers, host: upstream.host };
      delete headers['content-length'];
      delete headers.connection;
      if (body.length) headers['content-length'] = String(body.length);
      const r = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, async (res) => {
        try {
          ok({ status: res.statusCode, headers: res.headers, body: await readBody(res) });
        } catch (e) { fail(e); }
      });
      r.on('error', fail);
      r.end(body);
    });
  }

  /** Upstream headers minus hop-by-hop, length and the upstream's own CORS answer. */
  function relayHeaders(h) {
    const out = {};
    for (const [k, v] of Object.entries(h)) {
      if (/^(access-control-|content-length$|transfer-encoding$|connection$|keep-alive$|vary$)/i.test(k)) continue;
      out[k] = v;
    }
    return out;
  }

  function send(req, res, status, headers, body) {
    res.writeHead(status, { ...headers, ...cors(req), 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  async function serve(req, res) {
    const mode = typeof handle.mode === 'function' ? handle.mode(req) : handle.mode;
    const entry = { at: Date.now(), method: req.method, url: req.url, mode, status: null, aborted: false };
    log.push(entry);
    res.on('close', () => { if (!res.writableFinished) entry.aborted = true; });
    const body = await readBody(req);
    if (mode === 'reset') { entry.status = 'reset'; req.socket.destroy(); return; }
    if (mode === 'hang') { entry.status = 'hang'; hung.add(res); return; }
    if (req.method === 'OPTIONS') { entry.status = 204; res.writeHead(204, cors(req)); res.end(); return; }
    const html = { 'content-type': 'text/html; charset=utf-8' };
    switch (mode) {
      case '500': entry.status = 500; return send(req, res, 500, html, ERROR_PAGE);
      case '503': entry.status = 503; return send(req, res, 503, { ...html, 'retry-after': String(handle.retryAfter) }, ERROR_PAGE);
      case '429': entry.status = 429; return send(req, res, 429, { ...html, 'retry-after': String(handle.retryAfter) },
        '<!doctype html>\n<title>429 Too Many Requests</title>\n<h1>Too Many Requests</h1>\n<p>Slow down.</p>\n');
      case 'html': entry.status = 200; return send(req, res, 200, html, HTML_PAGE);
      case 'huge':
      case 'huge-one': {
        if (req.method !== 'GET') break;
        const key = `${mode}:${handle.hugeCount}:${handle.hugeBytes}`;
        if (!hugeCache.has(key)) hugeCache.set(key, mode === 'huge' ? hugeList(handle.hugeCount, handle.hugeBytes) : hugeList(1, handle.hugeBytes));
        entry.status = 200;
        return send(req, res, 200, { 'content-type': 'application/json' }, hugeCache.get(key));
      }
      case 'stall':
        await sleep(handle.stallMs);
        if (entry.aborted) { entry.status = 'aborted by the client'; return; }
        break;
      default: break;
    }
    let answer;
    try {
      answer = await forward(req, body);
    } catch (e) {
      entry.status = `upstream: ${e.code ?? e.message}`;
      return send(req, res, 502, { 'content-type': 'text/plain' }, 'Bad Gateway: the comment server is not reachable\n');
    }
    entry.status = answer.status;
    const headers = relayHeaders(answer.headers);
    if (mode === 'late') {
      await sleep(handle.lateMs);
      entry.relayed = Date.now();
    }
    if (mode === 'truncate') {
      return send(req, res, answer.status, headers, answer.body.subarray(0, Math.floor(answer.body.length / 2)));
    }
    if (mode === 'lost') {
      entry.status = `lost (${answer.status})`;
      req.socket.destroy();
      return;
    }
    if (mode === 'cut') {
      res.writeHead(answer.status, { ...headers, ...cors(req), 'content-length': String(answer.body.length) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setTimeout(() => req.socket.destroy(), 50);
      return;
    }
    if (mode === 'rewrite' && /json/.test(answer.headers['content-type'] ?? '')) {
      const json = handle.transform(JSON.parse(answer.body.toString('utf8')), req);
      return send(req, res, answer.status, { ...headers, 'content-type': 'application/json' }, JSON.stringify(json));
    }
    return send(req, res, answer.status, headers, answer.body);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e) => {
      try { res.writeHead(502); res.end(String(e)); } catch { req.socket.destroy(); }
    });
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  function listen(p) {
    return new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(p, '127.0.0.1', () => { server.off('error', fail); ok(server.address().port); });
    });
  }
  function close() {
    for (const res of hung) res.destroy();
    hung.clear();
    for (const s of sockets) s.destroy();
    return new Promise((ok) => (server.listening ? server.close(() => ok()) : ok()));
  }

  handle.port = await listen(port);
  handle.url = `http://127.0.0.1:${handle.port}`;
  /** Closes the port: connections are refused until accept(). */
  handle.refuse = close;
  /** Listens again on the same port. */
  handle.accept = async () => { if (!server.listening) await listen(handle.port); };
  handle.stop = close;
  return handle;
}
