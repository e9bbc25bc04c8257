// Starts the worker at once and marks when Python is ready and when 1+1 has come back.
performance.mark("bare:start");
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  if (event.data.type === "ready") {
    performance.mark("bare:ready");
  } else if (event.data.type === "result") {
    document.getElementById("result").textContent = event.data.value;
    performance.mark("bare:result");
  }
};
worker.postMessage({ indexURL: new URL("pyodide/", import.meta.url).href });
