// Runs tests/logic under the real, pinned Pyodide in Node, with the logic archive the site ships.
// Usage: node tests/pyodide/run_logic_tests.mjs <logic.zip> <english.json> [<reduced stdlib.zip>]
// Any attempt to reach the network fails the run: the browser build must never need it either.
// With a reduced standard-library archive (stdlib.py), Python boots with that one alone, as the site's worker
// does. The test harness may still import what it likes from the full archive, but any module the logic
// itself needs from outside the reduced one is reported, and fails the run.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const attempts = [];
globalThis.fetch = async (url) => {
  attempts.push(String(url));
  throw new Error(`network access attempted: ${url}`);
};

const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const { loadPyodide, version } = await import(join(pyodideDir, "pyodide.mjs"));
const lock = JSON.parse(readFileSync(join(pyodideDir, "pyodide-lock.json"), "utf8"));
const reduced = process.argv[4];
const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  ...(reduced ? { stdLibURL: reduced } : {}),
  lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
  stdout: () => {},
  stderr: (line) => console.error(line),
});

py.unpackArchive(new Uint8Array(readFileSync(process.argv[2])), "zip", { extractDir: "/home/pyodide/widgets" });
py.runPython("import sys; sys.path.insert(0, '/home/pyodide/widgets')");

const testsRoot = "/home/pyodide/tests";
py.FS.mkdirTree(`${testsRoot}/logic`);
const logicDir = join(here, "..", "logic");
for (const name of readdirSync(logicDir).filter((n) => n.endsWith(".py"))) {
  py.FS.writeFile(`${testsRoot}/logic/${name}`, readFileSync(join(logicDir, name)));
}
// The kinds' English strings: the tests read them from here, as Pyodide has no YAML parser.
py.FS.writeFile(`${testsRoot}/logic/english.json`, readFileSync(process.argv[3]));
py.FS.writeFile("/home/pyodide/runner.py", readFileSync(join(here, "runner.py")));
py.FS.writeFile("/home/pyodide/harness.py", readFileSync(join(here, "harness.py")));
py.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
if (reduced) {
  // The full archive as a file that zipimport reads (unpacking it would need modules the reduced one lacks).
  py.FS.writeFile("/home/pyodide/full-stdlib.zip", readFileSync(join(pyodideDir, "python_stdlib.zip")));
  py.pyimport("harness").install("/home/pyodide/full-stdlib.zip", "/home/pyodide/widgets");
}
const runner = py.pyimport("runner");
const report = JSON.parse(runner.run_all(testsRoot));
for (const name of report.outside) console.log(`OUTSIDE ${name}`);

for (const failure of report.failed) console.log(`FAILED ${failure.test}\n${failure.error}`);
for (const url of attempts) console.log(`NETWORK ${url}`);
console.log(`pyodide ${version}, python ${report.python} on ${report.platform}`);
console.log(`${report.passed.length} passed, ${report.failed.length} failed`);
process.exit(report.failed.length || attempts.length || report.outside.length || !report.passed.length ? 1 : 0);
