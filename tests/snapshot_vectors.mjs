// Runs the shared snapshot test vectors (tests/fixtures/snapshot-vectors.json) through the Node writer of the
// prepared file (runtime/node/snapshot_file.mjs) and the worker's own module (page/assets/snapshot-format.js,
// the code the browser runs), and prints what each gives, as JSON, for tests/test_snapshot_format.py to check.
// Also round-trips memory of the real sizes (64 KiB stretches, 64-byte blocks) with the default settings.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [vectorsPath, root] = process.argv.slice(2);
const vectors = JSON.parse(readFileSync(vectorsPath, "utf8"));
const { preparedFile } = await import(
  pathToFileURL(resolve(root, "plugins/guide_widgets/_internal/runtime/node/snapshot_file.mjs")).href);
// The worker's module is a browser module in a package Node reads as CommonJS: imported from its text.
const workerSource = readFileSync(
  resolve(root, "plugins/guide_widgets/_internal/page/assets/snapshot-format.js"), "utf8");
const format = await import(`data:text/javascript,${encodeURIComponent(workerSource)}`);

const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const hex = (array) => Buffer.from(array).toString("hex");
const refusal = (work) => {
  try {
    work();
    return null;
  } catch (error) {
    return error.message;
  }
};

const out = { kept: [], kept_refused: [], prepared: [], prepared_refused: [], round_trips: {} };
for (const vector of vectors.kept) {
  const { body, runs } = format.packSnapshot(bytes(vector.memory), vector.chunk);
  const unpacked = format.unpackSnapshot(bytes(vector.memory).length, vector.runs, bytes(vector.body));
  out.kept.push({ name: vector.name, runs, body: hex(body), unpacked: hex(unpacked) });
}
for (const vector of vectors.kept_refused) {
  out.kept_refused.push({ name: vector.name,
    refused: refusal(() => format.unpackSnapshot(vector.length, vector.runs, bytes(vector.body))) });
}
for (const vector of vectors.prepared) {
  const file = preparedFile(bytes(vector.snapshot), bytes(vector.base), vector.block);
  const filled = new Uint8Array(bytes(vector.snapshot).length);
  format.fillPrepared(bytes(vector.file), filled, bytes(vector.base));
  out.prepared.push({ name: vector.name, file: hex(file), filled: hex(filled) });
}
for (const vector of vectors.prepared_refused) {
  const filled = new Uint8Array(vector.told);
  const refused = refusal(() => format.fillPrepared(bytes(vector.file), filled, new Uint8Array(64)));
  out.prepared_refused.push({ name: vector.name, refused, untouched: filled.every((b) => b === 0) });
}

// Memory shaped like Python's: a header, the base with some words changed, empty stretches, and data far up.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
const base = Uint8Array.from({ length: 300_000 }, (_, i) => (i % 5000 < 2500 ? random() : 0));
const snapshot = new Uint8Array(1_000_000);
new DataView(snapshot.buffer).setUint32(4, 24, true);
snapshot.set(base, 24);
for (let i = 24; i < 300_024; i += 997) snapshot[i] ^= 0x5a;
for (let i = 700_000; i < 760_000; i++) snapshot[i] = random();
const kept = format.packSnapshot(snapshot);
out.round_trips.kept = hex(format.unpackSnapshot(snapshot.length, kept.runs, kept.body)) === hex(snapshot);
out.round_trips.kept_smaller = kept.body.length < snapshot.length;
const file = preparedFile(snapshot, base);
const filled = new Uint8Array(snapshot.length);
format.fillPrepared(file, filled, base);
out.round_trips.prepared = hex(filled) === hex(snapshot);
out.round_trips.prepared_smaller = file.length < snapshot.length / 4;
console.log(JSON.stringify(out));
