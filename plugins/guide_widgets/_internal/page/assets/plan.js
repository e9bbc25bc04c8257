// The "My plan" page: every widget of the guide, in guide order, with the answers given in its section (in
// this visit, or remembered with the reader's consent) and their result, worked out again by the same logic.
// Loaded by widgets.js on that page only. Download makes a Markdown file in the browser; nothing is sent.

/** @typedef {import("./widgets.js").Widget} Widget */
/**
 * What widgets.js hands the plan: the widgets bound on the page, and facts.js's words and dates.
 * @typedef {object} Api
 * @property {Widget[]} widgets
 * @property {(key: string, values?: Record<string, string>) => string} say
 * @property {(iso: string) => string} formatDate
 * @property {() => string} localToday
 */

/** @type {{root: Element, api: Api} | null} */
let current = null; // {root, api} of the plan on the page

/** @param {Element | null | undefined} element */
function text(element) {
  return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLInputElement} control
 */
function labelOf(form, control) {
  return text(control && control.id ? form.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null);
}

// What the reader answered, as (question, answer) pairs read from the widget's own form: the question is the
// group's legend or the field's label, the answer the chosen labels or the typed value.
/**
 * @param {HTMLFormElement} form
 * @param {Api["formatDate"]} formatDate
 * @param {Api["say"]} say
 * @returns {[string, string][]}
 */
export function answersOf(form, formatDate, say) {
  /** @type {[string, string][]} */
  const rows = [];
  const open = []; // questions with one answer to pick (radio groups) left unanswered
  const seen = new Set();
  // Each control read as an input: `checked` is read only from checkboxes and radios.
  const controls = /** @type {HTMLInputElement[]} */ ([...form.elements]).filter((control) => control.name && control.type !== "reset");
  for (const control of controls) {
    if (seen.has(control.name)) continue;
    seen.add(control.name);
    const group = controls.filter((other) => other.name === control.name);
    let question;
    let answer;
    if (control.type === "radio" || control.type === "checkbox") {
      question = text(control.closest("fieldset")?.querySelector("legend"));
      answer = group.filter((box) => box.checked).map((box) => labelOf(form, box)).join("; ");
    } else {
      question = labelOf(form, control);
      const value = control.value.trim();
      answer = control.type === "date" && value ? formatDate(value) : value;
    }
    if (answer) rows.push([question, answer]);
    else if (control.type === "radio") open.push(question);
  }
  if (open.length) rows.push([say("plan_open"), open.join("; ")]);
  return rows;
}

// Each entry of the plan (the build's) has its list of answers and its result.
/**
 * @param {Element} entry
 * @param {Widget} widget
 * @param {Api} api
 */
function fillAnswers(entry, widget, api) {
  const list = /** @type {Element} */ (entry.querySelector("[data-gw-answers]"));
  const rows = answersOf(widget.form, api.formatDate, api.say);
  list.replaceChildren(...rows.map(([question, answer]) => {
    const row = document.createElement("div");
    const term = document.createElement("dt");
    term.textContent = question;
    const value = document.createElement("dd");
    value.textContent = answer;
    row.append(term, value);
    return row;
  }));
}

/**
 * @param {Element} entry
 * @param {boolean} answered
 * @param {Api} api
 */
function setAnswered(entry, answered, api) {
  entry.toggleAttribute("data-gw-unanswered", !answered);
  let nothing = entry.querySelector(".gw-plan-nothing");
  if (!answered && !nothing) {
    nothing = document.createElement("p");
    nothing.className = "gw-plan-nothing";
    nothing.textContent = api.say("plan_nothing");
    /** @type {Element} */ (entry.querySelector("[data-gw-answers]")).before(nothing);
  }
  if (answered && nothing) nothing.remove();
}

// The plan page's parts are the build's: every one is there.
/**
 * @param {Element} root
 * @param {Map<Element, boolean>} answered whether each widget (by its root) had answers when it was bound
 * @param {Api} api
 */
