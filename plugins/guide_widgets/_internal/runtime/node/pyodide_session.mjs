// Widget logic under the real, pinned Pyodide in Node, for guide_widgets.testing.
// Usage: node pyodide_session.mjs <folder of the pyodide npm package>
// One JSON message a line on stdin, one JSON answer a line on stdout:
//   {"archive": base64 zip}  -> {"ok": true}            load a logic archive (replacing the one before)
//   {"request": json text}   -> {"ok": true, "answer": json text}   what the browser's worker would answer
//   {"python": expression}   -> {"ok": true, "answer": json text}   json.dumps of any Python expression
// Any attempt to reach the network fails: a reader's browser never needs it either.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const folder = process.argv[2];
const { loadPyodide, version } = await import(join(folder, "pyodide.mjs"));
const lock = JSON.parse(readFileSync(join(folder, "pyodide-lock.json"), "utf8"));
const py = await loadPyodide({
  indexURL: folder + "/",
  lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
  stdout: () => {},
  stderr: (line) => console.error(line),
});

let evaluate = null;
let loaded = 0;
const reply = (message) => process.stdout.write(JSON.stringify(message) + "\n");
reply({ ok: true, version });

for await (const line of createInterface({ input: process.stdin })) {
  try {
    const message = JSON.parse(line);
    if (message.archive !== undefined) {
      const dir = `/home/pyodide/logic-${++loaded}`;
      py.unpackArchive(new Uint8Array(Buffer.from(message.archive, "base64")), "zip", { extractDir: dir });
      py.runPython(
        "import sys\n" +
          "for name in [m for m in sys.modules if m.split('.')[0] in ('guide_widgets', 'guide_kinds', 'guide_widgets_registry')]:\n" +
          "    del sys.modules[name]\n" +
          `sys.path.insert(0, '${dir}')`,
      );
      evaluate = py.pyimport("guide_widgets.logic").evaluate_json;
      reply({ ok: true });
    } else if (message.request !== undefined) {
      reply({ ok: true, answer: evaluate(message.request) });
    } else {
      reply({ ok: true, answer: py.runPython(`import json\njson.dumps(${message.python})`) });
    }
  } catch (error) {
    reply({ ok: false, error: String(error) });
  }
}
