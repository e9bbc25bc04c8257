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
// The worker's states, and what each message does in each:
//
//   state       "boot"                                "run"
//   new         becomes booting                       answered with an error (nothing to run it)
//   booting     ignored: one boot per worker          waits for the boot, then as in ready or done
//   ready       ignored                               answered by the logic
//   done        ignored                               ignored: the page was told "failed"
//
// Booting tries three ways in turn, each in a module of its own; the first that starts a Python that answers
// wins, and the way is told with "ready":
//
//   way        when                                             on failure
//   snapshot   an earlier visit kept one (boot-kept.js)         it is dropped; the next way is tried
//   prepared   the page offers it and no snapshot was found     the reason goes in the timings; plain is tried
//              (boot-prepared.js)
//   plain      always (boot-plain.js)                           the worker is done ("failed")
//
// A prepared or plain boot keeps a snapshot for the next visit (snapshot-store.js) where the browser can:
// no reader input has reached Python then, so the copy holds none. The snapshot is keyed by the Pyodide version,
// the logic archive and the standard-library archive (their names carry their hashes), checked before use.
//
// Pyodide's snapshot options (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are private API of the
// pinned version, as is handing it the module constructor (createPyodideModule) to add a step before Python
// is restored: the build refuses any other version, and the browser tests cover every path.

import { Attempts, fetchLogic, importRuntime, lastLine, later, problem, timed, timings } from "./boot.js";
import { bootKept } from "./boot-kept.js";
import { bootPlain } from "./boot-plain.js";
import { bootPrepared, fetchPrepared } from "./boot-prepared.js";
import { findSnapshot, forgetSnapshot, snapshotBytes, snapshotKey, storeSnapshot } from "./snapshot-store.js";

/** @typedef {"new" | "booting" | "ready" | "done"} State */
/** @type {State} */
let state = "new";
/** @type {Promise<BootWay> | null} */
let booting = null;
/** @type {import("./boot.js").Evaluate | null} */
let evaluate = null;
/** @type {ReturnType<typeof storeSnapshot> | null} */
let storing = null; // the snapshot being kept for the next visit
let reduced = false; // this worker booted with the reduced standard library
const attempts = new Attempts();

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  attempts.fail(problem("runtime", lastLine(event.reason)));
});

/**
 * The pinned Pyodide reports a .wasm it could not fetch or compile only by a warning, "wasm instantiation
 * failed!", and then waits for ever (which of the two ways a blocked .wasm takes depends on timing): while
 * Python is booting, and only then, that warning fails the attempt too. Returns what ends the watch.
 */
function watchRuntimeWarnings() {
  const warn = console.warn;
  /** @param {unknown[]} args */
  const watching = (...args) => {
    warn.apply(console, args);
    if (/^wasm instantiation failed/.test(String(args[0]))) {
      attempts.fail(problem("runtime", "the WebAssembly runtime could not be fetched or compiled"));
    }
  };
  console.warn = watching;
  return () => {
    if (console.warn === watching) console.warn = warn;
  };
}

// How long the runtime's WebAssembly took to arrive, from the worker's own resource timing (the benchmark
// reads it beside "python", which also holds compiling it and starting Python).
function downloadTime() {
  const entry = /** @type {PerformanceResourceTiming | undefined} */ (performance.getEntriesByType("resource")
    .find((e) => e.name.endsWith("pyodide.asm.wasm")));
  return entry ? Math.round(entry.responseEnd - entry.startTime) : undefined;
}

/**
 * The three ways, in turn (see the table above).
 * @param {BootMessage} message
 * @returns {Promise<BootWay>}
 */
async function boot(message) {
  reduced = Boolean(message.reduced);
  timings.started = Math.round(performance.timeOrigin + performance.now());
  const cacheName = message.snapshotCache;
  // The runtime module, the stored snapshot and the logic archive are all looked for at once.
  // The snapshot's bytes are read from the moment it is found (a few hundred milliseconds on a busy phone),
  // while Pyodide's own files load; without one, the prepared Python's file is fetched at once.
  const found = timed("snapshot", findSnapshot(message, cacheName)).then(
    (stored) => stored && { ...stored, bytes: later(timed("read", snapshotBytes(stored.response))) },
  );
  const prepared = message.prepared;
  const download = prepared
    ? later(found.then((stored) => (stored ? null : timed("prepared", fetchPrepared(prepared.file)))))
    : null;
  const archive = later(fetchLogic(message.logic));
  const module = await timed("runtime", importRuntime(message.pyodide, message.version));
  const keep = self.caches && cacheName
    ? (/** @type {string} */ stdlib, /** @type {Uint8Array} */ bytes) => {
      storing = later(storeSnapshot(snapshotKey(message, stdlib), cacheName, bytes));
    }
    : null;
  /** @type {import("./boot.js").Start} */
  const start = { module, message, archive, keep };
  const stored = await found;
  if (stored) {
    try {
      evaluate = await attempts.run(() => bootKept(start, stored));
      return "snapshot";
    } catch (error) {
      await forgetSnapshot(stored.key, cacheName);
    }
  }
  if (prepared && download && !stored) {
    try {
      const file = /** @type {Promise<Uint8Array>} */ (download);
      evaluate = await attempts.run(() => bootPrepared(start, prepared, file));
      return "prepared";
    } catch (error) {
      timings.preparedFailed = lastLine(error); // for the tests and the benchmark; the reader sees nothing
    }
  }
  evaluate = await attempts.run(() => bootPlain(start));
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
  if (state === "done") return;
  try {
    const result = JSON.parse(/** @type {import("./boot.js").Evaluate} */ (evaluate)(JSON.stringify(request)));
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

/**
 * This worker is done: the page is told why, and starts another if it can.
 * @param {string} code
 * @param {unknown} error
 */
function finish(code, error) {
  state = "done";
  self.postMessage({ type: "failed", code, message: lastLine(error) });
  self.close();
}

/** @param {BootMessage} message */
function startBoot(message) {
  state = "booting";
  attempts.booting = true;
  const unwatch = watchRuntimeWarnings();
  booting = boot(message);
  booting.finally(unwatch).then(
    (how) => {
      state = "ready";
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
}

self.onmessage = (event) => {
  /** @type {ToWorker} */
  const message = event.data;
  if (message.type === "boot" && state === "new") startBoot(message);
  else if (message.type === "run" && state !== "done") run(message);
};
