// The Isso harness (tests/e2e/isso.mjs) against the real server: threads and replies,
// moderation, the rate-limit guard, CORS, restart on the same port and db, and stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startIsso } from './isso.mjs';

const PAGE = 'http://127.0.0.1:45678';          // a page origin the tests pretend to come from
const URI = '/www/articles/kaspersky-reputation';

test('seeded comments and a reply come back as a nested thread, with CORS for listed origins only', async (t) => {
  const isso = await startIsso({ origins: [PAGE, 'http://localhost:45678'] });
  t.after(() => isso.stop());
  assert.match(isso.url, /^http:\/\/127\.0\.0\.1:\d+$/);

  const empty = await fetch(`${isso.url}/?uri=${encodeURIComponent('/nothing-here')}`);
  assert.equal(empty.status, 200, 'an unknown thread is 200, not 404');
  const emptyBody = await empty.json();
  assert.deepEqual({ ...emptyBody, config: undefined }, { id: null, total_replies: 0, hidden_replies: 0, replies: [], config: undefined });

  const [a, b, reply] = await isso.seed(URI, [
    { text: 'First, with *emphasis*.', author: 'Ann', website: 'example.org' },
    { text: 'Second comment.' },
    { text: 'A reply to the first.', author: 'Bo', replyTo: 0 },
  ]);
  assert.deepEqual([a, b, reply], [1, 2, 3]);

  const thread = await isso.thread(URI);
  assert.equal(thread.total_replies, 3);
  assert.deepEqual(thread.replies.map((c) => [c.id, c.parent, c.replies.map((r) => [r.id, r.parent])]), [
    [a, null, [[reply, a]]],
    [b, null, []],
  ]);
  const first = thread.replies[0];
  assert.equal(first.text, '<p>First, with <em>emphasis</em>.</p>');
  assert.equal(first.author, 'Ann');
  assert.equal(first.website, 'http://example.org');
  assert.equal(first.mode, 1);
  assert.equal(first.total_replies, 1);
  assert.equal(typeof first.created, 'number');
  assert.equal('email' in first, false);
  assert.equal(thread.replies[1].author, null);

  // Isso nests one level only: a reply to a reply hangs under the top-level comment.
  const [deep] = await isso.seed(URI, [{ text: 'Reply to the reply.', parent: reply }]);
  const again = await isso.thread(URI);
  assert.deepEqual(again.replies[0].replies.map((r) => [r.id, r.parent]), [[reply, a], [deep, a]]);

  // CORS: the listed origin is echoed; any other is answered with the first listed one.
  const listed = await fetch(`${isso.url}/?uri=${URI}`, { headers: { origin: 'http://localhost:45678' } });
  assert.equal(listed.headers.get('access-control-allow-origin'), 'http://localhost:45678');
  assert.equal(listed.headers.get('access-control-allow-credentials'), 'true');
  assert.equal(listed.headers.get('access-control-expose-headers'), 'X-Set-Cookie, Date');
  const other = await fetch(`${isso.url}/?uri=${URI}`, { headers: { origin: 'http://127.0.0.1:45679' } });
  assert.equal(other.headers.get('access-control-allow-origin'), PAGE);

  // A new comment: 201, its cookie twice, and a new thread needs a title when Isso cannot fetch the page.
  const created = await isso.post(URI, { text: 'One more.' });
  assert.equal(created.status, 201);
  assert.match(created.headers.get('x-set-cookie'), new RegExp(`^isso-${created.body.id}=`));
  const untitled = await isso.post('/no-such-page', { text: 'First!' });
  assert.equal(untitled.status, 400);
  assert.match(untitled.body, /no title was provided/);
});

test('with moderation a new comment is 202, hidden until activated, and can be deleted', async (t) => {
  const isso = await startIsso({ moderation: true, origins: [PAGE] });
  t.after(() => isso.stop());
  const r = await isso.post(URI, { text: 'Please moderate me.', title: 'Kaspersky' });
  assert.equal(r.status, 202);
  assert.equal(r.body.mode, 2);
  assert.equal((await isso.thread(URI)).replies.length, 0, 'not listed publicly');
  assert.equal((await isso.thread(URI)).total_replies, 0, 'not counted either');

  assert.equal(await isso.moderate(r.body.id, 'activate'), 'Comment has been activated');
  assert.deepEqual((await isso.thread(URI)).replies.map((c) => [c.id, c.mode]), [[r.body.id, 1]]);
  assert.equal(await isso.moderate(r.body.id, 'delete'), 'Comment has been deleted');
  assert.equal((await isso.thread(URI)).replies.length, 0);

  const bad = await fetch(`${isso.url}/id/${r.body.id}/activate/not-a-key`, { method: 'POST' });
  assert.equal(bad.status, 403);
});

test('the guard answers the third comment within a minute with 403 and a message', async (t) => {
  const isso = await startIsso({ guard: true, origins: [PAGE] });
  t.after(() => isso.stop());
  await isso.seed(URI, [{ text: 'one comment' }, { text: 'two comments' }]);
  const r = await isso.post(URI, { text: 'three comments' });
  assert.equal(r.status, 403);
  assert.match(r.body.message, /^403 Forbidden: 127\.0\.0\.0: ratelimit exceeded \(1, 2\)$/);
  assert.equal(r.headers.get('retry-after'), null);
  await assert.rejects(isso.seed(URI, [{ text: 'four comments' }]), /403/);
});

test('restart keeps the data on the same port; stop makes the port refuse connections', async (t) => {
  const isso = await startIsso({ origins: [PAGE] });
  t.after(() => isso.stop());
  const { port, url } = isso;
  await isso.seed(URI, [{ text: 'Before the restart.' }, { text: 'Also before.', replyTo: 0 }]);
  await isso.restart();
  assert.equal(isso.port, port);
  assert.equal(isso.url, url);
  const thread = await isso.thread(URI);
  assert.equal(thread.total_replies, 2);
  assert.deepEqual(thread.replies.map((c) => c.replies.length), [1]);

  await isso.stop();
  await assert.rejects(fetch(`${url}/?uri=${URI}`), (e) => e.cause?.code === 'ECONNREFUSED');
});

test('an explicit port that is taken fails with a clear error', async (t) => {
  const isso = await startIsso();
  t.after(() => isso.stop());
  await assert.rejects(startIsso({ port: isso.port }), /already in use/);
});
