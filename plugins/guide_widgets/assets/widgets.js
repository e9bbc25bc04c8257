// Binds the widgets on a page to the one Python worker, and shows their results.
// Answers live in this visit's memory (so that a widget page left and reached again by instant navigation,
// and the "My plan" page, still have them), and in the browser's storage only when the reader ticks
// "Remember my answers on this device" (memory.js).
// Included in the head of every page as an async module (instant navigation can bring a widget page in
// later), it does nothing on pages without widgets. On a widget page it takes over the worker the head's
// inline script (start.js) started before the page was parsed; the worker outlives page changes, so Python
// boots once per visit.

import * as memory from "./memory.js";

// Inlined in the head of every page by the build, before this module loads: starts workers (start.js). It is
// missing only where something refused to run it (a host's stricter policy): the widgets then say so.
const start = window.guideWidgetsStart || null;
const ASSETS = new URL(".", import.meta.url); // the folder of this script, worker.js and the logic archive

const BOOT_TIMEOUT_MS = 60000;
// Widget logic answers in milliseconds: a request open this long means the worker died (crashed, or was
// stopped by the browser). It is then replaced once; a second stall in a row is reported as a failure.
const ANSWER_TIMEOUT_MS = 5000;
const TAGS = new Set(["p", "ul", "ol", "li", "strong", "em", "span", "mark", "q", "div"]);

const engine = {
  worker: null,
  state: "idle", // idle | deferred | loading | ready | failed
  problem: "",
  runtime: null,
  timer: 0,
  watchdog: 0,
  stalls: 0, // replacements since the last answer
  boot: "", // how Python started: "snapshot" or "plain"
  woken: false, // a reader saving data came near a widget or used it: Python may start
  fullStdlib: false, // the logic needed a module the reduced standard library lacks: boot with the full one
  nextId: 1,
  waiting: new Map(), // request id -> widget
};

const widgets = new Set(); // bound widgets still in the document
const visit = new Map(); // widget key -> its fields, for this visit: what the reader has answered so far
let remembered = null; // widget key -> fields, read from storage once per visit when remembering is on
let deviceNote = ""; // the last thing said about this device, shown by every widget and device control

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Dates and numbers follow the page's language (the guide's), not the browser's.
function pageLanguage() {
  return document.documentElement.lang || "en";
}

function formatDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(pageLanguage(), {
    weekday: "long", year: "numeric", month: "long", day: "numeric",
  });
}

function formatNumber(value, digits) {
  return new Intl.NumberFormat(pageLanguage(), { maximumFractionDigits: digits ?? 2 }).format(value);
}

// The frame's words, from the site's catalogue for the page's language (they come with the runtime facts).
function say(key, values = {}) {
  const text = (engine.runtime && engine.runtime.strings && engine.runtime.strings[key]) || "";
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

// --- The worker ------------------------------------------------------------------------------------------

// The worker the page's head started (start.js), taken over once; or a new one.
function startWorker(runtime) {
  engine.runtime = runtime;
  memory.useNames(runtime.storage);
  engine.state = "loading";
  engine.problem = "";
  showStatus();
  if (!performance.getEntriesByName("guide-widgets:start").length) performance.mark("guide-widgets:start");
  if (!start) {
    fail("worker");
    return;
  }
  const early = start.take();
  const worker = early ? early.worker : start.worker(runtime, ASSETS, engine.fullStdlib);
  engine.worker = worker;
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    if (engine.state === "ready") replaceWorker();
    else fail("worker");
  };
  clearTimeout(engine.timer);
  engine.timer = setTimeout(() => fail("timeout"), BOOT_TIMEOUT_MS);
  if (early) {
    for (const message of early.messages) onWorkerMessage(message);
    if (early.failed) fail("worker");
  }
}

function stopWorker() {
  clearTimeout(engine.timer);
  clearTimeout(engine.watchdog);
  engine.watchdog = 0;
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  engine.waiting.clear();
  for (const widget of widgets) widget.inFlight = false;
}