export function show(root, answered, api) {
  current = { root, api };
  let any = false;
  for (const entry of root.querySelectorAll("[data-gw-plan-entry]")) {
    const widgetRoot = entry.querySelector("[data-gw-kind]");
    const widget = api.widgets.find((w) => w.root === widgetRoot);
    const done = Boolean(widget && answered.get(/** @type {Element} */ (widgetRoot)));
    any ||= done;
    setAnswered(entry, done, api);
    if (done) fillAnswers(entry, /** @type {Widget} */ (widget), api);
  }
  /** @type {HTMLElement} */ (root.querySelector("[data-gw-plan-empty]")).hidden = any;
  const actions = /** @type {HTMLElement} */ (root.querySelector("[data-gw-plan-actions]"));
  actions.hidden = !any;
  if (!actions.dataset.gwBound) {
    actions.dataset.gwBound = "yes";
    /** @type {Element} */ (actions.querySelector("[data-gw-plan-print]")).addEventListener("click", () => window.print());
    /** @type {Element} */ (actions.querySelector("[data-gw-plan-download]")).addEventListener("click", () => download(root, api));
  }
}

// After "Forget everything": the plan is empty again.
export function clear() {
  if (!current || !current.root.isConnected) return;
  const { root, api } = current;
  for (const entry of root.querySelectorAll("[data-gw-plan-entry]")) {
    setAnswered(entry, false, api);
    /** @type {Element} */ (entry.querySelector("[data-gw-answers]")).replaceChildren();
    /** @type {Element} */ (entry.querySelector("[data-gw-result]")).replaceChildren();
  }
  /** @type {HTMLElement} */ (root.querySelector("[data-gw-plan-empty]")).hidden = false;
  /** @type {HTMLElement} */ (root.querySelector("[data-gw-plan-actions]")).hidden = true;
}

// The plan as Markdown: headings, the answers as a list, the result as text, and where each section is.
/**
 * @param {Element} root
 * @param {Api} api
 */
export function planMarkdown(root, api) {
  const site = text(document.querySelector(".md-header__topic")) || document.title;
  const lines = [`# ${api.say("plan_file_title", { site })}`, "", api.say("plan_file_made", {
    date: api.formatDate(api.localToday()),
  }), ""];
  for (const entry of root.querySelectorAll("[data-gw-plan-entry]:not([data-gw-unanswered])")) {
    const heading = /** @type {HTMLAnchorElement} */ (entry.querySelector("h2 a"));
    lines.push(`## ${text(heading)}`, "", `### ${text(entry.querySelector(".gw-title"))}`, "");
    lines.push(`**${api.say("plan_answers")}**`, "");
    for (const row of entry.querySelectorAll("[data-gw-answers] > div")) {
      lines.push(`- ${text(row.querySelector("dt"))}: ${text(row.querySelector("dd"))}`);
    }
    lines.push("", `**${api.say("plan_result")}**`, "");
    const result = /** @type {Element} */ (entry.querySelector("[data-gw-result]"));
    for (const block of result.querySelectorAll("p, li")) {
      if (block.closest("li") && block.tagName === "P") continue;
      lines.push(block.tagName === "LI" ? `- ${text(block)}` : text(block), "");
    }
    lines.push(api.say("plan_link", { url: heading.href }), "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

/**
 * @param {Element} root
 * @param {Api} api
 */
function download(root, api) {
  const url = URL.createObjectURL(new Blob([planMarkdown(root, api)], { type: "text/markdown;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  const heading = document.querySelector("article h1");
  const title = heading ? [...heading.childNodes].filter((node) => !(node instanceof Element && node.classList.contains("headerlink")))
    .map((node) => node.textContent).join("") : "";
  link.download = `${title.trim().toLowerCase().replace(/\W+/g, "-").replace(/^-|-$/g, "") || "plan"}.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
