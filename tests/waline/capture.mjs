#!/usr/bin/env node
// Regenerates tests/fixtures/waline/*.json: real answers of a real Waline server
// (tests/waline/harness.mjs), pretty-printed, envelope included, exactly as they came.
//
//   node tests/waline/capture.mjs [outdir]     (default tests/fixtures/waline; ~10 s)
//
// The requests are listed in tests/fixtures/waline/README.md; keep the two in step.
// Posts of the thread are one second apart (Waline stores insertedAt to the second, so
// the orders in list.json and list-asc.json are meaningful). Timestamps and avatar hashes
// are those of the moment of capture; ids are deterministic (fresh database, one writer).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWaline } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] || path.join(HERE, '../fixtures/waline'));

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/** Waits until the wall clock enters a new second. */
async function nextSecond() {
  const s = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) === s) await new Promise((r) => setTimeout(r, 20));
}

function save(name, answer) {
  fs.writeFileSync(path.join(OUT, name), JSON.stringify(answer, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), path.join(OUT, name))}`);
}

function ok(answer, what) {
  if (!answer || answer.errno !== 0) throw new Error(`${what}: ${JSON.stringify(answer)}`);
  return answer;
}

fs.mkdirSync(OUT, { recursive: true });
const w = await startWaline({ processes: 1 });
try {
  const THREAD = '/articles/thread';

  // 1. The first top-level comment: its answer is post.json.
  const first = {
    url: THREAD,
    comment: 'First comment, with **bold** and `code`.',
    nick: 'Ann',
    mail: 'ann@example.com',
    link: 'https://ann.example',
    ua: FIREFOX,
  };
  const post = ok(await w.post(0, first), 'post first');
  save('post.json', post);
  const c1 = post.data.objectId;

  // 2. The same body again: refused (duplicate.json).
  save('duplicate.json', await w.post(0, first));

  await nextSecond();
  const c2 = ok(
    await w.post(0, {
      url: THREAD,
      comment: 'Second comment.\n\nTwo paragraphs.',
      nick: 'Bob',
      mail: 'bob@example.com',
      link: '',
      ua: CHROME,
    }),
    'post second',
  ).data.objectId;

  await nextSecond();
  const r1 = ok(
    await w.post(0, {
      url: THREAD,
      comment: 'A reply to Bob.',
      nick: 'Cat',
      mail: 'cat@example.com',
      link: 'https://cat.example/',
      pid: c2,
      rid: c2,
      at: 'Bob',
      ua: SAFARI,
    }),
    'post reply',
  ).data.objectId;

  await nextSecond();
  // 3. A reply to the reply: its answer is post-reply.json.
  const reply = ok(
    await w.post(0, {
      url: THREAD,
      comment: 'A reply to Cat’s reply.',
      nick: 'Ann',
      mail: 'ann@example.com',
      link: 'https://ann.example',
      pid: r1,
      rid: c2,
      at: 'Cat',
      ua: FIREFOX,
    }),
    'post reply to reply',
  );
  save('post-reply.json', reply);

  await nextSecond();
  ok(
    await w.post(0, {
      url: THREAD,
      comment: 'Third comment.',
      nick: 'Dan',
      mail: '',
      link: '',
      ua: CHROME,
    }),
    'post third',
  );

  // 4. Two likes of the first comment; the second answer is like.json.
  ok(await w.like(0, c1), 'like 1');
  save('like.json', ok(await w.like(0, c1), 'like 2'));

  // 5. The lists.
  save('list.json', ok(await w.list(0, { path: THREAD, page: 1, pageSize: 2, sortBy: 'insertedAt_desc' }), 'list'));
  save('list-page2.json', ok(await w.list(0, { path: THREAD, page: 2, pageSize: 2, sortBy: 'insertedAt_desc' }), 'list 2'));
  save('list-asc.json', ok(await w.list(0, { path: THREAD, page: 1, pageSize: 10, sortBy: 'insertedAt_asc' }), 'asc'));
  save('empty.json', ok(await w.list(0, { path: '/articles/empty', page: 1, pageSize: 10, sortBy: 'insertedAt_desc' }), 'empty'));

  // 6. Hostile input, listed back.
  const HOSTILE = '/articles/hostile';
  ok(
    await w.post(0, {
      url: HOSTILE,
      comment:
        'Hello <script>alert(1)</script> and a [markdown link](https://example.com/page) ' +
        'and [a js link](javascript:alert(2)) and <img src=x onerror=alert(3)>.',
      nick: '<img src=x onerror=alert(1)>',
      mail: 'eve@example.com',
      link: 'javascript:alert(1)',
      ua: FIREFOX,
    }),
    'post hostile',
  );
  save('hostile.json', ok(await w.list(0, { path: HOSTILE, page: 1, pageSize: 10, sortBy: 'insertedAt_desc' }), 'hostile'));

  // 7. Counts.
  save('count-one.json', ok((await w.request(0, 'GET', `/api/comment?type=count&url=${THREAD}`)).json, 'count'));
  save(
    'count-many.json',
    ok((await w.request(0, 'GET', `/api/comment?type=count&url=${THREAD},${HOSTILE},/articles/empty`)).json, 'counts'),
  );
} finally {
  await w.stop();
}
