// The one place Python runs: boots Pyodide from the site itself, unpacks the widget logic, answers requests.
// Messages in:  {type: "boot", pyodide, logic, version, lock, stdlib, reduced, snapshotCache, prepared}
//               {type: "run", id, request}
// Messages out: {type: "ready", boot: "snapshot" | "prepared" | "plain", timings}
//               {type: "reply", id, result} or {type: "reply", id, error}: the answer to one "run"
//               {type: "failed", code, message}: this worker is done. `code` says why, for the page to explain
//                 or act on: "stdlib" (the logic imported a module the reduced standard library lacks: the
//                 page starts a worker with the full one, see stdlib.py), "crashed" (Python broke after it
//                 was ready: the page starts a new one), or a reason the reader is told (files, runtime, ...)
//               {type: "snapshot-done", stored: boolean, message}: for the benchmark and the tests
//
// Repeat visits start from a memory snapshot: a plain boot, once the widget logic is imported and before it
// answers any request, copies Python's memory and keeps it in the browser's Cache Storage, in this site's own
// cache (`snapshotCache`, named with the site's path, see storage.py). No reader input has reached Python
// then, so the copy holds none. The snapshot is keyed by the Pyodide version, the logic archive and the
// standard-library archive (their names carry their hashes), checked before use, and any failure to read or
// restore it falls back to a plain boot and drops it.
// A first visit restores the Python made ready at build time (`prepared`: snapshot.py, snapshot_make.mjs)
// when the page offers it: the file holds only what differs from the runtime's freshly instantiated memory,
// which is filled in from that memory before Python is restored. A Python restored from it is kept for the
// next visit as a plain boot's is; any failure to fetch, unpack or restore it falls back to a plain boot.
//
// Pyodide's snapshot options (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are private API of the
// pinned version, as is handing it the module constructor (createPyodideModule) to add a step before Python
// is restored: the build refuses any other version, and the browser tests cover every path.

const LOGIC_DIR = "/home/pyodide/widgets";

/** @typedef {(request: string) => string} Evaluate the logic's evaluate_json: a question in JSON, its answer in JSON */
/** @typedef {BootMessage & {prepared: PreparedPython}} PreparedBoot a boot with the Python made ready at build time */
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
 * Pyodide's private snapshot options (see above), and the module constructor's settings and runtime as far as
 * bootPrepared uses them.
 * @typedef {{_loadSnapshot?: Uint8Array | Promise<Uint8Array>, _makeSnapshot?: boolean, createPyodideModule?: (settings: ModuleSettings) => unknown}} SnapshotOptions
 * @typedef {{preRun: ((runtime: Runtime) => void)[]}} ModuleSettings
 * @typedef {{addRunDependency(id: string): void, removeRunDependency(id: string): void, HEAPU8: Uint8Array}} Runtime
 */

// Pyodide loses some failures (a blocked .wasm download, for one) in promises nobody awaits. While Python
// is starting, such a rejection fails the current attempt, instead of leaving a wait that never ends; one that
// comes before the first attempt (while the runtime module is still being imported, on a busy device) fails it.
/** @type {((failure: Error) => void) | null} */
let failAttempt = null;
let attempted = false;
/** @type {Error | null} */
let missed = null;
/** @param {Error} failure */
function failBoot(failure) {
  if (failAttempt) failAttempt(failure);
  else if (booting && !attempted) missed ??= failure;
}

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  failBoot(problem("runtime", lastLine(event.reason)));
});

// The pinned Pyodide reports a .wasm it could not fetch or compile only by a warning, "wasm instantiation
// failed!", and then waits for ever (which of the two ways a blocked .wasm takes depends on timing): while
// Python is starting, that warning fails the attempt too.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  warn(...args);
  if (/^wasm instantiation failed/.test(String(args[0]))) {
    failBoot(problem("runtime", "the WebAssembly runtime could not be fetched or compiled"));
  }
};

/**
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
function attempt(work) {
  attempted = true;
  return /** @type {Promise<T>} */ (new Promise((resolve, reject) => {
    if (missed) {
      reject(missed);
      missed = null;
      return;
    }
    failAttempt = reject;
    work().then(resolve, reject);
  })).finally(() => {
    failAttempt = null;
  });
}

/** @type {Promise<BootWay> | null} */
let booting = null;
/** @type {ReturnType<typeof storeSnapshot> | null} */
let storing = null; // the snapshot being kept for the next visit, after a plain boot
/** @type {Evaluate | null} */
let evaluate = null;
/** @type {BootTimings} */
const timings = {}; // how long each boot step took, in ms: reported with "ready" for the benchmark

