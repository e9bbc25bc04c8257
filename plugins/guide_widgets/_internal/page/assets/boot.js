// What every way of starting Python shares (boot-kept.js, boot-prepared.js, boot-plain.js): importing the
// runtime, starting Python with this site's files, importing the widget logic, timing each step, and turning
// the runtime's failures, some of which it only reports out of band, into one failed attempt.

export const LOGIC_DIR = "/home/pyodide/widgets";

/** @typedef {(request: string) => string} Evaluate the logic's evaluate_json: a question in JSON, its answer in JSON */
/** @typedef {"runtime" | "snapshot" | "read" | "prepared" | "fill" | "python" | "logic"} Step a timed step of a boot */
/**
 * The pinned Pyodide's API, as far as it is used here.
 * @typedef {object} Pyodide
 * @property {(code: string) => unknown} runPython
 * @property {(buffer: ArrayBuffer, format: string, options: {extractDir: string}) => void} unpackArchive
 * @property {(name: string) => Record<string, unknown>} pyimport a Python module's names
 * @property {() => Uint8Array} makeMemorySnapshot
 * @property {{HEAP8: Int8Array}} _module the runtime
 */
/**
 * The runtime module (pyodide.mjs).
 * @typedef {object} PyodideModule
 * @property {string} version
 * @property {(options: object) => Promise<Pyodide>} loadPyodide
 */
/**
 * Pyodide's private snapshot options (see worker.js), and the module constructor's settings and runtime as far
 * as boot-prepared.js uses them.
 * @typedef {{_loadSnapshot?: Uint8Array | Promise<Uint8Array>, _makeSnapshot?: boolean, createPyodideModule?: (settings: ModuleSettings) => unknown}} SnapshotOptions
 * @typedef {{preRun: ((runtime: Runtime) => void)[]}} ModuleSettings
 * @typedef {{addRunDependency(id: string): void, removeRunDependency(id: string): void, HEAPU8: Uint8Array}} Runtime
 */
/**
 * What a way of starting Python is given: the runtime module, the page's boot message, the logic archive on
 * its way, and how to keep a snapshot for the next visit (null where none can be kept).
 * @typedef {object} Start
 * @property {PyodideModule} module
 * @property {BootMessage} message
 * @property {Promise<ArrayBuffer>} archive
 * @property {((stdlib: string, bytes: Uint8Array) => void) | null} keep
 */

/** @type {BootTimings} How long each boot step took, in ms: reported with "ready" for the benchmark. */
export const timings = {};

/**
 * @template T
 * @param {Step} name
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
export function timed(name, promise) {
  const start = performance.now();
  return Promise.resolve(promise).finally(() => {
    timings[name] = Math.round(performance.now() - start);
  });
}

/**
 * A failure the page explains to the reader in their language, by its code; the detail is for developers.
 * @param {string} code
 * @param {string} detail
 */
export function problem(code, detail) {
  return Object.assign(new Error(`${code}: ${detail}`), { code });
}

/** @param {unknown} error anything thrown: an Error, Pyodide's PythonError, or what a promise was rejected with */
export function lastLine(error) {
  const lines = String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error)
    .trim().split("\n");
  return lines[lines.length - 1];
}

/**
 * A promise awaited later, not now: marked as handled so that an early failure is not reported as unhandled
 * (and taken for a failed boot); whoever awaits it still gets the error.
 * @template T
 * @param {Promise<T>} promise
 */
export function later(promise) {
  promise.catch(() => {});
  return promise;
}

/**
 * The attempts at starting Python, one at a time. Pyodide loses some failures (a blocked .wasm download, for
 * one) in promises nobody awaits, or reports them only by a warning: `fail` hands such a failure to the
 * attempt under way, instead of leaving a wait that never ends; one that comes before the first attempt
 * (while the runtime module is still being imported, on a busy device) fails that attempt when it starts.
 */
export class Attempts {
  constructor() {
    /** @type {((failure: Error) => void) | null} */
    this.current = null;
    this.booting = false;
    this.started = false;
    /** @type {Error | null} */
    this.missed = null;
  }

  /** @param {Error} failure */
  fail(failure) {
    if (this.current) this.current(failure);
    else if (this.booting && !this.started) this.missed ??= failure;
  }

  /**
   * @template T
   * @param {() => Promise<T>} work
   * @returns {Promise<T>}
   */
  run(work) {
    this.started = true;
    return /** @type {Promise<T>} */ (new Promise((resolve, reject) => {
      if (this.missed) {
        reject(this.missed);
        this.missed = null;
        return;
      }
      this.current = reject;
      work().then(resolve, reject);
    })).finally(() => {
      this.current = null;
    });
  }
}

/**
 * @param {string} base
 * @param {string} version
 * @returns {Promise<PyodideModule>}
 */
export async function importRuntime(base, version) {
  /** @type {PyodideModule} */
  let module;
  try {
    module = await import(new URL("pyodide.mjs", base).href);
  } catch (error) {
    throw problem("files", "pyodide.mjs could not be imported");
  }
  if (module.version !== version) {
    throw problem("version", `the site has Pyodide ${module.version}, but this page was built for ${version}`);
  }
  return module;
}

/**
 * @param {PyodideModule} module
 * @param {BootMessage} message
 * @param {SnapshotOptions} options
 */
export async function startPython(module, { pyodide: base, lock, stdlib: archive }, options) {
  try {
    return await module.loadPyodide({
      indexURL: base,
      // The reduced archive the build made for this logic (stdlib.py), or Pyodide's full one.
      stdLibURL: new URL(archive, base).href,
      // The lock file's facts come with the page: no package is ever fetched, so no index is needed.
      lockFileContents: JSON.stringify({ info: lock, packages: {} }),
      stdout: () => {},
      stderr: () => {},
      ...options,
    });
  } catch (error) {
    throw problem("runtime", lastLine(error));
  }
}

/** @param {string} logic */
export async function fetchLogic(logic) {
  const response = await fetch(logic, { credentials: "same-origin" });
  if (!response.ok) {
    throw problem("logic", `HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

/**
 * @param {Pyodide} py
 * @param {Promise<ArrayBuffer>} archive
 */
export async function importLogic(py, archive) {
  timings.heap = py._module.HEAP8.length; // Python's memory, in bytes: for the benchmark
  py.unpackArchive(await archive, "zip", { extractDir: LOGIC_DIR });
  py.runPython(`import sys\nif '${LOGIC_DIR}' not in sys.path: sys.path.insert(0, '${LOGIC_DIR}')`);
  return /** @type {Evaluate} */ (py.pyimport("guide_widgets.logic").evaluate_json);
}

/**
 * A restored Python's logic, once it is known to answer. Pyodide checks the snapshot's magic number and build
 * id; this checks that Python really works. Its random numbers are seeded afresh: a snapshot carries the state
 * of the Python it was made in.
 * @param {Pyodide} py
 * @param {Promise<ArrayBuffer>} archive
 */
export async function restored(py, archive) {
  const answer = await timed("logic", importLogic(py, archive));
  if (py.runPython("sum(range(5))") !== 10 || typeof answer !== "function") {
    throw new Error("the restored Python did not answer as expected");
  }
  py.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
  return answer;
}
