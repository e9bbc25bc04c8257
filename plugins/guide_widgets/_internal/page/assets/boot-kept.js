// The first way to start Python: restore the snapshot an earlier visit kept (snapshot-store.js). Its bytes
// are read while Pyodide's own files load; a snapshot that cannot be read or restored is dropped, and the
// next way is tried.

import { restored, startPython, timed } from "./boot.js";

/**
 * @param {import("./boot.js").Start} start
 * @param {{stdlib: string, bytes: Promise<Uint8Array>}} found the stored snapshot and the archive it needs
 */
export async function bootKept({ module, message, archive }, found) {
  // Pyodide takes the bytes as a promise: it fetches and compiles the rest while they are read. A bad
  // snapshot rejects through loadPyodide.
  const py = await timed("python", startPython(module, { ...message, stdlib: found.stdlib },
    { _loadSnapshot: found.bytes }));
  return restored(py, archive);
}
