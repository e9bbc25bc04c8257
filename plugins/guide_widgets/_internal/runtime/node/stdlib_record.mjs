// Which files of Pyodide's standard library the widgets need: Pyodide is booted in Node as the browser's
// worker boots it, the logic archive is unpacked and imported, every kind answers a request (a good one when
// the build gives one, and a bad one, so that the error path and Pyodide's error formatting run too), and
// a memory snapshot is made as the snapshot worker makes it. Then every module Python has loaded from the
// standard-library archive is listed; modules frozen into the interpreter (os, io, codecs, importlib's own…)
// name a file there but never read it, so they are left out.
//
// Usage: node stdlib_record.mjs <pyodide folder> <logic.zip> <requests.json> [<stdlib archive to boot with>]
// Prints one JSON line: {"files": [archive entries], "kinds": n}. Any network access fails the run.
import { readFileSync } from "node:fs";
import { join } from "node:path";

globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const [folder, logicZip, requestsFile, stdlib] = process.argv.slice(2);
const { loadPyodide } = await import(join(folder, "pyodide.mjs"));
const lock = JSON.parse(readFileSync(join(folder, "pyodide-lock.json"), "utf8"));
const options = {
  indexURL: folder + "/",
  lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
  stdout: () => {},
  stderr: () => {},
  _makeSnapshot: true,
};
if (stdlib) options.stdLibURL = stdlib;
const py = await loadPyodide(options);

py.unpackArchive(new Uint8Array(readFileSync(logicZip)), "zip", { extractDir: "/home/pyodide/widgets" });
py.runPython("import sys\nif '/home/pyodide/widgets' not in sys.path: sys.path.insert(0, '/home/pyodide/widgets')");
const evaluate = py.pyimport("guide_widgets.logic").evaluate_json;
const kinds = JSON.parse(py.runPython(
  "import importlib, json\n" +
    "kinds = importlib.import_module('guide_widgets_registry').KINDS\n" +
    "for module in kinds.values(): importlib.import_module(module)\n" +
    "json.dumps(sorted(kinds))",
));
const requests = JSON.parse(readFileSync(requestsFile, "utf8"));
for (const kind of kinds) {
  requests.push(JSON.stringify({ widget: kind, spec: {}, fields: {}, today: "2026-01-31" }));
}
for (const request of requests) {
  try {
    evaluate(request);
  } catch (error) {
    String(error); // the message a reader's worker would report
  }
}
if (py.runPython("sum(range(5))") !== 10) throw new Error("Python did not answer");
py.makeMemorySnapshot();

const files = JSON.parse(py.runPython(
  "import json, sys\n" +
    "prefix = '/lib/python314.zip/'\n" +
    "def frozen(m): return getattr(getattr(m, '__spec__', None), 'origin', None) == 'frozen'\n" +
    "json.dumps(sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())\n" +
    "                   if isinstance(getattr(m, '__file__', None), str) and m.__file__.startswith(prefix)\n" +
    "                   and not frozen(m)}))",
));
console.log(JSON.stringify({ files, kinds: kinds.length }));