// `problem` is a code (files, runtime, version, logic, worker, timeout, stopped) the reader sees in words.
function fail(problem) {
  stopWorker();
  engine.state = "failed";
  engine.problem = problem;
  showStatus();
}

function restart() {
  engine.stalls = 0;
  stopWorker();
  startWorker(engine.runtime);
  for (const widget of widgets) request(widget);
}

// The worker stopped answering or crashed after it was ready: start a new one and ask again.
function replaceWorker() {
  if (engine.stalls >= 1) {
    fail("stopped");
    return;
  }
  const stalls = engine.stalls + 1;
  restart();
  engine.stalls = stalls;
}

function watch() {
  clearTimeout(engine.watchdog);
  engine.watchdog = 0;
  if (engine.state === "ready" && engine.waiting.size > 0) {
    engine.watchdog = setTimeout(replaceWorker, ANSWER_TIMEOUT_MS);
  }
}

function onWorkerMessage(message) {
  if (message.type === "ready") {
    clearTimeout(engine.timer);
    engine.state = "ready";
    engine.boot = message.boot;
    if (!performance.getEntriesByName("guide-widgets:ready").length) {
      performance.mark("guide-widgets:ready", { detail: { boot: message.boot, ...message.timings } });
    }
    showStatus();
    watch();
  } else if (message.type === "snapshot-done") {
    performance.mark("guide-widgets:snapshot-done", { detail: message });
  } else if (message.type === "failed") {
    if (message.message) console.info(`guide-widgets: Python could not start: ${message.message}`);
    // Python in this browser needed a module that the reduced standard library lacks: once, boot in full.
    if (!engine.fullStdlib && /ModuleNotFoundError|No module named/.test(message.message || "")) {
      engine.fullStdlib = true;
      restart();
      return;
    }
    fail(message.code);
  } else if (message.type === "crashed") {
    replaceWorker();
  } else if (message.type === "stdlib-missing" && !engine.fullStdlib) {
    // Once per visit: from now on Python boots with the full standard library, and every widget asks again.
    console.info(`guide-widgets: using the full standard library: ${message.message}`);
    engine.fullStdlib = true;
    restart();
  } else if (message.type === "result" || message.type === "error") {
    const widget = engine.waiting.get(message.id);
    engine.waiting.delete(message.id);
    engine.stalls = 0;
    watch();
    if (!widget) return;
    widget.inFlight = false;
    if (widget.queued) {
      // The reader changed something meanwhile: this answer is already stale, ask again.
      widget.queued = false;
      request(widget);
    } else if (message.type === "result") {
      showResult(widget, message.result);
    } else {
      showError(widget, message.message);
    }
  }
}

// --- Widgets ---------------------------------------------------------------------------------------------

function fieldsOf(form) {
  const fields = {};
  for (const control of form.elements) {
    if (!control.name) continue;
    if (control.type === "checkbox") {
      fields[control.name] ??= [];
      if (control.checked) fields[control.name].push(control.value);
    } else if (control.type === "radio") {
      fields[control.name] ??= "";
      if (control.checked) fields[control.name] = control.value;
    } else {
      fields[control.name] = control.value;
    }
  }
  return fields;
}

let nearby = null; // the IntersectionObserver watching deferred widgets

function defer(widget) {
  engine.state = "deferred";
  if (!widget.waiting) {
    widget.waiting = true;
    nearby ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) wake();
    }, { rootMargin: "0px 0px 200px 0px" });
    nearby.observe(widget.root);
    for (const type of ["focusin", "pointerdown", "input"]) widget.form.addEventListener(type, wake, { once: true });
  }
  showStatus();
}

function wake() {
  if (engine.state !== "deferred") return;
  engine.woken = true;
  if (nearby) nearby.disconnect();
  nearby = null;
  engine.state = "idle";
  for (const widget of widgets) request(widget);
}

