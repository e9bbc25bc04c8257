// Binds the widgets on a page to Python and shows their results. Included in the head of every page as an
// async module (instant navigation can bring a widget page in later); on a page without widgets it binds
// only the device controls, if the page has them, and starts nothing.
//
// The parts: python.js talks to Python; answers.js keeps the reader's answers (memory.js stores them when
// asked); device.js runs the device controls; plan.js fills the "My plan" page; facts.js holds the site's
// facts and words. This module binds each widget's form to them and renders what the logic answers.

import * as answers from "./answers.js";
import * as device from "./device.js";
import { formatDate, formatNumber, localToday, say, facts } from "./facts.js";
import { PICTURES, picture } from "./pictures.js";
import * as python from "./python.js";

const TAGS = new Set(["p", "ul", "ol", "li", "strong", "em", "span", "mark", "q", "div"]);

/**
 * @typedef {object} Widget
 * @property {HTMLElement} root
 * @property {string} kind
 * @property {string} key where the widget stands in the site (its page and id): answers are kept under it
 * @property {boolean} plan a read-only copy on the "My plan" page
 * @property {object} spec the author's options
 * @property {object} words the kind's words in the page's language
 * @property {string} language
 * @property {HTMLFormElement} form
 * @property {HTMLElement} output
 * @property {HTMLElement} status
 * @property {string[]} urls download links made for its result, revoked when it changes
 * @property {string} shown the result on screen, as JSON
 * @property {boolean} answered it had answers when it was bound (this visit's, or remembered)
 * @property {boolean} inFlight
 * @property {boolean} queued the reader changed something while its question was open: ask again
 * @property {boolean} [watched] Python waits for this reader (saving data) to come near it
 */

/**
 * A widget's root element, with the attributes the build writes on every one.
 * @typedef {HTMLElement & {dataset: {gwKind: string, gwKey: string, gwSpec: string, gwWords: string, gwLang: string}}} WidgetRoot
 */
/** @typedef {any} ViewNode a node of the view the logic answers with (view.py): untyped JSON, read by its `t` */
/** @typedef {{view: ViewNode[], errors?: Record<string, string>}} Result the logic's answer (JSON) */

/** @type {WeakMap<Element, Widget>} every widget bound in this visit, by its root element */
const bound = new WeakMap();
/** @type {Set<Widget>} bound widgets still in the document */
const widgets = new Set();

// --- Asking Python ----------------------------------------------------------------------------------------

/** @type {IntersectionObserver | null} */
let nearby = null; // the IntersectionObserver that wakes Python for a reader saving data

/** @param {Widget} widget */
function watchForReader(widget) {
  if (widget.watched) return;
  widget.watched = true;
  nearby ??= new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) python.wake();
  }, { rootMargin: "0px 0px 200px 0px" });
  nearby.observe(widget.root);
  for (const type of ["focusin", "pointerdown", "input"]) widget.form.addEventListener(type, python.wake, { once: true });
}

/**
 * Asks for the widget's result and shows it; a change made meanwhile asks again, so no stale answer stays.
 * @param {Widget} widget
 */
async function request(widget) {
  if (!widget.root.isConnected) {
    widgets.delete(widget);
    return;
  }
  if (widget.inFlight) {
    widget.queued = true;
    return;
  }
  widget.inFlight = true;
  widget.root.dataset.gwBusy = "yes";
  const question = {
    widget: widget.kind, spec: widget.spec, fields: answers.fieldsOf(widget.form),
    today: localToday(), language: widget.language, words: widget.words,
  };
  /** @type {{result: Result} | {error: string}} */
  let shown;
  try {
    shown = { result: await python.ask(question) };
  } catch (error) {
    shown = { error: /** @type {Error} */ (error).message };
  }
  widget.inFlight = false;
  if (widget.queued) {
    widget.queued = false;
    request(widget); // this answer is already stale
    return;
  }
  delete widget.root.dataset.gwBusy;
  if ("result" in shown) showResult(widget, shown.result);
  else showError(widget, shown.error);
}

// --- Showing results ----------------------------------------------------------------------------------------

/**
 * @param {ViewNode} node
 * @param {Widget} widget
 * @returns {Node}
 */
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
    case "band":
    case "part": {
      const selector = node.t === "band" ? `[data-gw-band="${Number(node.i)}"]` : `[data-gw-part="${CSS.escape(String(node.n))}"]`;
      /** @type {HTMLTemplateElement | null} */
      const template = widget.root.querySelector(`template${selector}`);
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
      if (PICTURES.has(node.t)) return picture(node, formatNumber);
      if (!TAGS.has(node.t)) return document.createTextNode("");
      const element = document.createElement(node.t);
      if (node.cls) element.className = node.cls;
      if (node.title) element.title = node.title;
      for (const child of node.c || []) element.append(build(child, widget));
      return element;
    }
  }
}

/**
 * @param {Widget} widget
 * @param {Record<string, string>} errors
 */
