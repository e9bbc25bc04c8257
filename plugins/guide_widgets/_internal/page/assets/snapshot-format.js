// The two forms Python's memory is kept in, as pure functions on bytes (no cache, no network): the kept
// snapshot a visit stores for the next one, and the Python made ready at build time. Both forms are described
// once, in runtime/snapshot_format.md, and checked on shared test vectors (tests/fixtures/snapshot-vectors.json)
// by the Python, Node and browser sides alike.

/** The kept snapshot's stretch: only stretches that hold something are stored. */
export const CHUNK = 65536;
/** The first eight bytes of the prepared file. */
export const PREPARED_MAGIC = "GWPYSNP1";

/**
 * @param {Uint8Array} bytes
 * @param {number} start
 * @param {number} end
 */
function isEmpty(bytes, start, end) {
  if ((bytes.byteOffset + start) % 4 === 0 && (end - start) % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 4);
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  }
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * A memory snapshot as it is kept: the stretches of `chunk` bytes that hold something, one after another
 * (`body`), and where each run of them goes (`runs`, "start-end,...").
 * @param {Uint8Array} bytes
 * @param {number} [chunk]
 */
export function packSnapshot(bytes, chunk = CHUNK) {
  /** @type {[number, number][]} */
  const runs = [];
  let total = 0;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    if (isEmpty(bytes, start, end)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === start) last[1] = end;
    else runs.push([start, end]);
    total += end - start;
  }
  // One buffer, not a Blob of the runs: WebKit stores a Blob of many parts about eight times slower.
  const body = new Uint8Array(total);
  let at = 0;
  for (const [start, end] of runs) {
    body.set(bytes.subarray(start, end), at);
    at += end - start;
  }
  return { body, runs: runs.map((run) => run.join("-")).join(",") };
}

/**
 * The memory a kept snapshot holds, `length` bytes long; throws on one that does not add up.
 * @param {number} length
 * @param {string} runsText
 * @param {Uint8Array} body
 */
export function unpackSnapshot(length, runsText, body) {
  const runs = runsText.split(",").filter(Boolean).map((run) => run.split("-").map(Number));
  let at = 0;
  let used = 0;
  const bytes = new Uint8Array(length > 0 ? length : 0);
  for (const [start, end] of runs) {
    if (!(start >= 0 && end > start && end <= length) || at + end - start > body.length) break;
    bytes.set(body.subarray(at, at + end - start), start);
    at += end - start;
    used += 1;
  }
  if (!(length > 0) || used !== runs.length || at !== body.length || bytes.length !== length) {
    throw new Error("the stored snapshot is incomplete");
  }
  return bytes;
}

/**
 * Puts the prepared file's runs into `bytes` (the snapshot, as long as the page was told), and the bytes it
 * left out from `memory`, the runtime's freshly instantiated memory. Throws on a file of another form or
 * length, leaving `bytes` as it was found: all zeros, which Pyodide refuses to restore.
 * @param {Uint8Array} file
 * @param {Uint8Array} bytes
 * @param {Uint8Array} memory
 */
export function fillPrepared(file, bytes, memory) {
  if (new TextDecoder().decode(file.subarray(0, 8)) !== PREPARED_MAGIC || file.length < 20) {
    throw new Error("the prepared Python is not one");
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const [length, baseEnd, count] = [view.getUint32(8, true), view.getUint32(12, true), view.getUint32(16, true)];
  /** @type {[number, number, number][]} */
  const runs = [];
  let at = 20 + 8 * count;
  let previous = 0;
  for (let i = 0; i < count && at <= file.length; i++) {
    const [start, end] = [view.getUint32(20 + 8 * i, true), view.getUint32(24 + 8 * i, true)];
    if (!(start >= previous && end > start && end <= length)) break;
    runs.push([start, end, at]);
    at += end - start;
    previous = end;
  }
  if (length !== bytes.length || runs.length !== count || at !== file.length || baseEnd > length) {
    throw new Error("the prepared Python is incomplete or made for another page");
  }
  for (const [start, end, from] of runs) bytes.set(file.subarray(from, from + end - start), start);
  // Pyodide's own header comes first; the memory after it. What no run holds below baseEnd is the runtime's.
  const header = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  let gap = header;
  for (const [start, end] of [...runs, [length, length]]) {
    const to = Math.min(start, baseEnd);
    if (to > gap) bytes.set(memory.subarray(gap - header, to - header), gap);
    gap = Math.max(gap, end);
  }
}
