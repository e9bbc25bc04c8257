// The second way to start Python, on a first visit the page offers it to: restore the Python made ready at
// build time (snapshot.py, snapshot_make.mjs). Its file holds only what differs from the runtime's freshly
// instantiated memory, which is filled in (snapshot-format.js) just before Python is restored. A Python
// restored from it is kept for the next visit as a plain boot's is.

import { restored, startPython, timed } from "./boot.js";
import { fillPrepared } from "./snapshot-format.js";

/**
 * The prepared file, unpacked (the host sends it gzipped as it is; the browser unpacks it).
 * @param {string} url
 */
export async function fetchPrepared(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw new Error(`the prepared Python: HTTP ${response.status}`);
  const unpacked = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

/**
 * @param {import("./boot.js").Start} start
 * @param {PreparedPython} prepared
 * @param {Promise<Uint8Array>} download the prepared file, on its way
 */
export async function bootPrepared({ module, message, archive, keep }, prepared, download) {
  const bytes = new Uint8Array(prepared.memory);
  const { default: createModule } = await import(new URL("pyodide.asm.mjs", message.pyodide).href);
  /** @type {unknown} */
  let problemFound = null;
  // Pyodide sizes the memory by the bytes it is given, and copies them in once the runtime is instantiated
  // and its files are in place: the step added here fills them in just before, while the file may still be
  // arriving (Pyodide waits for it).
  /** @param {import("./boot.js").ModuleSettings} settings */
  const createPyodideModule = (settings) => {
    settings.preRun = [...settings.preRun, (runtime) => {
      runtime.addRunDependency("guide-widgets-prepared");
      download
        .then((file) => timed("fill", Promise.resolve().then(() => fillPrepared(file, bytes, runtime.HEAPU8))))
        .catch((error) => {
          problemFound = error;
        })
        .finally(() => runtime.removeRunDependency("guide-widgets-prepared"));
    }];
    return createModule(settings);
  };
  let py;
  try {
    py = await timed("python", startPython(module, { ...message, stdlib: prepared.stdlib }, {
      _loadSnapshot: bytes, createPyodideModule,
    }));
  } catch (error) {
    throw problemFound || error;
  }
  const answer = await restored(py, archive);
  if (keep) keep(prepared.stdlib, bytes);
  return answer;
}