function showMessages(widget, errors) {
  for (const slot of widget.root.querySelectorAll("[data-gw-message]")) {
    const name = /** @type {string} */ (/** @type {HTMLElement} */ (slot).dataset.gwMessage);
    const text = errors[name] || "";
    slot.textContent = text;
    /** @type {HTMLElement} */ (slot).hidden = !text;
    for (const control of widget.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (text) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

/**
 * @param {Widget} widget
 * @param {Result} result
 */
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

/**
 * @param {Widget} widget
 * @param {string} message
 */
function showError(widget, message) {
  const paragraph = document.createElement("p");
  paragraph.className = "gw-problem";
  paragraph.textContent = say("error", { problem: message });
  widget.output.replaceChildren(paragraph);
  widget.root.dataset.gwState = "error";
}

/** Each widget's status line: loading, waiting for a reader saving data, or failed with "Try again". */
function showStatus({ state, problem, boot } = python.status()) {
  for (const widget of widgets) {
    widget.root.dataset.gwEngine = state;
    if (boot) widget.root.dataset.gwBoot = boot;
    if (state === "deferred") {
      widget.status.replaceChildren(say("deferred", { size: formatNumber(facts.download / 1e6, 1) }));
      watchForReader(widget);
    } else if (state === "loading") {
      widget.status.replaceChildren(say("loading"));
    } else if (state === "failed") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "gw-retry";
      retry.textContent = say("retry");
      retry.addEventListener("click", python.restart);
      const reason = say(`problem_${problem}`) || say("problem_runtime");
      widget.status.replaceChildren(`${say("failed", { problem: reason })} `, retry);
    } else {
      widget.status.replaceChildren();
    }
  }
}

// --- Binding ------------------------------------------------------------------------------------------------

/**
 * Binds the widget whose root is `root`: its answers back in its form, its events, its first question. Binding
 * a root again (Material replays the page to late subscribers) changes nothing and returns the same widget.
 * @param {WidgetRoot} root
 * @returns {Widget}
 */
function bind(root) {
  const known = bound.get(root);
  if (known) return known;
  /** @type {Widget} */
  const widget = {
    root,
    kind: root.dataset.gwKind,
    key: root.dataset.gwKey,
    plan: root.hasAttribute("data-gw-plan"),
    spec: JSON.parse(root.dataset.gwSpec),
    words: JSON.parse(root.dataset.gwWords),
    language: root.dataset.gwLang,
    form: /** @type {HTMLFormElement} */ (root.querySelector("form")),
    output: /** @type {HTMLElement} */ (root.querySelector("[data-gw-result]")),
    status: /** @type {HTMLElement} */ (root.querySelector("[data-gw-status]")),
    urls: [],
    shown: "",
    answered: false,
    inFlight: false,
    queued: false,
  };
  bound.set(root, widget);
  widgets.add(widget);
  // A date field marked data-gw-default="today" starts at the reader's own date.
  for (const field of widget.form.querySelectorAll('input[data-gw-default="today"]')) {
    const input = /** @type {HTMLInputElement} */ (field);
    if (!input.value) input.value = localToday();
  }
  widget.answered = answers.restore(widget.key, widget.form);
  if (widget.plan) {
    // A copy on the "My plan" page: it shows what was answered in the section, and works out its result.
    if (widget.answered) request(widget);
    return widget;
  }
  const ask = () => {
    answers.keep(widget.key, answers.fieldsOf(widget.form));
    device.show();
    request(widget);
  };
  widget.form.addEventListener("input", ask);
  widget.form.addEventListener("change", ask);
  widget.form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask();
  });
  widget.form.addEventListener("reset", () => setTimeout(() => {
    answers.keep(widget.key, null);
    device.show();
    request(widget);
  }, 0));
  device.bind(root.querySelector("[data-gw-device]"));
  request(widget);
  return widget;
}

// "Forget everything": every form empties (its reset asks for the empty result), and so does a plan.
device.afterForget(async () => {
  for (const widget of widgets) {
    if (widget.plan) continue;
    widget.form.reset();
    for (const field of widget.form.querySelectorAll('input[data-gw-default="today"]')) {
      /** @type {HTMLInputElement} */ (field).value = "";
    }
  }
  if (document.querySelector("[data-gw-plan-root]")) (await import("./plan.js")).clear();
});

const PROTECTED = "[data-gw-kind], [data-gw-plan-root], [data-gw-stored], [data-gw-page-device]";

/**
 * Whether this document lacks the policy that a page just brought in by instant navigation carries when it is
 * opened: the site puts it only on pages with widgets, and a document keeps the policy of the page it was
 * opened with. Such a page is opened anew, with its policy; it has no answers yet to lose.
 */
function lacksPolicy() {
  return facts.policy === "widget_pages" && !document.querySelector('meta[http-equiv="Content-Security-Policy"]') &&
    document.querySelector(PROTECTED) !== null;
}

let opened = false;

async function bindAll() {
  if (opened && lacksPolicy()) {
    location.reload();
    return;
  }
  opened = true;
  for (const widget of widgets) if (!widget.root.isConnected) widgets.delete(widget);
  const found = [...document.querySelectorAll("[data-gw-kind]")].map((root) => bind(/** @type {WidgetRoot} */ (root)));
  for (const root of document.querySelectorAll("[data-gw-page-device] [data-gw-device]")) device.bind(/** @type {HTMLElement} */ (root));
  showStatus();
  device.show();
  const plan = document.querySelector("[data-gw-plan-root]");
  if (plan) {
    const answered = new Map(found.map((widget) => [widget.root, widget.answered]));
    (await import("./plan.js")).show(plan, answered, {
      widgets: found.filter((widget) => widget.plan), say, formatDate, localToday,
    });
  }
  // Said for tests and tools: this page is bound. Whatever its widgets start, they have started by now.
  document.documentElement.dataset.gwBound = "yes";
}

python.onChange(showStatus);

function whenParsed() {
  bindAll();
  // Material's instant navigation swaps the page without reloading scripts: bind again after each swap.
  if (window.document$) window.document$.subscribe(bindAll);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed, { once: true });
else whenParsed();
