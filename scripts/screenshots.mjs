// Refreshes the README's screenshots in docs/ from the demo page: the built pkg/, a real
// Isso seeded with a short thread, Debian's Chromium. Run after `build_pkg`:
//   node scripts/screenshots.mjs
import { launch, serveRepo, ROOT } from '../tests/e2e/browser.mjs';
import { startIsso } from '../tests/e2e/isso.mjs';
import { join } from 'node:path';

const THREAD = '/www/articles/kaspersky-reputation';
const server = await serveRepo();
const isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
const browser = await launch();
try {
  await isso.seed(THREAD, [
    { text: 'A fair summary. The GSA decision in July was the first **official** step; the Senate testimony in May set it up.', author: 'Dana Whitfield' },
    { text: 'Agreed. What I would like to see is an independent *source code* review.', author: 'Eli Navarro', replyTo: 0 },
    { text: 'Helping to shut down botnets is exactly what a security vendor should do. See [the background](https://www.esecurityplanet.com/).', author: 'Priya' },
  ]);
  const url = `${server.url}www/?isso=${encodeURIComponent(isso.url)}`;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 }, colorScheme: scheme });
    await page.goto(url);
    await page.waitForSelector('#article[data-folio-state="ready"]');
    await page.screenshot({ path: join(ROOT, `docs/demo-${scheme}.png`) });
    if (scheme === 'light') {
      const section = page.locator('#article [data-folio-comments]');
      await section.scrollIntoViewIfNeeded();
      await page.locator('#article article[data-folio-comment-id]').nth(2).waitFor();
      const box = await section.boundingBox();
      await page.setViewportSize({ width: 900, height: Math.ceil(box.height) + 40 });
      const clip = await section.boundingBox();
      await page.screenshot({ path: join(ROOT, 'docs/comments-light.png'), clip: { ...clip, height: Math.min(clip.height, 1100) } });
    }
    await page.close();
  }
  console.log('docs/demo-light.png, docs/demo-dark.png, docs/comments-light.png written');
} finally {
  await browser.close();
  await server.close();
  await isso.stop();
}
