// A Python made ready at build time: boots the pinned Pyodide in Node as a reader's worker boots it, imports
// the widget logic and every standard-library module the logic was recorded to use (stdlib_record.mjs), and
// writes Python's memory in the form the worker restores it from (worker.js, "prepared"). The build runs it
// with an empty environment, in an empty folder, with the runtime files copied there (snapshot.py): nothing of
// the build machine may reach the file that every reader downloads.
//
// What it leaves out, so that readers download less:
// - what the browser builds anyway: the bytes the runtime's WebAssembly puts in memory when it is instantiated
//   (its data segments). The worker fills them in from its own fresh memory, before Python is restored;
// - memory Python has freed (dlmalloc's free chunks and the unused part of the stack), which is zeroed first:
//   zeros cost nothing to send. The walk over the heap is checked against dlmalloc's own totals, and skipped
//   if they differ;
// - docstrings and column positions: the build boots with a standard library without docstrings (snapshot.py)
//   and with PYTHONNODEBUGRANGES, as the reader never sees either;
// - the stale bytes in the standard streams' buffers, which are zeroed through the streams themselves.
//
// Usage: node snapshot_make.mjs <folder with the runtime> <stdlib.zip> <logic.zip> <output>
// Prints one JSON line: {"files": [stdlib entries imported], "memory": n, "runs": n, "bytes": n, "zeroed": n}.
// Any network access fails the run.
//
// The file's form: runtime/snapshot_format.md; snapshot_file.mjs writes it.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { preparedFile } from "./snapshot_file.mjs";

globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const [given, stdlib, logicZip, output] = process.argv.slice(2);
const folder = resolve(given);
const { loadPyodide } = await import(pathToFileURL(resolve(folder, "pyodide.mjs")).href);
const { default: createModule } = await import(pathToFileURL(resolve(folder, "pyodide.asm.mjs")).href);
const lock = JSON.parse(readFileSync(resolve(folder, "pyodide-lock.json"), "utf8"));

// The memory as the runtime's instantiation leaves it, before any of its code runs: what the worker sees in
// the same place (see `fillPrepared` in page/assets/snapshot-format.js).
let base = null;
const py = await loadPyodide({
  indexURL: folder + "/",
  stdLibURL: resolve(stdlib),
  lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
  // What the browser's worker has: no program path, and no variable but these.
  _sysExecutable: "./this.program",
  env: { HOME: "/home/pyodide", LANG: "C.UTF-8", PYTHONHASHSEED: "0", PYTHONNODEBUGRANGES: "1" },
  stdin: zerosOnce(1 << 17),
  stdout: () => {},
  stderr: () => {},
  _makeSnapshot: true,
  createPyodideModule: (settings) => {
    settings.preRun = [...settings.preRun, (module) => {
      base = module.HEAPU8.slice();
    }];
    return createModule(settings);
  },
});

py.unpackArchive(new Uint8Array(readFileSync(logicZip)), "zip", { extractDir: "/home/pyodide/widgets" });
py.runPython("import sys\nif '/home/pyodide/widgets' not in sys.path: sys.path.insert(0, '/home/pyodide/widgets')");
py.pyimport("guide_widgets.logic");

// Every module of the archive is imported now, so that the reader's Python never needs the archive: the
// worker gives it only the files left unimported (normally none). Then the caches that name the build's
// archive are emptied, so that the reader's archive is read afresh.
const files = JSON.parse(py.runPython(`
import gc, importlib, json, linecache, re, sys, zipimport
_prefix = '/lib/python314.zip'
_names = sorted(zipimport.zipimporter(_prefix + '/')._get_files())
for _name in _names:
    if _name.endswith('.py'):
        _module = _name[:-3].replace('/', '.').removesuffix('.__init__')
        try:
            importlib.import_module(_module)
        except Exception:
            pass
def _frozen(m): return getattr(getattr(m, '__spec__', None), 'origin', None) == 'frozen'
_files = sorted({m.__file__[len(_prefix) + 1:] for m in list(sys.modules.values())
                 if isinstance(getattr(m, '__file__', None), str) and m.__file__.startswith(_prefix + '/')
                 and not _frozen(m)})
zipimport._zip_directory_cache.clear()
sys.path_importer_cache.clear()
linecache.clearcache()
re.purge()
del _prefix, _names, _name, _frozen
gc.collect()
sys._clear_type_cache()
json.dumps(_files)
`));
py.runPython("del _files, _module");

// Python's standard streams have 128 KB buffers that were allocated over memory freed earlier (the archive's
// bytes, which do not compress): stdin's is filled with zeros and emptied again (a one-byte read fills it
// from the zeros given above; reading the rest empties it), and stdout's and stderr's are written with zeros
// and flushed (the output goes nowhere). Nothing is left pending in any of them.
py.runPython(`
import sys
sys.stdin.buffer.read(1)
sys.stdin.buffer.read(len(sys.stdin.buffer.peek(1 << 17)))
for _stream in (sys.stdout, sys.stderr):
    _stream.flush()
    _stream.buffer.write(bytes((1 << 17) - 1))
    _stream.buffer.flush()
del _stream
`);
if (py.runPython("sum(range(5))") !== 10) throw new Error("Python did not answer");

const module = py._module;
const zeroed = zeroFreeMemory(module);
const snapshot = py.makeMemorySnapshot();

const file = preparedFile(snapshot, base);
writeFileSync(output, file);
const runs = new DataView(file.buffer, file.byteOffset, 20).getUint32(16, true);
console.log(JSON.stringify({ files, memory: snapshot.length, runs, bytes: file.length, zeroed }));

// The standard input the build's Python reads: `size` zero bytes once, then the end.
function zerosOnce(size) {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return new Uint8Array(size);
  };
}

// Zeroes what dlmalloc holds free (all but each free chunk's own links) and the stack below its pointer.
// Answers how many bytes it zeroed; 0 when the heap did not walk as dlmalloc counts it (nothing is touched).
function zeroFreeMemory(m) {
  // dlmalloc's own count of free bytes, taken with the same chunks in place as the walk sees.
  const info = m._malloc(64);
  m._mallinfo(info);
  const counted = new Int32Array(m.HEAPU8.buffer, info, 10)[8]; // fordblks
  const words = new Uint32Array(m.HEAPU8.buffer);
  const start = m._emscripten_stack_get_base(); // the heap begins where the stack's top is
  const top = m._sbrk(0);
  const free = [];
  let at = start;
  let freeBytes = 0;
  while (at < top) {
    const head = words[(at + 4) >>> 2];
    const size = head & ~7;
    if (size === 0) break;
    if (!(head & 2)) {
      free.push([at, size]);
      freeBytes += size;
    }
    at += size;
  }
  m._free(info); // merging with a neighbour moves no link of a chunk walked here
  if (at !== top || counted !== freeBytes) return 0;
  let zeroed = 0;
  for (const [chunk, size] of free) {
    // Kept: the chunk's size words and dlmalloc's links in it (up to six words after its head).
    if (size > 32) {
      m.HEAPU8.fill(0, chunk + 32, chunk + size);
      zeroed += size - 32;
    }
  }
  const below = m._emscripten_stack_get_current() - 256;
  const end = m._emscripten_stack_get_end();
  if (below > end) {
    m.HEAPU8.fill(0, end, below);
    zeroed += below - end;
  }
  return zeroed;
}
