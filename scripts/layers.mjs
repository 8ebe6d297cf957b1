// Fails on an import cycle between the modules of one of the workspace's crates (src/, the
// pure core, and each crate's src/ under crates/; one module per file, a directory's mod.rs
// is the directory's module). Between crates Cargo itself allows no cycle. An edge is a path in code (comments are
// left out) that names another module: `crate::a::b`, `super::x`, or `self::x` in a mod.rs.
// A module's paths to its own submodules (declaring and re-exporting them) are not edges,
// nor are those of its unit tests (`#[cfg(test)] mod tests`, last in a file).
// Prints the cycles found, or how many modules and edges it checked.
//
//   node scripts/layers.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const crates = join(root, 'crates');
const sources = [join(root, 'src'), ...readdirSync(crates).sort().map((c) => join(crates, c, 'src'))];

/** Every .rs file under src/ but the binaries, as [module path, file]. */
function modules(dir, prefix = []) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (prefix.length === 0 && name === 'bin') continue;
      out.push(...modules(path, [...prefix, name]));
    } else if (name.endsWith('.rs')) {
      const stem = name.slice(0, -3);
      const module = stem === 'mod' || (prefix.length === 0 && stem === 'lib') ? prefix : [...prefix, stem];
      out.push([module.join('::'), path]);
    }
  }
  return out;
}

/** Checks the modules of the crate whose sources are in `src`. */
function check(src) {
  const files = modules(src);
  const known = new Set(files.map(([m]) => m));
  /** The longest known module that `path` (segments) starts with. */
  const resolve = (segments) => {
    for (let n = segments.length; n > 0; n--) {
      const m = segments.slice(0, n).join('::');
      if (known.has(m)) return m;
    }
    return null;
  };
  const within = (inner, outer) => outer === '' || inner === outer || inner.startsWith(`${outer}::`);

  const edges = new Map(files.map(([m]) => [m, new Set()]));
  for (const [module, file] of files) {
    const isDir = file.endsWith('mod.rs') || file.endsWith('lib.rs');
    const text = readFileSync(file, 'utf8');
    const tests = text.search(/#\[cfg\(test\)\]\s*mod tests\b/);
    const code = (tests < 0 ? text : text.slice(0, tests)).split('\n').map((l) => l.replace(/\/\/.*$/, '')).join('\n');
    // `use a::{b, c::d}` groups are flattened into paths first.
    const paths = [];
    for (const m of code.matchAll(/\buse\s+([^;]+);/g)) {
      const expand = (prefix, body) => {
        const brace = body.indexOf('{');
        if (brace < 0) { paths.push(prefix + body.trim()); return; }
        const head = body.slice(0, brace);
        const inner = body.slice(brace + 1, body.lastIndexOf('}'));
        let depth = 0, start = 0;
        for (let i = 0; i <= inner.length; i++) {
          const c = inner[i];
          if (c === '{') depth++;
          if (c === '}') depth--;
          if ((c === ',' && depth === 0) || i === inner.length) {
            const part = inner.slice(start, i).trim();
            if (part) expand(prefix + head, part);
            start = i + 1;
          }
        }
      };
      expand('', m[1].replace(/\s+/g, ' '));
    }
    for (const m of code.matchAll(/\b(?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+/g)) paths.push(m[0]);
    const here = module === '' ? [] : module.split('::');
    const base = isDir ? here : here.slice(0, -1); // what `super` of a file and `self` of a mod.rs mean
    for (const path of paths) {
      const segments = path.split('::').map((s) => s.trim()).filter(Boolean);
      let target;
      if (segments[0] === 'crate') target = segments.slice(1);
      else if (segments[0] === 'super') {
        let at = isDir ? here.slice(0, -1) : base.slice();
        let i = 1;
        for (; segments[i] === 'super'; i++) at = at.slice(0, -1);
        target = [...at, ...segments.slice(i)];
      } else if (segments[0] === 'self') target = [...here, ...segments.slice(1)];
      else continue;
      const to = resolve(target) ?? (target.length === 0 ? '' : null);
      if (to === null || to === module || within(to, module)) continue;
      edges.get(module).add(to);
    }
  }

  // Tarjan's strongly connected components: a component of more than one module is a cycle.
  let index = 0;
  const stack = [], onStack = new Set(), idx = new Map(), low = new Map(), cycles = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1) cycles.push(component);
    }
  };
  for (const m of edges.keys()) if (!idx.has(m)) visit(m);

  const name = (m) => (m === '' ? 'lib' : m);
  if (cycles.length) {
    console.error(`layers: import cycles between the modules of ${relative(root, src)}:`);
    for (const c of cycles) {
      const set = new Set(c);
      console.error(`  ${c.map(name).join(', ')}`);
      for (const m of c) for (const t of edges.get(m)) if (set.has(t)) console.error(`    ${name(m)} -> ${name(t)}`);
    }
    process.exitCode = 1;
    return;
  }
  const count = [...edges.values()].reduce((n, s) => n + s.size, 0);
  console.log(`layers: ${relative(root, src)}: ${edges.size} modules, ${count} edges between them, no cycle`);
}

for (const src of sources) check(src);
