// ESLint for the browser side (plugins/guide_widgets/_internal/page/assets/) and the Node scripts: `./scripts/test` runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["plugins/guide_widgets/_internal/page/assets/**/*.js", "bench/bare/*.js"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["plugins/guide_widgets/_internal/page/assets/start.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["plugins/guide_widgets/_internal/page/assets/worker.js", "plugins/guide_widgets/_internal/page/assets/offline-worker.js"],
    languageOptions: { globals: { ...globals.worker, ...globals.serviceworker } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Scripts that drive a browser: the functions they hand to the page run there.
    files: ["tests/browser/*.mjs", "bench/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: "error",
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  { ignores: ["node_modules/", "site/", ".venv/", "build/", "bench-results/"] },
];
