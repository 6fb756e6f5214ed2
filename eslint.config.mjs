// ESLint 9 flat config. Fast (no type-aware rules).
// Layers: docs/layers.json is the README's "may import" column, enforced below as an allow-list;
//   the engine and src/a1 import nothing, memory-excel (the in-memory Excel) only src/a1, so it
//   can model Excel but never PerfCycle's own rules (the preview, tests and bench drive it).
// Sizes: no file over 400 lines, no function over 80 (as warnings, and lint runs with
//   --max-warnings=0); no exception is needed today.
// Test files (*.test.ts[x], test/**) are exempt from the layer rules (they may read fixtures with
//   fs, etc.) and from the function-length rule (a describe block groups many small tests).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";
import { readFileSync } from "node:fs";

const TS = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "test/**"];

// eslint-plugin-office-addins only ships a full flat config (with its own parser, prettier and
// ecmaVersion 6); take just its office-addins/* rules, at the levels its recommended config sets.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

const officeGlobals = {
  Office: "readonly",
  Excel: "readonly",
  OfficeExtension: "readonly",
  CustomFunctions: "readonly",
};

/** What each folder under src may import: the README's table, kept in one file. */
const LAYERS = JSON.parse(readFileSync(new URL("./docs/layers.json", import.meta.url), "utf8"));

/** A relative import reaching into any layer but the allowed ones, e.g. "../workbook". */
const onlyLayers = (name, allowed) => {
  const refused = Object.keys(LAYERS).filter((l) => l !== name && !allowed.includes(l));
  const may = allowed.length > 0 ? allowed.map((l) => `src/${l}`).join(", ") : "no other layer";
  return refused.length === 0
    ? []
    : [
        {
          regex: `^(\\.\\./)+(${refused.join("|")})(/|$)`,
          message: `src/${name} may import ${may} (README, "Where things are": may import).`,
        },
      ];
};
const pkgs = (message, ...group) => ({ group, message });

const REACT = pkgs(
  "No React or Fluent UI in this layer.",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
);
const NODE = pkgs(
  "No Node.js modules in this layer (it runs in the browser or must stay pure).",
  "fs",
  "fs/*",
  "node:*",
  "path",
  "os",
  "child_process",
);
const EXCELJS = pkgs("exceljs is for the CLI and tests only.", "exceljs", "exceljs/*");
const OFFICE = pkgs(
  "No Office.js in this layer.",
  "@microsoft/office-js",
  "@microsoft/office-js/*",
  "office-js",
);

/** Packages each layer may not import (its host's, or the UI's). */
const PACKAGES = {
  engine: [REACT, NODE, EXCELJS, OFFICE],
  contract: [REACT, NODE, EXCELJS, OFFICE],
  present: [REACT, NODE, EXCELJS, OFFICE],
  a1: [REACT, NODE, EXCELJS, OFFICE],
  functions: [REACT, NODE, EXCELJS],
  workbook: [REACT, NODE, EXCELJS],
  taskpane: [NODE, EXCELJS],
  "memory-excel": [REACT, NODE, EXCELJS, OFFICE],
  preview: [NODE],
  cli: [REACT],
};

const restrict = (files, ...patterns) => ({
  files,
  ignores: TESTS,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const DOM_AND_OFFICE_GLOBALS = [
  "Office",
  "Excel",
  "OfficeExtension",
  "CustomFunctions",
  "window",
  "document",
  "localStorage",
].map((name) => ({
  name,
  message: `${name} is not available here: engine and contract stay host-independent (src/workbook talks to Office).`,
}));

export default defineConfig(
  {
    ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**", "**/*.min.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },

  // Environments
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "scripts/**", "src/cli/**", "bin/**", "test/**", "*.config.*"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["src/taskpane/**", "src/preview/**", "src/workbook/**", "src/functions/**"],
    languageOptions: { globals: { ...globals.browser, ...officeGlobals } },
  },
  {
    files: TESTS,
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },

  // Office add-in rules (Excel API usage: load/sync)
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },

  // React hooks in the UI layers
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs["recommended-latest"].rules,
  },

  // Layer rules: the README's "may import" column as an allow-list (docs/layers.json; a test
  // checks that the README's table says the same). A folder may import the layers it lists and
  // no other folder under src; the package groups keep each layer's host out of the rest.
  ...Object.entries(LAYERS).map(([name, allowed]) =>
    restrict([`src/${name}/**`], ...onlyLayers(name, allowed), ...(PACKAGES[name] ?? [])),
  ),

  // Sizes (issue 10): a file over 400 lines or a function over 80 is a warning, and the lint
  // runs with --max-warnings=0. Tests are exempt from the function rule only: a describe block
  // groups many small tests. Named exceptions follow, each with its reason.
  {
    files: ["src/**", "scripts/**", "bench/**", "test/**", "*.config.*"],
    rules: { "max-lines": ["warn", { max: 400 }] },
  },
  {
    files: ["src/**", "scripts/**", "bench/**", "*.config.*"],
    ignores: TESTS,
    rules: { "max-lines-per-function": ["warn", { max: 80 }] },
  },
  {
    files: ["src/engine/**", "src/contract/**"],
    ignores: TESTS,
    rules: { "no-restricted-globals": ["error", ...DOM_AND_OFFICE_GLOBALS] },
  },
  {
    files: TS,
    rules: {
      // TypeScript checks these itself.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
);
