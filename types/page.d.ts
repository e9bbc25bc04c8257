// What the page's scripts find on `window` and `navigator` beyond the DOM's own types, and the messages between
// the page and the worker that runs Python (worker.js), for tsc --checkJs.

interface Window {
  /** The head's starter (start.js): where the site is, and how a worker is started. */
  guideWidgetsStart?: GuideWidgetsStart;
  /** Material for MkDocs' observable of the page, which replays after each instant page change. */
  document$?: { subscribe(listener: () => void): unknown };
}

interface Navigator {
  /** The Network Information API, where the browser has it (Chromium): Save-Data and the connection's type. */
  connection?: { saveData?: boolean; effectiveType?: string; downlink?: number };
}

/** The head's starter (start.js), as python.js and memory.js find it on `window`. */
interface GuideWidgetsStart {
  /** The folder of our scripts (worker.js, the logic archive), as an absolute address. */
  assets: string;
  /** The site's own path, which the names of everything the site stores carry (storage.py). */
  root: string;
  /** Whether the reader saves data: Python then waits until they come near a widget or use its form. */
  savingData(): boolean;
  /** Whether a first visit fetches the Python made ready at build time instead of starting Python itself. */
  quick(): boolean;
  /** A worker booting Python with the site's facts: the reduced standard library, or the full one. */
  worker(facts: BootFacts, fullStdlib: boolean): Worker;
  /** The worker the starter started, until python.js takes it over. */
  early: EarlyWorker | null;
  /** The starter's worker (once; null after that, or when it started none). */
  take(): EarlyWorker | null;
}

/** The worker the head's starter started, with the messages it sent before python.js took it over. */
interface EarlyWorker {
  worker: Worker;
  messages: FromWorker[];
  failed: boolean;
}

/** The site's facts a worker is started with: facts.js's `Facts` holds them, and so does the head's meta tag. */
interface BootFacts {
  version: string;
  logic: string;
  stdlib: string;
  fullStdlib: string;
  lock: object;
  storage: Record<string, string>;
  prepared: PreparedPython | null;
}

/** The Python made ready at build time (snapshot.py): its file, the archive it boots with, its memory's length
 * and its file's size. */
interface PreparedPython {
  file: string;
  stdlib: string;
  memory: number;
  bytes: number;
}

// --- The messages between the page and the worker (worker.js says what each one means) --------------------

/** The page to the worker: "boot" once, then a "run" for each question. */
type ToWorker = BootMessage | RunMessage;

interface BootMessage {
  type: "boot";
  /** The runtime's folder, as an absolute address. */
  pyodide: string;
  /** The Python made ready at build time (its `file` an absolute address), or null: a first visit starts Python. */
  prepared: PreparedPython | null;
  /** The logic archive's address. */
  logic: string;
  version: string;
  lock: object;
  stdlib: string;
  /** `stdlib` is the reduced standard library. */
  reduced: boolean;
  /** The name of the site's cache for the memory snapshot. */
  snapshotCache: string;
}

interface RunMessage {
  type: "run";
  id: number;
  /** One widget's question ({widget, spec, fields, today, ...}), sent on as JSON. */
  request: object;
}

/** How Python started: from an earlier visit's snapshot, from the Python made ready at build time, or plainly. */
type BootWay = "snapshot" | "prepared" | "plain";

/** How long each step of a boot took, in ms, for the benchmark; `started` is when (ms since the epoch), `heap`
 * Python's memory in bytes, `preparedFailed` why the prepared Python could not be used. */
interface BootTimings {
  started?: number;
  runtime?: number;
  snapshot?: number;
  read?: number;
  prepared?: number;
  fill?: number;
  python?: number;
  logic?: number;
  heap?: number;
  memory?: number;
  download?: number;
  preparedFailed?: string;
}

/** The worker to the page. A reply's `result` is the logic's answer: untyped JSON, hence `any`. */
type FromWorker =
  | { type: "ready"; boot: BootWay; timings: BootTimings }
  | { type: "reply"; id: number; result: any }
  | { type: "reply"; id: number; error: string }
  | { type: "failed"; code: string; message: string }
  | { type: "snapshot-done"; stored: boolean; message: string; steps?: Record<string, number> };
