// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core
// (never a downloaded browser), with the flags this sandbox needs, and the repo served
// on 127.0.0.1.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Chromium; `args` are added to CHROMIUM_ARGS. */
export async function launch(args = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args] });
}

export async function serveRepo(headers = {}) {
  return serve({ root: ROOT, port: 0, headers });
}

/** Opens `url` in a new page and records console errors, page errors and every request. */
export async function open(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests };
}
