// The site's facts, written into this file by the build (runtime.py, `page_runtime`): the runtime's files and
// the checks it boots with, the frame's words in the guide's language, the names of everything the site may
// store (storage.py), how many bytes starting Python downloads, and the Python made ready at build time. Once for the whole site: a widget page's
// head carries the same facts for the starter (start.js), which runs before any module has arrived.
//
// Also the few things every part of the page says or shows in the page's language.

/**
 * @typedef {object} Facts
 * @property {string} version the pinned Pyodide's version
 * @property {string} logic the logic archive's file name
 * @property {string} stdlib the standard-library archive to boot with (the reduced one, if the build made it)
 * @property {string} fullStdlib Pyodide's whole standard-library archive
 * @property {object} lock the lock file's facts Pyodide boots with
 * @property {Record<string, string>} strings the frame's words
 * @property {Record<string, string>} storage what the site may store, by key (`{scope}` is the site's path)
 * @property {number} download bytes that starting Python downloads
 * @property {{file: string, stdlib: string, memory: number, bytes: number} | null} prepared the Python made
 *   ready at build time (snapshot.py): its file, the archive it boots with, its memory's length and file size
 * @property {"widget_pages" | "everywhere" | "off"} policy which pages carry the Content-Security-Policy
 *   (none while `mkdocs serve` runs)
 */

/** @type {Facts} */
// @ts-expect-error: the build writes the site's facts in place of the null.
export const facts = /*FACTS*/ (null);

/**
 * The frame's words, `{name}` filled in from `values`.
 * @param {string} key
 * @param {Record<string, string>} [values]
 * @returns {string}
 */
export function say(key, values = {}) {
  const text = facts.strings[key] || "";
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

// Dates and numbers follow the page's language (the guide's), not the browser's.
function pageLanguage() {
  return document.documentElement.lang || "en";
}

/** The reader's own date, YYYY-MM-DD. */
export function localToday() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A YYYY-MM-DD date in words, in the page's language.
 * @param {string} iso
 */
export function formatDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(pageLanguage(), {
    weekday: "long", year: "numeric", month: "long", day: "numeric",
  });
}

/**
 * @param {number} value
 * @param {number} [digits] at most this many after the point (2 unless told)
 */
export function formatNumber(value, digits) {
  return new Intl.NumberFormat(pageLanguage(), { maximumFractionDigits: digits ?? 2 }).format(value);
}
