// The reader's answers: this visit's, in memory (so that a widget page left and reached again by instant
// navigation, and the "My plan" page, still have them), and on the device only once the reader has ticked
// "Remember my answers on this device" (memory.js keeps them there).

import { say } from "./facts.js";
import * as memory from "./memory.js";

/** @typedef {Record<string, string | string[]>} Fields a form's answers, by control name */
/** @typedef {HTMLInputElement} Control a form's control, read as an input: `checked` only from checkboxes and radios */

/** @type {Map<string, Fields>} widget key -> what the reader has answered in this visit */
export const visit = new Map();
/** @type {Map<string, Fields> | null} widget key -> answers remembered on the device, read once per visit */
let remembered = null;

/** The last thing said about this device (an answer could not be kept, say), shown by every device control. */
export const note = { text: "" };

function rememberedAnswers() {
  if (remembered === null) {
    const { answers, damaged } = memory.loadAnswers();
    remembered = answers;
    if (damaged) note.text = say("remember_ignored");
  }
  return remembered;
}

/**
 * A form's answers, as the logic receives them.
 * @param {HTMLFormElement} form
 * @returns {Fields}
 */
export function fieldsOf(form) {
  /** @type {Fields} */
  const fields = {};
  for (const control of /** @type {Iterable<Control>} */ (form.elements)) {
    if (!control.name) continue;
    if (control.type === "checkbox") {
      fields[control.name] ??= [];
      if (control.checked) /** @type {string[]} */ (fields[control.name]).push(control.value);
    } else if (control.type === "radio") {
      fields[control.name] ??= "";
      if (control.checked) fields[control.name] = control.value;
    } else {
      fields[control.name] = control.value;
    }
  }
  return fields;
}

/**
 * Puts the answers the widget under `key` had (this visit, or remembered) back into `form`. Answers whether
 * there were any.
 * @param {string} key
 * @param {HTMLFormElement} form
 * @returns {boolean}
 */
export function restore(key, form) {
  const fields = visit.get(key) ?? rememberedAnswers().get(key);
  if (!fields) return false;
  visit.set(key, fields);
  if (applyFields(form, fields) > 0) note.text = say("remember_ignored");
  return true;
}

// Sets each control from `fields`; a name or value this form no longer has (a later build changed the
// widget) is left out. Answers how many were left out.
/**
 * @param {HTMLFormElement} form
 * @param {Fields} fields
 */
function applyFields(form, fields) {
  let ignored = 0;
  const controls = /** @type {Control[]} */ ([...form.elements]).filter((control) => control.name);
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

/**
 * Keeps a widget's answers (null: none) for this visit, and on the device when the reader asked for that.
 * @param {string} key
 * @param {Fields | null} fields
 */
export function keep(key, fields) {
  if (fields === null) visit.delete(key);
  else visit.set(key, fields);
  if (!memory.remembering()) return;
  const problem = memory.saveAnswers(key, fields);
  if (problem) note.text = say(`remember_${problem}`);
  else if (note.text === say("remember_full")) note.text = "";
}

/**
 * Turns remembering on or off; answers the outcome's word (started, stopped, blocked, full).
 * @param {boolean} on
 */
export function setRemembering(on) {
  const outcome = memory.setRemembering(on, visit);
  if (outcome === "stopped") remembered = new Map();
  return outcome;
}

/** After "Forget everything": no answer is left, in this visit or on the device. */
export function forgetAll() {
  visit.clear();
  remembered = new Map();
}
