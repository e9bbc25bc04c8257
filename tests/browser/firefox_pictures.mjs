// The pictures of a result as Firefox draws them (tests/browser/pictures.py's page), one PNG each, light and
// dark, driven over WebDriver BiDi with puppeteer-core as firefox_smoke.mjs is.
//
//   node firefox_pictures.mjs FIREFOX PAGE_URL NAMES_JSON OUT_DIR
//
// Writes OUT_DIR/SCHEME-NAME.png for every picture; prints {"written": n} and exits 0, or 1 with the error.
import { launchFirefox } from "./firefox.mjs";

const [firefox, pageUrl, namesJson, outDir] = process.argv.slice(2);
const names = JSON.parse(namesJson);
const browser = await launchFirefox(firefox);
let written = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 480, height: 900, deviceScaleFactor: 1 });
  for (const scheme of ["default", "slate"]) {
    await page.goto(`${pageUrl}?scheme=${scheme}`, { waitUntil: "load" });
    await page.waitForSelector("html[data-drawn=yes]", { timeout: 30_000 });
    for (const name of names) {
      const element = await page.$(`[data-shot="${name}"] > *`);
      if (!element) throw new Error(`no picture ${name}`);
      await element.screenshot({ path: `${outDir}/${scheme}-${name}.png` });
      written += 1;
    }
  }
  console.log(JSON.stringify({ written }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
