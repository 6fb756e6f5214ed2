// ESLint 9 flat config. Fast (no type-aware rules). Layer rules keep the engine pure:
//   engine   <- contract <- workbook / functions / taskpane / preview / cli
//   memory-excel (the in-memory Excel) stands alone: it imports nothing from src, so it can only
//   model Excel, never PerfCycle's own rules (the preview, tests and bench drive it).
// Test files (*.test.ts[x]) are exempt from the layer rules (they may read fixtures with fs, etc.).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

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

/** Relative imports that reach into another layer, e.g. "../workbook" or "../../cli/main". */
const layer = (...names) => ({
  regex: `^(\\.\\./)+(${names.join("|")})(/|$)`,
  message: `This layer may not import from src/${names.length === 1 ? names[0] : `{${names.join(",")}}`}.`,
});
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

  // Layer rules
  restrict(
    ["src/engine/**"],
    layer("contract", "functions", "workbook", "taskpane", "preview", "cli", "memory-excel"),
    REACT,
    NODE,
    EXCELJS,
    OFFICE,
  ),
  restrict(
    ["src/contract/**"],
    layer("functions", "workbook", "taskpane", "preview", "cli", "memory-excel"),
    REACT,
    NODE,
    EXCELJS,
    OFFICE,
  ),
  restrict(
    ["src/functions/**"],
    layer("workbook", "taskpane", "preview", "cli", "memory-excel"),
    REACT,
    NODE,
    EXCELJS,
  ),
  restrict(["src/workbook/**"], layer("taskpane", "preview", "cli", "memory-excel"), REACT, NODE, EXCELJS),
  restrict(["src/taskpane/**"], layer("cli", "memory-excel"), NODE, EXCELJS),
  restrict(["src/preview/**"], layer("cli"), NODE),
  restrict(["src/cli/**"], layer("workbook", "taskpane", "preview", "memory-excel"), REACT),
  // The in-memory Excel models Excel only: no PerfCycle layer, no UI, no Node, no Office.js.
  restrict(
    ["src/memory-excel/**"],
    layer("engine", "contract", "functions", "workbook", "taskpane", "preview", "cli"),
    REACT,
    NODE,
    EXCELJS,
    OFFICE,
  ),
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
