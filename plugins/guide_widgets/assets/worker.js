// The one place Python runs: boots Pyodide from the site itself, unpacks the widget logic, answers requests.
// Messages in:  {type: "boot", pyodide, logic, version, lock}  and  {type: "run", id, request}
// Messages out: {type: "ready"} | {type: "failed", message} | {type: "result", id, result} | {type: "error", id, message}
//               | {type: "crashed"} (Python itself broke: this worker is done, the page starts a new one)

let booting = null;
let evaluate = null;

async function boot({ pyodide: base, logic, version, lock }) {
  let module;
  try {
    module = await import(new URL("pyodide.mjs", base).href);
  } catch (error) {
    throw new Error("the Python runtime files could not be loaded");
  }
  if (module.version !== version) {
    throw new Error(`the site has Pyodide ${module.version}, but this page was built for ${version}`);
  }
  let py;
  try {
    py = await module.loadPyodide({
      indexURL: base,
      // The lock file's facts come with the page: no package is ever fetched, so no index is needed.
      lockFileContents: JSON.stringify({ info: lock, packages: {} }),
      stdout: () => {},
      stderr: () => {},
    });
  } catch (error) {
    throw new Error(`the Python runtime could not be loaded (${lastLine(error)})`);
  }

  const response = await fetch(logic, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`the widget logic could not be fetched (HTTP ${response.status})`);
  }
  py.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide/widgets" });
  py.runPython("import sys; sys.path.insert(0, '/home/pyodide/widgets')");
  evaluate = py.pyimport("guide_widgets.logic").evaluate_json;
}

function lastLine(error) {
  const lines = String(error && error.message ? error.message : error).trim().split("\n");
  return lines[lines.length - 1];
}

async function run({ id, request }) {
  try {
    await booting;
  } catch (error) {
    self.postMessage({ type: "error", id, message: "Python is not available." });
    return;
  }
  try {
    const result = JSON.parse(evaluate(JSON.stringify(request)));
    self.postMessage({ type: "result", id, result });
  } catch (error) {
    // Pyodide reports a broken interpreter ("fatal error", "already fatally failed"): it cannot recover.
    if (/fatal/i.test(String(error && error.message))) {
      self.postMessage({ type: "crashed" });
      self.close();
      return;
    }
    self.postMessage({ type: "error", id, message: lastLine(error) });
  }
}

// Pyodide loses some failures (a blocked .wasm download, for one) in promises nobody awaits: while booting,
// any such rejection is the boot's failure, instead of a wait that never ends.
let bootBroke = null;
const bootBroken = new Promise((resolve, reject) => {
  bootBroke = reject;
});
bootBroken.catch(() => {});
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  bootBroke(new Error(`the Python runtime could not be loaded (${lastLine(event.reason)})`));
});

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "boot") {
    booting ??= Promise.race([boot(message), bootBroken]);
    booting.then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", message: lastLine(error) }),
    );
  } else if (message.type === "run") {
    run(message);
  }
};
