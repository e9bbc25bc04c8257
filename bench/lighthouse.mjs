// Lighthouse's accessibility score on the widget pages, at load and with each widget's result (and its
// picture) shown: a user flow, run by hand, not by the tests (Lighthouse is not one of our dependencies).
//
//   mkdir /tmp/lh && cd /tmp/lh && npm i -E lighthouse@12.2.3 puppeteer-core@24.43.1
//   .venv/bin/mkdocs build -d /tmp/lhsite/making-amends && (cd /tmp/lhsite && python3 -m http.server 8123 &)
//   cp bench/lighthouse.mjs /tmp/lh/ && node /tmp/lh/lighthouse.mjs http://127.0.0.1:8123/making-amends/
//
// Prints, per page and step, the score and the failed audits. Results: manual/docs/benchmark.md.
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const base = process.argv[2];
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox"] });
const out = [];
async function measure(path, act) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823 });
  const flow = await startFlow(page, { config: { extends: "lighthouse:default",
    settings: { onlyCategories: ["accessibility"] } } });
  await flow.navigate(base + path);
  await act(page);
  await page.waitForSelector("svg.gw-picture", { timeout: 60000 });
  await flow.snapshot({ name: "answered" });
  const result = await flow.createFlowResult();
  for (const step of result.steps) {
    const lhr = step.lhr;
    const failed = Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    out.push({ path, step: step.name, score: lhr.categories.accessibility.score, failed });
  }
  await page.close();
}
await measure("knowing-when-to-walk-away/", async (page) => {
  await page.waitForSelector(".gw-quiz input[type=radio]");
  await page.evaluate(() => {
    for (const group of document.querySelectorAll(".gw-quiz fieldset")) {
      const radios = group.querySelectorAll("input[type=radio]");
      if (radios.length) radios[radios.length - 1].click();
    }
  });
});
await measure("the-no-contact-rule/", async (page) => {
  await page.waitForSelector(".gw-period input[type=date]");
  await page.evaluate(() => {
    const input = document.querySelector(".gw-period input[type=date]");
    const d = new Date(Date.now() - 9 * 864e5).toISOString().slice(0, 10);
    input.value = d;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
});
await measure("taking-responsibility/", async (page) => {
  await page.waitForSelector(".gw-widget input[type=checkbox]");
  await page.evaluate(() => document.querySelector(".gw-widget input[type=checkbox]").click());
});
console.log(JSON.stringify(out, null, 1));
await browser.close();
