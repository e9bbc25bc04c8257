// The prepared file's writer (its form: runtime/snapshot_format.md; its reader: page/assets/snapshot-format.js,
// and runtime/snapshot.py's read_snapshot). Pure: bytes in, bytes out, checked on the shared test vectors.

export const PREPARED_MAGIC = "GWPYSNP1";

/**
 * The prepared file for `snapshot` (Pyodide's memory snapshot: its header, then the memory), leaving out what
 * the worker has anyway: zeros, and below the base's end, `base`, the runtime's freshly instantiated memory.
 * Runs are of whole `block`s of bytes.
 * @param {Uint8Array} snapshot
 * @param {Uint8Array} base
 * @param {number} [block]
 */
export function preparedFile(snapshot, base, block = 64) {
  // Pyodide's snapshot is its own header, then the memory: the base sits after the header.
  const header = new DataView(snapshot.buffer, snapshot.byteOffset, 8).getUint32(4, true);
  let baseEnd = base.length;
  while (baseEnd > 0 && base[baseEnd - 1] === 0) baseEnd--;
  const baseAt = (i) => (i >= header && i - header < baseEnd ? base[i - header] : 0);

  const runs = [];
  let total = 0;
  for (let start = 0; start < snapshot.length; start += block) {
    const end = Math.min(start + block, snapshot.length);
    let same = true;
    for (let i = start; i < end; i++) {
      if (snapshot[i] !== baseAt(i)) {
        same = false;
        break;
      }
    }
    if (same) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === start) last[1] = end;
    else runs.push([start, end]);
    total += end - start;
  }

  const head = new DataView(new ArrayBuffer(4 * (3 + 2 * runs.length)));
  head.setUint32(0, snapshot.length, true);
  head.setUint32(4, header + baseEnd, true);
  head.setUint32(8, runs.length, true);
  runs.forEach(([start, end], i) => {
    head.setUint32(12 + 8 * i, start, true);
    head.setUint32(16 + 8 * i, end, true);
  });
  const file = new Uint8Array(8 + head.byteLength + total);
  file.set(new TextEncoder().encode(PREPARED_MAGIC), 0);
  file.set(new Uint8Array(head.buffer), 8);
  let at = 8 + head.byteLength;
  for (const [start, end] of runs) {
    file.set(snapshot.subarray(start, end), at);
    at += end - start;
  }
  return file;
}
