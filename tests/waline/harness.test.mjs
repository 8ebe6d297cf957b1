// Tests of the Waline test harness (tests/waline/harness.mjs): that it starts and stops
// cleanly, and that its servers share one database.
//
//   node --test --test-concurrency=1 tests/waline/harness.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { startWaline, groupPids, alive } from './harness.mjs';

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

test('starts and stops twice, leaving no process, port or file behind', async () => {
  for (let round = 0; round < 2; round++) {
    const t0 = Date.now();
    const w = await startWaline({ processes: 2 });
    const up = Date.now() - t0;
    assert.equal(w.urls.length, 2);
    const pgids = w.servers.map((s) => s.pid);
    const ports = [...w.urls.map((u) => Number(new URL(u).port)), w.pgPort];
    assert.ok(w.pgPid > 0 && alive(w.pgPid), 'postmaster runs');
    for (const pgid of pgids) assert.ok(groupPids(pgid).length >= 2, 'master and worker run');
    for (const port of ports) assert.equal(await portFree(port), false, `port ${port} in use`);
    const answer = await w.list(0, { path: '/x' });
    assert.equal(answer.errno, 0);

    const t1 = Date.now();
    await w.stop();
    const down = Date.now() - t1;
    console.log(`round ${round}: up in ${up} ms (${JSON.stringify(w.timings)}), down in ${down} ms`);

    for (const pgid of pgids) assert.deepEqual(groupPids(pgid), [], `process group ${pgid} gone`);
    assert.equal(alive(w.pgPid), false, 'postmaster gone');
    for (const port of ports) assert.equal(await portFree(port), true, `port ${port} free`);
    assert.equal(fs.existsSync(w.dir), false, 'temp dir removed');
    await w.stop(); // idempotent
    w.stopSync();
  }
});

