// What the page's scripts find on `window` and `navigator` beyond the DOM's own types, for tsc --checkJs.

interface Window {
  /** The head's starter (start.js): where the site is, and how a worker is started. */
  guideWidgetsStart?: any;
  /** Material for MkDocs' observable of the page, which replays after each instant page change. */
  document$?: { subscribe(listener: () => void): unknown };
}

interface Navigator {
  /** The Network Information API, where the browser has it (Chromium): Save-Data and the connection's type. */
  connection?: { saveData?: boolean; effectiveType?: string; downlink?: number };
}
