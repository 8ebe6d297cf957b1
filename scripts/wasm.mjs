// Reading and writing the WebAssembly binary format, for the build scripts that rewrite
// what wasm-bindgen and wasm-opt wrote (minify.mjs, shims.mjs, layout.mjs).

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}

/** Encodes an unsigned LEB128 number. */
export function encodeLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** Where an import's description (after its kind byte, which is at `at - 1`) ends. */
export function descriptionEnd(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** A module's sections, in order: id, where the section starts and ends, where its
 *  content starts. */
export function sections(bytes) {
  const out = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    const [size, content] = leb(bytes, at + 1);
    at = content + size;
    out.push({ id, start, content, end: at });
  }
  return out;
}

/** Whether a section is the custom section `name`. */
export function isCustom(bytes, section, name) {
  if (section.id !== 0) return false;
  const [length, at] = leb(bytes, section.content);
  return bytes.toString('utf8', at, at + length) === name;
}
