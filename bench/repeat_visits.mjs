// Where a repeat visit's time goes, in Firefox and in Chromium: the worker's own timings of a boot from the
// snapshot (importing pyodide.mjs, reading the snapshot, restoring Python, importing the logic), the same
// browser profile visiting a widget page once cold and then `runs` times again.
//
//   node bench/repeat_visits.mjs <firefox|chrome> <executable> <widget page URL> [runs]
// Prints one JSON line: {browser, cold: timings, warm: [timings...]}.
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
  console.log(JSON.stringify({ browser: browserName, version: await browser.version(), cold, warm }));
} finally {
  await browser.close();
}
