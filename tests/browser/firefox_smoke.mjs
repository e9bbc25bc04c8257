// A reader's walk through the built guide in Firefox, driven over WebDriver BiDi with puppeteer-core
// (Playwright cannot drive a stock Firefox).
//
//   node firefox_smoke.mjs FIREFOX SITE_URL PAGES_JSON
//
// Visits every page, uses each of the three widgets as a reader would (remembering the answers), follows a
// link by instant navigation, opens My plan by a full page load,
// and prints one JSON report: {steps: [...], problems: [...]} where problems are console errors, uncaught
// exceptions, dialogs, failed requests and requests to another origin. It exits 0 when the walk finished
// (problems or not: the test judges them), 1 when a step could not be done.
import { launchFirefox } from "./firefox.mjs";

const [firefox, siteUrl, pagesJson] = process.argv.slice(2);
const pages = JSON.parse(pagesJson);
const origin = new URL(siteUrl).origin;
const READY_MS = 90_000;
const steps = [];
const problems = [];
const seen = []; // every URL the pages asked for: proof that the watch sees requests at all

function watch(page) {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message ?? error}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = request.url();
    seen.push(url);
    if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on("response", (response) => {
    const url = response.url();
    if (response.status() >= 400 && !url.includes("/no-such-page/")) problems.push(`${response.status()} ${url}`);
  });
}

// The result region of the page's widget once Python has answered, as text.
async function firstResult(page) {
  await page.waitForFunction(() => {
    const region = document.querySelector("[data-gw-result]");
    return region && region.textContent.trim() !== "";
  }, { timeout: READY_MS });
}

async function textOf(page, selector) {
  return page.$eval(selector, (element) => element.textContent.replace(/\s+/g, " ").trim());
}

async function waitForText(page, selector, wanted) {
  try {
    await page.waitForFunction((s, w) => {
      const element = document.querySelector(s);
      return element && element.textContent.replace(/\s+/g, " ").includes(w);
    }, { timeout: 20_000 }, selector, wanted);
  } catch {
    const shown = await page.$(selector) ? await textOf(page, selector) : "(nothing)";
    throw new Error(`expected "${wanted}" in ${selector}, the page shows: ${shown}`);
  }
}

