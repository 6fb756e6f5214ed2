/*
 * Jest 30 + ts-jest. Two projects, chosen by file extension (no docblocks needed):
 *   *.test.ts  -> "node"  (testEnvironment node)
 *   *.test.tsx -> "jsdom" (testEnvironment jsdom: React components, DOM)
 * TypeScript is transpiled per file (tsconfig isolatedModules) via tsconfig.jest.json, which is
 * tsconfig.json with CommonJS modules; type errors are caught by `npm run typecheck`, not here.
 * test/e2e is excluded (run by `npm run test:e2e`).
 */
/** @type {import('jest').Config['projects'][number]} */
const shared = {
  rootDir: __dirname,
  roots: ["<rootDir>/src", "<rootDir>/test", "<rootDir>/scripts"],
  testPathIgnorePatterns: [
    "/node_modules/",
    "/dist/",
    "/lib/",
    "/coverage/",
    "/test-output/",
    "<rootDir>/test/e2e/",
  ],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  collectCoverageFrom: ["src/**/*.{ts,tsx}", "!src/**/*.test.{ts,tsx}", "!src/**/*.d.ts"],
  coverageDirectory: "coverage",
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["**/*.test.ts"] },
    { ...shared, displayName: "jsdom", testEnvironment: "jsdom", testMatch: ["**/*.test.tsx"] },
  ],
};
