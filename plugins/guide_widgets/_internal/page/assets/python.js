// The page's one connection to Python. It takes over the worker the head's starter began (start.js) or starts
// one, sends it the questions the widgets ask (`ask` returns a promise of the result), and keeps them until
// they are answered: a worker that dies is replaced once and asked again, a worker that needs the full
// standard library is replaced by one that has it, and after a failure "Try again" (`restart`) asks again.
// The worker outlives Material's instant page changes, so Python boots once per visit.
//
// Readers who save data: nothing starts until `wake` (they came near a widget or used its form).

import { facts } from "./facts.js";

/** @typedef {"idle" | "deferred" | "loading" | "ready" | "failed"} State */
/** @typedef {{state: State, problem: string, boot: string}} Status */
/** @typedef {{request: object, resolve: (result: any) => void, reject: (error: Error) => void}} Question */

const start = window.guideWidgetsStart || null;

const BOOT_TIMEOUT_MS = 60000;
// Widget logic answers in milliseconds: a question open this long means the worker died (crashed, or was
// stopped by the browser). It is then replaced once; a second stall in a row is reported as a failure.
const ANSWER_TIMEOUT_MS = 5000;

const engine = {
  /** @type {Worker | null} */
  worker: null,
  /** @type {State} */
  state: "idle",
  problem: "", // why it failed: a code the reader is told in words (files, runtime, version, logic, ...)
  boot: "", // how Python started: "snapshot" or "plain"
  timer: 0,
  watchdog: 0,
  stalls: 0, // replacements since the last answer
  woken: false, // a reader saving data came near a widget or used it: Python may start
  fullStdlib: false, // the logic needed a module the reduced standard library lacks
  nextId: 1,
};

/** @type {Map<number, Question>} questions not answered yet, by id: sent again to a replacement worker */
const open = new Map();
/** @type {Set<(status: Status) => void>} */
const listeners = new Set();

/** @returns {Status} */
export function status() {
  return { state: engine.state, problem: engine.problem, boot: engine.boot };
}

/**
 * Calls `listener` whenever the state changes.
 * @param {(status: Status) => void} listener
 */
export function onChange(listener) {
  listeners.add(listener);
}

function changed() {
  for (const listener of listeners) listener(status());
}

/**
 * The result of one widget request ({widget, spec, fields, today}), as its logic works it out. Rejects with
 * the logic's own error message when the logic raised one. The result is the logic's answer: untyped JSON.
 * @param {object} request
 * @returns {Promise<any>}
 */
export function ask(request) {
  return new Promise((resolve, reject) => {
    const id = engine.nextId++;
    open.set(id, { request, resolve, reject });
    if (engine.worker) send(id);
    else if (engine.state === "failed" || engine.state === "deferred") return; // asked once it may start
    else if (!engine.woken && start && start.savingData()) defer();
    else connect();
  });
}

/** Starts Python for a reader saving data, once they come near a widget or use its form. */
export function wake() {
  if (engine.state !== "deferred") return;
  engine.woken = true;
  engine.state = "idle";
  connect();
}

/** "Try again" after a failure: a new worker, asked every open question again. */
export function restart() {
  engine.stalls = 0;
  newWorker();
}

function newWorker() {
  stopWorker();
  connect();
}

function defer() {
  engine.state = "deferred";
  changed();
}

function connect() {
  if (!performance.getEntriesByName("guide-widgets:start").length) performance.mark("guide-widgets:start");
  if (!start) {
    fail("worker"); // something refused to run the head's starter (a host's stricter policy)
    return;
  }
  const early = start.take();
  const worker = early ? early.worker : start.worker(facts, engine.fullStdlib);
  engine.worker = worker;
  engine.state = "loading";
  engine.problem = "";
  worker.onmessage = (event) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    if (engine.state === "ready") replaceWorker();
    else fail("worker");
  };
  clearTimeout(engine.timer);
  engine.timer = setTimeout(() => fail("timeout"), BOOT_TIMEOUT_MS);
  changed();
  if (early) {
    for (const message of early.messages) onMessage(message);
    if (early.failed) fail("worker");
  }
  if (engine.worker === worker) for (const id of open.keys()) send(id);
}

// Only ever called with a worker running and the question `id` open.
/** @param {number} id */
function send(id) {
  /** @type {Worker} */ (engine.worker).postMessage({ type: "run", id, request: /** @type {Question} */ (open.get(id)).request });
  if (!engine.watchdog) watch();
}

function stopWorker() {
  clearTimeout(engine.timer);
  clearTimeout(engine.watchdog);
  engine.watchdog = 0;
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
}

/** @param {string} problem */
function fail(problem) {
  stopWorker();
  engine.state = "failed";
  engine.problem = problem;
  changed();
}

// The worker stopped answering or crashed after it was ready: start a new one and ask again, once.
function replaceWorker() {
  if (engine.stalls >= 1) {
    fail("stopped");
    return;
  }
  engine.stalls += 1;
  newWorker();
}

function watch() {
  clearTimeout(engine.watchdog);
  engine.watchdog = 0;
  if (engine.state === "ready" && open.size > 0) engine.watchdog = setTimeout(replaceWorker, ANSWER_TIMEOUT_MS);
}

/** @param {FromWorker} message */
function onMessage(message) {
  if (message.type === "ready") {
    clearTimeout(engine.timer);
    engine.state = "ready";
    engine.boot = message.boot;
    if (!performance.getEntriesByName("guide-widgets:ready").length) {
      performance.mark("guide-widgets:ready", { detail: { boot: message.boot, ...message.timings } });
    }
    changed();
    watch();
  } else if (message.type === "reply") {
    const question = open.get(message.id);
    open.delete(message.id);
    engine.stalls = 0;
    watch();
    if (!question) return;
    if ("error" in message) question.reject(new Error(message.error));
    else question.resolve(message.result);
  } else if (message.type === "failed") {
    if (message.message) console.info(`guide-widgets: Python stopped (${message.code}): ${message.message}`);
    if (message.code === "stdlib" && !engine.fullStdlib) {
      // Once per visit: from now on Python boots with the full standard library.
      engine.fullStdlib = true;
      restart();
    } else if (message.code === "crashed") {
      replaceWorker();
    } else {
      fail(message.code === "stdlib" ? "runtime" : message.code);
    }
  } else if (message.type === "snapshot-done") {
    performance.mark("guide-widgets:snapshot-done", { detail: message });
  }
}

// A widget page whose head started Python: take that worker over at once, with what it has sent meanwhile.
if (start && start.early) connect();
