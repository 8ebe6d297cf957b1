// A small W3C WebDriver client (plain HTTP, no client library) and the three engines the
// cross-engine tests drive: Chromium through ChromeDriver, Firefox ESR through geckodriver, and
// WebKitGTK (WebKit, Safari's engine) through WebKitWebDriver, whose MiniBrowser has no
// headless mode and so runs on a private Xvfb display. scripts/setup installs all of them.
//
//   const engine = ENGINES.find((e) => e.name === 'firefox');
//   const browser = await engine.start();          // driver process + one session
//   await browser.go(url);
//   await browser.until('return document.readyState === "complete"');
//   const title = await browser.run('return document.title');
//   await browser.stop();                          // session, driver and display
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const START_TIMEOUT_MS = 30_000;
/** The key of an element reference in WebDriver's JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `command` and records what it prints, for the error when it does not come up. */
function launch(command, args, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.log = '';
  const keep = (chunk) => { child.log = (child.log + chunk).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** Stops a child process and waits for it to go. */
async function kill(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(timer);
}

/** A WebDriver error answer, with the driver's own words. */
export class WebDriverError extends Error {
  constructor(method, path, value) {
    super(`${method} ${path}: ${value?.error ?? 'error'}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

/** One browser session on a running driver. */
class Session {
  constructor(base, id, engine, cleanup) {
    this.base = base;
    this.id = id;
    this.engine = engine;
    this.cleanup = cleanup;
  }

  async call(method, path, body) {
    const url = `${this.base}/session/${this.id}${path}`;
    const response = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const { value } = await response.json();
    if (!response.ok) throw new WebDriverError(method, path, value);
    return value;
  }

  /** Navigates to `url` and waits for the load event. */
  go(url) {
    return this.call('POST', '/url', { url });
  }

  /** Runs the body of a function in the page (`arguments` are `args`); its return value. */
  run(script, ...args) {
    return this.call('POST', '/execute/sync', { script, args });
  }

  /** Runs an async function body (`await` allowed) and resolves to what it returns. */
  runAsync(body, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      (async (...args) => { ${body} })(...Array.prototype.slice.call(arguments, 0, -1))
        .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`;
    return this.call('POST', '/execute/async', { script, args }).then((r) => {
      if (r && 'error' in r) throw new Error(`in the page: ${r.error}`);
      return r?.ok;
    });
  }

  /** Polls `script` (a function body) until it returns a truthy value; that value. */
  async until(script, { timeout = 15_000, what = script } = {}, ...args) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.run(script, ...args);
      if (last) return last;
      if (Date.now() > end) throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for: ${what}`);
      await sleep(100);
    }
  }

  /** Clicks, as a user does (WebDriver Element Click: the page gets user activation), the
   * element `script` (a function body) returns. */
  async click(script, ...args) {
    const element = await this.run(script, ...args);
    const id = element && element[ELEMENT];
    if (!id) throw new Error(`${this.engine}: no element to click: ${script}`);
    return this.call('POST', `/element/${id}/click`, {});
  }

  /** Sets the window's outer size. */
  resize(width, height) {
    return this.call('POST', '/window/rect', { width, height });
  }

  /** Ends the session, then stops the driver (and its display). */
  async stop() {
    try {
      await this.call('DELETE', '');
    } catch {
      // The driver may be gone already; it is stopped below either way.
    }
    await this.cleanup();
  }
}

/** Starts `driver` (a command and its arguments, given the port) and opens one session. */
async function session(engine, { command, args, env = {}, capabilities, before = async () => {}, after = async () => {} }) {
  const extra = await before();
  const port = await freePort();
  const driver = launch(command, args(port), { ...env, ...extra });
  const base = `http://127.0.0.1:${port}`;
  const cleanup = async () => { await kill(driver); await after(); };
  const end = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      const status = await (await fetch(`${base}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {
      // Not listening yet.
    }
    if (driver.exitCode !== null || Date.now() > end) {
      await cleanup();
      throw new Error(`${engine}: ${command} did not start:\n${driver.log}`);
    }
    await sleep(100);
  }
  const response = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
  });
  const { value } = await response.json();
  if (!response.ok) {
    await cleanup();
    throw new Error(`${engine}: no session: ${value?.message ?? JSON.stringify(value)}\n${driver.log}`);
  }
  const s = new Session(base, value.sessionId, engine, cleanup);
  s.version = value.capabilities?.browserVersion ?? '?';
  await s.call('POST', '/timeouts', { script: 30_000, pageLoad: 30_000 });
  await s.resize(1366, 900).catch(() => {});
  return s;
}

const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

let display = 90 + (process.pid % 50);

/** Starts a private Xvfb display for a browser with no headless mode: its DISPLAY. */
async function startXvfb() {
  const number = display++;
  const xvfb = launch('Xvfb', [`:${number}`, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp']);
  const socket = `/tmp/.X11-unix/X${number}`;
  const end = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (xvfb.exitCode !== null || Date.now() > end) throw new Error(`Xvfb :${number} did not start:\n${xvfb.log}`);
    await sleep(50);
  }
  return { xvfb, DISPLAY: `:${number}` };
}

const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The flags tests/e2e/browser.mjs gives Chromium (this sandbox's closed network, root).
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1366,900',
];

/** The three engines the cross-engine tests run in (Chromium also runs the full suite in
 * tests/e2e, through playwright-core). */
export const ENGINES = [
  {
    name: 'chromium',
    label: 'Chromium',
    available: () => existsSync(CHROMEDRIVER) && existsSync(CHROMIUM),
    missing: `${CHROMEDRIVER} or ${CHROMIUM} (scripts/setup installs them)`,
    start: () =>
      session('chromium', {
        command: CHROMEDRIVER,
        args: (port) => [`--port=${port}`],
        capabilities: { browserName: 'chrome', 'goog:chromeOptions': { binary: CHROMIUM, args: CHROMIUM_ARGS } },
      }),
  },
  {
    name: 'firefox',
    label: 'Firefox ESR',
    available: () => existsSync(GECKODRIVER) && existsSync(FIREFOX),
    missing: `${GECKODRIVER} or ${FIREFOX} (scripts/setup installs them)`,
    start: () =>
      session('firefox', {
        command: GECKODRIVER,
        args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
        capabilities: {
          browserName: 'firefox',
          'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs: { 'network.proxy.type': 0 } },
        },
      }),
  },
  {
    name: 'webkit',
    label: 'WebKitGTK MiniBrowser',
    available: () => existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER),
    missing: `${WEBKIT_DRIVER} or ${MINIBROWSER} (scripts/setup installs them)`,
    start: () => {
      let x;
      return session('webkit', {
        command: WEBKIT_DRIVER,
        args: (port) => [`--port=${port}`],
        before: async () => {
          x = await startXvfb();
          // As root, WebKit's bubblewrap sandbox cannot start; the tests load only the
          // project's own pages from 127.0.0.1.
          return { DISPLAY: x.DISPLAY, WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1' };
        },
        after: async () => kill(x?.xvfb),
        capabilities: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      });
    },
  },
];
