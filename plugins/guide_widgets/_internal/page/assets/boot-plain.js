// The way that always works: start Python from the runtime's files and import the widget logic. It makes the
// snapshot for the next visit itself, once the logic is imported and before any request is answered: it holds
// no reader input, and it costs a few tens of milliseconds, not a second worker that a reader who leaves
// within seconds would never let finish.

import { importLogic, startPython, timed, timings } from "./boot.js";

/** @param {import("./boot.js").Start} start */
export async function bootPlain({ module, message, archive, keep }) {
  const py = await timed("python", startPython(module, message, keep ? { _makeSnapshot: true } : {}));
  const answer = await timed("logic", importLogic(py, archive));
  if (keep) {
    const start = performance.now();
    const bytes = py.makeMemorySnapshot();
    timings.memory = Math.round(performance.now() - start);
    keep(message.stdlib, bytes);
  }
  return answer;
}
