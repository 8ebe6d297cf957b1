// The hostile-input suite's guard, a classic script in the head: it runs before the parser
// reaches the body (and so before any pre-rendered markup of an HTML-first page exists).
// It replaces every API a successful injection would call with a recorder, and counts
// writes to window.__folioXSS, which every hostile payload performs (or parent.__folioXSS
// from a frame). pages/hostile.js reads window.hostileGuard.
(() => {
  const calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    const record = function (...args) {
      calls.push({ name, arg: String(args[0] ?? '').slice(0, 200), stack: String(new Error().stack).slice(0, 600) });
      return name === 'confirm' ? false : null;
    };
    Object.defineProperty(window, name, { value: record, writable: false, configurable: false });
  }
  let flag = 0;
  Object.defineProperty(window, '__folioXSS', {
    get: () => flag || undefined,
    set: () => { flag += 1; calls.push({ name: '__folioXSS', arg: String(flag), stack: String(new Error().stack).slice(0, 600) }); },
    configurable: false,
  });
  Object.defineProperty(window, 'hostileGuard', { value: Object.freeze({ calls, executions: () => flag }), writable: false, configurable: false });
})();
