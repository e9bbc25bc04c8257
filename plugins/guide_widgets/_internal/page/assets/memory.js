// What the guide keeps on the reader's device, and only when the reader asks: their answers (after they tick
// "Remember my answers on this device"), and an offline copy of the guide (after they ask for one). The
// names of everything it may store come from the build (storage.py), which also lists them on the privacy
// page. Names in origin-wide storage carry the site's path, so two guides on one domain never mix.
//
// Storage may be missing, blocked (a private window), full, or hold data an earlier build wrote: none of it
// may break a widget or lose what the reader has typed on the page. Every function here answers with a word
// for the widget to show, never with an exception.

import { facts } from "./facts.js";

/** @typedef {import("./answers.js").Fields} Fields */

const FORMAT = 1; // the shape of the stored answers; anything else is ignored
/** The site's root path (e.g. /making-amends/), as the head's starter found it (start.js). Without the starter
 * (something refused to run it) no widget works, and nothing is stored under a name. */
export const scope = window.guideWidgetsStart?.root ?? "/.guide-widgets-unplaced/";

/** The build's names for what may be stored, with this site's path filled in. */
const names = Object.fromEntries(Object.entries(facts.storage)
  .map(([key, name]) => [key, name.replaceAll("{scope}", scope)]));

function local() {
  try {
    const storage = window.localStorage; // reading the property itself throws where storage is blocked
    storage.getItem("");
    return storage;
  } catch {
    return null;
  }
}

/**
 * @param {DOMException} error what storage threw
 * @returns {"full" | "blocked"}
 */
function problemOf(error) {
  return error && (error.name === "QuotaExceededError" || error.code === 22) ? "full" : "blocked";
}

export function remembering() {
  const storage = local();
  if (!storage) return false;
  try {
    return storage.getItem(names.consent) === "yes";
  } catch {
    return false;
  }
}

// Turns remembering on ("started", or the problem: "blocked", "full") or off ("stopped": the saved answers
// go too). `current` is every answer of this visit, saved at once when remembering starts.
/**
 * @param {boolean} on
 * @param {Map<string, Fields>} current
 * @returns {"started" | "stopped" | "blocked" | "full"}
 */
export function setRemembering(on, current) {
  const storage = local();
  if (!storage) return "blocked";
  try {
    if (!on) {
      storage.removeItem(names.consent);
      storage.removeItem(names.answers);
      return "stopped";
    }
    storage.setItem(names.consent, "yes");
    const { answers } = loadAnswers();
    for (const [key, fields] of current) answers.set(key, fields);
    writeAll(answers);
  } catch (error) {
    return problemOf(/** @type {DOMException} */ (error));
  }
  return "started";
}

// The remembered answers: {answers: Map(key -> fields), damaged: whether something stored was unreadable}.
/** @returns {{answers: Map<string, Fields>, damaged: boolean}} */
export function loadAnswers() {
  /** @type {Map<string, Fields>} */
  const answers = new Map();
  const storage = local();
  if (!storage || !remembering()) return { answers, damaged: false };
  let text;
  try {
    text = storage.getItem(names.answers);
  } catch {
    return { answers, damaged: false };
  }
  if (text === null) return { answers, damaged: false };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { answers, damaged: true };
  }
  if (!data || data.format !== FORMAT || typeof data.widgets !== "object" || data.widgets === null) {
    return { answers, damaged: true };
  }
  let damaged = false;
  for (const [key, entry] of Object.entries(data.widgets)) {
    if (entry && typeof entry.fields === "object" && entry.fields !== null && !Array.isArray(entry.fields)) {
      answers.set(key, entry.fields);
    } else {
      damaged = true;
    }
  }
  return { answers, damaged };
}

// Only called once storage was found to be there.
/** @param {Map<string, Fields>} answers */
function writeAll(answers) {
  /** @type {Record<string, {fields: Fields}>} */
  const widgets = {};
  for (const [key, fields] of answers) widgets[key] = { fields };
  /** @type {Storage} */ (local()).setItem(names.answers, JSON.stringify({ format: FORMAT, widgets }));
}

// Saves one widget's answers (null removes them). Answers null when saved, or the problem.
/**
 * @param {string} key
 * @param {Fields | null} fields
 * @returns {"full" | "blocked" | null}
 */
export function saveAnswers(key, fields) {
  if (!remembering()) return null;
  try {
    const { answers } = loadAnswers(); // unreadable old data is dropped here, never the reader's answers
    if (fields === null) answers.delete(key);
    else answers.set(key, fields);
    writeAll(answers);
    return null;
  } catch (error) {
    return problemOf(/** @type {DOMException} */ (error));
  }
}

// --- The offline copy --------------------------------------------------------------------------------------

function workerUrl() {
  return new URL(names.worker, location.origin).href;
}

async function ownRegistration() {
  if (!("serviceWorker" in navigator)) return null;
  try {
    const registration = await navigator.serviceWorker.getRegistration(location.origin + scope);
    // Another guide higher up on the same domain may have one of its own: only ours counts.
    return registration && new URL(registration.scope).pathname === scope ? registration : null;
  } catch {
    return null;
  }
}

export function offlineSupported() {
  return "serviceWorker" in navigator && "caches" in window && window.isSecureContext;
}

export async function offlineKept() {
  const registration = await ownRegistration();
  return Boolean(registration && (registration.active || registration.waiting || registration.installing));
}

// Registers the service worker that stores the guide, and waits until it has stored everything. Answers
// null when the guide is kept, or the problem in words from the browser.
export async function keepOffline() {
  if (!offlineSupported()) return "unsupported";
  try {
    const registration = await navigator.serviceWorker.register(workerUrl(), { scope });
    // A registration just made has one of them.
    const worker = /** @type {ServiceWorker} */ (registration.installing || registration.waiting || registration.active);
    if (worker.state !== "activated") {
      await /** @type {Promise<void>} */ (new Promise((resolve, reject) => {
        worker.addEventListener("statechange", () => {
          if (worker.state === "activated") resolve();
          else if (worker.state === "redundant") reject(new Error("a file of the guide could not be stored"));
        });
      }));
    }
    return null;
  } catch (error) {
    await dropOffline();
    return String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error);
  }
}

// Removes the offline copy (its service worker and its caches). Answers whether there was one.
export async function dropOffline() {
  let removed = false;
  const registration = await ownRegistration();
  if (registration) removed = await registration.unregister();
  if ("caches" in window) {
    for (const name of await caches.keys()) {
      if (name.startsWith(names.offline.replace("{build}", ""))) removed = (await caches.delete(name)) || removed;
    }
  }
  return removed;
}

// --- Forgetting -------------------------------------------------------------------------------------------

// Removes everything the guide keeps on this device. Answers the keys of what was there.
export async function forgetEverything() {
  const removed = [];
  const storage = local();
  if (storage) {
    for (const key of ["answers", "consent", "palette"]) {
      try {
        if (storage.getItem(names[key]) !== null) {
          storage.removeItem(names[key]);
          removed.push(key);
        }
      } catch {
        // blocked storage holds nothing of ours
      }
    }
  }
  if ("caches" in window) {
    try {
      if (await caches.delete(names.snapshot)) removed.push("snapshot");
    } catch {
      // Cache Storage unavailable (not a secure context): nothing was kept there
    }
  }
  try {
    if (await dropOffline()) removed.push("offline");
  } catch {
    // no service workers here
  }
  return removed;
}
