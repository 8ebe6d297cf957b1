// `fetch` for crates/web/src/dom/fetch.rs, which describes the request and reads the answer (and the
// wait between retries): the
// controller, the timer, the caller's signal and the reading of the response are done here,
// once, instead of in every wasm function that awaits a request. Also the two promise
// helpers of crates/web/src/dom/mod.rs (`settled`, `handled`). wasm-bindgen copies this
// file to pkg/snippets/*/js/; scripts/minify.mjs writes it into both glues.

/** A `Retry-After` value that is an HTTP date (`Wed, 21 Oct 2015 07:28:30 GMT`) as the
 * seconds from the answer's own `Date` (so this machine's clock does not matter), by the
 * browser's date parser; 'NaN' when there is no such `Date`. Any other value as it is. */
const retryAfter = (value, date) =>
  / GMT$/.test(value.trim()) ? String(Math.max(0, (Date.parse(value) - Date.parse(date)) / 1000)) : value;

/** `[status, [name, value, name, value, ...] (names lower-case), body text]` of a
 * response, `Retry-After` in seconds: a body that fails to arrive (the connection dropped,
 * the timeout) is ''. */
const read = async (response) => {
  const headers = [];
  const date = response.headers.get('date');
  response.headers.forEach((value, name) => headers.push(name, name == 'retry-after' ? retryAfter(value, date) : value));
  let body = '';
  try {
    body = await response.text();
  } catch {
    // The status has arrived: the caller must still know what the server said.
  }
  return [response.status, headers, body];
};

/** Sends a request (`headers`: name, value, name, value, ...; `credentials`: send and
 * accept cookies cross-origin), aborted after `timeout` ms or when `signal` aborts; the
 * answer as `read` gives it. Rejects when there is no HTTP answer at all. */
export const request = (method, url, headers, body, credentials, signal, timeout) => {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeout);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort);
  const answer = (async () => {
    if (controller.signal.aborted) throw new Error('aborted');
    const init = { method, signal: controller.signal };
    if (credentials) init.credentials = 'include';
    if (body !== undefined) init.body = body;
    if (headers.length) {
      init.headers = new Headers();
      for (let i = 0; i < headers.length; i += 2) init.headers.append(headers[i], headers[i + 1]);
    }
    return read(await fetch(url, init));
  })();
  return answer.finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  });
};

/** Resolves after `ms` milliseconds, or at once when `signal` aborts (the timer is
 * cleared): the wait between two attempts of a request. `sleep(0)` and `sleep(1)` let the
 * page run between two slices of work, in a task of their own (no 4 ms clamp as for nested
 * timers): `sleep(0)` through `scheduler.postTask`, queued behind the page's own tasks,
 * timers and rendering; `sleep(1)` through `scheduler.yield`, which lets input and
 * rendering that are due go first and then goes on ahead of the page's other tasks. */
export const sleep = (ms, signal, s = globalThis.scheduler) => (ms < 2 && s?.postTask ? (ms && s.yield ? s.yield() : s.postTask(() => {})) : new Promise((resolve) => {
  const done = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', done);
    resolve();
  };
  const timer = setTimeout(done, ms);
  signal?.addEventListener('abort', done);
}));

/** Reads a request someone else made (`response`, the promise `fetch()` returned), as
 * `request` does. */
export const settle = (response) => response.then(read);

/** Calls `f(true, value)` or `f(false, error)` once `promise` settles: the promise of what
 * `f` returns (or throws). Work in the wasm that waits for one value goes through here, a
 * callback instead of a compiled future. */
export const settled = (promise, f) => Promise.resolve(promise).then((v) => f(true, v), (e) => f(false, e));

/** Marks `promise` handled, so that a rejection nobody observes is not an "uncaught"
 * error in the host's console; `.catch()` and `await` still see it. */
export const handled = (promise) => {
  promise.catch(() => {});
};
