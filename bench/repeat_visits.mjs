// Where a repeat visit's time goes, in Firefox and in Chromium: the worker's own timings of a boot from the
// snapshot (importing pyodide.mjs, reading the snapshot, restoring Python, importing the logic), the same
// browser profile visiting a widget page once cold and then `runs` times again; then, alone, how long
// compiling pyodide.asm.wasm from the HTTP cache takes in the page (part of the "python" step).
//
//   node bench/repeat_visits.mjs <firefox|chrome> <executable> <widget page URL> [runs]
// Prints one JSON line: {browser, version, cold: timings, warm: [timings...], compile: [ms...]}.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const [browserName, executablePath, url, runs = "5"] = process.argv.slice(2);
const userDataDir = mkdtempSync(join(tmpdir(), "guide-repeat-"));
const options = { browser: browserName, executablePath, headless: true, userDataDir };
if (browserName === "chrome") {
  options.args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"];
}

async function visit(browser, waitForSnapshot) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("guide-widgets:ready").length, { timeout: 120_000 });
  if (waitForSnapshot) {
    await page.waitForFunction(() => performance.getEntriesByName("guide-widgets:snapshot-done").length,
      { timeout: 120_000 });
  }
  const mark = await page.evaluate(() => {
    const ready = performance.getEntriesByName("guide-widgets:ready")[0];
    return { ready_ms: Math.round(ready.startTime), ...ready.detail };
  });
  await page.close();
  return mark;
}

const browser = await puppeteer.launch(options);
try {
  const cold = await visit(browser, true);
  const warm = [];
  for (let i = 0; i < Number(runs); i++) warm.push(await visit(browser, false));
  // One part of the restore measured alone: compiling pyodide.asm.wasm from the HTTP cache, in the page.
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  const compile = await page.evaluate(async () => {
    const wasm = new URL("../assets/pyodide/pyodide.asm.wasm", location.href).href;
    const times = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await WebAssembly.compileStreaming(fetch(wasm));
      times.push(Math.round(performance.now() - start));
    }
    return times;
  });
  await page.close();
  console.log(JSON.stringify({ browser: browserName, version: await browser.version(), cold, warm, compile }));
} finally {
  await browser.close();
}