// How long the runtime's WebAssembly took to arrive, from the worker's own resource timing (the benchmark
// reads it beside "python", which also holds compiling it and starting Python).
function downloadTime() {
  const entry = /** @type {PerformanceResourceTiming | undefined} */ (performance.getEntriesByType("resource")
    .find((e) => e.name.endsWith("pyodide.asm.wasm")));
  return entry ? Math.round(entry.responseEnd - entry.startTime) : undefined;
}

/**
 * @template T
 * @param {Step} name
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function timed(name, promise) {
  const start = performance.now();
  return Promise.resolve(promise).finally(() => {
    timings[name] = Math.round(performance.now() - start);
  });
}

// A failure the page explains to the reader in their language, by its code; the detail is for developers.
/**
 * @param {string} code
 * @param {string} detail
 */
function problem(code, detail) {
  return Object.assign(new Error(`${code}: ${detail}`), { code });
}

/** @param {unknown} error anything thrown: an Error, Pyodide's PythonError, or what a promise was rejected with */
function lastLine(error) {
  const lines = String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error)
    .trim().split("\n");
  return lines[lines.length - 1];
}

/**
 * @param {string} base
 * @param {string} version
 * @returns {Promise<PyodideModule>}
 */
async function importRuntime(base, version) {
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

let reduced = false; // this worker booted with the reduced standard library

/**
 * @param {PyodideModule} module
 * @param {BootMessage} message
 * @param {SnapshotOptions} options
 */
async function startPython(module, { pyodide: base, lock, stdlib: archive }, options) {
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

// A promise awaited later, not now: marked as handled so that an early failure is not reported as unhandled
// (and taken for a failed boot); whoever awaits it still gets the error.
/**
 * @template T
 * @param {Promise<T>} promise
 */
function later(promise) {
  promise.catch(() => {});
  return promise;
}

/** @param {string} logic */
async function fetchLogic(logic) {
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
async function importLogic(py, archive) {
  timings.heap = py._module.HEAP8.length; // Python's memory, in bytes: for the benchmark
  py.unpackArchive(await archive, "zip", { extractDir: LOGIC_DIR });
  py.runPython(`import sys\nif '${LOGIC_DIR}' not in sys.path: sys.path.insert(0, '${LOGIC_DIR}')`);
  return /** @type {Evaluate} */ (py.pyimport("guide_widgets.logic").evaluate_json);
}

// --- Snapshots ------------------------------------------------------------------------------------------

// The way a snapshot is stored (see packSnapshot). A new way gets a new number, so a copy stored the old way
// is never read: it is not found, the reader boots plainly once, and storeSnapshot drops it.
const SNAPSHOT_FORMAT = "runs-1";

/**
 * @param {BootMessage} message
 * @param {string} library
 */
function snapshotKey({ pyodide: base, logic, version }, library) {
  // Only a name in the cache, never requested from the network. A snapshot holds the memory of one
  // Pyodide and one logic archive, and is restored with one standard-library archive (the reduced one after
  // a plain boot, the prepared Python's own after a prepared one), stored in one format: all four name it.
  const archive = new URL(logic).pathname.split("/").pop();
  return new URL(`python-snapshot/${SNAPSHOT_FORMAT}/${version}/${archive}/${library}`, base).href;
}

// The stored snapshot of an earlier visit, if any: {response, key, stdlib}, stdlib being the archive it must
// be restored with.
/**
 * @param {BootMessage} message
 * @param {string} cacheName
 */
async function findSnapshot(message, cacheName) {
  if (!self.caches) return null; // not a secure context (plain http on another host): plain boots only
  const libraries = [message.stdlib, ...(message.prepared ? [message.prepared.stdlib] : [])];
  try {
    const cache = await caches.open(cacheName);
    for (const stdlib of libraries) {
      const key = snapshotKey(message, stdlib);
      const response = await cache.match(key);
      if (response) return { response, key, stdlib };
    }
  } catch (error) {
    // no cache to be read: a plain or prepared boot
  }
  return null;
}

// Python's memory is about half empty (zeros). Only the 64 KiB stretches that hold something are stored, one
// after another; the "x-snapshot-runs" header says where each run of them goes ("start-end,..."), and
// "x-snapshot-bytes" how long the whole memory is. Half the bytes on the reader's disk, and half to read.
const CHUNK = 65536;

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

/** @param {Uint8Array} bytes */
function packSnapshot(bytes) {
  /** @type {[number, number][]} */
  const runs = [];
  let total = 0;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
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

/** @param {Response} response */
async function snapshotBytes(response) {
  const length = Number(response.headers.get("x-snapshot-bytes"));
  const runs = (response.headers.get("x-snapshot-runs") || "").split(",").filter(Boolean)
    .map((run) => run.split("-").map(Number));
  const body = new Uint8Array(await response.arrayBuffer());
  let at = 0;
  const bytes = new Uint8Array(length);
  for (const [start, end] of runs) {
    if (!(start >= 0 && end > start && end <= length) || at + end - start > body.length) break;
    bytes.set(body.subarray(at, at + end - start), start);
    at += end - start;
  }
  if (!(length > 0) || at !== body.length || bytes.length !== length) {
    throw new Error("the stored snapshot is incomplete");
  }
  return bytes;
}

/**
 * @param {string} key
 * @param {string} cacheName
 */
async function forgetSnapshot(key, cacheName) {
  try {
    await (await caches.open(cacheName)).delete(key);
  } catch (error) {
    // Nothing more to do: the next boot is a plain one either way.
  }
}

/**
 * @param {PyodideModule} module
 * @param {BootMessage} message
 * @param {Promise<Uint8Array>} bytes
 * @param {Promise<ArrayBuffer>} archive
 */
async function bootFromSnapshot(module, message, bytes, archive) {
  // Pyodide takes the bytes as a promise: it fetches and compiles the rest while they are read. A bad
  // snapshot rejects through loadPyodide.
  const py = await timed("python", startPython(module, message, { _loadSnapshot: bytes }));
  return restored(py, archive);
}

// A restored Python's logic, once it is known to answer. Pyodide checks the snapshot's magic number and build
// id; this checks that Python really works. Its random numbers are seeded afresh: a snapshot carries the state
// of the Python it was made in.
/**
 * @param {Pyodide} py
 * @param {Promise<ArrayBuffer>} archive
 */
async function restored(py, archive) {
  const answer = await timed("logic", importLogic(py, archive));
  if (py.runPython("sum(range(5))") !== 10 || typeof answer !== "function") {
    throw new Error("the restored Python did not answer as expected");
  }
  py.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
  return answer;
}

// --- The Python made ready at build time -------------------------------------------------------------

const PREPARED_MAGIC = "GWPYSNP1";

// The prepared file, unpacked (the host sends it gzipped as it is; the browser unpacks it).
/** @param {string} url */
async function fetchPrepared(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw new Error(`the prepared Python: HTTP ${response.status}`);
  const unpacked = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

// Puts the prepared file's runs into `bytes` (the snapshot, as long as the page was told), and the bytes it
// left out from `memory`, the runtime's freshly instantiated memory (see snapshot_make.mjs for the layout).
// Throws on a file of another form or length, leaving `bytes` as it was found: all zeros, which Pyodide
// refuses to restore.
/**
 * @param {Uint8Array} file
 * @param {Uint8Array} bytes
 * @param {Uint8Array} memory
 */
function fillPrepared(file, bytes, memory) {
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

/**
 * @param {PyodideModule} module
 * @param {PreparedBoot} message
 * @param {Promise<Uint8Array>} download
 * @param {Promise<ArrayBuffer>} archive
 */
async function bootPrepared(module, message, download, archive) {
  const { prepared } = message;
  const bytes = new Uint8Array(prepared.memory);
  const { default: createModule } = await import(new URL("pyodide.asm.mjs", message.pyodide).href);
  /** @type {unknown} */
  let problemFound = null;
  // Pyodide sizes the memory by the bytes it is given, and copies them in once the runtime is instantiated
  // and its files are in place: the step added here fills them in just before, while the file may still be
  // arriving (Pyodide waits for it).
  /** @param {ModuleSettings} settings */
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
  return { answer, bytes };
}

// Keeps a snapshot made at boot for the next visit, dropping those of earlier builds.
/**
 * @param {string} key
 * @param {string} cacheName
 * @param {Uint8Array} bytes
 */
async function storeSnapshot(key, cacheName, bytes) {
  const start = performance.now();
  const cache = await caches.open(cacheName);
  for (const old of await cache.keys()) {
    if (old.url !== key) await cache.delete(old); // snapshots of earlier builds
  }
  const packing = performance.now();
  const { body, runs } = packSnapshot(bytes);
  const putting = performance.now();
  await cache.put(key, new Response(body, {
    headers: {
      "content-type": "application/octet-stream", "x-snapshot-bytes": String(bytes.length), "x-snapshot-runs": runs,
    },
  }));
  // Where storing's time went, for the benchmark: opening and tidying the cache, packing, writing.
  const steps = {
    open: Math.round(packing - start), pack: Math.round(putting - packing), put: Math.round(performance.now() - putting),
  };
  return { stored: true, message: `${body.length} of ${bytes.length} bytes`, steps };
}

// --- Booting and answering ------------------------------------------------------------------------------

/**
 * @param {BootMessage} message
 * @returns {Promise<BootWay>}
 */
async function boot(message) {
  reduced = Boolean(message.reduced);
  timings.started = Math.round(performance.timeOrigin + performance.now());
  const cacheName = message.snapshotCache;
  const keeping = Boolean(self.caches && cacheName); // a snapshot can be kept for the next visit
  // The runtime module, the stored snapshot and the logic archive are all looked for at once.
  // The snapshot's bytes are read from the moment it is found (a few hundred milliseconds on a busy phone),
  // while Pyodide's own files load; without one, the prepared Python's file is fetched at once.
  const found = timed("snapshot", findSnapshot(message, cacheName)).then(
    (stored) => stored && { ...stored, bytes: later(timed("read", snapshotBytes(stored.response))) },
  );
  const download = message.prepared
    ? later(found.then((stored) => (stored ? null
      : timed("prepared", fetchPrepared(/** @type {PreparedPython} */ (message.prepared).file)))))
    : null;
  const archive = later(fetchLogic(message.logic));
  const module = await timed("runtime", importRuntime(message.pyodide, message.version));
  const stored = await found;
  if (stored) {
    try {
      evaluate = await attempt(() => bootFromSnapshot(module, { ...message, stdlib: stored.stdlib }, stored.bytes,
        archive));
      return "snapshot";
    } catch (error) {
      await forgetSnapshot(stored.key, cacheName);
    }
  }
  if (download && !stored) {
    try {
      // The page offers the prepared Python, and `download` fetches it (no snapshot was found).
      const { answer, bytes } = await attempt(() => bootPrepared(module, /** @type {PreparedBoot} */ (message),
        /** @type {Promise<Uint8Array>} */ (download), archive));
      evaluate = answer;
      if (keeping) {
        storing = later(storeSnapshot(snapshotKey(message, /** @type {PreparedPython} */ (message.prepared).stdlib),
          cacheName, bytes));
      }
      return "prepared";
    } catch (error) {
      timings.preparedFailed = lastLine(error); // for the tests and the benchmark; the reader sees nothing
    }
  }
  // A plain boot makes the snapshot for the next visit itself, once the logic is imported and before any
  // request is answered: it holds no reader input, and it costs a few tens of milliseconds, not a second
  // worker that a reader who leaves within seconds would never let finish.
  evaluate = await attempt(async () => {
    const py = await timed("python", startPython(module, message, keeping ? { _makeSnapshot: true } : {}));
    const answer = await timed("logic", importLogic(py, archive));
    if (keeping) {
      const start = performance.now();
      const bytes = py.makeMemorySnapshot();
      timings.memory = Math.round(performance.now() - start);
      storing = later(storeSnapshot(snapshotKey(message, message.stdlib), cacheName, bytes));
    }
    return answer;
  });
  return "plain";
}

/** @param {unknown} error */
function missingModule(error) {
  return reduced && /ModuleNotFoundError|No module named/.test(
    String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error));
}

/** @param {RunMessage} message */
async function run({ id, request }) {
  try {
    await booting;
  } catch (error) {
    return; // the page was told with "failed"
  }
  try {
    const result = JSON.parse(/** @type {Evaluate} */ (evaluate)(JSON.stringify(request)));
    self.postMessage({ type: "reply", id, result });
  } catch (error) {
    // Pyodide reports a broken interpreter ("fatal error", "already fatally failed"): it cannot recover.
    if (/fatal/i.test(String(error && /** @type {Error} */ (error).message))) {
      finish("crashed", error);
    } else if (missingModule(error)) {
      finish("stdlib", error);
    } else {
      self.postMessage({ type: "reply", id, error: lastLine(error) });
    }
  }
}

// This worker is done: the page is told why, and starts another if it can.
/**
 * @param {string} code
 * @param {unknown} error
 */
function finish(code, error) {
  self.postMessage({ type: "failed", code, message: lastLine(error) });
  self.close();
}

self.onmessage = (event) => {
  /** @type {ToWorker} */
  const message = event.data;
  if (message.type === "boot") {
    booting ??= boot(message);
    booting.then(
      (how) => {
        timings.download = downloadTime();
        self.postMessage({ type: "ready", boot: how, timings });
        if (storing) {
          storing.then(
            (outcome) => self.postMessage({ type: "snapshot-done", ...outcome }),
            (error) => self.postMessage({ type: "snapshot-done", stored: false, message: lastLine(error) }),
          );
        }
      },
      (error) => finish(missingModule(error) ? "stdlib" : error.code || "runtime", error),
    );
  } else if (message.type === "run") {
    run(message);
  }
};