function request(widget) {
  if (!widget.root.isConnected) {
    widgets.delete(widget);
    return;
  }
  if (engine.state === "failed") return;
  if (!engine.worker && !engine.woken && start && start.savingData()) {
    defer(widget);
    return;
  }
  if (!engine.worker) startWorker(widget.runtime);
  if (!engine.worker) return; // it could not start: the widgets say so
  if (widget.inFlight) {
    widget.queued = true;
    return;
  }
  const id = engine.nextId++;
  widget.inFlight = true;
  engine.waiting.set(id, widget);
  engine.worker.postMessage({
    type: "run",
    id,
    request: { widget: widget.kind, spec: widget.spec, fields: fieldsOf(widget.form), today: localToday() },
  });
  if (!engine.watchdog) watch();
}

function build(node, widget) {
  switch (node.t) {
    case "text":
      return document.createTextNode(node.v);
    case "number":
      return document.createTextNode(formatNumber(node.v, node.digits));
    case "date": {
      const time = document.createElement("time");
      time.dateTime = node.iso;
      time.textContent = formatDate(node.iso);
      return time;
    }
    case "progress": {
      const bar = document.createElement("progress");
      bar.max = node.max;
      bar.value = node.value;
      bar.setAttribute("aria-label", node.label);
      bar.textContent = node.label;
      return bar;
    }
    case "band": {
      const template = widget.root.querySelector(`template[data-gw-band="${Number(node.i)}"]`);
      return template ? template.content.cloneNode(true) : document.createTextNode("");
    }
    case "download": {
      const link = document.createElement("a");
      const url = URL.createObjectURL(new Blob([node.content], { type: node.mime }));
      widget.urls.push(url);
      link.href = url;
      link.download = node.filename;
      link.className = "gw-download";
      link.textContent = node.label;
      return link;
    }
    default: {
      if (!TAGS.has(node.t)) return document.createTextNode("");
      const element = document.createElement(node.t);
      if (node.cls) element.className = node.cls;
      if (node.title) element.title = node.title;
      for (const child of node.c || []) element.append(build(child, widget));
      return element;
    }
  }
}

function showMessages(widget, errors) {
  for (const slot of widget.root.querySelectorAll("[data-gw-message]")) {
    const name = slot.dataset.gwMessage;
    const text = errors[name] || "";
    slot.textContent = text;
    slot.hidden = !text;
    for (const control of widget.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (text) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

function showResult(widget, result) {
  // The same answer again (an input and a change event for one edit) leaves the page alone: a screen reader
  // does not hear it twice, and a download link being clicked is not swapped out from under the pointer.
  const shown = JSON.stringify(result);
  if (shown === widget.shown && widget.root.dataset.gwState === "answered") return;
  widget.shown = shown;
  for (const url of widget.urls.splice(0)) URL.revokeObjectURL(url);
  showMessages(widget, result.errors || {});
  widget.output.replaceChildren(...result.view.map((node) => build(node, widget)));
  widget.root.dataset.gwState = "answered";
  if (!performance.getEntriesByName("guide-widgets:result").length) performance.mark("guide-widgets:result");
}

function showError(widget, message) {
  const paragraph = document.createElement("p");
  paragraph.className = "gw-problem";
  paragraph.textContent = say("error", { problem: message });
  widget.output.replaceChildren(paragraph);
  widget.root.dataset.gwState = "error";
}

function showStatus() {
  for (const widget of widgets) {
    const status = widget.status;
    widget.root.dataset.gwEngine = engine.state;
    if (engine.boot) widget.root.dataset.gwBoot = engine.boot;
    if (engine.state === "deferred") {
      const size = formatNumber(((engine.runtime && engine.runtime.download) || 0) / 1e6, 1);
      status.replaceChildren(say("deferred", { size }));
    } else if (engine.state === "loading") {
      status.replaceChildren(say("loading"));
    } else if (engine.state === "failed") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "gw-retry";
      retry.textContent = say("retry");
      retry.addEventListener("click", restart);
      const reason = say(`problem_${engine.problem}`) || say("problem_runtime");
      status.replaceChildren(`${say("failed", { problem: reason })} `, retry);
    } else {
      status.replaceChildren();
    }
  }
}

function bind(root) {
  if (root.dataset.gwBound) return;
  root.dataset.gwBound = "yes";
  const widget = {
    root,
    kind: root.dataset.gwKind,
    key: root.dataset.gwKey,
    plan: root.hasAttribute("data-gw-plan"),
    spec: JSON.parse(root.dataset.gwSpec),
    runtime: JSON.parse(root.dataset.gwRuntime),
    form: root.querySelector("form"),
    output: root.querySelector("[data-gw-result]"),
    status: root.querySelector("[data-gw-status]"),
    urls: [],
    shown: "",
    inFlight: false,
    queued: false,
  };
  engine.runtime ??= widget.runtime;
  memory.useNames(widget.runtime.storage);
  widgets.add(widget);
  // A date field marked data-gw-default="today" starts at the reader's own date.
  for (const field of widget.form.querySelectorAll('input[data-gw-default="today"]')) {
    if (!field.value) field.value = localToday();
  }
  const answered = restore(widget);
  if (widget.plan) {
    // A copy on the "My plan" page: it shows what was answered in the section, and works out its result.
    if (answered) request(widget);
    return answered;
  }
  const ask = () => {
    keep(widget, fieldsOf(widget.form));
    request(widget);
  };
  widget.form.addEventListener("input", ask);
  widget.form.addEventListener("change", ask);
  widget.form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask();
  });
  widget.form.addEventListener("reset", () => setTimeout(() => {
    keep(widget, null);
    request(widget);
  }, 0));
  bindDevice(root.querySelector("[data-gw-device]"), widget.runtime);
  showStatus();
  request(widget);
  return answered;
}