describe('two servers on one database', () => {
  let w;
  before(async () => {
    w = await startWaline({ processes: 2 });
  });
  after(async () => {
    await w?.stop();
  });

  test('a comment posted through A is listed through B', async () => {
    const posted = await w.post(0, { url: '/ab', comment: 'posted on **A**', nick: 'Ann' });
    assert.equal(posted.errno, 0, JSON.stringify(posted));
    assert.equal(typeof posted.data.objectId, 'number');
    const listed = await w.list(1, { path: '/ab' });
    assert.equal(listed.errno, 0);
    assert.equal(listed.data.count, 1);
    assert.equal(listed.data.data.length, 1);
    const [c] = listed.data.data;
    assert.equal(c.objectId, posted.data.objectId);
    assert.equal(c.comment, '<p>posted on <strong>A</strong></p>\n');
    assert.equal(c.orig, 'posted on **A**');
    assert.equal(c.nick, 'Ann');
    assert.equal(c.time, posted.data.time);
    assert.deepEqual(c.children, []);
  });

  test('a reply to a reply is stored with the right pid and rid', async () => {
    const root = await w.post(0, { url: '/rr', comment: 'root', nick: 'R' });
    const r1 = await w.post(1, {
      url: '/rr', comment: 'reply', nick: 'S', pid: root.data.objectId, rid: root.data.objectId, at: 'R',
    });
    const r2 = await w.post(0, {
      url: '/rr', comment: 'reply to reply', nick: 'T', pid: r1.data.objectId, rid: root.data.objectId, at: 'S',
    });
    for (const a of [root, r1, r2]) assert.equal(a.errno, 0, JSON.stringify(a));
    const rows = await w.sql(
      "SELECT id, pid, rid, comment, nick FROM wl_comment WHERE url = '/rr' ORDER BY id",
    );
    assert.deepEqual(rows, [
      { id: root.data.objectId, pid: null, rid: null, comment: 'root', nick: 'R' },
      { id: r1.data.objectId, pid: root.data.objectId, rid: root.data.objectId, comment: 'reply', nick: 'S' },
      { id: r2.data.objectId, pid: r1.data.objectId, rid: root.data.objectId, comment: 'reply to reply', nick: 'T' },
    ]);
    // The list nests both under the root, flat, pid = direct parent.
    const listed = await w.list(1, { path: '/rr' });
    assert.equal(listed.data.data.length, 1);
    const kids = listed.data.data[0].children;
    assert.deepEqual(
      kids.map((k) => [k.objectId, k.pid, k.rid]).sort((a, b) => a[0] - b[0]),
      [
        [r1.data.objectId, root.data.objectId, root.data.objectId],
        [r2.data.objectId, r1.data.objectId, root.data.objectId],
      ],
    );
    assert.equal(kids.find((k) => k.objectId === r2.data.objectId).reply_user.nick, 'S');
  });

  test('10 concurrent posts across both servers are each stored exactly once', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => ({
      url: '/concurrent', comment: `concurrent comment ${i}`, nick: `n${i}`,
    }));
    const answers = await Promise.all(bodies.map((b, i) => w.post(i % 2, b)));
    for (const a of answers) assert.equal(a.errno, 0, JSON.stringify(a));
    assert.equal(new Set(answers.map((a) => a.data.objectId)).size, 10);
    const rows = await w.sql(
      "SELECT comment, count(*)::int AS n FROM wl_comment WHERE url = '/concurrent' GROUP BY comment ORDER BY comment",
    );
    assert.deepEqual(rows, bodies.map((b) => ({ comment: b.comment, n: 1 })).sort((a, b) => (a.comment < b.comment ? -1 : 1)));
    const counted = (await w.request(1, 'GET', '/api/comment?type=count&url=/concurrent')).json;
    assert.deepEqual(counted, { errno: 0, errmsg: '', data: [10] });
  });

  test('likes, counts and reactions work on this schema', async () => {
    const c = await w.post(0, { url: '/likes', comment: 'like me', nick: 'L' });
    const liked = await w.like(1, c.data.objectId);
    assert.equal(liked.errno, 0);
    assert.equal(liked.data.like, 1);
    const listed = await w.list(0, { path: '/likes', sortBy: 'like_desc' });
    assert.equal(listed.data.data[0].like, 1);
    const many = (await w.request(0, 'GET', '/api/comment?type=count&url=/likes,/nothing')).json;
    assert.deepEqual(many.data, [1, 0]);
    const r1 = (await w.request(0, 'POST', '/api/article', { path: '/likes', type: 'reaction0' })).json;
    assert.deepEqual(r1.data, [{ reaction0: 1 }]);
    const r2 = (await w.request(1, 'POST', '/api/article', { path: '/likes', type: 'reaction0' })).json;
    assert.deepEqual(r2.data, [{ reaction0: 2 }]);
    const got = (await w.request(0, 'GET', '/api/article?path=/likes,/nothing&type=time,reaction0')).json;
    assert.deepEqual(got.data, [{ time: 0, reaction0: 2 }, { time: 0, reaction0: 0 }]);
  });

  test('refusals and CORS are as documented in the harness header', async () => {
    const body = { url: '/dup', comment: 'twice', nick: 'D' };
    assert.equal((await w.post(0, body)).errno, 0);
    assert.deepEqual(await w.post(1, body), { errno: 1000, errmsg: 'Duplicate Content' });
    assert.deepEqual(await w.list(0, {}), { errno: 1001, errmsg: { path: 'path can not be blank' } });
    assert.deepEqual(await w.post(0, { url: '/dup', nick: 'D' }), {
      errno: 1001,
      errmsg: { comment: 'comment can not be blank' },
    });
    const empty = await w.list(0, { path: '/never' });
    assert.deepEqual(empty.data, { page: 1, totalPages: 0, pageSize: 10, count: 0, data: [] });

    const origin = 'http://127.0.0.1:1';
    const get = await w.request(0, 'GET', '/api/comment?path=/dup', undefined, { origin });
    assert.equal(get.headers['access-control-allow-origin'], '*');
    const pre = await w.request(0, 'OPTIONS', '/api/comment/1', undefined, {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.match(pre.headers['access-control-allow-methods'], /PUT/);
    assert.match(pre.headers['access-control-allow-methods'], /POST/);
    assert.equal(pre.headers['access-control-allow-headers'], 'content-type');
  });
});
