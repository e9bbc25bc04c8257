// Pictures of a result (guide_widgets.logic.pictures): the logic sends data, this draws it as SVG built with
// DOM calls, geometry in attributes and every colour from a CSS class (the policy allows no inline style).
// Each picture is an image with its sentence as its name (role="img", aria-label); the words of the result
// say the same, so nothing is told by the picture alone, or by colour alone: the chosen zone is outlined and
// marked, done parts are filled and not-yet parts outlined.

const SVG = "http://www.w3.org/2000/svg";

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [cls]
 * @returns {SVGElement}
 */
function shape(tag, attributes, cls = "") {
  const element = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (cls) element.setAttribute("class", cls);
  return element;
}

/**
 * An image of `width` by `height` units that scales with the text: `kind` names its CSS class.
 * @param {string} kind
 * @param {string} label
 * @param {number} width
 * @param {number} height
 */
function canvas(kind, label, width, height) {
  const svg = shape("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label,
    preserveAspectRatio: "none", focusable: "false" }, `gw-picture gw-${kind}`);
  const title = shape("title", {});
  title.textContent = label;
  svg.append(title);
  return svg;
}

/**
 * The reader's place on a picture 100 units wide: a full-height mark, kept whole inside the edges.
 * @param {number} at
 */
function mark(at) {
  const x = Math.min(Math.max(at, 0.8), 99.2);
  return shape("rect", { x: x - 0.8, y: 0, width: 1.6, height: 10 }, "gw-mark");
}

/** @param {{zones: number[][], at: number | null, band: number, settled: boolean, label: string}} node */
function scale(node) {
  const svg = canvas("scale", node.label, 100, 10);
  node.zones.forEach(([from, to], index) => {
    const chosen = index === node.band;
    svg.append(shape("rect", { x: from, y: chosen ? 0.5 : 2, width: Math.max(to - from, 0.5), height: chosen ? 9 : 6 },
      `gw-zone gw-zone-${Math.min(index, 4)}${chosen ? " gw-chosen" : ""}${chosen && node.settled ? " gw-settled" : ""}`));
  });
  if (node.at !== null && node.at !== undefined) svg.append(mark(node.at));
  return svg;
}

/** @param {{done: number, total: number, label: string}} node */
function parts(node) {
  const total = Math.max(node.total, 1);
  const svg = canvas("parts", node.label, total * 10, 10);
  svg.setAttribute("preserveAspectRatio", "xMinYMid meet");
  for (let index = 0; index < node.total; index++) {
    const done = index < node.done;
    svg.append(shape("rect", { x: index * 10 + 1, y: 1, width: 8, height: 8, rx: 1.5 },
      done ? "gw-part gw-part-done" : "gw-part gw-part-todo"));
  }
  return svg;
}

/** @param {{elapsed: number, total: number | null, marks: number[], label: string}} node */
function days(node) {
  const svg = canvas("days", node.label, 100, 10);
  const open = node.total === null;
  // A period with no end has no scale of its own: it is drawn against the next whole 30 days it is in.
  const span = open ? Math.max(30, Math.ceil((node.elapsed + 1) / 30) * 30) : Math.max(/** @type {number} */ (node.total), 1);
  const share = Math.min(node.elapsed / span, 1) * 100;
  svg.append(shape("rect", { x: 0.5, y: 2.5, width: 99, height: 5 }, open ? "gw-track gw-track-open" : "gw-track"));
  if (share > 0) svg.append(shape("rect", { x: 0.5, y: 2.5, width: Math.max(share - 0.5, 0.5), height: 5 }, "gw-elapsed"));
  for (const mark of node.marks) svg.append(shape("rect", { x: mark - 0.3, y: 1, width: 0.6, height: 8 }, "gw-tick"));
  svg.append(mark(share)); // today
  return svg;
}

/**
 * @param {{items: {name: string, value: number}[], label: string, digits: number}} node
 * @param {(value: number, digits: number) => string} formatNumber
 */
function bars(node, formatNumber) {
  const figure = document.createElement("figure");
  figure.className = "gw-bars";
  const caption = document.createElement("figcaption");
  caption.textContent = node.label;
  figure.append(caption);
  const largest = Math.max(...node.items.map((item) => Math.abs(item.value)), 0) || 1;
  for (const item of node.items) {
    const row = document.createElement("div");
    row.className = "gw-bar-row";
    const name = document.createElement("span");
    name.textContent = item.name;
    const svg = shape("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true",
      focusable: "false" }, "gw-picture gw-bar");
    svg.append(shape("rect", { x: 0, y: 1, width: Math.max(Math.abs(item.value) / largest * 100, 0.5), height: 8 }, "gw-bar-fill"));
    const value = document.createElement("span");
    value.className = "gw-bar-value";
    value.textContent = formatNumber(item.value, node.digits);
    row.append(name, svg, value);
    figure.append(row);
  }
  return figure;
}

export const PICTURES = new Set(["scale", "parts", "days", "bars"]);

/**
 * The picture a node describes.
 * @param {any} node a picture node as the logic sent it (JSON)
 * @param {(value: number, digits: number) => string} formatNumber
 * @returns {Element}
 */
export function picture(node, formatNumber) {
  switch (node.t) {
    case "scale":
      return scale(node);
    case "parts":
      return parts(node);
    case "days":
      return days(node);
    default:
      return bars(node, formatNumber);
  }
}