// --- Answers: this visit's, and remembered ones -------------------------------------------------------------

function rememberedAnswers() {
  if (remembered === null) {
    const { answers, damaged } = memory.loadAnswers();
    remembered = answers;
    if (damaged) deviceNote = say("remember_ignored");
  }
  return remembered;
}

// The answers this widget had (this visit, or remembered) put back into its form. Answers whether any were.
function restore(widget) {
  const fields = visit.get(widget.key) ?? rememberedAnswers().get(widget.key);
  if (!fields) return false;
  visit.set(widget.key, fields);
  if (applyFields(widget.form, fields) > 0) deviceNote = say("remember_ignored");
  return true;
}

// Sets each control from `fields`; a name or value this form no longer has (a later build changed the
// widget) is left out. Answers how many were left out.
function applyFields(form, fields) {
  let ignored = 0;
  const controls = [...form.elements].filter((control) => control.name);
  for (const [name, value] of Object.entries(fields)) {
    const group = controls.filter((control) => control.name === name);
    if (!group.length) {
      ignored += 1;
      continue;
    }
    const type = group[0].type;
    if (type === "checkbox") {
      const values = Array.isArray(value) ? value.map(String) : [];
      for (const box of group) box.checked = values.includes(box.value);
      if (!Array.isArray(value) || values.some((v) => !group.some((box) => box.value === v))) ignored += 1;
    } else if (type === "radio") {
      const match = group.find((radio) => radio.value === value);
      for (const radio of group) radio.checked = radio === match;
      if (value !== "" && !match) ignored += 1;
    } else if (typeof value === "string") {
      group[0].value = value;
      if (group[0].value !== value) ignored += 1; // a date field refuses what is not a date
    } else {
      ignored += 1;
    }
  }
  return ignored;
}

// Keeps a widget's answers for this visit, and on the device when the reader asked for that.
function keep(widget, fields) {
  if (fields === null) visit.delete(widget.key);
  else visit.set(widget.key, fields);
  if (memory.remembering()) {
    const problem = memory.saveAnswers(widget.key, fields);
    if (problem) deviceNote = say(`remember_${problem}`);
    else if (deviceNote === say("remember_full")) deviceNote = "";
    showDevice();
  }
}