// Clicks, as a reader would, the first element matching `selector` whose text reads `text`.
async function clickText(page, selector, text) {
  const handle = await page.evaluateHandle((s, t) => [...document.querySelectorAll(s)]
    .find((element) => element.textContent.replace(/\s+/g, " ").trim() === t), selector, text);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} reading "${text}"`);
  await element.click();
}

// Firefox's driver cannot type into <input type=date>: set the value as a date picker would, then say so.
async function setDate(page, label, iso) {
  await page.evaluate((text, value) => {
    const field = [...document.querySelectorAll("label")]
      .find((l) => l.textContent.replace(/\s+/g, " ").trim() === text).control;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }, label, iso);
}

function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const browser = await launchFirefox(firefox, { "intl.accept_languages": "en-US" });
let failed = null;
try {
  const page = await browser.newPage();
  watch(page);

  for (const path of pages) {
    // A page Firefox prefetched (Material's rel="next") is shown from that copy, and goto reports no response.
    const response = await page.goto(siteUrl + path, { waitUntil: "load" });
    if (response && response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
    const shown = await page.evaluate(() => location.href);
    if (shown !== siteUrl + path || !(await page.$("article h1"))) throw new Error(`${path} did not show its page`);
    const styled = await page.evaluate(() =>
      getComputedStyle(document.body).getPropertyValue("--md-primary-fg-color") !== "");
    if (!styled) throw new Error(`${path} has no theme styles`);
  }
  steps.push(`read ${pages.length} pages`);

  await page.goto(siteUrl + "knowing-when-to-walk-away/", { waitUntil: "load" });
  await firstResult(page);
  await clickText(page, "label", "Remember my answers on this device");
  for (const answer of ["They've blocked me.", "Still clearly angry or bitter toward me.",
    "Yes, they're with someone new.", "Mostly loneliness, or fear of being alone."]) {
    await clickText(page, "label", answer);
  }
  await waitForText(page, "[data-gw-result] .gw-band-title", "It is time to step back");
  await waitForText(page, "[data-gw-result]", "Because you said they blocked you.");
  steps.push("quiz: a stop signal gives the band 'It is time to step back', and says why");

  await page.goto(siteUrl + "the-no-contact-rule/", { waitUntil: "load" });
  await firstResult(page);
  await setDate(page, "Date of your last contact", daysAgo(10));
  await waitForText(page, "[data-gw-result] .gw-headline", "Day 10, with no end date");
  await clickText(page, "label", "We both agreed on a break that ends on a date");
  await waitForText(page, "[data-gw-result] .gw-headline", "Day 10 of 30");
  steps.push("no-contact: a start ten days ago is day 10 with no end date, or of 30 in an agreed break");

  await page.goto(siteUrl + "taking-responsibility/", { waitUntil: "load" });
  await firstResult(page);
  await clickText(page, "label", "Lying");
  await clickText(page, "label", "Betrayed");
  for (const box of await page.$$("input[name=g3]")) await box.click();
  await waitForText(page, "[data-gw-result] .gw-headline", "8 of 8 parts in place.");
  await waitForText(page, "[data-gw-result]", "You will name: Lying. They may have felt: Betrayed.");
  await page.type("textarea", "I lied to you, but you made me.");
  await waitForText(page, "[data-gw-result] mark", "but you made me");
  steps.push("apology checklist: eight parts in place, and the draft's excuse is marked");

  // Instant navigation: Material swaps the page without reloading it, and the next widget still answers.
  await page.goto(siteUrl, { waitUntil: "load" });
  await page.evaluate(() => { window.samePage = true; });
  await clickText(page, "article a", "The no-contact rule");
  await page.waitForFunction(() => location.pathname.endsWith("/the-no-contact-rule/"), { timeout: 20_000 });
  await firstResult(page);
  if (!await page.evaluate(() => window.samePage === true)) throw new Error("the link reloaded the page");
  steps.push("instant navigation to the no-contact page, whose widget answers");

  // My plan after a full page load: the remembered answers, their result, and nothing claiming to be empty
  // (Material binds a fully loaded page twice; the second binding must keep what the first found).
  await page.goto(siteUrl + "my-plan/", { waitUntil: "load" });
  await page.waitForFunction(() => [...document.querySelectorAll("[data-gw-plan-entry] .gw-band-title")]
    .some((title) => title.textContent.includes("It is time to step back")), { timeout: READY_MS });
  const plan = await page.evaluate(() => ({
    empty: document.querySelector("[data-gw-plan-empty]").hidden,
    actions: !document.querySelector("[data-gw-plan-actions]").hidden,
    answered: [...document.querySelectorAll("[data-gw-plan-entry]")].map((e) => !e.hasAttribute("data-gw-unanswered")),
  }));
  if (!plan.empty || !plan.actions || plan.answered.some((answered) => !answered)) {
    throw new Error(`the plan after a full load is wrong: ${JSON.stringify(plan)}`);
  }
  steps.push("My plan after a full page load: every remembered widget answered, with Download and Print");

  const missing = await page.goto(siteUrl + "no-such-page/", { waitUntil: "load" });
  if (missing.status() !== 404 || !(await textOf(page, "h1")).includes("404")) {
    throw new Error("an unknown address did not get the site's 404 page");
  }
  steps.push("an unknown address gets the site's 404 page");
  await page.close();
} catch (error) {
  failed = String(error?.stack ?? error);
} finally {
  await browser.close();
}

console.log(JSON.stringify({ steps, problems, failed, seen }));
process.exit(failed ? 1 : 0);
