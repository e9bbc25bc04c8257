// Firefox for the tests, driven over WebDriver BiDi with puppeteer-core (Playwright cannot drive a stock
// Firefox): headless, with nothing that phones home from a test machine.
import puppeteer from "puppeteer-core";

/**
 * @param {string} executablePath the Firefox to drive
 * @param {Record<string, string | number | boolean>} [prefs] preferences of the test's own
 */
export function launchFirefox(executablePath, prefs = {}) {
  return puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      ...prefs,
    },
  });
}
