// js/fetch.js, the request edge both modules share, run in Node (no browser needed): how
// it hands an answer to the wasm. `settle` reads a response as `request` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settle } from '../../crates/web/js/fetch.js';

const answer = (headers, body = '') => settle(Promise.resolve(new Response(body, { status: 429, headers })));
const header = ([, headers], name) => headers[headers.indexOf(name) + 1];

test('an answer is read as [status, [name, value, ...], body]', async () => {
  const read = await answer({ 'X-Thing': 'a' }, 'slow down');
  assert.equal(read[0], 429);
  assert.equal(header(read, 'x-thing'), 'a');
  assert.equal(read[2], 'slow down');
});

test('Retry-After: seconds pass as they are, an HTTP date becomes seconds from the answer\'s own Date', async () => {
  const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
  const cases = [
    [{ 'retry-after': '120' }, '120'],
    [{ 'retry-after': 'soon' }, 'soon'],
    [{ 'retry-after': '-5' }, '-5'],
    [{ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT', date }, '30'],
    [{ 'retry-after': 'Wed, 21 Oct 2015 09:28:00 GMT ', date }, '7200'],
    // Already past: no wait. No Date to measure from, or not a date: nothing the wasm reads.
    [{ 'retry-after': 'Wed, 21 Oct 2015 07:00:00 GMT', date }, '0'],
    [{ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' }, 'NaN'],
    [{ 'retry-after': 'Wed, 99 Foo 2015 07:28:30 GMT', date }, 'NaN'],
  ];
  for (const [headers, seconds] of cases) {
    assert.equal(header(await answer(headers), 'retry-after'), seconds, JSON.stringify(headers));
  }
});