// --- This device: remember, offline, forget ----------------------------------------------------------------

const devices = new Set(); // bound device controls still in the document

function bindDevice(root, runtime) {
  if (!root || root.dataset.gwBound) return;
  root.dataset.gwBound = "yes";
  engine.runtime ??= runtime;
  memory.useNames(runtime.storage);
  const device = {
    root,
    remember: root.querySelector("[data-gw-remember]"),
    offline: root.querySelector("[data-gw-offline]"),
    note: root.querySelector("[data-gw-device-note]"),
  };
  devices.add(device);
  device.remember.addEventListener("change", () => {
    const outcome = memory.setRemembering(device.remember.checked, visit);
    if (outcome === "stopped") remembered = new Map();
    deviceNote = say(`remember_${outcome}`);
    showDevice();
  });
  root.querySelector("[data-gw-forget]").addEventListener("click", () => forget());
  if (device.offline) {
    device.offline.addEventListener("change", async () => {
      if (!device.offline.checked) {
        // Only the offline copy goes: remembered answers stay until the reader asks to forget them.
        await memory.dropOffline().catch(() => false);
        deviceNote = say("forgot", { items: say("forgot_offline") });
      } else {
        deviceNote = say("offline_saving");
        showDevice();
        const problem = await memory.keepOffline();
        if (problem === "unsupported") deviceNote = say("offline_unsupported");
        else deviceNote = problem ? say("offline_failed", { problem }) : say("offline_on");
      }
      await showOffline();
      showDevice();
    });
    showOffline();
  }
  root.hidden = false;
  showDevice();
}

async function showOffline() {
  const kept = memory.offlineSupported() && (await memory.offlineKept());
  for (const device of devices) if (device.offline) device.offline.checked = kept;
}

function showDevice() {
  const on = memory.remembering();
  for (const device of devices) {
    if (!device.root.isConnected) {
      devices.delete(device);
      continue;
    }
    device.remember.checked = on;
    device.note.textContent = deviceNote || (on ? say("remember_on") : "");
  }
  for (const widget of widgets) {
    if (on) widget.root.dataset.gwRemembered = "yes";
    else delete widget.root.dataset.gwRemembered;
  }
}

async function forget() {
  const removed = await memory.forgetEverything();
  visit.clear();
  remembered = new Map();
  const items = removed.map((key) => say(`forgot_${key}`)).join(", ");
  deviceNote = items ? say("forgot", { items }) : say("forgot_nothing");
  for (const widget of widgets) {
    if (widget.plan) continue;
    widget.form.reset(); // its reset listener asks for the empty result
    for (const field of widget.form.querySelectorAll('input[data-gw-default="today"]')) field.value = "";
  }
  if (document.querySelector("[data-gw-plan-root]")) (await import("./plan.js")).clear();
  await showOffline();
  showDevice();
}

async function bindAll() {
  for (const widget of widgets) if (!widget.root.isConnected) widgets.delete(widget);
  const plan = document.querySelector("[data-gw-plan-root]");
  if (plan) memory.useNames(JSON.parse(plan.dataset.gwRuntime).storage);
  const answered = new Map();
  for (const root of document.querySelectorAll("[data-gw-kind]")) answered.set(root, bind(root));
  for (const root of document.querySelectorAll("[data-gw-page-device]")) {
    bindDevice(root.querySelector("[data-gw-device]"), JSON.parse(root.dataset.gwRuntime));
  }
  showStatus();
  showDevice();
  if (plan) {
    (await import("./plan.js")).show(plan, answered, {
      widgets: [...widgets].filter((widget) => widget.plan), say, formatDate, localToday,
    });
  }
}

// A widget page says so in its head, where start.js has started Python already: take that worker over.
const early = start && start.early;
if (early) startWorker(early.runtime);

function whenParsed() {
  bindAll();
  // Material's instant navigation swaps the page without reloading scripts: bind again after each swap.
  if (window.document$) window.document$.subscribe(bindAll);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed, { once: true });
else whenParsed();
