// A reference implementation of HOST-ABI.md in Node.js: runs a wasm32-wasip1 (or wasm32-unknown-unknown)
// module with the `wasm_host` imports, so the ABI can be checked without the project's runner.
// Usage: node crates/wasm/tools/reference_host.mjs module.wasm [args...]
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [path, ...args] = process.argv.slice(2);
let memory;
const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr, len);
const text = (ptr, len) => new TextDecoder().decode(bytes(ptr, len));

// One slot per handle; handle 0 is null and never allocated; freed slots are reused.
const slots = [null];
const free = [];
function insert(object) {
  const handle = free.length > 0 ? free.pop() : slots.length;
  slots[handle] = { object };
  return handle;
}
function lookup(handle) {
  if (handle === 0) return null;
  const slot = slots[handle];
  if (!slot) throw new Error(`invalid ExternRef handle ${handle}`);
  return slot.object;
}

const wasm_host = {
  print: (ptr, len) => process.stdout.write(bytes(ptr, len)),
  externref_clone: (handle) => (handle === 0 ? 0 : insert(lookup(handle))),
  externref_drop: (handle) => {
    lookup(handle);
    slots[handle] = undefined;
    free.push(handle);
  },
  // The example objects of externref_host.rs.
  make_object: (ptr, len) => insert({ name: text(ptr, len), touches: 0 }),
  touch: (handle) => ++lookup(handle).touches,
  describe: (handle, ptr, len) => {
    const object = lookup(handle);
    const encoded = new TextEncoder().encode(object === null ? 'null' : `${object.name}(touches=${object.touches})`);
    bytes(ptr, len).set(encoded.subarray(0, Math.min(len, encoded.length)));
    return encoded.length;
  },
  same_object: (a, b) => (lookup(a) === lookup(b) ? 1 : 0),
};

const wasi = new WASI({ version: 'preview1', args: [path, ...args], returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(path));
const instance = await WebAssembly.instantiate(module, { wasm_host, wasi_snapshot_preview1: wasi.wasiImport });
memory = instance.exports.memory;
process.exitCode = instance.exports._start ? wasi.start(instance) : 0;
if (process.env.REFERENCE_HOST_LIVE_HANDLES) {
  process.stderr.write(`live handles at exit: ${slots.filter((slot) => slot).length}\n`);
}
