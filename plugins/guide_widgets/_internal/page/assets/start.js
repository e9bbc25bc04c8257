// Starts Python as soon as a widget page's head has been parsed: before the stylesheets, Material's script and
// our own modules have arrived, so that the worker loads Pyodide while the rest of the page does. The build
// inlines this script in the head of every page (the page's policy allows it by its hash, csp.py), with
// `data-assets` saying where our assets are from that page, right after the site's facts (a meta tag, on
// widget pages only).
//
// It is the one place that knows where the site is (`assets`, `root`) and the one way a worker is started:
// python.js takes over the worker started here (`take`), starts any later one with `worker`, and asks
// `savingData` whether Python may start before the reader comes near a widget.
(() => {
  // The connection speed (Mbit/s, as the browser estimates it) from which a first visit fetches the prepared
  // Python. What it adds to a first visit is PREPARED_EXTRA_MB (pins.py, measured): at 5 Mbit/s, that takes
  // about as long to download as the prepared Python saves a phone (a desktop gains from about 8).
  const PREPARED_MBPS = 5;
  /** @type {HTMLScriptElement} */
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  const assets = new URL(script.dataset.assets || "assets/guide-widgets/", document.baseURI);
  /** @type {GuideWidgetsStart} */
  const start = {
    // The folder of our scripts (worker.js, the logic archive), and the site's own path, which the names of
    // everything the site stores carry (storage.py), so that two guides on one domain never mix.
    assets: assets.href,
    root: new URL("../../", assets).pathname,

    // Readers who save data (the browser's Save-Data setting, or a connection it rates 2G): Python waits
    // until they come near a widget or use its form, and the widget says what it will download.
    savingData() {
      const connection = navigator.connection;
      return Boolean(connection && (connection.saveData || /2g$/.test(connection.effectiveType || "")));
    },

    // Whether a first visit fetches the Python made ready at build time (`facts.prepared`: PREPARED_EXTRA_MB
    // of pins.py more than starting Python, and seconds sooner ready) instead of starting Python itself. Not
    // on a connection the browser rates slow (under PREPARED_MBPS, or 3G and below), where the extra
    // megabytes cost more time than they save, nor for readers saving data. Browsers that do not say
    // (Safari, Firefox) get it.
    quick() {
      const connection = navigator.connection;
      if (!connection) return true;
      const slow = /(2g|3g)$/.test(connection.effectiveType || "") ||
        (typeof connection.downlink === "number" && connection.downlink < PREPARED_MBPS);
      return !connection.saveData && !slow;
    },

    // A worker booting Python (worker.js) with the site's facts: the reduced standard library, or the full
    // one when the logic turned out to need it.
    worker(facts, fullStdlib) {
      performance.mark("guide-widgets:boot"); // one per Python started for the reader
      const worker = new Worker(new URL("worker.js", assets), { type: "module" });
      const stdlib = fullStdlib ? facts.fullStdlib : facts.stdlib;
      const pyodide = new URL("../pyodide/", assets).href;
      const prepared = facts.prepared && !fullStdlib && window.DecompressionStream && start.quick()
        ? { ...facts.prepared, file: new URL(facts.prepared.file, pyodide).href } : null;
      worker.postMessage({
        type: "boot",
        pyodide,
        prepared,
        logic: new URL(facts.logic, assets).href,
        version: facts.version,
        lock: facts.lock,
        stdlib,
        reduced: stdlib !== facts.fullStdlib,
        snapshotCache: facts.storage.snapshot.replaceAll("{scope}", start.root),
      });
      return worker;
    },

    // The worker this script started, with the messages it sent before python.js took it over; once.
    early: null,
    take() {
      const early = start.early;
      start.early = null;
      return early;
    },
  };
  window.guideWidgetsStart = start;

  /** @type {HTMLMetaElement | null} */
  const meta = document.querySelector('meta[name="guide-widgets"]');
  if (!meta || !window.Worker || start.savingData()) return;
  performance.mark("guide-widgets:start");
  const worker = start.worker(JSON.parse(meta.content), false);
  /** @type {EarlyWorker} */
  const early = { worker, messages: [], failed: false };
  worker.onmessage = (event) => early.messages.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    early.failed = true;
  };
  start.early = early;
})();
