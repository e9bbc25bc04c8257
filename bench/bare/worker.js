// Pyodide's plain, documented boot: loadPyodide with its index URL (it reads pyodide-lock.json there).
self.onmessage = async (event) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", event.data.indexURL).href);
  const pyodide = await loadPyodide({ indexURL: event.data.indexURL });
  self.postMessage({ type: "ready" });
  self.postMessage({ type: "result", value: String(pyodide.runPython("1+1")) });
};
