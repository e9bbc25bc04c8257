// The controls for what the guide keeps on this device, in every widget and on the privacy and plan pages:
// "Remember my answers on this device", "Keep this guide for offline use", "Forget everything on this
// device", and a note saying what just happened. Every copy of the controls on the page shows the same.

import * as answers from "./answers.js";
import { say } from "./facts.js";
import * as memory from "./memory.js";

/** @typedef {{root: HTMLElement, remember: HTMLInputElement, offline: HTMLInputElement | null, note: HTMLElement}} Device */

/** @type {Set<Device>} bound controls still in the document */
const devices = new Set();
/** @type {Set<() => void | Promise<void>>} */
const forgetting = new Set();

/**
 * Calls `reset` after "Forget everything", once the device holds nothing: forms and plans empty themselves.
 * @param {() => void | Promise<void>} reset
 */
export function afterForget(reset) {
  forgetting.add(reset);
}

/**
 * Binds one copy of the controls (`[data-gw-device]`); a copy already bound is left as it is. Every copy has
 * each part (the build writes them, _macros.html), but the offline switch only where the page offers it.
 * @param {HTMLElement | null} root
 */
export function bind(root) {
  if (!root || root.dataset.gwBound) return;
  root.dataset.gwBound = "yes";
  /** @type {Device} */
  const device = {
    root,
    remember: /** @type {HTMLInputElement} */ (root.querySelector("[data-gw-remember]")),
    offline: root.querySelector("[data-gw-offline]"),
    note: /** @type {HTMLElement} */ (root.querySelector("[data-gw-device-note]")),
  };
  devices.add(device);
  device.remember.addEventListener("change", () => {
    tell(say(`remember_${answers.setRemembering(device.remember.checked)}`));
  });
  /** @type {Element} */ (root.querySelector("[data-gw-forget]")).addEventListener("click", () => forget());
  if (device.offline) {
    device.offline.addEventListener("change", () => switchOffline(/** @type {HTMLInputElement} */ (device.offline).checked));
    showOffline();
  }
  root.hidden = false;
  show();
}

/** @param {boolean} on */
async function switchOffline(on) {
  if (!on) {
    // Only the offline copy goes: remembered answers stay until the reader asks to forget them.
    await memory.dropOffline().catch(() => false);
    tell(say("forgot", { items: say("forgot_offline") }));
  } else {
    tell(say("offline_saving"));
    const problem = await memory.keepOffline();
    if (problem === "unsupported") tell(say("offline_unsupported"));
    else tell(problem ? say("offline_failed", { problem }) : say("offline_on"));
  }
  await showOffline();
}

/** @param {string} text */
function tell(text) {
  answers.note.text = text;
  show();
}

async function showOffline() {
  const kept = memory.offlineSupported() && (await memory.offlineKept());
  for (const device of devices) if (device.offline) device.offline.checked = kept;
}

/** Shows, in every copy of the controls, whether answers are remembered and the latest note. */
export function show() {
  const on = memory.remembering();
  const text = answers.note.text || (on ? say("remember_on") : "");
  for (const device of devices) {
    if (!device.root.isConnected) {
      devices.delete(device);
      continue;
    }
    device.remember.checked = on;
    device.note.textContent = text;
  }
  for (const widget of document.querySelectorAll("[data-gw-kind]")) {
    const root = /** @type {HTMLElement} */ (widget);
    if (on) root.dataset.gwRemembered = "yes";
    else delete root.dataset.gwRemembered;
  }
}

async function forget() {
  const removed = await memory.forgetEverything();
  answers.forgetAll();
  const items = removed.map((key) => say(`forgot_${key}`)).join(", ");
  for (const reset of forgetting) await reset();
  await showOffline();
  tell(items ? say("forgot", { items }) : say("forgot_nothing"));
}
