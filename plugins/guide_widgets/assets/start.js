// Starts Python as soon as a widget page's head has been parsed: before the stylesheets, Material's script and
// our own module (widgets.js) have arrived, so that the worker loads Pyodide while the rest of the page does.
// The worker starts 0.15-0.3 s sooner than it did from widgets.js; how much of that reaches the answer
// depends on how busy the device is (0.25 s on a busy 2-core machine, a few tens of ms on an idle one). The
// build inlines this script in the head of every page, right after the runtime facts (the meta tag, on
// widget pages only); the page's policy allows it by its hash (csp.py).
//
// It is also the one way a worker is started: widgets.js takes over the worker started here (`take`) and
// starts any later one (after a crash, with the full standard library, after instant navigation) with
// `worker`, and asks `savingData` whether Python may start before the reader comes near a widget.
(() => {
  const start = {
    // Readers who save data (the browser's Save-Data setting, or a connection it rates 2G): Python waits
    // until they come near a widget or use its form, and the widget says what it will download.
    savingData() {
      const connection = navigator.connection;
      return Boolean(connection && (connection.saveData || /2g$/.test(connection.effectiveType || "")));
    },

    // What the worker boots with (worker.js): where Pyodide, the logic and the standard-library archive are
    // (`assets` is the URL of the folder holding worker.js), the facts to check, the snapshot's cache name.
    boot(runtime, assets, fullStdlib) {
      const scope = new URL("../../", assets).pathname; // the site's root path, as memory.js has it
      return {
        type: "boot",
        pyodide: new URL("../pyodide/", assets).href,
        logic: new URL(runtime.logic, assets).href,
        version: runtime.version,
        lock: runtime.lock,
        stdlib: fullStdlib ? null : runtime.stdlib, // null: the worker boots with Pyodide's full archive
        snapshotCache: runtime.storage.snapshot.replaceAll("{scope}", scope),
      };
    },

    worker(runtime, assets, fullStdlib) {
      performance.mark("guide-widgets:boot"); // one per Python started for the reader
      const worker = new Worker(new URL("worker.js", assets), { type: "module" });
      worker.postMessage(start.boot(runtime, assets, fullStdlib));
      return worker;
    },

    // The worker this script started, with the messages it sent before widgets.js took it over; once.
    early: null,
    take() {
      const early = start.early;
      start.early = null;
      return early;
    },
  };
  window.guideWidgetsStart = start;

  const facts = document.querySelector('meta[name="guide-widgets"]');
  if (!facts || !window.Worker || start.savingData()) return;
  const runtime = JSON.parse(facts.content);
  performance.mark("guide-widgets:start");
  const worker = start.worker(runtime, new URL(facts.dataset.assets, document.baseURI), false);
  const early = { worker, runtime, messages: [], failed: false };
  worker.onmessage = (event) => early.messages.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    early.failed = true;
  };
  start.early = early;
})();
